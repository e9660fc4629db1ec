#pragma once

// Shared helpers for the widget tests: find the real editors by their objectName (the plan path), type
// into them as a user would, and compare what the views show with lp::computePlan on the same plan.

#include "engine.h"
#include "qcustomplot_include.h"
#include "testutil.h"

#include <QAbstractSpinBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QTest>

#include <cmath>

namespace lp::uitest {

// Selects the editor's text and types `text`, one key at a time (valueChanged fires on every key).
inline void typeInto(QAbstractSpinBox *box, const QString &text)
{
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, text);
}

inline void typeInto(QLineEdit *line, const QString &text)
{
    line->setFocus();
    line->selectAll();
    QTest::keyClicks(line, text);
}

// The default plan with WETH's price held (the fixed price model): a long of wstETH on the USD axis, for
// the tests of that axis (the default plan itself is a ratio pair: WETH tracks wstETH).
inline Plan longDefaultPlan()
{
    Plan p = defaultPlan();
    p.borrow.priceModel = PriceModel::Fixed;
    return p;
}

inline PlanResult expectedResult(const Plan &plan)
{
    return test::compute(plan);
}

// The P&L chart's x per sweep price: 1, or 1 / B's price when the axis is the A/B ratio (riskasset.h).
inline double axisScale(const PlanResult &result)
{
    return result.sweep.riskAsset == RiskAsset::Ratio ? 1.0 / result.plan.borrow.priceUsd : 1.0;
}

// True when the graph holds exactly the (x, y) pairs of the sweep, in order, x = price x `scale`; prints
// the first difference.
template <class ValueOf>
bool graphMatches(const QCPGraph *graph, const std::vector<SweepPoint> &points, ValueOf valueOf,
                  double scale = 1.0)
{
    const auto data = graph->data();
    if (static_cast<size_t>(data->size()) != points.size()) {
        qWarning("graph has %d points, sweep %zu", data->size(), points.size());
        return false;
    }
    auto it = data->constBegin();
    for (size_t i = 0; i < points.size(); ++i, ++it) {
        if (it->key != points[i].priceUsd * scale || it->value != valueOf(points[i])) {
            qWarning("point %zu: graph (%g, %g), sweep (%g, %g)", i, it->key, it->value,
                     points[i].priceUsd * scale, valueOf(points[i]));
            return false;
        }
    }
    return true;
}

inline bool leveragedGraphMatches(const QCPGraph *graph, const PriceSweep &sweep, double scale = 1.0)
{
    return graphMatches(
        graph, sweep.points, [](const SweepPoint &p) { return p.pnlUsd; }, scale);
}

inline bool holdGraphMatches(const QCPGraph *graph, const PriceSweep &sweep, double scale = 1.0)
{
    return graphMatches(
        graph, sweep.points, [](const SweepPoint &p) { return p.holdPnlUsd; }, scale);
}

// A snapshot of a graph's data, to show that it did not change.
inline QVector<QPointF> graphPoints(const QCPGraph *graph)
{
    QVector<QPointF> points;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        points.append({it->key, it->value});
    return points;
}

} // namespace lp::uitest
