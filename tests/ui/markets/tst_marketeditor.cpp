// The Market editor dialog, offscreen: presets read-only, duplicate-edit-save to a user directory,
// import and export JSON, estimates marked, the rate curve drawn from the selected reserve.
#include "emodetable.h"
#include "marketeditordialog.h"
#include "marketjson.h"
#include "marketregistry.h"
#include "qcustomplot_include.h"
#include "ratecurvechart.h"
#include "reservetable.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace lp;

// The presets in resources/markets.
constexpr int kPresets = 11;

class TestMarketEditor : public QObject {
    Q_OBJECT
private slots:
    void presetIsReadOnlyAndMarksEstimates();
    void rateCurveFollowsSelectedReserve();
    void duplicateEditSaveAndReload();
    void invalidEditIsNotSavedAndNamesTheField();
    void importAndExport();
    void newRowsStartValid();
    void eModeRolesRoundTrip();
    void screenshot();
};

void TestMarketEditor::presetIsReadOnlyAndMarksEstimates()
{
    QTemporaryDir dir;
    MarketRegistry reg = MarketRegistry::withBuiltIn();
    MarketEditorDialog dialog(&reg, dir.path());
    QCOMPARE(dialog.marketList()->count(), kPresets);
    QVERIFY(dialog.selectMarket(QStringLiteral("zerolend-zksync")));
    QVERIFY(dialog.isReadOnly());
    QCOMPARE(dialog.editedMarket(), *reg.find(QStringLiteral("zerolend-zksync")));
    ReserveTable *t = dialog.reserveTable();
    QCOMPARE(t->rowCount(), 7);
    QCOMPARE(t->item(0, ReserveTable::Symbol)->text(), QStringLiteral("USDC.e"));
    QCOMPARE(t->editTriggers(), QAbstractItemView::NoEditTriggers);
    // USDC.e: price and APYs are estimates (amber), LTV is sourced.
    QVERIFY(t->isEstimateCell(0, ReserveTable::Price));
    QCOMPARE(t->item(0, ReserveTable::Price)->background().color(), ReserveTable::kEstimateColor);
    QVERIFY(!t->isEstimateCell(0, ReserveTable::Ltv));
    QCOMPARE(t->item(0, ReserveTable::Ltv)->background().style(), Qt::NoBrush);
    QCOMPARE(dialog.eModeTable()->rowCount(), 1);
    QCOMPARE(dialog.eModeTable()->item(0, EModeTable::Members)->text(), QStringLiteral("USDC.e, USDT"));
    QVERIFY(!dialog.saveMarket()); // presets cannot be saved over
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

void TestMarketEditor::rateCurveFollowsSelectedReserve()
{
    QTemporaryDir dir;
    MarketRegistry reg = MarketRegistry::withBuiltIn();
    MarketEditorDialog dialog(&reg, dir.path());
    QVERIFY(dialog.selectMarket(QStringLiteral("zerolend-zksync")));
    // USDT (row 2), StableOne: borrow APR at U = 0.95 is 0.34 -> APY 40.4948 %; point 190 of 201 is U = 95 %.
    dialog.reserveTable()->setCurrentCell(2, ReserveTable::Symbol);
    QCPGraph *borrow = dialog.rateChart()->borrowGraph();
    QCOMPARE(borrow->dataCount(), 201);
    const auto p = borrow->data()->at(190);
    QVERIFY(std::fabs(p->key - 95.0) < 1e-9);
    QVERIFY(std::fabs(p->value - 40.494758798856945) < 1e-8);
    // Native USDC (row 6) has no sourced strategy: an empty chart.
    dialog.reserveTable()->setCurrentCell(6, ReserveTable::Symbol);
    QCOMPARE(dialog.rateChart()->borrowGraph()->dataCount(), 0);
}

void TestMarketEditor::duplicateEditSaveAndReload()
{
    QTemporaryDir dir;
    MarketRegistry reg = MarketRegistry::withBuiltIn();
    MarketEditorDialog dialog(&reg, dir.path());
    QSignalSpy changed(&dialog, &MarketEditorDialog::marketsChanged);
    QVERIFY(dialog.selectMarket(QStringLiteral("zerolend-zksync")));
    dialog.duplicateMarket();
    QVERIFY(!dialog.isReadOnly());
    QCOMPARE(dialog.idEdit()->text(), QStringLiteral("zerolend-zksync-copy"));
    // Edit WETH's LTV (an estimate-free cell) and USDC.e's price (an estimate: the flag goes).
    ReserveTable *t = dialog.reserveTable();
    t->item(1, ReserveTable::Ltv)->setText(QStringLiteral("75"));
    t->item(0, ReserveTable::Price)->setText(QStringLiteral("0.999"));
    QVERIFY(!t->isEstimateCell(0, ReserveTable::Price));
    QVERIFY2(dialog.saveMarket(), qPrintable(dialog.errorLabel()->text()));
    QCOMPARE(changed.count(), 1);
    const QString file = QDir(dir.path()).filePath(QStringLiteral("zerolend-zksync-copy.json"));
    QVERIFY(QFile::exists(file));
    const Expected<Market> saved = readMarketFile(file);
    QVERIFY(saved);
    QCOMPARE(saved->reserves[1].ltv, 0.75);
    QCOMPARE(saved->reserves[0].defaultPriceUsd, 0.999);
    QVERIFY(!saved->reserves[0].isEstimate(QStringLiteral("defaultPriceUsd")));
    QVERIFY(saved->reserves[0].isEstimate(QStringLiteral("borrowApy")));
    QCOMPARE(saved->eModes, reg.find(QStringLiteral("zerolend-zksync"))->eModes);
    // A fresh registry reads it back from the directory.
    MarketRegistry fresh = MarketRegistry::withBuiltIn();
    QVERIFY(fresh.loadUserMarkets(dir.path()).isEmpty());
    QCOMPARE(*fresh.find(QStringLiteral("zerolend-zksync-copy")), *saved);
    QCOMPARE(dialog.marketList()->count(), kPresets + 1);
    // Delete it again.
    QVERIFY(dialog.removeMarket());
    QVERIFY(!QFile::exists(file));
    QCOMPARE(dialog.marketList()->count(), kPresets);
}

void TestMarketEditor::invalidEditIsNotSavedAndNamesTheField()
{
    QTemporaryDir dir;
    MarketRegistry reg = MarketRegistry::withBuiltIn();
    MarketEditorDialog dialog(&reg, dir.path());
    dialog.newMarket();
    QVERIFY(!dialog.isReadOnly());
    ReserveTable *t = dialog.reserveTable();
    t->item(0, ReserveTable::Ltv)->setText(QStringLiteral("90")); // above lt 82.5 %
    QVERIFY(!dialog.saveMarket());
    QVERIFY2(dialog.errorLabel()->text().contains(QStringLiteral("reserves[0].liquidationThreshold")),
             qPrintable(dialog.errorLabel()->text()));
    t->item(0, ReserveTable::Ltv)->setText(QStringLiteral("abc"));
    QVERIFY(!dialog.saveMarket());
    QVERIFY(dialog.errorLabel()->text().contains(QStringLiteral("reserves[0].ltv")));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    t->item(0, ReserveTable::Ltv)->setText(QStringLiteral("80"));
    QVERIFY2(dialog.saveMarket(), qPrintable(dialog.errorLabel()->text()));
    QVERIFY(reg.find(QStringLiteral("my-market")));
}

void TestMarketEditor::importAndExport()
{
    QTemporaryDir dir;
    MarketRegistry reg = MarketRegistry::withBuiltIn();
    MarketEditorDialog dialog(&reg, dir.filePath(QStringLiteral("markets")));
    QVERIFY(dialog.selectMarket(QStringLiteral("aave-v3-ethereum")));
    const QString exported = dir.filePath(QStringLiteral("aave.json"));
    QVERIFY(dialog.exportFile(exported));
    const Expected<Market> e = readMarketFile(exported);
    QVERIFY(e);
    QCOMPARE(*e, *reg.find(QStringLiteral("aave-v3-ethereum")));
    // Importing it again: the id is taken by the preset, so it comes in under a new one and is saved.
    QVERIFY(dialog.importFile(exported));
    QVERIFY(reg.find(QStringLiteral("aave-v3-ethereum-imported")));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("markets/aave-v3-ethereum-imported.json"))));
    QCOMPARE(dialog.idEdit()->text(), QStringLiteral("aave-v3-ethereum-imported"));
    // A broken file is refused with its problem shown.
    QFile bad(dir.filePath(QStringLiteral("bad.json")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("{\"format\": \"leverage-planner-market\", \"version\": 9}");
    bad.close();
    QVERIFY(!dialog.importFile(bad.fileName()));
    QVERIFY(dialog.errorLabel()->text().contains(QStringLiteral("version")));
}

void TestMarketEditor::screenshot()
{
    // LP_SCREENSHOT_DIR=docs/screenshots writes markets.png, the editor on ZeroLend zkSync with USDT's curve.
    const QByteArray out = qgetenv("LP_SCREENSHOT_DIR");
    if (out.isEmpty())
        QSKIP("set LP_SCREENSHOT_DIR to write docs/screenshots/markets.png");
    QTemporaryDir dir;
    MarketRegistry reg = MarketRegistry::withBuiltIn();
    MarketEditorDialog dialog(&reg, dir.path());
    QVERIFY(dialog.selectMarket(QStringLiteral("zerolend-zksync")));
    dialog.reserveTable()->setCurrentCell(2, ReserveTable::Symbol);
    dialog.resize(1280, 760);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(QDir().mkpath(QString::fromLocal8Bit(out)));
    QVERIFY(dialog.grab().save(QDir(QString::fromLocal8Bit(out)).filePath(QStringLiteral("markets.png"))));
}

void TestMarketEditor::newRowsStartValid()
{
    // A new reserve and a new e-mode category start from values that validate (LTV < LT), named so the
    // user sees which row is new; removing the current row takes it away again.
    ReserveTable reserves;
    reserves.appendNewReserve();
    reserves.appendNewReserve();
    ValidationErrors errors;
    const QList<Reserve> list = reserves.reserves(&errors);
    QVERIFY(errors.isEmpty());
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(1).symbol, QStringLiteral("TOKEN2"));
    QVERIFY(list.at(1).ltv < list.at(1).liquidationThreshold);
    QVERIFY(list.at(1).usableAsCollateral && list.at(1).borrowable);
    reserves.setCurrentCell(0, 0);
    reserves.removeCurrentReserve();
    QCOMPARE(reserves.reserves(&errors).at(0).symbol, QStringLiteral("TOKEN2"));

    EModeTable modes;
    modes.appendNewCategory();
    modes.appendNewCategory();
    const QList<EModeCategory> categories = modes.categories(&errors);
    QVERIFY(errors.isEmpty());
    QCOMPARE(categories.at(1).id, 2);
    QVERIFY(categories.at(1).ltv < categories.at(1).liquidationThreshold);
    modes.setCurrentCell(1, 0);
    modes.removeCurrentCategory();
    QCOMPARE(modes.rowCount(), 1);
}

