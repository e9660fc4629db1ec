// The one write path (writeFileAtomically): a temporary file next to the target, written, flushed, checked
// and synced, then renamed over it. Whatever fails, the old file is intact and nothing is left behind;
// targets that are not regular files are refused, never replaced or followed.
#include "planfile.h"
#include "smalldisk.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace lp;

namespace {

using lp::test::contents;
using lp::test::put;

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

} // namespace

class TestFileWrite : public QObject {
    Q_OBJECT
private slots:
    void writesAndReplaces();
    void keepsTheOldFilesPermissions();
    void refusesASymlinkAndLeavesItsTarget();
    void refusesADanglingSymlinkWithoutCreatingItsTarget();
    void refusesADirectory();
    void refusesAFifo();
    void refusesADeviceNode();
    void missingDirectoryFails();
    void fullDiskKeepsTheOldFile_data();
    void fullDiskKeepsTheOldFile();
};

void TestFileWrite::writesAndReplaces()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.json"));
    QVERIFY(writeFileAtomically("first", path).isEmpty());
    QCOMPARE(contents(path), QByteArray("first"));
    QVERIFY(writeFileAtomically("second, longer", path).isEmpty());
    QCOMPARE(contents(path), QByteArray("second, longer"));
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("plan.json")}); // no temporary file left
}

void TestFileWrite::keepsTheOldFilesPermissions()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.json"));
    QVERIFY(put(path, "old"));
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
    QVERIFY(writeFileAtomically("new", path).isEmpty());
    struct stat st {};
    QVERIFY(::stat(QFile::encodeName(path).constData(), &st) == 0);
    QCOMPARE(st.st_mode & 07777, 0640u);
}

void TestFileWrite::refusesASymlinkAndLeavesItsTarget()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("precious.txt"));
    const QString link = dir.filePath(QStringLiteral("out.csv"));
    QVERIFY(put(target, "precious"));
    QVERIFY(QFile::link(target, link));
    const ValidationErrors errors = writeFileAtomically("overwritten", link);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().message.contains(QLatin1String("symbolic link")),
             qPrintable(errors.first().message));
    QCOMPARE(contents(target), QByteArray("precious"));
    QVERIFY(QFileInfo(link).isSymLink());
}

void TestFileWrite::refusesADanglingSymlinkWithoutCreatingItsTarget()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("created-elsewhere"));
    const QString link = dir.filePath(QStringLiteral("out.csv"));
    QVERIFY(QFile::link(target, link));
    QVERIFY(!writeFileAtomically("x", link).isEmpty());
    QVERIFY(!QFileInfo::exists(target));
}

void TestFileWrite::refusesADirectory()
{
    QTemporaryDir dir;
    const QString sub = dir.filePath(QStringLiteral("sub"));
    QVERIFY(QDir().mkdir(sub));
    const ValidationErrors errors = writeFileAtomically("x", sub);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().message.contains(QLatin1String("directory")), qPrintable(errors.first().message));
    QVERIFY(QFileInfo(sub).isDir());
}

void TestFileWrite::refusesAFifo()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("pipe"));
    QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
    const ValidationErrors errors = writeFileAtomically("x", fifo);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().message.contains(QLatin1String("FIFO")), qPrintable(errors.first().message));
    struct stat st {};
    QVERIFY(::lstat(QFile::encodeName(fifo).constData(), &st) == 0);
    QVERIFY(S_ISFIFO(st.st_mode)); // still the pipe, not replaced by a regular file
}

void TestFileWrite::refusesADeviceNode()
{
    // A private copy of /dev/null (character device 1:3), so that a failure never replaces the real one.
    QTemporaryDir dir;
    const QString node = dir.filePath(QStringLiteral("null"));
    if (::mknod(QFile::encodeName(node).constData(), S_IFCHR | 0666, makedev(1, 3)) != 0)
        QSKIP("cannot make a device node here (needs root)");
    const ValidationErrors errors = writeFileAtomically("x", node);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().message.contains(QLatin1String("device")), qPrintable(errors.first().message));
    struct stat st {};
    QVERIFY(::lstat(QFile::encodeName(node).constData(), &st) == 0);
    QVERIFY(S_ISCHR(st.st_mode));
}

void TestFileWrite::missingDirectoryFails()
{
    QTemporaryDir dir;
    const ValidationErrors errors =
        writeFileAtomically("x", dir.filePath(QStringLiteral("no/such/dir/f.csv")));
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.first().message.startsWith(QLatin1String("cannot be written")));
}

void TestFileWrite::fullDiskKeepsTheOldFile_data()
{
    QTest::addColumn<bool>("fillFirst");
    QTest::addColumn<int>("bytes");
    // Larger than the whole disk: the write itself fails.
    QTest::newRow("larger than the disk") << false << 200 * 1024;
    // Small enough to sit in a write buffer on a disk already full: only the final flush fails.
    QTest::newRow("small, disk already full") << true << 2000;
}

void TestFileWrite::fullDiskKeepsTheOldFile()
{
    QFETCH(bool, fillFirst);
    QFETCH(int, bytes);
    const test::SmallDisk disk(64);
    if (!disk.mounted())
        QSKIP(qPrintable(disk.why()));
    const QString path = disk.path(QStringLiteral("plan.json"));
    QVERIFY(put(path, "the old plan"));
    if (fillFirst)
        disk.fill();
    const ValidationErrors errors = writeFileAtomically(QByteArray(bytes, 'n'), path);
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().message.startsWith(QLatin1String("cannot be written")),
             qPrintable(errors.first().message));
    QCOMPARE(contents(path), QByteArray("the old plan"));
    QCOMPARE(disk.entries(), QStringList{QStringLiteral("plan.json")});
}

QTEST_GUILESS_MAIN(TestFileWrite)
#include "tst_filewrite.moc"
