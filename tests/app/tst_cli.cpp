// The headless command line, run as a user would: a separate process, stdout, stderr and exit code.
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

#include <cmath>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run run(const QStringList &args, const QString &stdoutFile = {}, const QStringList &extraEnv = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &pair : extraEnv)
        env.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // headless commands must not need a platform at all
    p.setProcessEnvironment(env);
    if (!stdoutFile.isEmpty())
        p.setStandardOutputFile(stdoutFile);
    p.start(QStringLiteral(LP_APP_PATH), args);
    if (!p.waitForFinished(60000))
        qFatal("leverage-planner did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError())};
}

QString data(const char *name)
{
    return QStringLiteral(LP_TEST_DATA_DIR "/") + QLatin1String(name);
}

double rel(double a, double b)
{
    return std::fabs(a - b) / std::fabs(b);
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void reportJsonMatchesHandDerivedFigures();
    void reportFlashTargetByHand();
    void reportTracksCollateralHasRatioNotPrice();
    void reportText();
    void reportOnPresetMarketListsParametersAndSources();
    void reportWhatIfUtilization();
    void badPlansExitTwoNamingTheField_data();
    void badPlansExitTwoNamingTheField();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void helpAndVersion();
    void writeFailureExitsOne();
    void exportCsvReadsBackWithPython_data();
    void exportCsvReadsBackWithPython();
    void exportCsvToFileIsAtomic();
    void exportCsvErrors();
    void reportTimeCloseRiskStress();
    void reportMonteCarloOptionsAndReproducibility();
    void reportCloseOptions();
    void reportOptionErrorsExitTwo_data();
    void reportOptionErrorsExitTwo();
    void reportTextHasTheOutlook();
    void exportCsvValuesReadBackWithPython();
    void exportCsvIgnoresAGermanLocale();
    void backtestReplaysAKnownLiquidation();
    void backtestBadInputExitsTwo();
    void renderWritesPngAndPdf_data();
    void renderWritesPngAndPdf();
    void renderBadArgumentsExitTwoAndWriteNothing_data();
    void renderBadArgumentsExitTwoAndWriteNothing();
    void renderWriteFailureExitsOne();
};

void TestCli::reportJsonMatchesHandDerivedFigures()
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

void TestCli::reportFlashTargetByHand()
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

void TestCli::reportTracksCollateralHasRatioNotPrice()
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

void TestCli::reportText()
{
    const Run r = run({QStringLiteral("report"), data("wsteth-loop.json"), QStringLiteral("--format"),
                       QStringLiteral("text")});
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY(text.contains(QStringLiteral("Health factor            1.3557")));
    QVERIFY(text.contains(QStringLiteral("Liquidation price        $2581.72")));
    QVERIFY(text.contains(QStringLiteral("Total                    $80.39")));
}

void TestCli::reportOnPresetMarketListsParametersAndSources()
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

void TestCli::reportWhatIfUtilization()
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

void TestCli::badPlansExitTwoNamingTheField_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("message");
    QTest::newRow("ltv above lt") << data("bad-ltv-above-lt.json")
                                  << "collateral.liquidationThreshold: must be above ltv (0.85)";
    QTest::newRow("newer version")
        << data("bad-newer-version.json")
        << "version: this plan is format version 7; this Leverage Planner reads version 1";
    QTest::newRow("price zero, string, negative")
        << data("bad-price-zero.json") << "borrow.priceUsd: expected a number, got a string (\"3000\")";
    QTest::newRow("truncated") << data("bad-truncated.json") << "not valid JSON at line 4, column 94";
    QTest::newRow("impossible target")
        << data("bad-impossible-target.json") << "strategy.leverage: 4.20x needs LTV 76.2 %";
    QTest::newRow("missing file") << data("does-not-exist.json") << "does-not-exist.json: no such file";
    QTest::newRow("directory") << QStringLiteral(LP_TEST_DATA_DIR) << "is a directory, not a plan file";
}

void TestCli::badPlansExitTwoNamingTheField()
{
    QFETCH(QString, file);
    QFETCH(QString, message);
    const Run r = run({QStringLiteral("report"), file});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty()); // nothing on stdout but the requested output
}

