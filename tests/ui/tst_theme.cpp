// View > Theme (ui/theme.h) and the risk colours on each palette (ui/riskstyle.h): the palettes, the
// switch of the whole application, the saved choice, the summary and status line re-coloured, and the
// dark screenshot.
#include "formfield.h"
#include "mainwindow.h"
#include "marketpicker.h"
#include "marketregistry.h"
#include "planform.h"
#include "plansession.h"
#include "reservetable.h"
#include "riskstyle.h"
#include "summarypanel.h"
#include "theme.h"
#include "uitestutil.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QStandardPaths>
#include <QStyle>
#include <QTableWidget>

using namespace lp;
using namespace lp::uitest;

namespace {

// WCAG 2 contrast ratio of two colours (1 to 21).
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(static_cast<double>(c.redF())) +
               0.7152 * channel(static_cast<double>(c.greenF())) +
               0.0722 * channel(static_cast<double>(c.blueF()));
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

const risk::Level kLevels[] = {risk::Level::Safe, risk::Level::Caution, risk::Level::Danger};

} // namespace

class TestTheme : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void namesRoundTrip();
    void palettesAreWhatTheySay();
    void riskColoursReadOnBothPalettes();
    void badgeTextReadsOnEveryLevel();
    void estimatesReadOnBothPalettes();
    void applySwitchesTheWholeApplication();
    void menuAppliesSavesAndRecolours();
    void invalidFieldReadsOnDark();
    void screenshotDark();
};

