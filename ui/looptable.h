#pragma once

#include <QTableView>

namespace lp {

class LoopStepsModel;
class StackedHeaderProxy;
struct PlanResult;

// The loop-by-loop table (seed steps 1-4): a QTableView on its own LoopStepsModel (through a proxy that
// only stacks the header titles over their units).
class LoopTable : public QTableView {
    Q_OBJECT
public:
    explicit LoopTable(QWidget *parent = nullptr);

    void showResult(const PlanResult &result);
    [[nodiscard]] LoopStepsModel *stepsModel() const { return m_model; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitColumns();

    LoopStepsModel *m_model;
    StackedHeaderProxy *m_headerProxy;
};

} // namespace lp
