#include "fetchedmarketjson.h"

#include <QJsonArray>

#include <cmath>

namespace lp {

std::optional<ReserveChainData> readReserveChainData(ObjectReader &in, ValidationErrors *errors)
{
    if (!in.contains(QStringLiteral("priceUsd")))
        return std::nullopt;
    ReserveChainData d;
    in.string(QStringLiteral("address"), &d.address, true);
    in.number(QStringLiteral("priceUsd"), &d.priceUsd, true);
    ObjectReader status(in.object(QStringLiteral("status"), true), in.path(QStringLiteral("status")), errors);
    status.boolean(QStringLiteral("active"), &d.active, true);
    status.boolean(QStringLiteral("frozen"), &d.frozen, true);
    status.boolean(QStringLiteral("paused"), &d.paused, true);
    status.rejectRest();
    ObjectReader caps(in.object(QStringLiteral("caps"), true), in.path(QStringLiteral("caps")), errors);
    caps.number(QStringLiteral("supply"), &d.supplyCap, true);
    caps.number(QStringLiteral("borrow"), &d.borrowCap, true);
    caps.rejectRest();
    in.number(QStringLiteral("totalSupply"), &d.totalSupply, true);
    in.number(QStringLiteral("totalDebt"), &d.totalDebt, true);
    in.number(QStringLiteral("availableLiquidity"), &d.availableLiquidity, true);
    in.number(QStringLiteral("utilization"), &d.utilization, true);
    return d;
}

void writeReserveChainData(const ReserveChainData &d, QJsonObject *reserve)
{
    QJsonObject &o = *reserve;
    o[QStringLiteral("address")] = d.address;
    o[QStringLiteral("priceUsd")] = d.priceUsd;
    o[QStringLiteral("status")] = QJsonObject{{QStringLiteral("active"), d.active},
                                              {QStringLiteral("frozen"), d.frozen},
                                              {QStringLiteral("paused"), d.paused}};
    o[QStringLiteral("caps")] =
        QJsonObject{{QStringLiteral("supply"), d.supplyCap}, {QStringLiteral("borrow"), d.borrowCap}};
    o[QStringLiteral("totalSupply")] = d.totalSupply;
    o[QStringLiteral("totalDebt")] = d.totalDebt;
    o[QStringLiteral("availableLiquidity")] = d.availableLiquidity;
    o[QStringLiteral("utilization")] = d.utilization;
}

std::optional<FetchedRecord> readFetchedRecord(ObjectReader &root, ValidationErrors *errors)
{
    if (!root.contains(QStringLiteral("fetched")))
        return std::nullopt;
    FetchedRecord f;
    ObjectReader in(root.object(QStringLiteral("fetched"), true), root.path(QStringLiteral("fetched")),
                    errors);
    double chainId = 0.0;
    double block = 0.0;
    in.number(QStringLiteral("chainId"), &chainId, true);
    in.number(QStringLiteral("blockNumber"), &block, true);
    constexpr double kMaxExact = 9007199254740992.0; // 2^53: every integer below is exact in JSON
    if (chainId < 0 || chainId > kMaxExact || std::floor(chainId) != chainId)
        in.fail(QStringLiteral("chainId"), QStringLiteral("must be a whole number from 0 to 2^53"));
    if (block < 0 || block > kMaxExact || std::floor(block) != block)
        in.fail(QStringLiteral("blockNumber"), QStringLiteral("must be a whole number from 0 to 2^53"));
    f.chainId = static_cast<qint64>(chainId);
    f.blockNumber = static_cast<qint64>(block);
    QString time;
    in.string(QStringLiteral("blockTime"), &time, true);
    f.blockTime = QDateTime::fromString(time, Qt::ISODate);
    if (!time.isEmpty() && !f.blockTime.isValid())
        in.fail(QStringLiteral("blockTime"), QStringLiteral("must be a date and time, YYYY-MM-DDTHH:MM:SSZ"));
    f.blockTime = f.blockTime.toUTC();
    in.string(QStringLiteral("rpcHost"), &f.rpcHost, true);
    in.string(QStringLiteral("protocol"), &f.protocol, true);
    in.string(QStringLiteral("version"), &f.version, true);
    const QJsonObject contracts = in.object(QStringLiteral("contracts"), true);
    for (auto it = contracts.begin(); it != contracts.end(); ++it) {
        if (!it.value().isString())
            in.fail(QStringLiteral("contracts"),
                    QStringLiteral("\"%1\" must be an address string").arg(it.key()));
        f.contracts.append({it.key(), it.value().toString()});
    }
    in.rejectRest();
    return f;
}

QJsonObject fetchedRecordToJson(const FetchedRecord &f)
{
    QJsonObject contracts;
    for (const auto &[name, address] : f.contracts)
        contracts[name] = address;
    return QJsonObject{{QStringLiteral("chainId"), static_cast<double>(f.chainId)},
                       {QStringLiteral("blockNumber"), static_cast<double>(f.blockNumber)},
                       {QStringLiteral("blockTime"), f.blockTime.toUTC().toString(Qt::ISODate)},
                       {QStringLiteral("rpcHost"), f.rpcHost},
                       {QStringLiteral("protocol"), f.protocol},
                       {QStringLiteral("version"), f.version},
                       {QStringLiteral("contracts"), contracts}};
}

ValidationErrors validateReserveChainData(const ReserveChainData &d, const QString &path)
{
    ValidationErrors errors;
    const auto check = [&](bool ok, const QString &field, const QString &message) {
        if (!ok)
            errors.append({path + QLatin1Char('.') + field, message});
    };
    const auto nonNegative = [](double v) { return std::isfinite(v) && v >= 0.0; };
    check(std::isfinite(d.priceUsd) && d.priceUsd > 0.0, QStringLiteral("priceUsd"),
          QStringLiteral("must be above 0"));
    check(nonNegative(d.supplyCap), QStringLiteral("caps.supply"),
          QStringLiteral("must be 0 (no cap) or more"));
    check(nonNegative(d.borrowCap), QStringLiteral("caps.borrow"),
          QStringLiteral("must be 0 (no cap) or more"));
    check(nonNegative(d.totalSupply), QStringLiteral("totalSupply"), QStringLiteral("must be 0 or more"));
    check(nonNegative(d.totalDebt), QStringLiteral("totalDebt"), QStringLiteral("must be 0 or more"));
    check(nonNegative(d.availableLiquidity), QStringLiteral("availableLiquidity"),
          QStringLiteral("must be 0 or more"));
    check(nonNegative(d.utilization) && d.utilization <= 1.0, QStringLiteral("utilization"),
          QStringLiteral("must be from 0 to 1"));
    return errors;
}

} // namespace lp
