// E-mode roles in the market file and in the refresh review: the role lists read, written and validated
// (each problem with its field path, unknown symbols refused), an old file without them read and written as
// before, and diffMarkets / mergeMarket carrying them (a collateral newly at LTV 0 flagged).
#include "marketchangetext.h"
#include "marketdiff.h"
#include "marketjson.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace lp;

namespace {

// A v3.6 market: e-mode 1 takes wstETH and ezETH as collateral (ezETH at LTV 0) and lets WETH be borrowed.
const char kRolesMarket[] = R"({
  "format": "leverage-planner-market", "version": 1,
  "id": "roles", "name": "Roles", "chain": "Testnet", "asOf": "2026-11-01", "source": "hand-made for tests",
  "liquidationRules": "aave-v3.6", "flashLoanPremium": 0.0005,
  "reserves": [
    {"symbol": "wstETH", "name": "Wrapped stETH", "decimals": 18, "ltv": 0.785, "liquidationThreshold": 0.81,
     "liquidationBonus": 0.06, "liquidationProtocolFee": 0.1, "reserveFactor": 0.05,
     "usableAsCollateral": true, "borrowable": true, "defaultPriceUsd": 4000},
    {"symbol": "WETH", "name": "Wrapped Ether", "decimals": 18, "ltv": 0.8, "liquidationThreshold": 0.83,
     "liquidationBonus": 0.05, "liquidationProtocolFee": 0.1, "reserveFactor": 0.15,
     "usableAsCollateral": true, "borrowable": true, "defaultPriceUsd": 3000},
    {"symbol": "ezETH", "name": "Renzo ezETH", "decimals": 18, "ltv": 0.72, "liquidationThreshold": 0.75,
     "liquidationBonus": 0.075, "liquidationProtocolFee": 0.1, "reserveFactor": 0.15,
     "usableAsCollateral": true, "borrowable": false, "defaultPriceUsd": 3100}
  ],
  "eModes": [
    {"id": 1, "label": "ETH correlated", "ltv": 0.93, "liquidationThreshold": 0.95, "liquidationBonus": 0.01,
     "members": ["wstETH", "WETH", "ezETH"], "collateral": ["wstETH", "ezETH"], "borrowable": ["WETH"],
     "ltvZero": ["ezETH"]}
  ]
})";

QJsonObject rolesObject()
{
    return QJsonDocument::fromJson(kRolesMarket).object();
}

// The file with e-mode 1's `key` set to `value` (removed when undefined).
QByteArray withEModeKey(const QString &key, const QJsonValue &value)
{
    QJsonObject root = rolesObject();
    QJsonArray modes = root.value(QStringLiteral("eModes")).toArray();
    QJsonObject e = modes[0].toObject();
    if (value.isUndefined())
        e.remove(key);
    else
        e.insert(key, value);
    modes[0] = e;
    root.insert(QStringLiteral("eModes"), modes);
    return QJsonDocument(root).toJson();
}

QJsonArray symbols(std::initializer_list<const char *> list)
{
    QJsonArray out;
    for (const char *s : list)
        out.append(QString::fromLatin1(s));
    return out;
}

} // namespace

class TestEModeRolesJson : public QObject {
    Q_OBJECT
private slots:
    void readsAndWritesRoles();
    void oldFileReadsAndWritesAsBefore();
    void brokenRoles_data();
    void brokenRoles();
    void reviewCarriesRoles();
    void partialReviewKeepsListsConsistent();
};

