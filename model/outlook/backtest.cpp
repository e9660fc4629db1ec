#include "backtest.h"

#include "computable.h"
#include "machineformat.h"
#include "opening.h"
#include "position.h"

#include <QJsonArray>
#include <QLocale>
#include <QStringList>

#include <cmath>

namespace lp {

namespace {

constexpr int kMaxErrors = 20;

QString cellText(QString cell)
{
    cell = cell.trimmed();
    if (cell.size() >= 2 && cell.front() == QLatin1Char('"') && cell.back() == QLatin1Char('"'))
        cell = cell.mid(1, cell.size() - 2).trimmed();
    return cell;
}

bool parsePrice(const QString &text, double *out)
{
    bool ok = false;
    *out = QLocale::c().toDouble(text, &ok);
    return ok && std::isfinite(*out);
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + (text.size() > 40 ? text.left(40) + QStringLiteral("...") : text) +
           QLatin1Char('"');
}

} // namespace

Expected<std::vector<PricePoint>> parsePriceCsv(const QByteArray &csv)
{
    QString text = QString::fromUtf8(csv);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    const QStringList lines = text.split(QLatin1Char('\n'));

    std::vector<PricePoint> out;
    ValidationErrors errors;
    const auto fail = [&errors](qsizetype line, const QString &message) {
        if (errors.size() < kMaxErrors)
            errors.append({QStringLiteral("line %1").arg(line), message});
    };
    bool seenRow = false;
    qsizetype lastLine = 0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const qsizetype lineNo = i + 1;
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        // Blank lines and "#" comments (prices fetch writes its source and time in one).
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(QLatin1Char('#')))
            continue;
        const QStringList cells = line.split(QLatin1Char(','));
        if (cells.size() != 2) {
            fail(lineNo, QStringLiteral("expected 2 cells (date,price), got %1").arg(cells.size()));
            seenRow = true;
            continue;
        }
        const QString dateText = cellText(cells.at(0));
        const QString priceText = cellText(cells.at(1));
        const QDate date = QDate::fromString(dateText, Qt::ISODate);
        double price = 0;
        const bool priceOk = parsePrice(priceText, &price);
        if (!seenRow) {
            seenRow = true;
            if (!date.isValid() && !priceOk)
                continue; // the header
        }
        if (!date.isValid()) {
            fail(lineNo, QStringLiteral("bad date %1 (expected YYYY-MM-DD)").arg(quoted(dateText)));
            continue;
        }
        if (!priceOk) {
            fail(lineNo, QStringLiteral("price %1 is not a number").arg(quoted(priceText)));
            continue;
        }
        if (!(price > 0.0)) {
            fail(lineNo, QStringLiteral("price %1 must be above 0").arg(formatNumber(price)));
            continue;
        }
        if (price < limits::minPriceUsd) {
            fail(lineNo, QStringLiteral("price %1 is too small to compute with; the smallest is %2")
                             .arg(formatNumber(price), formatNumber(limits::minPriceUsd)));
            continue;
        }
        if (!out.empty() && date <= out.back().date) {
            fail(lineNo, QStringLiteral("date %1 is not after %2 (line %3): dates must increase")
                             .arg(date.toString(Qt::ISODate), out.back().date.toString(Qt::ISODate))
                             .arg(lastLine));
            continue;
        }
        out.push_back({date, price});
        lastLine = lineNo;
    }
    if (errors.isEmpty() && out.empty())
        errors.append({QStringLiteral("line 1"), QStringLiteral("no price rows (expected date,price)")});
    if (!errors.isEmpty())
        return errors;
    return out;
}

Expected<BacktestResult> runBacktest(const Plan &plan, const std::vector<PricePoint> &prices)
{
    if (prices.empty())
        return ValidationError{QStringLiteral("backtest.prices"), QStringLiteral("no price rows")};
    Plan p = plan;
    p.collateral.priceUsd = prices.front().priceUsd;
    if (const ValidationErrors errors = validatePlan(p); !errors.isEmpty())
        return errors;
    Expected<OpenedPosition> opened = openPosition(p);
    if (!opened)
        return opened.errors();

    const double pb = p.borrow.priceUsd;
    const double lt = p.collateral.liquidationThreshold;
    const LiquidationParams params = liquidationParams(p, pb);
    const double gA = collateralGrowth(p);
    const double gB = debtGrowth(p);
    const double gHold = 1.0 + p.collateral.nativeYield;
    const double depositValue = p.deposit * prices.front().priceUsd;

    BacktestResult r;
    r.openPriceUsd = prices.front().priceUsd;
    r.openedCollateral = opened->collateral;
    r.openedDebt = opened->debt;
    r.costBasisUsd = depositValue + opened->costs.gasUsd;
    r.minHealthFactor = std::numeric_limits<double>::infinity();
    ProtectedPosition pos;
    pos.collateral = opened->collateral;
    pos.debt = opened->debt;
    DiscreteProtection protection(p.protection, protectionCosts(p, pb));
    const QDate first = prices.front().date;
    QDate previous = first;
    r.days.reserve(prices.size());
    for (const PricePoint &pt : prices) {
        const auto elapsed = static_cast<double>(previous.daysTo(pt.date));
        pos.collateral = accrue(pos.collateral, gA, elapsed);
        pos.debt = accrue(pos.debt, gB, elapsed);
        previous = pt.date;
        BacktestDay day;
        day.date = pt.date;
        day.day = static_cast<int>(first.daysTo(pt.date));
        day.priceUsd = pt.priceUsd;
        if (!pos.closed) {
            const double hfBefore = healthFactor(pos.collateral, pos.debt, pt.priceUsd, pb, lt);
            r.minHealthFactor = std::min(r.minHealthFactor, hfBefore);
            if (hfBefore < 1.0) {
                for (const LiquidationEvent &e :
                     liquidateAfterGap(&pos.collateral, &pos.debt, pt.priceUsd, params)) {
                    r.liquidations.push_back({pt.date, day.day, e});
                    r.totalPenaltyUsd += e.penaltyUsd;
                    ++day.liquidations;
                }
            }
            for (const ProtectionExecution &e : protection.step(&pos, pt.priceUsd)) {
                r.executions.push_back({pt.date, day.day, e});
                r.protectionCostUsd += e.costUsd();
                r.closedByRule = r.closedByRule || e.closed;
                ++day.executions;
            }
        }
        day.collateral = pos.collateral;
        day.debt = pos.debt;
        // Once the collateral is gone the debt left is the protocol's bad debt, not the user's: the
        // user's equity does not go below 0. A closed position is its cash.
        day.equityUsd = pos.equityUsd(pt.priceUsd, pb);
        day.healthFactor = healthFactor(pos.collateral, pos.debt, pt.priceUsd, pb, lt);
        day.pnlUsd = day.equityUsd - r.costBasisUsd;
        day.holdValueUsd = accrue(p.deposit, gHold, day.day) * pt.priceUsd;
        day.holdPnlUsd = day.holdValueUsd - depositValue;
        r.days.push_back(day);
    }
    r.finalEquityUsd = r.days.back().equityUsd;
    r.pnlUsd = r.days.back().pnlUsd;
    r.holdPnlUsd = r.days.back().holdPnlUsd;
    return r;
}

