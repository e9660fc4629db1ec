#pragma once

#include "liquidationrules.h"
#include "protectionrule.h"
#include "validationerror.h"

#include <QFlags>
#include <QJsonObject>
#include <QString>

namespace lp {

// The plan document (README, "Plan file") as value types. All rates are fractions (0.05 = 5 %); costs are in
// basis points as in the file format; prices are USD per unit.

enum class StrategyMode { Loops, TargetLeverage, TargetHealthFactor };
enum class Execution { Loop, FlashLoan };
enum class PriceModel { Fixed, TracksCollateral };
// Which price moves (riskasset.h): Auto picks one from the price model and the assets.
enum class RiskAsset { Auto, Collateral, Borrow, Ratio };

struct CollateralAsset {
    QString symbol = QStringLiteral("wstETH");
    double priceUsd = 3500.0;
    double ltv = 0.75;
    double liquidationThreshold = 0.80;
    double liquidationBonus = 0.05;
    double supplyApy = 0.0;
    double nativeYield = 0.0;
    friend bool operator==(const CollateralAsset &, const CollateralAsset &) = default;
};

struct BorrowAsset {
    QString symbol = QStringLiteral("WETH");
    double priceUsd = 3000.0;
    double borrowApy = 0.0;
    PriceModel priceModel = PriceModel::Fixed;
    friend bool operator==(const BorrowAsset &, const BorrowAsset &) = default;
};

struct Strategy {
    StrategyMode mode = StrategyMode::Loops;
    int loops = 3;             // mode Loops
    double leverage = 2.0;     // mode TargetLeverage: collateral value / equity
    double healthFactor = 1.5; // mode TargetHealthFactor
    double ltvFraction = 1.0;  // per-loop target LTV = ltvFraction * collateral.ltv
    friend bool operator==(const Strategy &, const Strategy &) = default;
};

struct Costs {
    double swapFeeBps = 0.0;      // DEX fee, s
    double slippageBps = 0.0;     // price impact and slippage, q
    double flashPremiumBps = 0.0; // flash-loan premium, phi
    double gasUsdPerTx = 0.0;
    friend bool operator==(const Costs &, const Costs &) = default;

