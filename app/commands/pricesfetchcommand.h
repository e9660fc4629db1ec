#pragma once

#include <QStringList>

namespace lp::cli {

// `prices fetch --coin ID --from DATE --to DATE [-o FILE] [--api URL] [--timeout SECONDS]`
// (pricesfetchcommand.cpp).
[[nodiscard]] int runPricesCommand(const QStringList &args);

} // namespace lp::cli
