#pragma once

#include "closing.h"
#include "engine.h"
#include "montecarlo.h"
#include "stress.h"
#include "timeline.h"
#include "validationerror.h"

#include <QJsonObject>
#include <QStringList>

#include <cstdint>

#include <optional>
#include <vector>

namespace lp {

// What happens after opening (issue 6): the position over time at today's prices, closing on the exit
// day, the liquidation probability (closed form and Monte Carlo) and the stress presets, computed together
// for the report and the Time, Close and Risk views. Pure: the seed is an input like everything else.

// Monte Carlo paths of the report and of the window unless asked otherwise: 10,000 paths put the 95 %
// interval within about +-1 percentage point and take some tens of milliseconds for a one-year horizon.
inline constexpr int kDefaultMonteCarloPaths = 10000;
inline constexpr std::uint64_t kDefaultMonteCarloSeed = 1;

// kDefaultMonteCarloPaths, kDefaultMonteCarloSeed and one thread per core (the result does not depend
// on the thread count).
[[nodiscard]] MonteCarloOptions defaultMonteCarloOptions();

struct OutlookOptions {
    // Defaults: exit on the plan's horizon day at today's prices, selling A to repay.
    CloseOptions close;
    MonteCarloOptions monteCarlo = defaultMonteCarloOptions();
    bool runMonteCarlo = true;
    // When selling to repay is impossible (HF at or under the floor), close with a flash loan instead.
    bool flashCloseFallback = true;
};

struct Outlook {
    Timeline timeline; // days 0..horizon at today's prices
    // The close as asked for (resolved defaults), whether or not it succeeded.
    CloseMethod closeMethod = CloseMethod::SellToRepay;
    int exitDay = 0;
    double exitPriceUsd = 0;
    std::optional<CloseResult> close;
    ValidationErrors closeErrors; // why the close failed, or why the first method gave way to the fallback
    double liquidationProbability = 0;          // closed form, barrier = today's liquidation price
    std::optional<MonteCarloResult> monteCarlo; // barrier rising with interest
    ValidationErrors monteCarloErrors;
    std::vector<StressResult> stress;
};

[[nodiscard]] Outlook computeOutlook(const PlanResult &result, const OutlookOptions &options = {});

// report JSON `close`: closeJson() of the result (plus `note` when the fallback was used), or
// {method, exitDay, exitPriceUsd, error} when the position cannot be closed at that price.
[[nodiscard]] QJsonObject outlookCloseJson(const Outlook &outlook);

// The report's text sections "Over time", "Closing", "Liquidation risk" and "Stress", C locale.
[[nodiscard]] QStringList outlookText(const Plan &plan, const Outlook &outlook);

} // namespace lp