void TestMarketEditor::eModeRolesRoundTrip()
{
    // The e-mode table shows each category's roles (every member in both for a category without role
    // lists); untouched cells read back as they were, an edited role cell states its list, an emptied one
    // means every member again. LP_SCREENSHOT_DIR also writes market-emode-roles.png.
    const auto symbols = [](const char *text) {
        return QString::fromLatin1(text).split(QStringLiteral(", "));
    };
    EModeCategory roles;
    roles.id = 1;
    roles.label = QStringLiteral("ETH correlated");
    roles.ltv = 0.93;
    roles.liquidationThreshold = 0.95;
    roles.liquidationBonus = 0.01;
    roles.members = symbols("wstETH, WETH, ezETH");
    roles.collateral = symbols("wstETH, ezETH");
    roles.borrowable = symbols("WETH");
    roles.ltvZero = symbols("ezETH");
    EModeCategory old = roles;
    old.id = 2;
    old.label = QStringLiteral("Stablecoins");
    old.members = symbols("USDC, USDT");
    old.collateral.reset();
    old.borrowable.reset();
    old.ltvZero.clear();
    EModeTable t;
    t.setCategories({roles, old});
    ValidationErrors errors;
    QCOMPARE(t.categories(&errors), (QList<EModeCategory>{roles, old}));
    QCOMPARE(t.item(0, EModeTable::Collateral)->text(), QStringLiteral("wstETH, ezETH"));
    QCOMPARE(t.item(0, EModeTable::LtvZero)->text(), QStringLiteral("ezETH"));
    QCOMPARE(t.item(1, EModeTable::Borrowable)->text(), QStringLiteral("USDC, USDT"));
    QVERIFY(t.item(1, EModeTable::LtvZero)->text().isEmpty());
    const QByteArray out = qgetenv("LP_SCREENSHOT_DIR");
    if (!out.isEmpty()) {
        t.resize(900, 140);
        t.show();
        QVERIFY(QTest::qWaitForWindowExposed(&t));
        QVERIFY(QDir().mkpath(QString::fromLocal8Bit(out)));
        QVERIFY(t.grab().save(
            QDir(QString::fromLocal8Bit(out)).filePath(QStringLiteral("market-emode-roles.png"))));
    }
    t.item(1, EModeTable::Borrowable)->setText(QStringLiteral("USDC"));
    t.item(0, EModeTable::Collateral)->setText(QString());
    const QList<EModeCategory> edited = t.categories(&errors);
    QVERIFY(errors.isEmpty());
    QCOMPARE(edited[1].borrowable, std::optional<QStringList>(symbols("USDC")));
    QVERIFY(!edited[1].collateral);
    QVERIFY(!edited[0].collateral);
    QCOMPARE(edited[0].borrowable, roles.borrowable);
    QCOMPARE(edited[0].ltvZero, roles.ltvZero);
}

QTEST_MAIN(TestMarketEditor)
#include "tst_marketeditor.moc"
