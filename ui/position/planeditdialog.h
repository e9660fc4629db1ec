#pragma once

#include "closing.h"
#include "expected.h"
#include "plan.h"
#include "planedits.h"

#include <QDialog>

#include <memory>

class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QTableView;

namespace lp {

class PlanComparison;
struct PlanResult;

// The plan edits the window offers (planedits.h).
enum class PlanEditKind { AddLoop, RepayToHealthFactor, DeleverageToLeverage, CloseNow };

// Plan > Edit Position: one of the plan edits (planedits.h) on the current plan, with the plan before and
// after it side by side in the comparison table (the current plan's column, then "After"), the edit's
// figures in one sentence, and Apply / Cancel. Repay and deleverage ask for their target (a health
// factor, a leverage) and recompute as it changes; an edit that cannot be made shows why and disables
// Apply. The window applies editedPlan() as one undo step.
class PlanEditDialog : public QDialog {
    Q_OBJECT
public:
    using Kind = PlanEditKind;

    // `before` must be a valid plan's result; `close` is how the Close tab closes (for Close Now; its method
    // is how Deleverage unwinds: a flash close pays the flash loan's premium).
    PlanEditDialog(Kind kind, std::shared_ptr<const PlanResult> before, const CloseOptions &close = {},
                   QWidget *parent = nullptr);
    ~PlanEditDialog() override;

    [[nodiscard]] Kind kind() const { return m_kind; }
    // The menu's name of an edit ("Add a Loop", "Repay to Reach HF..."), and the undo step's ("Add a Loop").
    [[nodiscard]] static QString actionText(Kind kind);
    [[nodiscard]] static QString stepName(Kind kind);

    // Repay: the health factor to reach; deleverage: the leverage. Recomputes the edit.
    void setTarget(double target);
    [[nodiscard]] QDoubleSpinBox *targetBox() const { return m_target; }
    // The edit at the current target: the plan after it, or why it cannot be made.
    [[nodiscard]] const Expected<PlanEdit> &edit() const { return *m_edit; }
    [[nodiscard]] bool canApply() const;
    [[nodiscard]] Plan editedPlan() const;
    [[nodiscard]] PlanComparison *comparison() const { return m_comparison; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QLabel *summaryLabel() const { return m_summary; }
    [[nodiscard]] QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void recompute();

    Kind m_kind;
    std::shared_ptr<const PlanResult> m_before;
    CloseOptions m_close;
    std::unique_ptr<Expected<PlanEdit>> m_edit;
    QDoubleSpinBox *m_target = nullptr;
    QLabel *m_summary;
    QTableView *m_table;
    PlanComparison *m_comparison;
    QDialogButtonBox *m_buttons;
};

} // namespace lp
