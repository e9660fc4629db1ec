// `liquidate` against the real Aave v3.0 contracts on a local anvil node (aave-node.mjs, its own node so
// that changing the WETH price disturbs no other test): a WETH/USDC loop at three prices, one that allows a
// 50 % call, one a 100 % call and one that leaves bad debt. The first call the command prints equals one
// maximal liquidationCall's repaid debt and seized collateral to 1e-9 (aave-liquidate.mjs).
#include "localnode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(120000))
        process.kill();
    return {process.exitCode(), process.readAllStandardOutput(),
            QString::fromUtf8(process.readAllStandardError())};
}

// A WETH/USDC loop on the node's market: its oracle prices (8 decimals), WETH's LTV 80.5 %, threshold 83 %,
// bonus 5 % and protocol fee 10 % of the bonus, the v3.0 rules, one loop at 90 % of the LTV, no costs. It
// opens 17.245 WETH against 14,489.4 USDC: HF 1.9756, liquidation price $1,012.41.
const char *kPlan = R"({
  "format": "leverage-planner-plan", "version": 1, "name": "WETH/USDC on the local Aave v3.0 market",
  "collateral": {"symbol": "WETH", "priceUsd": 2000.12345678, "ltv": 0.805, "liquidationThreshold": 0.83,
                 "liquidationBonus": 0.05},
  "borrow": {"symbol": "USDC", "priceUsd": 1.0001, "priceModel": "fixed"},
  "deposit": 10,
  "strategy": {"mode": "loops", "loops": 1, "ltvFraction": 0.9},
  "execution": "loop",
  "liquidationRules": "aave-v3.0"
})";

bool near(double a, double b, double rel)
{
    return std::abs(a - b) <= rel * std::max(std::abs(a), std::abs(b));
}

} // namespace

class TestLiquidateCommand : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void matchesOneLiquidationCall_data();
    void matchesOneLiquidationCall();

private:
    LocalNode m_node;
    QTemporaryDir m_dir;
    QString m_planPath;
};

void TestLiquidateCommand::initTestCase()
{
    m_node = LocalNode::load();
    if (!m_node.skipReason.isEmpty())
        QSKIP(qPrintable(m_node.skipReason));
    QVERIFY(m_dir.isValid());
    m_planPath = m_dir.filePath(QStringLiteral("plan.json"));
    QFile file(m_planPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kPlan);
}

void TestLiquidateCommand::matchesOneLiquidationCall_data()
{
    QTest::addColumn<qint64>("price8"); // WETH's new oracle answer, 8 decimals
    QTest::addColumn<double>("closeFactor");
    QTest::addColumn<bool>("badDebt");
    QTest::newRow("HF 0.978: 50 % call") << qint64{99000000000} << 0.5 << false;
    QTest::newRow("HF 0.889: 100 % call") << qint64{90000000000} << 1.0 << false;
    QTest::newRow("collateral short: bad debt") << qint64{85012345678} << 1.0 << true;
}

void TestLiquidateCommand::matchesOneLiquidationCall()
{
    QFETCH(qint64, price8);
    QFETCH(double, closeFactor);
    QFETCH(bool, badDebt);
    const QString price = QString::number(static_cast<double>(price8) / 1e8, 'f', 8);
    const Run app = run(QStringLiteral(LP_APP_PATH),
                        {QStringLiteral("liquidate"), m_planPath, QStringLiteral("--price"), price});
    QVERIFY2(app.exitCode == 0, qPrintable(app.err));
    const QJsonObject out = QJsonDocument::fromJson(app.out).object();
    const QJsonObject before = out.value(QStringLiteral("before")).toObject();
    const double c = before.value(QStringLiteral("collateral")).toDouble();
    const double d = before.value(QStringLiteral("debt")).toDouble();
    const QJsonArray calls = out.value(QStringLiteral("calls")).toArray();
    QVERIFY(!calls.isEmpty());
    const QJsonObject call = calls.first().toObject();
    QCOMPARE(call.value(QStringLiteral("closeFactor")).toDouble(), closeFactor);

    // The same position on the chain: the amounts rounded to the tokens' units (18 and 6 decimals).
    const Run chain = run(QStringLiteral(LP_NODE_PATH),
                          {QStringLiteral(LP_LIQUIDATE_SCRIPT), QStringLiteral(LP_CHAIN_NODE_STATE),
                           QString::number(c, 'f', 18), QString::number(d, 'f', 6), QString::number(price8)});
    QVERIFY2(chain.exitCode == 0, qPrintable(chain.err));
    const QJsonObject onChain = QJsonDocument::fromJson(chain.out).object();
    const auto num = [&onChain](const char *key) {
        return onChain.value(QLatin1String(key)).toString().toDouble();
    };

    const double repaid = call.value(QStringLiteral("debtRepaid")).toDouble();
    const double seized = call.value(QStringLiteral("collateralSeized")).toDouble();
    QVERIFY2(near(repaid, num("repaidDebt"), 1e-9), qPrintable(QStringLiteral("repaid %1, chain %2")
                                                                   .arg(repaid, 0, 'g', 17)
                                                                   .arg(num("repaidDebt"), 0, 'g', 17)));
    QVERIFY2(near(seized, num("seizedCollateral"), 1e-9),
             qPrintable(QStringLiteral("seized %1, chain %2")
                            .arg(seized, 0, 'g', 17)
                            .arg(num("seizedCollateral"), 0, 'g', 17)));
    QVERIFY(near(repaid, num("eventDebt"), 1e-9));
    // The protocol fee is the part of the seized collateral the liquidator did not get.
    QVERIFY(near(call.value(QStringLiteral("protocolFeeCollateral")).toDouble(),
                 num("seizedCollateral") - num("eventCollateral"), 1e-6));
    if (badDebt) {
        // v3.0: all collateral goes (to a wei of rounding) and the rest of the debt stays on the account.
        QVERIFY(num("collateralAfter") < 1e-15);
        // What is left is a difference: to 1e-9 of the debt (the chain's debt is rounded to 1e-6 USDC).
        QVERIFY(std::abs(out.value(QStringLiteral("badDebt")).toDouble() - num("debtAfter")) <= 1e-9 * d);
    } else {
        QCOMPARE(out.value(QStringLiteral("badDebt")).toDouble(), 0.0);
        QVERIFY(std::abs(d - repaid - num("debtAfter")) <= 1e-9 * d);
    }
}

QTEST_GUILESS_MAIN(TestLiquidateCommand)
#include "tst_liquidatecommand.moc"
