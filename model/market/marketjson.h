#pragma once

#include "expected.h"
#include "market.h"

#include <QByteArray>
#include <QJsonObject>

namespace lp {

inline constexpr int kMarketFormatVersion = 1;
inline constexpr char kMarketFormatName[] = "leverage-planner-market";
inline constexpr qint64 kMaxMarketFileBytes = qint64{4} * 1024 * 1024;

// Reads a market document (the schema of resources/markets/*.json): syntax errors with line and
// column, wrong types, missing and unknown fields (a typo must not silently fall back to a default),
// a newer format version, then every check of validateMarket(), each error with its field path.
[[nodiscard]] Expected<Market> parseMarket(const QByteArray &json);

// Reads and parses a market file; unreadable or oversized files are errors naming the path.
[[nodiscard]] Expected<Market> readMarketFile(const QString &path);

// The market as a version-1 document; parseMarket(marketToJson(m)) == m.
[[nodiscard]] QJsonObject marketToJson(const Market &market);

// Writes the market atomically (writeFileAtomically); an error names the path and why.
[[nodiscard]] ValidationErrors writeMarketFile(const Market &market, const QString &path);

} // namespace lp
