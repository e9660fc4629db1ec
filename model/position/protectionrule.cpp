#include "protectionrule.h"

#include "machineformat.h"
#include "plan.h"

#include <array>
#include <cmath>
#include <utility>

namespace lp {

namespace {

constexpr std::array<std::pair<ProtectionKind, const char *>, 6> kKindNames{{
    {ProtectionKind::AutoRepay, "autoRepay"},
    {ProtectionKind::AutoBoost, "autoBoost"},
    {ProtectionKind::StopLoss, "stopLoss"},
    {ProtectionKind::TakeProfit, "takeProfit"},
    {ProtectionKind::TrailingStop, "trailingStop"},
    {ProtectionKind::PreLiquidation, "preLiquidation"},
}};

} // namespace

ProtectionRule ProtectionRule::ofKind(ProtectionKind kind)
{
    ProtectionRule r;
    r.kind = kind;
    if (kind == ProtectionKind::PreLiquidation) {
        r.serviceFeeBps = 0.0;
        r.delaySteps = 0;
    }
    return r;
}

bool ProtectionRule::closesPosition() const
{
    return kind == ProtectionKind::StopLoss || kind == ProtectionKind::TakeProfit ||
           kind == ProtectionKind::TrailingStop;
}

QString toString(ProtectionKind kind)
{
    for (const auto &[k, name] : kKindNames)
        if (k == kind)
            return QLatin1String(name);
    return {};
}

bool protectionKindFromString(const QString &text, ProtectionKind *out)
{
    for (const auto &[k, name] : kKindNames) {
        if (text == QLatin1String(name)) {
            *out = k;
            return true;
        }
    }
    return false;
}

QStringList protectionKindNames()
{
    QStringList names;
    for (const auto &entry : kKindNames)
        names.append(QLatin1String(entry.second));
    return names;
}

ValidationErrors validateProtection(const Plan &plan)
{
    ValidationErrors errors;
    FieldChecker c(&errors);
    if (plan.protection.size() > kMaxProtectionRules)
        c.fail(
            QStringLiteral("protection"),
            QStringLiteral("at most %1 rules (got %2)").arg(kMaxProtectionRules).arg(plan.protection.size()));
    const double lt = plan.collateral.liquidationThreshold;
    const double ltv = plan.collateral.ltv;
    const double spot = plan.collateral.priceUsd;
    for (qsizetype i = 0; i < plan.protection.size(); ++i) {
        const ProtectionRule &r = plan.protection.at(i);
        const auto path = [i](const char *key) {
            return QStringLiteral("protection[%1].%2").arg(i).arg(QLatin1String(key));
        };
        c.range(path("serviceFeeBps"), r.serviceFeeBps, 0.0, 1000.0);
        if (r.delaySteps < 0 || r.delaySteps > kMaxProtectionDelaySteps)
            c.fail(path("delaySteps"), QStringLiteral("must be between 0 and %1 (got %2)")
                                           .arg(kMaxProtectionDelaySteps)
                                           .arg(r.delaySteps));
        switch (r.kind) {
        case ProtectionKind::AutoRepay:
        case ProtectionKind::AutoBoost: {
            const bool repay = r.kind == ProtectionKind::AutoRepay;
            const bool triggerOk =
                c.range(path("triggerHealthFactor"), r.triggerHealthFactor, 1.0, 100.0, true);
            const bool targetOk = c.range(path("targetHealthFactor"), r.targetHealthFactor, 1.0, 100.0, true);
            if (!triggerOk || !targetOk)
                break;
            if (repay && !(r.targetHealthFactor > r.triggerHealthFactor))
                c.fail(path("targetHealthFactor"),
                       QStringLiteral("an auto-repay's target (%1) must be above its trigger (%2)")
                           .arg(formatNumber(r.targetHealthFactor), formatNumber(r.triggerHealthFactor)));
            if (!repay && !(r.targetHealthFactor < r.triggerHealthFactor))
                c.fail(path("targetHealthFactor"),
                       QStringLiteral("an auto-boost's target (%1) must be below its trigger (%2)")
                           .arg(formatNumber(r.targetHealthFactor), formatNumber(r.triggerHealthFactor)));
            // Borrowing up to HF H puts the LTV at lt / H, which may not pass the maximum LTV.
            if (!repay && ltv > 0.0 && r.targetHealthFactor < lt / ltv)
                c.fail(
                    path("targetHealthFactor"),
                    QStringLiteral("an auto-boost to HF %1 would borrow past the maximum LTV (%2); the "
                                   "lowest target is liquidationThreshold / ltv = %3")
                        .arg(formatNumber(r.targetHealthFactor), formatNumber(ltv), formatNumber(lt / ltv)));
            break;
        }
        case ProtectionKind::StopLoss:
            if (c.range(path("priceUsd"), r.priceUsd, 0.0, limits::maxPriceUsd, true) && r.priceUsd >= spot)
                c.fail(
                    path("priceUsd"),
                    QStringLiteral("a stop-loss at %1 USD is not below the collateral's price (%2 USD): it "
                                   "would close the position at once")
                        .arg(formatNumber(r.priceUsd), formatNumber(spot)));
            break;
        case ProtectionKind::TakeProfit:
            if (c.range(path("priceUsd"), r.priceUsd, 0.0, limits::maxPriceUsd, true) && r.priceUsd <= spot)
                c.fail(path("priceUsd"),
                       QStringLiteral("a take-profit at %1 USD is not above the collateral's price (%2 USD): "
                                      "it would close the position at once")
                           .arg(formatNumber(r.priceUsd), formatNumber(spot)));
            break;
        case ProtectionKind::TrailingStop:
            c.range(path("fraction"), r.fraction, 0.0, 1.0, true, true);
            break;
        case ProtectionKind::PreLiquidation:
            if (c.range(path("ltv"), r.ltv, 0.0, 1.0, true, true) && r.ltv >= lt)
                c.fail(
                    path("ltv"),
                    QStringLiteral("a pre-liquidation LTV (%1) must be below the liquidation threshold (%2)")
                        .arg(formatNumber(r.ltv), formatNumber(lt)));
            c.range(path("closeFactor"), r.closeFactor, 0.0, 1.0, true);
            if (c.range(path("incentive"), r.incentive, 0.0, 1.0) && r.ltv > 0.0 &&
                r.ltv * (1.0 + r.incentive) >= 1.0)
                c.fail(path("incentive"),
                       QStringLiteral("with LTV %1 an incentive of %2 seizes more collateral than the debt "
                                      "it repays is worth: ltv x (1 + incentive) must stay under 1")
                           .arg(formatNumber(r.ltv), formatNumber(r.incentive)));
            break;
        }
    }
    return errors;
}

} // namespace lp
