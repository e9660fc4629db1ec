#pragma once

#include <QStringList>

namespace lp::cli {

// Exit codes of the headless commands (documented in README).
enum ExitCode : int { Ok = 0, Failure = 1, BadInput = 2 };

// True when argv names a headless command (report, ...) rather than the GUI, or a mistyped one (a bare
// word that is no file, e.g. "frobnicate x.json"), which run() answers with exit 2 and the list.
[[nodiscard]] bool isCommand(const QStringList &arguments);

// True when the command draws (render): it needs a QApplication, on the offscreen platform.
[[nodiscard]] bool needsGui(const QStringList &arguments);

// Runs a headless command; needs a QCoreApplication. Output on stdout, messages on stderr.
[[nodiscard]] int run(const QStringList &arguments);

} // namespace lp::cli
