#include "pnlchart.h"

#include "displayformat.h"
#include "engine.h"
#include "localeticker.h"
#include "markerlabels.h"
#include "protectionrule.h"
#include "qcustomplot_include.h"
#include "riskasset.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lp {

namespace {

size_t index(PnlChart::Marker marker)
{
    return static_cast<size_t>(marker);
}

// The x-axis in the risk asset's terms: a ratio pair's sweep holds B's price, so its A price divided by
// B's is the A/B ratio; a short's and a long's sweep prices are the axis as they are.
double axisScale(const PlanResult &result)
{
    return result.sweep.riskAsset == RiskAsset::Ratio ? 1.0 / result.plan.borrow.priceUsd : 1.0;
}

// A value on the x-axis as text: a ratio with 4 decimals, a price in dollars.
QString axisText(const PlanResult &result, double x, int usdDecimals)
{
    return result.sweep.riskAsset == RiskAsset::Ratio ? display::number(x, 4) : display::usd(x, usdDecimals);
}

} // namespace

PnlChart::PnlChart(QWidget *parent)
    : ChartBase(QStringLiteral("pnlPlot"), QSize(360, 260), parent),
      m_percentAction(new QAction(tr("P&&L in % of the deposit"), this)),
      m_pnlTicker(QSharedPointer<LocaleTicker>::create())
{
    QCustomPlot *p = plot();
    p->yAxis->setTicker(m_pnlTicker); // its own: it switches to percent
    p->yAxis->setLabel(tr("P&L (USD)"));

    m_liquidationZone = new QCPItemRect(p);
    m_liquidationZone->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_liquidationZone->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_liquidationZone->setPen(Qt::NoPen);
    m_liquidationZone->setClipToAxisRect(true);
    m_liquidationZone->setLayer(QStringLiteral("background"));

    m_zeroLine = new QCPItemStraightLine(p);
    m_zeroLine->point1->setCoords(0, 0);
    m_zeroLine->point2->setCoords(1, 0);

    m_hold = p->addGraph();
    m_leveraged = p->addGraph();
    m_liquidations = p->addGraph();
    m_liquidations->setLineStyle(QCPGraph::lsNone);
    m_liquidations->removeFromLegend();
    m_compare = p->addGraph();
    m_compare->removeFromLegend();
    m_compare->setVisible(false);

    m_markers.at(index(Marker::Spot)) = makeMarker(0.03, Qt::AlignLeft | Qt::AlignTop);
    m_markers.at(index(Marker::BreakEven)) = makeMarker(0.13, Qt::AlignLeft | Qt::AlignTop);
    m_markers.at(index(Marker::Liquidation)) = makeMarker(0.03, Qt::AlignRight | Qt::AlignTop);
    // Right of its line: on the left it would run off the plot when the zone starts near the axis.
    m_markers.at(index(Marker::ZeroEquity)) = makeMarker(0.23, Qt::AlignLeft | Qt::AlignTop);
    m_markers.at(index(Marker::StopLoss)) = makeMarker(0.33, Qt::AlignRight | Qt::AlignTop);
    m_markers.at(index(Marker::TakeProfit)) = makeMarker(0.33, Qt::AlignLeft | Qt::AlignTop);
    m_markers.at(index(Marker::TrailingStop)) = makeMarker(0.43, Qt::AlignRight | Qt::AlignTop);

    m_percentAction->setObjectName(QStringLiteral("pnlInPercent"));
    m_percentAction->setCheckable(true);
    m_percentAction->setShortcut(QKeySequence(Qt::Key_P));
    m_percentAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_percentAction, &QAction::toggled, this,
            [this](bool on) { setPnlUnit(on ? PnlUnit::Fraction : PnlUnit::Usd); });
    p->addAction(m_percentAction);

    // The what-if menu: none, or one of the rule sets.
    auto *menu = new QMenu(tr("Compare &With Rule Set"), this);
    m_compareGroup = new QActionGroup(this);
    QAction *none = menu->addAction(tr("&None"));
    none->setCheckable(true);
    none->setChecked(true);
    m_compareGroup->addAction(none);
    connect(none, &QAction::triggered, this, [this] { setCompareRuleSet(std::nullopt); });
    int n = 0;
    for (const LiquidationRuleSet r : allLiquidationRuleSets) {
        // "&1 aave-v3.0", "&2 aave-v3.3", ...: a mnemonic per item.
        QAction *a = menu->addAction(QStringLiteral("&%1 %2").arg(++n).arg(toString(r)));
        a->setCheckable(true);
        a->setData(toString(r));
        a->setToolTip(describe(r));
        m_compareGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, r] { setCompareRuleSet(r); });
    }
    menu->menuAction()->setObjectName(QStringLiteral("pnlCompareRules"));
    p->addAction(menu->menuAction());
    // Markers close together (a short's spot and liquidation) stack their labels in rows (markerlabels.h).
    connect(p, &QCustomPlot::afterLayout, this, [this] {
        std::vector<QCPItemText *> labels;
        labels.reserve(m_markers.size());
        for (const MarkerItems &items : m_markers)
            labels.push_back(items.label);
        stackLabels(labels, plot()->legend->visible() ? QRectF(plot()->legend->outerRect()) : QRectF());
    });
    finishSetup();
}

