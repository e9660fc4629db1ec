// `render --chart time` and `--chart risk`, run as a user would: a separate process without a display.
// The Time page's four plots come out as one 2 x 2 image, the Risk page's heatmap as one.
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QString err;
};

Run run(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM")); // render must pick the offscreen platform itself
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(LP_APP_PATH), args);
    if (!p.waitForFinished(120000))
        qFatal("leverage-planner did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            QString::fromUtf8(p.readAllStandardError())};
}

QString data(const char *name)
{
    return QStringLiteral(LP_TEST_DATA_DIR "/") + QLatin1String(name);
}

// Share of sampled pixels that differ from the top-left one (the background).
double drawnShare(const QImage &image, QRect area)
{
    int drawn = 0;
    int all = 0;
    const QRgb background = image.pixel(area.topLeft());
    for (int y = area.top(); y <= area.bottom(); y += 4) {
        for (int x = area.left(); x <= area.right(); x += 4) {
            drawn += image.pixel(x, y) != background ? 1 : 0;
            ++all;
        }
    }
    return all ? double(drawn) / all : 0.0;
}

} // namespace

class TestCliRenderPages : public QObject {
    Q_OBJECT
private slots:
    void timeAndRiskWriteNonEmptyPngs_data();
    void timeAndRiskWriteNonEmptyPngs();
    void timeWritesPdf();
    void closeHasNoChart();
};

void TestCliRenderPages::timeAndRiskWriteNonEmptyPngs_data()
{
    QTest::addColumn<QString>("chart");
    QTest::addColumn<QString>("plan");
    QTest::newRow("time") << "time" << data("wsteth-loop.json");
    QTest::newRow("risk") << "risk" << data("wsteth-loop.json");
    QTest::newRow("time, tracking debt") << "time" << data("wsteth-weth-tracks.json");
    QTest::newRow("risk, flash loan") << "risk" << data("weth-usdc-flash-target.json");
}

void TestCliRenderPages::timeAndRiskWriteNonEmptyPngs()
{
    QFETCH(QString, chart);
    QFETCH(QString, plan);
    QTemporaryDir dir;
    const QString path = dir.filePath(chart + QStringLiteral(".png"));
    const Run r = run({QStringLiteral("render"), plan, QStringLiteral("--chart"), chart, QStringLiteral("-o"),
                       path, QStringLiteral("--size"), QStringLiteral("800x600")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("\x89PNG\r\n\x1a\n"));
    const QImage image(path);
    QCOMPARE(image.size(), QSize(800, 600));
    if (chart == QLatin1String("time")) {
        // Four plots, each drawn in its quarter.
        for (const QRect quarter : {QRect(0, 0, 400, 300), QRect(400, 0, 400, 300), QRect(0, 300, 400, 300),
                                    QRect(400, 300, 400, 300)})
            QVERIFY2(drawnShare(image, quarter) > 0.05,
                     qPrintable(QString::number(drawnShare(image, quarter))));
    } else {
        // The heatmap's cells cover much of the picture.
        QVERIFY2(drawnShare(image, image.rect()) > 0.3,
                 qPrintable(QString::number(drawnShare(image, image.rect()))));
    }
}

void TestCliRenderPages::timeWritesPdf()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("time.pdf"));
    const Run r = run({QStringLiteral("render"), data("wsteth-loop.json"), QStringLiteral("--chart"),
                       QStringLiteral("time"), QStringLiteral("-o"), path});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pdf = file.readAll();
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(pdf.size() > 2000);
}

void TestCliRenderPages::closeHasNoChart()
{
    // The Close page is tables only: asking for it is bad input, and nothing is written.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("close.png"));
    const Run r = run({QStringLiteral("render"), data("wsteth-loop.json"), QStringLiteral("--chart"),
                       QStringLiteral("close"), QStringLiteral("-o"), path});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QStringLiteral("pnl, health, loops, time, risk")), qPrintable(r.err));
    QVERIFY(!QFile::exists(path));
}

QTEST_MAIN(TestCliRenderPages)
#include "tst_cli_renderpages.moc"
