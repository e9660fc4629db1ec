#include "aavev3position.h"
#include "abi.h"
#include "positionnode.h"

#include <QJsonArray>
#include <QtTest>

#include <cmath>

using namespace lp;
using namespace lp::chain;
using namespace lp::chain::test;

namespace {

const AbiFunction kBalanceOf(u"balanceOf(address)", u"uint256");

} // namespace

class TestAaveV3Position : public QObject {
    Q_OBJECT

private:
    LocalNode m_node;
    QString m_pool;
    std::unique_ptr<JsonRpcClient> m_client;

    FetchedPosition fetch(const QString &name)
    {
        const QString user = m_node.state.value(QStringLiteral("positions"))
                                 .toObject()
                                 .value(name)
                                 .toObject()
                                 .value(QStringLiteral("address"))
                                 .toString();
        Expected<FetchedPosition> p = fetchAaveV3Position(
            *m_client, m_node.state.value(QStringLiteral("poolAddressesProvider")).toString(), user);
        if (!p)
            qFatal("fetch %s: %s", qPrintable(name), qPrintable(formatErrors(p.errors())));
        return p.value();
    }

private slots:
    void initTestCase()
    {
        m_node = LocalNode::load();
        if (!m_node.skipReason.isEmpty())
            QSKIP(qPrintable(m_node.skipReason));
        m_client =
            std::make_unique<JsonRpcClient>(QUrl(m_node.state.value(QStringLiteral("rpc")).toString()));
        m_pool = m_node.state.value(QStringLiteral("pool")).toString();
    }

