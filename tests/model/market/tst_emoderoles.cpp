// E-mode roles (Aave v3.2+ collateral and borrowable bitmaps, v3.6's LTV-zero bitmap): which category a pair
// gets, what a borrowable-only or LTV-zero member gets instead, why the plan says e-mode does not apply, and
// an account's borrowing power with an LTV-zero member, against hand-computed values. A property test checks
// that roles only take e-modes away and that a category with every member in both roles reads as an old one.
#include "account.h"
#include "market.h"
#include "planmarket.h"
#include "testutil.h"

#include <QRandomGenerator>
#include <QTest>

#include <tuple>

using namespace lp;

namespace {

Reserve reserve(const QString &symbol, double ltv, double lt, double bonus, double price,
                bool borrowable = true)
{
    Reserve r;
    r.symbol = symbol;
    r.name = symbol + QStringLiteral(" token");
    r.ltv = ltv;
    r.liquidationThreshold = lt;
    r.liquidationBonus = bonus;
    r.liquidationProtocolFee = 0.1;
    r.reserveFactor = 0.15;
    r.usableAsCollateral = true;
    r.borrowable = borrowable;
    r.defaultPriceUsd = price;
    return r;
}

QStringList list(std::initializer_list<const char *> symbols)
{
    QStringList out;
    for (const char *s : symbols)
        out << QString::fromLatin1(s);
    return out;
}

// A v3.6 market in the shape of Aave's liquid e-modes: e-mode 1 "ETH correlated" (93 / 95 / 1 %) takes
// wstETH, ezETH and rETH as collateral and lets only WETH be borrowed, with ezETH at LTV 0 there; e-mode 2
// "Old style" (90 / 93 / 2 %) has no role lists: WETH and rETH in both roles, as a v3.0 category.
Market liquid()
{
    Market m;
    m.id = QStringLiteral("liquid");
    m.name = QStringLiteral("Liquid e-modes");
    m.chain = QStringLiteral("Testnet");
    m.asOf = QDate(2026, 11, 1);
    m.source = QStringLiteral("hand-made for tests");
    m.liquidationRules = LiquidationRuleSet::AaveV36;
    m.reserves = {reserve(QStringLiteral("wstETH"), 0.785, 0.81, 0.06, 4000.0),
                  reserve(QStringLiteral("WETH"), 0.80, 0.83, 0.05, 3000.0),
                  reserve(QStringLiteral("ezETH"), 0.72, 0.75, 0.075, 3100.0, false),
                  reserve(QStringLiteral("rETH"), 0.75, 0.79, 0.075, 3400.0),
                  reserve(QStringLiteral("USDC"), 0.75, 0.78, 0.045, 1.0)};
    EModeCategory eth;
    eth.id = 1;
    eth.label = QStringLiteral("ETH correlated");
    eth.ltv = 0.93;
    eth.liquidationThreshold = 0.95;
    eth.liquidationBonus = 0.01;
    eth.members = list({"wstETH", "WETH", "ezETH", "rETH"});
    eth.collateral = list({"wstETH", "ezETH", "rETH"});
    eth.borrowable = list({"WETH"});
    eth.ltvZero = list({"ezETH"});
    EModeCategory old;
    old.id = 2;
    old.label = QStringLiteral("Old style");
    old.ltv = 0.90;
    old.liquidationThreshold = 0.93;
    old.liquidationBonus = 0.02;
    old.members = list({"WETH", "rETH"});
    m.eModes = {eth, old};
    return m;
}

} // namespace

class TestEModeRoles : public QObject {
    Q_OBJECT
private slots:
    void fixtureIsValid();
    void rolesOfEachMember();
    void collateralMemberBorrowingABorrowableMemberGetsTheCategory();
    void borrowableOnlyMemberDoesNotGetTheCategoryAsCollateral();
    void categoryWithoutRolesAppliesAsBefore();
    void ltvZeroMemberStaysOutOfTheCategory();
    void accountWithAnLtvZeroMemberHasLessBorrowingPower();
    void rolesOnlyTakeEModesAway();
    void oneCategoryPerAssetOnlyWithoutBitmaps();
};

void TestEModeRoles::fixtureIsValid()
{
    const ValidationErrors errors = validateMarket(liquid());
    QVERIFY2(errors.isEmpty(), qPrintable(formatErrors(errors)));
}

