#pragma once

#include "fetchedmarket.h"
#include "jsonreader.h"

#include <QJsonObject>

#include <optional>

namespace lp {

// The market file's fields for a fetched market (marketjson.cpp reads and writes the rest).
// A reserve's fields for ReserveChainData, read from its object: present when it has "priceUsd", and
// then every other field is required.
[[nodiscard]] std::optional<ReserveChainData> readReserveChainData(ObjectReader &in,
                                                                   ValidationErrors *errors);
void writeReserveChainData(const ReserveChainData &data, QJsonObject *reserve);

[[nodiscard]] std::optional<FetchedRecord> readFetchedRecord(ObjectReader &root, ValidationErrors *errors);
[[nodiscard]] QJsonObject fetchedRecordToJson(const FetchedRecord &record);

} // namespace lp
