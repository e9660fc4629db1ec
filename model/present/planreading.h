#pragma once

#include <QString>

namespace lp {

struct PlanResult;

// The plan in one plain-language line (issue 3): what the user asked for, then what it does, e.g.
// "10 wstETH, 3 loops at 90 % of max LTV: 2.44x exposure, liquidated below $2,010 (42.6 % below spot)".
// Numbers in the user's locale (lp::display); every figure comes from the result as computed.
[[nodiscard]] QString planReading(const PlanResult &result);

} // namespace lp
