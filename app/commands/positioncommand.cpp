// `leverage-planner position ADDRESS --rpc URL --pool-provider ADDRESS [--format json|text]
// [--group SYMBOLS]... [--plan -o FILE]`: reads an account on an Aave v3 market (read-only) and prints its
// health, each asset's liquidation price and the pool's own health factor; with --plan, writes a one-pair
// account as a plan.
#include "positioncommand.h"

#include "accountplan.h"
#include "cli.h"
#include "commandsupport.h"
#include "planfile.h"

#include <QJsonDocument>

namespace lp::cli {

int runPositionCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Reads an account on an Aave v3 market at the latest block: its balances of every reserve, its "
        "e-mode "
        "and the pool's own account data. Read-only: nothing is signed or sent, no key is asked for."));
    addPositionSourceOptions(parser);
    const QCommandLineOption plan(
        QStringLiteral("plan"),
        QStringLiteral("Write the account as a plan (one collateral, one debt) to -o."));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("The plan file to write (with --plan)."),
                                    QStringLiteral("FILE"));
    parser.addOptions({plan, output, formatOption()});
    int exitCode = Ok;
    if (!parseOrExit(parser, args, &exitCode))
        return exitCode;
    const QString format = parser.value(QStringLiteral("format"));
    if (!isKnownFormat(format))
        return BadInput;
    if (parser.isSet(plan) != parser.isSet(output)) {
        printErr(QStringLiteral("leverage-planner: position: --plan and -o FILE go together"));
        return BadInput;
    }
    if (parser.isSet(output) && !isWritableTarget(parser.value(output)))
        return BadInput;
    const std::optional<PositionSource> source =
        positionSource(parser, QStringLiteral("position"), &exitCode);
    if (!source)
        return exitCode;
    const std::optional<AssetGroups> groups = assetGroups(parser, QStringLiteral("position"));
    if (!groups)
        return BadInput;
    const Expected<chain::FetchedPosition> position = readPosition(*source);
    if (!position) {
        printErrors(QStringLiteral("position: reading %1 from %2 failed")
                        .arg(source->user, chain::redactedEndpoint(source->rpc)),
                    position.errors());
        return Failure;
    }
    if (parser.isSet(plan)) {
        const Expected<Plan> p = planFromAccount(position->account);
        if (!p) {
            printErrors(QStringLiteral("position: this account is not one plan"), p.errors());
            return BadInput;
        }
        const ValidationErrors written = writePlanFile(p.value(), parser.value(output), knownMarkets());
        if (!written.isEmpty()) {
            printWriteErrors(parser.value(output), written);
            return Failure;
        }
    }
    const QByteArray out =
        format == u"text"
            ? positionText(position.value(), *groups).toUtf8()
            : QJsonDocument(positionToJson(position.value(), *groups)).toJson(QJsonDocument::Indented);
    return writeStdout(out) ? Ok : Failure;
}

} // namespace lp::cli
