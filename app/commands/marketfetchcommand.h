#pragma once

#include <QStringList>

namespace lp::cli {

// `market fetch --rpc URL --pool-provider ADDRESS [-o FILE] [--format json|text]` (marketfetchcommand.cpp).
[[nodiscard]] int runMarketCommand(const QStringList &args);

} // namespace lp::cli
