#pragma once

#include <QString>

namespace lp {

// The program's version (CMake's PROJECT_VERSION): what `leverage-planner --version` prints and the
// About dialog shows. One definition, compiled into version.cpp only.
[[nodiscard]] QString versionString();

} // namespace lp