void TestCli::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    const QString plan = data("wsteth-loop.json");
    QTest::newRow("no plan") << QStringList{QStringLiteral("report")}
                             << "expected one plan file, got 0 arguments";
    QTest::newRow("two plans") << QStringList{QStringLiteral("report"), plan, plan}
                               << "expected one plan file, got 2 arguments";
    QTest::newRow("bad format") << QStringList{QStringLiteral("report"), plan, QStringLiteral("--format=xml")}
                                << "--format must be json or text (got \"xml\")";
    QTest::newRow("unknown option") << QStringList{QStringLiteral("report"), plan,
                                                   QStringLiteral("--frobnicate")}
                                    << "Unknown option 'frobnicate'";
}

void TestCli::usageErrorsExitTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestCli::helpAndVersion()
{
    const Run version = run({QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("leverage-planner "));
    const Run help = run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("report PLAN"));
    QVERIFY(help.out.contains("Exit codes"));
    const Run reportHelp = run({QStringLiteral("report"), QStringLiteral("--help")});
    QCOMPARE(reportHelp.exitCode, 0);
    QVERIFY(reportHelp.out.contains("--format"));
}

void TestCli::writeFailureExitsOne()
{
    // A full disk is not the user's input: exit code 1, with a message.
    const Run r = run({QStringLiteral("report"), data("wsteth-loop.json")}, QStringLiteral("/dev/full"));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("could not write")), qPrintable(r.err));
}

void TestCli::exportCsvReadsBackWithPython_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("columns");
    QTest::newRow("prices") << "prices" << 2001 << 10;
    QTest::newRow("loops") << "loops" << 4 << 16;
    QTest::newRow("summary") << "summary" << 27 << 2;
    QTest::newRow("timeline") << "timeline" << 366 << 14; // days 0..365
}

void TestCli::exportCsvReadsBackWithPython()
{
    // An independent RFC 4180 reader (Python's csv module) must see a header, the rows, and numbers that
    // parse as floats (as LibreOffice would read them), matching the JSON report.
    QFETCH(QString, table);
    QFETCH(int, rows);
    QFETCH(int, columns);
    const Run r =
        run({QStringLiteral("export-csv"), data("wsteth-loop.json"), QStringLiteral("--table"), table});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    QProcess py;
    py.start(QStringLiteral("python3"), {QStringLiteral("-c"), QStringLiteral(R"(
import csv, io, sys
rows = list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode('utf-8'), newline='')))
header, body = rows[0], rows[1:]
assert all(len(r) == len(header) for r in body), 'ragged rows'
numeric = 0
for r in body:
    for cell in (r if header[0] != 'key' else r[1:]):
        if cell == '':
            continue
        try:
            float(cell); numeric += 1
        except ValueError:
            pass
print(len(body), len(header), numeric, header[0])
)")});
    py.write(r.out);
    py.closeWriteChannel();
    QVERIFY(py.waitForFinished(30000));
    QCOMPARE(py.exitCode(), 0);
    const QStringList out = QString::fromUtf8(py.readAllStandardOutput()).trimmed().split(QLatin1Char(' '));
    QCOMPARE(out.value(0).toInt(), rows);
    QCOMPARE(out.value(1).toInt(), columns);
    if (table == QLatin1String("prices"))
        QCOMPARE(out.value(2).toInt(), rows * columns); // every cell a number
}

void TestCli::exportCsvToFileIsAtomic()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("loops.csv"));
    const Run ok = run({QStringLiteral("export-csv"), data("wsteth-loop.json"), QStringLiteral("--table"),
                        QStringLiteral("loops"), QStringLiteral("-o"), path});
    QCOMPARE(ok.exitCode, 0);
    QVERIFY(ok.out.isEmpty());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("step,borrowed_units"));
    f.close();
    // A bad plan must not touch the existing file.
    const Run bad = run({QStringLiteral("export-csv"), data("bad-ltv-above-lt.json"),
                         QStringLiteral("--table"), QStringLiteral("loops"), QStringLiteral("-o"), path});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.readAll().startsWith("step,borrowed_units"));
}

