#pragma once

#include <QColor>
#include <QString>

#include <memory>
#include <vector>

namespace lp {

struct PlanResult;

// A plan pinned for comparison (issue 3): every chart draws it as an extra curve in its colour,
// and the comparison table shows it as a column. The pinned plans are owned by the comparison; the charts
// only read them.
struct PinnedPlot {
    QString name;
    QColor color;
    std::shared_ptr<const PlanResult> result;
};

using PinnedPlots = std::vector<PinnedPlot>;

} // namespace lp
