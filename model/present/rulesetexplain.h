#pragma once

// The plan's liquidation rule set in one paragraph with the plan's own numbers: what the teaching mode
// says and the window's tooltips show (docs/architecture.md, "Liquidation rules").
#include <QString>

namespace lp {

struct PlanResult;

[[nodiscard]] QString ruleSetParagraph(const PlanResult &result);

} // namespace lp
