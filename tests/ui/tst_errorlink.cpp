// An invalid plan in the window: the banner above the charts names each field as a link, activating the
// link scrolls the form to the field and focuses it, and the last valid figures are greyed and marked as
// not current until the plan is valid again.
#include "mainwindowtest.h"

#include "charttabs.h"
#include "errorsummary.h"

#include <QGraphicsOpacityEffect>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>

using namespace lp;
using namespace lp::uitest;

class TestErrorLink : public MainWindowTest {
    Q_OBJECT

private slots:
    void initTestCase() { useUsLocale(); }
    void init() { openWindow(); }
    void cleanup() { closeWindow(); }

    void validPlanShowsNoBannerAndCurrentFigures();
    void errorIsSummarisedWithTheFieldAsLink();
    void linkScrollsToAndFocusesTheField();
    void staleFiguresAreGreyedUntilFixed();
    void bannerLinksEveryFieldNamed();
    void screenshot();
};

namespace {

// Whether `widget` lies wholly inside the scroll area's visible viewport.
bool visibleIn(const QScrollArea *scroll, const QWidget *widget)
{
    const QRect inViewport(widget->mapTo(scroll->viewport(), QPoint(0, 0)), widget->size());
    return scroll->viewport()->rect().contains(inViewport);
}

} // namespace

void TestErrorLink::validPlanShowsNoBannerAndCurrentFigures()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(!m_window->errorSummary()->isVisible());
    QVERIFY(m_window->figuresCurrent());
    QCOMPARE(m_window->chartTabs()->graphicsEffect(), nullptr);
    QVERIFY(m_window->planReadingLabel()->isEnabled());
}

void TestErrorLink::errorIsSummarisedWithTheFieldAsLink()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    typeInto(editor<QDoubleSpinBox>("collateral.liquidationThreshold"), QStringLiteral("70"));
    QVERIFY(!m_window->session()->isValid());
    ErrorSummary *banner = m_window->errorSummary();
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->linkedPaths(), QStringList{QStringLiteral("collateral.liquidationThreshold")});
    // The field's name as a person reads it, as a link, and the validator's message.
    const QString link = QStringLiteral("<a href=\"%1\">Liquidation threshold</a>")
                             .arg(ErrorSummary::linkFor(QStringLiteral("collateral.liquidationThreshold")));
    QVERIFY2(banner->text().contains(link), qPrintable(banner->text()));
    const QString message = m_window->session()->errors().constFirst().message;
    QVERIFY(banner->text().contains(message.toHtmlEscaped()));
    QVERIFY(banner->text().contains(QStringLiteral("not of this one")));
    // The banner sits above the charts.
    QVERIFY(banner->mapTo(m_window.get(), QPoint(0, 0)).y() <
            m_window->chartTabs()->mapTo(m_window.get(), QPoint(0, 0)).y());
}