PnlChart::~PnlChart() = default;

void PnlChart::restyle(const ChartTheme &theme)
{
    m_hold->setPen(QPen(theme.secondary, 1.6, Qt::DashLine));
    m_leveraged->setPen(QPen(theme.primary, 2.2));
    m_compare->setPen(QPen(theme.accent, 1.8, Qt::DashDotLine));
    m_liquidations->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssDiamond, theme.danger, theme.background, 9));
    m_liquidationZone->setBrush(theme.zone);
    m_zeroLine->setPen(QPen(theme.zeroLine, 1));
    const auto style = [&](Marker marker, const QColor &color, Qt::PenStyle penStyle) {
        MarkerItems &items = m_markers.at(index(marker));
        items.line->setPen(QPen(color, 1.4, penStyle));
        items.label->setColor(color);
        items.label->setBrush(theme.legendBrush);
    };
    style(Marker::Spot, theme.spot, Qt::DashLine);
    style(Marker::BreakEven, theme.breakEven, Qt::DotLine);
    style(Marker::Liquidation, theme.danger, Qt::SolidLine);
    style(Marker::ZeroEquity, theme.danger, Qt::DashDotLine);
    style(Marker::StopLoss, theme.accent, Qt::DashLine);
    style(Marker::TakeProfit, theme.accent, Qt::DashLine);
    style(Marker::TrailingStop, theme.accent, Qt::DotLine);
}

void PnlChart::setCompareRuleSet(std::optional<LiquidationRuleSet> rules)
{
    m_compareRules = rules;
    const QString key = rules ? toString(*rules) : QString();
    for (QAction *a : m_compareGroup->actions())
        a->setChecked(a->data().toString() == key);
    computeCompare();
    drawCurves();
    refresh();
}

void PnlChart::computeCompare()
{
    m_compareResult.reset();
    if (!m_result || !m_compareRules)
        return;
    Plan other = m_result->plan;
    other.liquidationRules = *m_compareRules;
    if (Expected<PlanResult> r = computePlan(other))
        m_compareResult = std::make_unique<PlanResult>(std::move(r).value());
}

void PnlChart::showResult(const PlanResult &result)
{
    m_result = std::make_unique<PlanResult>(result);
    computeCompare();
    const PriceSweep &sweep = result.sweep;
    const Plan &plan = result.plan;
    const QString &a = plan.collateral.symbol;
    const QString &b = plan.borrow.symbol;
    const bool tracks = plan.borrow.priceModel == PriceModel::TracksCollateral;

    drawCurves();
    m_leveraged->setName(tr("Leveraged (%1)").arg(display::leverage(result.position.leverage)));
    m_hold->setName(tr("Hold %1").arg(display::units(plan.deposit, a, 2)));

    const RiskAsset risk = sweep.riskAsset;
    const double scale = axisScale(result);
    const auto at = [&](double priceUsd) { return priceUsd * scale; };
    const auto text = [&](double priceUsd) { return axisText(result, at(priceUsd), 0); };
    if (risk == RiskAsset::Ratio) {
        setTitle(tr("P&L right after opening, against the %1/%2 ratio (a depeg)").arg(a, b));
        plot()->xAxis->setLabel(
            tr("%1/%2 ratio (%2 per %1; %2 held at %3)").arg(a, b, display::usd(plan.borrow.priceUsd)));
    } else if (risk == RiskAsset::Borrow) {
        setTitle(tr("P&L right after opening, against the price of %1 (a short)").arg(b));
        plot()->xAxis->setLabel(
            tr("%1 price (USD, %2 held at %3)").arg(b, a, display::usd(plan.collateral.priceUsd)));
    } else {
        setTitle(tr("P&L right after opening, against the price of %1").arg(a));
        // B's price is held in the sweep; when B tracks A the axis reads as the A/B ratio times B's price.
        plot()->xAxis->setLabel(tracks ? tr("%1 price (USD, %2 held at %3: reads as the %1/%2 ratio)")
                                             .arg(a, b, display::usd(plan.borrow.priceUsd))
                                       : tr("%1 price (USD)").arg(a));
    }

    const double nan = std::numeric_limits<double>::quiet_NaN();
    placeMarker(Marker::Spot, at(sweep.spotPriceUsd), tr("Spot %1").arg(text(sweep.spotPriceUsd)));
    placeMarker(Marker::BreakEven, at(sweep.breakEvenPriceUsd),
                tr("Break-even %1").arg(text(sweep.breakEvenPriceUsd)));
    const bool hasDebt = result.opened.debt > 0;
    const QString liquidationText =
        tracks ? tr("Liquidation %1").arg(display::ratio(result.position.liquidationRatio, b, a))
               : tr("Liquidation %1").arg(text(sweep.liquidationPriceUsd));
    placeMarker(Marker::Liquidation, hasDebt ? at(sweep.liquidationPriceUsd) : nan, liquidationText);
    placeMarker(Marker::ZeroEquity, hasDebt ? at(sweep.zeroEquityPriceUsd) : nan,
                tr("Zero equity %1 if not liquidated").arg(text(sweep.zeroEquityPriceUsd)));

    placeRuleMarkers(result);

    // The legend goes where the leveraged curve is not: a short's P&L falls to the right, so top right.
    plot()->axisRect()->insetLayout()->setInsetAlignment(
        0, Qt::AlignRight | (risk == RiskAsset::Borrow ? Qt::AlignTop : Qt::AlignBottom));
    m_liquidationZone->setVisible(hasDebt && sweep.liquidationPriceUsd > 0);
    if (risk == RiskAsset::Borrow) {
        // A short is liquidated as B rises: from the liquidation price to far right of the grid.
        m_liquidationZone->topLeft->setCoords(at(sweep.liquidationPriceUsd), 0);
        m_liquidationZone->bottomRight->setCoords(at(sweep.liquidationPriceUsd) * 1e6, 1);
    } else {
        // From price 0 (never on screen to the left of it) up to the liquidation price.
        m_liquidationZone->topLeft->setCoords(0, 0);
        m_liquidationZone->bottomRight->setCoords(at(sweep.liquidationPriceUsd), 1);
    }
    refresh();
}

