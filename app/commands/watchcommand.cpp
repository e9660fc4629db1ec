// `leverage-planner watch ADDRESS --rpc URL --pool-provider ADDRESS --alert-below HF [--alert-distance PCT]
// [--every SECONDS] [--count N] [--log FILE] [--group SYMBOLS]...`: reads the account again and again and
// prints one line per reading. Exit 3 the first time a reading crosses the alert level (for cron and
// scripts), 0 after --count readings with no alert and none failed, 1 when a reading failed and no later one
// alerted. A failed reading is reported as failed and retried at the next interval; it is never taken for a
// safe one.
#include "positioncommand.h"

#include "cli.h"
#include "commandsupport.h"
#include "machineformat.h"
#include "safefile.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHostAddress>
#include <QThread>

#include <cmath>

namespace lp::cli {

namespace {

constexpr int kAlert = 3;
constexpr double kMinimumEverySeconds = 15.0;
constexpr qint64 kLogLimitBytes = 64LL * 1024 * 1024;

// A node on this machine may be read faster than every 15 s (the tests do); a remote one may not.
bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host == u"localhost")
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString csvHeader()
{
    return QStringLiteral("time_utc,block,health_factor,total_collateral_usd,total_debt_usd,"
                          "nearest_liquidation_distance,pool_health_factor,status,message\n");
}

QString csvText(QString text)
{
    text.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + text + QLatin1Char('"');
}

} // namespace

int runWatchCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Reads an account on an Aave v3 market every SECONDS and prints one line per reading; exits 3 the "
        "first time the health factor is below HF (or the nearest liquidation closer than PCT %), 0 after "
        "--count readings without an alert, 1 when a reading failed. Read-only: nothing is signed or sent."));
    addPositionSourceOptions(parser);
    const QCommandLineOption alertBelow(QStringLiteral("alert-below"),
                                        QStringLiteral("Alert when the health factor is below HF."),
                                        QStringLiteral("HF"));
    const QCommandLineOption alertDistance(
        QStringLiteral("alert-distance"),
        QStringLiteral("Alert when a price move of less than PCT % would liquidate."), QStringLiteral("PCT"));
    const QCommandLineOption every(
        QStringLiteral("every"),
        QStringLiteral("Seconds between readings (default 300, at least 15; a node on "
                       "this machine, 127.0.0.1 or localhost, may be read faster)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption count(QStringLiteral("count"),
                                   QStringLiteral("Stop after N readings (default: never)."),
                                   QStringLiteral("N"));
    const QCommandLineOption log(QStringLiteral("log"),
                                 QStringLiteral("Append every reading to this CSV file."),
                                 QStringLiteral("FILE"));
    parser.addOptions({alertBelow, alertDistance, every, count, log});
    int exitCode = Ok;
    if (!parseOrExit(parser, args, &exitCode))
        return exitCode;
    const auto bad = [](const QString &message) {
        printErr(QStringLiteral("leverage-planner: watch: %1").arg(message));
        return int(BadInput);
    };
    const std::optional<PositionSource> source = positionSource(parser, QStringLiteral("watch"), &exitCode);
    if (!source)
        return exitCode;
    const std::optional<AssetGroups> groups = assetGroups(parser, QStringLiteral("watch"));
    if (!groups)
        return BadInput;
    bool ok = true;
    if (!parser.isSet(alertBelow) && !parser.isSet(alertDistance))
        return bad(QStringLiteral("needs --alert-below HF (or --alert-distance PCT)"));
    double alertHf = std::nan("");
    if (parser.isSet(alertBelow)) {
        alertHf = parser.value(alertBelow).toDouble(&ok);
        if (!ok || !(alertHf > 0.0) || alertHf > 1000.0)
            return bad(QStringLiteral("--alert-below must be a health factor above 0 (1.2, say)"));
    }
    double alertPct = std::nan("");
    if (parser.isSet(alertDistance)) {
        alertPct = parser.value(alertDistance).toDouble(&ok);
        if (!ok || !(alertPct > 0.0) || alertPct >= 100.0)
            return bad(QStringLiteral("--alert-distance must be a percentage above 0 and below 100"));
    }
    double seconds = 300.0;
    if (parser.isSet(every)) {
        seconds = parser.value(every).toDouble(&ok);
        const double minimum = isLoopback(source->rpc) ? 0.1 : kMinimumEverySeconds;
        if (!ok || !(seconds >= minimum) || seconds > 86400.0)
            return bad(QStringLiteral("--every must be from %1 to 86400 seconds").arg(minimum));
    }
    qint64 readings = -1;
    if (parser.isSet(count)) {
        readings = parser.value(count).toLongLong(&ok);
        if (!ok || readings < 1)
            return bad(QStringLiteral("--count must be a whole number of at least 1"));
    }
    QByteArray logBytes;
    const QString logPath = parser.value(log);
    if (!logPath.isEmpty()) {
        if (!isWritableTarget(logPath))
            return BadInput;
        if (QFileInfo::exists(logPath)) {
            const Expected<QByteArray> existing =
                readFileBounded(logPath, kLogLimitBytes, QStringLiteral("log"));
            if (!existing) {
                printErrors(QStringLiteral("watch: the log does not read"), existing.errors());
                return Failure;
            }
            logBytes = existing.value();
        }
        if (logBytes.isEmpty())
            logBytes = csvHeader().toUtf8();
    }

    bool lastFailed = false;
    for (qint64 n = 0; readings < 0 || n < readings; ++n) {
        if (n > 0)
            QThread::msleep(static_cast<unsigned long>(seconds * 1000.0));
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        const Expected<chain::FetchedPosition> position = readPosition(*source);
        QString line;
        QString row;
        bool alert = false;
        if (!position) {
            lastFailed = true;
            const QString why = formatErrors(position.errors()).simplified();
            line = QStringLiteral("%1 FAILED reading: %2 (retried at the next interval; not a safe reading)")
                       .arg(now, why);
            row = QStringLiteral("%1,,,,,,,failed,%2\n").arg(now, csvText(why));
        } else {
            lastFailed = false;
            const AccountFigures f = accountFigures(position->account);
            const double distance = nearestLiquidationDistance(position->account, *groups);
            QString groupText;
            for (const GroupMove &g : groupMoves(position->account, *groups))
                groupText += QStringLiteral("; ") + groupLine(position->account, g);
            QStringList reasons;
            if (!std::isnan(alertHf) && f.healthFactor < alertHf)
                reasons << QStringLiteral("health factor %1 is below %2")
                               .arg(machine::fixed(f.healthFactor, 6), machine::fixed(alertHf, 4));
            if (!std::isnan(alertPct) && distance * 100.0 < alertPct)
                reasons << QStringLiteral("a %1 % move would liquidate (alert at %2 %)")
                               .arg(machine::fixed(distance * 100.0, 2), machine::fixed(alertPct, 2));
            alert = !reasons.isEmpty();
            line = QStringLiteral("%1 block %2 HF %3 collateral %4 debt %5 nearest liquidation %6%7 %8%9")
                       .arg(now)
                       .arg(position->blockNumber)
                       .arg(machine::fixed(f.healthFactor, 6), machine::usd(f.totalCollateralUsd),
                            machine::usd(f.totalDebtUsd),
                            std::isnan(distance) ? QStringLiteral("none") : machine::percent(distance),
                            groupText, alert ? QStringLiteral("ALERT: ") : QStringLiteral("ok"),
                            reasons.join(QStringLiteral("; ")));
            row = QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9\n")
                      .arg(now)
                      .arg(position->blockNumber)
                      .arg(machine::fixed(f.healthFactor, 9), machine::fixed(f.totalCollateralUsd, 2),
                           machine::fixed(f.totalDebtUsd, 2), machine::fixed(distance, 6),
                           machine::fixed(position->pool.healthFactor, 9),
                           alert ? QStringLiteral("alert") : QStringLiteral("ok"),
                           csvText(reasons.join(QStringLiteral("; "))));
        }
        if (!writeStdout((line + QLatin1Char('\n')).toUtf8()))
            return Failure;
        if (!logPath.isEmpty()) {
            logBytes += row.toUtf8();
            const ValidationErrors written = writeFileAtomically(logBytes, logPath);
            if (!written.isEmpty()) {
                printWriteErrors(logPath, written);
                return Failure;
            }
        }
        if (alert)
            return kAlert;
    }
    return lastFailed ? Failure : Ok;
}

} // namespace lp::cli
