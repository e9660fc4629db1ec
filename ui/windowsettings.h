#pragma once

#include <QByteArray>
#include <QRect>

class QMainWindow;

namespace lp {

class ComparisonPanel;
class FileActions;
class MarketRegistry;
class PlanSession;

// What the window keeps in QSettings between runs (issue 3, desktop conventions): its geometry, the
// state of its toolbars and docks, each named splitter, and the plan on screen. A plan with a file is
// reopened from that file (if it still exists); an untitled plan is kept as its JSON, so closing the
// window never loses it. Only an invalid plan is not kept as typed: its last valid version, the one
// whose figures were on screen, is.
namespace windowsettings {

// Geometry, toolbar state and every QSplitter child that has an objectName.
void saveLayout(const QMainWindow *window);
// The reverse; false when nothing was stored (first start), leaving the window as it is. Nothing stored
// can hurt: the geometry is brought back to the screen's available room (clampToRoom), and a splitter
// state with impossible sizes (isSensibleSplitterState) is thrown away, the splitter keeping its default.
bool restoreLayout(QMainWindow *window);
// View > Reset Layout: forgets the stored layout and puts the window and its splitters back as they were
// built (the window centred on its screen).
void resetLayout(QMainWindow *window);

// A stored QSplitter state fit to restore for a splitter of `panes` panes: it decodes, has one size per
// pane, no size negative or over 100,000 pixels, and not every pane collapsed.
[[nodiscard]] bool isSensibleSplitterState(const QByteArray &state, int panes);
// `frame` brought back to `room` (a screen's available geometry): cut to its size each way and moved
// wholly onto it.
[[nodiscard]] QRect clampToRoom(const QRect &frame, const QRect &room);

// The pinned comparison plans (name and plan; none stored when none is pinned), and the reverse: each
// stored plan computed again and pinned under its name, after the ones already pinned. A stored plan that
// no longer reads or computes is skipped. Returns how many were pinned.
void savePinned(const ComparisonPanel *panel, const MarketRegistry &markets);
int restorePinned(ComparisonPanel *panel, const MarketRegistry &markets);

void savePlan(const FileActions *files, const PlanSession *session);
// Reopens the last file, or puts the stored untitled plan in the session (untitled and modified: it was
// never saved to a file). False when there is nothing to restore or it cannot be read; then the
// session keeps its plan. A missing file is skipped silently: it was moved or deleted since.
bool restorePlan(FileActions *files, PlanSession *session);
// When the window opens a file named on the command line, the untitled plan of the last run is not
// restored; this sets it aside (settingskeys::keptUntitledPlan) so that closing the window does not lose
// it: File > Open Recent offers it until it is restored.
void keepUntitledPlan();

} // namespace windowsettings

} // namespace lp
