// E-mode roles read from the chain, on recorded answers (recordedaavemarket.h, served on 127.0.0.1): a v3.2
// pool whose category lets WETH be borrowed but takes only USDC as collateral keeps the two bitmaps apart
// (WETH is a member, borrowable only), and a v3.6 pool answers getEModeCategoryLtvzeroBitmap (aave-v3-origin
// src/contracts/interfaces/IPool.sol), which puts a collateral member at LTV 0 and names the version "3.6".
// The plans these markets give are checked against the fixture's values.
#include "aavev3reader.h"
#include "fakerpcserver.h"
#include "planmarket.h"
#include "recordedaavemarket.h"
#include "recordednode.h"

#include <QtTest>

using namespace lp;
using namespace lp::chain;
using namespace recorded;
using namespace recorded::aave;

namespace {

// Category `id`'s answers: collateral config (bps), label and the three bitmaps (reserve ids: WETH 0, USDC
// 2); a null ltvZero leaves v3.6's getter unanswered (it reverts, as before v3.6).
void category(RecordedNode *n, quint64 id, quint64 ltv, quint64 lt, quint64 bonus, const char *label,
              quint64 collateral, quint64 borrowable, std::optional<quint64> ltvZero = std::nullopt)
{
    const QList<AbiValue> arg{w(id)};
    n->on(addr(kPool), QStringLiteral("getEModeCategoryCollateralConfig(uint8)"), arg,
          QStringLiteral("uint16,uint16,uint16"), {w(ltv), w(lt), w(bonus)});
    n->on(addr(kPool), QStringLiteral("getEModeCategoryLabel(uint8)"), arg, QStringLiteral("string"),
          {AbiValue::text(QString::fromLatin1(label))});
    n->on(addr(kPool), QStringLiteral("getEModeCategoryCollateralBitmap(uint8)"), arg,
          QStringLiteral("uint128"), {w(collateral)});
    n->on(addr(kPool), QStringLiteral("getEModeCategoryBorrowableBitmap(uint8)"), arg,
          QStringLiteral("uint128"), {w(borrowable)});
    if (ltvZero)
        n->on(addr(kPool), QStringLiteral("getEModeCategoryLtvzeroBitmap(uint8)"), arg,
              QStringLiteral("uint128"), {w(*ltvZero)});
}

Market read(const RecordedNode &node)
{
    FakeRpcServer server;
    server.setResponder([&node](const QJsonArray &request) {
        return FakeRpcServer::answerEach(request, [&node](const QString &method, const QJsonArray &params) {
            return node.answer(method, params);
        });
    });
    JsonRpcClient client{QUrl(server.url())};
    const Expected<Market> market = fetchAaveV3Market(client, addr(kProvider));
    if (!market)
        qFatal("read: %s", qPrintable(formatErrors(market.errors())));
    return market.value();
}

QStringList list(std::initializer_list<const char *> symbols)
{
    QStringList out;
    for (const char *s : symbols)
        out << QString::fromLatin1(s);
    return out;
}

} // namespace

