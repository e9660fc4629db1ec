#pragma once

#include "backtest.h"
#include "plan.h"

#include <QDialog>

#include <optional>

class QCustomPlot;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace lp {

// Compare > Backtest Against Price History...: replays the current plan through a daily price CSV, the
// same lp::runBacktest as `leverage-planner backtest` (the figures are the CLI's). The file is chosen
// (Open CSV..., read through the one bounded reader) or fetched (Fetch From DefiLlama..., the
// PriceFetchDialog: a network call only when the user asks). Shows the period, the result against holding
// the deposit, the lowest health factor, every liquidation and rule execution, and a chart of equity and
// the hold value with the health factor over the days. A file that does not parse or a plan that cannot
// be replayed says why, and the last result is cleared rather than shown as if it were this one's.
class BacktestDialog : public QDialog {
    Q_OBJECT
public:
    explicit BacktestDialog(const Plan &plan, QWidget *parent = nullptr);

    // Reads and replays the file; false with the reason in messageLabel().
    bool runFile(const QString &path);
    // Opens the fetch dialog for the plan's collateral (coinForSymbol) and replays what it saved.
    void fetchPrices();

    [[nodiscard]] const std::optional<BacktestResult> &result() const { return m_result; }
    [[nodiscard]] QLabel *messageLabel() const { return m_message; }
    [[nodiscard]] QLabel *summaryLabel() const { return m_summary; }
    [[nodiscard]] QTableWidget *eventTable() const { return m_events; }
    [[nodiscard]] QCustomPlot *plot() const { return m_plot; }

    // DefiLlama's coin id for a symbol the app ships presets for ("coingecko:ethereum" for WETH); empty
    // when it does not know one.
    [[nodiscard]] static QString coinForSymbol(const QString &symbol);

private:
    void showBacktest(const BacktestResult &result);
    void clearResult(const QString &why);

    Plan m_plan;
    QLineEdit *m_path;
    QLabel *m_axisNote;
    QLabel *m_message;
    QLabel *m_summary;
    QTableWidget *m_events;
    QCustomPlot *m_plot;
    std::optional<BacktestResult> m_result;
};

} // namespace lp
