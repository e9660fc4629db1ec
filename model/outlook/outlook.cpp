#include "outlook.h"

#include "machineformat.h"
#include "riskasset.h"

#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <thread>

namespace lp {

namespace {

using machine::fixed;
using machine::percent;
using machine::usd;

QString closeMethodText(CloseMethod method)
{
    return method == CloseMethod::SellToRepay ? QStringLiteral("sell to repay")
                                              : QStringLiteral("flash close");
}

class TextSection {
public:
    explicit TextSection(QStringList *out, const QString &title) : m_out(out)
    {
        *m_out << QString() << title;
    }
    void row(const QString &label, const QString &value)
    {
        *m_out << QStringLiteral("  %1 %2").arg(label.leftJustified(24, QLatin1Char(' ')), value);
    }

private:
    QStringList *m_out;
};

void timeText(QStringList *out, const Plan &plan, const Timeline &tl)
{
    TextSection s(out, QStringLiteral("Over time (%1 days at today's prices)").arg(plan.horizonDays));
    const NetApyBreakdown &n = tl.netApy;
    s.row(QStringLiteral("Net APY on equity"),
          QStringLiteral("%1 (supply %2, native yield %3, borrowing %4)")
              .arg(percent(n.total), percent(n.supply), percent(n.nativeYield), percent(n.borrowCost)));
    s.row(QStringLiteral("Days to liquidation"), tl.daysToLiquidation
                                                     ? fixed(*tl.daysToLiquidation, 1)
                                                     : QStringLiteral("never (collateral outgrows debt)"));
    if (tl.points.empty())
        return;
    const TimelinePoint &h = tl.points.back();
    s.row(QStringLiteral("Collateral at the end"),
          QStringLiteral("%1 %2").arg(fixed(h.collateral, 6), plan.collateral.symbol));
    s.row(QStringLiteral("Debt at the end"),
          QStringLiteral("%1 %2").arg(fixed(h.debt, 6), plan.borrow.symbol));
    s.row(QStringLiteral("Equity at the end"),
          QStringLiteral("%1 (P&L %2, holding %3)").arg(usd(h.equityUsd), usd(h.pnlUsd), usd(h.holdPnlUsd)));
    s.row(QStringLiteral("Health factor at the end"), fixed(h.healthFactor, 4));
    if (plan.borrow.priceModel == PriceModel::TracksCollateral)
        s.row(QStringLiteral("Liq. ratio at the end"),
              QStringLiteral("%1 %2 per %3")
                  .arg(fixed(h.liquidationRatio, 6), plan.borrow.symbol, plan.collateral.symbol));
    else
        s.row(QStringLiteral("Liq. price at the end"), usd(h.liquidationPriceUsd));
}

void closeText(QStringList *out, const Plan &plan, const Outlook &o)
{
    TextSection s(out, QStringLiteral("Closing on day %1 at %2 (%3)")
                           .arg(QString::number(o.exitDay), usd(o.exitPriceUsd),
                                closeMethodText(o.close ? o.close->method : o.closeMethod)));
    if (!o.close) {
        s.row(QStringLiteral("Not possible"), formatErrors(o.closeErrors));
        return;
    }
    const CloseResult &c = *o.close;
    if (!o.closeErrors.isEmpty())
        s.row(QStringLiteral("Instead of selling"), formatErrors(o.closeErrors));
    s.row(QStringLiteral("Steps"),
          QStringLiteral("%1 (%2 transactions)").arg(c.rounds.size()).arg(c.costs.transactions));
    s.row(QStringLiteral("Walk away with"),
          QStringLiteral("%1 %2 (%3)")
              .arg(fixed(c.walkAwayCollateral, 6), plan.collateral.symbol, usd(c.walkAwayUsd)));
    s.row(QStringLiteral("P&L"), QStringLiteral("%1 (holding: %2)").arg(usd(c.pnlUsd), usd(c.holdPnlUsd)));
    s.row(QStringLiteral("Swap fees"), usd(c.costs.swapFeesUsd));
    s.row(QStringLiteral("Slippage"), usd(c.costs.slippageUsd));
    s.row(QStringLiteral("Flash-loan premium"), usd(c.costs.flashPremiumUsd));
    s.row(QStringLiteral("Gas"), usd(c.costs.gasUsd));
    s.row(QStringLiteral("Interest paid"),
          usd(c.costs.interestPaidUsd) + QStringLiteral(" (inside the equity)"));
    s.row(QStringLiteral("Yield earned"),
          usd(c.costs.yieldEarnedUsd) + QStringLiteral(" (inside the equity)"));
}

void riskText(QStringList *out, const Plan &plan, const Outlook &o)
{
    TextSection s(out, QStringLiteral("Liquidation risk (%1 days, volatility %2, drift %3)")
                           .arg(QString::number(plan.horizonDays), percent(riskVolatility(plan)),
                                percent(plan.risk.drift)));
    s.row(QStringLiteral("Closed form"),
          percent(o.liquidationProbability) + QStringLiteral(" (barrier: today's liquidation price)"));
    if (o.monteCarlo) {
        const MonteCarloResult &mc = *o.monteCarlo;
        s.row(QStringLiteral("Monte Carlo"),
              QStringLiteral("%1 (95 % CI %2 to %3; %4 paths, seed %5; "
                             "barrier rising with interest)")
                  .arg(percent(mc.probability), percent(mc.ci95Low), percent(mc.ci95High),
                       QString::number(mc.paths), QString::number(mc.seed)));
    } else if (!o.monteCarloErrors.isEmpty()) {
        s.row(QStringLiteral("Monte Carlo"), formatErrors(o.monteCarloErrors));
    }
    if (o.protection) {
        const ProtectionMonteCarloResult &p = *o.protection;
        s.row(QStringLiteral("With protection"),
              QStringLiteral("%1 liquidated (without the rules %2, same paths); fees %3 USD expected, %4 USD "
                             "at the 95th percentile")
                  .arg(percent(p.with.liquidationProbability), percent(p.without.liquidationProbability),
                       QString::number(p.expectedFeesUsd, 'f', 2), QString::number(p.p95FeesUsd, 'f', 2)));
        for (const ProtectionRuleStats &r : p.rules)
            s.row(QStringLiteral("  ") + toString(r.kind),
                  QStringLiteral("fires on %1 of paths, %2 executions, %3 USD expected")
                      .arg(percent(r.fireProbability), QString::number(r.expectedExecutions, 'f', 2),
                           QString::number(r.expectedFeesUsd, 'f', 2)));
        s.row(QStringLiteral("Final equity p5/p50/p95"),
              QStringLiteral("%1 / %2 / %3 USD (without: %4 / %5 / %6)")
                  .arg(QString::number(p.with.finalEquityUsd.p5, 'f', 0),
                       QString::number(p.with.finalEquityUsd.p50, 'f', 0),
                       QString::number(p.with.finalEquityUsd.p95, 'f', 0),
                       QString::number(p.without.finalEquityUsd.p5, 'f', 0),
                       QString::number(p.without.finalEquityUsd.p50, 'f', 0),
                       QString::number(p.without.finalEquityUsd.p95, 'f', 0)));
    } else if (!o.protectionErrors.isEmpty()) {
        s.row(QStringLiteral("With protection"), formatErrors(o.protectionErrors));
    }
}

void stressText(QStringList *out, const Outlook &o)
{
    if (o.stress.empty())
        return;
    *out << QString() << QStringLiteral("Stress (instant, at today's prices)");
    *out << QStringLiteral("  %1 %2 %3 %4 %5")
                .arg(QStringLiteral("scenario"), -26)
                .arg(QStringLiteral("HF before"), 10)
                .arg(QStringLiteral("HF after"), 10)
                .arg(QStringLiteral("equity after"), 14)
                .arg(QStringLiteral("liquidation penalty"), 20);
    for (const StressResult &r : o.stress) {
        *out << QStringLiteral("  %1 %2 %3 %4 %5")
                    .arg(r.scenario.id, -26)
                    .arg(fixed(r.before.healthFactor, 4), 10)
                    .arg(fixed(r.after.healthFactor, 4), 10)
                    .arg(usd(r.after.equityUsd), 14)
                    .arg(r.liquidated ? usd(r.penaltyUsd) : QStringLiteral("none"), 20);
    }
}

} // namespace

MonteCarloOptions defaultMonteCarloOptions()
{
    MonteCarloOptions o;
    o.paths = kDefaultMonteCarloPaths;
    o.seed = kDefaultMonteCarloSeed;
    o.threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1U, 256U));
    return o;
}

