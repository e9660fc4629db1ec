#include "planjson.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <cmath>

namespace lp {

namespace {

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString join(const QString &prefix, const QString &key)
{
    return prefix.isEmpty() ? key : prefix + QLatin1Char('.') + key;
}

// Reads typed fields out of one JSON object, collecting errors with full field paths and remembering
// which keys it consumed so the rest can be kept as unknown fields.
class ObjectReader {
public:
    ObjectReader(QJsonObject object, QString path, ValidationErrors *errors)
        : m_object(std::move(object)), m_path(std::move(path)), m_errors(errors)
    {
    }

    void number(const QString &key, double *out, bool required = false)
    {
        const QJsonValue v = take(key, required);
        if (v.isUndefined())
            return;
        if (!v.isDouble()) {
            fail(key, QStringLiteral("expected a number, got %1").arg(describe(v)));
            return;
        }
        *out = v.toDouble();
    }

    void integer(const QString &key, int *out, bool required = false)
    {
        double d = 0;
        const qsizetype before = m_errors->size();
        const QJsonValue v = m_object.value(key);
        number(key, &d, required);
        if (m_errors->size() != before || v.isUndefined())
            return;
        if (d != std::floor(d) || std::fabs(d) > 1e9) {
            fail(key, QStringLiteral("expected a whole number, got %1").arg(formatNumber(d)));
            return;
        }
        *out = static_cast<int>(d);
    }

    void string(const QString &key, QString *out, bool required = false)
    {
        const QJsonValue v = take(key, required);
        if (v.isUndefined())
            return;
        if (!v.isString()) {
            fail(key, QStringLiteral("expected a string, got %1").arg(describe(v)));
            return;
        }
        *out = v.toString();
    }

    template <class Enum>
    void choice(const QString &key, Enum *out, bool (*parse)(const QString &, Enum *),
                const QStringList &allowed, bool required = false)
    {
        QString text;
        const qsizetype before = m_errors->size();
        const bool present = m_object.contains(key);
        string(key, &text, required);
        if (m_errors->size() != before || !present)
            return;
        if (!parse(text, out))
            fail(key, QStringLiteral("must be one of %1 (got \"%2\")")
                          .arg(allowed.join(QStringLiteral(", ")), text.left(40)));
    }

    // A nested object; missing is fine unless required. Returns an empty object after an error.
    QJsonObject object(const QString &key, bool required = false)
    {
        const QJsonValue v = take(key, required);
        if (v.isUndefined())
            return {};
        if (!v.isObject()) {
            fail(key, QStringLiteral("expected an object, got %1").arg(describe(v)));
            return {};
        }
        return v.toObject();
    }

    void fail(const QString &key, const QString &message) { m_errors->append({join(m_path, key), message}); }

    // What was not consumed.
    [[nodiscard]] QJsonObject rest() const
    {
        QJsonObject out;
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!m_taken.contains(it.key()))
                out.insert(it.key(), it.value());
        }
        return out;
    }

private:
    QJsonValue take(const QString &key, bool required)
    {
        m_taken.insert(key);
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() && required)
            fail(key, QStringLiteral("is required"));
        return v;
    }

    static QString describe(const QJsonValue &v)
    {
        if (v.isString())
            return QStringLiteral("a string (\"%1\")").arg(v.toString().left(40));
        return typeName(v);
    }

    QJsonObject m_object;
    QString m_path;
    ValidationErrors *m_errors;
    QSet<QString> m_taken;
};

QString lineColumn(const QByteArray &data, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, data.size());
    int line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (data.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(offset - lineStart + 1);
}

void keepUnknown(QJsonObject *unknown, const QString &key, const QJsonObject &rest)
{
    if (!rest.isEmpty())
        unknown->insert(key, rest);
}

} // namespace

