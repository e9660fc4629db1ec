#include "reportoptions.h"

#include "machineformat.h"

#include <QLocale>

namespace lp::cli {

namespace {

constexpr int kMaxPaths = 10000000;

std::optional<OutlookOptions> fail(QString *error, const QString &message, const QString &value)
{
    *error = QStringLiteral("%1 (got \"%2\")").arg(message, value);
    return std::nullopt;
}

} // namespace

ReportOptions::ReportOptions()
    : m_paths(QStringLiteral("paths"),
              QStringLiteral("Monte Carlo paths (default %1).").arg(kDefaultMonteCarloPaths),
              QStringLiteral("N")),
      m_seed(QStringLiteral("seed"),
             QStringLiteral("Monte Carlo seed (default %1).").arg(kDefaultMonteCarloSeed),
             QStringLiteral("S")),
      m_exitDay(QStringLiteral("exit-day"),
                QStringLiteral("Day of the close (default: the plan's horizonDays)."), QStringLiteral("D")),
      m_exitPrice(QStringLiteral("exit-price"),
                  QStringLiteral("Token A's USD price at the close (default: today's)."), QStringLiteral("P"))
{
}

void ReportOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_paths, m_seed, m_exitDay, m_exitPrice});
}

std::optional<OutlookOptions> ReportOptions::read(const QCommandLineParser &parser, QString *error) const
{
    const QLocale c = QLocale::c();
    OutlookOptions o;
    bool ok = true;
    if (parser.isSet(m_paths)) {
        o.monteCarlo.paths = c.toInt(parser.value(m_paths), &ok);
        if (!ok || o.monteCarlo.paths < 1 || o.monteCarlo.paths > kMaxPaths)
            return fail(error, QStringLiteral("--paths must be a whole number from 1 to %1").arg(kMaxPaths),
                        parser.value(m_paths));
    }
    if (parser.isSet(m_seed)) {
        o.monteCarlo.seed = c.toULongLong(parser.value(m_seed), &ok);
        if (!ok)
            return fail(error, QStringLiteral("--seed must be a whole number from 0 to 18446744073709551615"),
                        parser.value(m_seed));
    }
    if (parser.isSet(m_exitDay)) {
        o.close.exitDay = c.toInt(parser.value(m_exitDay), &ok);
        if (!ok || o.close.exitDay < 0 || o.close.exitDay > limits::maxHorizonDays)
            return fail(
                error,
                QStringLiteral("--exit-day must be a whole number from 0 to %1").arg(limits::maxHorizonDays),
                parser.value(m_exitDay));
    }
    if (parser.isSet(m_exitPrice)) {
        o.close.exitPriceUsd = c.toDouble(parser.value(m_exitPrice), &ok);
        if (!ok || !(o.close.exitPriceUsd > 0.0) || o.close.exitPriceUsd > limits::maxPriceUsd)
            return fail(error,
                        QStringLiteral("--exit-price must be a number above 0 and at most %1")
                            .arg(formatNumber(limits::maxPriceUsd)),
                        parser.value(m_exitPrice));
    }
    return o;
}

} // namespace lp::cli
