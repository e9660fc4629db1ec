#pragma once

#include "plan.h"
#include "planmarket.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableWidget;

namespace lp {

class MarketRegistry;

// The market picker above the plan form (issue 5): choose a market (its chain, date and source are shown),
// then the collateral and the borrowed asset from that market's reserves, which fills their parameters;
// e-mode applies when both are in one category (with a toggle). A table lists every value a market can
// supply with where it comes from, amber when the preset marks it as an estimate, and a "reset to preset"
// button for each value the user changed. The plan form stays the place to edit the values themselves.
class MarketPicker : public QWidget {
    Q_OBJECT
public:
    enum Column { Parameter, Value, Source, Reset, ColumnCount };

    explicit MarketPicker(const MarketRegistry *registry, QWidget *parent = nullptr);

    // Shows `plan` without emitting planEdited().
    void setPlan(const Plan &plan);
    [[nodiscard]] const Plan &plan() const { return m_plan; }
    // After markets were added or removed (the Market editor): reloads the lists.
    void reloadMarkets();

    // The user's choices, as the widgets make them (also for tests).
    void chooseMarket(const QString &id);
    void chooseCollateral(const QString &symbol);
    void chooseBorrow(const QString &symbol);
    void setEModeEnabled(bool enabled);
    void resetField(MarketField field);

    [[nodiscard]] QComboBox *marketBox() const { return m_market; }
    [[nodiscard]] QComboBox *collateralBox() const { return m_collateral; }
    [[nodiscard]] QComboBox *borrowBox() const { return m_borrow; }
    [[nodiscard]] QCheckBox *eModeBox() const { return m_eMode; }
    [[nodiscard]] QLabel *infoLabel() const { return m_info; }
    [[nodiscard]] QTableWidget *parameterTable() const { return m_parameters; }
    // How fresh a market is, as the picker and the status bar say it: "as of 11/30/26, block 123" for
    // a market read from the chain, "as of 1/2/25" (the locale's short date), then its age when it is more
    // stale on `today` (lp::isStale: more than 90 days old, "(stale: 697 days old)").
    [[nodiscard]] static QString freshnessText(const Market &market, const QDate &today);
    // The table row of a field (the order of lp::marketFields()).
    [[nodiscard]] static int rowOf(MarketField field);

signals:
    void planEdited(const lp::Plan &plan);

private:
    void refresh();
    void fillSymbols(QComboBox *box, const QStringList &symbols, const QString &current);
    void commit();
    [[nodiscard]] MarketPreset preset() const;

    const MarketRegistry *m_registry;
    Plan m_plan;
    bool m_refreshing = false;
    QComboBox *m_market;
    QLabel *m_info;
    QComboBox *m_collateral;
    QComboBox *m_borrow;
    QCheckBox *m_eMode;
    QTableWidget *m_parameters;
};

} // namespace lp