void TestEModeRoles::rolesOfEachMember()
{
    const Market m = liquid();
    const EModeCategory &eth = m.eModes[0];
    QVERIFY(eth.isCollateral(QStringLiteral("WSTETH"))); // symbols ignore case, as everywhere
    QVERIFY(!eth.isBorrowable(QStringLiteral("wstETH")));
    QVERIFY(!eth.isCollateral(QStringLiteral("WETH")));
    QVERIFY(eth.isBorrowable(QStringLiteral("WETH")));
    QVERIFY(eth.isLtvZero(QStringLiteral("ezETH")));
    QVERIFY(!eth.isLtvZero(QStringLiteral("wstETH")));
    QVERIFY(!eth.isCollateral(QStringLiteral("USDC"))); // not a member at all
    QVERIFY(!eth.isBorrowable(QStringLiteral("USDC")));
    // Without role lists every member has both roles and none is at LTV 0.
    const EModeCategory &old = m.eModes[1];
    QCOMPARE(old.collateralMembers(), list({"WETH", "rETH"}));
    QCOMPARE(old.borrowableMembers(), list({"WETH", "rETH"}));
    QVERIFY(old.isCollateral(QStringLiteral("rETH")) && old.isBorrowable(QStringLiteral("rETH")));
}

void TestEModeRoles::collateralMemberBorrowingABorrowableMemberGetsTheCategory()
{
    const MarketPreset p = marketPreset(liquid(), QStringLiteral("wstETH"), QStringLiteral("WETH"));
    QCOMPARE(p.eMode, qsizetype(0));
    QCOMPARE(p.eModeLabel, QStringLiteral("ETH correlated"));
    QCOMPARE(p.collateral.ltv, 0.93);
    QCOMPARE(p.collateral.liquidationThreshold, 0.95);
    QCOMPARE(p.collateral.liquidationBonus, 0.01);
    QCOMPARE(p.sourcePath(MarketField::CollateralLtv), QStringLiteral("eModes[0].ltv"));
    QVERIFY(p.eModeNote.isEmpty());
}

void TestEModeRoles::borrowableOnlyMemberDoesNotGetTheCategoryAsCollateral()
{
    // WETH against wstETH: e-mode 1 lists both (the old members-only rule gave WETH 93 / 95 / 1 %), but WETH
    // is borrowable only there and wstETH collateral only. WETH keeps its own 80 / 83 / 5 %.
    const Market m = liquid();
    QVERIFY(m.eModes[0].hasMember(QStringLiteral("WETH")) && m.eModes[0].hasMember(QStringLiteral("wstETH")));
    QCOMPARE(m.eModeIndexFor(QStringLiteral("WETH"), QStringLiteral("wstETH")), qsizetype(-1));
    const MarketPreset p = marketPreset(m, QStringLiteral("WETH"), QStringLiteral("wstETH"));
    QCOMPARE(p.eMode, qsizetype(-1));
    QCOMPARE(p.collateral.ltv, 0.80);
    QCOMPARE(p.collateral.liquidationThreshold, 0.83);
    QCOMPARE(p.collateral.liquidationBonus, 0.05);
    QCOMPARE(p.sourcePath(MarketField::CollateralLtv), QStringLiteral("reserves[1].ltv"));
    QCOMPARE(p.eModeNote,
             QStringLiteral("e-mode 1 \"ETH correlated\" does not take WETH as collateral (borrowable only); "
                            "e-mode 1 \"ETH correlated\" does not let wstETH be borrowed (collateral only)"));
    // With e-mode off there is nothing to explain.
    QVERIFY(marketPreset(m, QStringLiteral("WETH"), QStringLiteral("wstETH"), false).eModeNote.isEmpty());
    // A borrowable-only member gets the reserve's values for an account in the category too.
    const std::optional<CollateralParameters> in = collateralParametersIn(m, QStringLiteral("WETH"), 0);
    QVERIFY(in);
    QCOMPARE(in->ltv, 0.80);
    QCOMPARE(in->liquidationThreshold, 0.83);
    QCOMPARE(in->eModeIndex, qsizetype(-1));
}

void TestEModeRoles::categoryWithoutRolesAppliesAsBefore()
{
    // WETH against rETH: not in e-mode 1 (WETH borrowable only, rETH collateral only), but e-mode 2 has no
    // role lists, so both are in both roles and its 90 / 93 / 2 % apply, as for a v3.0 category.
    const MarketPreset p = marketPreset(liquid(), QStringLiteral("WETH"), QStringLiteral("rETH"));
    QCOMPARE(p.eMode, qsizetype(1));
    QCOMPARE(p.eModeLabel, QStringLiteral("Old style"));
    QCOMPARE(p.collateral.ltv, 0.90);
    QCOMPARE(p.collateral.liquidationThreshold, 0.93);
    QCOMPARE(p.collateral.liquidationBonus, 0.02);
    QCOMPARE(p.sourcePath(MarketField::CollateralLiquidationThreshold),
             QStringLiteral("eModes[1].liquidationThreshold"));
    // rETH against WETH fits both; the lowest id wins.
    QCOMPARE(liquid().eModeIndexFor(QStringLiteral("rETH"), QStringLiteral("WETH")), qsizetype(0));
}