QJsonObject backtestJson(const BacktestResult &r)
{
    using machine::num;
    QJsonArray liquidations;
    for (const BacktestLiquidation &l : r.liquidations)
        liquidations.append(QJsonObject{{QStringLiteral("date"), l.date.toString(Qt::ISODate)},
                                        {QStringLiteral("priceUsd"), num(l.event.priceUsd)},
                                        {QStringLiteral("closeFactor"), num(l.event.closeFactor)},
                                        {QStringLiteral("debtRepaid"), num(l.event.debtRepaid)},
                                        {QStringLiteral("collateralSeized"), num(l.event.collateralSeized)},
                                        {QStringLiteral("penaltyUsd"), num(l.event.penaltyUsd)}});
    QJsonArray executions;
    for (const BacktestExecution &x : r.executions) {
        const ProtectionExecution &e = x.execution;
        executions.append(QJsonObject{{QStringLiteral("date"), x.date.toString(Qt::ISODate)},
                                      {QStringLiteral("rule"), e.rule},
                                      {QStringLiteral("kind"), toString(e.kind)},
                                      {QStringLiteral("priceUsd"), num(e.priceUsd)},
                                      {QStringLiteral("healthFactorBefore"), num(e.healthFactorBefore)},
                                      {QStringLiteral("healthFactorAfter"), num(e.healthFactorAfter)},
                                      {QStringLiteral("collateralSold"), num(e.collateralSold)},
                                      {QStringLiteral("collateralBought"), num(e.collateralBought)},
                                      {QStringLiteral("debtRepaid"), num(e.debtRepaid)},
                                      {QStringLiteral("debtBorrowed"), num(e.debtBorrowed)},
                                      {QStringLiteral("amountUsd"), num(e.amountUsd)},
                                      {QStringLiteral("serviceFeeUsd"), num(e.serviceFeeUsd)},
                                      {QStringLiteral("swapCostUsd"), num(e.swapCostUsd)},
                                      {QStringLiteral("gasUsd"), num(e.gasUsd)},
                                      {QStringLiteral("incentiveUsd"), num(e.incentiveUsd)},
                                      {QStringLiteral("costUsd"), num(e.costUsd())},
                                      {QStringLiteral("closed"), e.closed}});
    }
    return QJsonObject{
        {QStringLiteral("openPriceUsd"), num(r.openPriceUsd)},
        {QStringLiteral("openedCollateral"), num(r.openedCollateral)},
        {QStringLiteral("openedDebt"), num(r.openedDebt)},
        {QStringLiteral("costBasisUsd"), num(r.costBasisUsd)},
        {QStringLiteral("days"), static_cast<int>(r.days.size())},
        {QStringLiteral("firstDate"),
         r.days.empty() ? QJsonValue() : r.days.front().date.toString(Qt::ISODate)},
        {QStringLiteral("lastDate"),
         r.days.empty() ? QJsonValue() : r.days.back().date.toString(Qt::ISODate)},
        {QStringLiteral("liquidations"), liquidations},
        {QStringLiteral("totalPenaltyUsd"), num(r.totalPenaltyUsd)},
        {QStringLiteral("minHealthFactor"), num(r.minHealthFactor)},
        {QStringLiteral("finalEquityUsd"), num(r.finalEquityUsd)},
        {QStringLiteral("pnlUsd"), num(r.pnlUsd)},
        {QStringLiteral("holdPnlUsd"), num(r.holdPnlUsd)},
        {QStringLiteral("executions"), executions},
        {QStringLiteral("protectionCostUsd"), num(r.protectionCostUsd)},
        {QStringLiteral("closedByRule"), r.closedByRule},
    };
}

} // namespace lp
