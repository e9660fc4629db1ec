#pragma once

#include "plan.h"

#include <QHash>
#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;

namespace lp {

class FormField;
class LoopCountInput;
class NumberSpinBox;
struct PlanField;

// The plan's inputs (the window's left column). Keeps its own copy of the plan and changes only the field
// the user edited, so values the widgets round (a spin box's decimals) never leak back into the plan.
// Every edit emits planEdited() at once; there is no Apply button. Each editor's objectName is its
// plan path ("collateral.liquidationThreshold"), the same name the validator uses.
class PlanForm : public QWidget {
    Q_OBJECT
public:
    explicit PlanForm(QWidget *parent = nullptr);

    [[nodiscard]] const Plan &plan() const { return m_plan; }
    // Shows `plan` without emitting planEdited().
    void setPlan(const Plan &plan);
    // Marks the fields the validator named and clears the others; errors for fields the form does not
    // show are left to the caller's status line.
    void showErrors(const ValidationErrors &errors);
    // The loops the computed plan opens with. In the target modes the (disabled) loop count shows them,
    // live, and switching back to the loop-count mode keeps them as the plan's loop count.
    void showLoopsUsed(int loops);
    [[nodiscard]] int loopsUsed() const { return m_loopsUsed; }

    [[nodiscard]] FormField *field(const QString &path) const { return m_fields.value(path); }
    // The label a person reads for a plan path ("Liquidation threshold"); the path itself if unknown.
    [[nodiscard]] QString fieldTitle(const QString &path) const;

signals:
    void planEdited(const lp::Plan &plan);

private:
    using TextRef = QString &(*)(Plan &);
    struct NumberSpec {
        double minimum = 0;
        double maximum = 0;
        int decimals = 2;
        QString suffix;
        double scale = 1; // shown value = plan value x scale (100 for percent)
        double step = 1;
        int minimumDisplayDecimals = 0;
    };
    struct DoubleBinding {
        NumberSpinBox *box;
        double scale;
        const PlanField *field; // the plan value it edits
    };

    QGroupBox *buildCollateralGroup();
    QGroupBox *buildBorrowGroup();
    QGroupBox *buildPositionGroup();
    QGroupBox *buildCostsGroup();
    QGroupBox *buildOutlookGroup();

    FormField *addField(QFormLayout *layout, const QString &path, const QString &title, const QString &help,
                        QWidget *editor, QWidget *row = nullptr);
    NumberSpinBox *addNumber(QFormLayout *layout, const QString &path, const QString &title,
                             const QString &help, const NumberSpec &spec, QWidget *besideEditor = nullptr);
    QLineEdit *addSymbol(QFormLayout *layout, const QString &path, const QString &title, const QString &help,
                         TextRef ref);

    void alignLabelColumns();
    // The loop count's box: the plan's own in the loop-count mode, the loops used in the target modes.
    [[nodiscard]] int loopsShown() const;
    template <class Change> void edit(Change change);
    void refreshDerived();

    Plan m_plan;
    int m_loopsUsed = -1; // -1 before the first result
    std::vector<DoubleBinding> m_numbers;
    QHash<QString, FormField *> m_fields;
    QLineEdit *m_collateralSymbol = nullptr;
    QLineEdit *m_borrowSymbol = nullptr;
    QCheckBox *m_tracksCollateral = nullptr;
    QComboBox *m_strategyMode = nullptr;
    LoopCountInput *m_loops = nullptr;
    QComboBox *m_execution = nullptr;
    NumberSpinBox *m_deposit = nullptr;
    QLabel *m_depositUsd = nullptr;
};

} // namespace lp
