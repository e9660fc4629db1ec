#include "riskview.h"

#include "displayformat.h"
#include "engine.h"
#include "outlook.h"
#include "plotstyle.h"
#include "protectionpanel.h"
#include "readonlycell.h"
#include "riskasset.h"
#include "riskstyle.h"
#include "viewchart.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace lp {

namespace {

QString scenarioText(const StressScenario &s, const QString &collateralSymbol, const QString &borrowSymbol)
{
    switch (s.kind) {
    case StressKind::PriceShock:
        return RiskView::tr("%1 %2").arg(collateralSymbol, display::signedPercent(s.value, 0));
    case StressKind::BorrowDepeg:
        return RiskView::tr("%1 at %2 of its price").arg(borrowSymbol, display::number(s.value, 2));
    case StressKind::BorrowRateSpike:
        return RiskView::tr("Borrow APY %1 for %2 days").arg(display::percent(s.value, 0)).arg(s.days);
    case StressKind::ThresholdCut:
        return RiskView::tr("Liquidation threshold -%1 points").arg(display::number(s.value * 100.0, 0));
    case StressKind::SlippageSpike:
        return RiskView::tr("Closing slippage %1 bps").arg(display::number(s.value, 0));
    case StressKind::RatioDepeg:
        return RiskView::tr("%1/%2 ratio at %3 of today's")
            .arg(collateralSymbol, borrowSymbol, display::number(s.value, 2));
    }
    return s.id;
}

QLabel *bigLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

RiskView::RiskView(QWidget *parent)
    : QWidget(parent), m_monteCarloOptions(defaultMonteCarloOptions()),
      m_closedFormLabel(bigLabel(QStringLiteral("risk.closedForm"))),
      m_monteCarloLabel(bigLabel(QStringLiteral("risk.monteCarlo"))),
      m_heatmapChart(
          new ViewChart(QStringLiteral("risk.heatmapPlot"), tr("Probability by loops and volatility"))),
      m_stressTable(new QTableWidget(0, StressColumnCount))
{
    QCustomPlot *heatmap = heatmapPlot();
    const plotstyle::ColorMap map = plotstyle::addColorMap(heatmap, tr("Probability"));
    m_map = map.map;
    m_map->setGradient(plotstyle::probabilityGradient());
    m_map->setDataRange(QCPRange(0.0, 1.0));
    heatmap->xAxis->setLabel(tr("Annual volatility (%)"));
    heatmap->yAxis->setLabel(tr("Loops"));
    // Every cell in view, each centred on its value: loops 0..10, and the plan's volatility grid (10 %..
    // 150 %, or 1 %..15 % for a ratio pair) with half a step on either side.
    m_heatmapChart->setAutoRange([this](QCustomPlot *plot) {
        const std::vector<double> vols =
            m_outlook ? m_outlook->probabilityGrid().volatilities : riskGridVolatilities();
        const double half = vols.size() > 1 ? 50.0 * (vols[1] - vols[0]) : 5.0;
        plot->xAxis->setRange(vols.empty() ? 5.0 : vols.front() * 100.0 - half,
                              vols.empty() ? 155.0 : vols.back() * 100.0 + half);
        plot->yAxis->setRange(-0.5, 10.5);
    });
    m_heatmapChart->setReadOut([this](double x) { return heatmapReadOut(x); });
    m_current = heatmap->addGraph();
    m_current->setLineStyle(QCPGraph::lsNone);
    m_current->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 2), Qt::NoBrush, 12));
    m_current->setName(tr("This plan"));
    heatmap->setToolTip(tr("Closed form over the horizon for each loop count (same LTV used, costs and "
                           "prices) and volatility; the circle marks this plan."));

    m_stressTable->setObjectName(QStringLiteral("risk.stress"));
    m_stressTable->setHorizontalHeaderLabels({tr("Scenario"), tr("Health factor"), tr("Liquidation"),
                                              tr("Equity"), tr("Close value"), tr("Penalty")});
    m_stressTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_stressTable->verticalHeader()->setVisible(false);
    m_stressTable->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_stressTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_stressTable->horizontalHeader()->setSectionResizeMode(Scenario, QHeaderView::ResizeToContents);
    m_stressTable->setAlternatingRowColors(true);
    m_stressTable->setWordWrap(false);
    m_stressTable->setToolTip(tr("Each preset applied instantly at today's prices; liquidators act when the "
                                 "health factor falls below 1. Close value: what an immediate flash close "
                                 "returns."));

    auto *probabilities = new QVBoxLayout;
    auto *heading = new QLabel(tr("Chance of liquidation within the horizon"));
    QFont bold = heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    heading->setFont(bold);
    heading->setWordWrap(true); // long bold lines would set the window's minimum width
    probabilities->addWidget(heading);
    probabilities->addWidget(m_closedFormLabel);
    probabilities->addWidget(m_monteCarloLabel);
    probabilities->addStretch(1);

    auto *top = new QHBoxLayout;
    top->addLayout(probabilities, 2);
    top->addWidget(m_heatmapChart, 3);
    auto *stressTitle = new QLabel(tr("Stress presets: the position today, then after each preset"));
    stressTitle->setFont(bold);
    stressTitle->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(top, 3);
    // The plan's protection rules, when it has any (hidden otherwise).
    auto *protection = new ProtectionPanel;
    protection->setObjectName(QStringLiteral("risk.protection"));
    layout->addWidget(protection, 3);
    layout->addWidget(stressTitle);
    layout->addWidget(m_stressTable, 2);
}