void PnlChart::placeRuleMarkers(const PlanResult &result)
{
    // The first to act of each kind: the highest stop, the lowest take-profit, the tightest trailing stop.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    double stop = nan;
    double take = nan;
    double trailing = nan;
    if (result.sweep.riskAsset != RiskAsset::Borrow) {
        for (const ProtectionRule &r : result.plan.protection) {
            if (r.kind == ProtectionKind::StopLoss && !(r.priceUsd <= stop))
                stop = r.priceUsd;
            else if (r.kind == ProtectionKind::TakeProfit && !(r.priceUsd >= take))
                take = r.priceUsd;
            else if (r.kind == ProtectionKind::TrailingStop) {
                const double start = (1.0 - r.fraction) * result.sweep.spotPriceUsd;
                if (!(start <= trailing))
                    trailing = start;
            }
        }
    }
    const double scale = axisScale(result);
    const auto text = [&](double priceUsd) { return axisText(result, priceUsd * scale, 0); };
    placeMarker(Marker::StopLoss, stop * scale, tr("Stop-loss %1").arg(text(stop)));
    placeMarker(Marker::TakeProfit, take * scale, tr("Take-profit %1").arg(text(take)));
    placeMarker(Marker::TrailingStop, trailing * scale, tr("Trailing stop from %1").arg(text(trailing)));
}

void PnlChart::drawCurves()
{
    if (!m_result)
        return;
    const PriceSweep &sweep = m_result->sweep;
    const double scale = axisScale(*m_result);
    const auto n = static_cast<qsizetype>(sweep.points.size());
    QVector<double> prices(n);
    QVector<double> pnl(n);
    QVector<double> hold(n);
    for (qsizetype i = 0; i < n; ++i) {
        const SweepPoint &point = sweep.points[static_cast<size_t>(i)];
        prices[i] = point.priceUsd * scale;
        pnl[i] = leveragedPnl(point, m_unit);
        hold[i] = holdPnl(sweep, point, m_unit);
    }
    m_leveraged->setData(prices, pnl, true);
    m_hold->setData(prices, hold, true);

    // Each partial liquidation is a step down in the curve by the bonus the liquidator took.
    QVector<double> eventPrices;
    QVector<double> eventPnl;
    for (const LiquidationEvent &event : sweep.liquidations) {
        if (const auto at = sweepPointAt(sweep, event.priceUsd)) {
            eventPrices.append(event.priceUsd * scale);
            eventPnl.append(leveragedPnl(*at, m_unit));
        }
    }
    m_liquidations->setData(eventPrices, eventPnl);
    m_compare->setVisible(m_compareResult != nullptr);
    if (m_compareResult) {
        const PriceSweep &other = m_compareResult->sweep;
        QVector<double> otherPrices;
        QVector<double> otherPnl;
        for (const SweepPoint &point : other.points) {
            otherPrices.append(point.priceUsd);
            otherPnl.append(leveragedPnl(point, m_unit));
        }
        m_compare->setData(otherPrices, otherPnl, true);
        m_compare->setName(tr("Under %1: %2 bonus paid")
                               .arg(toString(m_compareResult->plan.liquidationRules),
                                    display::usd(liquidationPenaltyUsd(other), 0)));
        m_compare->addToLegend();
    } else {
        m_compare->setData(QVector<double>(), QVector<double>());
        m_compare->removeFromLegend();
    }
    if (eventPrices.isEmpty()) {
        m_liquidations->removeFromLegend();
    } else {
        m_liquidations->setName(
            tr("Partial liquidations: %1 bonus paid").arg(display::usd(liquidationPenaltyUsd(sweep), 0)));
        m_liquidations->addToLegend();
    }
}

