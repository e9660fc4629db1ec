// The plan field table: every numeric field it lists round-trips through the plan file, is named by the
// plan diff, has a title and a unit, and is range-checked by validatePlan(); the market's values map to
// the same rows. A new numeric field is a member of Plan plus a row, and these tests cover it unchanged.
#include "machineformat.h"
#include "marketregistry.h"
#include "plandiff.h"
#include "planfields.h"
#include "planjson.h"
#include "planmarket.h"
#include "testutil.h"

#include <QJsonDocument>
#include <QSet>
#include <QTest>

#include <cmath>
#include <limits>

using namespace lp;

class TestPlanFields : public QObject {
    Q_OBJECT
private slots:
    void pathsAreUniqueAndFound();
    void everyValueHasATitle();
    void roundTripsThroughJson();
    void isNamedByTheDiff();
    void isValidated();
    void requiredNumbersAreRequired();
    void marketFieldsMapToTheirRows();
};

namespace {

// A plan without a market (so every value is written) in the mode the field belongs to.
// The default plan on no market, with the value types' own collateral numbers (ltv 75 %, lt 80 %, bonus 5 %):
// 1/16 more of any of them stays within its range and cross checks (the default's e-mode values would not).
Plan planFor(const PlanField &field)
{
    Plan plan = defaultPlan();
    plan.market.clear();
    plan.presetFields = {};
    plan.collateral = CollateralAsset{};
    plan.liquidationRules = Plan{}.liquidationRules;
    if (field.mode)
        plan.strategy.mode = *field.mode;
    return plan;
}

// Another value the field may take in `plan`: one more for an integer, otherwise 1/16 more (or 1/16 when
// the value is 0), which keeps every default within its range and cross checks.
double otherValue(const PlanField &field, const Plan &plan)
{
    const double v = field.get(plan);
    if (field.kind == PlanFieldKind::Integer)
        return v + 1.0;
    return v == 0.0 ? 0.0625 : v * 1.0625;
}

QJsonValue valueAt(const QJsonObject &root, const PlanField &field)
{
    return field.group().isEmpty() ? root.value(field.key())
                                   : root.value(field.group()).toObject().value(field.key());
}

bool namesField(const ValidationErrors &errors, const PlanField &field)
{
    for (const ValidationError &e : errors) {
        if (e.field == field.pathName())
            return true;
    }
    return false;
}

} // namespace

void TestPlanFields::pathsAreUniqueAndFound()
{
    QSet<QString> paths;
    for (const PlanField &f : planFields()) {
        const QString path = f.pathName();
        QVERIFY2(!paths.contains(path), qPrintable(path));
        paths.insert(path);
        QCOMPARE(planField(path), &f);
        QCOMPARE(f.group().isEmpty() ? f.key() : f.group() + QLatin1Char('.') + f.key(), path);
    }
    QVERIFY(!planField(u"no.such.field"));
    QCOMPARE(planField(QStringLiteral("collateral.ltv"))->key(), QStringLiteral("ltv"));
    QCOMPARE(planField(QStringLiteral("collateral.ltv"))->group(), QStringLiteral("collateral"));
    QCOMPARE(planField(QStringLiteral("deposit"))->group(), QString());
}

void TestPlanFields::everyValueHasATitle()
{
    int numbers = 0;
    for (const PlanField &f : planFields()) {
        if (f.kind == PlanFieldKind::Bookkeeping) {
            QVERIFY2(!f.title, f.path);
            continue;
        }
        QVERIFY2(f.title && *f.title, f.path);
        if (f.isNumeric()) {
            ++numbers;
            QVERIFY2(f.get && f.set, f.path);
            QVERIFY2(f.unit != FieldUnit::None || f.pathName() == QLatin1String("strategy.healthFactor"),
                     f.path);
        }
    }
    // Today's plan has 19 numbers; the count only grows.
    QVERIFY(numbers >= 19);
    QCOMPARE(planField(QStringLiteral("collateral.priceUsd"))->title, "Token A Price");
    QVERIFY(planField(QStringLiteral("costs.gasUsdPerTx"))->unit == FieldUnit::UsdPerTx);
}

void TestPlanFields::roundTripsThroughJson()
{
    for (const PlanField &f : planFields()) {
        if (!f.isNumeric())
            continue;
        Plan plan = planFor(f);
        const double value = otherValue(f, plan);
        f.set(plan, value);
        QCOMPARE(f.get(plan), value);
        QVERIFY2(validatePlan(plan).isEmpty(), qPrintable(formatErrors(validatePlan(plan))));

        const QJsonObject json = planToJson(plan, MarketRegistry::builtIn());
        QCOMPARE(valueAt(json, f).toDouble(), value);
        const Expected<Plan> read = parsePlan(QJsonDocument(json).toJson(), MarketRegistry::builtIn());
        QVERIFY2(read.hasValue(), qPrintable(f.pathName() + QStringLiteral(": ") +
                                             formatErrors(read ? ValidationErrors() : read.errors())));
        QCOMPARE(f.get(*read), value);
        QVERIFY2(*read == plan, f.path);
    }
}