    // Share of value a swap keeps: k = (1 - s)(1 - q).
    [[nodiscard]] double swapKeep() const;
};

// Price impact of the plan's swaps (swapimpact.h), apart from costs.slippageBps (the tolerance): what a
// swap of a given size loses against the pool's depth. One route serves both ways: entry sells B for A,
// the exit sells A for B.
enum class ImpactModel { None, ConstantProduct, DepthAtOnePercent };
struct PriceImpact {
    ImpactModel model = ImpactModel::None;
    double reserveAUsd = 0; // ConstantProduct: the pool's Token A reserve, valued in USD
    double reserveBUsd = 0; // ConstantProduct: the pool's borrow-asset reserve, valued in USD
    double depthUsd = 0;    // DepthAtOnePercent: the USD size of a swap that loses 1 % to impact
    friend bool operator==(const PriceImpact &, const PriceImpact &) = default;
};

struct RiskInputs {
    double annualVolatility = 0.6; // the risk asset's USD price (collateral or borrow risk asset)
    double drift = 0.0;
    // The A/B price ratio's own volatility, used instead of annualVolatility when the risk asset is the
    // ratio (riskasset.h): an LST against its own ETH moves by a few percent a year, not by ETH's 60 %.
    double ratioVolatility = 0.02;
    friend bool operator==(const RiskInputs &, const RiskInputs &) = default;
};

// Plan values a named market can supply ("a named market only supplies what the plan leaves
// out"). model/market/planmarket.h maps them to their field paths and to the market's preset values.
enum class MarketField : unsigned {
    CollateralPriceUsd = 1u << 0,
    CollateralLtv = 1u << 1,
    CollateralLiquidationThreshold = 1u << 2,
    CollateralLiquidationBonus = 1u << 3,
    CollateralSupplyApy = 1u << 4,
    CollateralNativeYield = 1u << 5,
    BorrowPriceUsd = 1u << 6,
    BorrowApy = 1u << 7,
    LiquidationRules = 1u << 8,
};
Q_DECLARE_FLAGS(MarketFields, MarketField)
Q_DECLARE_OPERATORS_FOR_FLAGS(MarketFields)

struct Plan {
    QString name;
    QString market; // id of a market preset (model/market/marketregistry.h); may name a market this app lacks
    CollateralAsset collateral;
    BorrowAsset borrow;
    double deposit = 10.0; // units of Token A
    Strategy strategy;
    Execution execution = Execution::Loop;
    Costs costs;
    PriceImpact priceImpact;
    int horizonDays = 365;
    RiskInputs risk;
    LiquidationRuleSet liquidationRules = LiquidationRuleSet::AaveV30;
    // The price every risk figure runs against (collateral, borrow or ratio); Auto: from the price model.
    RiskAsset riskAsset = RiskAsset::Auto;
    // The rule set's numbers (V4's target HF and bonus curve, Morpho's pre-liquidation, the protocol fee):
    // the market's, or the protocols' published defaults.
    LiquidationRuleParams liquidationRuleParams;
    // Apply the market's e-mode category when collateral and borrow asset are both in it.
    bool useEMode = true;
    // Protection rules simulated on the Monte Carlo paths and the backtest (protectionrule.h); optional.
    ProtectionRules protection;
    // The values above that hold the market's preset rather than the plan's own: they are not written
    // on save, so the plan keeps following the preset. Editing a value must clear its flag
    // (lp::markOverridden); planToJson also writes a flagged value that no longer equals the preset.
    MarketFields presetFields;
    // Fields this version does not know, kept so that a save does not drop them.
    QJsonObject unknownFields;

    friend bool operator==(const Plan &, const Plan &) = default;
};

// Limits shared by validation, the GUI's ranges and the docs.
namespace limits {
inline constexpr int maxLoops = 100;
inline constexpr double maxPriceUsd = 1e9;
inline constexpr double maxDeposit = 1e12;
inline constexpr double maxPositionUsd = 1e15;
inline constexpr double maxBps = 10000.0;
inline constexpr double maxGasUsdPerTx = 1e6;
inline constexpr int maxHorizonDays = 36500;
inline constexpr double maxLeverage = 1000.0;
inline constexpr double maxVolatility = 10.0;
} // namespace limits

// Liquidation parameters of the plan's collateral under its market's rules, with B at priceBUsd.
[[nodiscard]] LiquidationParams liquidationParams(const Plan &plan, double priceBUsd);

// Every problem with the plan's values, each with its field path: the ranges and cross checks of the
// field table (planfields.h). An empty list means valid.
[[nodiscard]] ValidationErrors validatePlan(const Plan &plan);

// The app's starting plan: 10 wstETH against WETH on Aave v3 Ethereum (its wstETH/ETH e-mode; WETH tracks
// wstETH, so the risk is their ratio), 3 loops at 90 % of max LTV, small costs.
[[nodiscard]] Plan defaultPlan();

// File-format spellings of the enums.
[[nodiscard]] QString toString(StrategyMode mode);
[[nodiscard]] QString toString(Execution execution);
[[nodiscard]] QString toString(PriceModel model);
[[nodiscard]] QString toString(RiskAsset asset);
[[nodiscard]] QString toString(ImpactModel model);
[[nodiscard]] bool strategyModeFromString(const QString &text, StrategyMode *out);
[[nodiscard]] bool executionFromString(const QString &text, Execution *out);
[[nodiscard]] bool priceModelFromString(const QString &text, PriceModel *out);
[[nodiscard]] bool riskAssetFromString(const QString &text, RiskAsset *out);
[[nodiscard]] bool impactModelFromString(const QString &text, ImpactModel *out);

} // namespace lp