void PnlChart::setPnlUnit(PnlUnit unit)
{
    if (unit == m_unit)
        return;
    m_unit = unit;
    m_percentAction->setChecked(unit == PnlUnit::Fraction);
    m_pnlTicker->setPercent(unit == PnlUnit::Fraction);
    plot()->yAxis->setLabel(unit == PnlUnit::Usd ? tr("P&L (USD)") : tr("P&L (% of the deposit at open)"));
    drawCurves();
    const PinnedPlots pinnedCopy = pinned(); // setPinned() clears the list it would read from
    setPinned(pinnedCopy);
    resetView(); // a new scale: the old ranges mean nothing on it
}

void PnlChart::autoRange()
{
    QCustomPlot *p = plot();
    p->xAxis->rescale();
    p->yAxis->rescale();
    // Headroom above and below so that the markers' labels do not cover the curves' extremes.
    const QCPRange y = p->yAxis->range();
    const double pad = std::max(y.size() * 0.08, m_unit == PnlUnit::Usd ? 1.0 : 0.001);
    p->yAxis->setRange(y.lower - pad, y.upper + pad * 2.0);
}

void PnlChart::drawPinned(const PinnedPlots &pinnedPlots)
{
    QCustomPlot *p = plot();
    for (const PinnedPlot &pinnedPlot : pinnedPlots) {
        const PriceSweep &sweep = pinnedPlot.result->sweep;
        const double scale = axisScale(*pinnedPlot.result);
        QVector<double> prices;
        QVector<double> pnl;
        prices.reserve(static_cast<qsizetype>(sweep.points.size()));
        pnl.reserve(prices.capacity());
        for (const SweepPoint &point : sweep.points) {
            prices.append(point.priceUsd * scale);
            pnl.append(leveragedPnl(point, m_unit));
        }
        addPinnedGraph(p->xAxis, p->yAxis, pinnedPlot)->setData(prices, pnl, true);
        if (pinnedPlot.result->opened.debt > 0 && sweep.liquidationPriceUsd > 0) {
            auto *line = new QCPItemStraightLine(p);
            line->setPen(QPen(pinnedColor(pinnedPlot), 1.0, Qt::DashLine));
            line->point1->setCoords(sweep.liquidationPriceUsd * scale, 0);
            line->point2->setCoords(sweep.liquidationPriceUsd * scale, 1);
            trackPinnedItem(line);
        }
    }
}

QString PnlChart::pnlText(double usd, double fraction) const
{
    return tr("%1, %2").arg(display::usd(usd), display::signedPercent(fraction));
}

QString PnlChart::readOut(double x) const
{
    if (!m_result)
        return {};
    const PriceSweep &sweep = m_result->sweep;
    const double priceUsd = x / axisScale(*m_result);
    const std::optional<SweepPoint> at = sweepPointAt(sweep, priceUsd);
    if (!at)
        return {};
    QStringList lines;
    lines << tr("%1 at %2").arg(riskAxisSymbol(m_result->plan), axisText(*m_result, x, display::kUsdDecimals))
          << tr("Leveraged: %1").arg(pnlText(at->pnlUsd, at->pnlPct))
          << tr("Hold: %1").arg(pnlText(at->holdPnlUsd, holdPnl(sweep, *at, PnlUnit::Fraction)))
          << tr("Health factor: %1").arg(display::healthFactor(at->healthFactor));
    if (at->liquidatedShare > 0)
        lines << tr("Liquidated: %1 of the collateral").arg(display::percent(at->liquidatedShare, 1));
    for (const PinnedPlot &pinnedPlot : pinned())
        if (const auto other = sweepPointAt(pinnedPlot.result->sweep, x / axisScale(*pinnedPlot.result)))
            lines << tr("%1: %2").arg(pinnedPlot.name, pnlText(other->pnlUsd, other->pnlPct));
    return lines.join(QLatin1Char('\n'));
}

} // namespace lp
