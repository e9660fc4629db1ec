#include "liquidationrules.h"

namespace lp {

QString toString(LiquidationRuleSet rules)
{
    return rules == LiquidationRuleSet::AaveV30 ? QStringLiteral("aave-v3.0") : QStringLiteral("aave-v3.3");
}

bool liquidationRuleSetFromString(const QString &text, LiquidationRuleSet *out)
{
    for (LiquidationRuleSet r : {LiquidationRuleSet::AaveV30, LiquidationRuleSet::AaveV33}) {
        if (text == toString(r)) {
            *out = r;
            return true;
        }
    }
    return false;
}

LiquidationRules LiquidationRules::forRuleSet(LiquidationRuleSet ruleSet)
{
    LiquidationRules rules;
    rules.ruleSet = ruleSet;
    return rules;
}

} // namespace lp
