// The embedded presets (resources/markets/*.json) against docs/markets.md, and user markets saved
// to and read from a directory.
#include "marketjson.h"
#include "marketregistry.h"
#include "planmarket.h"
#include "ratemodel.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace lp;

class TestMarketRegistry : public QObject {
    Q_OBJECT
private slots:
    void everyPresetValidates();
    void presetsAreDatedAndSourced();
    void sourcedValues_data();
    void sourcedValues();
    void unsourcedValuesAreEstimates();
    void eModeCategories();
    void liquidationRules();
    void morphoPresetsFollowTheirLltv();
    void zerolendPresetsSayTheyAreWoundDown();
    void presetsOfTodayLoopWstEthInEMode();
    void presetApysFollowTheirRateStrategy();
    void userMarketsSaveLoadRemove();
    void presetsCannotBeOverwrittenOrRemoved();
    void brokenUserFileIsReportedWithItsName();
};

void TestMarketRegistry::everyPresetValidates()
{
    QVERIFY2(MarketRegistry::builtInErrors().isEmpty(),
             qPrintable(formatErrors(MarketRegistry::builtInErrors())));
    const MarketRegistry &reg = MarketRegistry::builtIn();
    QCOMPARE(reg.ids(),
             QStringList({QStringLiteral("aave-v3-arbitrum"), QStringLiteral("aave-v3-base"),
                          QStringLiteral("aave-v3-ethereum"), QStringLiteral("aave-v4-ethereum"),
                          QStringLiteral("morpho-blue-base-cbbtc-usdc"),
                          QStringLiteral("morpho-blue-ethereum-wbtc-usdc"),
                          QStringLiteral("morpho-blue-ethereum-wsteth-weth"),
                          QStringLiteral("spark-ethereum"), QStringLiteral("zerolend-ethereum-lrt"),
                          QStringLiteral("zerolend-linea"), QStringLiteral("zerolend-zksync")}));
    for (const MarketRegistry::Entry &e : reg.entries()) {
        QVERIFY(e.builtIn);
        QVERIFY(e.filePath.startsWith(QStringLiteral(":/markets/")));
        // Read again straight from the resource: the file itself validates, not only the registry copy.
        const Expected<Market> m = readMarketFile(e.filePath);
        QVERIFY2(m, qPrintable(e.filePath));
        QVERIFY(validateMarket(*m).isEmpty());
        QCOMPARE(*m, e.market);
    }
}

void TestMarketRegistry::presetsAreDatedAndSourced()
{
    // Every source names at least one stored repository at a commit ("owner/repo@1234abcd").
    static const QRegularExpression commit(QStringLiteral("[\\w.-]+/[\\w.-]+@[0-9a-f]{7,40}"));
    for (const MarketRegistry::Entry &e : MarketRegistry::builtIn().entries()) {
        QVERIFY2(e.market.asOf.isValid(), qPrintable(e.market.id));
        QVERIFY2(e.market.asOf >= QDate(2023, 1, 1) && e.market.asOf <= QDate(2026, 12, 31),
                 qPrintable(e.market.id));
        QVERIFY2(commit.match(e.market.source).hasMatch(),
                 qPrintable(e.market.id + QStringLiteral(": ") + e.market.source));
        QVERIFY(!e.market.chain.isEmpty());
        QVERIFY(e.market.chainId > 0);
    }
}