void TestEModeRolesJson::readsAndWritesRoles()
{
    const Expected<Market> m = parseMarket(kRolesMarket);
    QVERIFY2(m, m ? "" : qPrintable(formatErrors(m.errors())));
    const EModeCategory &e = m->eModes[0];
    QCOMPARE(e.members,
             (QStringList{QStringLiteral("wstETH"), QStringLiteral("WETH"), QStringLiteral("ezETH")}));
    QCOMPARE(e.collateral.value_or(QStringList()),
             (QStringList{QStringLiteral("wstETH"), QStringLiteral("ezETH")}));
    QCOMPARE(e.borrowable.value_or(QStringList()), QStringList{QStringLiteral("WETH")});
    QCOMPARE(e.ltvZero, QStringList{QStringLiteral("ezETH")});
    const QJsonObject written = marketToJson(*m).value(QStringLiteral("eModes")).toArray()[0].toObject();
    QCOMPARE(written.value(QStringLiteral("collateral")).toArray(), symbols({"wstETH", "ezETH"}));
    QCOMPARE(written.value(QStringLiteral("borrowable")).toArray(), symbols({"WETH"}));
    QCOMPARE(written.value(QStringLiteral("ltvZero")).toArray(), symbols({"ezETH"}));
    const Expected<Market> again = parseMarket(QJsonDocument(marketToJson(*m)).toJson());
    QVERIFY(again);
    QCOMPARE(*again, *m);
    // One role stated: the other is every member.
    const Expected<Market> one =
        parseMarket(withEModeKey(QStringLiteral("borrowable"), QJsonValue::Undefined));
    QVERIFY2(one, one ? "" : qPrintable(formatErrors(one.errors())));
    QVERIFY(!one->eModes[0].borrowable);
    QCOMPARE(one->eModes[0].borrowableMembers(), one->eModes[0].members);
    QVERIFY(!marketToJson(*one)
                 .value(QStringLiteral("eModes"))
                 .toArray()[0]
                 .toObject()
                 .contains(QStringLiteral("borrowable")));
}

void TestEModeRolesJson::oldFileReadsAndWritesAsBefore()
{
    // Without role lists: every member in both roles, nothing at LTV 0, and the written category has the
    // same keys as before.
    QByteArray json = withEModeKey(QStringLiteral("collateral"), QJsonValue::Undefined);
    QJsonObject root = QJsonDocument::fromJson(json).object();
    QJsonArray modes = root.value(QStringLiteral("eModes")).toArray();
    QJsonObject e = modes[0].toObject();
    e.remove(QStringLiteral("borrowable"));
    e.remove(QStringLiteral("ltvZero"));
    modes[0] = e;
    root.insert(QStringLiteral("eModes"), modes);
    const Expected<Market> m = parseMarket(QJsonDocument(root).toJson());
    QVERIFY2(m, m ? "" : qPrintable(formatErrors(m.errors())));
    const EModeCategory &c = m->eModes[0];
    QVERIFY(!c.collateral && !c.borrowable && c.ltvZero.isEmpty());
    for (const QString &s : c.members)
        QVERIFY(c.isCollateral(s) && c.isBorrowable(s) && !c.isLtvZero(s));
    // WETH against wstETH: both members, so the category applies, as it always did.
    QCOMPARE(m->eModeIndexFor(QStringLiteral("WETH"), QStringLiteral("wstETH")), qsizetype(0));
    const QJsonObject written = marketToJson(*m).value(QStringLiteral("eModes")).toArray()[0].toObject();
    QCOMPARE(written.keys(),
             (QStringList{QStringLiteral("estimates"), QStringLiteral("id"), QStringLiteral("label"),
                          QStringLiteral("liquidationBonus"), QStringLiteral("liquidationThreshold"),
                          QStringLiteral("ltv"), QStringLiteral("members")}));
}

void TestEModeRolesJson::brokenRoles_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    const auto row = [](const char *name, const char *key, const QJsonValue &value, const char *field,
                        const char *message) {
        QTest::newRow(name) << QString::fromLatin1(key) << value << QString::fromLatin1(field)
                            << QString::fromLatin1(message);
    };
    row("unknown symbol in collateral", "collateral", symbols({"wstETH", "DAI"}), "eModes[0].collateral[1]",
        "no reserve \"DAI\"");
    row("unknown symbol in borrowable", "borrowable", symbols({"WETH", "USDX"}), "eModes[0].borrowable[1]",
        "no reserve \"USDX\"");
    row("unknown symbol at LTV 0", "ltvZero", symbols({"stETH"}), "eModes[0].ltvZero[0]", "no reserve");
    row("collateral not a member", "members", symbols({"wstETH", "WETH"}), "eModes[0].collateral[1]",
        "\"ezETH\" is not in members");
    row("listed twice", "borrowable", symbols({"WETH", "weth"}), "eModes[0].borrowable[1]", "listed twice");
    row("LTV 0 not a collateral member", "ltvZero", symbols({"WETH"}), "eModes[0].ltvZero[0]",
        "not a collateral member");
    row("member in neither role", "collateral", symbols({"wstETH"}), "eModes[0].members[2]",
        "in neither collateral nor borrowable");
    row("collateral as a number", "collateral", 3, "eModes[0].collateral", "");
    row("LTV 0 entry as a number", "ltvZero", QJsonArray{1}, "eModes[0].ltvZero[0]", "");
    row("unknown e-mode key", "borrowables", symbols({"WETH"}), "eModes[0].borrowables", "");
}

