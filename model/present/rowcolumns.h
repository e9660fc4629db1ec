#pragma once

#include "opening.h"
#include "pricesweep.h"
#include "stress.h"
#include "tablecolumn.h"
#include "timeline.h"

namespace lp {

// The column table of each row type, in the order every writer and view uses (README "CSV exports").

// The loop steps: CSV `loops`, JSON report `loops`, LoopStepsModel.
[[nodiscard]] const TableColumns<LoopStep> &loopStepColumns();
// The price sweep: CSV `prices`.
[[nodiscard]] const TableColumns<SweepPoint> &sweepPointColumns();
// The timeline: CSV `timeline`, JSON report `time.atHorizon` (its last day), TimelineModel.
[[nodiscard]] const TableColumns<TimelinePoint> &timelinePointColumns();
// A stress state: JSON report `stress[].before` and `.after`.
[[nodiscard]] const TableColumns<StressFigures> &stressFiguresColumns();

} // namespace lp
