// The report's contents (reportsections.h): the plan's inputs and where each came from, the summary, the
// charts, the loop table, the sections after opening, the liquidation rules and what the figures cannot
// tell.
#include "reportsections.h"

#include "displayformat.h"
#include "liquidation.h"
#include "marketregistry.h"
#include "planfields.h"
#include "reportfigure.h"
#include "rowcolumns.h"
#include "version.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace lp {

using reporthtml::escaped;
using reporthtml::figure;
using reporthtml::paragraph;
using reporthtml::row;
using reporthtml::section;
using reporthtml::table;
using K = reporthtml::FigureKind;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("lp::report", text);
}

QString modeText(StrategyMode mode)
{
    switch (mode) {
    case StrategyMode::Loops:
        return tr("a fixed number of loops");
    case StrategyMode::TargetLeverage:
        return tr("target leverage");
    case StrategyMode::TargetHealthFactor:
        return tr("target health factor");
    }
    return toString(mode);
}

// Where the plan's market values come from: the preset and its date, or the chain and block it was read at.
QString marketSource(const Plan &plan, const MarketRegistry &markets)
{
    const Market *m = markets.find(plan.market);
    if (!m)
        return tr("market \"%1\" (not known to this app)").arg(plan.market);
    const QLocale locale = display::locale();
    if (m->fetched)
        return tr("%1, read from chain %2 at block %3 (%4)")
            .arg(m->name, locale.toString(m->fetched->chainId), locale.toString(m->fetched->blockNumber),
                 locale.toString(m->fetched->blockTime, QLocale::ShortFormat));
    return tr("preset %1, as of %2").arg(m->name, locale.toString(m->asOf, QLocale::LongFormat));
}

QString inputValue(const PlanField &f, const Plan &plan)
{
    const double v = f.get(plan);
    switch (f.unit) {
    case FieldUnit::Usd:
        return display::usd(v);
    case FieldUnit::UsdPerTx:
        return tr("%1 per transaction").arg(display::usd(v));
    case FieldUnit::TokenA:
        return display::units(v, plan.collateral.symbol);
    case FieldUnit::Fraction:
        return display::percent(v);
    case FieldUnit::BasisPoints:
        return tr("%1 bp").arg(display::number(v, 2));
    case FieldUnit::Multiple:
        return display::leverage(v);
    case FieldUnit::Count:
        return display::number(v, 0);
    case FieldUnit::Days:
        return tr("%1 days").arg(display::number(v, 0));
    case FieldUnit::None:
        break;
    }
    return display::number(v, 2);
}

QString titleSection(const QJsonObject &report, const Plan &plan, const QDateTime &made)
{
    const QString name = plan.name.isEmpty() ? tr("Unnamed plan") : plan.name;
    return QStringLiteral("<h1>%1</h1>\n").arg(escaped(tr("Leverage plan: %1").arg(name))) +
           paragraph(tr("%1 %2 as collateral, borrowing %3. Made by Leverage Planner %4 on %5.")
                         .arg(display::number(plan.deposit, display::kUnitsDecimals), plan.collateral.symbol,
                              plan.borrow.symbol, versionString(),
                              display::locale().toString(made, QLocale::LongFormat))) +
           QStringLiteral("<p class=\"lead\">%1 %2, %3 %4, %5 %6.</p>\n")
               .arg(escaped(tr("Leverage")), figure(report, QStringLiteral("position.leverage"), K::Leverage),
                    escaped(tr("health factor")),
                    figure(report, QStringLiteral("position.healthFactor"), K::Health),
                    escaped(tr("net APY on equity")),
                    figure(report, QStringLiteral("position.netApy"), K::Fraction));
}