class TestAaveV3EModeRoles : public QObject {
    Q_OBJECT

private slots:
    // v3.2 (no getReserveDeficit): e-mode 1 "ETH borrowers" (93 / 95 / 1 %) takes USDC (bit 2) as collateral
    // and lets WETH (bit 0) be borrowed; ids 2 and 3 unused.
    void v32KeepsTheBitmapsApart()
    {
        RecordedNode n = v33Market();
        n.drop(addr(kPool), QStringLiteral("getReserveDeficit(address)"), {a(kWeth)});
        category(&n, 1, 9300, 9500, 10100, "ETH borrowers", 0b100, 0b001);
        category(&n, 2, 0, 0, 0, "", 0, 0);
        const Market m = read(n);
        QCOMPARE(m.fetched->version, QStringLiteral("3.2 (pool revision 7)"));
        QVERIFY(m.liquidationRules == LiquidationRuleSet::AaveV30);
        QCOMPARE(m.eModes.size(), 1);
        const EModeCategory &e = m.eModes[0];
        QCOMPARE(e.members, list({"WETH", "USDC"}));
        QCOMPARE(e.collateral, std::optional<QStringList>(list({"USDC"})));
        QCOMPARE(e.borrowable, std::optional<QStringList>(list({"WETH"})));
        QVERIFY(e.ltvZero.isEmpty());
        // WETH against USDC: the union of the bitmaps made WETH a member, and the old rule gave it 93 / 95 %;
        // WETH is borrowable only, so the plan gets WETH's own 80.5 / 83 / 5 %.
        const MarketPreset weth = marketPreset(m, QStringLiteral("WETH"), QStringLiteral("USDC"));
        QCOMPARE(weth.eMode, qsizetype(-1));
        QCOMPARE(weth.collateral.ltv, 0.805);
        QCOMPARE(weth.collateral.liquidationThreshold, 0.83);
        QCOMPARE(weth.collateral.liquidationBonus, 0.05);
        QVERIFY2(weth.eModeNote.contains(QStringLiteral("does not take WETH as collateral")),
                 qPrintable(weth.eModeNote));
        // USDC against WETH fits the roles: the category's values.
        const MarketPreset usdc = marketPreset(m, QStringLiteral("USDC"), QStringLiteral("WETH"));
        QCOMPARE(usdc.eMode, qsizetype(0));
        QCOMPARE(usdc.collateral.ltv, 0.93);
        QCOMPARE(usdc.collateral.liquidationThreshold, 0.95);
    }

    // v3.6: e-mode 1 "ETH correlated" (93 / 95 / 1 %) with WETH in both roles; e-mode 2 "Stablecoins"
    // (90 / 93 / 2 %) takes WETH and USDC as collateral, lets USDC be borrowed, and has WETH at LTV 0.
    void v36ReadsTheLtvZeroBitmap()
    {
        RecordedNode n = v33Market();
        category(&n, 1, 9300, 9500, 10100, "ETH correlated", 0b001, 0b001, 0);
        category(&n, 2, 9000, 9300, 10200, "Stablecoins", 0b101, 0b100, 0b001);
        category(&n, 3, 0, 0, 0, "", 0, 0, 0);
        const Market m = read(n);
        QCOMPARE(m.fetched->version, QStringLiteral("3.6 or later (pool revision 7)"));
        QVERIFY(m.liquidationRules == LiquidationRuleSet::AaveV36);
        QCOMPARE(m.eModes.size(), 2);
        QVERIFY(m.eModes[0].ltvZero.isEmpty());
        const EModeCategory &stable = m.eModes[1];
        QCOMPARE(stable.members, list({"WETH", "USDC"}));
        QCOMPARE(stable.collateral, std::optional<QStringList>(list({"WETH", "USDC"})));
        QCOMPARE(stable.borrowable, std::optional<QStringList>(list({"USDC"})));
        QCOMPARE(stable.ltvZero, list({"WETH"}));
        QVERIFY(validateMarket(m).isEmpty());
        // WETH against USDC: e-mode 2 would fit but gives WETH LTV 0, which v3.6 does not let an account
        // enter with; e-mode 1 does not list USDC. The plan gets WETH's own values and says why.
        const MarketPreset p = marketPreset(m, QStringLiteral("WETH"), QStringLiteral("USDC"));
        QCOMPARE(p.eMode, qsizetype(-1));
        QCOMPARE(p.collateral.ltv, 0.805);
        QCOMPARE(p.collateral.liquidationThreshold, 0.83);
        QCOMPARE(
            p.eModeNote,
            QStringLiteral("e-mode 2 \"Stablecoins\" gives WETH LTV 0 (Aave v3.6): it cannot be collateral "
                           "there"));
        // An account in e-mode 2 holding WETH: LTV 0, the category's 93 % threshold.
        const std::optional<CollateralParameters> in = collateralParametersIn(m, QStringLiteral("WETH"), 1);
        QCOMPARE(in->ltv, 0.0);
        QCOMPARE(in->liquidationThreshold, 0.93);
        // USDC against USDC's category is unaffected: 90 / 93 / 2 %.
        const MarketPreset usdc = marketPreset(m, QStringLiteral("USDC"), QStringLiteral("USDC"));
        QCOMPARE(usdc.eMode, qsizetype(1));
        QCOMPARE(usdc.collateral.ltv, 0.9);
    }
};

QTEST_GUILESS_MAIN(TestAaveV3EModeRoles)
#include "tst_aavev3emoderoles.moc"
