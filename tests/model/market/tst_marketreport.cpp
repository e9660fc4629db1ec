// The report's `market` section names the plan's rule set, what it does and its public source, whether the
// rule set is the market's or the plan's own.
#include "marketregistry.h"
#include "marketreport.h"
#include "planmarket.h"

#include <QJsonObject>
#include <QTest>

using namespace lp;

class TestMarketReport : public QObject {
    Q_OBJECT
private slots:
    void namesTheRuleSetAndItsSource_data()
    {
        QTest::addColumn<QString>("market");
        QTest::addColumn<QString>("rules");
        QTest::addColumn<QString>("source"); // a piece of the rule set's public source
        QTest::newRow("Aave v3 Ethereum") << "aave-v3-ethereum"
                                          << "aave-v3.3"
                                          << "aave-v3-origin";
        QTest::newRow("Aave v3 Arbitrum") << "aave-v3-arbitrum"
                                          << "aave-v3.3"
                                          << "docs/3.5";
        QTest::newRow("Aave v3 Base") << "aave-v3-base"
                                      << "aave-v3.3"
                                      << "docs/3.3";
        QTest::newRow("Spark Ethereum") << "spark-ethereum"
                                        << "aave-v3.0"
                                        << "aave-v3-core";
        QTest::newRow("Aave V4 Ethereum") << "aave-v4-ethereum"
                                          << "aave-v4"
                                          << "aave-v4";
    }

    void namesTheRuleSetAndItsSource()
    {
        QFETCH(QString, market);
        QFETCH(QString, rules);
        QFETCH(QString, source);
        Plan plan = defaultPlan();
        plan.market = market;
        applyPreset(&plan, marketPreset(MarketRegistry::builtIn(), plan));
        const QJsonObject m = marketReportJson(plan, MarketRegistry::builtIn()).toObject();
        QCOMPARE(m.value(QStringLiteral("liquidationRules")).toString(), rules);
        QCOMPARE(m.value(QStringLiteral("liquidationRulesSource")).toString(), QStringLiteral("preset"));
        QCOMPARE(m.value(QStringLiteral("liquidationRulesDescription")).toString(),
                 describe(plan.liquidationRules));
        QCOMPARE(m.value(QStringLiteral("liquidationRulesReference")).toString(),
                 ruleSetSource(plan.liquidationRules));
        QVERIFY(m.value(QStringLiteral("liquidationRulesReference")).toString().contains(source));
        QCOMPARE(m.value(QStringLiteral("asOf")).toString().left(4),
                 QString::number(MarketRegistry::builtIn().find(market)->asOf.year()));
        // The text report says the same in its Rules line.
        const QStringList text = marketReportText(plan, MarketRegistry::builtIn());
        QVERIFY(
            text.join(QLatin1Char('\n'))
                .contains(QStringLiteral("Rules: %1 (%2)")
                              .arg(describe(plan.liquidationRules), ruleSetSource(plan.liquidationRules))));
    }

    void aPlansOwnRuleSetIsNamedAsThePlans()
    {
        // Aave v3.3's market, the plan choosing Morpho Blue: the section names Morpho's rules and source.
        Plan plan = defaultPlan();
        plan.liquidationRules = LiquidationRuleSet::MorphoBlue;
        markOverridden(&plan, MarketField::LiquidationRules);
        const QJsonObject m = marketReportJson(plan, MarketRegistry::builtIn()).toObject();
        QCOMPARE(m.value(QStringLiteral("liquidationRules")).toString(), QStringLiteral("morpho-blue"));
        QCOMPARE(m.value(QStringLiteral("liquidationRulesSource")).toString(), QStringLiteral("plan"));
        QVERIFY(m.value(QStringLiteral("liquidationRulesReference"))
                    .toString()
                    .contains(QStringLiteral("morpho-blue")));
    }
};

QTEST_APPLESS_MAIN(TestMarketReport)
#include "tst_marketreport.moc"
