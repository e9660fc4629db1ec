#pragma once

// The one way the app writes a file and the one way it reads one, for every file it touches (plans,
// markets, price series, CSV, PNG, PDF): a write never leaves a half-written target and never follows a
// link or replaces a device; a read never blocks on a pipe and never reads past its limit.

#include "expected.h"
#include "validationerror.h"

#include <QByteArray>
#include <QString>

namespace lp {

// Whether `path` may be written: nothing there yet, or a regular file. A symbolic link (even one that
// points at a regular file, or nowhere), a directory, a device node, a FIFO or a socket is refused with
// one error naming the path and what it is; writing through a link would change a file the user did not
// name, and replacing a device or pipe by a regular file breaks whatever uses it. A refusal is the user's
// input (the CLI exits 2), unlike a failed write (exit 1).
[[nodiscard]] ValidationErrors checkWriteTarget(const QString &path);

// Writes `bytes` to `path` atomically: a new temporary file in the same directory, written in full,
// flushed and checked, synced to disk, given the old file's permissions, then renamed over the target
// (and the directory synced). After any failure, a full disk included, the old file is as it was and the
// temporary file is gone. Refuses what checkWriteTarget() refuses. An error names the path and why.
[[nodiscard]] ValidationErrors writeFileAtomically(const QByteArray &bytes, const QString &path);

// Reads a whole file of at most `maxBytes`, `what` naming it in errors ("a plan file"). Only a regular
// file is read: a directory, FIFO, device or socket is refused without waiting on it (a FIFO does not
// block), and a file larger than the limit is refused without reading more than maxBytes + 1 bytes of it
// (a file that grows, or claims size 0 as /proc files do, is still cut off). Errors name the path. Paths
// starting ":/" are the program's own resources (presets, examples), read through Qt.
[[nodiscard]] Expected<QByteArray> readFileBounded(const QString &path, qint64 maxBytes, const QString &what);

} // namespace lp
