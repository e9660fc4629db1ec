#pragma once

// A small tmpfs for the disk-full tests: mounted over a fresh directory when the test runs as root (as CI
// does), unmounted when it goes out of scope. Elsewhere mounted() is false and the test skips with why().

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace lp::test {

// A whole file's bytes (empty when it cannot be read), and a plain non-atomic write of a test's own
// fixture: what the disk tests use to set up and inspect files beside the write path under test.
inline QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool put(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

class SmallDisk {
public:
    explicit SmallDisk(int kib = 64)
    {
        if (!m_dir.isValid()) {
            m_why = QStringLiteral("no temporary directory");
            return;
        }
        QProcess mount;
        mount.start(QStringLiteral("mount"),
                    {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                     QStringLiteral("size=%1k").arg(kib), QStringLiteral("tmpfs"), m_dir.path()});
        if (!mount.waitForFinished(10000) || mount.exitStatus() != QProcess::NormalExit ||
            mount.exitCode() != 0) {
            m_why = QStringLiteral("cannot mount a small tmpfs (needs root): %1")
                        .arg(QString::fromUtf8(mount.readAllStandardError()).trimmed());
            return;
        }
        m_mounted = true;
    }
    ~SmallDisk()
    {
        if (m_mounted)
            QProcess::execute(QStringLiteral("umount"), {m_dir.path()});
    }
    SmallDisk(const SmallDisk &) = delete;
    SmallDisk &operator=(const SmallDisk &) = delete;

    [[nodiscard]] bool mounted() const { return m_mounted; }
    [[nodiscard]] QString why() const { return m_why; }
    [[nodiscard]] QString path(const QString &name) const { return m_dir.filePath(name); }

    // Writes a filler file until the disk refuses more, so that the next write fails however small.
    void fill() const
    {
        QFile filler(m_dir.filePath(QStringLiteral("filler")));
        if (!filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return;
        const QByteArray block(512, 'f');
        while (filler.write(block) == block.size()) {
        }
    }

    // The names in the directory, apart from the filler: what a failed write may have left behind.
    [[nodiscard]] QStringList entries() const
    {
        QStringList names =
            QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
        names.removeAll(QStringLiteral("filler"));
        return names;
    }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
    QString m_why;
};

} // namespace lp::test
