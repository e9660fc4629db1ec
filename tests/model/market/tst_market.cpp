// Market value types: role lists, e-mode lookup, the parameters a pair gets, and validateMarket()'s
// field paths (PoolConfigurator's rules, docs/markets.md "Units": ltv <= lt, lt x (1 + bonus) <= 1).
#include "market.h"
#include "testutil.h"

#include <QTest>

#include <cmath>
#include <functional>

using namespace lp;

namespace {

Reserve reserve(const QString &symbol, double ltv, double lt, double bonus, bool collateral = true,
                bool borrowable = true)
{
    Reserve r;
    r.symbol = symbol;
    r.name = symbol + QStringLiteral(" token");
    r.decimals = 18;
    r.ltv = ltv;
    r.liquidationThreshold = lt;
    r.liquidationBonus = bonus;
    r.liquidationProtocolFee = 0.1;
    r.reserveFactor = 0.1;
    r.usableAsCollateral = collateral;
    r.borrowable = borrowable;
    r.defaultPriceUsd = 1.0;
    return r;
}

// A small valid market in the shape of ZeroLend zkSync (docs/markets.md, "ZeroLend markets"): two stables in
// an e-mode "Stablecoins" 97 / 97.5 / 1 %, WETH, and a borrow-only asset.
Market sample()
{
    Market m;
    m.id = QStringLiteral("sample");
    m.name = QStringLiteral("Sample");
    m.chain = QStringLiteral("Testnet");
    m.asOf = QDate(2025, 1, 15);
    m.source = QStringLiteral("hand-made for tests");
    m.reserves = {reserve(QStringLiteral("USDC.e"), 0.80, 0.85, 0.05),
                  reserve(QStringLiteral("USDT"), 0.75, 0.80, 0.05),
                  reserve(QStringLiteral("WETH"), 0.80, 0.825, 0.05),
                  reserve(QStringLiteral("LUSD"), 0.0, 0.0, 0.0, false, true),
                  reserve(QStringLiteral("PEPE"), 0.20, 0.45, 0.10, true, false)};
    EModeCategory stable;
    stable.id = 1;
    stable.label = QStringLiteral("Stablecoins");
    stable.ltv = 0.97;
    stable.liquidationThreshold = 0.975;
    stable.liquidationBonus = 0.01;
    stable.members = {QStringLiteral("USDC.e"), QStringLiteral("USDT")};
    m.eModes = {stable};
    return m;
}

QStringList fields(const ValidationErrors &errors)
{
    QStringList out;
    for (const ValidationError &e : errors)
        out << e.field;
    return out;
}

} // namespace

class TestMarket : public QObject {
    Q_OBJECT
private slots:
    void sampleIsValid();
    void staleAfterNinetyDays();
    void roleLists();
    void reserveLookupIgnoresCase();
    void pairInsideEModeGetsCategoryParameters();
    void pairOutsideEModeGetsReserveParameters();
    void eModeToggleOff();
    void lowestCategoryIdWins();
    void notCollateralHasNoParameters();
    void invalidMarkets_data();
    void invalidMarkets();
    void v33AllowsSeveralCategoriesPerAsset();
};

void TestMarket::sampleIsValid()
{
    const ValidationErrors errors = validateMarket(sample());
    QVERIFY2(errors.isEmpty(), qPrintable(formatErrors(errors)));
}

void TestMarket::staleAfterNinetyDays()
{
    Market m;
    m.asOf = QDate(2026, 1, 1);
    QVERIFY(!isStale(m, QDate(2026, 1, 1)));
    QVERIFY(!isStale(m, QDate(2026, 4, 1))); // 90 days
    QVERIFY(isStale(m, QDate(2026, 4, 2)));  // 91 days
    m.asOf = QDate();
    QVERIFY(isStale(m, QDate(2026, 1, 1)));
}

void TestMarket::roleLists()
{
    const Market m = sample();
    QCOMPARE(m.collateralSymbols(), QStringList({QStringLiteral("USDC.e"), QStringLiteral("USDT"),
                                                 QStringLiteral("WETH"), QStringLiteral("PEPE")}));
    QCOMPARE(m.borrowSymbols(), QStringList({QStringLiteral("USDC.e"), QStringLiteral("USDT"),
                                             QStringLiteral("WETH"), QStringLiteral("LUSD")}));
}

void TestMarket::reserveLookupIgnoresCase()
{
    const Market m = sample();
    QCOMPARE(m.reserveIndex(QStringLiteral("weth")), qsizetype(2));
    QCOMPARE(m.reserveIndex(QStringLiteral("DAI")), qsizetype(-1));
    QVERIFY(m.reserve(QStringLiteral("usdt")));
    QCOMPARE(m.reserve(QStringLiteral("usdt"))->symbol, QStringLiteral("USDT"));
    QVERIFY(!m.reserve(QStringLiteral("DAI")));
}

