#include "carryjson.h"

#include "machineformat.h"

#include <QJsonArray>

#include <cmath>

namespace lp {

using machine::fixed;
using machine::num;
using machine::percent;

QJsonObject carryJson(const CarryResult &carry)
{
    QJsonArray curve;
    for (const CarryPoint &p : carry.byLeverage)
        curve.append(QJsonObject{{QStringLiteral("leverage"), num(p.leverage)},
                                 {QStringLiteral("netApy"), num(p.netApy)},
                                 {QStringLiteral("borrowApy"), num(p.borrowApy)}});
    QJsonValue impact(QJsonValue::Null);
    if (const auto &u = carry.ownUtilization) {
        QJsonObject o{{QStringLiteral("borrowUtilizationBefore"), num(u->borrowUtilizationBefore)},
                      {QStringLiteral("borrowUtilizationAfter"), num(u->borrowUtilizationAfter)},
                      {QStringLiteral("borrowApyBefore"), num(u->borrowApyBefore)},
                      {QStringLiteral("borrowApyAfter"), num(u->borrowApyAfter)}};
        if (u->hasCollateralReserve) {
            o[QStringLiteral("supplyApyBefore")] = num(u->supplyApyBefore);
            o[QStringLiteral("supplyApyAfter")] = num(u->supplyApyAfter);
        }
        impact = o;
    }
    return QJsonObject{
        {QStringLiteral("netApyByLeverage"), curve},
        {QStringLiteral("leverage"), num(carry.atPlan.leverage)},
        {QStringLiteral("netApy"), num(carry.atPlan.netApy)},
        {QStringLiteral("holdApy"), num(carry.holdApy)},
        {QStringLiteral("breakEvenBorrowApy"), num(carry.breakEvenBorrowApy)},
        {QStringLiteral("costsUsd"), num(carry.costsUsd)},
        {QStringLiteral("paybackDays"), num(carry.paybackDays)},
        {QStringLiteral("ownUtilizationImpact"), impact},
    };
}

QStringList carryText(const CarryResult &carry)
{
    QStringList out{QStringLiteral("Carry")};
    auto row = [&out](const QString &label, const QString &value) {
        out << QStringLiteral("  %1 %2").arg(label.leftJustified(24, QLatin1Char(' ')), value);
    };
    row(QStringLiteral("Net APY at the plan"),
        QStringLiteral("%1 at %2x").arg(percent(carry.atPlan.netApy), fixed(carry.atPlan.leverage, 2)));
    row(QStringLiteral("Holding the deposit"), percent(carry.holdApy));
    row(QStringLiteral("Break-even borrow APY"), std::isfinite(carry.breakEvenBorrowApy)
                                                     ? percent(carry.breakEvenBorrowApy)
                                                     : QStringLiteral("none (no debt)"));
    row(QStringLiteral("Days to pay back costs"),
        std::isfinite(carry.paybackDays)
            ? QStringLiteral("%1 (costs $%2)").arg(fixed(carry.paybackDays, 1), fixed(carry.costsUsd, 2))
            : QStringLiteral("never: the carry is not positive"));
    if (const auto &u = carry.ownUtilization)
        row(QStringLiteral("Own borrow moves U"),
            QStringLiteral("%1 -> %2, borrow APY %3 -> %4")
                .arg(percent(u->borrowUtilizationBefore), percent(u->borrowUtilizationAfter),
                     percent(u->borrowApyBefore), percent(u->borrowApyAfter)));
    return out;
}

} // namespace lp
