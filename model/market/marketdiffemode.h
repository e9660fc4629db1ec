#pragma once

// The e-mode part of the refresh review (marketdiff.h): what differs between two markets' categories, and
// how an accepted change reaches the merged market.
#include "marketdiff.h"

namespace lp {

// Whether two reviewed values are the same (marketdiff.cpp: numbers within a relative 1e-12).
[[nodiscard]] bool sameChangeValue(const QVariant &a, const QVariant &b);

// The categories' changes, by id: new and vanished categories, then each field that differs (the values,
// label, members and the roles in force: collateral, borrowable, LTV zero).
void diffEModes(const Market &old, const Market &fetched, QList<MarketChange> *out);

// Takes one accepted e-mode change from `fetched` into *merged.
void takeEModeChange(Market *merged, const Market &fetched, const MarketChange &change);

// After the review: members of vanished reserves go, each category's lists agree again (a role or LTV-zero
// entry no longer a member goes, and a member left in neither role, which gave nothing), categories left
// without members go, and the rest are sorted by id.
void reconcileEModes(Market *merged);

} // namespace lp