void TestMarket::pairInsideEModeGetsCategoryParameters()
{
    // USDC.e against USDT: both in "Stablecoins", so 97 % / 97.5 % / 1 % replace USDC.e's 80 / 85 / 5 %.
    const Market m = sample();
    QCOMPARE(m.eModeIndexFor(QStringLiteral("USDC.e"), QStringLiteral("USDT")), qsizetype(0));
    const auto p = collateralParameters(m, QStringLiteral("USDC.e"), QStringLiteral("USDT"));
    QVERIFY(p);
    QCOMPARE(p->ltv, 0.97);
    QCOMPARE(p->liquidationThreshold, 0.975);
    QCOMPARE(p->liquidationBonus, 0.01);
    QCOMPARE(p->eModeIndex, qsizetype(0));
    // Both ways round.
    const auto q = collateralParameters(m, QStringLiteral("usdt"), QStringLiteral("usdc.e"));
    QVERIFY(q);
    QCOMPARE(q->ltv, 0.97);
}

void TestMarket::pairOutsideEModeGetsReserveParameters()
{
    const Market m = sample();
    QCOMPARE(m.eModeIndexFor(QStringLiteral("WETH"), QStringLiteral("USDT")), qsizetype(-1));
    const auto p = collateralParameters(m, QStringLiteral("WETH"), QStringLiteral("USDT"));
    QVERIFY(p);
    QCOMPARE(p->ltv, 0.80);
    QCOMPARE(p->liquidationThreshold, 0.825);
    QCOMPARE(p->liquidationBonus, 0.05);
    QCOMPARE(p->eModeIndex, qsizetype(-1));
    // One member is not enough: USDT against WETH.
    QCOMPARE(collateralParameters(m, QStringLiteral("USDT"), QStringLiteral("WETH"))->ltv, 0.75);
}

void TestMarket::eModeToggleOff()
{
    const auto p = collateralParameters(sample(), QStringLiteral("USDC.e"), QStringLiteral("USDT"), false);
    QVERIFY(p);
    QCOMPARE(p->ltv, 0.80);
    QCOMPARE(p->liquidationThreshold, 0.85);
    QCOMPARE(p->liquidationBonus, 0.05);
    QCOMPARE(p->eModeIndex, qsizetype(-1));
}

void TestMarket::lowestCategoryIdWins()
{
    Market m = sample();
    m.liquidationRules = LiquidationRuleSet::AaveV33; // several categories per asset (v3.2+)
    EModeCategory other = m.eModes[0];
    other.id = 7;
    other.label = QStringLiteral("Other");
    other.ltv = 0.9;
    m.eModes.prepend(other); // file order: id 7 first, id 1 second
    QVERIFY2(validateMarket(m).isEmpty(), qPrintable(formatErrors(validateMarket(m))));
    QCOMPARE(m.eModeIndexFor(QStringLiteral("USDC.e"), QStringLiteral("USDT")), qsizetype(1));
}

void TestMarket::notCollateralHasNoParameters()
{
    const Market m = sample();
    QVERIFY(!collateralParameters(m, QStringLiteral("LUSD"), QStringLiteral("USDT")));
    QVERIFY(!collateralParameters(m, QStringLiteral("DAI"), QStringLiteral("USDT")));
}

using Mutation = std::function<void(Market &)>;
Q_DECLARE_METATYPE(Mutation)

