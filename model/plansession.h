#pragma once

#include "engine.h"

#include <QObject>

#include <memory>

namespace lp {

// The current plan and its latest results. Widgets edit the plan through setPlan(); the session
// recomputes and signals. An invalid plan keeps the last valid result and reports its errors, so the
// screen never goes blank while the user types.
class PlanSession : public QObject {
    Q_OBJECT
public:
    explicit PlanSession(QObject *parent = nullptr);

    [[nodiscard]] const Plan &plan() const { return m_plan; }
    // Last valid result; never null after construction (the default plan is valid).
    [[nodiscard]] std::shared_ptr<const PlanResult> result() const { return m_result; }
    [[nodiscard]] const ValidationErrors &errors() const { return m_errors; }
    [[nodiscard]] bool isValid() const { return m_errors.isEmpty(); }

public slots:
    void setPlan(const lp::Plan &plan);

signals:
    void planChanged(const lp::Plan &plan);
    void resultChanged(std::shared_ptr<const lp::PlanResult> result);
    // Emitted on every recompute; empty when the plan is valid.
    void errorsChanged(const lp::ValidationErrors &errors);

private:
    void recompute();

    Plan m_plan;
    std::shared_ptr<const PlanResult> m_result;
    ValidationErrors m_errors;
};

} // namespace lp
