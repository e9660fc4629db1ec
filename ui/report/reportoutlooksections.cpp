// The report's sections on what happens after opening: time, close, liquidation risk and stress.
#include "displayformat.h"
#include "reportfigure.h"
#include "reportsections.h"
#include "rowcolumns.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace lp::reporthtml {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("lp::report", text);
}

const ColumnSpec *column(const std::vector<TableColumn<TimelinePoint>> &columns, const char *key)
{
    for (const ColumnSpec &c : columns)
        if (QLatin1String(c.key) == QLatin1String(key))
            return &c;
    return nullptr;
}

const ColumnSpec &stressColumn(const char *key)
{
    for (const ColumnSpec &c : stressFiguresColumns())
        if (QLatin1String(c.key) == QLatin1String(key))
            return c;
    return stressFiguresColumns().front();
}

} // namespace

QString timeSection(const QJsonObject &report, const Plan &plan)
{
    using K = FigureKind;
    QString rows;
    rows += row(tr("Net APY on equity"), figure(report, QStringLiteral("time.netApy"), K::Fraction));
    rows += row(tr("  from supply"), figure(report, QStringLiteral("time.netApyParts.supply"), K::Fraction));
    rows += row(tr("  from native yield"),
                figure(report, QStringLiteral("time.netApyParts.nativeYield"), K::Fraction));
    rows += row(tr("  cost of borrowing"),
                figure(report, QStringLiteral("time.netApyParts.borrowCost"), K::Fraction));
    rows +=
        row(tr("  incentives"), figure(report, QStringLiteral("time.netApyParts.incentives"), K::Fraction));
    const QJsonValue days = valueAt(report, QStringLiteral("time.daysToLiquidation"));
    rows += row(tr("Days to liquidation at today's price"),
                days.isDouble() ? figure(report, QStringLiteral("time.daysToLiquidation"), K::Count)
                                : escaped(tr("never (the collateral outgrows the debt)")));
    const TableColumns<TimelinePoint> &columns = timelinePointColumns();
    for (const char *key :
         {"collateral", "debt", "equityUsd", "pnlUsd", "holdPnlUsd", "healthFactor", "liquidationPriceUsd"}) {
        const ColumnSpec *c = column(columns, key);
        if (!c)
            continue;
        rows +=
            row(tr("At the horizon: %1").arg(columnHeader(*c, plan.collateral.symbol, plan.borrow.symbol)),
                columnFigure(report, QStringLiteral("time.atHorizon.") + QLatin1String(key), *c));
    }
    return section(QStringLiteral("time"),
                   tr("Over time (%1 days at today's prices)").arg(plan.horizonDays)) +
           table(rows);
}

QString closeSection(const QJsonObject &report, const Plan &plan)
{
    using K = FigureKind;
    QString html = section(QStringLiteral("close"), tr("Closing the position"));
    const QJsonObject close = report.value(QStringLiteral("close")).toObject();
    QString rows;
    rows += row(tr("Method"), escaped(close.value(QStringLiteral("method")).toString()));
    rows += row(tr("Exit day"), figure(report, QStringLiteral("close.exitDay"), K::Count));
    rows += row(tr("Price of %1 at the exit").arg(plan.collateral.symbol),
                figure(report, QStringLiteral("close.exitPriceUsd"), K::Usd));
    if (close.contains(QStringLiteral("error"))) {
        rows += row(tr("Not possible"), escaped(close.value(QStringLiteral("error")).toString()));
        return html + table(rows);
    }
    rows += row(tr("You walk away with"),
                figure(report, QStringLiteral("close.walkAwayCollateral"), K::Units, plan.collateral.symbol) +
                    QStringLiteral(" (") + figure(report, QStringLiteral("close.walkAwayUsd"), K::Usd) +
                    QStringLiteral(")"));
    rows += row(tr("P&L"), figure(report, QStringLiteral("close.pnlUsd"), K::Usd));
    rows += row(tr("P&L of holding instead"), figure(report, QStringLiteral("close.holdPnlUsd"), K::Usd));
    rows += row(tr("Swap fees"), figure(report, QStringLiteral("close.costs.swapFeesUsd"), K::Usd));
    rows += row(tr("Slippage"), figure(report, QStringLiteral("close.costs.slippageUsd"), K::Usd));
    rows +=
        row(tr("Flash-loan premium"), figure(report, QStringLiteral("close.costs.flashPremiumUsd"), K::Usd));
    rows +=
        row(tr("Gas"), figure(report, QStringLiteral("close.costs.gasUsd"), K::Usd) + QStringLiteral(" (") +
                           figure(report, QStringLiteral("close.costs.transactions"), K::Count) +
                           escaped(tr(" transactions)")));
    rows += row(tr("Interest paid (inside the equity)"),
                figure(report, QStringLiteral("close.costs.interestPaidUsd"), K::Usd));
    rows += row(tr("Yield earned (inside the equity)"),
                figure(report, QStringLiteral("close.costs.yieldEarnedUsd"), K::Usd));
    html += table(rows);
    if (close.contains(QStringLiteral("note")))
        html += paragraph(close.value(QStringLiteral("note")).toString());
    return html;
}

