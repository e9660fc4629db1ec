#include "plotstyle.h"

#include "displayformat.h"
#include "localeticker.h"
#include "riskstyle.h"

namespace lp::plotstyle {

QCustomPlot *newPlot(const QString &objectName, const QString &title, QWidget *parent)
{
    auto *plot = new QCustomPlot(parent);
    plot->setObjectName(objectName);
    plot->setMinimumSize(280, 200);
    plot->setLocale(display::locale());
    plot->plotLayout()->insertRow(0);
    QFont titleFont = plot->font();
    titleFont.setBold(true);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot, title, titleFont));
    auto ticker = QSharedPointer<LocaleTicker>::create();
    plot->xAxis->setTicker(ticker);
    plot->yAxis->setTicker(ticker);
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
        axis->grid()->setSubGridVisible(true);
        axis->grid()->setSubGridPen(QPen(QColor(0, 0, 0, 18), 0, Qt::DotLine));
    }
    plot->legend->setBrush(QColor(255, 255, 255, 225));
    plot->legend->setBorderPen(QPen(QColor(0, 0, 0, 60)));
    return plot;
}

QCPTextElement *titleOf(QCustomPlot *plot)
{
    return qobject_cast<QCPTextElement *>(plot->plotLayout()->element(0, 0));
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
