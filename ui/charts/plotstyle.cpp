#include "plotstyle.h"

#include "charttheme.h"
#include "displayformat.h"
#include "localeticker.h"
#include "riskstyle.h"

namespace lp::plotstyle {

namespace {

// Restyles a plot when its palette changes; owned by the plot.
class PaletteFollower : public QObject {
public:
    explicit PaletteFollower(QCustomPlot *plot) : QObject(plot), m_plot(plot)
    {
        plot->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_plot && event->type() == QEvent::PaletteChange) {
            ChartTheme::fromPalette(m_plot->palette()).applyTo(m_plot);
            m_plot->replot(QCustomPlot::rpQueuedReplot);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QCustomPlot *m_plot;
};

} // namespace

QCPTextElement *setUpPlot(QCustomPlot *plot, const QString &objectName, const QString &title)
{
    plot->setObjectName(objectName);
    plot->setLocale(display::locale());
    plot->plotLayout()->insertRow(0);
    QFont titleFont = plot->font();
    titleFont.setBold(true);
    auto *element = new QCPTextElement(plot, title, titleFont);
    plot->plotLayout()->addElement(0, 0, element);
    auto ticker = QSharedPointer<LocaleTicker>::create();
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis, plot->yAxis2}) {
        axis->setTicker(ticker);
        axis->grid()->setSubGridVisible(axis != plot->yAxis2);
    }
    plot->legend->setVisible(true);
    // Wide solid pens are stroked with a plain polyline instead of QStroker's joins: half the replot time
    // of a 2,001-point curve (bench/bench_replot), and the joins of such dense curves are not visible.
    plot->setPlottingHint(QCP::phFastPolylines, true);
    return element;
}

void followPalette(QCustomPlot *plot)
{
    ChartTheme::fromPalette(plot->palette()).applyTo(plot);
    new PaletteFollower(plot);
}

QCustomPlot *newPlot(const QString &objectName, const QString &title, QWidget *parent)
{
    auto *plot = new QCustomPlot(parent);
    plot->setMinimumSize(280, 200);
    setUpPlot(plot, objectName, title);
    plot->legend->setVisible(false); // the views show it where they have several series
    followPalette(plot);
    return plot;
}

ColorMap addColorMap(QCustomPlot *plot, const QString &scaleLabel)
{
    ColorMap m;
    m.map = new QCPColorMap(plot->xAxis, plot->yAxis);
    m.map->setInterpolate(false);
    m.scale = new QCPColorScale(plot);
    // Row 1 holds the axis rect (row 0 is the title).
    plot->plotLayout()->addElement(1, 1, m.scale);
    m.scale->setType(QCPAxis::atRight);
    m.scale->axis()->setLabel(scaleLabel);
    m.scale->axis()->setTicker(QSharedPointer<LocaleTicker>::create());
    m.map->setColorScale(m.scale);
    // Keep the colour scale as tall as the plot.
    auto *group = new QCPMarginGroup(plot);
    plot->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    m.scale->setMarginGroup(QCP::msBottom | QCP::msTop, group);
    return m;
}

QCPColorGradient profitLossGradient()
{
    QCPColorGradient g;
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    g.setColorStopAt(0.0, risk::colorFor(risk::Level::Danger));
    g.setColorStopAt(0.5, QColor(250, 250, 250));
    g.setColorStopAt(1.0, QColor(0x2e, 0x7d, 0x32)); // green 800
    return g;
}

QCPColorGradient probabilityGradient()
{
    QCPColorGradient g;
    g.setColorInterpolation(QCPColorGradient::ciRGB);
    g.setColorStopAt(0.0, QColor(250, 250, 250));
    g.setColorStopAt(0.5, QColor(0xff, 0xb3, 0x00)); // amber 600
    g.setColorStopAt(1.0, risk::colorFor(risk::Level::Danger));
    return g;
}

} // namespace lp::plotstyle
