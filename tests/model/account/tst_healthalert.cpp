#include "healthalert.h"

#include <QtTest>

#include <cmath>

using namespace lp;

class TestHealthAlert : public QObject {
    Q_OBJECT

private slots:
    // 1.5, 1.25 (crosses 1.3: alert), 1.2, 1.1 (still below: quiet), 1.4 (back above), 1.29 (alert again).
    void oncePerCrossing()
    {
        HealthAlert a({1.3, std::nullopt});
        QVERIFY(!a.reading(1.5, 0.4));
        const std::optional<QString> first = a.reading(1.25, 0.2);
        QVERIFY(first);
        QVERIFY2(first->contains(QStringLiteral("1.2500")) && first->contains(QStringLiteral("1.3000")),
                 qPrintable(*first));
        QVERIFY(!a.reading(1.2, 0.17));
        QVERIFY(!a.reading(1.1, 0.1));
        QVERIFY(!a.reading(1.4, 0.3));
        QVERIFY(!a.isBelow());
        QVERIFY(a.reading(1.29, 0.22));
        QCOMPARE(a.alerts(), 2);
    }

    // A failed reading is neither a recovery nor a crossing: below stays below, with no second alert.
    void failedReadingIsNotSafe()
    {
        HealthAlert a({1.3, std::nullopt});
        QVERIFY(a.reading(1.2, 0.1));
        a.failedReading();
        QVERIFY(a.isBelow());
        QVERIFY(!a.reading(1.2, 0.1));
        QCOMPARE(a.alerts(), 1);
        QCOMPARE(a.failures(), 1);
    }

    // The distance level: 8 % to liquidation against an alert below 10 %; infinite health, no distance, no
    // alert.
    void distanceLevel()
    {
        HealthAlert a({std::nullopt, 0.10});
        QVERIFY(!a.reading(std::numeric_limits<double>::infinity(), std::nan("")));
        const std::optional<QString> m = a.reading(1.09, 0.08);
        QVERIFY(m);
        QVERIFY2(m->contains(QStringLiteral("8.00 %")), qPrintable(*m));
    }
};

QTEST_APPLESS_MAIN(TestHealthAlert)
#include "tst_healthalert.moc"
