#include "protectionpanel.h"

#include "displayformat.h"
#include "qcustomplot_include.h"
#include "viewchart.h"

#include <QHBoxLayout>
#include <QLabel>

#include <algorithm>
#include <cmath>

namespace lp {

namespace {

constexpr int kBins = 40;

// A histogram of sorted values over [lo, hi] as the share of paths per bin, at the bins' centres.
void histogram(const std::vector<double> &sorted, double lo, double hi, QVector<double> *x,
               QVector<double> *y)
{
    x->clear();
    y->clear();
    if (sorted.empty() || !(hi > lo))
        return;
    const double width = (hi - lo) / kBins;
    QVector<double> counts(kBins, 0.0);
    for (double v : sorted) {
        const int bin = std::clamp(static_cast<int>((v - lo) / width), 0, kBins - 1);
        counts[bin] += 1.0;
    }
    for (int b = 0; b < kBins; ++b) {
        x->append(lo + (b + 0.5) * width);
        y->append(counts[b] / static_cast<double>(sorted.size()));
    }
}

QString quantileText(const ProtectionQuantiles &q)
{
    return QStringLiteral("%1 / %2 / %3").arg(display::usd(q.p5), display::usd(q.p50), display::usd(q.p95));
}

} // namespace

ProtectionPanel::ProtectionPanel(QWidget *parent)
    : QWidget(parent), m_summary(new QLabel),
      m_chart(new ViewChart(QStringLiteral("risk.protectionEquity"),
                            tr("Final equity with and without the rules")))
{
    m_summary->setObjectName(QStringLiteral("risk.protectionSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QCustomPlot *plot = m_chart->plot();
    plot->xAxis->setLabel(tr("Final equity (USD)"));
    plot->yAxis->setLabel(tr("Share of paths"));
    m_without = plot->addGraph();
    m_without->setLineStyle(QCPGraph::lsStepCenter);
    m_without->setPen(QPen(QColor(200, 60, 60), 2));
    m_without->setBrush(QColor(200, 60, 60, 50));
    m_with = plot->addGraph();
    m_with->setLineStyle(QCPGraph::lsStepCenter);
    m_with->setPen(QPen(QColor(40, 120, 200), 2));
    m_with->setBrush(QColor(40, 120, 200, 50));
    plot->legend->setVisible(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary, 2);
    layout->addWidget(m_chart, 3);
    setVisible(false);
}

void ProtectionPanel::showProtection(const OutlookProtection &protection)
{
    if (!protection.result) {
        setVisible(!protection.errors.isEmpty());
        m_summary->setText(
            tr("Protection not simulated: %1").arg(formatErrors(protection.errors).toHtmlEscaped()));
        m_with->data()->clear();
        m_without->data()->clear();
        m_chart->redraw();
        return;
    }
    const ProtectionMonteCarloResult &r = *protection.result;
    QString rules;
    for (const ProtectionRuleStats &s : r.rules)
        rules += tr("<tr><td>%1</td><td align=right>%2</td><td align=right>%3</td><td align=right>%4</td>"
                    "<td align=right>%5</td></tr>")
                     .arg(toString(s.kind), display::percent(s.fireProbability, 1),
                          display::number(s.expectedExecutions, 2), display::usd(s.expectedFeesUsd),
                          display::usd(s.p95FeesUsd));
    m_summary->setText(
        tr("<b>Protection rules</b> on the same %1 paths<br>"
           "<table cellspacing=4><tr><td></td><th>with the rules</th><th>without</th></tr>"
           "<tr><td>Liquidated</td><td align=right><b>%2</b></td><td align=right><b>%3</b></td></tr>"
           "<tr><td>Final equity p5 / p50 / p95</td><td align=right>%4</td><td align=right>%5</td></tr>"
           "<tr><td>P&amp;L against holding, median</td><td align=right>%6</td><td align=right>%7</td></tr>"
           "</table><br>"
           "<table cellspacing=4><tr><th align=left>rule</th><th>fires</th><th>executions</th>"
           "<th>fees, mean</th><th>fees, p95</th></tr>%8</table>"
           "<br>Costs: service fee, swap and gas of each execution. Prices are GBM: a real gap can skip a "
           "trigger.")
            .arg(display::number(r.paths, 0), display::percent(r.with.liquidationProbability, 1),
                 display::percent(r.without.liquidationProbability, 1), quantileText(r.with.finalEquityUsd),
                 quantileText(r.without.finalEquityUsd), display::usd(r.with.pnlVsHoldUsd.p50),
                 display::usd(r.without.pnlVsHoldUsd.p50), rules));
    // Both histograms on one range: the 1st to the 99th percentile of either.
    const auto at = [](const std::vector<double> &v, double q) { return sortedQuantile(v, q); };
    const double lo = std::min(at(r.with.finalEquity, 0.01), at(r.without.finalEquity, 0.01));
    const double hi = std::max(at(r.with.finalEquity, 0.99), at(r.without.finalEquity, 0.99));
    QVector<double> x;
    QVector<double> y;
    histogram(r.with.finalEquity, lo, hi, &x, &y);
    m_with->setData(x, y, true);
    m_with->setName(tr("With the rules (p50 %1)").arg(display::usd(r.with.finalEquityUsd.p50)));
    histogram(r.without.finalEquity, lo, hi, &x, &y);
    m_without->setData(x, y, true);
    m_without->setName(tr("Without (p50 %1)").arg(display::usd(r.without.finalEquityUsd.p50)));
    setVisible(true);
    m_chart->redraw();
}

} // namespace lp
