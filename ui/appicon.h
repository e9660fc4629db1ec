#pragma once

#include <QIcon>

namespace lp {

// The application icon in every size the hicolor theme ships (resources/icons/icons.qrc, compiled
// into the program), for QApplication::setWindowIcon: the window has its icon whether or not the
// package installed it into the icon theme.
[[nodiscard]] QIcon appIcon();

} // namespace lp