void TestTheme::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("LeveragePlannerTest-theme"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestTheme::init()
{
    QSettings().clear();
    theme::apply(theme::Theme::System);
}

void TestTheme::cleanupTestCase()
{
    theme::apply(theme::Theme::System);
}

void TestTheme::namesRoundTrip()
{
    for (theme::Theme t : {theme::Theme::System, theme::Theme::Light, theme::Theme::Dark}) {
        theme::Theme back = theme::Theme::System;
        QVERIFY(theme::fromString(theme::toString(t), &back));
        QVERIFY(back == t);
    }
    theme::Theme untouched = theme::Theme::Dark;
    QVERIFY(!theme::fromString(QStringLiteral("Dark"), &untouched)); // the spelling is exact
    QVERIFY(!theme::fromString(QString(), &untouched));
    QVERIFY(untouched == theme::Theme::Dark);
    QSettings().setValue(QStringLiteral("view/theme"), QStringLiteral("sepia"));
    QVERIFY(theme::saved() == theme::Theme::System); // an unknown stored value is ignored
}

void TestTheme::palettesAreWhatTheySay()
{
    const QPalette dark = theme::darkPalette();
    const QPalette light = theme::lightPalette();
    QVERIFY(theme::isDark(dark));
    QVERIFY(!theme::isDark(light));
    // Text reads on its background in both, and disabled text is dimmer than enabled text.
    for (const QPalette &p : {dark, light}) {
        QVERIFY(contrast(p.color(QPalette::WindowText), p.color(QPalette::Window)) >= 7.0);
        QVERIFY(contrast(p.color(QPalette::Text), p.color(QPalette::Base)) >= 7.0);
        QVERIFY(contrast(p.color(QPalette::HighlightedText), p.color(QPalette::Highlight)) >= 3.0);
        QVERIFY(contrast(p.color(QPalette::Disabled, QPalette::Text), p.color(QPalette::Base)) <
                contrast(p.color(QPalette::Text), p.color(QPalette::Base)));
    }
    QVERIFY(contrast(dark.color(QPalette::Link), dark.color(QPalette::Base)) >= 4.5);
}

void TestTheme::riskColoursReadOnBothPalettes()
{
    // WCAG AA asks 4.5:1 for body text; the light palette's amber reaches 3.7:1 on Fusion's grey window
    // (AA for bold and large text, which the summary uses), every other pair 4.5:1.
    const QPalette dark = theme::darkPalette();
    const QPalette light = theme::lightPalette();
    for (risk::Level level : kLevels) {
        for (QPalette::ColorRole role : {QPalette::Window, QPalette::Base}) {
            const double onDark = contrast(risk::colorFor(level, true), dark.color(role));
            QVERIFY2(onDark >= 4.5, qPrintable(QString::number(onDark)));
            const double onLight = contrast(risk::colorFor(level, false), light.color(role));
            QVERIFY2(onLight >= 3.0, qPrintable(QString::number(onLight)));
        }
    }
    // The one-argument form follows the application's palette.
    QApplication::setPalette(dark);
    QCOMPARE(risk::colorFor(risk::Level::Danger), risk::colorFor(risk::Level::Danger, true));
    QApplication::setPalette(light);
    QCOMPARE(risk::colorFor(risk::Level::Danger), risk::colorFor(risk::Level::Danger, false));
}

void TestTheme::badgeTextReadsOnEveryLevel()
{
    // The summary's "Risk: ..." badge: its text on the level's colour. White on the light palette's dark
    // amber is the weakest pair, 4.2:1, in bold.
    for (bool dark : {false, true}) {
        for (risk::Level level : kLevels) {
            const QColor background = risk::colorFor(level, dark);
            const double ratio = contrast(risk::textColorOn(background), background);
            QVERIFY2(ratio >= 4.0, qPrintable(QString::number(ratio)));
        }
    }
    QCOMPARE(risk::textColorOn(Qt::white), QColor(Qt::black));
    QCOMPARE(risk::textColorOn(Qt::black), QColor(Qt::white));
}

void TestTheme::estimatesReadOnBothPalettes()
{
    // An estimate cell of the market picker (zkSync USDT's borrow APY has no stored source), read as the
    // table draws it: its own text colour if it has one, else the palette's text colour; on its amber.
    for (const QPalette &palette : {theme::lightPalette(), theme::darkPalette()}) {
        QApplication::setPalette(palette);
        MarketPicker picker(&MarketRegistry::builtIn());
        picker.chooseMarket(QStringLiteral("zerolend-zksync"));
        picker.chooseCollateral(QStringLiteral("USDC.e"));
        picker.chooseBorrow(QStringLiteral("USDT"));
        for (int column :
             {int(MarketPicker::Parameter), int(MarketPicker::Value), int(MarketPicker::Source)}) {
            const QTableWidgetItem *item =
                picker.parameterTable()->item(MarketPicker::rowOf(MarketField::BorrowApy), column);
            QCOMPARE(item->background().color(), ReserveTable::kEstimateColor);
            const QColor text = item->foreground().style() == Qt::NoBrush
                                    ? picker.parameterTable()->palette().color(QPalette::Text)
                                    : item->foreground().color();
            const double ratio = contrast(text, item->background().color());
            QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1 on %2: %3")
                                                  .arg(text.name(), item->background().color().name())
                                                  .arg(ratio)));
        }
        // A sourced value keeps the palette's colours.
        const QTableWidgetItem *ltv = picker.parameterTable()->item(
            MarketPicker::rowOf(MarketField::CollateralLtv), MarketPicker::Value);
        QCOMPARE(ltv->foreground().style(), Qt::NoBrush);
        QCOMPARE(ltv->background().style(), Qt::NoBrush);
    }
    // Clearing the mark clears both colours.
    QTableWidgetItem item(QStringLiteral("1.0"));
    ReserveTable::styleEstimate(&item, true);
    QVERIFY(contrast(item.foreground().color(), item.background().color()) >= 4.5);
    ReserveTable::styleEstimate(&item, false);
    QCOMPARE(item.foreground().style(), Qt::NoBrush);
    QCOMPARE(item.background().style(), Qt::NoBrush);
    QApplication::setPalette(theme::lightPalette());
}

void TestTheme::applySwitchesTheWholeApplication()
{
    const QString startStyle = QApplication::style()->name();
    const QPalette startPalette = QApplication::palette();
    theme::apply(theme::Theme::Dark);
    QVERIFY(theme::current() == theme::Theme::Dark);
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    QCOMPARE(QApplication::palette().color(QPalette::Window), theme::darkPalette().color(QPalette::Window));
    QVERIFY(theme::isDark(QApplication::palette()));
    theme::apply(theme::Theme::Light);
    QCOMPARE(QApplication::palette().color(QPalette::Base), theme::lightPalette().color(QPalette::Base));
    QVERIFY(!theme::isDark(QApplication::palette()));
    theme::apply(theme::Theme::System);
    QCOMPARE(QApplication::style()->name(), startStyle);
    QCOMPARE(QApplication::palette().color(QPalette::Window), startPalette.color(QPalette::Window));
}

