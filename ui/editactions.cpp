#include "editactions.h"

#include "plandiff.h"
#include "plandocument.h"
#include "planfields.h"
#include "plansession.h"

#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QMenu>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>

namespace lp {

namespace {

// Title-case names for menu texts ("Undo Change Deposit"), from the plan field table.
QString fieldName(const QString &path)
{
    const PlanField *field = planField(path);
    return field && field->title ? EditActions::tr(field->title) : EditActions::tr("Plan");
}

// Choices that bring other values with them (the market picker fills a reserve's parameters).
bool isChoice(const QString &path)
{
    const PlanField *field = planField(path);
    return field && field->bringsValues;
}

class PlanEditCommand : public QUndoCommand {
public:
    PlanEditCommand(PlanSession *session, bool *busy, Plan before, Plan after, int generation)
        : m_session(session), m_busy(busy), m_before(std::move(before)), m_after(std::move(after)),
          m_generation(generation)
    {
        const QStringList fields = EditActions::namedFields(changedPlanFields(m_before, m_after));
        m_key = fields.join(QLatin1Char(','));
        setText(EditActions::commandName(fields));
    }

    void undo() override { apply(m_before); }
    void redo() override { apply(m_after); }
    // Any id but -1 lets QUndoStack ask mergeWith(); the key decides.
    [[nodiscard]] int id() const override { return 1; }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const PlanEditCommand *>(other);
        if (next->m_generation != m_generation || next->m_key != m_key || m_key.isEmpty())
            return false;
        m_after = next->m_after;
        // Typed back to where the step started: the step undoes nothing and leaves the stack.
        setObsolete(m_after == m_before);
        return true;
    }

private:
    // While the session takes the plan, an edit the widgets would echo back is not a new step.
    void apply(const Plan &plan)
    {
        *m_busy = true;
        m_session->setPlan(plan);
        *m_busy = false;
    }

    PlanSession *m_session;
    bool *m_busy;
    Plan m_before;
    Plan m_after;
    int m_generation;
    QString m_key;
};

} // namespace

EditActions::EditActions(PlanSession *session, PlanDocument *document, QObject *parent)
    : QObject(parent), m_session(session), m_stack(new QUndoStack(this)),
      m_undo(m_stack->createUndoAction(this, tr("&Undo"))),
      m_redo(m_stack->createRedoAction(this, tr("&Redo")))
{
    m_undo->setObjectName(QStringLiteral("actionUndo"));
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setStatusTip(tr("Take back the last change to the plan"));
    m_redo->setObjectName(QStringLiteral("actionRedo"));
    // The platform's Redo keys, and Ctrl+Shift+Z wherever the platform lacks it.
    QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
    const QKeySequence ctrlShiftZ(Qt::ControlModifier | Qt::ShiftModifier | Qt::Key_Z);
    if (!redoKeys.contains(ctrlShiftZ))
        redoKeys << ctrlShiftZ;
    m_redo->setShortcuts(redoKeys);
    m_redo->setStatusTip(tr("Make the change that was taken back again"));

    // Undo and redo move the index without a push: the next edit is a new step.
    connect(m_stack, &QUndoStack::indexChanged, this, [this] {
        if (!m_pushing)
            closeStep();
    });
    connect(document, &PlanDocument::replaced, this, [this] {
        m_stack->clear();
        closeStep();
    });
    connect(document, &PlanDocument::saved, this, [this] {
        m_stack->setClean();
        closeStep();
    });
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
        connect(app, &QApplication::focusChanged, this, [this] { closeStep(); });
}

void EditActions::applyEdit(const Plan &plan)
{
    if (m_applying || plan == m_session->plan())
        return;
    m_pushing = true;
    m_stack->push(new PlanEditCommand(m_session, &m_applying, m_session->plan(), plan, m_generation));
    m_pushing = false;
}

void EditActions::applyStep(const Plan &plan, const QString &name)
{
    if (m_applying || plan == m_session->plan())
        return;
    closeStep();
    auto *command = new PlanEditCommand(m_session, &m_applying, m_session->plan(), plan, m_generation);
    command->setText(name);
    m_pushing = true;
    m_stack->push(command);
    m_pushing = false;
    closeStep();
}

void EditActions::addToMenu(QMenu *edit)
{
    edit->addAction(m_undo);
    edit->addAction(m_redo);
}

QStringList EditActions::namedFields(const QStringList &changedPaths)
{
    QStringList fields;
    for (const QString &path : changedPaths) {
        const PlanField *field = planField(path);
        if (!field || field->kind != PlanFieldKind::Bookkeeping)
            fields.append(path);
    }
    return fields;
}

QString EditActions::commandName(const QStringList &changedPaths)
{
    const QStringList fields = namedFields(changedPaths);
    if (fields.isEmpty())
        return tr("Change Plan");
    // A choice (market, asset, e-mode) names the step even when the values it brings come first.
    const auto choice = std::find_if(fields.cbegin(), fields.cend(), isChoice);
    if (choice != fields.cend())
        return tr("Change %1").arg(fieldName(*choice));
    const QString &first = fields.constFirst();
    if (fields.size() == 1)
        return tr("Change %1").arg(fieldName(first));
    return tr("Change %1 and %n More", nullptr, static_cast<int>(fields.size() - 1)).arg(fieldName(first));
}

} // namespace lp
