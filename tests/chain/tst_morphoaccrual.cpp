// Morpho Blue's interest since a market's last update (morphoAccrued): the totals Morpho stores are those
// of its last action; a read at a later block accrues them as Morpho's _accrueInterest does, so that the
// totals, the utilization and a position's debt are what MorphoBalancesLib.expectedMarketBalances gives.
// Every expected figure below is worked out by hand (exact integers, each division rounded down as
// Solidity does, up where Morpho rounds up) in the comments.
#include "fakerpcserver.h"
#include "morphoblue.h"
#include "morphorecorded.h"

#include <QRandomGenerator>
#include <QtTest>

#include <cmath>

using namespace lp;
using namespace lp::chain;
using namespace morpho_recorded;

namespace {

// The recorded wstETH/WETH market (morphorecorded.h), last updated 2144 s before the block read.
MorphoMarketState recordedState()
{
    return {u(e(1, 21)), u(e(1, 27)), u(e(9, 20)), u(e(85, 25)), UInt256(1764460000), u(e(1, 17))};
}

} // namespace

class TestMorphoAccrual : public QObject {
    Q_OBJECT

private slots:
    void taylorTermsByHand()
    {
        // 1 % per second for 10 s: x = 1e16 x 10 = 1e17; x^2 / 2e18 = 5e15; 5e15 x 1e17 / 3e18 =
        // 166666666666666.67, down to 166666666666666. Sum 105166666666666666 (e^0.1 - 1 = 0.1051709...).
        QCOMPARE(morphoTaylorCompounded(u(e(1, 16)), 10).value(), u(QStringLiteral("105166666666666666")));
        // The recorded market: x = 1268391679 x 2144 = 2719431759776; x^2 / 2e18 = 3697654.6.. -> 3697654;
        // 3697654 x 2719431759776 / 3e18 = 3.35 -> 3. Sum 2719435457433.
        QCOMPARE(morphoTaylorCompounded(1268391679, 2144).value(), UInt256(2719435457433ULL));
        // Tiny x: the second and third terms round down to nothing.
        QCOMPARE(morphoTaylorCompounded(1, 3).value(), UInt256(3));
        QCOMPARE(morphoTaylorCompounded(0, 1000000).value(), UInt256(0));
        QCOMPARE(morphoTaylorCompounded(1268391679, 0).value(), UInt256(0));
    }

    void taylorProperty()
    {
        // For x = rate x elapsed up to 1 WAD: at least x, growing with time, and at most e^x - 1.
        QRandomGenerator rng(14);
        for (int i = 0; i < 500; ++i) {
            const quint64 rate = rng.bounded(1000000000U) * 1000ULL + rng.bounded(1000U); // < 1e12 per s
            const quint64 elapsed = rng.bounded(1000000U);
            const UInt256 t = morphoTaylorCompounded(rate, elapsed).value();
            const UInt256 x = UInt256::mulDiv(rate, elapsed, 1).value();
            QVERIFY(t >= x);
            QVERIFY(morphoTaylorCompounded(rate, elapsed + 1).value() >= t);
            const double xd = x.toDouble(18);
            // The series cut after x^3 is below e^x - 1 by at most x^4 / 24 x e^x (Lagrange's remainder).
            const double gap = std::expm1(xd) - t.toDouble(18);
            QVERIFY2(gap >= -1e-15 && gap <= std::pow(xd, 4) / 24.0 * std::exp(xd) + 1e-15,
                     qPrintable(QString::number(xd)));
        }
    }

    void accruesTheRecordedMarketByHand()
    {
        // interest = 900e18 x 2719435457433 / 1e18 = 2447491911689700 (exact: 9e20 x t / 1e18 = 900 t).
        // Supply and borrow both grow by it. Fee 10 %: feeAmount = 244749191168970 (down); fee shares =
        // 244749191168970 x (1e27 + 1e6) / (1000002447491911689700 - 244749191168970 + 1)
        //       = 244748652050658338151 (down).
        const MorphoMarketState s = morphoAccrued(recordedState(), 1268391679, 1764462144).value();
        QCOMPARE(s.totalBorrowAssets, u(QStringLiteral("900002447491911689700")));
        QCOMPARE(s.totalSupplyAssets, u(QStringLiteral("1000002447491911689700")));
        QCOMPARE(s.totalSupplyShares, u(QStringLiteral("1000000244748652050658338151")));
        QCOMPARE(s.totalBorrowShares, u(e(85, 25))); // borrowers' shares do not change
        QCOMPARE(s.lastUpdate, UInt256(1764462144));
        QCOMPARE(s.fee, u(e(1, 17)));
        // The fee recipient's new shares are worth at most the fee (rounded down twice).
        const UInt256 feeShares = UInt256::subtract(s.totalSupplyShares, u(e(1, 27))).value();
        const UInt256 worth =
            morphoToAssets(feeShares, s.totalSupplyAssets, s.totalSupplyShares, false).value();
        QVERIFY(worth <= UInt256(244749191168970ULL));
        QVERIFY(UInt256::subtract(UInt256(244749191168970ULL), worth).value() <= UInt256(2));
    }

