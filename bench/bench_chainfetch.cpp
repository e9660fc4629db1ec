// A whole Aave v3 market read from a local node (issue 14, point 7): HTTP round trips and wall time of
// fetchAaveV3Market, as `market fetch` and Markets > Refresh From Chain do it. bench/run-chainfetch
// starts the node with a 20-reserve market (tests/chain/aave-node.mjs start STATE 20) and stops it.
//
// It reads as a known deployment does: the pool, data provider and oracle are given (the node's state
// file has them) and verified in the first round trip. --no-known-addresses reads from the provider alone.
//
//   bench_chainfetch STATE.json [iterations] [--no-known-addresses]      default 20
#include "aavev3reader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_chainfetch STATE.json [iterations]\n");
        return 2;
    }
    QFile file(args.at(1));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench_chainfetch: cannot read %s\n", qPrintable(args.at(1)));
        return 1;
    }
    const QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
    if (state.contains(QStringLiteral("skip"))) {
        std::fprintf(stderr, "bench_chainfetch: no node: %s\n",
                     qPrintable(state.value(QStringLiteral("skip")).toString()));
        return 1;
    }
    const int iterations = args.size() > 2 ? std::max(1, args.at(2).toInt()) : 20;
    lp::chain::AaveV3FetchOptions options;
    if (!args.contains(QStringLiteral("--no-known-addresses"))) {
        options.knownPool = state.value(QStringLiteral("pool")).toString();
        options.knownDataProvider = state.value(QStringLiteral("dataProvider")).toString();
        options.knownOracle = state.value(QStringLiteral("oracle")).toString();
    }
    const QUrl rpc(state.value(QStringLiteral("rpc")).toString());
    const QString provider = state.value(QStringLiteral("poolAddressesProvider")).toString();

    std::vector<double> millis;
    int roundTrips = 0;
    qsizetype reserves = 0;
    for (int i = 0; i <= iterations; ++i) {
        lp::chain::JsonRpcClient client(rpc); // a new connection each time, as a user's read has
        QElapsedTimer timer;
        timer.start();
        const lp::Expected<lp::Market> market = lp::chain::fetchAaveV3Market(client, provider, options);
        const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        if (!market) {
            std::fprintf(stderr, "bench_chainfetch: %s\n", qPrintable(lp::formatErrors(market.errors())));
            return 1;
        }
        if (i == 0)
            continue; // warm-up
        millis.push_back(ms);
        roundTrips = client.roundTrips();
        reserves = market->reserves.size();
    }
    std::sort(millis.begin(), millis.end());
    const double median = millis[millis.size() / 2];
    std::printf(
        "market fetch of %lld reserves: %d HTTP round trips (goal <= 3), median %.1f ms, min %.1f ms, "
        "max %.1f ms over %d reads (goal < 500 ms)%s\n",
        static_cast<long long>(reserves), roundTrips, median, millis.front(), millis.back(), iterations,
        options.knownPool.isEmpty() ? ", from the provider alone"
                                    : ", with the deployment's known addresses");
    return 0;
}
