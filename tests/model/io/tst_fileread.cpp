// The one bounded reader (readFileBounded): only regular files, never more than the limit plus one byte,
// and never a wait on a pipe.
#include "marketregistry.h"
#include "planjson.h"
#include "safefile.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace lp;

namespace {

bool put(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestFileRead : public QObject {
    Q_OBJECT
private slots:
    void readsAFileUpToItsLimit();
    void refusesAFileOverItsLimitExactly();
    void stopsAtTheLimitWhenTheSizeIsNotKnown();
    void refusesADevice();
    void refusesAFifoWithoutBlocking();
    void planReaderRefusesAFifo();
};

void TestFileRead::readsAFileUpToItsLimit()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("f"));
    QVERIFY(put(path, "0123456789"));
    const Expected<QByteArray> read = readFileBounded(path, 10, QStringLiteral("a test file"));
    QVERIFY(read);
    QCOMPARE(*read, QByteArray("0123456789"));
    QVERIFY(put(path, ""));
    QCOMPARE(*readFileBounded(path, 10, QStringLiteral("a test file")), QByteArray());
}

void TestFileRead::refusesAFileOverItsLimitExactly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("f"));
    QVERIFY(put(path, "01234567890"));
    const Expected<QByteArray> read = readFileBounded(path, 10, QStringLiteral("a test file"));
    QVERIFY(!read);
    QCOMPARE(read.errors().first().field, path);
    QCOMPARE(read.errors().first().message,
             QStringLiteral("is 11 bytes, larger than a test file may be (at most 10 bytes)"));
}

void TestFileRead::stopsAtTheLimitWhenTheSizeIsNotKnown()
{
    // /proc files claim size 0 and are longer: the read stops one byte past the limit.
    const Expected<QByteArray> read =
        readFileBounded(QStringLiteral("/proc/self/status"), 20, QStringLiteral("a test file"));
    QVERIFY(!read);
    QCOMPARE(read.errors().first().message,
             QStringLiteral("is more than 20 bytes, larger than a test file may be (at most 20 bytes)"));
}

void TestFileRead::refusesADevice()
{
    // /dev/zero never ends: refused for what it is, at once.
    // (Read to its end, it would take the whole limit first: the message says it was refused unread.)
    const Expected<QByteArray> read =
        readFileBounded(QStringLiteral("/dev/zero"), kMaxPlanFileBytes, QStringLiteral("a price file"));
    QVERIFY(!read);
    QCOMPARE(read.errors().first().message, QStringLiteral("is a device, not a price file"));
}

void TestFileRead::refusesAFifoWithoutBlocking()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("pipe"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const Expected<QByteArray> read = readFileBounded(fifo, 100, QStringLiteral("a plan file"));
    QVERIFY(!read);
    QCOMPARE(read.errors().first().message, QStringLiteral("is a FIFO (named pipe), not a plan file"));
}

void TestFileRead::planReaderRefusesAFifo()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("plan.json"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const Expected<Plan> plan = readPlanFile(fifo, MarketRegistry::builtIn());
    QVERIFY(!plan);
    QCOMPARE(plan.errors().first().message, QStringLiteral("is a FIFO (named pipe), not a plan file"));
}

QTEST_GUILESS_MAIN(TestFileRead)
#include "tst_fileread.moc"
