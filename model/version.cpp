#include "version.h"

namespace lp {

QString versionString()
{
    return QStringLiteral(LP_VERSION);
}

} // namespace lp