void TestCli::exportCsvErrors()
{
    const QString plan = data("wsteth-loop.json");
    const Run noTable = run({QStringLiteral("export-csv"), plan});
    QCOMPARE(noTable.exitCode, 2);
    QVERIFY(noTable.err.contains(QStringLiteral("--table is required")));
    const Run badTable =
        run({QStringLiteral("export-csv"), plan, QStringLiteral("--table"), QStringLiteral("balances")});
    QCOMPARE(badTable.exitCode, 2);
    QVERIFY(badTable.err.contains(QStringLiteral("--table must be one of loops, prices, timeline, summary")));
    // An output directory that does not exist (or cannot be written) is a failure to write: exit 1.
    const Run unwritable =
        run({QStringLiteral("export-csv"), plan, QStringLiteral("--table"), QStringLiteral("loops"),
             QStringLiteral("-o"), QStringLiteral("/nonexistent-dir/out.csv")});
    QCOMPARE(unwritable.exitCode, 1);
    QVERIFY2(unwritable.err.contains(QStringLiteral("could not write /nonexistent-dir/out.csv")),
             qPrintable(unwritable.err));
}

namespace {
QJsonObject reportOf(const QStringList &extra = {})
{
    const Run r = run(QStringList{QStringLiteral("report"), data("wsteth-loop.json")} + extra);
    if (r.exitCode != 0)
        qFatal("report failed: %s", qPrintable(r.err));
    return QJsonDocument::fromJson(r.out).object();
}

// Runs a Python script with `input` on stdin; returns its stdout, or fails the test.
QString python(const QString &script, const QByteArray &input)
{
    QProcess py;
    py.start(QStringLiteral("python3"), {QStringLiteral("-c"), script});
    py.write(input);
    py.closeWriteChannel();
    if (!py.waitForFinished(30000) || py.exitCode() != 0)
        qWarning("python3 failed: %s", py.readAllStandardError().constData());
    return QString::fromUtf8(py.readAllStandardOutput()).trimmed();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

void TestCli::reportTimeCloseRiskStress()
{
    // Hand derivations (tst_report has the details): after opening C = 24.344128915014817 wstETH and
    // D = 16.75994861045867 WETH; one year at 0.1 % + 3 % on A and 2.5 % on B: C365 = C x 1.03103,
    // D365 = D x 1.025.
    const double c365 = 24.344128915014817 * 1.001 * 1.03;
    const double d365 = 16.75994861045867 * 1.025;
    const QJsonObject doc = reportOf();
    const QJsonObject time = doc[QStringLiteral("time")].toObject();
    QVERIFY(rel(time[QStringLiteral("netApy")].toDouble(), 0.03963800955750353) < 1e-9);
    QVERIFY(time[QStringLiteral("daysToLiquidation")].isNull()); // collateral grows faster than debt
    const QJsonObject h = time[QStringLiteral("atHorizon")].toObject();
    QVERIFY(rel(h[QStringLiteral("collateral")].toDouble(), c365) < 1e-12);
    QVERIFY(rel(h[QStringLiteral("debt")].toDouble(), d365) < 1e-12);
    QVERIFY(rel(h[QStringLiteral("equityUsd")].toDouble(), c365 * 3500 - d365 * 3000) < 1e-12);
    QVERIFY(rel(h[QStringLiteral("healthFactor")].toDouble(), c365 * 3500 * 0.8 / (d365 * 3000)) < 1e-12);
    QVERIFY(rel(h[QStringLiteral("liquidationPriceUsd")].toDouble(), d365 * 3000 / (c365 * 0.8)) < 1e-12);

    // Close at the horizon at today's price, selling A: walk-away C365 x 3500 - D365 x 3000 / k with
    // k = 0.9995 x 0.999 (every dollar of debt costs 1/k dollars of A).
    const QJsonObject close = doc[QStringLiteral("close")].toObject();
    QCOMPARE(close[QStringLiteral("exitDay")].toInt(), 365);
    QCOMPARE(close[QStringLiteral("exitPriceUsd")].toDouble(), 3500.0);
    const double k = 0.9995 * 0.999;
    const double walkAway = c365 * 3500 - d365 * 3000 / k;
    QVERIFY(rel(close[QStringLiteral("walkAwayUsd")].toDouble(), walkAway) < 1e-11);
    QVERIFY(rel(close[QStringLiteral("walkAwayCollateral")].toDouble(), walkAway / 3500) < 1e-11);
    const QJsonObject costs = close[QStringLiteral("costs")].toObject();
    const double gas = costs[QStringLiteral("gasUsd")].toDouble();
    QCOMPARE(gas, 0.5 * costs[QStringLiteral("transactions")].toInt());
    QVERIFY(rel(close[QStringLiteral("pnlUsd")].toDouble(), walkAway - gas - 35005.0) < 1e-11);
    QVERIFY(rel(close[QStringLiteral("holdPnlUsd")].toDouble(), 1050.0) < 1e-12); // 10 x 1.03 x 3500 - 35000
    for (const char *key : {"swapFeesUsd", "slippageUsd", "flashPremiumUsd", "gasUsd", "interestPaidUsd",
                            "yieldEarnedUsd", "totalUsd"})
        QVERIFY2(costs[QLatin1String(key)].isDouble(), key);

    // Closed form: P = N((ln(1/HF) + 0.18)/0.6) + HF N((ln(1/HF) - 0.18)/0.6), HF = 1.3556835713188593.
    const QJsonObject risk = doc[QStringLiteral("risk")].toObject();
    QVERIFY(rel(risk[QStringLiteral("liquidationProbability")].toDouble(), 0.7023346848721423) < 1e-9);
    const QJsonObject mc = risk[QStringLiteral("monteCarlo")].toObject();
    QCOMPARE(mc[QStringLiteral("paths")].toInt(), 10000); // the documented default
    QCOMPARE(mc[QStringLiteral("seed")].toDouble(), 1.0);
    const double p = mc[QStringLiteral("probability")].toDouble();
    QVERIFY(mc[QStringLiteral("ci95Low")].toDouble() < p && p < mc[QStringLiteral("ci95High")].toDouble());
    QVERIFY(std::fabs(p - 0.7023346848721423) < 0.05);

    const QJsonArray stress = doc[QStringLiteral("stress")].toArray();
    QCOMPARE(stress.size(), 8);
    const QJsonObject shock = stress[1].toObject();
    QCOMPARE(shock[QStringLiteral("id")].toString(), QStringLiteral("priceShock-30"));
    QCOMPARE(shock[QStringLiteral("after")].toObject()[QStringLiteral("priceAUsd")].toDouble(), 3500.0 * 0.7);
    QVERIFY(rel(shock[QStringLiteral("before")].toObject()[QStringLiteral("healthFactor")].toDouble(),
                1.3556835713188593) < 1e-12);
}

void TestCli::reportMonteCarloOptionsAndReproducibility()
{
    const QStringList opts{QStringLiteral("--paths"), QStringLiteral("3000"), QStringLiteral("--seed"),
                           QStringLiteral("42")};
    const QJsonObject a =
        reportOf(opts)[QStringLiteral("risk")].toObject()[QStringLiteral("monteCarlo")].toObject();
    const QJsonObject b =
        reportOf(opts)[QStringLiteral("risk")].toObject()[QStringLiteral("monteCarlo")].toObject();
    QCOMPARE(a[QStringLiteral("paths")].toInt(), 3000);
    QCOMPARE(a[QStringLiteral("seed")].toDouble(), 42.0);
    QCOMPARE(a[QStringLiteral("probability")].toDouble(), b[QStringLiteral("probability")].toDouble());
    const QJsonObject other =
        reportOf({QStringLiteral("--paths"), QStringLiteral("3000"), QStringLiteral("--seed"),
                  QStringLiteral("43")})[QStringLiteral("risk")]
            .toObject()[QStringLiteral("monteCarlo")]
            .toObject();
    QVERIFY(other[QStringLiteral("probability")].toDouble() != a[QStringLiteral("probability")].toDouble());
}

void TestCli::reportCloseOptions()
{
    // Day 30 at $4000: C30 = C x 1.03103^(30/365), D30 = D x 1.025^(30/365); walk-away C30 x 4000 -
    // D30 x 3000 / k; holding 10 x 1.03^(30/365) x 4000 - 35000.
    const QJsonObject close =
        reportOf({QStringLiteral("--exit-day"), QStringLiteral("30"), QStringLiteral("--exit-price"),
                  QStringLiteral("4000"), QStringLiteral("--paths"),
                  QStringLiteral("100")})[QStringLiteral("close")]
            .toObject();
    const double t = 30.0 / 365.0;
    const double c30 = 24.344128915014817 * std::pow(1.001 * 1.03, t);
    const double d30 = 16.75994861045867 * std::pow(1.025, t);
    QCOMPARE(close[QStringLiteral("exitDay")].toInt(), 30);
    QCOMPARE(close[QStringLiteral("exitPriceUsd")].toDouble(), 4000.0);
    QVERIFY(rel(close[QStringLiteral("walkAwayUsd")].toDouble(), c30 * 4000 - d30 * 3000 / (0.9995 * 0.999)) <
            1e-11);
    QVERIFY(rel(close[QStringLiteral("holdPnlUsd")].toDouble(), 10 * std::pow(1.03, t) * 4000 - 35000) <
            1e-11);
}

void TestCli::reportOptionErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("paths zero") << QStringList{QStringLiteral("--paths"), QStringLiteral("0")}
                                << "--paths must be a whole number from 1 to 10000000 (got \"0\")";
    QTest::newRow("paths text") << QStringList{QStringLiteral("--paths"), QStringLiteral("many")}
                                << "--paths must be a whole number";
    QTest::newRow("seed negative") << QStringList{QStringLiteral("--seed"), QStringLiteral("-1")}
                                   << "--seed must be a whole number";
    QTest::newRow("exit day") << QStringList{QStringLiteral("--exit-day"), QStringLiteral("99999")}
                              << "--exit-day must be a whole number from 0 to 36500";
    QTest::newRow("exit price") << QStringList{QStringLiteral("--exit-price"), QStringLiteral("nan")}
                                << "--exit-price must be a number above 0";
}

void TestCli::reportOptionErrorsExitTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const Run r = run(QStringList{QStringLiteral("report"), data("wsteth-loop.json")} + args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestCli::reportTextHasTheOutlook()
{
    const Run r = run({QStringLiteral("report"), data("wsteth-loop.json"), QStringLiteral("--format"),
                       QStringLiteral("text"), QStringLiteral("--paths"), QStringLiteral("500")});
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY(text.contains(QStringLiteral("Days to liquidation      never")));
    QVERIFY(text.contains(QStringLiteral("Closing on day 365 at $3500.00 (sell to repay)")));
    QVERIFY(text.contains(QStringLiteral("Closed form              70.23 %")));
    QVERIFY(text.contains(QStringLiteral("500 paths, seed 1")));
    QVERIFY(text.contains(QStringLiteral("Stress (instant, at today's prices)")));
}

void TestCli::exportCsvValuesReadBackWithPython()
{
    // The values an independent reader sees are the report's, to the last bit (shortest round-trip
    // numbers on both sides): the loops table's final row, the prices table's first and last prices and
    // the summary's leverage.
    const QString plan = data("wsteth-loop.json");
    const Run report = run({QStringLiteral("report"), plan});
    QCOMPARE(report.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(report.out).object();
    const QJsonObject position = json[QStringLiteral("position")].toObject();
    const QJsonObject sweep = json[QStringLiteral("sweep")].toObject();

    const Run loops =
        run({QStringLiteral("export-csv"), plan, QStringLiteral("--table"), QStringLiteral("loops")});
    QCOMPARE(loops.exitCode, 0);
    const QStringList last = python(QStringLiteral(R"(
import csv, io, sys
rows = list(csv.DictReader(io.StringIO(sys.stdin.buffer.read().decode('utf-8'), newline='')))
r = rows[-1]
print(len(rows), r['step'], repr(float(r['collateral_units'])), repr(float(r['debt_units'])))
)"),
                                    loops.out)
                                 .split(QLatin1Char(' '));
    QCOMPARE(last.value(0), QStringLiteral("4"));
    QCOMPARE(last.value(1), QStringLiteral("3"));
    QCOMPARE(last.value(2).toDouble(), position[QStringLiteral("collateral")].toDouble());
    QCOMPARE(last.value(3).toDouble(), position[QStringLiteral("debt")].toDouble());

    const Run prices =
        run({QStringLiteral("export-csv"), plan, QStringLiteral("--table"), QStringLiteral("prices")});
    QCOMPARE(prices.exitCode, 0);
    const QStringList ends = python(QStringLiteral(R"(
import csv, io, sys
rows = list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode('utf-8'), newline='')))
body = [[float(c) for c in r] for r in rows[1:]]
assert all(a[0] < b[0] for a, b in zip(body, body[1:])), 'prices not ascending'
print(len(body), repr(body[0][0]), repr(body[-1][0]), rows[0][0])
)"),
                                    prices.out)
                                 .split(QLatin1Char(' '));
    QCOMPARE(ends.value(0), QStringLiteral("2001"));
    QCOMPARE(ends.value(1).toDouble(), sweep[QStringLiteral("minPriceUsd")].toDouble());
    QCOMPARE(ends.value(2).toDouble(), sweep[QStringLiteral("maxPriceUsd")].toDouble());
    QCOMPARE(ends.value(3), QStringLiteral("price_usd"));

