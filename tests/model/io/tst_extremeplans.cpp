// A property over generated extreme plans: the report (the plan, its sweep and the outlook, as `report`
// computes them) either comes out within bounds, every figure a number, or the plan is refused with errors
// that each name a field. Never a runaway, never an allocation failure, never infinities passed off as
// figures. The plans mix the smallest and largest doubles, subnormals, -0 and the edges of every range.
#include "backtest.h"
#include "computable.h"
#include "engine.h"
#include "marketregistry.h"
#include "outlook.h"
#include "report.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <limits>

using namespace lp;

namespace {

constexpr double kSubnormal = std::numeric_limits<double>::denorm_min();

// Amounts and prices: tiny, subnormal, negative zero, ordinary, at and past the limits.
const std::vector<double> kAmounts{kSubnormal,
                                   1e-320,
                                   1e-300,
                                   1e-13,
                                   1e-12,
                                   1e-9,
                                   1e-6,
                                   -0.0,
                                   0.0,
                                   0.5,
                                   1.0,
                                   3500.0,
                                   1e6,
                                   1e9,
                                   1e12,
                                   1e15,
                                   1e308,
                                   std::numeric_limits<double>::infinity(),
                                   std::numeric_limits<double>::quiet_NaN()};
// Rates: -100 % and just above it, zero, ordinary, the largest allowed (10,000 %).
const std::vector<double> kRates{-1.0, -0.999999, -0.5, -0.0, 0.0, 1e-12, 0.03, 1.0, 99.99, 100.0, 1e308};
const std::vector<int> kHorizons{1, 30, 365, 3650, 36500};

template <class T> T pick(QRandomGenerator &rng, const std::vector<T> &from)
{
    return from[static_cast<size_t>(rng.bounded(static_cast<int>(from.size())))];
}

Plan extremePlan(QRandomGenerator &rng)
{
    Plan p = test::fixturePlan();
    // Each field is extreme with probability 1/3, so that plans mix valid and extreme values.
    const auto maybe = [&](double *field, const std::vector<double> &from) {
        if (rng.bounded(3) == 0)
            *field = pick(rng, from);
    };
    maybe(&p.collateral.priceUsd, kAmounts);
    maybe(&p.borrow.priceUsd, kAmounts);
    maybe(&p.deposit, kAmounts);
    maybe(&p.collateral.supplyApy, kRates);
    maybe(&p.collateral.nativeYield, kRates);
    maybe(&p.borrow.borrowApy, kRates);
    maybe(&p.costs.gasUsdPerTx, kAmounts);
    if (rng.bounded(2) == 0)
        p.horizonDays = pick(rng, kHorizons);
    switch (rng.bounded(3)) {
    case 0:
        p.strategy.mode = StrategyMode::Loops;
        p.strategy.loops = pick(rng, std::vector<int>{0, 1, 3, 50, 100});
        break;
    case 1:
        p.strategy.mode = StrategyMode::TargetLeverage;
        p.strategy.leverage = pick(rng, std::vector<double>{1.0, 1.5, 3.9, 4.0, 1000.0});
        break;
    default:
        p.strategy.mode = StrategyMode::TargetHealthFactor;
        p.strategy.healthFactor = pick(rng, std::vector<double>{1.0 + 1e-12, 1.01, 1.5, 1e6});
        break;
    }
    if (rng.bounded(3) == 0)
        p.execution = Execution::FlashLoan;
    if (rng.bounded(3) == 0)
        p.borrow.priceModel = PriceModel::TracksCollateral;
    maybe(&p.risk.annualVolatility, std::vector<double>{0.0, 1e-12, 0.6, 10.0});
    return p;
}

// Every number in a JSON value is finite (Qt writes infinities and NaN as null: those count as absent).
bool allNumbersFinite(const QJsonValue &v, QString *where, const QString &path = {})
{
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!allNumbersFinite(it.value(), where, path + QLatin1Char('.') + it.key()))
                return false;
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            if (!allNumbersFinite(a.at(i), where, path + QStringLiteral("[%1]").arg(i)))
                return false;
    } else if (v.isDouble() && !std::isfinite(v.toDouble())) {
        *where = path;
        return false;
    }
    return true;
}

} // namespace

class TestExtremePlans : public QObject {
    Q_OBJECT
private slots:
    void tinyPriceIsRefusedNamingTheField();
    void tinyBorrowPriceIsRefusedNamingTheField();
    void extremeRatesOverALongHorizonAreRefused();
    void tinyPricesInAPriceSeriesAreRefused();
    void reportFinishesOrNamesTheField();
};