    void nothingAccruesWithoutTimeOrFee()
    {
        const MorphoMarketState stale = recordedState();
        // No time elapsed, or a block before the last update: unchanged.
        QCOMPARE(morphoAccrued(stale, 1268391679, 1764460000)->totalBorrowAssets, stale.totalBorrowAssets);
        QCOMPARE(morphoAccrued(stale, 1268391679, 1764459000)->totalSupplyShares, stale.totalSupplyShares);
        // No fee: the interest goes to the suppliers and no shares are minted.
        MorphoMarketState noFee = stale;
        noFee.fee = UInt256();
        const MorphoMarketState s = morphoAccrued(noFee, 1268391679, 1764462144).value();
        QCOMPARE(s.totalSupplyShares, stale.totalSupplyShares);
        QCOMPARE(s.totalSupplyAssets, u(QStringLiteral("1000002447491911689700")));
        // No rate (a market without an IRM): only the time moves.
        const MorphoMarketState idle = morphoAccrued(stale, 0, 1764462144).value();
        QCOMPARE(idle.totalBorrowAssets, stale.totalBorrowAssets);
        QCOMPARE(idle.lastUpdate, UInt256(1764462144));
    }

    void aStaleRecordedMarketIsReadAccrued()
    {
        RecordedNode node = morpho_recorded::node(addr(kMorpho), kWstethWeth, QStringLiteral("1764460000"));
        FakeRpcServer server;
        server.setResponder([&node](const QJsonArray &request) {
            return FakeRpcServer::answerEach(request,
                                             [&node](const QString &method, const QJsonArray &params) {
                                                 return node.answer(method, params);
                                             });
        });
        JsonRpcClient client(QUrl(server.url()));
        const Expected<QList<Market>> markets = fetchMorphoMarkets(client, addr(kMorpho), {kWstethWeth});
        QVERIFY2(markets.hasValue(), qPrintable(markets ? QString() : formatErrors(markets.errors())));
        QCOMPARE(client.roundTrips(), 3);
        const Reserve &loan = markets->first().reserves[1];
        QCOMPARE(loan.onChain->totalSupply, u(QStringLiteral("1000002447491911689700")).toDouble(18));
        QCOMPARE(loan.onChain->totalDebt, u(QStringLiteral("900002447491911689700")).toDouble(18));
        // Utilization 900002447491911689700 / 1000002447491911689700 = 0.90000024474859...
        QVERIFY(std::abs(loan.onChain->utilization - 0.9000002447485922) < 1e-15);
        QVERIFY(std::abs(loan.onChain->availableLiquidity - 100.0) < 1e-12);

        // The account: debt (100e24 + 12345) x (900002447491911689700 + 1) / (85e25 + 1e6), rounded up,
        // = 105882640881401375259; supply (30e24 + 7) x (1000002447491911689700 + 1) /
        // (1000000244748652050658338151 + 1e6), rounded down, = 30000066082281615621.
        JsonRpcClient again(QUrl(server.url()));
        const Expected<FetchedPosition> p = fetchMorphoPosition(again, addr(kMorpho), kWstethWeth, kUser);
        QVERIFY2(p.hasValue(), qPrintable(p ? QString() : formatErrors(p.errors())));
        QCOMPARE(p->reserves[1].debtUnits.toDecimal(), QStringLiteral("105882640881401375259"));
        QCOMPARE(p->reserves[1].collateralUnits.toDecimal(), QStringLiteral("30000066082281615621"));
        // HF = 107.73 / 105.882640881401375259 (Morpho's max borrow over the accrued debt).
        QVERIFY(std::abs(p->pool.healthFactor - 107.73 / 105.882640881401375259) < 1e-12);
    }
};

QTEST_GUILESS_MAIN(TestMorphoAccrual)
#include "tst_morphoaccrual.moc"
