// The command line against hostile outputs and inputs: -o onto links, devices, pipes, directories and full
// disks; plans and price files that are pipes, devices or endless. Each case ends quickly with a message
// and the documented exit code (2: the user's input, 1: the write failed), and no file is harmed.
#include "smalldisk.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace {

struct Run {
    int exitCode = -1; // -1: crashed; -2: still running after the time allowed, and killed
    QByteArray out;
    QString err;
};

Run run(const QStringList &args, int timeoutMs = 20000, bool display = false)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    if (display)
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LP_APP_PATH), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-2, {}, QStringLiteral("(killed after %1 ms)").arg(timeoutMs)};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError())};
}

QString data(const char *name)
{
    return QStringLiteral(LP_TEST_DATA_DIR "/") + QLatin1String(name);
}

using lp::test::contents;
using lp::test::put;

// export-csv of a table (the 2,001-row price table is about 200 kB, the loops table 1 kB) or a chart
// (render, by the suffix of `out`), to `out`.
QStringList writeTo(const QString &command, const QString &out,
                    const QString &table = QStringLiteral("prices"))
{
    if (command == QLatin1String("render"))
        return {command,
                data("wsteth-loop.json"),
                QStringLiteral("--chart"),
                QStringLiteral("pnl"),
                QStringLiteral("-o"),
                out};
    return {command, data("wsteth-loop.json"), QStringLiteral("--table"), table, QStringLiteral("-o"), out};
}

mode_t typeOf(const QString &path)
{
    struct stat st {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & S_IFMT) : 0;
}

} // namespace

class TestCliSafety : public QObject {
    Q_OBJECT
private slots:
    void outputOntoASymlinkIsRefused_data();
    void outputOntoASymlinkIsRefused();
    void outputOntoADanglingSymlinkCreatesNothing();
    void outputOntoAFifoOrDirectoryIsRefused_data();
    void outputOntoAFifoOrDirectoryIsRefused();
    void outputOntoADeviceIsRefused();
    void fullDiskKeepsTheOldFile_data();
    void fullDiskKeepsTheOldFile();
    void priceFileThatIsADeviceIsRefused();
    void planThatIsAFifoDoesNotBlock();
    void oversizedPlanMessageStatesTheLimitOnce();
    void unknownCommandExitsTwoWithTheList_data();
    void unknownCommandExitsTwoWithTheList();
    void extremePlansExitTwoNamingTheField_data();
    void extremePlansExitTwoNamingTheField();
    void monteCarloWorkIsBounded();
};

void TestCliSafety::outputOntoASymlinkIsRefused_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("name");
    QTest::newRow("export-csv") << "export-csv"
                                << "out.csv";
    QTest::newRow("render") << "render"
                            << "out.pdf";
}

void TestCliSafety::outputOntoASymlinkIsRefused()
{
    QFETCH(QString, command);
    QFETCH(QString, name);
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("precious"));
    const QString link = dir.filePath(name);
    QVERIFY(put(target, "precious"));
    QVERIFY(QFile::link(target, link));
    const Run r = run(writeTo(command, link));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("symbolic link")), qPrintable(r.err));
    QCOMPARE(contents(target), QByteArray("precious"));
    QVERIFY(QFileInfo(link).isSymLink());
}

void TestCliSafety::outputOntoADanglingSymlinkCreatesNothing()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("elsewhere.csv"));
    const QString link = dir.filePath(QStringLiteral("out.csv"));
    QVERIFY(QFile::link(target, link));
    const Run r = run(writeTo(QStringLiteral("export-csv"), link));
    QCOMPARE(r.exitCode, 2);
    QVERIFY(!QFileInfo::exists(target));
}

void TestCliSafety::outputOntoAFifoOrDirectoryIsRefused_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<bool>("fifo");
    QTest::addColumn<QString>("says");
    QTest::newRow("export-csv onto a FIFO") << "export-csv" << true << "FIFO";
    QTest::newRow("render onto a FIFO") << "render" << true << "FIFO";
    QTest::newRow("export-csv onto a directory") << "export-csv" << false << "directory";
    QTest::newRow("render onto a directory") << "render" << false << "directory";
}

void TestCliSafety::outputOntoAFifoOrDirectoryIsRefused()
{
    QFETCH(QString, command);
    QFETCH(bool, fifo);
    QFETCH(QString, says);
    QTemporaryDir dir;
    const QString out = dir.filePath(command == QLatin1String("render") ? QStringLiteral("out.pdf")
                                                                        : QStringLiteral("out.csv"));
    if (fifo)
        QVERIFY(::mkfifo(QFile::encodeName(out).constData(), 0600) == 0);
    else
        QVERIFY(QDir().mkdir(out));
    const mode_t before = typeOf(out);
    const Run r = run(writeTo(command, out), 10000);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
    QCOMPARE(typeOf(out), before);
}

void TestCliSafety::outputOntoADeviceIsRefused()
{
    // A private /dev/null (character device 1:3) in a temporary directory: a failure replaces only that.
    QTemporaryDir dir;
    const QString node = dir.filePath(QStringLiteral("null.csv"));
    if (::mknod(QFile::encodeName(node).constData(), S_IFCHR | 0666, makedev(1, 3)) != 0)
        QSKIP("cannot make a device node here (needs root)");
    const Run r = run(writeTo(QStringLiteral("export-csv"), node));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("device")), qPrintable(r.err));
    QCOMPARE(typeOf(node), mode_t(S_IFCHR));
}

