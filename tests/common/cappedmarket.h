#pragma once

// A hand-made market with reserve states (caps, sizes, liquidity) for the market-limit tests.

#include "marketregistry.h"

#include <QtGlobal>

#include <algorithm>

namespace lp::test {

// A reserve at $1 with ltv 75 %, lt 80 %, bonus 5 % and the given chain state (whole tokens).
inline Reserve reserve(const QString &symbol, double supplyCap, double borrowCap, double supplied,
                       double borrowed, double available)
{
    Reserve r;
    r.symbol = symbol;
    r.name = symbol;
    r.ltv = 0.75;
    r.liquidationThreshold = 0.80;
    r.liquidationBonus = 0.05;
    r.usableAsCollateral = true;
    r.borrowable = true;
    ReserveChainData chain;
    chain.priceUsd = 1.0;
    chain.utilization = supplied > 0 ? std::min(1.0, borrowed / supplied) : 0.0;
    chain.supplyCap = supplyCap;
    chain.borrowCap = borrowCap;
    chain.totalSupply = supplied;
    chain.totalDebt = borrowed;
    chain.availableLiquidity = available;
    r.onChain = chain;
    return r;
}

// A registry holding one market "capped" with the two reserves.
inline MarketRegistry registryWith(const Reserve &a, const Reserve &b)
{
    Market m;
    m.id = QStringLiteral("capped");
    m.name = QStringLiteral("Capped");
    m.chain = QStringLiteral("test");
    m.asOf = QDate(2026, 11, 30);
    m.source = QStringLiteral("hand-made reserve states for the test");
    m.reserves = {a, b};
    MarketRegistry registry;
    const ValidationErrors errors = registry.add(m);
    if (!errors.isEmpty())
        qFatal("%s", qPrintable(formatErrors(errors)));
    return registry;
}

} // namespace lp::test
