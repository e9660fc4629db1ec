#include "appicon.h"

// rcc's initializer for resources/icons/icons.qrc (see examplemenu.cpp: lp_ui is a static library).
static void initIconResources()
{
    Q_INIT_RESOURCE(icons);
}

namespace lp {

QIcon appIcon()
{
    initIconResources();
    QIcon icon;
    for (const int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/leverage-planner-%1.png").arg(size), QSize(size, size));
    return icon;
}

} // namespace lp
