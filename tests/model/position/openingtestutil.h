#pragma once

// What the opening tests share: the closed forms of the loops, opening a plan that must open, and the
// leverage of an opened position.
#include "engine.h"
#include "opening.h"
#include "testutil.h"

#include <QTest>

#include <cmath>

namespace lp::openingtest {

// Closed forms of the opening (README, "How the numbers are computed"), written here independently of the
// step-by-step simulator. Values are in units of A at the opening price; k = (1-s)(1-q), t = ltvFraction x
// ltv.
inline double closedFormCollateral(double x0, double k, double t, int n)
{
    return x0 * (1.0 - std::pow(k * t, n + 1)) / (1.0 - k * t);
}
inline double closedFormDebtInA(double x0, double k, double t, int n)
{
    return t * x0 * (1.0 - std::pow(k * t, n)) / (1.0 - k * t);
}

inline OpenedPosition open(const Plan &plan)
{
    const Expected<OpenedPosition> opened = openPosition(plan);
    if (!opened)
        qFatal("openPosition failed: %s", qPrintable(formatErrors(opened.errors())));
    return opened.value();
}

inline double leverageOf(const OpenedPosition &o, const Plan &p)
{
    const double cv = o.collateral * p.collateral.priceUsd;
    return cv / (cv - o.debt * p.borrow.priceUsd);
}

} // namespace lp::openingtest