QString inputsSection(const Plan &plan, const MarketRegistry &markets)
{
    const QString you = tr("you (the plan)");
    const QString fromMarket = plan.market.isEmpty() ? you : marketSource(plan, markets);
    QString rows = QStringLiteral("<tr><th align=\"left\">%1</th><th align=\"left\">%2</th>"
                                  "<th align=\"left\">%3</th></tr>\n")
                       .arg(escaped(tr("Input")), escaped(tr("Value")), escaped(tr("Source")));
    auto add = [&rows](const QString &label, const QString &value, const QString &source) {
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>\n")
                    .arg(escaped(label), escaped(value), escaped(source));
    };
    add(tr("Market"), plan.market.isEmpty() ? tr("none (every value from the plan)") : plan.market,
        plan.market.isEmpty() ? you : fromMarket);
    add(tr("Token A (collateral)"), plan.collateral.symbol, you);
    add(tr("Token B (borrowed)"), plan.borrow.symbol, you);
    add(tr("Strategy"), modeText(plan.strategy.mode), you);
    add(tr("Execution"), plan.execution == Execution::Loop ? tr("loop by loop") : tr("one flash loan"), you);
    add(tr("Price of B"),
        plan.borrow.priceModel == PriceModel::TracksCollateral ? tr("tracks Token A") : tr("held fixed"),
        you);
    for (const PlanField &f : planFields()) {
        if (!f.isNumeric() || !f.title || (f.mode && *f.mode != plan.strategy.mode))
            continue;
        const bool preset = f.market && plan.presetFields.testFlag(*f.market);
        add(QCoreApplication::translate("lp::EditActions", f.title), inputValue(f, plan),
            preset ? fromMarket : you);
    }
    add(tr("Liquidation rules"), toString(plan.liquidationRules),
        plan.presetFields.testFlag(MarketField::LiquidationRules) ? fromMarket : you);
    return section(QStringLiteral("inputs"), tr("Inputs and where they come from")) +
           QStringLiteral("<table class=\"grid\" cellspacing=\"0\" cellpadding=\"3\">\n%1</table>\n")
               .arg(rows);
}

// The liquidation calls on a falling price path (the P&L chart's diamonds), one row each.
QString callsTable(const QJsonObject &report, const QString &a, const QString &b)
{
    const QJsonArray calls =
        report.value(QStringLiteral("sweep")).toObject().value(QStringLiteral("liquidations")).toArray();
    if (calls.isEmpty())
        return {};
    QString rows =
        QStringLiteral("<tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th><th>%5</th><th>%6</th></tr>\n")
            .arg(escaped(tr("Call")), escaped(tr("Price of %1").arg(a)), escaped(tr("Share of the debt")),
                 escaped(tr("Repaid (%1)").arg(b)), escaped(tr("Seized (%1)").arg(a)),
                 escaped(tr("Bonus lost")));
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const QString at = QStringLiteral("sweep.liquidations.%1.").arg(i);
        rows +=
            QStringLiteral(
                "<tr><td align=\"right\">%1</td><td align=\"right\">%2</td><td align=\"right\">%3</td>"
                "<td align=\"right\">%4</td><td align=\"right\">%5</td><td align=\"right\">%6</td></tr>\n")
                .arg(QString::number(i + 1), figure(report, at + QStringLiteral("priceUsd"), K::Usd),
                     figure(report, at + QStringLiteral("closeFactor"), K::Fraction),
                     figure(report, at + QStringLiteral("debtRepaid"), K::Number),
                     figure(report, at + QStringLiteral("collateralSeized"), K::Number),
                     figure(report, at + QStringLiteral("penaltyUsd"), K::Usd));
    }
    return QStringLiteral("<h3>%1</h3>\n")
               .arg(escaped(tr("Liquidation calls as the price of %1 falls").arg(a))) +
           QStringLiteral("<table class=\"grid small\" cellspacing=\"0\" cellpadding=\"2\">\n%1</table>\n")
               .arg(rows);
}

