#pragma once

#include <QWidget>

#include <array>

class QGridLayout;
class QLabel;

namespace lp {

struct PlanResult;

// The position at a glance (the window's right column): leverage, health factor, LTV, liquidation price
// and distance, equity, opening costs and net APY, coloured by risk. Shows one PlanResult; the numbers
// come straight from it, formatted in the user's locale.
class SummaryPanel : public QWidget {
    Q_OBJECT
public:
    enum Item {
        Leverage,
        HealthFactor,
        Ltv,
        LiquidationPrice,
        Distance,
        Collateral,
        Debt,
        Equity,
        OpeningCosts,
        NetApy,
        ItemCount
    };
    Q_ENUM(Item)

    explicit SummaryPanel(QWidget *parent = nullptr);

    void showResult(const PlanResult &result);
    // The plan being edited is invalid: the numbers shown are those of the last valid plan.
    void setStale(bool stale);

    [[nodiscard]] QLabel *valueLabel(Item item) const { return m_values.at(static_cast<size_t>(item)); }
    [[nodiscard]] QLabel *titleLabel(Item item) const { return m_titles.at(static_cast<size_t>(item)); }
    [[nodiscard]] QLabel *riskLabel() const { return m_risk; }
    // Under the equity: the proceeds if closed now and the opening plus closing costs as a share of equity.
    [[nodiscard]] QLabel *closeNowLabel() const { return m_closeNow; }

private:
    void addItem(QGridLayout *grid, Item item, const QString &objectName, const QString &help);
    void setValue(Item item, const QString &text, const QString &toolTip = {});

    std::array<QLabel *, ItemCount> m_titles{};
    std::array<QLabel *, ItemCount> m_values{};
    QLabel *m_risk;
    QLabel *m_staleNote;
    QLabel *m_closeNow;
};

} // namespace lp