void TestMarket::invalidMarkets_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("field");
    const auto row = [](const char *name, Mutation m, const char *field) {
        QTest::newRow(name) << std::move(m) << QString::fromLatin1(field);
    };
    row(
        "ltv above lt", [](Market &m) { m.reserves[2].ltv = 0.83; }, "reserves[2].liquidationThreshold");
    row(
        "ltv equal to lt for collateral", [](Market &m) { m.reserves[2].ltv = 0.825; },
        "reserves[2].liquidationThreshold");
    row(
        "lt above 1", [](Market &m) { m.reserves[1].liquidationThreshold = 1.2; },
        "reserves[1].liquidationThreshold");
    // 0.9 x 1.12 = 1.008 > 1: a liquidation at HF 1 would need more collateral than there is.
    row(
        "lt x (1 + bonus) above 1",
        [](Market &m) {
            m.reserves[0].liquidationThreshold = 0.9;
            m.reserves[0].liquidationBonus = 0.12;
        },
        "reserves[0].liquidationBonus");
    row(
        "collateral without bonus", [](Market &m) { m.reserves[0].liquidationBonus = 0.0; },
        "reserves[0].liquidationBonus");
    row(
        "collateral with lt 0",
        [](Market &m) {
            m.reserves[2].ltv = 0;
            m.reserves[2].liquidationThreshold = 0;
        },
        "reserves[2].liquidationThreshold");
    row(
        "negative decimals", [](Market &m) { m.reserves[3].decimals = -1; }, "reserves[3].decimals");
    row(
        "decimals above 255", [](Market &m) { m.reserves[3].decimals = 256; }, "reserves[3].decimals");
    row(
        "duplicate symbol (case-insensitive)",
        [](Market &m) { m.reserves[4].symbol = QStringLiteral("weth"); }, "reserves[4].symbol");
    row(
        "empty symbol", [](Market &m) { m.reserves[2].symbol = QStringLiteral("  "); }, "reserves[2].symbol");
    row(
        "NaN ltv", [](Market &m) { m.reserves[0].ltv = std::nan(""); }, "reserves[0].ltv");
    row(
        "APY at -100 %", [](Market &m) { m.reserves[0].borrowApy = -1.0; }, "reserves[0].borrowApy");
    row(
        "price 0", [](Market &m) { m.reserves[0].defaultPriceUsd = 0.0; }, "reserves[0].defaultPriceUsd");
    row(
        "reserve factor 1", [](Market &m) { m.reserves[0].reserveFactor = 1.0; },
        "reserves[0].reserveFactor");
    row(
        "rate strategy kink at 1",
        [](Market &m) {
            m.reserves[0].rateStrategy = RateStrategy{1.0, 0, 0.04, 0.6};
        },
        "reserves[0].rateStrategy.optimalUtilization");
    row(
        "unknown estimate field", [](Market &m) { m.reserves[0].estimates = {QStringLiteral("ltvv")}; },
        "reserves[0].estimates[0]");
    row(
        "e-mode member that does not exist", [](Market &m) { m.eModes[0].members << QStringLiteral("DAI"); },
        "eModes[0].members[2]");
    row(
        "e-mode member twice", [](Market &m) { m.eModes[0].members << QStringLiteral("USDT"); },
        "eModes[0].members[2]");
    // Symbols are case-insensitive: "usdt" is USDT again (was missed by a case-sensitive check).
    row(
        "e-mode member twice, other case", [](Market &m) { m.eModes[0].members << QStringLiteral("usdt"); },
        "eModes[0].members[2]");
    row(
        "e-mode without members", [](Market &m) { m.eModes[0].members.clear(); }, "eModes[0].members");
    row(
        "e-mode ltv above lt", [](Market &m) { m.eModes[0].ltv = 0.98; }, "eModes[0].liquidationThreshold");
    row(
        "e-mode lt x (1 + bonus) above 1", [](Market &m) { m.eModes[0].liquidationBonus = 0.03; },
        "eModes[0].liquidationBonus");
    row(
        "e-mode id 0", [](Market &m) { m.eModes[0].id = 0; }, "eModes[0].id");
    row(
        "duplicate e-mode id",
        [](Market &m) {
            EModeCategory e = m.eModes[0];
            e.members = {QStringLiteral("WETH")};
            m.eModes << e;
        },
        "eModes[1].id");
    row(
        "aave-v3.0: asset in two categories",
        [](Market &m) {
            EModeCategory e = m.eModes[0];
            e.id = 2;
            e.members = {QStringLiteral("USDT")};
            m.eModes << e;
        },
        "eModes[1].members[0]");
    row(
        "id with upper case", [](Market &m) { m.id = QStringLiteral("Sample"); }, "id");
    row(
        "no date", [](Market &m) { m.asOf = QDate(); }, "asOf");
    row(
        "no source", [](Market &m) { m.source.clear(); }, "source");
    row(
        "no reserves",
        [](Market &m) {
            m.reserves.clear();
            m.eModes.clear();
        },
        "reserves");
    row(
        "flash premium 100 %", [](Market &m) { m.flashLoanPremium = 1.0; }, "flashLoanPremium");
}

void TestMarket::invalidMarkets()
{
    QFETCH(Mutation, mutate);
    QFETCH(QString, field);
    Market m = sample();
    mutate(m);
    const ValidationErrors errors = validateMarket(m);
    QVERIFY2(fields(errors).contains(field), qPrintable(formatErrors(errors)));
    // One impossible value, one error: nothing else in the sample is reported.
    QCOMPARE(errors.size(), 1);
}

void TestMarket::v33AllowsSeveralCategoriesPerAsset()
{
    Market m = sample();
    EModeCategory e = m.eModes[0];
    e.id = 2;
    e.members = {QStringLiteral("USDT")};
    m.eModes << e;
    QCOMPARE(fields(validateMarket(m)), QStringList{QStringLiteral("eModes[1].members[0]")});
    m.liquidationRules = LiquidationRuleSet::AaveV33;
    QVERIFY(validateMarket(m).isEmpty());
}

QTEST_APPLESS_MAIN(TestMarket)
#include "tst_market.moc"