void TestCliSafety::fullDiskKeepsTheOldFile_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("fillFirst");
    QTest::newRow("export-csv, larger than the disk") << "export-csv"
                                                      << "prices.csv" << false;
    QTest::newRow("export-csv, disk already full") << "export-csv"
                                                   << "prices.csv" << true;
    QTest::newRow("render PDF, disk already full") << "render"
                                                   << "pnl.pdf" << true;
    QTest::newRow("render PNG, disk already full") << "render"
                                                   << "pnl.png" << true;
}

void TestCliSafety::fullDiskKeepsTheOldFile()
{
    QFETCH(QString, command);
    QFETCH(QString, name);
    QFETCH(bool, fillFirst);
    const lp::test::SmallDisk disk(64);
    if (!disk.mounted())
        QSKIP(qPrintable(disk.why()));
    const QString out = disk.path(name);
    QVERIFY(put(out, "the old file"));
    if (fillFirst)
        disk.fill();
    // On a full disk a small file sits in a write buffer until the end: only the final flush fails.
    const Run r = run(writeTo(command, out, fillFirst ? QStringLiteral("loops") : QStringLiteral("prices")));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(out), qPrintable(r.err));
    QCOMPARE(contents(out), QByteArray("the old file"));
    QCOMPARE(disk.entries(), QStringList{name});
}

void TestCliSafety::priceFileThatIsADeviceIsRefused()
{
    // /dev/zero never ends: it must be refused as a device, not read up to (or past) the size limit.
    const Run r =
        run({QStringLiteral("backtest"), data("backtest-plan.json"), QStringLiteral("/dev/zero")}, 10000);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("/dev/zero")) && r.err.contains(QLatin1String("device")),
             qPrintable(r.err));
}

void TestCliSafety::planThatIsAFifoDoesNotBlock()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("plan.json"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const Run r = run({QStringLiteral("report"), fifo}, 10000);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("FIFO")), qPrintable(r.err));
}

void TestCliSafety::oversizedPlanMessageStatesTheLimitOnce()
{
    QTemporaryDir dir;
    const QString big = dir.filePath(QStringLiteral("big.json"));
    QVERIFY(put(big, QByteArray(16 * 1024 * 1024 + 1, ' ')));
    const Run r = run({QStringLiteral("report"), big});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String(
                 "is 16777217 bytes, larger than a plan file may be (at most 16 MB, 16777216 bytes)")),
             qPrintable(r.err));
}

void TestCliSafety::unknownCommandExitsTwoWithTheList_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("display");
    QTest::newRow("no display") << QStringList{QStringLiteral("frobnicate"), QStringLiteral("x.json")}
                                << false;
    QTest::newRow("with a display") << QStringList{QStringLiteral("frobnicate"), QStringLiteral("x.json")}
                                    << true;
    QTest::newRow("alone") << QStringList{QStringLiteral("reprot")} << false;
}

void TestCliSafety::unknownCommandExitsTwoWithTheList()
{
    QFETCH(QStringList, args);
    QFETCH(bool, display);
    const Run r = run(args, 10000, display);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("unknown command")) &&
                 r.err.contains(QLatin1String("report, export-csv, render, backtest")),
             qPrintable(r.err));
}

void TestCliSafety::extremePlansExitTwoNamingTheField_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("field");
    // 1e-320 ran for a minute at 14.6 GB, or aborted with bad_alloc.
    QTest::newRow("subnormal price") << QByteArray(R"("priceUsd": 3500)")
                                     << QByteArray(R"("priceUsd": 1e-320)") << "collateral.priceUsd";
    // A tiny borrow price gave infinite debt and equity, with exit 0.
    QTest::newRow("tiny borrow price")
        << QByteArray(R"("priceUsd": 3000)") << QByteArray(R"("priceUsd": 1e-300)") << "borrow.priceUsd";
    QTest::newRow("duplicate key") << QByteArray(R"("deposit": 10)")
                                   << QByteArray(R"("deposit": 10, "deposit": 1e9)") << "deposit";
}

void TestCliSafety::extremePlansExitTwoNamingTheField()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, field);
    QByteArray plan = contents(data("wsteth-loop.json"));
    QVERIFY(plan.contains(from));
    plan.replace(from, to);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.json"));
    QVERIFY(put(path, plan));
    const Run r = run({QStringLiteral("report"), path}, 10000);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("  %1: ").arg(field)), qPrintable(r.err));
}

void TestCliSafety::monteCarloWorkIsBounded()
{
    // --paths 10000000 on a 100-year plan ran for minutes: paths x days is bounded, with the most paths
    // this plan may take.
    QByteArray plan = contents(data("wsteth-loop.json"));
    QVERIFY(plan.contains(R"("horizonDays": 365,)"));
    plan.replace(R"("horizonDays": 365,)", R"("horizonDays": 36500,)");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.json"));
    QVERIFY(put(path, plan));
    const Run r =
        run({QStringLiteral("report"), path, QStringLiteral("--paths"), QStringLiteral("10000000")}, 10000);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("--paths")) &&
                 r.err.contains(QLatin1String("at most --paths 10958")),
             qPrintable(r.err));
}

QTEST_GUILESS_MAIN(TestCliSafety)
#include "tst_cli_safety.moc"
