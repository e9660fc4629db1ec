#include "ratecurvechart.h"

#include "qcustomplot_include.h"

#include <QVBoxLayout>

#include <algorithm>

namespace lp {

RateCurveChart::RateCurveChart(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setObjectName(QStringLiteral("rateCurvePlot"));
    m_plot->setMinimumSize(260, 170);
    m_plot->xAxis->setLabel(tr("Utilization (%)"));
    m_plot->yAxis->setLabel(tr("APY (%)"));
    m_plot->xAxis->setRange(0, 100);
    m_borrow = m_plot->addGraph();
    m_borrow->setName(tr("Borrow APY"));
    m_borrow->setPen(QPen(QColor(0xc6, 0x28, 0x28), 2)); // red 800
    m_supply = m_plot->addGraph();
    m_supply->setName(tr("Supply APY"));
    m_supply->setPen(QPen(QColor(0x15, 0x65, 0xc0), 2)); // blue 800
    m_kink = new QCPItemStraightLine(m_plot);
    m_kink->setPen(QPen(QColor(0x61, 0x61, 0x61), 1, Qt::DashLine));
    m_kink->setVisible(false);
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_plot->legend->setFont(small);
    showStrategy(std::nullopt, 0, QString());
}

void RateCurveChart::showStrategy(const std::optional<RateStrategy> &strategy, double reserveFactor,
                                  const QString &symbol)
{
    m_borrow->data()->clear();
    m_supply->data()->clear();
    m_kink->setVisible(false);
    if (!strategy) {
        m_plot->xAxis->setLabel(symbol.isEmpty() ? tr("No reserve selected")
                                                 : tr("%1: no rate strategy in the market file").arg(symbol));
        m_plot->yAxis->setRange(0, 10);
        m_plot->replot();
        return;
    }
    QVector<double> u, borrow, supply;
    double top = 0;
    for (const RatePoint &p : rateCurve(*strategy, reserveFactor, 201)) {
        u << p.utilization * 100.0;
        borrow << p.borrowApy * 100.0;
        supply << p.supplyApy * 100.0;
        top = std::max(top, p.borrowApy * 100.0);
    }
    m_borrow->setData(u, borrow, true);
    m_supply->setData(u, supply, true);
    m_kink->point1->setCoords(strategy->optimalUtilization * 100.0, 0);
    m_kink->point2->setCoords(strategy->optimalUtilization * 100.0, 1);
    m_kink->setVisible(true);
    m_plot->xAxis->setLabel(
        tr("%1 utilization (%), kink at %2 %")
            .arg(symbol, QLocale().toString(strategy->optimalUtilization * 100.0, 'g', 4)));
    m_plot->yAxis->setRange(0, std::max(top * 1.05, 1.0));
    m_plot->replot();
}

} // namespace lp
