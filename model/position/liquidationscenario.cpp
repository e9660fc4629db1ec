#include "liquidationscenario.h"

namespace lp {

LiquidationScenario liquidateAtPrice(const Plan &plan, double collateral, double debt, double priceUsd,
                                     bool alongPath)
{
    LiquidationScenario s;
    s.spotPriceUsd = plan.collateral.priceUsd;
    s.priceUsd = priceUsd;
    s.alongPath = alongPath;
    const double pb0 = plan.borrow.priceUsd;
    s.priceBUsd = plan.borrow.priceModel == PriceModel::TracksCollateral && s.spotPriceUsd > 0.0
                      ? pb0 * priceUsd / s.spotPriceUsd
                      : pb0;
    double c = collateral;
    double d = debt;
    if (alongPath) {
        // The path in A's price with B at its opening price: what matters to the rules is the ratio pa / pb,
        // so a tracking B walks to the same ratio.
        FallingPathLiquidator path(c, d, liquidationParams(plan, pb0));
        const double equivalent = priceUsd * pb0 / s.priceBUsd;
        if (equivalent < s.spotPriceUsd)
            path.advanceTo(equivalent);
        s.calls = path.events();
        c = path.collateral();
        d = path.debt();
    } else {
        s.calls = liquidateAfterGap(&c, &d, priceUsd, liquidationParams(plan, s.priceBUsd));
    }
    for (const LiquidationEvent &e : s.calls)
        s.badDebt += e.debtWrittenOff;
    if (c <= 0.0 && d > 0.0)
        s.badDebt += d;
    s.collateralAfter = c;
    s.debtAfter = d;
    s.equityUsd = c * priceUsd - d * s.priceBUsd;
    return s;
}

} // namespace lp
