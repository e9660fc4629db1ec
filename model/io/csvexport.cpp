#include "csvexport.h"

#include "liquidationprobability.h"
#include "timeline.h"

#include <QLocale>

#include <cmath>
#include <limits>

namespace lp {

namespace {

struct Row {
    QStringList cells;
    Row &num(double v)
    {
        cells << csvNumberCell(v);
        return *this;
    }
    Row &text(const QString &t)
    {
        cells << csvTextCell(t);
        return *this;
    }
};

QByteArray summaryTable(const PlanResult &r)
{
    const PositionFigures &p = r.position;
    const OpeningCosts &c = r.opened.costs;
    QList<Row> rows;
    const auto add = [&rows](const char *key, double v) { rows << Row().text(QLatin1String(key)).num(v); };
    const auto addText = [&rows](const char *key, const QString &v) {
        rows << Row().text(QLatin1String(key)).text(v);
    };
    addText("plan_name", r.plan.name);
    addText("collateral_symbol", r.plan.collateral.symbol);
    addText("borrow_symbol", r.plan.borrow.symbol);
    addText("strategy_mode", toString(r.plan.strategy.mode));
    addText("execution", toString(r.plan.execution));
    addText("price_model", toString(r.plan.borrow.priceModel));
    // What the figures depend on beyond the position: the market, the liquidation rules, and the outlook
    // the chance of liquidation assumes (closed form, over the horizon; liquidationprobability.h).
    addText("market", r.plan.market);
    addText("liquidation_rules", toString(r.plan.liquidationRules));
    add("horizon_days", r.plan.horizonDays);
    add("annual_volatility", r.plan.risk.annualVolatility);
    add("drift", r.plan.risk.drift);
    add("liquidation_probability", liquidationProbability(r.plan, r.opened));
    add("deposit_units", r.plan.deposit);
    add("collateral_units", p.collateral);
    add("debt_units", p.debt);
    add("collateral_usd", p.collateralUsd);
    add("debt_usd", p.debtUsd);
    add("equity_usd", p.equityUsd);
    add("leverage", p.leverage);
    add("ltv", p.ltv);
    add("health_factor", p.healthFactor);
    add("liquidation_price_usd", r.plan.borrow.priceModel == PriceModel::Fixed
                                     ? p.liquidationPriceUsd
                                     : std::numeric_limits<double>::quiet_NaN());
    add("liquidation_ratio", p.liquidationRatio);
    add("distance_to_liquidation", p.distanceToLiquidation);
    add("net_apy", p.netApy);
    add("swap_fees_usd", c.swapFeesUsd);
    add("slippage_usd", c.slippageUsd);
    add("flash_premium_usd", c.flashPremiumUsd);
    add("gas_usd", c.gasUsd);
    add("opening_costs_usd", c.totalUsd());
    add("transactions", c.transactions);
    add("break_even_price_usd", r.sweep.breakEvenPriceUsd);
    add("zero_equity_price_usd", r.sweep.zeroEquityPriceUsd);
    QList<QStringList> cells;
    for (const Row &row : rows)
        cells << row.cells;
    return csvJoin({QStringLiteral("key"), QStringLiteral("value")}, cells);
}

} // namespace

QStringList csvTableNames()
{
    return {QStringLiteral("loops"), QStringLiteral("prices"), QStringLiteral("timeline"),
            QStringLiteral("summary")};
}

bool csvTableFromString(const QString &name, CsvTable *out)
{
    const QStringList names = csvTableNames();
    const qsizetype i = names.indexOf(name);
    if (i < 0)
        return false;
    *out = static_cast<CsvTable>(i);
    return true;
}

QString csvNumberCell(double value)
{
    if (!std::isfinite(value))
        return {};
    return QLocale::c().toString(value, 'g', QLocale::FloatingPointShortest);
}

QString csvTextCell(const QString &text)
{
    QString cell = text;
    // OWASP CSV injection: a leading = + - @ tab or CR would make a spreadsheet evaluate the cell.
    if (!cell.isEmpty() && QStringLiteral("=+-@\t\r").contains(cell.front()))
        cell.prepend(QLatin1Char('\''));
    const bool quote = cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) ||
                       cell.contains(QLatin1Char('\n')) || cell.contains(QLatin1Char('\r'));
    if (!quote)
        return cell;
    cell.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + cell + QLatin1Char('"');
}

QByteArray exportCsv(const PlanResult &result, CsvTable table)
{
    switch (table) {
    case CsvTable::Loops:
        return csvTable(loopStepColumns(), result.opened.steps);
    case CsvTable::Prices:
        return csvTable(sweepPointColumns(), result.sweep.points);
    case CsvTable::Timeline:
        // The position day by day at today's prices, the same table as the Time view.
        return timelineCsv(computeTimeline(result.plan, result.opened));
    case CsvTable::Summary:
        return summaryTable(result);
    }
    return {};
}

QByteArray csvJoin(const QStringList &header, const QList<QStringList> &rows)
{
    const QString lineEnd = QStringLiteral("\r\n");
    QString out = header.join(QLatin1Char(',')) + lineEnd;
    for (const QStringList &row : rows)
        out += row.join(QLatin1Char(',')) + lineEnd;
    return out.toUtf8();
}

QStringList timelineCsvHeader()
{
    return csvColumnNames(timelinePointColumns());
}

QList<QStringList> timelineCsvRows(const Timeline &timeline)
{
    return csvRows(timelinePointColumns(), timeline.points);
}

QByteArray timelineCsv(const Timeline &timeline)
{
    return csvTable(timelinePointColumns(), timeline.points);
}

} // namespace lp