QCustomPlot *RiskView::heatmapPlot() const
{
    return m_heatmapChart->plot();
}

double RiskView::closedFormProbability() const
{
    return m_outlook ? m_outlook->liquidationProbability() : 0.0;
}

const std::optional<MonteCarloResult> &RiskView::monteCarlo() const
{
    static const std::optional<MonteCarloResult> none;
    return m_outlook ? m_outlook->monteCarlo().result : none;
}

const ProbabilityGrid &RiskView::grid() const
{
    static const ProbabilityGrid none;
    return m_outlook ? m_outlook->probabilityGrid() : none;
}

const std::vector<StressResult> &RiskView::stress() const
{
    static const std::vector<StressResult> none;
    return m_outlook ? m_outlook->stress() : none;
}

void RiskView::showResult(const PlanResult &result)
{
    OutlookOptions options;
    options.monteCarlo = m_monteCarloOptions;
    showOutlook(std::make_shared<const LazyOutlook>(std::make_shared<const PlanResult>(result), options));
}

void RiskView::showOutlook(std::shared_ptr<const LazyOutlook> outlook)
{
    m_outlook = std::move(outlook);
    if (!m_outlook)
        return;
    showProbabilities();
    showHeatmap();
    showStress();
}

void RiskView::showProbabilities()
{
    const Plan &plan = m_outlook->result().plan;
    const double closedForm = m_outlook->liquidationProbability();
    const OutlookMonteCarlo &mc = m_outlook->monteCarlo();
    const bool tracks = plan.borrow.priceModel == PriceModel::TracksCollateral;
    m_closedFormLabel->setText(
        tr("<b>%1</b> that %2 touches today's liquidation %3 within %4 days (closed form: constant barrier, "
           "volatility %5, drift %6).")
            .arg(display::percent(closedForm, 1),
                 tracks ? tr("the %1/%2 ratio").arg(plan.collateral.symbol, plan.borrow.symbol)
                        : plan.collateral.symbol,
                 tracks ? tr("ratio") : tr("price"))
            .arg(plan.horizonDays)
            .arg(display::percent(riskVolatility(plan), riskVolatility(plan) < 0.1 ? 1 : 0),
                 display::percent(plan.risk.drift, 0)));
    if (mc.result) {
        const MonteCarloResult &m = *mc.result;
        m_monteCarloLabel->setText(
            tr("<b>%1</b> (95 %: %2 to %3) by Monte Carlo with the barrier moving with "
               "interest and yield: %4 paths, daily steps with a Brownian-bridge "
               "correction, seed %5.")
                .arg(display::percent(m.probability, 1), display::percent(m.ci95Low, 1),
                     display::percent(m.ci95High, 1), display::number(m.paths, 0))
                .arg(m.seed));
    } else {
        m_monteCarloLabel->setText(mc.errors.isEmpty()
                                       ? tr("Monte Carlo not run.")
                                       : tr("Monte Carlo not available: %1").arg(formatErrors(mc.errors)));
    }
    if (auto *protection = findChild<ProtectionPanel *>(QStringLiteral("risk.protection")))
        protection->showProtection(m_outlook->protection());
}

