#pragma once

#include "engine.h"

#include <QObject>

#include <memory>

namespace lp {

class MarketRegistry;

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

    // The markets whose caps and liquidity limit the plan (marketlimits.h): a plan above one is an error
    // naming the limit and the largest deposit that fits, like an invalid value. Null (the default): no
    // limits. The registry must outlive the session; setting it recomputes.
    void setMarkets(const MarketRegistry *markets);

public slots:
    void setPlan(const lp::Plan &plan);

signals:
    void planChanged(const lp::Plan &plan);
    void resultChanged(std::shared_ptr<const lp::PlanResult> result);
    // Emitted on every recompute; empty when the plan is valid.
    void errorsChanged(const lp::ValidationErrors &errors);

private:
    void recompute();

    const MarketRegistry *m_markets = nullptr;
    Plan m_plan;
    std::shared_ptr<const PlanResult> m_result;
    ValidationErrors m_errors;
};

} // namespace lp