void TestEModeRoles::ltvZeroMemberStaysOutOfTheCategory()
{
    // ezETH against WETH: e-mode 1 takes ezETH as collateral but at LTV 0, and v3.6 refuses to enter an
    // e-mode with an LTV-0 collateral enabled (or to enable one in it): the plan gets ezETH's own
    // 72 / 75 / 7.5 %, and the note names the category and the asset.
    const Market m = liquid();
    QCOMPARE(m.eModeIndexFor(QStringLiteral("ezETH"), QStringLiteral("WETH")), qsizetype(-1));
    const MarketPreset p = marketPreset(m, QStringLiteral("ezETH"), QStringLiteral("WETH"));
    QCOMPARE(p.eMode, qsizetype(-1));
    QCOMPARE(p.collateral.ltv, 0.72);
    QCOMPARE(p.collateral.liquidationThreshold, 0.75);
    QCOMPARE(p.collateral.liquidationBonus, 0.075);
    QCOMPARE(p.eModeNote,
             QStringLiteral("e-mode 1 \"ETH correlated\" gives ezETH LTV 0 (Aave v3.6): it cannot "
                            "be collateral there"));
    // An account already in the category (the asset put at LTV 0 after it entered): LTV 0, the category's
    // threshold and bonus kept.
    const std::optional<CollateralParameters> in = collateralParametersIn(m, QStringLiteral("ezETH"), 0);
    QVERIFY(in);
    QCOMPARE(in->ltv, 0.0);
    QCOMPARE(in->liquidationThreshold, 0.95);
    QCOMPARE(in->liquidationBonus, 0.01);
    QCOMPARE(in->eModeIndex, qsizetype(0));
    const std::optional<CollateralParameters> own = collateralParametersIn(m, QStringLiteral("ezETH"), -1);
    QCOMPARE(own->ltv, 0.72);
    QVERIFY(!collateralParametersIn(m, QStringLiteral("DAI"), 0));
}

void TestEModeRoles::accountWithAnLtvZeroMemberHasLessBorrowingPower()
{
    // An account in e-mode 1: 5 wstETH at $4,000 ($20,000) and 10 ezETH at $3,100 ($31,000) supplied, 5 WETH
    // at $3,000 ($15,000) borrowed. By hand: borrowing capacity 20,000 x 0.93 + 31,000 x 0 = 18,600, power
    // 18,600 - 15,000 = 3,600; weighted LTV 18,600 / 51,000; threshold sum (20,000 + 31,000) x 0.95 = 48,450,
    // HF 48,450 / 15,000 = 3.23. Without the LTV-zero list the power would be 51,000 x 0.93 - 15,000 =
    // 32,430.
    const Market m = liquid();
    Account account;
    account.eModeCategory = 1;
    account.liquidationRules = LiquidationRuleSet::AaveV30; // exact values, no rounding
    for (const auto &[symbol, collateral, debt] :
         {std::tuple{QStringLiteral("wstETH"), 5.0, 0.0}, std::tuple{QStringLiteral("ezETH"), 10.0, 0.0},
          std::tuple{QStringLiteral("WETH"), 0.0, 5.0}}) {
        const std::optional<CollateralParameters> p = collateralParametersIn(m, symbol, 0);
        AccountAsset a;
        a.symbol = symbol;
        a.collateral = collateral;
        a.debt = debt;
        a.priceUsd = m.reserve(symbol)->defaultPriceUsd;
        a.ltv = p->ltv;
        a.liquidationThreshold = p->liquidationThreshold;
        a.liquidationBonus = p->liquidationBonus;
        account.assets << a;
    }
    const AccountFigures f = accountFigures(account);
    LP_COMPARE_REL(f.totalCollateralUsd, 51000.0, 1e-12);
    LP_COMPARE_REL(f.borrowingPowerUsd, 3600.0, 1e-9);
    LP_COMPARE_REL(f.ltv, 18600.0 / 51000.0, 1e-12);
    LP_COMPARE_REL(f.liquidationThreshold, 0.95, 1e-12);
    LP_COMPARE_REL(f.healthFactor, 3.23, 1e-12);
}