void TestTheme::menuAppliesSavesAndRecolours()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QLabel *hf = window.summaryPanel()->valueLabel(SummaryPanel::HealthFactor);
    const risk::Level level = risk::levelForHealthFactor(window.session()->result()->position.healthFactor);
    QCOMPARE(hf->palette().color(QPalette::WindowText), risk::colorFor(level, false));

    auto *dark = window.findChild<QAction *>(QStringLiteral("actionThemedark"));
    QVERIFY(dark);
    QVERIFY(!dark->isChecked());
    dark->trigger();
    QVERIFY(dark->isChecked());
    QVERIFY(theme::isDark(QApplication::palette()));
    // The widgets get the new palette through posted events.
    QTRY_VERIFY(theme::isDark(window.palette()));
    QCOMPARE(QSettings().value(QStringLiteral("view/theme")).toString(), QStringLiteral("dark"));
    QVERIFY(theme::saved() == theme::Theme::Dark);
    // The views picked the colours for the new background without a new result.
    QCOMPARE(hf->palette().color(QPalette::WindowText), risk::colorFor(level, true));

    // An invalid plan: the status line's error colour follows the theme too.
    Plan bad = window.session()->plan();
    bad.collateral.liquidationThreshold = 0.5;
    window.session()->setPlan(bad);
    QCOMPARE(window.statusLine()->palette().color(QPalette::WindowText),
             risk::colorFor(risk::Level::Danger, true));
    window.findChild<QAction *>(QStringLiteral("actionThemelight"))->trigger();
    QTRY_COMPARE(window.statusLine()->palette().color(QPalette::WindowText),
                 risk::colorFor(risk::Level::Danger, false));
    QVERIFY(theme::saved() == theme::Theme::Light);
}

void TestTheme::invalidFieldReadsOnDark()
{
    theme::apply(theme::Theme::Dark);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *lt = window.findChild<QDoubleSpinBox *>(QStringLiteral("collateral.liquidationThreshold"));
    QVERIFY(lt);
    typeInto(lt, QStringLiteral("70")); // below the max LTV: marked
    QVERIFY(lt->property(FormField::kInvalidProperty).toBool());
    // A dark red under the light text, and the message under it in a red that reads on the window.
    const QPalette p = lt->palette();
    QVERIFY(p.color(QPalette::Base).lightness() < 128);
    QVERIFY(contrast(p.color(QPalette::Text), p.color(QPalette::Base)) >= 7.0);
    QLabel *error = window.planForm()->field(QStringLiteral("collateral.liquidationThreshold"))->errorLabel();
    QVERIFY(error->isVisible());
    QVERIFY(contrast(error->palette().color(QPalette::WindowText),
                     window.palette().color(QPalette::Window)) >= 4.5);
    // Back to light: the marks take the light theme's colours.
    theme::apply(theme::Theme::Light);
    QTRY_VERIFY(lt->palette().color(QPalette::Base).lightness() > 128);
    QTRY_COMPARE(error->palette().color(QPalette::WindowText), risk::colorFor(risk::Level::Danger, false));
}

void TestTheme::screenshotDark()
{
    theme::apply(theme::Theme::Dark);
    MainWindow window;
    window.resize(1400, 860);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(50);
    const QPixmap pixmap = window.grab();
    QCOMPARE(pixmap.size(), QSize(1400, 860) * pixmap.devicePixelRatio());
    // The status bar along the bottom is the dark window colour, not the light one.
    const QImage image = pixmap.toImage();
    QVERIFY(qGray(image.pixel(image.width() / 2, image.height() - 5)) < 128);
    // LP_SCREENSHOT_DIR=docs/screenshots writes the picture used by the README.
    const QByteArray dir = qgetenv("LP_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(QDir().mkpath(QString::fromLocal8Bit(dir)));
    QVERIFY(pixmap.save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("main-window-dark.png"))));
}

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
