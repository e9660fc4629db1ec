// The `report` command: the position, loops, costs and sweep against hand-derived figures, the text form, the
// market section and the utilization what-if.
#include "clitestutil.h"

#include <cmath>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSize>
#include <QTemporaryDir>
#include <QTest>

using namespace clitest;

class TestCliReport : public QObject {
    Q_OBJECT
private slots:
    void reportJsonMatchesHandDerivedFigures();
    void reportFlashTargetByHand();
    void reportTracksCollateralHasRatioNotPrice();
    void reportText();
    void reportOnPresetMarketListsParametersAndSources();
    void reportWhatIfUtilization();
};

void TestCliReport::reportJsonMatchesHandDerivedFigures()
{
    // Hand derivation in tst_opening / tst_pricesweep: C = 24.344128915014817, D = 16.75994861045867,
    // leverage 2.439668259583921, HF 1.3556835713188593, liquidation $2581.7234006863932, break-even
    // $3503.3024237221553, zero equity $2065.378720549115, costs 25.139922915688004 + 50.25470590846032 + 5.
    const Run r = run({QStringLiteral("report"), data("wsteth-loop.json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    QJsonParseError error{};
    const QJsonObject doc = QJsonDocument::fromJson(r.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject pos = doc[QStringLiteral("position")].toObject();
    QVERIFY(rel(pos[QStringLiteral("collateral")].toDouble(), 24.344128915014817) < 1e-9);
    QVERIFY(rel(pos[QStringLiteral("debt")].toDouble(), 16.75994861045867) < 1e-9);
    QVERIFY(rel(pos[QStringLiteral("collateralUsd")].toDouble(), 24.344128915014817 * 3500) < 1e-9);
    QVERIFY(rel(pos[QStringLiteral("debtUsd")].toDouble(), 16.75994861045867 * 3000) < 1e-9);
    QVERIFY(rel(pos[QStringLiteral("equityUsd")].toDouble(), 34924.60537117585) < 1e-9);
    QVERIFY(rel(pos[QStringLiteral("leverage")].toDouble(), 2.439668259583921) < 1e-9);
    QVERIFY(rel(pos[QStringLiteral("ltv")].toDouble(), 0.8 / 1.3556835713188593) < 1e-9);
    QVERIFY(rel(pos[QStringLiteral("healthFactor")].toDouble(), 1.3556835713188593) < 1e-9);
    QVERIFY(rel(pos[QStringLiteral("liquidationPriceUsd")].toDouble(), 2581.7234006863932) < 1e-9);
    QVERIFY(rel(pos[QStringLiteral("liquidationRatio")].toDouble(), 2581.7234006863932 / 3000) < 1e-9);
    QVERIFY(rel(pos[QStringLiteral("distanceToLiquidation")].toDouble(), 1 - 2581.7234006863932 / 3500) <
            1e-9);
    QVERIFY(rel(pos[QStringLiteral("netApy")].toDouble(), 0.03963800955750353) < 1e-9);
    const QJsonArray loops = doc[QStringLiteral("loops")].toArray();
    QCOMPARE(loops.size(), 4);
    QCOMPARE(loops[1].toObject()[QStringLiteral("borrowed")].toDouble(), 7.875);
    QVERIFY(rel(loops[1].toObject()[QStringLiteral("swappedToCollateral")].toDouble(), 6.739878375) < 1e-12);
    QCOMPARE(loops[3].toObject()[QStringLiteral("step")].toInt(), 3);
    const QJsonObject costs = doc[QStringLiteral("costs")].toObject();
    QVERIFY(rel(costs[QStringLiteral("swapFeesUsd")].toDouble(), 25.139922915688004) < 1e-9);
    QVERIFY(rel(costs[QStringLiteral("slippageUsd")].toDouble(), 50.25470590846032) < 1e-9);
    QCOMPARE(costs[QStringLiteral("flashPremiumUsd")].toDouble(), 0.0);
    QCOMPARE(costs[QStringLiteral("gasUsd")].toDouble(), 5.0);
    QVERIFY(rel(costs[QStringLiteral("totalUsd")].toDouble(), 25.139922915688004 + 50.25470590846032 + 5) <
            1e-9);
    const QJsonObject sweep = doc[QStringLiteral("sweep")].toObject();
    QVERIFY(rel(sweep[QStringLiteral("breakEvenPriceUsd")].toDouble(), 3503.3024237221553) < 1e-9);
    QVERIFY(rel(sweep[QStringLiteral("zeroEquityPriceUsd")].toDouble(), 2065.378720549115) < 1e-9);
}

void TestCliReport::reportFlashTargetByHand()
{
    // 5 WETH at $3,000 against USDC, flash loan to 3x: final LTV = 1 - 1/3 = 2/3, so HF = 0.825 / (2/3)
    // = 1.2375 and the liquidation price is 3000 x (2/3) / 0.825 = $2,424.2424..., whatever the costs. y =
    // 15,000 x 2 / (3 (1.0005 - k) + k), k = 0.997 x 0.998: 29,659.274257331774 USD flash-borrowed.
    const Run r = run({QStringLiteral("report"), data("weth-usdc-flash-target.json"),
                       QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    const QJsonObject pos = doc[QStringLiteral("position")].toObject();
    QVERIFY(rel(pos[QStringLiteral("leverage")].toDouble(), 3.0) < 1e-12);
    QVERIFY(rel(pos[QStringLiteral("healthFactor")].toDouble(), 1.2375) < 1e-12);
    QVERIFY(rel(pos[QStringLiteral("liquidationPriceUsd")].toDouble(), 2000.0 / 0.825) < 1e-12);
    QVERIFY(rel(pos[QStringLiteral("debt")].toDouble(), 29659.274257331774 * 1.0005) < 1e-9);
    const QJsonObject costs = doc[QStringLiteral("costs")].toObject();
    QVERIFY(rel(costs[QStringLiteral("flashPremiumUsd")].toDouble(), 29659.274257331774 * 0.0005) < 1e-9);
    QVERIFY(rel(costs[QStringLiteral("totalUsd")].toDouble(), 163.2480527697808) < 1e-9);
    QCOMPARE(costs[QStringLiteral("transactions")].toInt(), 1);
    QCOMPARE(doc[QStringLiteral("loops")].toArray().size(), 2);
}

void TestCliReport::reportTracksCollateralHasRatioNotPrice()
{
    // Target HF 1.1 with lt 0.93: the A/B ratio can fall to (3500/3000) / 1.1 = 1.0606... before liquidation.
    const Run r = run({QStringLiteral("report"), data("wsteth-weth-tracks.json")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject pos = QJsonDocument::fromJson(r.out).object()[QStringLiteral("position")].toObject();
    QVERIFY(pos[QStringLiteral("liquidationPriceUsd")].isNull());
    QVERIFY(rel(pos[QStringLiteral("liquidationRatio")].toDouble(), 3500.0 / 3000.0 / 1.1) < 1e-12);
    QVERIFY(rel(pos[QStringLiteral("healthFactor")].toDouble(), 1.1) < 1e-12);
    QVERIFY(rel(pos[QStringLiteral("leverage")].toDouble(), 1.1 / (1.1 - 0.93)) < 1e-12);
}

void TestCliReport::reportText()
{
    const Run r = run({QStringLiteral("report"), data("wsteth-loop.json"), QStringLiteral("--format"),
                       QStringLiteral("text")});
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY(text.contains(QStringLiteral("Health factor            1.3557")));
    QVERIFY(text.contains(QStringLiteral("Liquidation price        $2581.72")));
    QVERIFY(text.contains(QStringLiteral("Total                    $80.39")));
}

void TestCliReport::reportOnPresetMarketListsParametersAndSources()
{
    // zksync-stable-emode.json names ZeroLend zkSync and states only the collateral's price (0.999): USDC.e
    // and USDT are both in e-mode "Stablecoins" (97 / 97.5 / 1 %), the APYs are the reserves' presets
    // (supply 2.095 %, borrow 3.252 %). No costs, so k = 1 and per-loop LTV t = 0.9 x 0.97 = 0.873; 5 loops:
    //   CV = 10000 x 0.999 x (1 - t^6) / (1 - t) = 43,839.937   DV = t x 9990 x (1 - t^5) / (1 - t) =
    //   33,849.937 HF = CV x 0.975 / DV = 1.2627479504   leverage CV / (CV - DV) = 4.3883820845 net APY = (CV
    //   x 0.02095 - DV x 0.03252) / 9990 = -0.0182535807
    const Run r = run({QStringLiteral("report"), data("zksync-stable-emode.json")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    const QJsonObject pos = doc[QStringLiteral("position")].toObject();
    QVERIFY(rel(pos[QStringLiteral("healthFactor")].toDouble(), 1.2627479504058374) < 1e-9);
    QVERIFY(rel(pos[QStringLiteral("leverage")].toDouble(), 4.388382084476596) < 1e-9);
    QVERIFY(rel(pos[QStringLiteral("netApy")].toDouble(), -0.01825358071739421) < 1e-9);

    const QJsonObject market = doc[QStringLiteral("market")].toObject();
    QCOMPARE(market[QStringLiteral("id")].toString(), QStringLiteral("zerolend-zksync"));
    QCOMPARE(market[QStringLiteral("known")].toBool(), true);
    QCOMPARE(market[QStringLiteral("chain")].toString(), QStringLiteral("zkSync Era"));
    QCOMPARE(market[QStringLiteral("asOf")].toString(), QStringLiteral("2025-01-15"));
    QVERIFY(market[QStringLiteral("source")].toString().contains(
        QStringLiteral("deadshotryker/deploy@1883fa1f")));
    QCOMPARE(market[QStringLiteral("liquidationRules")].toString(), QStringLiteral("aave-v3.0"));
    QCOMPARE(market[QStringLiteral("eMode")].toString(), QStringLiteral("Stablecoins"));
    const QJsonObject coll =
        market[QStringLiteral("collateral")].toObject()[QStringLiteral("parameters")].toObject();
    const QJsonObject ltv = coll[QStringLiteral("ltv")].toObject();
    QCOMPARE(ltv[QStringLiteral("value")].toDouble(), 0.97);
    QCOMPARE(ltv[QStringLiteral("source")].toString(), QStringLiteral("preset"));
    QCOMPARE(ltv[QStringLiteral("presetField")].toString(), QStringLiteral("eModes[0].ltv"));
    QCOMPARE(ltv[QStringLiteral("estimate")].toBool(), false);
    const QJsonObject price = coll[QStringLiteral("priceUsd")].toObject();
    QCOMPARE(price[QStringLiteral("value")].toDouble(), 0.999);
    QCOMPARE(price[QStringLiteral("source")].toString(), QStringLiteral("plan"));
    QVERIFY(price[QStringLiteral("presetField")].isNull());
    const QJsonObject borrowApy = market[QStringLiteral("borrow")]
                                      .toObject()[QStringLiteral("parameters")]
                                      .toObject()[QStringLiteral("borrowApy")]
                                      .toObject();
    QCOMPARE(borrowApy[QStringLiteral("value")].toDouble(), 0.03252);
    QCOMPARE(borrowApy[QStringLiteral("presetField")].toString(), QStringLiteral("reserves[2].borrowApy"));
    QCOMPARE(borrowApy[QStringLiteral("estimate")].toBool(), true);

    // The text report says the same in lines.
    const Run t = run({QStringLiteral("report"), data("zksync-stable-emode.json"), QStringLiteral("--format"),
                       QStringLiteral("text")});
    QCOMPARE(t.exitCode, 0);
    const QString text = QString::fromUtf8(t.out);
    QVERIFY2(
        text.contains(QStringLiteral("ZeroLend zkSync Era (zkSync Era), as of 2025-01-15; liquidation rules "
                                     "aave-v3.0; e-mode Stablecoins")),
        qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Source: zl-deploy deadshotryker/deploy@1883fa1f")));
    QVERIFY(text.contains(
        QRegularExpression(QStringLiteral("collateral\\.ltv +0\\.97 \\(preset eModes\\[0\\]\\.ltv\\)"))));
    QVERIFY(text.contains(QRegularExpression(QStringLiteral("collateral\\.priceUsd +0\\.999 \\(plan\\)"))));
    QVERIFY(text.contains(QRegularExpression(
        QStringLiteral("borrow\\.borrowApy +0\\.03252 \\(preset reserves\\[2\\]\\.borrowApy, estimate\\)"))));
}

void TestCliReport::reportWhatIfUtilization()
{
    // --utilization 0.95 on zksync-stable-emode.json: USDT's StableOne strategy gives APR 0.04 + 0.6 x 0.05 /
    // 0.1 = 0.34 -> APY (1 + 0.34 / 31536000)^31536000 - 1 = 0.404947588; the net APY follows:
    // (43,839.937 x 0.02095 - 33,849.937 x 0.404947588) / 9990 = -1.2801805476 (vs -0.018 at the preset APY).
    const Run r = run({QStringLiteral("report"), data("zksync-stable-emode.json"),
                       QStringLiteral("--utilization"), QStringLiteral("0.95")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    const QJsonObject scenario = doc[QStringLiteral("scenario")].toObject();
    QCOMPARE(scenario[QStringLiteral("borrowUtilization")].toDouble(), 0.95);
    QVERIFY(rel(scenario[QStringLiteral("borrowApr")].toDouble(), 0.34) < 1e-12);
    QVERIFY(rel(scenario[QStringLiteral("borrowApy")].toDouble(), 0.40494758798856945) < 1e-10);
    QVERIFY(rel(doc[QStringLiteral("position")].toObject()[QStringLiteral("netApy")].toDouble(),
                -1.280180547622694) < 1e-9);
    const QJsonObject borrowApy = doc[QStringLiteral("market")]
                                      .toObject()[QStringLiteral("borrow")]
                                      .toObject()[QStringLiteral("parameters")]
                                      .toObject()[QStringLiteral("borrowApy")]
                                      .toObject();
    QCOMPARE(borrowApy[QStringLiteral("source")].toString(), QStringLiteral("plan"));
    const Run t = run({QStringLiteral("report"), data("zksync-stable-emode.json"), QStringLiteral("--format"),
                       QStringLiteral("text"), QStringLiteral("--utilization"), QStringLiteral("0.95")});
    QCOMPARE(t.exitCode, 0);
    QVERIFY2(
        QString::fromUtf8(t.out).contains(QStringLiteral("Borrow APR 34.00 % -> APY 40.49 % (was 3.25 %)")),
        t.out.constData());
    // Out of range, and a borrow asset whose reserve has no rate strategy (native USDC): exit 2 naming why.
    const Run bad = run({QStringLiteral("report"), data("zksync-stable-emode.json"),
                         QStringLiteral("--utilization"), QStringLiteral("95")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains(QStringLiteral("--utilization must be a number from 0 to 1")));
    const Run none = run({QStringLiteral("report"), data("weth-usdc-flash-target.json"),
                          QStringLiteral("--utilization"), QStringLiteral("0.5")});
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(none.err.contains(QStringLiteral("--utilization cannot be applied")), qPrintable(none.err));
}

QTEST_GUILESS_MAIN(TestCliReport)
#include "tst_cli_report.moc"