void TestMarketRegistry::sourcedValues_data()
{
    QTest::addColumn<QString>("market");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<double>("ltv");
    QTest::addColumn<double>("lt");
    QTest::addColumn<double>("bonus"); // NaN: not sourced, checked as an estimate elsewhere
    QTest::addColumn<double>("reserveFactor");
    const double na = std::nan("");
    const auto row = [](const char *market, const char *symbol, double ltv, double lt, double bonus,
                        double rf) {
        QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(market), QLatin1String(symbol))))
            << QString::fromLatin1(market) << QString::fromLatin1(symbol) << ltv << lt << bonus << rf;
    };
    // docs/markets.md, "ZeroLend markets", zl-deploy table (bps / 1e4; bonus 10500 = 5 %).
    row("zerolend-zksync", "USDC.e", 0.80, 0.85, 0.05, 0.10);
    row("zerolend-zksync", "WETH", 0.80, 0.825, 0.05, 0.10);
    row("zerolend-zksync", "USDT", 0.75, 0.80, 0.05, 0.10);
    row("zerolend-zksync", "LUSD", 0.75, 0.80, 0.05, 0.10);
    row("zerolend-zksync", "WBTC", 0.70, 0.75, 0.10, 0.20);
    // centic snapshot, LTV/LT only.
    row("zerolend-zksync", "ZK", 0.80, 0.85, na, na);
    row("zerolend-zksync", "USDC", 0.80, 0.85, na, na);
    row("zerolend-ethereum-lrt", "WETH", 0.80, 0.825, na, na);
    row("zerolend-ethereum-lrt", "USDC", 0.80, 0.85, na, na);
    row("zerolend-ethereum-lrt", "weETH", 0.70, 0.80, na, na);
    row("zerolend-ethereum-lrt", "ezETH", 0.70, 0.80, na, na);
    row("zerolend-ethereum-lrt", "rsETH", 0.70, 0.80, na, na);
    row("zerolend-ethereum-lrt", "pufETH", 0.70, 0.80, na, na);
    row("zerolend-ethereum-lrt", "pzETH", 0.70, 0.90, na, na);
    // zl-docs parameters.md: WETH LTV 80 %, LT 82.50 %, penalty 5 %.
    row("zerolend-linea", "WETH", 0.80, 0.825, 0.05, na);
    // docs/markets.md, "Aave v3 Ethereum presets": aave-eth snapshot 2023-10-31 (bonus, reserve factor,
    // WETH/wstETH/WBTC LTV and LT); USDC and USDT LTV/LT from centic's 2024-10-10 snapshot.
    row("aave-v3-ethereum", "WETH", 0.805, 0.83, 0.05, 0.15);
    row("aave-v3-ethereum", "wstETH", 0.785, 0.81, 0.06, 0.15);
    row("aave-v3-ethereum", "WBTC", 0.73, 0.78, 0.05, 0.20);
    row("aave-v3-ethereum", "USDC", 0.75, 0.78, 0.045, 0.10);
    row("aave-v3-ethereum", "USDT", 0.75, 0.78, 0.045, 0.10);
    // docs/markets.md, "Presets of 2026": SparkLend's 2025-08-11 poll (LTV/LT only).
    row("spark-ethereum", "WETH", 0.85, 0.86, na, na);
    row("spark-ethereum", "wstETH", 0.83, 0.84, na, na);
}

void TestMarketRegistry::sourcedValues()
{
    QFETCH(QString, market);
    QFETCH(QString, symbol);
    QFETCH(double, ltv);
    QFETCH(double, lt);
    QFETCH(double, bonus);
    QFETCH(double, reserveFactor);
    const Market *m = MarketRegistry::builtIn().find(market);
    QVERIFY(m);
    const Reserve *r = m->reserve(symbol);
    QVERIFY(r);
    QCOMPARE(r->symbol, symbol); // exact spelling
    QCOMPARE(r->ltv, ltv);
    QCOMPARE(r->liquidationThreshold, lt);
    QVERIFY(!r->isEstimate(QStringLiteral("ltv")));
    QVERIFY(!r->isEstimate(QStringLiteral("liquidationThreshold")));
    if (std::isnan(bonus)) {
        QVERIFY(r->isEstimate(QStringLiteral("liquidationBonus")));
    } else {
        QCOMPARE(r->liquidationBonus, bonus);
        QVERIFY(!r->isEstimate(QStringLiteral("liquidationBonus")));
    }
    if (std::isnan(reserveFactor)) {
        QVERIFY(r->isEstimate(QStringLiteral("reserveFactor")));
    } else {
        QCOMPARE(r->reserveFactor, reserveFactor);
        QVERIFY(!r->isEstimate(QStringLiteral("reserveFactor")));
    }
}

void TestMarketRegistry::unsourcedValuesAreEstimates()
{
    for (const MarketRegistry::Entry &e : MarketRegistry::builtIn().entries()) {
        for (const Reserve &r : e.market.reserves) {
            const QString where = e.market.id + QLatin1Char(' ') + r.symbol;
            // No stored source has prices or live APYs: always estimates.
            QVERIFY2(r.isEstimate(QStringLiteral("defaultPriceUsd")), qPrintable(where));
            QVERIFY2(r.isEstimate(QStringLiteral("supplyApy")), qPrintable(where));
            QVERIFY2(r.isEstimate(QStringLiteral("borrowApy")), qPrintable(where));
            if (r.nativeYield != 0.0)
                QVERIFY2(r.isEstimate(QStringLiteral("nativeYield")), qPrintable(where));
            // The reference's tables list decimals only for Aave v3 Ethereum.
            if (e.market.id != QLatin1String("aave-v3-ethereum"))
                QVERIFY2(r.isEstimate(QStringLiteral("decimals")), qPrintable(where));
        }
        // ZeroLend's live flash-loan premium was not found (docs/markets.md, "Flash loans").
        if (e.market.id.startsWith(QLatin1String("zerolend")))
            QVERIFY2(e.market.isEstimate(QStringLiteral("flashLoanPremium")), qPrintable(e.market.id));
    }
}

