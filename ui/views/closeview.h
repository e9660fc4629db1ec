#pragma once

#include "lazyoutlook.h"

#include <QWidget>

#include <memory>
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
// plan (horizon, today's price) until the user edits them; Reset follows the plan again. Following the
// plan, it shows the outlook's close (LazyOutlook, shared with the report) and names the close the report
// prints, flash-close fallback included; edited inputs close again through the same lp::computeOutlookClose.
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

    void showOutlook(std::shared_ptr<const LazyOutlook> outlook);
    // A result on its own: shown through an outlook of its own with the report's default options.
    void showResult(const PlanResult &result);

    [[nodiscard]] QSpinBox *exitDayInput() const { return m_exitDay; }
    [[nodiscard]] NumberSpinBox *exitPriceInput() const { return m_exitPrice; }
    [[nodiscard]] QPushButton *resetButton() const { return m_reset; }
    [[nodiscard]] QTableWidget *comparisonTable() const { return m_comparison; }
    [[nodiscard]] QTableWidget *stepsTable() const { return m_steps; }
    [[nodiscard]] QLabel *noteLabel() const { return m_note; }
    // The close the report prints for these inputs: method, walk-away value and P&L, in one line.
    [[nodiscard]] QLabel *summaryLabel() const { return m_summary; }
    [[nodiscard]] const std::optional<CloseResult> &close(Method method) const;
    // Both closes and the report's pick, as shown (empty until an outlook is shown).
    [[nodiscard]] const OutlookClose &shownClose() const;
    [[nodiscard]] const std::shared_ptr<const LazyOutlook> &outlook() const { return m_outlook; }
    // True while the inputs follow the plan, i.e. the tab shows the outlook's own close.
    [[nodiscard]] bool followsPlan() const { return m_followPlan; }

private:
    void recompute();
    void resetToPlan();
    void fillSummary();
    void fillComparison();
    void fillSteps();

    std::shared_ptr<const LazyOutlook> m_outlook;
    bool m_followPlan = true;
    std::optional<OutlookClose> m_edited; // the close at the user's inputs
    QLabel *m_summary;
    QSpinBox *m_exitDay;
    NumberSpinBox *m_exitPrice;
    QPushButton *m_reset;
    QLabel *m_note;
    QTableWidget *m_comparison;
    QTableWidget *m_steps;
};

} // namespace lp
