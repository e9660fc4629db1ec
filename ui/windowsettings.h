#pragma once

class QMainWindow;

namespace lp {

class FileActions;
class PlanSession;

// What the window keeps in QSettings between runs (issue 3, desktop conventions): its geometry, the
// state of its toolbars and docks, each named splitter, and the plan on screen. A plan with a file is
// reopened from that file (if it still exists); an untitled plan is kept as its JSON, so closing the
// window never loses it. Only an invalid plan is not kept as typed: its last valid version, the one
// whose figures were on screen, is.
namespace windowsettings {

// Geometry, toolbar state and every QSplitter child that has an objectName.
void saveLayout(const QMainWindow *window);
// The reverse; false when nothing was stored (first start), leaving the window as it is.
bool restoreLayout(QMainWindow *window);

void savePlan(const FileActions *files, const PlanSession *session);
// Reopens the last file, or puts the stored untitled plan in the session (untitled and modified: it was
// never saved to a file). False when there is nothing to restore or it cannot be read; then the
// session keeps its plan. A missing file is skipped silently: it was moved or deleted since.
bool restorePlan(FileActions *files, PlanSession *session);

} // namespace windowsettings

} // namespace lp