    const Run summary =
        run({QStringLiteral("export-csv"), plan, QStringLiteral("--table"), QStringLiteral("summary")});
    QCOMPARE(summary.exitCode, 0);
    const QString leverage = python(QStringLiteral(R"(
import csv, io, sys
rows = dict(r for r in csv.reader(io.StringIO(sys.stdin.buffer.read().decode('utf-8'), newline='')))
print(repr(float(rows['leverage'])))
)"),
                                    summary.out);
    QCOMPARE(leverage.toDouble(), position[QStringLiteral("leverage")].toDouble());
}

void TestCli::exportCsvIgnoresAGermanLocale()
{
    // A German UI locale writes 1.234,5; the CSV must not change a byte.
    const QString plan = data("wsteth-loop.json");
    for (const QString &table : {QStringLiteral("prices"), QStringLiteral("summary")}) {
        const Run c = run({QStringLiteral("export-csv"), plan, QStringLiteral("--table"), table}, {},
                          {QStringLiteral("LC_ALL=C.UTF-8"), QStringLiteral("LANG=C.UTF-8")});
        const Run de = run({QStringLiteral("export-csv"), plan, QStringLiteral("--table"), table}, {},
                           {QStringLiteral("LC_ALL=de_DE.UTF-8"), QStringLiteral("LANG=de_DE.UTF-8"),
                            QStringLiteral("LC_NUMERIC=de_DE.UTF-8")});
        QCOMPARE(de.exitCode, 0);
        QCOMPARE(de.out, c.out);
        QVERIFY(de.out.contains(table == QLatin1String("prices") ? "\r\n175," : "\r\ndeposit_units,10\r\n"));
        QVERIFY(!de.out.contains("3.500,")); // no German thousands or decimals
    }
}

