#pragma once

#include "backtest.h"
#include "expected.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <vector>

namespace lp::chain {

// Daily prices from DefiLlama's keyless coins API (https://defillama.com/docs/api, "coins":
// GET /chart/{coins}?start=UNIX&span=N&period=1d): what `prices fetch` writes as the CSV `backtest` reads.
struct PriceHistoryRequest {
    static constexpr const char *kDefaultApiBase = "https://coins.llama.fi";
    QUrl apiBase{QString::fromLatin1(kDefaultApiBase)};
    QString coin; // "coingecko:ethereum", "ethereum:0x..." (chain:address)
    QDate from;   // first and last day, UTC, inclusive
    QDate to;
    std::chrono::milliseconds timeout{20000};
    qint64 maxResponseBytes = qint64{16} * 1024 * 1024;
    // Set from another thread to stop the request in flight (the window's Cancel): the GET is aborted
    // and the fetch fails with "cancelled". Not owned; null: no cancel.
    const std::atomic<bool> *cancel = nullptr;
};

struct PriceHistory {
    QString coin;
    QString symbol; // as the API names it, when it does
    std::vector<PricePoint> points;
    QString source; // the request's URL without its query: "https://coins.llama.fi/chart/coingecko:ethereum"
    QDateTime fetchedAt; // UTC
};

// A coin id the API takes: "<prefix>:<id>" of letters, digits, '-', '_' and '.', at most 100 characters.
[[nodiscard]] bool isValidCoinId(const QString &coin);
// The GET URL for a request.
[[nodiscard]] QUrl priceHistoryUrl(const PriceHistoryRequest &request);
// The API's answer as one price per UTC day from `from` to `to` (the last point of a day when it has
// several; days without one are left out). Errors: not JSON, no such coin in the answer, a price that is
// not a positive number, no day in the range.
[[nodiscard]] Expected<std::vector<PricePoint>> parseLlamaChart(const QByteArray &json, const QString &coin,
                                                                const QDate &from, const QDate &to,
                                                                QString *symbol = nullptr);
// One GET, waiting in a local event loop. Errors name what failed: the host's HTTP status (429: rate
// limited), no answer within the timeout, an answer above the size limit, a cancel, or what
// parseLlamaChart says.
[[nodiscard]] Expected<PriceHistory> fetchPriceHistory(const PriceHistoryRequest &request);
// The CSV `backtest` reads: a "# " comment line with the source and the time of the fetch, the header
// "date,price", then one row a day with the price to 10 significant digits.
[[nodiscard]] QByteArray priceHistoryCsv(const PriceHistory &history);

} // namespace lp::chain