void TestMarketRegistry::eModeCategories()
{
    // zl-deploy e-mode 1 "Stablecoins": 9700 / 9750 / 10100.
    const Market *zk = MarketRegistry::builtIn().find(QStringLiteral("zerolend-zksync"));
    QVERIFY(zk);
    QCOMPARE(zk->eModes.size(), 1);
    QCOMPARE(zk->eModes[0].label, QStringLiteral("Stablecoins"));
    QCOMPARE(zk->eModes[0].ltv, 0.97);
    QCOMPARE(zk->eModes[0].liquidationThreshold, 0.975);
    QCOMPARE(zk->eModes[0].liquidationBonus, 0.01);
    QVERIFY(zk->eModes[0].hasMember(QStringLiteral("USDC.e")));
    QVERIFY(zk->eModes[0].hasMember(QStringLiteral("USDT")));
    // Aave v3 Ethereum and Arbitrum, e-mode "wstETH/ETH" of 2025-03-18: 9350 / 9550 / 10100; Base's
    // "wstETH/WETH" of 2025-04-30: 9300 / 9500 / 10100 (docs/markets.md, "Presets of 2026").
    const auto wstEthEMode = [](const char *id, int eModeId, double ltv, double lt) {
        const Market *aave = MarketRegistry::builtIn().find(QLatin1String(id));
        QVERIFY2(aave, id);
        QCOMPARE(aave->eModes.size(), 1);
        QCOMPARE(aave->eModes[0].id, eModeId);
        QCOMPARE(aave->eModes[0].ltv, ltv);
        QCOMPARE(aave->eModes[0].liquidationThreshold, lt);
        QCOMPARE(aave->eModes[0].liquidationBonus, 0.01);
        QVERIFY(aave->eModes[0].estimates.isEmpty());
        QCOMPARE(aave->eModeIndexFor(QStringLiteral("wstETH"), QStringLiteral("WETH")), qsizetype(0));
    };
    wstEthEMode("aave-v3-ethereum", 8, 0.935, 0.955);
    wstEthEMode("aave-v3-arbitrum", 6, 0.935, 0.955);
    wstEthEMode("aave-v3-base", 8, 0.93, 0.95);
    // SparkLend's ETH e-mode: LTV 92 % (2024-03 spell); its threshold and bonus are estimates.
    const Market *spark = MarketRegistry::builtIn().find(QStringLiteral("spark-ethereum"));
    QVERIFY(spark);
    QCOMPARE(spark->eModes.size(), 1);
    QCOMPARE(spark->eModes[0].ltv, 0.92);
    QVERIFY(!spark->eModes[0].isEstimate(QStringLiteral("ltv")));
    QVERIFY(spark->eModes[0].isEstimate(QStringLiteral("liquidationThreshold")));
    QVERIFY(spark->eModes[0].isEstimate(QStringLiteral("liquidationBonus")));
    // No e-mode data was found for the other ZeroLend markets.
    QVERIFY(MarketRegistry::builtIn().find(QStringLiteral("zerolend-linea"))->eModes.isEmpty());
    QVERIFY(MarketRegistry::builtIn().find(QStringLiteral("zerolend-ethereum-lrt"))->eModes.isEmpty());
}

void TestMarketRegistry::liquidationRules()
{
    for (const MarketRegistry::Entry &e : MarketRegistry::builtIn().entries()) {
        const QString &id = e.market.id;
        const LiquidationRuleSet expected =
            id.startsWith(QLatin1String("zerolend"))      ? LiquidationRuleSet::AaveV30
            : id.startsWith(QLatin1String("spark"))       ? LiquidationRuleSet::AaveV30
            : id.startsWith(QLatin1String("aave-v4"))     ? LiquidationRuleSet::AaveV4
            : id.startsWith(QLatin1String("morpho-blue")) ? LiquidationRuleSet::MorphoBlue
                                                          : LiquidationRuleSet::AaveV33;
        QCOMPARE(toString(e.market.liquidationRules), toString(expected));
    }
}

