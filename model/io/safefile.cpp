#include "safefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lp {

namespace {

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// What a non-regular file is, for messages ("a symbolic link").
QString kindOf(mode_t mode)
{
    if (S_ISLNK(mode))
        return QStringLiteral("a symbolic link");
    if (S_ISDIR(mode))
        return QStringLiteral("a directory");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return QStringLiteral("a device");
    if (S_ISFIFO(mode))
        return QStringLiteral("a FIFO (named pipe)");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    return QStringLiteral("not a regular file");
}

// Closes a descriptor when it goes out of scope, unless released.
class Fd {
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    [[nodiscard]] int get() const { return m_fd; }
    // Closes now and reports whether close succeeded (on NFS a late write error shows up here).
    bool close()
    {
        const int fd = m_fd;
        m_fd = -1;
        return ::close(fd) == 0;
    }

private:
    int m_fd;
};

bool writeAll(int fd, const QByteArray &bytes)
{
    const char *p = bytes.constData();
    auto left = static_cast<size_t>(bytes.size());
    while (left > 0) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = ENOSPC;
            return false;
        }
        p += n;
        left -= static_cast<size_t>(n);
    }
    return true;
}

ValidationErrors cannotWrite(const QString &path, const QString &why)
{
    return {{path, QStringLiteral("cannot be written: %1").arg(why)}};
}

} // namespace

ValidationErrors checkWriteTarget(const QString &path)
{
    if (path.isEmpty())
        return {{path, QStringLiteral("no file name given")}};
    struct stat st {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return {}; // nothing there yet (a missing directory fails when writing)
    if (S_ISREG(st.st_mode))
        return {};
    return {{path, QStringLiteral("is %1; only a regular file is replaced%2")
                       .arg(kindOf(st.st_mode),
                            S_ISLNK(st.st_mode) ? QStringLiteral(" (name the link's target to write there)")
                                                : QString())}};
}

ValidationErrors writeFileAtomically(const QByteArray &bytes, const QString &path)
{
    if (ValidationErrors refused = checkWriteTarget(path); !refused.isEmpty())
        return refused;
    const QFileInfo info(path);
    const QString dir = info.absolutePath();
    const QByteArray target = QFile::encodeName(info.absoluteFilePath());

    // A fresh name next to the target (same file system, so the rename is atomic), made with O_EXCL so
    // that nothing already there, a link planted by someone else included, is ever opened.
    QByteArray temp;
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
        temp = QFile::encodeName(
            QDir(dir).filePath(QStringLiteral(".%1.%2.tmp")
                                   .arg(info.fileName())
                                   .arg(QRandomGenerator::global()->generate64() & 0xffffffffffffULL, 12, 16,
                                        QLatin1Char('0'))));
        fd = ::open(temp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
        if (fd < 0 && errno != EEXIST)
            return cannotWrite(path, systemError(errno));
    }
    if (fd < 0)
        return cannotWrite(path, QStringLiteral("no free temporary name in %1").arg(dir));
    Fd file(fd);
    const auto fail = [&](int error) {
        ::unlink(temp.constData());
        return cannotWrite(path, systemError(error));
    };

    // The old file's permissions carry over (a new file gets 0666 less the umask, as open() made it).
    struct stat old {};
    if (::stat(target.constData(), &old) == 0 && ::fchmod(file.get(), old.st_mode & 07777) != 0)
        return fail(errno);
    if (!writeAll(file.get(), bytes))
        return fail(errno);
    if (::fsync(file.get()) != 0)
        return fail(errno);
    if (!file.close())
        return fail(errno);
    // The target may have been replaced by a link or a pipe since the check: refuse then too (rename
    // would replace the link itself, never its target, but a device or directory must stay).
    if (ValidationErrors refused = checkWriteTarget(path); !refused.isEmpty()) {
        ::unlink(temp.constData());
        return refused;
    }
    if (::rename(temp.constData(), target.constData()) != 0)
        return fail(errno);
    // Sync the directory so that the rename itself survives a crash; a failure here changes nothing the
    // user can act on, the new file is in place.
    const int dirFd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return {};
}

Expected<QByteArray> readFileBounded(const QString &path, qint64 maxBytes, const QString &what)
{
    const QString limit = maxBytes >= 1048576
                              ? QStringLiteral("%1 MB, %2 bytes").arg(maxBytes / 1048576).arg(maxBytes)
                              : QStringLiteral("%1 bytes").arg(maxBytes);
    // "is 16777217 bytes, larger than a plan file may be (at most 16 MB, 16777216 bytes)": exact, so that
    // a file just over the limit does not read as "16.0 MB; at most 16 MB".
    const auto tooLarge = [&](const QString &size) {
        return ValidationError{
            path, QStringLiteral("is %1 bytes, larger than %2 may be (at most %3)").arg(size, what, limit)};
    };
    if (path.startsWith(QLatin1String(":/"))) {
        // Built into the program (Qt resources: the market presets, the examples): in memory, sized.
        QFile resource(path);
        if (!resource.open(QIODevice::ReadOnly))
            return ValidationError{path, QStringLiteral("no such file")};
        if (resource.size() > maxBytes)
            return tooLarge(QString::number(resource.size()));
        return resource.read(maxBytes);
    }
    const QByteArray name = QFile::encodeName(path);
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
    const int fd = ::open(name.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT)
            return ValidationError{path, QStringLiteral("no such file")};
        return ValidationError{path, QStringLiteral("cannot be read: %1").arg(systemError(error))};
    }
    Fd file(fd);
    struct stat st {};
    if (::fstat(fd, &st) != 0)
        return ValidationError{path, QStringLiteral("cannot be read: %1").arg(systemError(errno))};
    if (!S_ISREG(st.st_mode))
        return ValidationError{path, QStringLiteral("is %1, not %2").arg(kindOf(st.st_mode), what)};
    if (st.st_size > maxBytes)
        return tooLarge(QString::number(st.st_size));
    // Regular files never block, so the descriptor may stay non-blocking. Read at most one byte past the
    // limit, whatever size the file claims.
    QByteArray data;
    data.resize(static_cast<qsizetype>(std::min<qint64>(st.st_size, maxBytes) + 1));
    qsizetype got = 0;
    while (true) {
        if (got == data.size()) {
            if (got > maxBytes)
                return tooLarge(QStringLiteral("more than %1").arg(maxBytes));
            data.resize(std::min<qsizetype>(data.size() * 2, static_cast<qsizetype>(maxBytes + 1)));
        }
        const ssize_t n = ::read(fd, data.data() + got, static_cast<size_t>(data.size() - got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return ValidationError{path, QStringLiteral("cannot be read: %1").arg(systemError(errno))};
        if (n == 0)
            break;
        got += n;
    }
    if (got > maxBytes)
        return tooLarge(QStringLiteral("more than %1").arg(maxBytes));
    data.resize(got);
    return data;
}

} // namespace lp
