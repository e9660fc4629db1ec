#pragma once

// What the command-line tests share: running leverage-planner as a separate process (as a user would:
// stdout, stderr and exit code), the fixtures in tests/data, and Python as an independent CSV reader.
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTest>

#include <cmath>

namespace clitest {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

inline Run run(const QStringList &args, const QString &stdoutFile = {}, const QStringList &extraEnv = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &pair : extraEnv)
        env.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // headless commands must not need a platform at all
    p.setProcessEnvironment(env);
    if (!stdoutFile.isEmpty())
        p.setStandardOutputFile(stdoutFile);
    p.start(QStringLiteral(LP_APP_PATH), args);
    if (!p.waitForFinished(60000))
        qFatal("leverage-planner did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError())};
}

inline QString data(const char *name)
{
    return QStringLiteral(LP_TEST_DATA_DIR "/") + QLatin1String(name);
}

inline double rel(double a, double b)
{
    return std::fabs(a - b) / std::fabs(b);
}

inline QJsonObject reportOf(const QStringList &extra = {})
{
    const Run r = run(QStringList{QStringLiteral("report"), data("wsteth-loop.json")} + extra);
    if (r.exitCode != 0)
        qFatal("report failed: %s", qPrintable(r.err));
    return QJsonDocument::fromJson(r.out).object();
}

// Runs a Python script with `input` on stdin; returns its stdout, or fails the test.
inline QString python(const QString &script, const QByteArray &input)
{
    QProcess py;
    py.start(QStringLiteral("python3"), {QStringLiteral("-c"), script});
    py.write(input);
    py.closeWriteChannel();
    if (!py.waitForFinished(30000) || py.exitCode() != 0)
        qWarning("python3 failed: %s", py.readAllStandardError().constData());
    return QString::fromUtf8(py.readAllStandardOutput()).trimmed();
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace clitest