void TestEModeRoles::rolesOnlyTakeEModesAway()
{
    // Random markets of six reserves and three categories with random members, roles and LTV-zero lists:
    // (1) the category a pair gets has the collateral as a collateral member not at LTV 0 and the borrow
    // asset as a borrowable member, and no lower id qualifies; (2) the same market without role lists gives
    // every such pair a category too (roles never add one); (3) role lists naming every member, with no LTV
    // zero, read exactly as no role lists; (4) the plan's LTV is the category's for an applied category.
    QRandomGenerator rng(20261130);
    const QStringList symbols = list({"A", "B", "C", "D", "E", "F"});
    int applied = 0;
    int refused = 0;
    for (int trial = 0; trial < 300; ++trial) {
        Market m = liquid();
        m.reserves.clear();
        for (const QString &s : symbols)
            m.reserves << reserve(s, 0.5, 0.6, 0.05, 1.0);
        m.eModes.clear();
        for (int id = 1; id <= 3; ++id) {
            EModeCategory e;
            e.id = 4 - id; // listed in descending id order: the lowest id must still win
            e.label = QStringLiteral("c%1").arg(e.id);
            e.ltv = 0.8 + 0.03 * e.id;
            e.liquidationThreshold = e.ltv + 0.02;
            e.liquidationBonus = 0.01;
            QStringList collateral;
            QStringList borrowable;
            for (const QString &s : symbols) {
                const quint32 roll = rng.bounded(8u);
                if (roll & 1u)
                    collateral << s;
                if (roll & 2u)
                    borrowable << s;
                if ((roll & 1u) && (roll & 4u) && rng.bounded(2u) == 0)
                    e.ltvZero << s;
                if (roll & 3u)
                    e.members << s;
            }
            e.collateral = collateral;
            e.borrowable = borrowable;
            if (!e.members.isEmpty())
                m.eModes << e;
        }
        Market stripped = m;
        Market full = m;
        for (EModeCategory &e : stripped.eModes) {
            e.collateral.reset();
            e.borrowable.reset();
            e.ltvZero.clear();
        }
        for (EModeCategory &e : full.eModes) {
            e.collateral = e.members;
            e.borrowable = e.members;
            e.ltvZero.clear();
        }
        QVERIFY2(validateMarket(m).isEmpty(), qPrintable(formatErrors(validateMarket(m))));
        for (const QString &c : symbols) {
            for (const QString &b : symbols) {
                const qsizetype i = m.eModeIndexFor(c, b);
                for (qsizetype k = 0; k < m.eModes.size(); ++k) {
                    const EModeCategory &e = m.eModes[k];
                    const bool fits = e.isCollateral(c) && !e.isLtvZero(c) && e.isBorrowable(b);
                    if (k == i)
                        QVERIFY(fits);
                    else if (fits)
                        QVERIFY(i >= 0 && m.eModes[i].id < e.id);
                }
                if (i >= 0)
                    QVERIFY(stripped.eModeIndexFor(c, b) >= 0);
                QCOMPARE(full.eModeIndexFor(c, b), stripped.eModeIndexFor(c, b));
                const MarketPreset p = marketPreset(m, c, b);
                QCOMPARE(p.eMode, i);
                QCOMPARE(p.collateral.ltv, i >= 0 ? m.eModes[i].ltv : 0.5);
                QCOMPARE(p.eModeNote.isEmpty(), i >= 0 || m.eModeRefusal(c, b).isEmpty());
                (i >= 0 ? applied : refused) += 1;
            }
        }
    }
    // Both outcomes occur often enough for the checks above to mean something.
    QVERIFY(applied > 500);
    QVERIFY(refused > 500);
}

// aave-v3.0 keeps one category per asset; a pool with v3.2's bitmaps (role lists) allows several even when
// its liquidation rules are v3.0's (a v3.1 or v3.2 pool: no getReserveDeficit), so its market still reads.
void TestEModeRoles::oneCategoryPerAssetOnlyWithoutBitmaps()
{
    Market m = liquid(); // WETH and rETH are in e-modes 1 and 2
    m.liquidationRules = LiquidationRuleSet::AaveV30;
    QVERIFY2(validateMarket(m).isEmpty(), qPrintable(formatErrors(validateMarket(m))));

    for (EModeCategory &e : m.eModes) {
        e.collateral.reset();
        e.borrowable.reset();
        e.ltvZero.clear();
    }
    const ValidationErrors errors = validateMarket(m);
    QVERIFY(!errors.isEmpty());
    const QString text = formatErrors(errors);
    QVERIFY2(text.contains(QStringLiteral("eModes[1].members[")) &&
                 text.contains(QStringLiteral("is already in eModes[0]; aave-v3.0 allows one category")),
             qPrintable(text));

    m.liquidationRules = LiquidationRuleSet::AaveV33; // v3.2+ rules: several categories per asset
    QVERIFY2(validateMarket(m).isEmpty(), qPrintable(formatErrors(validateMarket(m))));
}

QTEST_GUILESS_MAIN(TestEModeRoles)
#include "tst_emoderoles.moc"
