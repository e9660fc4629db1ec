// `render`: charts to PNG and PDF at a size, bad arguments and unwritable files.
#include "clitestutil.h"

#include <cmath>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSize>
#include <QTemporaryDir>
#include <QTest>

using namespace clitest;

class TestCliRender : public QObject {
    Q_OBJECT
private slots:
    void renderWritesPngAndPdf_data();
    void renderWritesPngAndPdf();
    void renderBadArgumentsExitTwoAndWriteNothing_data();
    void renderBadArgumentsExitTwoAndWriteNothing();
    void renderWriteFailureExitsOne();
};

void TestCliRender::renderWritesPngAndPdf_data()
{
    QTest::addColumn<QString>("chart");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("size"); // empty: the default
    QTest::addColumn<QSize>("expected");
    QTest::newRow("pnl png default size") << "pnl"
                                          << "pnl.png"
                                          << "" << QSize(1200, 800);
    QTest::newRow("health png 640x360") << "health"
                                        << "health.png"
                                        << "640x360" << QSize(640, 360);
    QTest::newRow("loops png 500x900") << "loops"
                                       << "loops.PNG"
                                       << "500x900" << QSize(500, 900);
    QTest::newRow("pnl pdf") << "pnl"
                             << "pnl.pdf"
                             << "800x600" << QSize(800, 600);
    QTest::newRow("loops pdf default") << "loops"
                                       << "loops.pdf"
                                       << "" << QSize(1200, 800);
}

void TestCliRender::renderWritesPngAndPdf()
{
    QFETCH(QString, chart);
    QFETCH(QString, file);
    QFETCH(QString, size);
    QFETCH(QSize, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(file);
    QStringList args{QStringLiteral("render"),  data("wsteth-loop.json"),
                     QStringLiteral("--chart"), chart,
                     QStringLiteral("-o"),      path};
    if (!size.isEmpty())
        args << QStringLiteral("--size") << size;
    const Run r = run(args); // no DISPLAY, no QT_QPA_PLATFORM: the command picks offscreen itself
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.out.isEmpty());
    const QByteArray bytes = readFile(path);
    if (file.endsWith(QLatin1String(".pdf"))) {
        QVERIFY(bytes.startsWith("%PDF-"));
        // One page of exactly that many points.
        const QRegularExpression box(QStringLiteral("/MediaBox \\[0 0 %1(\\.0+)? %2(\\.0+)?\\]")
                                         .arg(expected.width())
                                         .arg(expected.height()));
        QVERIFY(box.match(QString::fromLatin1(bytes)).hasMatch());
    } else {
        // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit numbers at 16 and 20.
        QVERIFY(bytes.startsWith("\x89PNG\r\n\x1a\n"));
        QCOMPARE(bytes.mid(12, 4), QByteArray("IHDR"));
        const auto be32 = [&](int at) {
            return (uchar(bytes[at]) << 24) | (uchar(bytes[at + 1]) << 16) | (uchar(bytes[at + 2]) << 8) |
                   uchar(bytes[at + 3]);
        };
        QCOMPARE(QSize(be32(16), be32(20)), expected);
    }
}

void TestCliRender::renderBadArgumentsExitTwoAndWriteNothing_data()
{
    QTest::addColumn<QStringList>("args"); // OUT stands for the output file, which exists beforehand
    QTest::addColumn<QString>("message");
    const QString plan = data("wsteth-loop.json");
    const QString r = QStringLiteral("render");
    const QString o = QStringLiteral("-o");
    const QString out = QStringLiteral("OUT");
    const QString chart = QStringLiteral("--chart");
    QTest::newRow("no chart") << QStringList{r, plan, o, out} << "--chart is required";
    QTest::newRow("unknown chart")
        << QStringList{r, plan, chart, QStringLiteral("close"), o, out}
        << "--chart must be one of pnl, health, loops, time, risk, carry (got \"close\")";
    QTest::newRow("no output") << QStringList{r, plan, chart, QStringLiteral("pnl")}
                               << "-o FILE.png or FILE.pdf";
    QTest::newRow("svg output") << QStringList{r,     plan,
                                               chart, QStringLiteral("pnl"),
                                               o,     QStringLiteral("x.svg")}
                                << "-o must name a .png or .pdf file";
    QTest::newRow("size too small") << QStringList{r,
                                                   plan,
                                                   chart,
                                                   QStringLiteral("pnl"),
                                                   o,
                                                   out,
                                                   QStringLiteral("--size"),
                                                   QStringLiteral("10x10")}
                                    << "--size must be WxH";
    QTest::newRow("size words") << QStringList{r,
                                               plan,
                                               chart,
                                               QStringLiteral("pnl"),
                                               o,
                                               out,
                                               QStringLiteral("--size"),
                                               QStringLiteral("large")}
                                << "--size must be WxH";
    QTest::newRow("no plan") << QStringList{r, chart, QStringLiteral("pnl"), o, out}
                             << "expected one plan file, got 0";
    QTest::newRow("bad plan") << QStringList{r,     data("bad-ltv-above-lt.json"),
                                             chart, QStringLiteral("loops"),
                                             o,     out}
                              << "collateral.liquidationThreshold";
    QTest::newRow("truncated plan") << QStringList{r,     data("bad-truncated.json"),
                                                   chart, QStringLiteral("pnl"),
                                                   o,     out}
                                    << "not valid JSON";
    QTest::newRow("unknown option")
        << QStringList{r, plan, chart, QStringLiteral("pnl"), o, out, QStringLiteral("--dpi=300")}
        << "Unknown option 'dpi'";
}

void TestCliRender::renderBadArgumentsExitTwoAndWriteNothing()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("chart.png"));
    QFile f(out);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("keep");
    f.close();
    args.replaceInStrings(QRegularExpression(QStringLiteral("^OUT$")), out);
    const Run r = run(args);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QCOMPARE(readFile(out), QByteArray("keep"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("chart.png")});
}

void TestCliRender::renderWriteFailureExitsOne()
{
    const Run r =
        run({QStringLiteral("render"), data("wsteth-loop.json"), QStringLiteral("--chart"),
             QStringLiteral("pnl"), QStringLiteral("-o"), QStringLiteral("/nonexistent-dir/c.png")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QStringLiteral("could not write /nonexistent-dir/c.png")), qPrintable(r.err));
    const Run help = run({QStringLiteral("--help")});
    QVERIFY(help.out.contains("render PLAN --chart pnl|health|loops|time|risk"));
    const Run renderHelp = run({QStringLiteral("render"), QStringLiteral("--help")});
    QCOMPARE(renderHelp.exitCode, 0);
    QVERIFY(renderHelp.out.contains("--size"));
}

QTEST_GUILESS_MAIN(TestCliRender)
#include "tst_cli_render.moc"
