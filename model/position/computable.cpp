#include "computable.h"

#include "machineformat.h"
#include "plan.h"

#include <algorithm>
#include <cmath>

namespace lp {

ValidationErrors validateComputable(const Plan &plan)
{
    ValidationErrors errors;
    FieldChecker c(&errors);
    // Only values that passed their own range (positive, finite) are judged here.
    const auto tooSmall = [&](const QString &field, double v, double min, const QString &unit) {
        const bool judged = std::isfinite(v) && v > 0.0;
        if (judged && v < min)
            c.fail(field, QStringLiteral("is too small to compute with (%1); the smallest is %2 %3")
                              .arg(formatNumber(v), formatNumber(min), unit));
        return judged && v >= min;
    };
    const bool priceA = tooSmall(QStringLiteral("collateral.priceUsd"), plan.collateral.priceUsd,
                                 limits::minPriceUsd, QStringLiteral("USD"));
    tooSmall(QStringLiteral("borrow.priceUsd"), plan.borrow.priceUsd, limits::minPriceUsd,
             QStringLiteral("USD"));
    const bool deposit =
        tooSmall(QStringLiteral("deposit"), plan.deposit, limits::minDeposit, plan.collateral.symbol);
    if (priceA && deposit && plan.deposit * plan.collateral.priceUsd < limits::minPositionUsd)
        c.fail(QStringLiteral("deposit"),
               QStringLiteral("is worth %1 USD, too little to compute with; the smallest is %2 USD")
                   .arg(formatNumber(plan.deposit * plan.collateral.priceUsd),
                        formatNumber(limits::minPositionUsd)));

    // Balances compound at (1 + rate)^(days / 365): the collateral at supply APY and native yield, the
    // debt at the borrow APY. Over a long horizon extreme (valid) rates leave the range of a double.
    const double years = plan.horizonDays / 365.0;
    const double collateralLog =
        std::log1p(plan.collateral.supplyApy) + std::log1p(plan.collateral.nativeYield);
    const double debtLog = std::log1p(plan.borrow.borrowApy);
    const double worst = std::max(std::fabs(collateralLog), std::fabs(debtLog)) * years;
    if (std::isfinite(collateralLog) && std::isfinite(debtLog) && years > 0 && worst > limits::maxLogGrowth)
        c.fail(
            QStringLiteral("horizonDays"),
            QStringLiteral("at these rates a balance grows or shrinks by a factor of more than 1e100 in %1 "
                           "days; shorten the horizon or moderate the rates")
                .arg(plan.horizonDays));
    return errors;
}

} // namespace lp
