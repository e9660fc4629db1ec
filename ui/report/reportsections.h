#pragma once

#include "plan.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace lp {

class MarketRegistry;

// The one-file report's contents, in order: text parts as HTML and the chart pages by name. The HTML and
// PDF writers (reportdocument.h) lay the same parts out, so both files say the same thing. Every figure
// comes from `report`, the `report` command's JSON for the same plan and outlook (reportfigure.h).
struct ReportPart {
    QString html;    // a text part; empty for a chart
    QString chartId; // a chart part: "pnl", "health", "loops", "time", "risk" (ChartTabs::chartNames)
    QString chartTitle;
    [[nodiscard]] bool isChart() const { return !chartId.isEmpty(); }
};

// The section ids, in order, each an <h2 id="..."> of the HTML: inputs, summary, charts, loops, time,
// close, risk, stress, rules, protection, limits.
[[nodiscard]] const QStringList &reportSectionIds();

[[nodiscard]] std::vector<ReportPart> reportParts(const QJsonObject &report, const Plan &plan,
                                                  const MarketRegistry &markets, const QDateTime &made);

namespace reporthtml {
// The sections after opening (reportoutlooksections.cpp).
[[nodiscard]] QString timeSection(const QJsonObject &report, const Plan &plan);
[[nodiscard]] QString closeSection(const QJsonObject &report, const Plan &plan);
[[nodiscard]] QString riskSection(const QJsonObject &report);
[[nodiscard]] QString stressSection(const QJsonObject &report);
} // namespace reporthtml

} // namespace lp
