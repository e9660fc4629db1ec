#pragma once

// A one-collateral, one-debt account as a plan that reproduces it: a flash-loan open at the account's
// leverage from its equity, with no costs, so that the plan's collateral, debt and health factor are the
// account's and every chart, the close simulator, the risk tab and the backtest work on it.
#include "account.h"
#include "expected.h"
#include "plan.h"

namespace lp {

// Needs exactly one asset counted as collateral, one other asset owed and nothing else held or owed;
// otherwise an error that says which planning views need a single pair. With deposit x0 = C - D PB / PA
// (the equity in units of the collateral) and leverage L = C PA / (C PA - D PB), the flash loan borrows
// (L - 1) x0 PA of B and ends with collateral x0 L = C and debt D. An asset whose LTV is its threshold
// (Morpho Blue's LLTV) gets a max LTV one basis point below it, as a plan's threshold must lie above it.
[[nodiscard]] Expected<Plan> planFromAccount(const Account &account, const QString &name = {});

} // namespace lp