void TestErrorLink::linkScrollsToAndFocusesTheField()
{
    m_window->resize(1280, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    auto *scroll = m_window->findChild<QScrollArea *>(QStringLiteral("planFormScroll"));
    QVERIFY(scroll);
    auto *threshold = editor<QDoubleSpinBox>("collateral.liquidationThreshold");
    typeInto(threshold, QStringLiteral("70"));
    // The user scrolls down to the outlook and works there: the marked field is out of view.
    scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
    auto *horizon = editor<QDoubleSpinBox>("horizonDays");
    horizon->setFocus();
    QVERIFY(scroll->verticalScrollBar()->maximum() > 0); // the form is taller than 720 px
    QVERIFY(!visibleIn(scroll, threshold));

    emit m_window->errorSummary()->linkActivated(
        ErrorSummary::linkFor(QStringLiteral("collateral.liquidationThreshold")));
    QVERIFY(visibleIn(scroll, threshold));
    QTRY_COMPARE(QApplication::focusWidget(), threshold);
    // A link to a field the form does not have changes nothing.
    QVERIFY(!m_window->goToField(QStringLiteral("no.such.field")));
    QCOMPARE(QApplication::focusWidget(), threshold);
}

void TestErrorLink::staleFiguresAreGreyedUntilFixed()
{
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    const QString readingBefore = m_window->planReadingLabel()->text();
    auto *threshold = editor<QDoubleSpinBox>("collateral.liquidationThreshold");
    typeInto(threshold, QStringLiteral("70"));
    QVERIFY(!m_window->figuresCurrent());
    // Greyed: the charts and the loop table faded, the one line disabled and saying whose figures they are.
    const auto *chartsEffect =
        qobject_cast<QGraphicsOpacityEffect *>(m_window->chartTabs()->graphicsEffect());
    QVERIFY(chartsEffect);
    QVERIFY(chartsEffect->opacity() < 1.0);
    QVERIFY(qobject_cast<QGraphicsOpacityEffect *>(m_window->loopTable()->graphicsEffect()));
    QVERIFY(!m_window->planReadingLabel()->isEnabled());
    QVERIFY(m_window->planReadingLabel()->text().startsWith(QStringLiteral("Last valid plan")));
    QVERIFY(m_window->planReadingLabel()->text().endsWith(readingBefore));
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("summary.stale"))->isVisible());
    // Never shown as current: a second invalid edit keeps them marked.
    typeInto(editor<QDoubleSpinBox>("collateral.priceUsd"), QStringLiteral("3600"));
    QVERIFY(!m_window->figuresCurrent());
    QVERIFY(m_window->planReadingLabel()->text().startsWith(QStringLiteral("Last valid plan")));

    typeInto(threshold, QStringLiteral("96")); // above the default's 93.5 % LTV: valid again
    QVERIFY(m_window->session()->isValid());
    QVERIFY(m_window->figuresCurrent());
    QVERIFY(!m_window->errorSummary()->isVisible());
    QCOMPARE(m_window->chartTabs()->graphicsEffect(), nullptr);
    QCOMPARE(m_window->loopTable()->graphicsEffect(), nullptr);
    QVERIFY(m_window->planReadingLabel()->isEnabled());
    QVERIFY(!m_window->planReadingLabel()->text().startsWith(QStringLiteral("Last valid plan")));
}

void TestErrorLink::bannerLinksEveryFieldNamed()
{
    ErrorSummary banner;
    banner.setTitleLookup([](const QString &path) {
        return path == QLatin1String("deposit") ? QStringLiteral("Deposit <A>") : QString();
    });
    QSignalSpy activated(&banner, &ErrorSummary::fieldActivated);
    banner.showErrors({{QStringLiteral("deposit"), QStringLiteral("must be > 0")},
                       {QStringLiteral("risk.drift"), QStringLiteral("too large")}});
    QCOMPARE(banner.linkedPaths(), (QStringList{QStringLiteral("deposit"), QStringLiteral("risk.drift")}));
    // Titles and messages are escaped; a path without a title is named by itself.
    QVERIFY(banner.text().contains(QStringLiteral("Deposit &lt;A&gt;</a>: must be &gt; 0")));
    QVERIFY(banner.text().contains(QStringLiteral(">risk.drift</a>: too large")));
    emit banner.linkActivated(ErrorSummary::linkFor(QStringLiteral("risk.drift")));
    emit banner.linkActivated(QStringLiteral("https://example.org")); // not a field: ignored
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.constFirst().constFirst().toString(), QStringLiteral("risk.drift"));
    banner.showErrors({});
    QVERIFY(banner.text().isEmpty());
    QVERIFY(banner.linkedPaths().isEmpty());
}

void TestErrorLink::screenshot()
{
    // LP_SCREENSHOT_DIR=docs/screenshots writes error-link.png: the banner over the greyed figures.
    const QByteArray dirEnv = qgetenv("LP_SCREENSHOT_DIR");
    QTemporaryDir tmp;
    const QDir dir(dirEnv.isEmpty() ? tmp.path() : QString::fromLocal8Bit(dirEnv));
    QVERIFY(QDir().mkpath(dir.path()));
    m_window->resize(1280, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    typeInto(editor<QDoubleSpinBox>("collateral.liquidationThreshold"), QStringLiteral("70"));
    QTest::qWait(100); // the form lays out the field's message first
    QVERIFY(m_window->grab().save(dir.filePath(QStringLiteral("error-link.png"))));
}

QTEST_MAIN(TestErrorLink)
#include "tst_errorlink.moc"
