// Menu and context-menu texts as shown: a literal "&" (P&L) is escaped as "&&", so Qt does not eat it as a
// mnemonic, and no text has two mnemonics.
#include "charttabs.h"
#include "mainwindow.h"
#include "pnlchart.h"

#include <QAction>
#include <QStandardPaths>
#include <QTest>

using namespace lp;

namespace {

// What a menu shows for an action's text: "&&" is a literal "&", a single "&" marks the mnemonic.
QString shown(const QString &text, int *mnemonics)
{
    QString out;
    *mnemonics = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&')) {
            out += text.at(i);
        } else if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('&')) {
            out += QLatin1Char('&');
            ++i;
        } else {
            ++*mnemonics;
        }
    }
    return out;
}

} // namespace

class TestMenuTexts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LeveragePlannerTest-menutexts"));
    }
    void pnlInPercentShowsItsAmpersand();
    void noActionHasTwoMnemonics();
};

void TestMenuTexts::pnlInPercentShowsItsAmpersand()
{
    MainWindow window;
    int mnemonics = 0;
    QCOMPARE(shown(window.chartTabs()->pnlChart()->percentAction()->text(), &mnemonics),
             QStringLiteral("P&L in % of the deposit"));
    QCOMPARE(mnemonics, 0);
}

void TestMenuTexts::noActionHasTwoMnemonics()
{
    MainWindow window;
    const QList<QAction *> actions = window.findChildren<QAction *>();
    QVERIFY(actions.size() > 20);
    for (const QAction *a : actions) {
        int mnemonics = 0;
        const QString text = shown(a->text(), &mnemonics);
        QVERIFY2(mnemonics <= 1, qPrintable(a->text()));
        // "P&L" written without escaping would show as "PL".
        QVERIFY2(!text.contains(QLatin1String("PL ")) && !text.endsWith(QLatin1String("PL")),
                 qPrintable(a->text()));
    }
}

QTEST_MAIN(TestMenuTexts)
#include "tst_menutexts.moc"