    void matchesThePool_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("collaterals");
        QTest::addColumn<QStringList>("debts");
        QTest::addColumn<int>("eMode");
        QTest::newRow("one pair") << QStringLiteral("onePair") << QStringList{QStringLiteral("WETH")}
                                  << QStringList{QStringLiteral("USDC")} << 0;
        QTest::newRow("e-mode pair") << QStringLiteral("eModePair") << QStringList{QStringLiteral("USDC")}
                                     << QStringList{QStringLiteral("DAI")} << 1;
        QTest::newRow("two collaterals")
            << QStringLiteral("twoCollaterals") << QStringList{QStringLiteral("WETH"), QStringLiteral("WBTC")}
            << QStringList{QStringLiteral("USDC")} << 0;
        QTest::newRow("two debts") << QStringLiteral("twoDebts") << QStringList{QStringLiteral("WETH")}
                                   << QStringList{QStringLiteral("USDC"), QStringLiteral("WBTC")} << 0;
        QTest::newRow("no debt") << QStringLiteral("noDebt") << QStringList{QStringLiteral("WETH")}
                                 << QStringList{} << 0;
    }

    // The health factor as the pool computes it to 1e-9, and every balance exactly as the aToken and debt
    // tokens report it at the same block.
    void matchesThePool()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, collaterals);
        QFETCH(QStringList, debts);
        QFETCH(int, eMode);
        const FetchedPosition p = fetch(name);
        QCOMPARE(p.chainId, 31337);
        QCOMPARE(p.poolAddress, m_pool);
        QCOMPARE(p.account.eModeCategory, eMode);
        const AccountFigures f = accountFigures(p.account);
        if (debts.isEmpty()) {
            QVERIFY(std::isinf(f.healthFactor));
            QVERIFY(std::isinf(p.pool.healthFactor));
        } else {
            QVERIFY2(std::abs(f.healthFactor / p.pool.healthFactor - 1.0) < 1e-9,
                     qPrintable(QStringLiteral("app %1, pool %2")
                                    .arg(f.healthFactor, 0, 'g', 17)
                                    .arg(p.pool.healthFactor, 0, 'g', 17)));
        }
        QVERIFY(std::abs(f.totalCollateralUsd - p.pool.totalCollateralUsd) < 1e-6);
        QVERIFY(std::abs(f.totalDebtUsd - p.pool.totalDebtUsd) < 1e-6);
        QVERIFY(std::abs(f.liquidationThreshold - p.pool.liquidationThreshold) < 1e-12);
        QVERIFY(std::abs(f.ltv - p.pool.ltv) < 1e-12);
        QStringList held;
        const QString block = QStringLiteral("0x%1").arg(p.blockNumber, 0, 16);
        for (qsizetype i = 0; i < p.reserves.size(); ++i) {
            const PositionReserve &r = p.reserves[i];
            held << r.symbol;
            const QJsonObject s = reserveState(m_node.state, r.symbol);
            const QList<AbiValue> user{*AbiValue::address(p.user)};
            QCOMPARE(r.collateralUnits,
                     call(*m_client, s.value(QStringLiteral("aToken")).toString(), kBalanceOf, user, block)[0]
                         .word);
            QCOMPARE(r.debtUnits, call(*m_client, s.value(QStringLiteral("variableDebtToken")).toString(),
                                       kBalanceOf, user, block)[0]
                                      .word);
            QCOMPARE(r.collateralUnits.isZero(), !collaterals.contains(r.symbol));
            QCOMPARE(r.debtUnits.isZero(), !debts.contains(r.symbol));
            QCOMPARE(p.account.assets[i].collateral, r.collateralUnits.toDouble(r.decimals));
        }
        QCOMPARE(held.size(), QSet<QString>(collaterals.begin(), collaterals.end())
                                  .unite(QSet<QString>(debts.begin(), debts.end()))
                                  .size());
        if (eMode == 1) {
            QCOMPARE(p.account.eModeLabel, QStringLiteral("Stablecoins"));
            QCOMPARE(p.account.assets[p.account.indexOf(QStringLiteral("USDC"))].liquidationThreshold, 0.95);
        }
    }

    // Each asset's liquidation price, set on the node through its price feed, brings the pool's own health
    // factor to 1 within 1e-6 (the feed keeps 8 decimals); the feed is then restored.
    void liquidationPricesOnChain_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *n : {"onePair", "eModePair", "twoCollaterals", "twoDebts"})
            QTest::newRow(n) << QString::fromLatin1(n);
    }

    void liquidationPricesOnChain()
    {
        QFETCH(QString, name);
        // A fresh block first: interest accrues with the block time, so the account is read as of now,
        // not as of the last block (which can be minutes old on an idle node).
        rpc(*m_client, QStringLiteral("evm_mine"));
        const FetchedPosition p = fetch(name);
        int applied = 0;
        for (const AccountLiquidationPrice &l : liquidationPrices(p.account)) {
            if (l.direction == AccountLiquidationPrice::Direction::Never)
                continue;
            const QJsonObject s = reserveState(m_node.state, l.name);
            const QString aggregator = s.value(QStringLiteral("aggregator")).toString();
            setFeed(*m_client, aggregator, l.priceUsd);
            const double hf = poolHealthFactor(*m_client, m_pool, p.user);
            setFeedUnits(*m_client, aggregator, s.value(QStringLiteral("price")).toString());
            QVERIFY2(std::abs(hf - 1.0) < 1e-6, qPrintable(QStringLiteral("%1 at %2: pool HF %3")
                                                               .arg(l.name)
                                                               .arg(l.priceUsd, 0, 'g', 12)
                                                               .arg(hf, 0, 'g', 12)));
            ++applied;
        }
        QVERIFY(applied >= 2);
        QVERIFY(
            std::abs(poolHealthFactor(*m_client, m_pool, p.user) / accountFigures(p.account).healthFactor -
                     1.0) < 1e-6);
    }

    // A group's joint factor, applied to every member's feed at once, brings the pool's health factor to 1
    // within 1e-6: WETH and WBTC as two collaterals, and as a collateral and a debt (twoDebts: the factor
    // cancels partly).
    void groupFactorOnChain_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *n : {"twoCollaterals", "twoDebts"})
            QTest::newRow(n) << QString::fromLatin1(n);
    }

    void groupFactorOnChain()
    {
        QFETCH(QString, name);
        rpc(*m_client, QStringLiteral("evm_mine"));
        const FetchedPosition p = fetch(name);
        const QStringList group{QStringLiteral("WETH"), QStringLiteral("WBTC")};
        const AccountLiquidationPrice l = liquidationPriceOf(p.account, group, QStringLiteral("WETH+WBTC"));
        QCOMPARE(l.direction, AccountLiquidationPrice::Direction::Falls);
        for (const QString &symbol : group)
            setFeed(*m_client,
                    reserveState(m_node.state, symbol).value(QStringLiteral("aggregator")).toString(),
                    p.account.assets[p.account.indexOf(symbol)].priceUsd * l.factor);
        const double hf = poolHealthFactor(*m_client, m_pool, p.user);
        for (const QString &symbol : group) {
            const QJsonObject s = reserveState(m_node.state, symbol);
            setFeedUnits(*m_client, s.value(QStringLiteral("aggregator")).toString(),
                         s.value(QStringLiteral("price")).toString());
        }
        QVERIFY2(std::abs(hf - 1.0) < 1e-6,
                 qPrintable(
                     QStringLiteral("factor %1: pool HF %2").arg(l.factor, 0, 'g', 12).arg(hf, 0, 'g', 12)));
    }

    void refusesABadAddress()
    {
        const Expected<FetchedPosition> p = fetchAaveV3Position(
            *m_client, m_node.state.value(QStringLiteral("poolAddressesProvider")).toString(),
            QStringLiteral("0x12"));
        QVERIFY(!p);
        QCOMPARE(p.errors().first().field, QStringLiteral("address"));
    }
};

QTEST_GUILESS_MAIN(TestAaveV3Position)
#include "tst_aavev3position.moc"