void TestEModeRolesJson::brokenRoles()
{
    QFETCH(QString, key);
    QFETCH(QJsonValue, value);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const Expected<Market> m = parseMarket(withEModeKey(key, value));
    QVERIFY2(!m, "a broken file was accepted");
    bool found = false;
    for (const ValidationError &e : m.errors())
        found = found || (e.field == field && e.message.contains(message));
    QVERIFY2(found, qPrintable(formatErrors(m.errors())));
}

void TestEModeRolesJson::reviewCarriesRoles()
{
    // The saved market has e-mode 1 without roles (as a preset); the chain now states them, with ezETH at
    // LTV 0. The review lists the roles in force on both sides and flags the new LTV-0 member.
    const Market fetched = *parseMarket(kRolesMarket);
    Market old = fetched;
    old.eModes[0].collateral.reset();
    old.eModes[0].borrowable.reset();
    old.eModes[0].ltvZero.clear();
    const QList<MarketChange> changes = diffMarkets(old, fetched);
    QCOMPARE(lp::test::changeTexts(changes),
             (QStringList{QStringLiteral("e-mode 1 collateral: wstETH, WETH, ezETH -> wstETH, ezETH []"),
                          QStringLiteral("e-mode 1 borrowable: wstETH, WETH, ezETH -> WETH []"),
                          QStringLiteral("e-mode 1 ltvZero: — -> ezETH [LTV 0 in e-mode]")}));
    const Market merged = mergeMarket(old, fetched, changes);
    QCOMPARE(merged.eModes, fetched.eModes);
    QVERIFY(validateMarket(merged).isEmpty());
    // Two markets without role lists whose members differ: the members' row alone says it.
    Market a = old;
    a.eModes[0].members.removeLast();
    QCOMPARE(lp::test::changeTexts(diffMarkets(a, old)),
             QStringList{QStringLiteral("e-mode 1 members: wstETH, WETH -> wstETH, WETH, ezETH []")});
    // Nothing differs once merged.
    QVERIFY(diffMarkets(merged, fetched).isEmpty());
}

void TestEModeRolesJson::partialReviewKeepsListsConsistent()
{
    // The chain drops ezETH from e-mode 1 (members, collateral and LTV 0). Accepting only the members'
    // change leaves collateral and LTV-zero entries that are no longer members: they go with it.
    const Market old = *parseMarket(kRolesMarket);
    Market fetched = old;
    EModeCategory &e = fetched.eModes[0];
    e.members.removeAll(QStringLiteral("ezETH"));
    e.collateral = QStringList{QStringLiteral("wstETH")};
    e.ltvZero.clear();
    const QList<MarketChange> changes = diffMarkets(old, fetched);
    QCOMPARE(changes.size(), 3);
    QList<bool> accepted;
    for (const MarketChange &c : changes)
        accepted << (c.field == u"members");
    const Market merged = mergeMarket(old, fetched, changes, accepted);
    QVERIFY2(validateMarket(merged).isEmpty(), qPrintable(formatErrors(validateMarket(merged))));
    QCOMPARE(merged.eModes[0], fetched.eModes[0]);
    // Accepting only the borrowable change (WETH -> wstETH, WETH) keeps the rest as it was.
    Market moreBorrowable = old;
    moreBorrowable.eModes[0].borrowable = QStringList{QStringLiteral("WETH"), QStringLiteral("wstETH")};
    const QList<MarketChange> one = diffMarkets(old, moreBorrowable);
    QCOMPARE(lp::test::changeTexts(one),
             QStringList{QStringLiteral("e-mode 1 borrowable: WETH -> WETH, wstETH []")});
    QCOMPARE(mergeMarket(old, moreBorrowable, one).eModes[0], moreBorrowable.eModes[0]);
}

QTEST_GUILESS_MAIN(TestEModeRolesJson)
#include "tst_emoderolesjson.moc"
