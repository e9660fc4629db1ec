#include "plandiff.h"

#include "planfields.h"

namespace lp {

QStringList changedPlanFields(const Plan &before, const Plan &after)
{
    QStringList paths;
    for (const PlanField &f : planFields()) {
        if (f.differs(before, after))
            paths.append(f.pathName());
    }
    // A member added to Plan without a row in the field table still shows up as a change, never as none.
    if (paths.isEmpty() && before != after)
        paths.append(QStringLiteral("plan"));
    return paths;
}

} // namespace lp
