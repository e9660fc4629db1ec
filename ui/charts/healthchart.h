#pragma once

#include "chartbase.h"
#include "healthseries.h"

#include <vector>

class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;

namespace lp {

struct PlanResult;

// Health factor and liquidation price against Token A's price, with the HF = 1 line where
// liquidations start, the user's safety HF and a marker at the spot price; pinned plans add their HF
// curves; the crosshair reads price, HF and liquidation price. Draws lp::healthSeries() as it is.
class HealthChart : public ChartBase {
    Q_OBJECT
public:
    static constexpr double kDefaultSafetyHealthFactor = 1.5;

    explicit HealthChart(QWidget *parent = nullptr);

    void showResult(const PlanResult &result);
    // The "safety" HF the user wants to stay above, drawn as a line; NaN hides it.
    void setSafetyHealthFactor(double healthFactor);
    [[nodiscard]] double safetyHealthFactor() const { return m_safety; }
    // The label of the safety line; empty when it is hidden.
    [[nodiscard]] QString safetyLabel() const;
    // Context menu "Safety Health Factor...": asks for the line's HF (between 1 and 10).
    [[nodiscard]] QAction *safetyAction() const { return m_safetyAction; }
    void askSafetyHealthFactor();

    // The safety HF kept between runs (settingskeys::safetyHealthFactor; the default when unset or out of
    // range).
    [[nodiscard]] static double savedSafetyHealthFactor();
    static void saveSafetyHealthFactor(double healthFactor);

    [[nodiscard]] QCPGraph *healthGraph() const { return m_health; }
    [[nodiscard]] QCPGraph *liquidationGraph() const { return m_liquidation; }

signals:
    // The user set another safety HF (not emitted by setSafetyHealthFactor itself).
    void safetyHealthFactorChosen(double healthFactor);

protected:
    void autoRange() override;
    void restyle(const ChartTheme &theme) override;
    void drawPinned(const PinnedPlots &pinned) override;
    [[nodiscard]] QString readOut(double priceUsd) const override;

private:
    QCPGraph *m_health;
    QCPGraph *m_liquidation;
    QCPItemStraightLine *m_unitLine;
    QCPItemStraightLine *m_safetyLine;
    QCPItemText *m_unitLabel;
    QCPItemText *m_safetyLabel;
    QCPItemStraightLine *m_spotLine;
    double m_safety = kDefaultSafetyHealthFactor;
    QAction *m_safetyAction;
    std::vector<HealthPoint> m_series; // what the crosshair reads
    QString m_symbol;
    bool m_ratio = false; // the x-axis is the A/B price ratio
    double m_maxHealth = 0;
    double m_maxLiquidation = 0;
};

} // namespace lp