void TestCli::renderWritesPngAndPdf_data()
{
    QTest::addColumn<QString>("chart");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("size"); // empty: the default
    QTest::addColumn<QSize>("expected");
    QTest::newRow("pnl png default size") << "pnl"
                                          << "pnl.png"
                                          << "" << QSize(1200, 800);
    QTest::newRow("health png 640x360") << "health"
                                        << "health.png"
                                        << "640x360" << QSize(640, 360);
    QTest::newRow("loops png 500x900") << "loops"
                                       << "loops.PNG"
                                       << "500x900" << QSize(500, 900);
    QTest::newRow("pnl pdf") << "pnl"
                             << "pnl.pdf"
                             << "800x600" << QSize(800, 600);
    QTest::newRow("loops pdf default") << "loops"
                                       << "loops.pdf"
                                       << "" << QSize(1200, 800);
}

void TestCli::renderWritesPngAndPdf()
{
    QFETCH(QString, chart);
    QFETCH(QString, file);
    QFETCH(QString, size);
    QFETCH(QSize, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(file);
    QStringList args{QStringLiteral("render"),  data("wsteth-loop.json"),
                     QStringLiteral("--chart"), chart,
                     QStringLiteral("-o"),      path};
    if (!size.isEmpty())
        args << QStringLiteral("--size") << size;
    const Run r = run(args); // no DISPLAY, no QT_QPA_PLATFORM: the command picks offscreen itself
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    const QByteArray bytes = readFile(path);
    if (file.endsWith(QLatin1String(".pdf"))) {
        QVERIFY(bytes.startsWith("%PDF-"));
        // One page of exactly that many points.
        const QRegularExpression box(QStringLiteral("/MediaBox \\[0 0 %1(\\.0+)? %2(\\.0+)?\\]")
                                         .arg(expected.width())
                                         .arg(expected.height()));
        QVERIFY(box.match(QString::fromLatin1(bytes)).hasMatch());
    } else {
        // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit numbers at 16 and 20.
        QVERIFY(bytes.startsWith("\x89PNG\r\n\x1a\n"));
        QCOMPARE(bytes.mid(12, 4), QByteArray("IHDR"));
        const auto be32 = [&](int at) {
            return (uchar(bytes[at]) << 24) | (uchar(bytes[at + 1]) << 16) | (uchar(bytes[at + 2]) << 8) |
                   uchar(bytes[at + 3]);
        };
        QCOMPARE(QSize(be32(16), be32(20)), expected);
    }
}

void TestCli::renderBadArgumentsExitTwoAndWriteNothing_data()
{
    QTest::addColumn<QStringList>("args"); // OUT stands for the output file, which exists beforehand
    QTest::addColumn<QString>("message");
    const QString plan = data("wsteth-loop.json");
    const QString r = QStringLiteral("render");
    const QString o = QStringLiteral("-o");
    const QString out = QStringLiteral("OUT");
    const QString chart = QStringLiteral("--chart");
    QTest::newRow("no chart") << QStringList{r, plan, o, out} << "--chart is required";
    QTest::newRow("unknown chart") << QStringList{r, plan, chart, QStringLiteral("close"), o, out}
                                   << "--chart must be one of pnl, health, loops, time, risk (got \"close\")";
    QTest::newRow("no output") << QStringList{r, plan, chart, QStringLiteral("pnl")}
                               << "-o FILE.png or FILE.pdf";
    QTest::newRow("svg output") << QStringList{r,     plan,
                                               chart, QStringLiteral("pnl"),
                                               o,     QStringLiteral("x.svg")}
                                << "-o must name a .png or .pdf file";
    QTest::newRow("size too small") << QStringList{r,
                                                   plan,
                                                   chart,
                                                   QStringLiteral("pnl"),
                                                   o,
                                                   out,
                                                   QStringLiteral("--size"),
                                                   QStringLiteral("10x10")}
                                    << "--size must be WxH";
    QTest::newRow("size words") << QStringList{r,
                                               plan,
                                               chart,
                                               QStringLiteral("pnl"),
                                               o,
                                               out,
                                               QStringLiteral("--size"),
                                               QStringLiteral("large")}
                                << "--size must be WxH";
    QTest::newRow("no plan") << QStringList{r, chart, QStringLiteral("pnl"), o, out}
                             << "expected one plan file, got 0";
    QTest::newRow("bad plan") << QStringList{r,     data("bad-ltv-above-lt.json"),
                                             chart, QStringLiteral("loops"),
                                             o,     out}
                              << "collateral.liquidationThreshold";
    QTest::newRow("truncated plan") << QStringList{r,     data("bad-truncated.json"),
                                                   chart, QStringLiteral("pnl"),
                                                   o,     out}
                                    << "not valid JSON";
    QTest::newRow("unknown option")
        << QStringList{r, plan, chart, QStringLiteral("pnl"), o, out, QStringLiteral("--dpi=300")}
        << "Unknown option 'dpi'";
}

void TestCli::renderBadArgumentsExitTwoAndWriteNothing()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("chart.png"));
    QFile f(out);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("keep");
    f.close();
    args.replaceInStrings(QRegularExpression(QStringLiteral("^OUT$")), out);
    const Run r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(readFile(out), QByteArray("keep"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("chart.png")});
}

