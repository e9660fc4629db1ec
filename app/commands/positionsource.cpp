// Where `position` and `watch` read an account from: an RPC URL and a PoolAddressesProvider (Aave v3), an
// RPC URL, Morpho's address and a market id (Morpho Blue), or a known deployment by name. Read-only: eth_call
// and block queries to that URL, nothing signed or sent.
#include "positioncommand.h"

#include "abi.h"
#include "cli.h"
#include "commandsupport.h"
#include "positionquery.h"

namespace lp::cli {

void addPositionSourceOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("ADDRESS"), QStringLiteral("The account's address."));
    addRpcTargetOptions(parser,
                        QStringLiteral("The Morpho Blue market's id, 0x and 64 hex digits (with a Morpho "
                                       "--deployment, also the name of a market it lists)."));
    parser.addOption(
        {QStringLiteral("group"),
         QStringLiteral("Assets that track one another, comma-separated (wstETH,WETH): their joint "
                        "liquidation move, all by one factor and the others held. Repeat for "
                        "several groups."),
         QStringLiteral("SYMBOLS")});
}

std::optional<AssetGroups> assetGroups(const QCommandLineParser &parser, const QString &command)
{
    constexpr qsizetype kMaxGroups = 16;
    constexpr qsizetype kMaxMembers = 32;
    constexpr qsizetype kMaxSymbol = 40;
    const auto bad = [&](const QString &message) {
        printErr(QStringLiteral("leverage-planner: %1: --group %2").arg(command, message));
        return std::optional<AssetGroups>();
    };
    const QStringList values = parser.values(QStringLiteral("group"));
    if (values.size() > kMaxGroups)
        return bad(QStringLiteral("may be given at most %1 times").arg(kMaxGroups));
    AssetGroups out;
    for (const QString &value : values) {
        QStringList members;
        for (const QString &part : value.split(QLatin1Char(','))) {
            const QString symbol = part.trimmed();
            if (symbol.isEmpty() || symbol.size() > kMaxSymbol)
                return bad(QStringLiteral("\"%1\": each member is an asset's symbol of 1 to %2 characters, "
                                          "comma-separated (--group wstETH,WETH)")
                               .arg(value.left(80))
                               .arg(kMaxSymbol));
            if (members.contains(symbol, Qt::CaseInsensitive))
                return bad(QStringLiteral("\"%1\" names %2 twice").arg(value.left(80), symbol));
            members << symbol;
        }
        if (members.size() < 2 || members.size() > kMaxMembers)
            return bad(QStringLiteral("\"%1\" needs 2 to %2 assets, comma-separated (--group wstETH,WETH)")
                           .arg(value.left(80))
                           .arg(kMaxMembers));
        out << members;
    }
    return out;
}

std::optional<PositionSource> positionSource(const QCommandLineParser &parser, const QString &command,
                                             int *exitCode)
{
    *exitCode = BadInput;
    const auto bad = [&](const QString &message) {
        printErr(QStringLiteral("leverage-planner: %1: %2").arg(command, message));
        return std::optional<PositionSource>();
    };
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return bad(QStringLiteral("expected one ADDRESS, the account to read (see %1 --help)").arg(command));
    if (!chain::AbiValue::address(positional.first()))
        return bad(QStringLiteral("ADDRESS must be an address: 0x and 40 hex digits"));
    const std::optional<RpcTarget> target = rpcTarget(parser, command, true, exitCode);
    if (!target)
        return std::nullopt;
    return PositionSource{*target, positional.first()};
}

Expected<chain::FetchedPosition> readPosition(const PositionSource &source)
{
    chain::JsonRpcClient client(source.rpc);
    source.configure(client);
    chain::PositionQuery query;
    query.poolProvider = source.poolProvider;
    query.pool = source.pool;
    query.morpho = source.morpho;
    query.marketId = source.isMorpho() ? source.marketIds.first() : QString();
    query.user = source.user;
    return chain::fetchPosition(client, query);
}

} // namespace lp::cli
