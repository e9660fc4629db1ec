#include "marketjson.h"

#include "fetchedmarketjson.h"
#include "jsonreader.h"
#include "plan.h"
#include "safefile.h"

#include <QFile>
#include <QFileInfo>

#include <utility>

namespace lp {

namespace {

Reserve readReserve(const QJsonValue &value, const QString &path, ValidationErrors *errors)
{
    Reserve r;
    if (!value.isObject()) {
        errors->append({path, QStringLiteral("expected an object, got %1").arg(describeJson(value))});
        return r;
    }
    ObjectReader in(value.toObject(), path, errors);
    in.string(QStringLiteral("symbol"), &r.symbol, true);
    in.string(QStringLiteral("name"), &r.name, true);
    in.integer(QStringLiteral("decimals"), &r.decimals, true);
    in.number(QStringLiteral("ltv"), &r.ltv, true);
    in.number(QStringLiteral("liquidationThreshold"), &r.liquidationThreshold, true);
    in.number(QStringLiteral("liquidationBonus"), &r.liquidationBonus, true);
    in.number(QStringLiteral("liquidationProtocolFee"), &r.liquidationProtocolFee, true);
    in.number(QStringLiteral("reserveFactor"), &r.reserveFactor, true);
    in.boolean(QStringLiteral("usableAsCollateral"), &r.usableAsCollateral, true);
    in.boolean(QStringLiteral("borrowable"), &r.borrowable, true);
    if (in.contains(QStringLiteral("rateStrategy"))) {
        const qsizetype before = errors->size();
        ObjectReader rs(in.object(QStringLiteral("rateStrategy")), in.path(QStringLiteral("rateStrategy")),
                        errors);
        RateStrategy s;
        rs.number(QStringLiteral("optimalUtilization"), &s.optimalUtilization, true);
        rs.number(QStringLiteral("baseRate"), &s.baseRate, true);
        rs.number(QStringLiteral("slope1"), &s.slope1, true);
        rs.number(QStringLiteral("slope2"), &s.slope2, true);
        rs.rejectRest();
        if (errors->size() == before)
            r.rateStrategy = s;
    }
    in.number(QStringLiteral("supplyApy"), &r.supplyApy);
    in.number(QStringLiteral("borrowApy"), &r.borrowApy);
    in.number(QStringLiteral("nativeYield"), &r.nativeYield);
    in.number(QStringLiteral("defaultPriceUsd"), &r.defaultPriceUsd, true);
    in.stringList(QStringLiteral("estimates"), &r.estimates);
    in.string(QStringLiteral("notes"), &r.notes);
    r.onChain = readReserveChainData(in, errors);
    in.rejectRest();
    return r;
}

EModeCategory readEMode(const QJsonValue &value, const QString &path, ValidationErrors *errors)
{
    EModeCategory e;
    if (!value.isObject()) {
        errors->append({path, QStringLiteral("expected an object, got %1").arg(describeJson(value))});
        return e;
    }
    ObjectReader in(value.toObject(), path, errors);
    in.integer(QStringLiteral("id"), &e.id, true);
    in.string(QStringLiteral("label"), &e.label, true);
    in.number(QStringLiteral("ltv"), &e.ltv, true);
    in.number(QStringLiteral("liquidationThreshold"), &e.liquidationThreshold, true);
    in.number(QStringLiteral("liquidationBonus"), &e.liquidationBonus, true);
    in.stringList(QStringLiteral("members"), &e.members, true);
    // The roles (Aave v3.2+): absent, every member has both, as in older files.
    for (const auto &[key, role] : {std::pair{QStringLiteral("collateral"), &e.collateral},
                                    std::pair{QStringLiteral("borrowable"), &e.borrowable}}) {
        if (!in.contains(key))
            continue;
        QStringList list;
        in.stringList(key, &list, true);
        *role = std::move(list);
    }
    in.stringList(QStringLiteral("ltvZero"), &e.ltvZero);
    in.stringList(QStringLiteral("estimates"), &e.estimates);
    in.rejectRest();
    return e;
}

} // namespace

Expected<Market> parseMarket(const QByteArray &json)
{
    QJsonObject object;
    ValidationErrors errors = parseJsonObject(json, QStringLiteral("a market"), &object);
    if (!errors.isEmpty())
        return errors;
    ObjectReader root(object, QString(), &errors);

    QString format;
    root.string(QStringLiteral("format"), &format, true);
    if (errors.isEmpty() && format != QLatin1String(kMarketFormatName))
        root.fail(QStringLiteral("format"), QStringLiteral("must be \"%1\" (got \"%2\")")
                                                .arg(QLatin1String(kMarketFormatName), format.left(40)));
    int version = 0;
    root.integer(QStringLiteral("version"), &version, true);
    if (!errors.isEmpty())
        return errors;
    if (version > kMarketFormatVersion)
        return ValidationError{
            QStringLiteral("version"),
            QStringLiteral("this market file is format version %1; this Leverage Planner reads "
                           "version %2 and older")
                .arg(version)
                .arg(kMarketFormatVersion)};
    if (version < 1)
        return ValidationError{QStringLiteral("version"),
                               QStringLiteral("must be at least 1 (got %1)").arg(version)};

    Market m;
    root.string(QStringLiteral("id"), &m.id, true);
    root.string(QStringLiteral("name"), &m.name, true);
    root.string(QStringLiteral("chain"), &m.chain, true);
    root.integer(QStringLiteral("chainId"), &m.chainId);
    QString asOf;
    const qsizetype beforeDate = errors.size();
    root.string(QStringLiteral("asOf"), &asOf, true);
    if (errors.size() == beforeDate) {
        m.asOf = QDate::fromString(asOf, Qt::ISODate);
        if (!m.asOf.isValid())
            root.fail(QStringLiteral("asOf"),
                      QStringLiteral("must be a date, YYYY-MM-DD (got \"%1\")").arg(asOf.left(40)));
    }
    root.string(QStringLiteral("source"), &m.source, true);
    root.string(QStringLiteral("notes"), &m.notes);
    root.choice(QStringLiteral("liquidationRules"), &m.liquidationRules, &liquidationRuleSetFromString,
                liquidationRuleSetSpellings(), true);
    if (root.contains(QStringLiteral("liquidationRuleParams"))) {
        ObjectReader rp(root.object(QStringLiteral("liquidationRuleParams")),
                        root.path(QStringLiteral("liquidationRuleParams")), &errors);
        LiquidationRuleParams &q = m.liquidationRuleParams;
        rp.number(QStringLiteral("targetHealthFactor"), &q.targetHealthFactor);
        rp.number(QStringLiteral("bonusFactor"), &q.bonusFactor);
        rp.number(QStringLiteral("healthFactorForMaxBonus"), &q.healthFactorForMaxBonus);
        rp.number(QStringLiteral("riskPremium"), &q.riskPremium);
        rp.number(QStringLiteral("preLltv"), &q.preLltv);
        rp.number(QStringLiteral("preCloseFactor1"), &q.preCloseFactor1);
        rp.number(QStringLiteral("preCloseFactor2"), &q.preCloseFactor2);
        rp.number(QStringLiteral("preIncentiveFactor1"), &q.preIncentiveFactor1);
        rp.number(QStringLiteral("preIncentiveFactor2"), &q.preIncentiveFactor2);
        rp.rejectRest();
    }
    root.number(QStringLiteral("flashLoanPremium"), &m.flashLoanPremium, true);
    root.stringList(QStringLiteral("estimates"), &m.estimates);
    const QJsonArray reserves = root.array(QStringLiteral("reserves"), true);
    for (qsizetype i = 0; i < reserves.size(); ++i)
        m.reserves << readReserve(reserves[i], QStringLiteral("reserves[%1]").arg(i), &errors);
    const QJsonArray eModes = root.array(QStringLiteral("eModes"));
    for (qsizetype i = 0; i < eModes.size(); ++i)
        m.eModes << readEMode(eModes[i], QStringLiteral("eModes[%1]").arg(i), &errors);
    m.fetched = readFetchedRecord(root, &errors);
    root.rejectRest();
    if (!errors.isEmpty())
        return errors;
    const ValidationErrors invalid = validateMarket(m);
    if (!invalid.isEmpty())
        return invalid;
    return m;
}

Expected<Market> readMarketFile(const QString &path)
{
    const Expected<QByteArray> data =
        readFileBounded(path, kMaxMarketFileBytes, QStringLiteral("a market file"));
    if (!data)
        return data.errors();
    return parseMarket(*data);
}

QJsonObject marketToJson(const Market &m)
{
    QJsonArray reserves;
    for (const Reserve &r : m.reserves) {
        QJsonObject o{{QStringLiteral("symbol"), r.symbol},
                      {QStringLiteral("name"), r.name},
                      {QStringLiteral("decimals"), r.decimals},
                      {QStringLiteral("ltv"), r.ltv},
                      {QStringLiteral("liquidationThreshold"), r.liquidationThreshold},
                      {QStringLiteral("liquidationBonus"), r.liquidationBonus},
                      {QStringLiteral("liquidationProtocolFee"), r.liquidationProtocolFee},
                      {QStringLiteral("reserveFactor"), r.reserveFactor},
                      {QStringLiteral("usableAsCollateral"), r.usableAsCollateral},
                      {QStringLiteral("borrowable"), r.borrowable},
                      {QStringLiteral("supplyApy"), r.supplyApy},
                      {QStringLiteral("borrowApy"), r.borrowApy},
                      {QStringLiteral("nativeYield"), r.nativeYield},
                      {QStringLiteral("defaultPriceUsd"), r.defaultPriceUsd},
                      {QStringLiteral("estimates"), QJsonArray::fromStringList(r.estimates)}};
        if (r.rateStrategy)
            o[QStringLiteral("rateStrategy")] =
                QJsonObject{{QStringLiteral("optimalUtilization"), r.rateStrategy->optimalUtilization},
                            {QStringLiteral("baseRate"), r.rateStrategy->baseRate},
                            {QStringLiteral("slope1"), r.rateStrategy->slope1},
                            {QStringLiteral("slope2"), r.rateStrategy->slope2}};
        if (!r.notes.isEmpty())
            o[QStringLiteral("notes")] = r.notes;
        if (r.onChain)
            writeReserveChainData(*r.onChain, &o);
        reserves.append(o);
    }
    QJsonArray eModes;
    for (const EModeCategory &e : m.eModes) {
        QJsonObject o{{QStringLiteral("id"), e.id},
                      {QStringLiteral("label"), e.label},
                      {QStringLiteral("ltv"), e.ltv},
                      {QStringLiteral("liquidationThreshold"), e.liquidationThreshold},
                      {QStringLiteral("liquidationBonus"), e.liquidationBonus},
                      {QStringLiteral("members"), QJsonArray::fromStringList(e.members)},
                      {QStringLiteral("estimates"), QJsonArray::fromStringList(e.estimates)}};
        if (e.collateral)
            o[QStringLiteral("collateral")] = QJsonArray::fromStringList(*e.collateral);
        if (e.borrowable)
            o[QStringLiteral("borrowable")] = QJsonArray::fromStringList(*e.borrowable);
        if (!e.ltvZero.isEmpty())
            o[QStringLiteral("ltvZero")] = QJsonArray::fromStringList(e.ltvZero);
        eModes.append(o);
    }
    QJsonObject root{{QStringLiteral("format"), QLatin1String(kMarketFormatName)},
                     {QStringLiteral("version"), kMarketFormatVersion},
                     {QStringLiteral("id"), m.id},
                     {QStringLiteral("name"), m.name},
                     {QStringLiteral("chain"), m.chain},
                     {QStringLiteral("asOf"), m.asOf.toString(Qt::ISODate)},
                     {QStringLiteral("source"), m.source},
                     {QStringLiteral("liquidationRules"), toString(m.liquidationRules)},
                     {QStringLiteral("flashLoanPremium"), m.flashLoanPremium},
                     {QStringLiteral("estimates"), QJsonArray::fromStringList(m.estimates)},
                     {QStringLiteral("reserves"), reserves},
                     {QStringLiteral("eModes"), eModes}};
    if (m.chainId != 0)
        root[QStringLiteral("chainId")] = m.chainId;
    if (m.liquidationRuleParams != LiquidationRuleParams{}) {
        const LiquidationRuleParams &q = m.liquidationRuleParams;
        root[QStringLiteral("liquidationRuleParams")] =
            QJsonObject{{QStringLiteral("targetHealthFactor"), q.targetHealthFactor},
                        {QStringLiteral("bonusFactor"), q.bonusFactor},
                        {QStringLiteral("healthFactorForMaxBonus"), q.healthFactorForMaxBonus},
                        {QStringLiteral("riskPremium"), q.riskPremium},
                        {QStringLiteral("preLltv"), q.preLltv},
                        {QStringLiteral("preCloseFactor1"), q.preCloseFactor1},
                        {QStringLiteral("preCloseFactor2"), q.preCloseFactor2},
                        {QStringLiteral("preIncentiveFactor1"), q.preIncentiveFactor1},
                        {QStringLiteral("preIncentiveFactor2"), q.preIncentiveFactor2}};
    }
    if (!m.notes.isEmpty())
        root[QStringLiteral("notes")] = m.notes;
    if (m.fetched)
        root[QStringLiteral("fetched")] = fetchedRecordToJson(*m.fetched);
    return root;
}

ValidationErrors writeMarketFile(const Market &market, const QString &path)
{
    return writeFileAtomically(QJsonDocument(marketToJson(market)).toJson(QJsonDocument::Indented), path);
}

} // namespace lp