void TestMarketRegistry::morphoPresetsFollowTheirLltv()
{
    // A Morpho Blue market has one collateral and one loan asset; its bonus is the incentive factor at the
    // LLTV (min(1.15, 1 / (0.3 LLTV + 0.7)) - 1), there is no protocol fee, and the borrow limit sits
    // below the LLTV.
    int seen = 0;
    for (const MarketRegistry::Entry &e : MarketRegistry::builtIn().entries()) {
        if (e.market.liquidationRules != LiquidationRuleSet::MorphoBlue)
            continue;
        ++seen;
        QCOMPARE(e.market.collateralSymbols().size(), 1);
        QCOMPARE(e.market.borrowSymbols().size(), 1);
        const Reserve *c = e.market.reserve(e.market.collateralSymbols().first());
        QVERIFY(c->ltv < c->liquidationThreshold);
        LP_COMPARE_REL(c->liquidationBonus, morphoIncentiveFactor(c->liquidationThreshold) - 1.0, 1e-8);
        QCOMPARE(c->liquidationProtocolFee, 0.0);
        QVERIFY(e.market.asOf.year() == 2026);
    }
    QCOMPARE(seen, 3);
}

void TestMarketRegistry::zerolendPresetsSayTheyAreWoundDown()
{
    for (const char *id : {"zerolend-zksync", "zerolend-linea", "zerolend-ethereum-lrt"}) {
        const Market *m = MarketRegistry::builtIn().find(QLatin1String(id));
        QVERIFY(m->notes.startsWith(QStringLiteral("Wound down 2026-02, LTV 0 on most reserves")));
        QVERIFY(m->notes.contains(QStringLiteral("2026-02-16")));
    }
}

void TestMarketRegistry::presetsOfTodayLoopWstEthInEMode()
{
    // The live Aave v3 family presets are dated 2026 and not stale on the day they were compiled; a
    // wstETH/WETH plan on each gets its e-mode's sourced values, and each reserve value a source lacked
    // is marked as an estimate (Arbitrum's and Base's reserves are Ethereum's stand-ins).
    const QDate compiled(2026, 11, 30);
    for (const char *id : {"aave-v3-ethereum", "aave-v3-arbitrum", "aave-v3-base", "spark-ethereum"}) {
        const Market *m = MarketRegistry::builtIn().find(QLatin1String(id));
        QVERIFY2(m, id);
        QCOMPARE(m->asOf.year(), 2026);
        QVERIFY2(!isStale(*m, compiled), id);
        const MarketPreset p = marketPreset(*m, QStringLiteral("wstETH"), QStringLiteral("WETH"));
        QVERIFY2(p.eMode >= 0, id);
        QCOMPARE(p.collateral.ltv, m->eModes[p.eMode].ltv);
        QVERIFY2(!p.estimates.testFlag(MarketField::CollateralLtv), id);
        QVERIFY(p.borrowReserve >= 0);
    }
    for (const char *id : {"aave-v3-arbitrum", "aave-v3-base"}) {
        const Market *m = MarketRegistry::builtIn().find(QLatin1String(id));
        QVERIFY(m->notes.contains(QStringLiteral("estimates")));
        for (const Reserve &r : m->reserves)
            for (const char *field : {"ltv", "liquidationThreshold", "liquidationBonus", "reserveFactor"})
                QVERIFY2(r.isEstimate(QLatin1String(field)),
                         qPrintable(r.symbol + QLatin1Char(' ') + QLatin1String(field)));
    }
}

void TestMarketRegistry::presetApysFollowTheirRateStrategy()
{
    // The notes of these two presets say their typical APYs are the rate strategy at 80 % of the optimal
    // utilization, compounded per second. E.g. zkSync WETH (VolatileOne, RF 10 %): U = 0.36, borrow APR
    // 0.07 x 0.8 = 0.056 -> APY e^0.056 - 1 = 0.05760; supply APR 0.056 x 0.36 x 0.9 = 0.018144 -> 0.01831.
    // The files round to 4 significant digits: tolerance 5e-4 relative.
    for (const char *id : {"zerolend-zksync", "aave-v3-ethereum"}) {
        const Market *m = MarketRegistry::builtIn().find(QLatin1String(id));
        QVERIFY(m);
        int checked = 0;
        for (const Reserve &r : m->reserves) {
            if (!r.rateStrategy)
                continue;
            const double u = 0.8 * r.rateStrategy->optimalUtilization;
            LP_COMPARE_REL(r.borrowApy, aprToApy(borrowRate(*r.rateStrategy, u)), 5e-4);
            LP_COMPARE_REL(r.supplyApy, aprToApy(supplyRate(*r.rateStrategy, u, r.reserveFactor)), 5e-4);
            ++checked;
        }
        QVERIFY(checked >= 5);
    }
}