Expected<Plan> parsePlan(const QByteArray &json)
{
    if (json.trimmed().isEmpty())
        return ValidationError{QString(), QStringLiteral("the file is empty, not a plan")};
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return ValidationError{QString(),
                               QStringLiteral("not valid JSON at %1: %2")
                                   .arg(lineColumn(json, parseError.offset), parseError.errorString())};
    }
    if (!doc.isObject())
        return ValidationError{QString(), QStringLiteral("a plan is a JSON object, this file holds %1")
                                              .arg(doc.isArray() ? QStringLiteral("an array")
                                                                 : QStringLiteral("a single value"))};

    ValidationErrors errors;
    ObjectReader root(doc.object(), QString(), &errors);

    QString format;
    root.string(QStringLiteral("format"), &format, true);
    if (errors.isEmpty() && format != QLatin1String(kPlanFormatName))
        root.fail(QStringLiteral("format"), QStringLiteral("must be \"%1\" (got \"%2\")")
                                                .arg(QLatin1String(kPlanFormatName), format.left(40)));
    int version = 0;
    root.integer(QStringLiteral("version"), &version, true);
    if (!errors.isEmpty())
        return errors;
    if (version > kPlanFormatVersion)
        return ValidationError{
            QStringLiteral("version"),
            QStringLiteral("this plan is format version %1; this Leverage Planner reads version "
                           "%2 and older. Open it with a newer Leverage Planner.")
                .arg(version)
                .arg(kPlanFormatVersion)};
    if (version < 1)
        return ValidationError{QStringLiteral("version"),
                               QStringLiteral("must be at least 1 (got %1)").arg(version)};

    Plan plan; // file defaults are the struct defaults
    root.string(QStringLiteral("name"), &plan.name);
    root.string(QStringLiteral("market"), &plan.market);
    root.number(QStringLiteral("deposit"), &plan.deposit, true);
    root.integer(QStringLiteral("horizonDays"), &plan.horizonDays);
    root.choice(QStringLiteral("execution"), &plan.execution, &executionFromString,
                {QStringLiteral("loop"), QStringLiteral("flashLoan")});

    const bool hasCollateral = doc.object().value(QStringLiteral("collateral")).isObject();
    ObjectReader coll(root.object(QStringLiteral("collateral"), true), QStringLiteral("collateral"), &errors);
    if (hasCollateral) {
        coll.string(QStringLiteral("symbol"), &plan.collateral.symbol, true);
        coll.number(QStringLiteral("priceUsd"), &plan.collateral.priceUsd, true);
        coll.number(QStringLiteral("ltv"), &plan.collateral.ltv, true);
        coll.number(QStringLiteral("liquidationThreshold"), &plan.collateral.liquidationThreshold, true);
        coll.number(QStringLiteral("liquidationBonus"), &plan.collateral.liquidationBonus);
        coll.number(QStringLiteral("supplyApy"), &plan.collateral.supplyApy);
        coll.number(QStringLiteral("nativeYield"), &plan.collateral.nativeYield);
    }

    const bool hasBorrow = doc.object().value(QStringLiteral("borrow")).isObject();
    ObjectReader borrow(root.object(QStringLiteral("borrow"), true), QStringLiteral("borrow"), &errors);
    if (hasBorrow) {
        borrow.string(QStringLiteral("symbol"), &plan.borrow.symbol, true);
        borrow.number(QStringLiteral("priceUsd"), &plan.borrow.priceUsd, true);
        borrow.number(QStringLiteral("borrowApy"), &plan.borrow.borrowApy);
        borrow.choice(QStringLiteral("priceModel"), &plan.borrow.priceModel, &priceModelFromString,
                      {QStringLiteral("fixed"), QStringLiteral("tracksCollateral")});
    }

    const bool hasStrategy = doc.object().value(QStringLiteral("strategy")).isObject();
    ObjectReader strat(root.object(QStringLiteral("strategy"), true), QStringLiteral("strategy"), &errors);
    if (hasStrategy) {
        const qsizetype before = errors.size();
        strat.choice(
            QStringLiteral("mode"), &plan.strategy.mode, &strategyModeFromString,
            {QStringLiteral("loops"), QStringLiteral("targetLeverage"), QStringLiteral("targetHealthFactor")},
            true);
        if (errors.size() == before) {
            switch (plan.strategy.mode) {
            case StrategyMode::Loops:
                strat.integer(QStringLiteral("loops"), &plan.strategy.loops, true);
                break;
            case StrategyMode::TargetLeverage:
                strat.number(QStringLiteral("leverage"), &plan.strategy.leverage, true);
                break;
            case StrategyMode::TargetHealthFactor:
                strat.number(QStringLiteral("healthFactor"), &plan.strategy.healthFactor, true);
                break;
            }
        }
        // The other modes' numbers are optional; keep them so switching modes in the GUI remembers them.
        if (plan.strategy.mode != StrategyMode::Loops)
            strat.integer(QStringLiteral("loops"), &plan.strategy.loops);
        if (plan.strategy.mode != StrategyMode::TargetLeverage)
            strat.number(QStringLiteral("leverage"), &plan.strategy.leverage);
        if (plan.strategy.mode != StrategyMode::TargetHealthFactor)
            strat.number(QStringLiteral("healthFactor"), &plan.strategy.healthFactor);
        strat.number(QStringLiteral("ltvFraction"), &plan.strategy.ltvFraction);
    }

    ObjectReader costs(root.object(QStringLiteral("costs")), QStringLiteral("costs"), &errors);
    costs.number(QStringLiteral("swapFeeBps"), &plan.costs.swapFeeBps);
    costs.number(QStringLiteral("slippageBps"), &plan.costs.slippageBps);
    costs.number(QStringLiteral("flashPremiumBps"), &plan.costs.flashPremiumBps);
    costs.number(QStringLiteral("gasUsdPerTx"), &plan.costs.gasUsdPerTx);

    ObjectReader risk(root.object(QStringLiteral("risk")), QStringLiteral("risk"), &errors);
    risk.number(QStringLiteral("annualVolatility"), &plan.risk.annualVolatility);
    risk.number(QStringLiteral("drift"), &plan.risk.drift);

    if (!errors.isEmpty())
        return errors;
    const ValidationErrors invalid = validatePlan(plan);
    if (!invalid.isEmpty())
        return invalid;

    plan.unknownFields = root.rest();
    keepUnknown(&plan.unknownFields, QStringLiteral("collateral"), coll.rest());
    keepUnknown(&plan.unknownFields, QStringLiteral("borrow"), borrow.rest());
    keepUnknown(&plan.unknownFields, QStringLiteral("strategy"), strat.rest());
    keepUnknown(&plan.unknownFields, QStringLiteral("costs"), costs.rest());
    keepUnknown(&plan.unknownFields, QStringLiteral("risk"), risk.rest());
    return plan;
}

