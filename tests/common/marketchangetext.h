#pragma once

#include "marketdiff.h"

#include <QStringList>

namespace lp::test {

// Each change of a market diff as one line, "WETH liquidationThreshold: 83 % -> 85 % [flag]", as the
// refresh review shows it: what the diff tests compare.
inline QStringList changeTexts(const QList<MarketChange> &changes)
{
    QStringList out;
    for (const MarketChange &c : changes)
        out << QStringLiteral("%1 %2: %3 -> %4 [%5]")
                   .arg(c.subject(), c.field, MarketChange::text(c.oldValue, c.format),
                        MarketChange::text(c.newValue, c.format), c.flag);
    return out;
}

} // namespace lp::test
