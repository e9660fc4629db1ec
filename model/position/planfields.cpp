#include "planfields.h"

#include "machineformat.h"

#include <QtGlobal>

#include <array>
#include <cmath>
#include <type_traits>
#include <utility>

namespace lp {

namespace {

// The member a chain of pointers to members leads to: member<&Plan::costs, &Costs::gasUsdPerTx>(plan).
template <auto M, auto... Rest, class Object> decltype(auto) member(Object &object)
{
    if constexpr (sizeof...(Rest) == 0)
        return (object.*M);
    else
        return member<Rest...>(object.*M);
}

template <auto... Ms> using ValueOf = std::remove_cvref_t<decltype(member<Ms...>(std::declval<Plan &>()))>;

// A row for the member at Ms, with its kind from the member's type and the accessors that type has.
template <auto... Ms> PlanField row(const char *path, const char *title)
{
    using T = ValueOf<Ms...>;
    PlanField f{};
    f.path = path;
    f.title = title;
    f.unit = FieldUnit::None;
    f.required = FieldRequired::No;
    f.differs = [](const Plan &a, const Plan &b) { return member<Ms...>(a) != member<Ms...>(b); };
    f.copy = [](Plan &to, const Plan &from) { member<Ms...>(to) = member<Ms...>(from); };
    if constexpr (std::is_same_v<T, double> || std::is_same_v<T, int>) {
        f.kind = std::is_same_v<T, double> ? PlanFieldKind::Number : PlanFieldKind::Integer;
        f.get = [](const Plan &p) { return static_cast<double>(member<Ms...>(p)); };
        f.set = [](Plan &p, double v) { member<Ms...>(p) = static_cast<T>(v); };
    } else if constexpr (std::is_same_v<T, QString>) {
        f.kind = PlanFieldKind::Text;
        f.text = [](const Plan &p) -> const QString & { return member<Ms...>(p); };
    } else {
        f.kind = PlanFieldKind::Choice;
    }
    return f;
}

struct NumberOptions {
    std::optional<MarketField> market = std::nullopt;
    FieldRequired required = FieldRequired::No;
    std::optional<StrategyMode> mode = std::nullopt;
    QString (*crossCheck)(const Plan &) = nullptr;
};

template <auto... Ms>
PlanField number(const char *path, const char *title, FieldUnit unit, FieldRange range,
                 const NumberOptions &options = {})
{
    PlanField f = row<Ms...>(path, title);
    static_assert(std::is_same_v<ValueOf<Ms...>, double> || std::is_same_v<ValueOf<Ms...>, int>);
    f.unit = unit;
    f.range = range;
    f.market = options.market;
    f.required = options.required;
    f.mode = options.mode;
    f.crossCheck = options.crossCheck;
    return f;
}

template <auto... Ms> PlanField text(const char *path, const char *title, int maxLength, bool bringsValues)
{
    PlanField f = row<Ms...>(path, title);
    f.maxLength = maxLength;
    f.bringsValues = bringsValues;
    return f;
}

template <auto... Ms>
PlanField choice(const char *path, const char *title, bool bringsValues = false,
                 std::optional<MarketField> market = {})
{
    PlanField f = row<Ms...>(path, title);
    f.bringsValues = bringsValues;
    f.market = market;
    return f;
}

template <auto... Ms> PlanField bookkeeping(const char *path)
{
    PlanField f = row<Ms...>(path, nullptr);
    f.kind = PlanFieldKind::Bookkeeping;
    return f;
}

// The threshold must lie above the max LTV (checked once the LTV is in its range).
QString thresholdAboveLtv(const Plan &plan)
{
    const CollateralAsset &a = plan.collateral;
    if (!(a.ltv >= 0.0 && a.ltv < 1.0) || a.liquidationThreshold > a.ltv)
        return {};
    return QStringLiteral("must be above ltv (%1)").arg(formatNumber(a.ltv));
}

// Aave's PoolConfigurator requires LT x (1 + bonus) <= 100 %: otherwise a liquidation at HF 1 would seize
// more collateral than exists (checked once the threshold is in its range).
QString bonusWithinCollateral(const Plan &plan)
{
    const CollateralAsset &a = plan.collateral;
    if (!(a.liquidationThreshold > 0.0 && a.liquidationThreshold <= 1.0))
        return {};
    const double seized = a.liquidationThreshold * (1.0 + a.liquidationBonus);
    if (seized < 1.0)
        return {};
    return QStringLiteral("liquidationThreshold x (1 + liquidationBonus) must be below 1 (got %1)")
        .arg(formatNumber(seized));
}

// A model's own numbers must be there when the plan picks it (checked once the number is in its range).
QString poolReserveStated(const Plan &plan, double reserve)
{
    if (plan.priceImpact.model != ImpactModel::ConstantProduct || reserve > 0.0)
        return {};
    return QStringLiteral("must be above 0 for a constant-product pool (priceImpact.model)");
}

QString reserveAStated(const Plan &plan)
{
    return poolReserveStated(plan, plan.priceImpact.reserveAUsd);
}

QString reserveBStated(const Plan &plan)
{
    return poolReserveStated(plan, plan.priceImpact.reserveBUsd);
}

QString depthStated(const Plan &plan)
{
    if (plan.priceImpact.model != ImpactModel::DepthAtOnePercent || plan.priceImpact.depthUsd > 0.0)
        return {};
    return QStringLiteral("must be above 0 for the depth-at-1 % model (priceImpact.model)");
}

// The position must stay within what the planner models in USD.
QString depositWithinModel(const Plan &plan)
{
    const double price = plan.collateral.priceUsd;
    if (!std::isfinite(price) || price <= 0 || plan.deposit * price <= limits::maxPositionUsd)
        return {};
    return QStringLiteral("is worth %1 USD, more than the %2 USD this planner models")
        .arg(formatNumber(plan.deposit * price), formatNumber(limits::maxPositionUsd));
}

using P = Plan;
using A = CollateralAsset;
using B = BorrowAsset;
using S = Strategy;
using C = Costs;
using R = RiskInputs;
using I = PriceImpact;
using U = FieldUnit;
using M = MarketField;

constexpr FieldRange aboveZeroUpTo(double hi)
{
    return {0.0, hi, true, false};
}
constexpr FieldRange fromZeroBelow(double hi)
{
    return {0.0, hi, false, true};
}
constexpr FieldRange closed(double lo, double hi)
{
    return {lo, hi, false, false};
}
constexpr FieldRange kRate{-1.0, 100.0, true, false}; // an APY or yield: above -100 %, at most 10000 %
constexpr int kSymbolMaxLength = 32;

#define LP_TITLE(text) QT_TRANSLATE_NOOP("lp::EditActions", text)

// Built on first use, so that no other static initialiser can see it half made.
const auto &fields()
{
    static const std::array kFields{
        text<&P::name>("name", LP_TITLE("Name"), 0, false),
        choice<&P::market>("market", LP_TITLE("Market"), true),
        text<&P::collateral, &A::symbol>("collateral.symbol", LP_TITLE("Token A"), kSymbolMaxLength, true),
        number<&P::collateral, &A::priceUsd>(
            "collateral.priceUsd", LP_TITLE("Token A Price"), U::Usd, aboveZeroUpTo(limits::maxPriceUsd),
            {.market = M::CollateralPriceUsd, .required = FieldRequired::UnlessMarket}),
        number<&P::collateral, &A::ltv>(
            "collateral.ltv", LP_TITLE("Max LTV"), U::Fraction, fromZeroBelow(1.0),
            {.market = M::CollateralLtv, .required = FieldRequired::UnlessMarket}),
        number<&P::collateral, &A::liquidationThreshold>("collateral.liquidationThreshold",
                                                         LP_TITLE("Liquidation Threshold"), U::Fraction,
                                                         aboveZeroUpTo(1.0),
                                                         {.market = M::CollateralLiquidationThreshold,
                                                          .required = FieldRequired::UnlessMarket,
                                                          .crossCheck = &thresholdAboveLtv}),
        number<&P::collateral, &A::liquidationBonus>(
            "collateral.liquidationBonus", LP_TITLE("Liquidation Bonus"), U::Fraction, fromZeroBelow(1.0),
            {.market = M::CollateralLiquidationBonus, .crossCheck = &bonusWithinCollateral}),
        number<&P::collateral, &A::supplyApy>("collateral.supplyApy", LP_TITLE("Supply APY"), U::Fraction,
                                              kRate, {.market = M::CollateralSupplyApy}),
        number<&P::collateral, &A::nativeYield>("collateral.nativeYield", LP_TITLE("Native Yield"),
                                                U::Fraction, kRate, {.market = M::CollateralNativeYield}),
        text<&P::borrow, &B::symbol>("borrow.symbol", LP_TITLE("Borrow Asset"), kSymbolMaxLength, true),
        number<&P::borrow, &B::priceUsd>(
            "borrow.priceUsd", LP_TITLE("Borrow Asset Price"), U::Usd, aboveZeroUpTo(limits::maxPriceUsd),
            {.market = M::BorrowPriceUsd, .required = FieldRequired::UnlessMarket}),
        number<&P::borrow, &B::borrowApy>("borrow.borrowApy", LP_TITLE("Borrow APY"), U::Fraction, kRate,
                                          {.market = M::BorrowApy}),
        choice<&P::borrow, &B::priceModel>("borrow.priceModel", LP_TITLE("Price Model")),
        number<&P::deposit>("deposit", LP_TITLE("Deposit"), U::TokenA, aboveZeroUpTo(limits::maxDeposit),
                            {.required = FieldRequired::Always, .crossCheck = &depositWithinModel}),
        choice<&P::strategy, &S::mode>("strategy.mode", LP_TITLE("Strategy")),
        number<&P::strategy, &S::loops>("strategy.loops", LP_TITLE("Loops"), U::Count,
                                        closed(0, limits::maxLoops),
                                        {.required = FieldRequired::InItsMode, .mode = StrategyMode::Loops}),
        number<&P::strategy, &S::leverage>(
            "strategy.leverage", LP_TITLE("Target Leverage"), U::Multiple, closed(1.0, limits::maxLeverage),
            {.required = FieldRequired::InItsMode, .mode = StrategyMode::TargetLeverage}),
        number<&P::strategy, &S::healthFactor>(
            "strategy.healthFactor", LP_TITLE("Target Health Factor"), U::None, {1.0, 1e6, true, false},
            {.required = FieldRequired::InItsMode, .mode = StrategyMode::TargetHealthFactor}),
        number<&P::strategy, &S::ltvFraction>("strategy.ltvFraction", LP_TITLE("LTV Used"), U::Fraction,
                                              aboveZeroUpTo(1.0)),
        choice<&P::execution>("execution", LP_TITLE("Execution")),
        number<&P::costs, &C::swapFeeBps>("costs.swapFeeBps", LP_TITLE("Swap Fee"), U::BasisPoints,
                                          fromZeroBelow(limits::maxBps)),
        number<&P::costs, &C::slippageBps>("costs.slippageBps", LP_TITLE("Slippage"), U::BasisPoints,
                                           fromZeroBelow(limits::maxBps)),
        number<&P::costs, &C::flashPremiumBps>("costs.flashPremiumBps", LP_TITLE("Flash Premium"),
                                               U::BasisPoints, fromZeroBelow(limits::maxBps)),
        number<&P::costs, &C::gasUsdPerTx>("costs.gasUsdPerTx", LP_TITLE("Gas"), U::UsdPerTx,
                                           closed(0.0, limits::maxGasUsdPerTx)),
        choice<&P::priceImpact, &I::model>("priceImpact.model", LP_TITLE("Price Impact")),
        number<&P::priceImpact, &I::reserveAUsd>(
            "priceImpact.reserveAUsd", LP_TITLE("Pool Reserve of Token A"), U::Usd,
            closed(0.0, limits::maxPositionUsd), {.crossCheck = &reserveAStated}),
        number<&P::priceImpact, &I::reserveBUsd>(
            "priceImpact.reserveBUsd", LP_TITLE("Pool Reserve of Borrow Asset"), U::Usd,
            closed(0.0, limits::maxPositionUsd), {.crossCheck = &reserveBStated}),
        number<&P::priceImpact, &I::depthUsd>("priceImpact.depthUsd", LP_TITLE("Depth at 1 % Impact"), U::Usd,
                                              closed(0.0, limits::maxPositionUsd),
                                              {.crossCheck = &depthStated}),
        number<&P::horizonDays>("horizonDays", LP_TITLE("Horizon"), U::Days,
                                closed(1, limits::maxHorizonDays)),
        number<&P::risk, &R::annualVolatility>("risk.annualVolatility", LP_TITLE("Volatility"), U::Fraction,
                                               closed(0.0, limits::maxVolatility)),
        number<&P::risk, &R::drift>("risk.drift", LP_TITLE("Drift"), U::Fraction, closed(-10.0, 10.0)),
        number<&P::risk, &R::ratioVolatility>("risk.ratioVolatility", LP_TITLE("Ratio Volatility"),
                                              U::Fraction, closed(0.0, limits::maxVolatility)),
        choice<&P::liquidationRules>("liquidationRules", LP_TITLE("Liquidation Rules"), false,
                                     M::LiquidationRules),
        choice<&P::useEMode>("eMode", LP_TITLE("E-Mode"), true),
        choice<&P::riskAsset>("riskAsset", LP_TITLE("Risk Asset")),
        bookkeeping<&P::presetFields>("presetFields"),
        bookkeeping<&P::unknownFields>("unknownFields"),
    };
    return kFields;
}

#undef LP_TITLE

} // namespace

QString PlanField::group() const
{
    return pathName().contains(QLatin1Char('.')) ? QString(pathName()).section(QLatin1Char('.'), 0, 0)
                                                 : QString();
}

QString PlanField::key() const
{
    return QString(pathName()).section(QLatin1Char('.'), -1);
}

std::span<const PlanField> planFields()
{
    return fields();
}

const PlanField *planField(QStringView path)
{
    for (const PlanField &f : fields()) {
        if (path == f.pathName())
            return &f;
    }
    return nullptr;
}

const PlanField *planField(MarketField field)
{
    for (const PlanField &f : fields()) {
        if (f.market == field)
            return &f;
    }
    return nullptr;
}

} // namespace lp
