// `liquidate`: the calls at a gap and along a falling path on tests/data/backtest-plan.json, the plan's own
// rule set overriding the default, and bad input.
#include "clitestutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace clitest;

namespace {
bool near(double a, double b, double rel)
{
    return std::abs(a - b) <= rel * std::max(std::abs(a), std::abs(b));
}
QJsonObject liquidate(const QStringList &extra, const QString &plan = data("backtest-plan.json"))
{
    const Run r = run(QStringList{QStringLiteral("liquidate"), plan} + extra);
    if (r.exitCode != 0)
        qWarning("%s", qPrintable(r.err));
    return QJsonDocument::fromJson(r.out).object();
}
} // namespace

class TestCliLiquidate : public QObject {
    Q_OBJECT
private slots:
    void gapToAHalfCall();
    void gapPastTheCollateralLeavesBadDebt();
    void pathCallsAtTheLiquidationPrice();
    void planRuleSetOverridesTheDefault();
    void textNamesTheRuleSet();
    void badInputExitsTwo();
};

void TestCliLiquidate::gapToAHalfCall()
{
    // backtest-plan.json opens C = 17.5 A against D = 750 B (lt 0.8, bonus 5 %, aave-v3.0). At $52 HF =
    // 17.5 x 52 x 0.8 / 750 = 0.97067 > 0.95: 50 %. Repaid 375, seized 375 x 1.05 / 52 = 7.5721153846 A,
    // bonus $18.75, protocol fee 10 % of the bonus part = 7.5721153846 x 0.05 / 1.05 x 0.1 = 0.0360576923 A.
    // After: HF = 9.9278846 x 52 x 0.8 / 375 = 1.10134, so no second call; equity 9.9278846 x 52 - 375 =
    // 141.25.
    const QJsonObject doc = liquidate({QStringLiteral("--price"), QStringLiteral("52")});
    QCOMPARE(doc[QStringLiteral("liquidationRules")].toString(), QStringLiteral("aave-v3.0"));
    QCOMPARE(doc[QStringLiteral("mode")].toString(), QStringLiteral("gap"));
    const QJsonArray calls = doc[QStringLiteral("calls")].toArray();
    QCOMPARE(calls.size(), 1);
    const QJsonObject c = calls[0].toObject();
    QVERIFY(near(c[QStringLiteral("healthFactorBefore")].toDouble(), 17.5 * 52 * 0.8 / 750, 1e-12));
    QCOMPARE(c[QStringLiteral("closeFactor")].toDouble(), 0.5);
    QVERIFY(near(c[QStringLiteral("debtRepaid")].toDouble(), 375.0, 1e-12));
    QVERIFY(near(c[QStringLiteral("collateralSeized")].toDouble(), 375 * 1.05 / 52, 1e-12));
    QVERIFY(near(c[QStringLiteral("bonusUsd")].toDouble(), 18.75, 1e-9));
    QVERIFY(near(c[QStringLiteral("protocolFeeCollateral")].toDouble(), 375 * 1.05 / 52 * 0.05 / 1.05 * 0.1,
                 1e-9));
    QVERIFY(near(c[QStringLiteral("healthFactorAfter")].toDouble(), (17.5 - 375 * 1.05 / 52) * 52 * 0.8 / 375,
                 1e-12));
    const QJsonObject after = doc[QStringLiteral("after")].toObject();
    QVERIFY(near(after[QStringLiteral("collateral")].toDouble(), 17.5 - 375 * 1.05 / 52, 1e-12));
    QVERIFY(near(after[QStringLiteral("debt")].toDouble(), 375.0, 1e-12));
    QVERIFY(near(after[QStringLiteral("equityUsd")].toDouble(), 141.25, 1e-9));
    QCOMPARE(doc[QStringLiteral("badDebt")].toDouble(), 0.0);
}

void TestCliLiquidate::gapPastTheCollateralLeavesBadDebt()
{
    // At $40 HF = 0.7467 < 0.95: 100 %, but 750 x 1.05 / 40 = 19.6875 A > 17.5 A: all of it goes for
    // 17.5 x 40 / 1.05 = 666.67 B, and under aave-v3.0 the 83.33 B left stay as bad debt.
    const QJsonObject doc = liquidate({QStringLiteral("--price"), QStringLiteral("40")});
    const QJsonArray calls = doc[QStringLiteral("calls")].toArray();
    QCOMPARE(calls.size(), 1);
    QVERIFY(near(calls[0].toObject()[QStringLiteral("debtRepaid")].toDouble(), 17.5 * 40 / 1.05, 1e-12));
    QCOMPARE(doc[QStringLiteral("after")].toObject()[QStringLiteral("collateral")].toDouble(), 0.0);
    QVERIFY(near(doc[QStringLiteral("badDebt")].toDouble(), 750 - 17.5 * 40 / 1.05, 1e-12));
}

