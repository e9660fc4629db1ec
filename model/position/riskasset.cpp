#include "riskasset.h"

#include <QStringList>

#include <limits>

namespace lp {

bool looksStable(const QString &symbol, double priceUsd)
{
    static const QStringList kNamed{QStringLiteral("DAI"),  QStringLiteral("GHO"),  QStringLiteral("FRAX"),
                                    QStringLiteral("LUSD"), QStringLiteral("SDAI"), QStringLiteral("MAI"),
                                    QStringLiteral("BOLD"), QStringLiteral("EURC"), QStringLiteral("EURS")};
    const QString upper = symbol.toUpper();
    const bool named = upper.contains(QLatin1String("USD")) || upper.contains(QLatin1String("EUR")) ||
                       kNamed.contains(upper);
    return named && priceUsd >= 0.9 && priceUsd <= 1.3;
}

RiskAsset effectiveRiskAsset(const Plan &plan)
{
    if (plan.riskAsset != RiskAsset::Auto)
        return plan.riskAsset;
    if (plan.borrow.priceModel == PriceModel::TracksCollateral)
        return RiskAsset::Ratio;
    if (looksStable(plan.collateral.symbol, plan.collateral.priceUsd) &&
        !looksStable(plan.borrow.symbol, plan.borrow.priceUsd))
        return RiskAsset::Borrow;
    return RiskAsset::Collateral;
}

QString riskAxisSymbol(const Plan &plan)
{
    switch (effectiveRiskAsset(plan)) {
    case RiskAsset::Borrow:
        return plan.borrow.symbol;
    case RiskAsset::Ratio:
        return plan.collateral.symbol + QLatin1Char('/') + plan.borrow.symbol;
    case RiskAsset::Auto:
    case RiskAsset::Collateral:
        break;
    }
    return plan.collateral.symbol;
}

double riskVolatility(const Plan &plan)
{
    return effectiveRiskAsset(plan) == RiskAsset::Ratio ? plan.risk.ratioVolatility
                                                        : plan.risk.annualVolatility;
}

void setRiskVolatility(Plan *plan, double volatility)
{
    (effectiveRiskAsset(*plan) == RiskAsset::Ratio ? plan->risk.ratioVolatility
                                                   : plan->risk.annualVolatility) = volatility;
}

double riskSpot(const Plan &plan)
{
    switch (effectiveRiskAsset(plan)) {
    case RiskAsset::Borrow:
        return plan.borrow.priceUsd;
    case RiskAsset::Ratio:
        return plan.collateral.priceUsd / plan.borrow.priceUsd;
    case RiskAsset::Auto:
    case RiskAsset::Collateral:
        break;
    }
    return plan.collateral.priceUsd;
}

PricePair pricesAtRisk(const Plan &plan, double x)
{
    switch (effectiveRiskAsset(plan)) {
    case RiskAsset::Borrow:
        return {plan.collateral.priceUsd, x};
    case RiskAsset::Ratio:
        return {x * plan.borrow.priceUsd, plan.borrow.priceUsd};
    case RiskAsset::Auto:
    case RiskAsset::Collateral:
        break;
    }
    return {x, plan.borrow.priceUsd};
}

double riskLiquidationValue(const Plan &plan, double collateral, double debt, double liquidationThreshold)
{
    if (debt <= 0.0)
        return 0.0;
    switch (effectiveRiskAsset(plan)) {
    case RiskAsset::Borrow:
        return collateral * plan.collateral.priceUsd * liquidationThreshold / debt;
    case RiskAsset::Ratio:
        return collateral > 0.0 ? debt / (collateral * liquidationThreshold)
                                : std::numeric_limits<double>::infinity();
    case RiskAsset::Auto:
    case RiskAsset::Collateral:
        break;
    }
    return collateral > 0.0 ? debt * plan.borrow.priceUsd / (collateral * liquidationThreshold)
                            : std::numeric_limits<double>::infinity();
}

} // namespace lp
