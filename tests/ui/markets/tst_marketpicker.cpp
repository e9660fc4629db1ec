// The market picker, offscreen: chain, date and source shown; choosing assets fills their parameters;
// e-mode with its toggle; estimates marked; per-field reset to preset.
#include "marketpicker.h"
#include "marketregistry.h"
#include "planmarket.h"
#include "reservetable.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

using namespace lp;

namespace {

QString cell(const MarketPicker &picker, MarketField f, int column)
{
    return picker.parameterTable()->item(MarketPicker::rowOf(f), column)->text();
}

QString where(const MarketPicker &picker, MarketField f)
{
    return picker.parameterTable()->item(MarketPicker::rowOf(f), MarketPicker::Source)->toolTip();
}

QToolButton *resetButton(const MarketPicker &picker, MarketField f)
{
    return qobject_cast<QToolButton *>(
        picker.parameterTable()->cellWidget(MarketPicker::rowOf(f), MarketPicker::Reset));
}

} // namespace

class TestMarketPicker : public QObject {
    Q_OBJECT
private slots:
    void showsChainDateAndSource();
    void pairFillsParametersWithEMode();
    void eModeToggle();
    void estimatesAreMarked();
    void resetToPreset();
    void unknownMarketKeepsPlanValues();
    void screenshot();
};

void TestMarketPicker::showsChainDateAndSource()
{
    MarketPicker picker(&MarketRegistry::builtIn());
    QSignalSpy edited(&picker, &MarketPicker::planEdited);
    QCOMPARE(picker.marketBox()->count(), 12); // "none" and the eleven presets
    picker.chooseMarket(QStringLiteral("zerolend-zksync"));
    QCOMPARE(edited.count(), 1);
    QCOMPARE(picker.plan().market, QStringLiteral("zerolend-zksync"));
    const QString info = picker.infoLabel()->text();
    QVERIFY2(info.contains(QStringLiteral("zkSync Era")), qPrintable(info));
    QVERIFY2(info.contains(QLocale().toString(QDate(2025, 1, 15), QLocale::ShortFormat)), qPrintable(info));
    QVERIFY2(info.contains(QStringLiteral("deadshotryker/deploy@1883fa1f")), qPrintable(info));
    // The rule set in use, and a date more than 90 days back flagged as stale.
    QVERIFY2(info.contains(QStringLiteral("rules: aave-v3.0")), qPrintable(info));
    QVERIFY2(info.contains(
                 QStringLiteral("(stale: %1 days old)").arg(QDate(2025, 1, 15).daysTo(QDate::currentDate()))),
             qPrintable(info));
    // The default plan's wstETH is no zkSync collateral: the first collateral asset is taken.
    QCOMPARE(picker.collateralBox()->count(), 7);
    QCOMPARE(picker.plan().collateral.symbol, QStringLiteral("USDC.e"));
}

void TestMarketPicker::pairFillsParametersWithEMode()
{
    MarketPicker picker(&MarketRegistry::builtIn());
    picker.chooseMarket(QStringLiteral("zerolend-zksync"));
    picker.chooseCollateral(QStringLiteral("WETH"));
    picker.chooseBorrow(QStringLiteral("USDT"));
    // WETH: reserves[1], 80 / 82.5 / 5 %, price 3000; USDT borrow APY 3.252 %. No common category.
    QCOMPARE(picker.plan().collateral.ltv, 0.80);
    QCOMPARE(picker.plan().collateral.liquidationThreshold, 0.825);
    QCOMPARE(picker.plan().collateral.priceUsd, 3000.0);
    QCOMPARE(picker.plan().borrow.borrowApy, 0.03252);
    QVERIFY(!picker.eModeBox()->isEnabled());
    QCOMPARE(cell(picker, MarketField::CollateralLtv, MarketPicker::Source), QStringLiteral("market"));
    QCOMPARE(where(picker, MarketField::CollateralLtv),
             QStringLiteral("From the market file: reserves[1].ltv"));
    // USDC.e against USDT: both in "Stablecoins", 97 / 97.5 / 1 %.
    picker.chooseCollateral(QStringLiteral("USDC.e"));
    QCOMPARE(picker.plan().collateral.ltv, 0.97);
    QCOMPARE(picker.plan().collateral.liquidationThreshold, 0.975);
    QCOMPARE(picker.plan().collateral.liquidationBonus, 0.01);
    QVERIFY(picker.eModeBox()->isEnabled());
    QVERIFY(picker.eModeBox()->isChecked());
    QVERIFY(picker.eModeBox()->text().contains(QStringLiteral("Stablecoins")));
    QCOMPARE(where(picker, MarketField::CollateralLtv),
             QStringLiteral("From the market file: eModes[0].ltv"));
}