Expected<Plan> readPlanFile(const QString &path)
{
    QFile file(path);
    const QFileInfo info(path);
    if (!info.exists())
        return ValidationError{path, QStringLiteral("no such file")};
    if (info.isDir())
        return ValidationError{path, QStringLiteral("is a directory, not a plan file")};
    if (info.size() > kMaxPlanFileBytes)
        return ValidationError{path,
                               QStringLiteral("is %1 MB; a plan file is at most %2 MB")
                                   .arg(QString::number(static_cast<double>(info.size()) / 1048576.0, 'f', 1))
                                   .arg(kMaxPlanFileBytes / 1048576)};
    if (!file.open(QIODevice::ReadOnly))
        return ValidationError{path, QStringLiteral("cannot be read: %1").arg(file.errorString())};
    const QByteArray data = file.read(kMaxPlanFileBytes + 1);
    if (data.size() > kMaxPlanFileBytes)
        return ValidationError{path, QStringLiteral("is larger than %1 MB").arg(kMaxPlanFileBytes / 1048576)};
    return parsePlan(data);
}

namespace {

QJsonObject merged(QJsonObject known, const QJsonValue &unknown)
{
    const QJsonObject extra = unknown.toObject();
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (!known.contains(it.key()))
            known.insert(it.key(), it.value());
    }
    return known;
}

} // namespace

QJsonObject planToJson(const Plan &plan)
{
    const QJsonObject &u = plan.unknownFields;
    QJsonObject root = merged({}, u);
    root[QStringLiteral("format")] = QLatin1String(kPlanFormatName);
    root[QStringLiteral("version")] = kPlanFormatVersion;
    root[QStringLiteral("name")] = plan.name;
    if (!plan.market.isEmpty())
        root[QStringLiteral("market")] = plan.market;

    const CollateralAsset &a = plan.collateral;
    root[QStringLiteral("collateral")] =
        merged({{QStringLiteral("symbol"), a.symbol},
                {QStringLiteral("priceUsd"), a.priceUsd},
                {QStringLiteral("ltv"), a.ltv},
                {QStringLiteral("liquidationThreshold"), a.liquidationThreshold},
                {QStringLiteral("liquidationBonus"), a.liquidationBonus},
                {QStringLiteral("supplyApy"), a.supplyApy},
                {QStringLiteral("nativeYield"), a.nativeYield}},
               u.value(QStringLiteral("collateral")));
    const BorrowAsset &b = plan.borrow;
    root[QStringLiteral("borrow")] = merged({{QStringLiteral("symbol"), b.symbol},
                                             {QStringLiteral("priceUsd"), b.priceUsd},
                                             {QStringLiteral("borrowApy"), b.borrowApy},
                                             {QStringLiteral("priceModel"), toString(b.priceModel)}},
                                            u.value(QStringLiteral("borrow")));
    root[QStringLiteral("deposit")] = plan.deposit;
    const Strategy &s = plan.strategy;
    root[QStringLiteral("strategy")] = merged({{QStringLiteral("mode"), toString(s.mode)},
                                               {QStringLiteral("loops"), s.loops},
                                               {QStringLiteral("leverage"), s.leverage},
                                               {QStringLiteral("healthFactor"), s.healthFactor},
                                               {QStringLiteral("ltvFraction"), s.ltvFraction}},
                                              u.value(QStringLiteral("strategy")));
    root[QStringLiteral("execution")] = toString(plan.execution);
    const Costs &c = plan.costs;
    root[QStringLiteral("costs")] = merged({{QStringLiteral("swapFeeBps"), c.swapFeeBps},
                                            {QStringLiteral("slippageBps"), c.slippageBps},
                                            {QStringLiteral("flashPremiumBps"), c.flashPremiumBps},
                                            {QStringLiteral("gasUsdPerTx"), c.gasUsdPerTx}},
                                           u.value(QStringLiteral("costs")));
    root[QStringLiteral("horizonDays")] = plan.horizonDays;
    root[QStringLiteral("risk")] = merged({{QStringLiteral("annualVolatility"), plan.risk.annualVolatility},
                                           {QStringLiteral("drift"), plan.risk.drift}},
                                          u.value(QStringLiteral("risk")));
    return root;
}

} // namespace lp
