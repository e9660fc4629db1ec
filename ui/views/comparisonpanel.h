#pragma once

#include "pinnedplot.h"

#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QTableView;

namespace lp {

class ComparisonCompute;
class PlanComparison;
struct PlanResult;

// Compare plans (issue 3, point 5): pin the current plan (up to four), see the pinned plans as columns
// next to the current one, rename (double-click a column title) and unpin them. Each pinned plan has a
// colour for life (its slot's), shown as a swatch in its column title and used by every chart for its
// curves: pinnedPlots() is what the charts draw. The protection rules' figures are simulated off the GUI
// thread while the panel is shown (compute()); until they arrive their cells and a line beside the buttons
// say "computing".
class ComparisonPanel : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonPanel(QWidget *parent = nullptr);

    // The colour of slot 0..3: chosen to read on light and dark backgrounds and to differ from the
    // current plan's blue and from the red of liquidation.
    [[nodiscard]] static QColor slotColor(int slot);

    // The current plan's result (the first column, and what "Pin" pins).
    void setCurrent(std::shared_ptr<const PlanResult> result);
    int pinCurrent(const QString &name = {});
    bool renamePinned(int index, const QString &name);
    void unpin(int index);
    void unpinAll();

    [[nodiscard]] PinnedPlots pinnedPlots() const;
    [[nodiscard]] PlanComparison *comparison() const { return m_comparison; }
    [[nodiscard]] ComparisonCompute *compute() const { return m_compute; }
    // "Simulating the protection rules…", shown while compute() runs.
    [[nodiscard]] QLabel *computingLabel() const { return m_computing; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QAction *pinAction() const { return m_pin; }
    [[nodiscard]] QAction *unpinAllAction() const { return m_unpinAll; }
    // The pinned plan whose column holds the current cell, or -1.
    [[nodiscard]] int selectedPinned() const;
    // Tab-separated text of the table for the clipboard.
    [[nodiscard]] QString copyText() const;

signals:
    // Pinned plans were added, removed or renamed: the charts redraw their extra curves.
    void pinnedPlotsChanged();

protected:
    // The comparison is simulated only while it is on screen.
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateActions();
    void askRename(int index);

    PlanComparison *m_comparison;
    ComparisonCompute *m_compute;
    QTableView *m_table;
    QLabel *m_hint;
    QLabel *m_computing;
    QAction *m_pin;
    QAction *m_rename;
    QAction *m_unpin;
    QAction *m_unpinAll;
    QAction *m_copy;
};

} // namespace lp
