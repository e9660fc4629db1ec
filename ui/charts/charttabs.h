#pragma once

#include "pinnedplot.h"

#include <QSize>
#include <QStringList>
#include <QTabWidget>

class QCustomPlot;

namespace lp {

class HealthChart;
class LoopsChart;
class PnlChart;
struct PlanResult;

// The centre of the window: one tab per chart. The headless `render` command builds one too,
// never shown, and exports a chart from it.
class ChartTabs : public QTabWidget {
    Q_OBJECT
public:
    enum class Chart { Pnl, Health, Loops };

    explicit ChartTabs(QWidget *parent = nullptr);

    void showResult(const PlanResult &result);
    // The pinned plans, drawn as extra curves on every chart (ChartBase::setPinned).
    void setPinned(const PinnedPlots &pinned);

    // Names as the command line spells them: pnl, health, loops.
    [[nodiscard]] static QStringList chartNames();
    [[nodiscard]] static bool chartFromName(const QString &name, Chart *out);

    [[nodiscard]] QCustomPlot *plot(Chart chart) const;
    [[nodiscard]] Chart currentChart() const;
    [[nodiscard]] PnlChart *pnlChart() const { return m_pnl; }
    [[nodiscard]] HealthChart *healthChart() const { return m_health; }
    [[nodiscard]] LoopsChart *loopsChart() const { return m_loops; }

private:
    PnlChart *m_pnl;
    HealthChart *m_health;
    LoopsChart *m_loops;
};

} // namespace lp