QString summarySection(const QJsonObject &report, const Plan &plan)
{
    const QString a = plan.collateral.symbol;
    const QString b = plan.borrow.symbol;
    QString rows;
    rows += row(tr("Collateral"),
                figure(report, QStringLiteral("position.collateral"), K::Units, a) + QStringLiteral(" (") +
                    figure(report, QStringLiteral("position.collateralUsd"), K::Usd) + QStringLiteral(")"));
    rows +=
        row(tr("Debt"), figure(report, QStringLiteral("position.debt"), K::Units, b) + QStringLiteral(" (") +
                            figure(report, QStringLiteral("position.debtUsd"), K::Usd) + QStringLiteral(")"));
    rows += row(tr("Equity"), figure(report, QStringLiteral("position.equityUsd"), K::Usd));
    rows += row(tr("Leverage"), figure(report, QStringLiteral("position.leverage"), K::Leverage));
    rows += row(tr("Loan to value"), figure(report, QStringLiteral("position.ltv"), K::Fraction));
    rows += row(tr("Health factor"), figure(report, QStringLiteral("position.healthFactor"), K::Health));
    if (plan.borrow.priceModel == PriceModel::TracksCollateral)
        rows += row(tr("Liquidated below (%1 per %2)").arg(b, a),
                    figure(report, QStringLiteral("position.liquidationRatio"), K::Number));
    else
        rows += row(tr("Liquidation price of %1").arg(a),
                    figure(report, QStringLiteral("position.liquidationPriceUsd"), K::Usd));
    rows += row(tr("Distance to liquidation"),
                figure(report, QStringLiteral("position.distanceToLiquidation"), K::Fraction));
    rows += row(tr("Net APY on equity"), figure(report, QStringLiteral("position.netApy"), K::Fraction));
    rows += row(tr("Opening costs"),
                figure(report, QStringLiteral("costs.totalUsd"), K::Usd) + escaped(tr(" (swap fees ")) +
                    figure(report, QStringLiteral("costs.swapFeesUsd"), K::Usd) + escaped(tr(", slippage ")) +
                    figure(report, QStringLiteral("costs.slippageUsd"), K::Usd) +
                    escaped(tr(", flash-loan premium ")) +
                    figure(report, QStringLiteral("costs.flashPremiumUsd"), K::Usd) + escaped(tr(", gas ")) +
                    figure(report, QStringLiteral("costs.gasUsd"), K::Usd) + escaped(tr(" in ")) +
                    figure(report, QStringLiteral("costs.transactions"), K::Count) +
                    escaped(tr(" transactions)")));
    rows += row(tr("Break-even price of %1").arg(a),
                figure(report, QStringLiteral("sweep.breakEvenPriceUsd"), K::Usd));
    rows += row(tr("Zero-equity price (without liquidations)"),
                figure(report, QStringLiteral("sweep.zeroEquityPriceUsd"), K::Usd));
    // What the figures depend on beyond the position, and the chance of liquidation they lead to.
    rows += row(tr("Market and rules"), escaped((plan.market.isEmpty() ? tr("no market") : plan.market) +
                                                QStringLiteral(", ") + toString(plan.liquidationRules)));
    rows +=
        row(tr("Outlook"),
            figure(report, QStringLiteral("risk.horizonDays"), K::Count) + escaped(tr(" days, volatility ")) +
                figure(report, QStringLiteral("risk.annualVolatility"), K::Fraction) +
                escaped(tr(" a year, drift ")) + figure(report, QStringLiteral("risk.drift"), K::Fraction) +
                escaped(tr(" a year")));
    rows += row(tr("Chance of liquidation within the horizon"),
                figure(report, QStringLiteral("risk.liquidationProbability"), K::Fraction));
    return section(QStringLiteral("summary"), tr("Summary")) + reporthtml::table(rows) +
           callsTable(report, a, b);
}

QString loopsSection(const QJsonObject &report, const Plan &plan)
{
    // The columns that fit a portrait page; the CSV export has them all.
    static const QStringList keys{QStringLiteral("step"),
                                  QStringLiteral("borrowed"),
                                  QStringLiteral("swappedToCollateral"),
                                  QStringLiteral("collateral"),
                                  QStringLiteral("debt"),
                                  QStringLiteral("equityUsd"),
                                  QStringLiteral("leverage"),
                                  QStringLiteral("ltv"),
                                  QStringLiteral("healthFactor"),
                                  QStringLiteral("liquidationPriceUsd"),
                                  QStringLiteral("costsUsd")};
    std::vector<ColumnSpec> columns;
    for (const ColumnSpec &c : loopStepColumns())
        if (keys.contains(QLatin1String(c.key)))
            columns.push_back(c);
    QString rows = QStringLiteral("<tr>");
    for (const ColumnSpec &c : columns)
        rows += QStringLiteral("<th>%1</th>")
                    .arg(escaped(columnHeader(c, plan.collateral.symbol, plan.borrow.symbol)));
    rows += QStringLiteral("</tr>\n");
    const qsizetype steps = report.value(QStringLiteral("loops")).toArray().size();
    for (qsizetype i = 0; i < steps; ++i) {
        rows += QStringLiteral("<tr>");
        for (const ColumnSpec &c : columns)
            rows += QStringLiteral("<td align=\"right\">%1</td>")
                        .arg(reporthtml::columnFigure(
                            report, QStringLiteral("loops.%1.%2").arg(i).arg(QLatin1String(c.key)), c));
        rows += QStringLiteral("</tr>\n");
    }
    return section(QStringLiteral("loops"), tr("Loop steps")) +
           QStringLiteral("<table class=\"grid small\" cellspacing=\"0\" cellpadding=\"2\">\n%1</table>\n")
               .arg(rows);
}

