#pragma once

// `position` and `watch` (positioncommand.cpp, watchcommand.cpp) and what they share: where the account
// is read from, and how a reading is written (positionoutput.cpp).
#include "aavev3position.h"
#include "rpcoptions.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace lp::cli {

// An account on a market, as the options name it: where to read (rpcoptions.h) and whose account.
struct PositionSource : RpcTarget {
    QString user;
};

// Assets that track one another, as --group wstETH,WETH names them (each the symbols as given).
using AssetGroups = QList<QStringList>;

// Adds ADDRESS, the options of rpcoptions.h and --group.
void addPositionSourceOptions(QCommandLineParser &parser);
// The source from the parsed options and the ADDRESS positional argument, or nullopt with the reason
// printed on stderr and *exitCode set (BadInput, or Failure when the known deployments do not load).
// `command` names the command in the message.
[[nodiscard]] std::optional<PositionSource> positionSource(const QCommandLineParser &parser,
                                                           const QString &command, int *exitCode);
// The --group options: each at least two distinct symbols, comma-separated; nullopt with the reason printed
// on stderr (exit BadInput).
[[nodiscard]] std::optional<AssetGroups> assetGroups(const QCommandLineParser &parser,
                                                     const QString &command);
// One reading of the account.
[[nodiscard]] Expected<chain::FetchedPosition> readPosition(const PositionSource &source);

// A group's joint move on one account: the members it holds (the account's spelling) move by one factor,
// the others hold; members it does not hold move nothing.
struct GroupMove {
    QString name; // the members as given, joined by '+'
    QStringList held;
    QStringList notHeld;
    AccountLiquidationPrice price;
};
[[nodiscard]] QList<GroupMove> groupMoves(const Account &account, const AssetGroups &groups);

// The reading as the `position` command's JSON and text (positionoutput.cpp), with each group's joint move.
[[nodiscard]] QJsonObject positionToJson(const chain::FetchedPosition &position,
                                         const AssetGroups &groups = {});
[[nodiscard]] QString positionText(const chain::FetchedPosition &position, const AssetGroups &groups = {});
// One line per group for a person: "group WETH+WBTC: falls 29.25% (factor 0.707500: WETH $1415.0900, ...)".
[[nodiscard]] QString groupLine(const Account &account, const GroupMove &move);
// The smallest distance to liquidation over the assets and the groups (0.25 = a 25 % move), NaN when nothing
// moves it.
[[nodiscard]] double nearestLiquidationDistance(const Account &account, const AssetGroups &groups = {});

[[nodiscard]] int runPositionCommand(const QStringList &args);
[[nodiscard]] int runWatchCommand(const QStringList &args);

} // namespace lp::cli