void TestMarketRegistry::userMarketsSaveLoadRemove()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(QStringLiteral("markets")); // created on first save
    MarketRegistry reg = MarketRegistry::withBuiltIn();
    QVERIFY(reg.loadUserMarkets(dir).isEmpty()); // nothing saved yet: no error
    Market mine = *reg.find(QStringLiteral("zerolend-zksync"));
    mine.id = QStringLiteral("my-zksync");
    mine.name = QStringLiteral("My zkSync");
    mine.reserves[1].ltv = 0.7;
    QVERIFY(reg.saveUserMarket(mine, dir).isEmpty());
    QVERIFY(QFile::exists(QDir(dir).filePath(QStringLiteral("my-zksync.json"))));
    QVERIFY(!reg.isBuiltIn(QStringLiteral("my-zksync")));
    QCOMPARE(reg.ids().last(), QStringLiteral("my-zksync"));

    // Saving again replaces it, in place.
    mine.reserves[1].ltv = 0.72;
    QVERIFY(reg.saveUserMarket(mine, dir).isEmpty());
    QCOMPARE(reg.ids().count(QStringLiteral("my-zksync")), 1);

    MarketRegistry fresh = MarketRegistry::withBuiltIn();
    QVERIFY(fresh.loadUserMarkets(dir).isEmpty());
    QVERIFY(fresh.find(QStringLiteral("my-zksync")));
    QCOMPARE(*fresh.find(QStringLiteral("my-zksync")), mine);
    QCOMPARE(fresh.entry(QStringLiteral("my-zksync"))->filePath,
             QDir(dir).filePath(QStringLiteral("my-zksync.json")));

    // An invalid market is not saved, and says why.
    Market broken = mine;
    broken.reserves[1].ltv = 0.9; // above WETH's lt 0.825
    const ValidationErrors errors = fresh.saveUserMarket(broken, dir);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().field, QStringLiteral("reserves[1].liquidationThreshold"));

    QVERIFY(fresh.removeUserMarket(QStringLiteral("my-zksync")).isEmpty());
    QVERIFY(!fresh.find(QStringLiteral("my-zksync")));
    QVERIFY(!QFile::exists(QDir(dir).filePath(QStringLiteral("my-zksync.json"))));
    QCOMPARE(fresh.removeUserMarket(QStringLiteral("my-zksync")).first().field, QStringLiteral("id"));
}

void TestMarketRegistry::presetsCannotBeOverwrittenOrRemoved()
{
    QTemporaryDir tmp;
    MarketRegistry reg = MarketRegistry::withBuiltIn();
    const Market preset = *reg.find(QStringLiteral("zerolend-linea"));
    const ValidationErrors saved = reg.saveUserMarket(preset, tmp.path());
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first().field, QStringLiteral("id"));
    QVERIFY(QDir(tmp.path()).entryList(QDir::Files).isEmpty());
    QCOMPARE(reg.removeUserMarket(QStringLiteral("zerolend-linea")).size(), 1);
    QVERIFY(reg.find(QStringLiteral("zerolend-linea")));
    // add() refuses a second market with a taken id.
    QCOMPARE(reg.add(preset).first().field, QStringLiteral("id"));
}

void TestMarketRegistry::brokenUserFileIsReportedWithItsName()
{
    QTemporaryDir tmp;
    QFile f(QDir(tmp.path()).filePath(QStringLiteral("bad.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"format\": \"leverage-planner-market\", \"version\": 1, \"id\": 3}");
    f.close();
    MarketRegistry reg = MarketRegistry::withBuiltIn();
    const ValidationErrors errors = reg.loadUserMarkets(tmp.path());
    QVERIFY(!errors.isEmpty());
    QVERIFY2(errors.first().field.startsWith(QStringLiteral("bad.json: ")), qPrintable(errors.first().field));
    QCOMPARE(reg.ids().size(), 11); // the presets are still there, the bad file is skipped
}

QTEST_APPLESS_MAIN(TestMarketRegistry)
#include "tst_marketregistry.moc"
