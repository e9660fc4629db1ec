#pragma once

#include "validationerror.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace lp {

// What a market read from the chain (`market fetch`) holds beyond a preset, per reserve: its state at
// the block read. Amounts are in whole tokens; 0 caps mean "no cap".
struct ReserveChainData {
    QString address;       // the underlying token
    double priceUsd = 0.0; // the oracle's price in the market's base currency (USD on Aave v3)
    bool active = true;
    bool frozen = false;
    bool paused = false;
    double supplyCap = 0.0;
    double borrowCap = 0.0;
    double totalSupply = 0.0;
    double totalDebt = 0.0;
    double availableLiquidity = 0.0;
    double utilization = 0.0; // totalDebt / (availableLiquidity + totalDebt)
    friend bool operator==(const ReserveChainData &, const ReserveChainData &) = default;
};

// Where and when a fetched market was read. The RPC host only: never a key that its URL carried.
struct FetchedRecord {
    qint64 chainId = 0;
    qint64 blockNumber = 0;
    QDateTime blockTime; // UTC
    QString rpcHost;
    QString protocol;                         // "aave-v3", "morpho-blue"
    QString version;                          // "3.0 (pool revision 1)"
    QList<QPair<QString, QString>> contracts; // name, address, in the order read
    friend bool operator==(const FetchedRecord &, const FetchedRecord &) = default;
};

// Every impossible value ("reserves[1].utilization"), as validateMarket() gives them.
[[nodiscard]] ValidationErrors validateReserveChainData(const ReserveChainData &data, const QString &path);

} // namespace lp
