#pragma once

#include "closing.h"
#include "opening.h"
#include "plan.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace lp {

class NumberSpinBox;
struct PlanResult;

// The "Close" tab: close the position on an exit day at an exit price,
// selling Token A to repay (each withdraw-swap-repay round in a table) or with a flash loan, side by
// side: what you walk away with, P&L against holding, and every cost. The exit day and price follow the
// plan (horizon, today's price) until the user edits them; Reset follows the plan again.
class CloseView : public QWidget {
    Q_OBJECT
public:
    // Rows of the comparison table.
    enum Row {
        WalkAwayUnits,
        WalkAwayUsd,
        PnlUsd,
        HoldPnlUsd,
        SwapFees,
        Slippage,
        FlashPremium,
        Gas,
        Transactions,
        InterestPaid,
        YieldEarned,
        TotalCosts,
        RowCount
    };
    enum Method { SellToRepay, FlashClose };

    explicit CloseView(QWidget *parent = nullptr);

    void showResult(const PlanResult &result);

    [[nodiscard]] QSpinBox *exitDayInput() const { return m_exitDay; }
    [[nodiscard]] NumberSpinBox *exitPriceInput() const { return m_exitPrice; }
    [[nodiscard]] QPushButton *resetButton() const { return m_reset; }
    [[nodiscard]] QTableWidget *comparisonTable() const { return m_comparison; }
    [[nodiscard]] QTableWidget *stepsTable() const { return m_steps; }
    [[nodiscard]] QLabel *noteLabel() const { return m_note; }
    [[nodiscard]] const std::optional<CloseResult> &close(Method method) const
    {
        return method == SellToRepay ? m_sell : m_flash;
    }

private:
    void recompute();
    void resetToPlan();
    void fillComparison();
    void fillSteps();

    std::optional<Plan> m_plan;
    OpenedPosition m_opened;
    bool m_followPlan = true;
    std::optional<CloseResult> m_sell;
    std::optional<CloseResult> m_flash;
    QString m_sellError;
    QString m_flashError;
    QSpinBox *m_exitDay;
    NumberSpinBox *m_exitPrice;
    QPushButton *m_reset;
    QLabel *m_note;
    QTableWidget *m_comparison;
    QTableWidget *m_steps;
};

} // namespace lp