QString riskSection(const QJsonObject &report)
{
    using K = FigureKind;
    QString rows;
    rows += row(tr("Horizon (days)"), figure(report, QStringLiteral("risk.horizonDays"), K::Count));
    rows +=
        row(tr("Annual volatility"), figure(report, QStringLiteral("risk.annualVolatility"), K::Fraction));
    rows += row(tr("Drift"), figure(report, QStringLiteral("risk.drift"), K::Fraction));
    rows += row(tr("Chance of liquidation, closed form"),
                figure(report, QStringLiteral("risk.liquidationProbability"), K::Fraction));
    if (valueAt(report, QStringLiteral("risk.monteCarlo")).isObject()) {
        rows += row(tr("Chance of liquidation, Monte Carlo"),
                    figure(report, QStringLiteral("risk.monteCarlo.probability"), K::Fraction) +
                        escaped(tr(" (95 % interval ")) +
                        figure(report, QStringLiteral("risk.monteCarlo.ci95Low"), K::Fraction) +
                        escaped(tr(" to ")) +
                        figure(report, QStringLiteral("risk.monteCarlo.ci95High"), K::Fraction) +
                        QStringLiteral(")"));
        rows +=
            row(tr("Monte Carlo paths"), figure(report, QStringLiteral("risk.monteCarlo.paths"), K::Count));
    }
    return section(QStringLiteral("risk"), tr("Chance of liquidation")) + table(rows) +
           paragraph(tr("Token A's price is modelled as a geometric Brownian motion with the volatility and "
                        "drift above; the closed form uses today's liquidation price as the barrier, the "
                        "Monte Carlo a barrier that rises with the interest owed."));
}

QString stressSection(const QJsonObject &report)
{
    const QJsonArray stress = report.value(QStringLiteral("stress")).toArray();
    const ColumnSpec &hf = stressColumn("healthFactor");
    const ColumnSpec &equity = stressColumn("equityUsd");
    QString rows = QStringLiteral("<tr><th align=\"left\">%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th>"
                                  "<th>%6</th></tr>\n")
                       .arg(escaped(tr("Scenario")), escaped(tr("HF before")), escaped(tr("HF after")),
                            escaped(tr("Equity before ($)")), escaped(tr("Equity after ($)")),
                            escaped(tr("Liquidation penalty")));
    for (qsizetype i = 0; i < stress.size(); ++i) {
        const QString at = QStringLiteral("stress.%1.").arg(i);
        const QJsonObject s = stress.at(i).toObject();
        const QString penalty = s.value(QStringLiteral("liquidated")).toBool()
                                    ? figure(report, at + QStringLiteral("penaltyUsd"), FigureKind::Usd)
                                    : escaped(tr("none"));
        rows +=
            QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td>"
                           "<td align=\"right\">%4</td><td align=\"right\">%5</td><td align=\"right\">%6</td>"
                           "</tr>\n")
                .arg(escaped(s.value(QStringLiteral("id")).toString()),
                     columnFigure(report, at + QStringLiteral("before.healthFactor"), hf),
                     columnFigure(report, at + QStringLiteral("after.healthFactor"), hf),
                     columnFigure(report, at + QStringLiteral("before.equityUsd"), equity),
                     columnFigure(report, at + QStringLiteral("after.equityUsd"), equity), penalty);
    }
    return section(QStringLiteral("stress"), tr("Stress (instant, at today's prices)")) +
           QStringLiteral("<table class=\"grid\" cellspacing=\"0\" cellpadding=\"3\">\n%1</table>\n")
               .arg(rows);
}

} // namespace lp::reporthtml