void TestPlanFields::isNamedByTheDiff()
{
    for (const PlanField &f : planFields()) {
        if (!f.isNumeric())
            continue;
        const Plan before = planFor(f);
        Plan after = before;
        f.set(after, otherValue(f, before));
        QCOMPARE(changedPlanFields(before, after), QStringList{f.pathName()});
        QCOMPARE(changedPlanFields(after, before), QStringList{f.pathName()});
    }
}

void TestPlanFields::isValidated()
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (const PlanField &f : planFields()) {
        if (!f.isNumeric())
            continue;
        const Plan valid = planFor(f);
        QVERIFY(!namesField(validatePlan(valid), f));
        // Outside the range on either side, and (for doubles) not a number: an error naming the field.
        const double below = f.kind == PlanFieldKind::Integer ? f.range.lo - 1
                             : f.range.loOpen                 ? f.range.lo
                                                              : std::nextafter(f.range.lo, -1e300);
        const double above = f.kind == PlanFieldKind::Integer ? f.range.hi + 1
                             : f.range.hiOpen                 ? f.range.hi
                                                              : std::nextafter(f.range.hi, 1e300);
        for (const double bad : {below, above}) {
            Plan plan = valid;
            f.set(plan, bad);
            QVERIFY2(namesField(validatePlan(plan), f),
                     qPrintable(f.pathName() + QLatin1Char(' ') + formatNumber(bad)));
        }
        if (f.kind == PlanFieldKind::Number) {
            Plan plan = valid;
            f.set(plan, nan);
            const ValidationErrors errors = validatePlan(plan);
            QVERIFY2(
                errors.contains(ValidationError{f.pathName(), QStringLiteral("must be a finite number")}),
                f.path);
        }
        // A strategy mode's target is not checked in the other modes.
        if (f.mode) {
            Plan plan = valid;
            plan.strategy.mode =
                *f.mode == StrategyMode::Loops ? StrategyMode::TargetLeverage : StrategyMode::Loops;
            f.set(plan, above);
            QVERIFY2(!namesField(validatePlan(plan), f), f.path);
        }
    }
    // The integers' message, by hand: loops in [0, 100], horizon in [1, 36500].
    Plan plan = defaultPlan();
    plan.strategy.loops = 101;
    plan.horizonDays = 0;
    const ValidationErrors expected{
        {QStringLiteral("strategy.loops"), QStringLiteral("must be between 0 and 100 (got 101)")},
        {QStringLiteral("horizonDays"), QStringLiteral("must be between 1 and 36500 (got 0)")}};
    QVERIFY2(validatePlan(plan) == expected, qPrintable(formatErrors(validatePlan(plan))));
}

void TestPlanFields::requiredNumbersAreRequired()
{
    for (const PlanField &f : planFields()) {
        if (!f.isNumeric())
            continue;
        const Plan plan = planFor(f);
        QJsonObject json = planToJson(plan, MarketRegistry::builtIn());
        if (f.group().isEmpty()) {
            json.remove(f.key());
        } else {
            QJsonObject group = json.value(f.group()).toObject();
            group.remove(f.key());
            json.insert(f.group(), group);
        }
        const Expected<Plan> read = parsePlan(QJsonDocument(json).toJson(), MarketRegistry::builtIn());
        // Without a market, a number is required when the table says so; the others take their defaults.
        const bool required = f.required != FieldRequired::No;
        QVERIFY2(read.hasValue() != required, f.path);
        if (required)
            QVERIFY2(read.errors().contains(ValidationError{f.pathName(), QStringLiteral("is required")}),
                     qPrintable(formatErrors(read.errors())));
        else
            QCOMPARE(f.get(*read), f.get(Plan{}));
    }
}

void TestPlanFields::marketFieldsMapToTheirRows()
{
    const Plan plan = test::fixturePlan();
    for (MarketField m : marketFields()) {
        const PlanField *f = planField(m);
        QVERIFY(f);
        QVERIFY(f->market == m);
        QCOMPARE(fieldPath(m), f->pathName());
        if (f->isNumeric())
            QCOMPARE(fieldValue(plan, m), f->get(plan));
        else
            QVERIFY(std::isnan(fieldValue(plan, m)));
    }
    // Every row with a market value is listed, in table order.
    qsizetype next = 0;
    for (const PlanField &f : planFields()) {
        if (f.market)
            QVERIFY(marketFields().value(next++) == *f.market);
    }
    QCOMPARE(next, marketFields().size());
}

QTEST_GUILESS_MAIN(TestPlanFields)
#include "tst_planfields.moc"
