#pragma once

// `position` and `watch` (positioncommand.cpp, watchcommand.cpp) and what they share: where the account
// is read from, and how a reading is written (positionoutput.cpp).
#include "aavev3position.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace lp::cli {

// An account on a market, as the options name it.
struct PositionSource {
    QUrl rpc;
    QString poolProvider;
    QString pool;   // a deployment known by its pool only: the provider is asked of it
    QString morpho; // Morpho Blue instead of Aave: the Morpho contract and the market's id
    QString marketId;
    QString user;
    std::optional<quint64> chainId;
    double timeoutSeconds = 20.0;
};

// Adds --rpc, --pool-provider, --morpho, --market-id, --deployment, --chain-id and --timeout.
void addPositionSourceOptions(QCommandLineParser &parser);
// The source from the parsed options and the ADDRESS positional argument, or nullopt with the reason
// printed on stderr (exit BadInput). `command` names the command in the message.
[[nodiscard]] std::optional<PositionSource> positionSource(const QCommandLineParser &parser,
                                                           const QString &command);
// One reading of the account.
[[nodiscard]] Expected<chain::FetchedPosition> readPosition(const PositionSource &source);

// The reading as the `position` command's JSON and text (positionoutput.cpp).
[[nodiscard]] QJsonObject positionToJson(const chain::FetchedPosition &position);
[[nodiscard]] QString positionText(const chain::FetchedPosition &position);
// The smallest distance to liquidation over the assets (0.25 = a 25 % move), NaN when nothing moves it.
[[nodiscard]] double nearestLiquidationDistance(const Account &account);

[[nodiscard]] int runPositionCommand(const QStringList &args);
[[nodiscard]] int runWatchCommand(const QStringList &args);

} // namespace lp::cli
