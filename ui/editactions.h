#pragma once

#include "plan.h"

#include <QObject>
#include <QStringList>

class QAction;
class QMenu;
class QUndoStack;

namespace lp {

class PlanDocument;
class PlanSession;

// Edit > Undo / Redo of every plan edit (issue 3, desktop conventions). The form and the market picker
// hand their edited plan to applyEdit(), which pushes a command holding the plan before and after; undo
// and redo set the session's plan, so the figures are recomputed with it. Consecutive edits of the same
// field merge into one step (typing "100" in the deposit, dragging the loop slider) until the user moves
// to another field, undoes or redoes, or saves. New, Open and Revert start a fresh history: what came
// before is another document. The document's modified mark needs no help from the stack: PlanDocument
// compares the plan with the saved one, so undoing back to it clears the mark.
class EditActions : public QObject {
    Q_OBJECT
public:
    EditActions(PlanSession *session, PlanDocument *document, QObject *parent = nullptr);

    // Makes `plan` the session's plan as one undoable step; nothing when it equals the current plan.
    void applyEdit(const Plan &plan);
    // Makes `plan` the session's plan as one undo step of its own named `name` ("Add a Loop"): it merges
    // with no edit before or after it.
    void applyStep(const Plan &plan, const QString &name);

    void addToMenu(QMenu *edit);
    [[nodiscard]] QUndoStack *undoStack() const { return m_stack; }
    [[nodiscard]] QAction *undoAction() const { return m_undo; }
    [[nodiscard]] QAction *redoAction() const { return m_redo; }

    // A command's name from the fields it changes (lp::changedPlanFields): "Change Deposit"; a choice
    // that brings other values with it is named after the choice ("Change Market", "Change Token A").
    [[nodiscard]] static QString commandName(const QStringList &changedPaths);
    // The fields that name a command and decide what merges: the changed paths without bookkeeping.
    [[nodiscard]] static QStringList namedFields(const QStringList &changedPaths);

private:
    // Ends merging: the next edit starts a new undo step.
    void closeStep() { ++m_generation; }

    PlanSession *m_session;
    QUndoStack *m_stack;
    QAction *m_undo;
    QAction *m_redo;
    int m_generation = 0;
    bool m_pushing = false;  // inside QUndoStack::push
    bool m_applying = false; // a command is setting the session's plan
};

} // namespace lp