void TestCliLiquidate::pathCallsAtTheLiquidationPrice()
{
    // Falling to $52: the first call is at the liquidation price 750 / (17.5 x 0.8) = 53.5714 with HF 1
    // (50 %: seized 375 x 1.05 / 53.5714 = 7.35 A); the next liquidation price, 375 / (10.15 x 0.8) = 46.18,
    // is below $52.
    const QJsonObject doc =
        liquidate({QStringLiteral("--price"), QStringLiteral("52"), QStringLiteral("--path")});
    QCOMPARE(doc[QStringLiteral("mode")].toString(), QStringLiteral("path"));
    const QJsonArray calls = doc[QStringLiteral("calls")].toArray();
    QCOMPARE(calls.size(), 1);
    const QJsonObject c = calls[0].toObject();
    QVERIFY(near(c[QStringLiteral("priceUsd")].toDouble(), 750 / (17.5 * 0.8), 1e-12));
    QCOMPARE(c[QStringLiteral("healthFactorBefore")].toDouble(), 1.0);
    QVERIFY(near(c[QStringLiteral("collateralSeized")].toDouble(), 7.35, 1e-12));
    QVERIFY(
        near(doc[QStringLiteral("after")].toObject()[QStringLiteral("collateral")].toDouble(), 10.15, 1e-12));
}

void TestCliLiquidate::planRuleSetOverridesTheDefault()
{
    // The same plan under morpho-blue (LLTV 0.8): at $52 LTV = 750 / 910 = 0.824 > 0.8, all of the debt is
    // repaid with the incentive 1 / (0.3 x 0.8 + 0.7) = 1.0638298: seized 750 x 1.0638298 / 52 = 15.3437 A.
    QTemporaryDir dir;
    QFile in(data("backtest-plan.json"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QJsonObject plan = QJsonDocument::fromJson(in.readAll()).object();
    plan[QStringLiteral("liquidationRules")] = QStringLiteral("morpho-blue");
    const QString path = dir.filePath(QStringLiteral("morpho.json"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(plan).toJson());
    out.close();
    const QJsonObject doc = liquidate({QStringLiteral("--price"), QStringLiteral("52")}, path);
    QCOMPARE(doc[QStringLiteral("liquidationRules")].toString(), QStringLiteral("morpho-blue"));
    const QJsonObject c = doc[QStringLiteral("calls")].toArray()[0].toObject();
    QCOMPARE(c[QStringLiteral("closeFactor")].toDouble(), 1.0);
    QVERIFY(near(c[QStringLiteral("collateralSeized")].toDouble(), 750 / 0.94 / 52, 1e-12));
    QCOMPARE(c[QStringLiteral("protocolFeeCollateral")].toDouble(), 0.0);
    QCOMPARE(doc[QStringLiteral("after")].toObject()[QStringLiteral("debt")].toDouble(), 0.0);
}

void TestCliLiquidate::textNamesTheRuleSet()
{
    const Run r = run({QStringLiteral("liquidate"), data("backtest-plan.json"), QStringLiteral("--price"),
                       QStringLiteral("52"), QStringLiteral("--format"), QStringLiteral("text")});
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY2(text.startsWith(QStringLiteral("Liquidation under aave-v3.0")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("call 1 at $52.00")), qPrintable(text));
    // Above the liquidation price nothing is allowed.
    const Run none = run({QStringLiteral("liquidate"), data("backtest-plan.json"), QStringLiteral("--price"),
                          QStringLiteral("90"), QStringLiteral("--format"), QStringLiteral("text")});
    QCOMPARE(none.exitCode, 0);
    QVERIFY(QString::fromUtf8(none.out).contains(QStringLiteral("no liquidation call is allowed")));
}

void TestCliLiquidate::badInputExitsTwo()
{
    const QString plan = data("backtest-plan.json");
    for (const QStringList &args :
         {QStringList{QStringLiteral("liquidate"), plan},
          QStringList{QStringLiteral("liquidate"), plan, QStringLiteral("--price"), QStringLiteral("0")},
          QStringList{QStringLiteral("liquidate"), plan, QStringLiteral("--price"), QStringLiteral("abc")},
          QStringList{QStringLiteral("liquidate"), plan, QStringLiteral("--price"), QStringLiteral("52"),
                      QStringLiteral("--format"), QStringLiteral("xml")},
          QStringList{QStringLiteral("liquidate"), data("no-such-plan.json"), QStringLiteral("--price"),
                      QStringLiteral("52")}}) {
        const Run r = run(args);
        QVERIFY2(r.exitCode == 2, qPrintable(args.join(QLatin1Char(' '))));
        QVERIFY(r.out.isEmpty());
    }
    const Run r = run({QStringLiteral("liquidate"), plan, QStringLiteral("--price"), QStringLiteral("-5")});
    QCOMPARE(r.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCliLiquidate)
#include "tst_cli_liquidate.moc"
