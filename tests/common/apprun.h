#pragma once

// Runs leverage-planner (LP_APP_PATH) as a user would, while this test's event loop keeps running: a fake
// node or API served from this process (fakerpcserver.h) keeps answering the app's requests meanwhile.
#include <QProcess>
#include <QSignalSpy>
#include <QString>
#include <QStringList>

namespace lp::test {

struct AppRun {
    int exitCode = -1;
    QString out;
    QString err;
};

// The app's exit code, stdout and stderr; killed after `timeoutMs`. `environment` replaces the app's
// environment when it is not empty.
inline AppRun runApp(const QStringList &arguments, const QProcessEnvironment &environment = {},
                     int timeoutMs = 60000)
{
    QProcess process;
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    process.start(QStringLiteral(LP_APP_PATH), arguments);
    QSignalSpy finished(&process, &QProcess::finished);
    if (!finished.wait(timeoutMs))
        process.kill();
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace lp::test
