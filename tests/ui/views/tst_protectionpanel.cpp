// The Risk tab's protection part (issue 18): hidden without rules; with rules, the probabilities with and
// without side by side and the final-equity histograms are the model's (lp::simulateProtection).
// LP_SCREENSHOT_DIR=docs/screenshots writes protection.png, the Risk tab of the default plan with an
// auto-repay at 1.4 back to 1.7 and a stop-loss.
#include "displayformat.h"
#include "outlook.h"
#include "protectionpanel.h"
#include "riskview.h"
#include "uitestutil.h"
#include "viewchart.h"

#include <QDir>
#include <QLabel>

using namespace lp;
using namespace lp::uitest;

namespace {

MonteCarloOptions fewPaths()
{
    MonteCarloOptions o = defaultMonteCarloOptions();
    o.paths = 2000;
    return o;
}

Plan protectedPlan()
{
    Plan p = defaultPlan();
    ProtectionRule repay = ProtectionRule::ofKind(ProtectionKind::AutoRepay);
    repay.triggerHealthFactor = 1.4;
    repay.targetHealthFactor = 1.7;
    ProtectionRule stop = ProtectionRule::ofKind(ProtectionKind::StopLoss);
    stop.priceUsd = 0.7 * p.collateral.priceUsd;
    stop.delaySteps = 0;
    p.protection = {repay, stop};
    return p;
}

ProtectionPanel *panelOf(const RiskView &view)
{
    return view.findChild<ProtectionPanel *>(QStringLiteral("risk.protection"));
}

} // namespace

class TestProtectionPanel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
    void hiddenWithoutRules();
    void figuresAreTheModels();
    void screenshot();
};

void TestProtectionPanel::hiddenWithoutRules()
{
    RiskView view;
    view.setMonteCarloOptions(fewPaths());
    view.showResult(expectedResult(defaultPlan()));
    QVERIFY(panelOf(view) != nullptr);
    QVERIFY(panelOf(view)->isHidden());
    QVERIFY(!view.outlook()->protection().result.has_value());
}

void TestProtectionPanel::figuresAreTheModels()
{
    const PlanResult r = expectedResult(protectedPlan());
    RiskView view;
    view.setMonteCarloOptions(fewPaths());
    view.showResult(r);
    ProtectionPanel *panel = panelOf(view);
    QVERIFY(!panel->isHidden());
    const ProtectionMonteCarloResult expected = simulateProtection(r.plan, r.opened, fewPaths()).value();
    const QString text = panel->summaryLabel()->text();
    QVERIFY2(text.contains(display::percent(expected.with.liquidationProbability, 1)), qPrintable(text));
    QVERIFY(text.contains(display::percent(expected.without.liquidationProbability, 1)));
    QVERIFY(text.contains(display::percent(expected.rules[0].fireProbability, 1)));
    QVERIFY(text.contains(display::usd(expected.with.finalEquityUsd.p50)));
    // Each histogram holds every path: the shares add up to 1.
    for (QCPGraph *g : {panel->withGraph(), panel->withoutGraph()}) {
        double total = 0;
        for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
            total += it->value;
        QVERIFY(std::fabs(total - 1.0) < 1e-9);
    }
}

void TestProtectionPanel::screenshot()
{
    const QByteArray dir = qgetenv("LP_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set LP_SCREENSHOT_DIR to write protection.png");
    QVERIFY(QDir().mkpath(QString::fromLocal8Bit(dir)));
    RiskView view;
    view.resize(1400, 1000);
    view.showResult(expectedResult(protectedPlan()));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTest::qWait(50);
    QVERIFY(view.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("protection.png"))));
}

QTEST_MAIN(TestProtectionPanel)
#include "tst_protectionpanel.moc"
