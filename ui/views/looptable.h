#pragma once

#include <QTableView>

namespace lp {

class LoopStepsModel;
class StackedHeaderProxy;
struct PlanResult;

// The loop-by-loop table: a QTableView on its own LoopStepsModel (through a proxy that
// only stacks the header titles over their units), with a bold "Total" row under the steps. Copy (Ctrl+C,
// or the context menu) puts the selected rows, or the whole table when nothing is selected, on the
// clipboard as tab-separated text a spreadsheet reads as numbers.
class LoopTable : public QTableView {
    Q_OBJECT
public:
    explicit LoopTable(QWidget *parent = nullptr);

    void showResult(const PlanResult &result);
    [[nodiscard]] LoopStepsModel *stepsModel() const { return m_model; }
    // The text Copy puts on the clipboard: the selected rows (all when none is selected).
    [[nodiscard]] QString copyText() const;
    void copyToClipboard() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitColumns();

    LoopStepsModel *m_model;
    StackedHeaderProxy *m_headerProxy;
};

} // namespace lp