void TestMarketPicker::eModeToggle()
{
    MarketPicker picker(&MarketRegistry::builtIn());
    picker.chooseMarket(QStringLiteral("zerolend-zksync"));
    picker.chooseCollateral(QStringLiteral("USDC.e"));
    picker.chooseBorrow(QStringLiteral("USDT"));
    QSignalSpy edited(&picker, &MarketPicker::planEdited);
    QTest::mouseClick(picker.eModeBox(), Qt::LeftButton, {}, QPoint(4, picker.eModeBox()->height() / 2));
    QCOMPARE(edited.count(), 1);
    QVERIFY(!picker.plan().useEMode);
    QCOMPARE(picker.plan().collateral.ltv, 0.80);
    QCOMPARE(picker.plan().collateral.liquidationThreshold, 0.85);
    QCOMPARE(picker.plan().collateral.liquidationBonus, 0.05);
    picker.setEModeEnabled(true);
    QCOMPARE(picker.plan().collateral.ltv, 0.97);
}

void TestMarketPicker::estimatesAreMarked()
{
    MarketPicker picker(&MarketRegistry::builtIn());
    picker.chooseMarket(QStringLiteral("zerolend-zksync"));
    picker.chooseCollateral(QStringLiteral("USDC.e"));
    picker.chooseBorrow(QStringLiteral("USDT"));
    const int apy = MarketPicker::rowOf(MarketField::BorrowApy);
    QCOMPARE(cell(picker, MarketField::BorrowApy, MarketPicker::Source), QStringLiteral("market, estimate"));
    QVERIFY(where(picker, MarketField::BorrowApy).contains(QStringLiteral("reserves[2].borrowApy")));
    QCOMPARE(picker.parameterTable()->item(apy, MarketPicker::Value)->background().color(),
             ReserveTable::kEstimateColor);
    const int ltv = MarketPicker::rowOf(MarketField::CollateralLtv);
    QCOMPARE(picker.parameterTable()->item(ltv, MarketPicker::Value)->background().style(), Qt::NoBrush);
}

void TestMarketPicker::resetToPreset()
{
    MarketPicker picker(&MarketRegistry::builtIn());
    picker.chooseMarket(QStringLiteral("zerolend-zksync"));
    picker.chooseCollateral(QStringLiteral("WETH"));
    picker.chooseBorrow(QStringLiteral("USDT"));
    QVERIFY(!resetButton(picker, MarketField::CollateralLtv)->isEnabled());
    // The plan form edits the value and clears its preset flag; the picker is told through setPlan.
    Plan edited = picker.plan();
    edited.collateral.ltv = 0.7;
    markOverridden(&edited, MarketField::CollateralLtv);
    picker.setPlan(edited);
    QCOMPARE(cell(picker, MarketField::CollateralLtv, MarketPicker::Source), QStringLiteral("yours"));
    QToolButton *reset = resetButton(picker, MarketField::CollateralLtv);
    QVERIFY(reset->isEnabled());
    QSignalSpy spy(&picker, &MarketPicker::planEdited);
    reset->click();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(picker.plan().collateral.ltv, 0.80);
    QVERIFY(!isOverridden(picker.plan(), MarketField::CollateralLtv,
                          marketPreset(MarketRegistry::builtIn(), picker.plan())));
    QVERIFY(!reset->isEnabled());
}

void TestMarketPicker::unknownMarketKeepsPlanValues()
{
    MarketPicker picker(&MarketRegistry::builtIn());
    Plan plan;
    plan.market = QStringLiteral("zerolend-mars");
    plan.collateral.ltv = 0.6;
    picker.setPlan(plan);
    QVERIFY(picker.marketBox()->currentText().contains(QStringLiteral("not known")));
    QVERIFY(!picker.collateralBox()->isEnabled());
    QCOMPARE(picker.plan().collateral.ltv, 0.6);
    QCOMPARE(cell(picker, MarketField::CollateralLtv, MarketPicker::Source), QStringLiteral("yours"));
}

void TestMarketPicker::screenshot()
{
    // LP_SCREENSHOT_DIR=DIR writes market-picker.png (USDC.e against USDT on ZeroLend zkSync, LTV changed).
    const QByteArray out = qgetenv("LP_SCREENSHOT_DIR");
    if (out.isEmpty())
        QSKIP("set LP_SCREENSHOT_DIR to write market-picker.png");
    MarketPicker picker(&MarketRegistry::builtIn());
    picker.chooseMarket(QStringLiteral("zerolend-zksync"));
    picker.chooseBorrow(QStringLiteral("USDT"));
    Plan p = picker.plan();
    p.collateral.ltv = 0.95;
    markOverridden(&p, MarketField::CollateralLtv);
    picker.setPlan(p);
    picker.resize(380, picker.sizeHint().height());
    QVERIFY(picker.grab().save(QString::fromLocal8Bit(out) + QStringLiteral("/market-picker.png")));
}

QTEST_MAIN(TestMarketPicker)
#include "tst_marketpicker.moc"