QString rulesSection(const Plan &plan)
{
    // The rule set says what it does and where that is written (model/position/liquidationrules.h); the
    // report names no protocol of its own.
    return section(QStringLiteral("rules"),
                   tr("Liquidation rules: %1").arg(toString(plan.liquidationRules))) +
           paragraph(tr("%1. Source: %2.")
                         .arg(describe(plan.liquidationRules), ruleSetSource(plan.liquidationRules)));
}

QString limitsSection()
{
    return section(QStringLiteral("limits"), tr("What this does not tell you")) + QStringLiteral("<ul>\n") +
           QStringLiteral("<li>%1</li>\n")
               .arg(
                   escaped(tr("The future. Prices, rates and the market's parameters change; "
                              "the figures hold the plan's values fixed unless a section says otherwise."))) +
           QStringLiteral("<li>%1</li>\n")
               .arg(escaped(tr("Whether you can open or close at these prices: liquidity, caps, "
                               "oracle delays, paused reserves and gas spikes are not modelled."))) +
           QStringLiteral("<li>%1</li>\n")
               .arg(escaped(tr("Smart-contract, oracle, depeg and governance risk beyond the stress "
                               "presets shown."))) +
           QStringLiteral("<li>%1</li>\n")
               .arg(escaped(tr("The chance of liquidation assumes a random walk of Token A's price "
                               "with the stated volatility; real prices jump."))) +
           QStringLiteral("<li>%1</li>\n")
               .arg(escaped(tr("Taxes, and anything about your own situation. This is not financial "
                               "advice; the app never signs or sends a transaction."))) +
           QStringLiteral("</ul>\n");
}

} // namespace

const QStringList &reportSectionIds()
{
    static const QStringList ids{
        QStringLiteral("inputs"),     QStringLiteral("summary"), QStringLiteral("charts"),
        QStringLiteral("loops"),      QStringLiteral("time"),    QStringLiteral("close"),
        QStringLiteral("risk"),       QStringLiteral("stress"),  QStringLiteral("rules"),
        QStringLiteral("protection"), QStringLiteral("limits")};
    return ids;
}

std::vector<ReportPart> reportParts(const QJsonObject &report, const Plan &plan,
                                    const MarketRegistry &markets, const QDateTime &made)
{
    std::vector<ReportPart> parts;
    parts.push_back(
        {titleSection(report, plan, made) + inputsSection(plan, markets) + summarySection(report, plan),
         {},
         {}});
    parts.push_back({section(QStringLiteral("charts"), tr("Charts")), {}, {}});
    parts.push_back(
        {{}, QStringLiteral("pnl"), tr("P&L against the price of %1").arg(plan.collateral.symbol)});
    parts.push_back({{},
                     QStringLiteral("health"),
                     tr("Health factor against the price of %1").arg(plan.collateral.symbol)});
    parts.push_back(
        {{}, QStringLiteral("loops"), tr("Leverage, health factor and liquidation price by loop count")});
    parts.push_back({{}, QStringLiteral("time"), tr("The position over time")});
    parts.push_back({{}, QStringLiteral("risk"), tr("Chance of liquidation by loops and volatility")});
    parts.push_back(
        {loopsSection(report, plan) + reporthtml::timeSection(report, plan) +
             reporthtml::closeSection(report, plan) + reporthtml::riskSection(report) +
             reporthtml::stressSection(report) + rulesSection(plan) +
             section(QStringLiteral("protection"), tr("Protection")) +
             paragraph(tr("This plan has no protection rules (automatic deleveraging or closing); the "
                          "figures above assume the position is left alone.")) +
             limitsSection(),
         {},
         {}});
    return parts;
}

} // namespace lp
