#pragma once

#include <QAbstractTableModel>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace lp {

struct PlanResult;

// Plans pinned for comparison (issue 3) and the comparison table: one row per figure, one
// column for the current plan, then one per pinned plan. Pinning a plan, changing its protection rules
// and comparing is the compare mode of the protection rules (issue 18): the last rows simulate each
// column's rules on the Monte Carlo paths (20,000 paths, seed 1, as the Risk tab) when first shown. A pinned
// plan is a snapshot: its result as it was when pinned. Each keeps its slot (0..kMaxPinned-1) for life, so
// its colour does not change when another one is unpinned. DisplayRole is text in the user's locale;
// RawValueRole the number (for copying). Deferred (setProtectionDeferred, the window's panel), data() never
// simulates: the rules' rows say "computing…" until setProtection() brings their figures, which the panel
// simulates on a worker thread (simulateProtectionFigures is safe on any thread).
class PlanComparison : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kMaxPinned = 4;
    static constexpr int RawValueRole = Qt::UserRole + 1;

    enum Figure {
        Deposit,
        Strategy,
        Leverage,
        HealthFactor,
        Ltv,
        LiquidationPrice,
        Distance,
        Exposure,
        Debt,
        Equity,
        OpeningCosts,
        NetApy,
        Transactions,
        Protection,           // the protection rules in words
        LiquidationWithRules, // Monte Carlo over the horizon, with the rules (and without, in the text)
        RuleCosts,            // expected cost of the rules' executions over the horizon
        FigureCount
    };
    Q_ENUM(Figure)

    // A column's rules simulated on the Monte Carlo paths.
    struct ProtectionFigures {
        double with = 0;    // liquidation probability with the rules
        double without = 0; // the same paths without them
        double feesUsd = 0; // expected cost of the executions
    };

    struct Pinned {
        QString name;
        int slot = 0;
        std::shared_ptr<const PlanResult> result;
    };

    explicit PlanComparison(QObject *parent = nullptr);

    // The plan being edited: the first column.
    void setCurrent(std::shared_ptr<const PlanResult> result);
    [[nodiscard]] const std::shared_ptr<const PlanResult> &current() const { return m_current; }

    // Pins a snapshot of `result` under `name` (empty: a name made from the plan). Returns the pinned
    // plan's index, or -1 when kMaxPinned are pinned already or there is no result.
    int pin(std::shared_ptr<const PlanResult> result, const QString &name = {});
    void unpin(int index);
    void unpinAll();
    // Renames a pinned plan; a blank name is refused (returns false).
    bool rename(int index, const QString &name);
    [[nodiscard]] const std::vector<Pinned> &pinned() const { return m_pinned; }
    [[nodiscard]] bool isFull() const { return static_cast<int>(m_pinned.size()) >= kMaxPinned; }
    // Column of the table that shows pinned plan `index` (the current plan is column 0).
    [[nodiscard]] static int columnOf(int index) { return index + 1; }
    // A short default name: the plan's name and its strategy ("wstETH loop, 3 loops"; "2.00x" or "HF 1.50"
    // for an unnamed plan).
    [[nodiscard]] static QString defaultName(const PlanResult &result);

    // The rules of `result` on 20,000 Monte Carlo paths, seed 1 (the Risk tab's); nullopt without rules or
    // when the simulation cannot run. Reads only `result`: safe on a worker thread.
    [[nodiscard]] static std::optional<ProtectionFigures> simulateProtectionFigures(const PlanResult &result);
    // Deferred: the rules' rows of a result not simulated yet read "computing…" (no raw value) instead of
    // simulating in data(). Off by default (the table simulates on first use, as the edit dialog's does).
    void setProtectionDeferred(bool deferred) { m_deferred = deferred; }
    [[nodiscard]] bool protectionDeferred() const { return m_deferred; }
    // The results on show whose rules are not simulated yet: the current plan first, then the pinned ones,
    // each once.
    [[nodiscard]] std::vector<std::shared_ptr<const PlanResult>> protectionPending() const;
    // Keeps `figures` for `result` and refreshes its cells, if it is still on show (current or pinned);
    // otherwise keeps nothing and returns false (a stale result).
    bool setProtection(const PlanResult *result, const std::optional<ProtectionFigures> &figures);
    [[nodiscard]] bool hasProtection(const PlanResult *result) const
    {
        return m_protection.count(result) > 0;
    }
    // Whether `result` is the current plan's or a pinned plan's.
    [[nodiscard]] bool isShown(const PlanResult *result) const;

    [[nodiscard]] static QString figureName(Figure figure);
    [[nodiscard]] static QString figureText(const PlanResult &result, Figure figure);
    // The figure's number; NaN where it has none (the strategy's text).
    [[nodiscard]] static double figureValue(const PlanResult &result, Figure figure);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

signals:
    // Pinned plans were added, removed or renamed.
    void pinnedChanged();

private:
    [[nodiscard]] const PlanResult *resultInColumn(int column) const;
    // The column's rules simulated (cached per result); nullopt without rules or when it cannot run.
    [[nodiscard]] std::optional<ProtectionFigures> protectionOf(const PlanResult &result) const;
    [[nodiscard]] QVariant protectionData(const PlanResult &result, Figure figure, int role) const;
    [[nodiscard]] int freeSlot() const;

    std::shared_ptr<const PlanResult> m_current;
    std::vector<Pinned> m_pinned;
    bool m_deferred = false;
    mutable std::map<const PlanResult *, std::optional<ProtectionFigures>> m_protection;
};

} // namespace lp