void RiskView::showHeatmap()
{
    const ProbabilityGrid &grid = m_outlook->probabilityGrid();
    QCPColorMapData *cells = m_map->data();
    const auto columns = static_cast<int>(grid.volatilities.size());
    const auto rows = static_cast<int>(grid.loopCounts.size());
    cells->setSize(columns, rows);
    if (columns > 0 && rows > 0) {
        cells->setRange(QCPRange(grid.volatilities.front() * 100.0, grid.volatilities.back() * 100.0),
                        QCPRange(grid.loopCounts.front(), grid.loopCounts.back()));
        for (int c = 0; c < columns; ++c)
            for (int r = 0; r < rows; ++r)
                cells->setCell(c, r, grid.at(static_cast<size_t>(r), static_cast<size_t>(c)));
    }
    // The plan in every strategy mode: at the loops it opens with (a target's partial last loop counts).
    const PlanResult &result = m_outlook->result();
    m_current->setData({riskVolatility(result.plan) * 100.0}, {double(result.opened.loops)});
    heatmapPlot()->xAxis->setLabel(tr("Annual volatility of %1 (%)").arg(riskAxisSymbol(result.plan)));
    m_heatmapChart->redraw();
}

QString RiskView::heatmapReadOut(double x) const
{
    if (!m_outlook)
        return {};
    const ProbabilityGrid &grid = m_outlook->probabilityGrid();
    if (grid.volatilities.empty())
        return {};
    const double half =
        grid.volatilities.size() > 1 ? 50.0 * (grid.volatilities[1] - grid.volatilities[0]) : 5.0;
    if (x < grid.volatilities.front() * 100.0 - half || x > grid.volatilities.back() * 100.0 + half)
        return {};
    size_t column = 0;
    for (size_t c = 1; c < grid.volatilities.size(); ++c)
        if (std::abs(grid.volatilities[c] * 100.0 - x) < std::abs(grid.volatilities[column] * 100.0 - x))
            column = c;
    const int loops = m_outlook->result().opened.loops;
    QString text = tr("Volatility %1").arg(display::percent(grid.volatilities[column], 0));
    // The loops the plan opens with, when they are on the grid.
    for (size_t row = 0; row < grid.loopCounts.size(); ++row) {
        if (grid.loopCounts[row] == loops)
            text +=
                tr("\n%1 loops: %2").arg(grid.loopCounts[row]).arg(display::percent(grid.at(row, column), 1));
    }
    return text;
}

void RiskView::showStress()
{
    const PlanResult &result = m_outlook->result();
    const std::vector<StressResult> &stress = m_outlook->stress();
    const bool tracks = result.plan.borrow.priceModel == PriceModel::TracksCollateral;
    const auto liquidation = [&](const StressFigures &f) {
        return tracks ? display::number(f.liquidationRatio, 4) : display::usd(f.liquidationPriceUsd);
    };
    m_stressTable->setRowCount(static_cast<int>(stress.size()) + 1);
    const auto fillRow = [&](int row, const QString &scenario, const StressFigures &f) {
        QTableWidgetItem *name = readOnlyCell(scenario, Qt::AlignLeft | Qt::AlignVCenter);
        m_stressTable->setItem(row, Scenario, name);
        QTableWidgetItem *hf =
            readOnlyCell(f.debt > 0.0 ? display::healthFactor(f.healthFactor) : tr("no debt left"));
        hf->setForeground(risk::colorFor(risk::levelForHealthFactor(f.healthFactor)));
        m_stressTable->setItem(row, HealthFactor, hf);
        m_stressTable->setItem(row, Liquidation,
                               readOnlyCell(f.debt > 0.0 ? liquidation(f) : QStringLiteral("\u2014")));
        m_stressTable->setItem(row, Equity, readOnlyCell(display::usd(f.equityUsd)));
        m_stressTable->setItem(row, CloseValue, readOnlyCell(display::usd(f.closeValueUsd)));
        return name;
    };
    if (!stress.empty()) {
        QTableWidgetItem *today = fillRow(0, tr("Today, before any preset"), stress.front().before);
        QFont bold = today->font();
        bold.setBold(true);
        today->setFont(bold);
        m_stressTable->setItem(0, Penalty, readOnlyCell(QString()));
    }
    for (size_t i = 0; i < stress.size(); ++i) {
        const StressResult &s = stress[i];
        const auto row = static_cast<int>(i) + 1;
        fillRow(row, scenarioText(s.scenario, result.plan.collateral.symbol, result.plan.borrow.symbol),
                s.after)
            ->setToolTip(s.scenario.id);
        QTableWidgetItem *penalty =
            readOnlyCell(s.liquidated ? display::usd(s.penaltyUsd) : tr("not liquidated"));
        if (s.liquidated)
            penalty->setForeground(risk::colorFor(risk::Level::Danger));
        m_stressTable->setItem(row, Penalty, penalty);
    }
}

} // namespace lp