void TestExtremePlans::tinyPriceIsRefusedNamingTheField()
{
    // 1e-320 USD passed validation and sent the falling-path liquidator into millions of events.
    Plan p = test::fixturePlan();
    p.collateral.priceUsd = 1e-320;
    const Expected<PlanResult> r = computePlan(p);
    QVERIFY(!r);
    QCOMPARE(r.errors().first().field, QStringLiteral("collateral.priceUsd"));
}

void TestExtremePlans::tinyBorrowPriceIsRefusedNamingTheField()
{
    // A tiny borrow price made the debt and the equity infinite, with exit 0.
    Plan p = test::fixturePlan();
    p.borrow.priceUsd = 1e-300;
    const Expected<PlanResult> r = computePlan(p);
    QVERIFY(!r);
    QCOMPARE(r.errors().first().field, QStringLiteral("borrow.priceUsd"));
}

void TestExtremePlans::extremeRatesOverALongHorizonAreRefused()
{
    // 10,000 % supply and native yield over 100 years: (101 x 101)^100 overflows a double.
    Plan p = test::fixturePlan();
    p.collateral.supplyApy = 100.0;
    p.collateral.nativeYield = 100.0;
    p.horizonDays = 36500;
    const Expected<PlanResult> r = computePlan(p);
    QVERIFY(!r);
    QCOMPARE(r.errors().first().field, QStringLiteral("horizonDays"));
    // The same rates over a year are fine, and so are their figures.
    p.horizonDays = 365;
    QVERIFY(computePlan(p));
}

void TestExtremePlans::tinyPricesInAPriceSeriesAreRefused()
{
    const Expected<std::vector<PricePoint>> prices =
        parsePriceCsv("date,price\n2024-01-01,100\n2024-01-02,1e-320\n");
    QVERIFY(!prices);
    QCOMPARE(prices.errors().first().field, QStringLiteral("line 3"));
    QVERIFY(prices.errors().first().message.contains(QLatin1String("too small")));
    QVERIFY(parsePriceCsv("date,price\n2024-01-01,100\n2024-01-02,1e-12\n"));
}

void TestExtremePlans::reportFinishesOrNamesTheField()
{
    QRandomGenerator rng(20261130);
    OutlookOptions options;
    options.monteCarlo.paths = 16; // the bound on paths x steps is tested where it is enforced
    options.monteCarlo.threads = 1;
    QElapsedTimer total;
    total.start();
    int computed = 0;
    int refused = 0;
    for (int i = 0; i < 150; ++i) {
        const Plan plan = extremePlan(rng);
        const Expected<PlanResult> result = computePlan(plan);
        if (!result) {
            ++refused;
            for (const ValidationError &e : result.errors())
                QVERIFY2(!e.field.isEmpty(),
                         qPrintable(
                             QStringLiteral("plan %1: an error without a field: %2").arg(i).arg(e.message)));
            continue;
        }
        ++computed;
        const Outlook outlook = computeOutlook(*result, options);
        const QJsonObject report = reportJson(*result, outlook, MarketRegistry::builtIn());
        QString where;
        QVERIFY2(allNumbersFinite(report, &where),
                 qPrintable(QStringLiteral("plan %1: %2 is not a finite number").arg(i).arg(where)));
        QVERIFY2(std::isfinite(result->position.equityUsd) && std::isfinite(result->position.debtUsd),
                 qPrintable(QStringLiteral("plan %1: equity or debt is not finite").arg(i)));
        // The work is bounded by counts, not timed here (a loaded CI machine would make a time check
        // flaky; bench/ measures time): the falling-path sweep stays under its cap of events.
        QVERIFY2(result->sweep.liquidations.size() < static_cast<size_t>(limits::maxLiquidationEvents),
                 qPrintable(QStringLiteral("plan %1: %2 liquidation events")
                                .arg(i)
                                .arg(result->sweep.liquidations.size())));
    }
    qInfo("%d plans computed, %d refused naming a field, in %lld ms", computed, refused,
          static_cast<long long>(total.elapsed()));
    QVERIFY(computed > 10); // the generator is not so extreme that nothing is ever computed
    QVERIFY(refused > 10);
}

QTEST_GUILESS_MAIN(TestExtremePlans)
#include "tst_extremeplans.moc"