void TestCli::renderWriteFailureExitsOne()
{
    const Run r =
        run({QStringLiteral("render"), data("wsteth-loop.json"), QStringLiteral("--chart"),
             QStringLiteral("pnl"), QStringLiteral("-o"), QStringLiteral("/nonexistent-dir/c.png")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("could not write /nonexistent-dir/c.png")), qPrintable(r.err));
    const Run help = run({QStringLiteral("--help")});
    QVERIFY(help.out.contains("render PLAN --chart pnl|health|loops|time|risk"));
    const Run renderHelp = run({QStringLiteral("render"), QStringLiteral("--help")});
    QCOMPARE(renderHelp.exitCode, 0);
    QVERIFY(renderHelp.out.contains("--size"));
}

void TestCli::backtestReplaysAKnownLiquidation()
{
    // tests/data/backtest-plan.json: 10 A at $100, B at $1, one loop at 75 %: C = 17.5, D = 750. The
    // prices 100, 90, 70, 55 keep HF >= 1.0267; on 2024-01-05 at $52 HF = 17.5 x 52 x 0.8 / 750 = 0.97067
    // (close factor 50 %): repaid 375, seized 375 x 1.05 / 52 = 7.572115384615385 A, penalty
    // 7.572115 x 52 - 375 = 18.75. At $80 on the last day: equity (17.5 - 7.572115) x 80 - 375 =
    // 419.2307692307692, P&L 419.23 - 1000 = -580.7692307692308; holding 10 A: 800 - 1000 = -200.
    const Run r =
        run({QStringLiteral("backtest"), data("backtest-plan.json"), data("backtest-liquidation.csv")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.err.isEmpty());
    const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(doc[QStringLiteral("days")].toInt(), 7);
    const QJsonArray liquidations = doc[QStringLiteral("liquidations")].toArray();
    QCOMPARE(liquidations.size(), 1);
    const QJsonObject l = liquidations.at(0).toObject();
    QCOMPARE(l[QStringLiteral("date")].toString(), QStringLiteral("2024-01-05"));
    QCOMPARE(l[QStringLiteral("priceUsd")].toDouble(), 52.0);
    QCOMPARE(l[QStringLiteral("closeFactor")].toDouble(), 0.5);
    QVERIFY(rel(l[QStringLiteral("debtRepaid")].toDouble(), 375.0) < 1e-12);
    QVERIFY(rel(l[QStringLiteral("collateralSeized")].toDouble(), 7.572115384615385) < 1e-12);
    QVERIFY(rel(l[QStringLiteral("penaltyUsd")].toDouble(), 18.75) < 1e-9);
    QVERIFY(rel(doc[QStringLiteral("pnlUsd")].toDouble(), -580.7692307692308) < 1e-12);
    QVERIFY(rel(doc[QStringLiteral("holdPnlUsd")].toDouble(), -200.0) < 1e-12);

    const Run text =
        run({QStringLiteral("backtest"), data("backtest-plan.json"), data("backtest-liquidation.csv"),
             QStringLiteral("--format"), QStringLiteral("text")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("2024-01-05 at $52.00: repaid 375.000000 B"), text.out.constData());
}

void TestCli::backtestBadInputExitsTwo()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString bad = dir.filePath(QStringLiteral("bad.csv"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("date,price\n2024-01-01,100\n2024-01-02,-5\n");
    f.close();
    const Run r = run({QStringLiteral("backtest"), data("backtest-plan.json"), bad});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("line 3")), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(run({QStringLiteral("backtest"), data("backtest-plan.json")}).exitCode, 2);
    QCOMPARE(run({QStringLiteral("backtest"), data("backtest-plan.json"),
                  dir.filePath(QStringLiteral("none.csv"))})
                 .exitCode,
             2);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
