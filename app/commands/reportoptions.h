#pragma once

#include "outlook.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

#include <optional>

namespace lp::cli {

// The `report` command's options for what happens after opening: --paths and --seed of the Monte Carlo,
// --exit-day and --exit-price of the close. Unset options keep the defaults of OutlookOptions.
class ReportOptions {
public:
    ReportOptions();
    void addTo(QCommandLineParser &parser) const;
    // The options, or nullopt with *error saying which value is wrong and why.
    [[nodiscard]] std::optional<OutlookOptions> read(const QCommandLineParser &parser, QString *error) const;

private:
    QCommandLineOption m_paths;
    QCommandLineOption m_seed;
    QCommandLineOption m_exitDay;
    QCommandLineOption m_exitPrice;
};

} // namespace lp::cli