OutlookClose computeOutlookClose(const PlanResult &result, const CloseOptions &options,
                                 bool flashCloseFallback)
{
    const Plan &plan = result.plan;
    OutlookClose c;
    c.method = options.method;
    c.exitDay = options.exitDay < 0 ? plan.horizonDays : options.exitDay;
    c.exitPriceUsd = std::isnan(options.exitPriceUsd) ? plan.collateral.priceUsd : options.exitPriceUsd;
    for (const CloseMethod method : {CloseMethod::SellToRepay, CloseMethod::FlashClose}) {
        CloseOptions one = options;
        one.method = method;
        Expected<CloseResult> close = simulateClose(plan, result.opened, one);
        std::optional<CloseResult> &out = method == CloseMethod::SellToRepay ? c.sellToRepay : c.flashClose;
        ValidationErrors &errors =
            method == CloseMethod::SellToRepay ? c.sellToRepayErrors : c.flashCloseErrors;
        if (close)
            out = std::move(close).value();
        else
            errors = close.errors();
    }
    if (c.by(c.method)) {
        c.chosen = c.by(c.method);
    } else if (flashCloseFallback && c.method == CloseMethod::SellToRepay) {
        c.chosenErrors = c.sellToRepayErrors;
        if (c.flashClose)
            c.chosen = c.flashClose;
        else
            c.chosenErrors = c.flashCloseErrors;
    } else {
        c.chosenErrors = c.errorsOf(c.method);
    }
    return c;
}

namespace {

QJsonObject closeSectionJson(CloseMethod method, int exitDay, double exitPriceUsd,
                             const std::optional<CloseResult> &result, const ValidationErrors &errors)
{
    if (!result) {
        return {{QStringLiteral("method"), toString(method)},
                {QStringLiteral("exitDay"), exitDay},
                {QStringLiteral("exitPriceUsd"), exitPriceUsd},
                {QStringLiteral("error"), formatErrors(errors)}};
    }
    QJsonObject close = closeJson(*result);
    if (!errors.isEmpty())
        close.insert(QStringLiteral("note"),
                     QStringLiteral("%1 was not possible (%2); closed with %3 instead")
                         .arg(toString(method), formatErrors(errors), toString(result->method)));
    return close;
}

} // namespace

QJsonObject outlookCloseJson(const Outlook &o)
{
    return closeSectionJson(o.closeMethod, o.exitDay, o.exitPriceUsd, o.close, o.closeErrors);
}

QJsonObject outlookCloseJson(const OutlookClose &c)
{
    return closeSectionJson(c.method, c.exitDay, c.exitPriceUsd, c.chosen, c.chosenErrors);
}

QStringList outlookText(const Plan &plan, const Outlook &outlook)
{
    QStringList out;
    timeText(&out, plan, outlook.timeline);
    closeText(&out, plan, outlook);
    riskText(&out, plan, outlook);
    stressText(&out, outlook);
    return out;
}

} // namespace lp
