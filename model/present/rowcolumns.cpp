#include "rowcolumns.h"

#include "displayformat.h"

#include <QtGlobal>

#include <limits>

namespace lp {

namespace {

using display::kHealthFactorDecimals;
using display::kLeverageDecimals;
using display::kPercentDecimals;
using display::kRatioDecimals;
using display::kUnitsDecimals;
using display::kUsdDecimals;
using U = ColumnUnit;

// A liquidation price (or ratio) exists only while there is debt: with none, nothing is ever
// liquidated, and the engine's 0 there is not a price. Every table shows it as undefined.
double whileInDebt(const PositionFigures &f, double value)
{
    return f.debt > 0.0 ? value : std::numeric_limits<double>::quiet_NaN();
}

double flag(bool value)
{
    return value ? 1.0 : 0.0;
}

} // namespace

const TableColumns<LoopStep> &loopStepColumns()
{
    using R = LoopStep;
    static const TableColumns<R> columns{
        {{"step", QT_TRANSLATE_NOOP("lp::columns", "Step"), U::Count, 0},
         [](const R &s) { return static_cast<double>(s.step); }},
        {{"borrowed", QT_TRANSLATE_NOOP("lp::columns", "Borrowed (%2)"), U::UnitsB, kUnitsDecimals},
         [](const R &s) { return s.borrowed; }},
        {{"swappedToCollateral", QT_TRANSLATE_NOOP("lp::columns", "Bought (%1)"), U::UnitsA, kUnitsDecimals},
         [](const R &s) { return s.swappedToCollateral; }},
        {{"collateral", QT_TRANSLATE_NOOP("lp::columns", "Collateral (%1)"), U::UnitsA, kUnitsDecimals},
         [](const R &s) { return s.collateral; }},
        {{"debt", QT_TRANSLATE_NOOP("lp::columns", "Debt (%2)"), U::UnitsB, kUnitsDecimals},
         [](const R &s) { return s.debt; }},
        {{"collateralUsd", QT_TRANSLATE_NOOP("lp::columns", "Collateral ($)"), U::Usd, kUsdDecimals},
         [](const R &s) { return s.collateralUsd; }},
        {{"debtUsd", QT_TRANSLATE_NOOP("lp::columns", "Debt ($)"), U::Usd, kUsdDecimals},
         [](const R &s) { return s.debtUsd; }},
        {{"equityUsd", QT_TRANSLATE_NOOP("lp::columns", "Equity ($)"), U::Usd, kUsdDecimals},
         [](const R &s) { return s.equityUsd; }},
        {{"leverage", QT_TRANSLATE_NOOP("lp::columns", "Leverage"), U::Leverage, kLeverageDecimals},
         [](const R &s) { return s.leverage; }},
        {{"ltv", QT_TRANSLATE_NOOP("lp::columns", "LTV"), U::Fraction, kPercentDecimals},
         [](const R &s) { return s.ltv; }},
        {{"healthFactor", QT_TRANSLATE_NOOP("lp::columns", "Health factor"), U::Number,
          kHealthFactorDecimals},
         [](const R &s) { return s.healthFactor; }},
        {{"liquidationPriceUsd", QT_TRANSLATE_NOOP("lp::columns", "Liq. price ($)"), U::Usd, kUsdDecimals},
         [](const R &s) { return whileInDebt(s, s.liquidationPriceUsd); }},
        {{"swapFeeUsd", QT_TRANSLATE_NOOP("lp::columns", "Swap fee ($)"), U::Usd, kUsdDecimals},
         [](const R &s) { return s.swapFeeUsd; }},
        {{"slippageUsd", QT_TRANSLATE_NOOP("lp::columns", "Slippage ($)"), U::Usd, kUsdDecimals},
         [](const R &s) { return s.slippageUsd; }},
        {{"flashPremiumUsd", QT_TRANSLATE_NOOP("lp::columns", "Flash premium ($)"), U::Usd, kUsdDecimals},
         [](const R &s) { return s.flashPremiumUsd; }},
        {{"partial", QT_TRANSLATE_NOOP("lp::columns", "Partial"), U::Flag, 0},
         [](const R &s) { return flag(s.partial); }},
        // The step's three costs added up (gas is per transaction, in the summary).
        {{"costsUsd", QT_TRANSLATE_NOOP("lp::columns", "Costs ($)"), U::Usd, kUsdDecimals},
         [](const R &s) { return s.swapFeeUsd + s.slippageUsd + s.flashPremiumUsd; }},
    };
    return columns;
}

const TableColumns<SweepPoint> &sweepPointColumns()
{
    using R = SweepPoint;
    static const TableColumns<R> columns{
        {{"priceUsd", QT_TRANSLATE_NOOP("lp::columns", "Price of %1 ($)"), U::Usd, kUsdDecimals},
         [](const R &p) { return p.priceUsd; }},
        {{"collateral", QT_TRANSLATE_NOOP("lp::columns", "Collateral (%1)"), U::UnitsA, kUnitsDecimals},
         [](const R &p) { return p.collateral; }},
        {{"debt", QT_TRANSLATE_NOOP("lp::columns", "Debt (%2)"), U::UnitsB, kUnitsDecimals},
         [](const R &p) { return p.debt; }},
        {{"equityUsd", QT_TRANSLATE_NOOP("lp::columns", "Equity ($)"), U::Usd, kUsdDecimals},
         [](const R &p) { return p.equityUsd; }},
        {{"pnlUsd", QT_TRANSLATE_NOOP("lp::columns", "P&L ($)"), U::Usd, kUsdDecimals},
         [](const R &p) { return p.pnlUsd; }},
        {{"pnlPct", QT_TRANSLATE_NOOP("lp::columns", "P&L (%)"), U::Percent, kPercentDecimals},
         [](const R &p) { return p.pnlPct * 100.0; }},
        {{"holdPnlUsd", QT_TRANSLATE_NOOP("lp::columns", "Hold P&L ($)"), U::Usd, kUsdDecimals},
         [](const R &p) { return p.holdPnlUsd; }},
        {{"healthFactor", QT_TRANSLATE_NOOP("lp::columns", "Health factor"), U::Number,
          kHealthFactorDecimals},
         [](const R &p) { return p.healthFactor; }},
        {{"ltv", QT_TRANSLATE_NOOP("lp::columns", "LTV"), U::Fraction, kPercentDecimals},
         [](const R &p) { return p.ltv; }},
        {{"liquidatedShare", QT_TRANSLATE_NOOP("lp::columns", "Liquidated"), U::Fraction, kPercentDecimals},
         [](const R &p) { return p.liquidatedShare; }},
    };
    return columns;
}

const TableColumns<TimelinePoint> &timelinePointColumns()
{
    using R = TimelinePoint;
    static const TableColumns<R> columns{
        {{"day", QT_TRANSLATE_NOOP("lp::columns", "Day"), U::Count, 0},
         [](const R &p) { return static_cast<double>(p.day); }},
        {{"collateral", QT_TRANSLATE_NOOP("lp::columns", "Collateral (%1)"), U::UnitsA, kUnitsDecimals},
         [](const R &p) { return p.collateral; }},
        {{"debt", QT_TRANSLATE_NOOP("lp::columns", "Debt (%2)"), U::UnitsB, kUnitsDecimals},
         [](const R &p) { return p.debt; }},
        {{"collateralUsd", QT_TRANSLATE_NOOP("lp::columns", "Collateral ($)"), U::Usd, kUsdDecimals},
         [](const R &p) { return p.collateralUsd; }},
        {{"debtUsd", QT_TRANSLATE_NOOP("lp::columns", "Debt ($)"), U::Usd, kUsdDecimals},
         [](const R &p) { return p.debtUsd; }},
        {{"equityUsd", QT_TRANSLATE_NOOP("lp::columns", "Equity ($)"), U::Usd, kUsdDecimals},
         [](const R &p) { return p.equityUsd; }},
        {{"healthFactor", QT_TRANSLATE_NOOP("lp::columns", "Health factor"), U::Number,
          kHealthFactorDecimals},
         [](const R &p) { return p.healthFactor; }},
        {{"liquidationPriceUsd", QT_TRANSLATE_NOOP("lp::columns", "Liq. price ($)"), U::Usd, kUsdDecimals},
         [](const R &p) { return whileInDebt(p, p.liquidationPriceUsd); }},
        {{"liquidationRatio", QT_TRANSLATE_NOOP("lp::columns", "Liq. ratio (%1/%2)"), U::Number,
          kRatioDecimals},
         [](const R &p) { return whileInDebt(p, p.liquidationRatio); }},
        {{"incentivesUsd", QT_TRANSLATE_NOOP("lp::columns", "Incentives ($)"), U::Usd, kUsdDecimals},
         [](const R &p) { return p.incentivesUsd; }},
        {{"pnlUsd", QT_TRANSLATE_NOOP("lp::columns", "P&L ($)"), U::Usd, kUsdDecimals},
         [](const R &p) { return p.pnlUsd; }},
        {{"holdCollateral", QT_TRANSLATE_NOOP("lp::columns", "Hold (%1)"), U::UnitsA, kUnitsDecimals},
         [](const R &p) { return p.holdCollateral; }},
        {{"holdValueUsd", QT_TRANSLATE_NOOP("lp::columns", "Hold value ($)"), U::Usd, kUsdDecimals},
         [](const R &p) { return p.holdValueUsd; }},
        {{"holdPnlUsd", QT_TRANSLATE_NOOP("lp::columns", "Hold P&L ($)"), U::Usd, kUsdDecimals},
         [](const R &p) { return p.holdPnlUsd; }},
    };
    return columns;
}

const TableColumns<StressFigures> &stressFiguresColumns()
{
    using R = StressFigures;
    static const TableColumns<R> columns{
        {{"priceAUsd", QT_TRANSLATE_NOOP("lp::columns", "Price of %1 ($)"), U::Usd, kUsdDecimals},
         [](const R &f) { return f.priceAUsd; }},
        {{"priceBUsd", QT_TRANSLATE_NOOP("lp::columns", "Price of %2 ($)"), U::Usd, kUsdDecimals},
         [](const R &f) { return f.priceBUsd; }},
        {{"liquidationThreshold", QT_TRANSLATE_NOOP("lp::columns", "Liq. threshold"), U::Fraction,
          kPercentDecimals},
         [](const R &f) { return f.liquidationThreshold; }},
        {{"collateral", QT_TRANSLATE_NOOP("lp::columns", "Collateral (%1)"), U::UnitsA, kUnitsDecimals},
         [](const R &f) { return f.collateral; }},
        {{"debt", QT_TRANSLATE_NOOP("lp::columns", "Debt (%2)"), U::UnitsB, kUnitsDecimals},
         [](const R &f) { return f.debt; }},
        {{"healthFactor", QT_TRANSLATE_NOOP("lp::columns", "Health factor"), U::Number,
          kHealthFactorDecimals},
         [](const R &f) { return f.healthFactor; }},
        {{"liquidationPriceUsd", QT_TRANSLATE_NOOP("lp::columns", "Liq. price ($)"), U::Usd, kUsdDecimals},
         [](const R &f) { return whileInDebt(f, f.liquidationPriceUsd); }},
        {{"liquidationRatio", QT_TRANSLATE_NOOP("lp::columns", "Liq. ratio (%1/%2)"), U::Number,
          kRatioDecimals},
         [](const R &f) { return whileInDebt(f, f.liquidationRatio); }},
        {{"equityUsd", QT_TRANSLATE_NOOP("lp::columns", "Equity ($)"), U::Usd, kUsdDecimals},
         [](const R &f) { return f.equityUsd; }},
        {{"leverage", QT_TRANSLATE_NOOP("lp::columns", "Leverage"), U::Leverage, kLeverageDecimals},
         [](const R &f) { return f.leverage; }},
        {{"closeValueUsd", QT_TRANSLATE_NOOP("lp::columns", "Close value ($)"), U::Usd, kUsdDecimals},
         [](const R &f) { return f.closeValueUsd; }},
    };
    return columns;
}

} // namespace lp
