#pragma once

#include "closing.h"
#include "engine.h"
#include "montecarlo.h"
#include "protectionmontecarlo.h"
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

// Both ways of closing at one exit day and price, and the close the report shows: the method asked
// for, or the flash close when selling to repay is impossible and the fallback is on. The window's Close
// tab shows the two side by side and names the report's.
struct OutlookClose {
    CloseMethod method = CloseMethod::SellToRepay; // as asked
    int exitDay = 0;
    double exitPriceUsd = 0;
    std::optional<CloseResult> sellToRepay;
    std::optional<CloseResult> flashClose;
    ValidationErrors sellToRepayErrors; // why selling to repay is impossible
    ValidationErrors flashCloseErrors;
    std::optional<CloseResult> chosen; // the report's close
    // Why the report's close failed, or why the asked method gave way to the fallback.
    ValidationErrors chosenErrors;

    [[nodiscard]] const std::optional<CloseResult> &by(CloseMethod m) const
    {
        return m == CloseMethod::SellToRepay ? sellToRepay : flashClose;
    }
    [[nodiscard]] const ValidationErrors &errorsOf(CloseMethod m) const
    {
        return m == CloseMethod::SellToRepay ? sellToRepayErrors : flashCloseErrors;
    }
    // True when the report closes with the flash loan because selling to repay is impossible.
    [[nodiscard]] bool usedFallback() const { return chosen && chosen->method != method; }
};

// The close at `options` (exit day and price resolved against the plan) by both methods.
[[nodiscard]] OutlookClose computeOutlookClose(const PlanResult &result, const CloseOptions &options,
                                               bool flashCloseFallback = true);

// The Monte Carlo part: the result, or why there is none.
struct OutlookMonteCarlo {
    std::optional<MonteCarloResult> result;
    ValidationErrors errors;
};

// The protection part: the plan's rules on the Monte Carlo paths, or why there is none (empty with no
// errors when the plan has no rules or the options turn the Monte Carlo off).
struct OutlookProtection {
    std::optional<ProtectionMonteCarloResult> result;
    ValidationErrors errors;
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
    std::optional<ProtectionMonteCarloResult> protection; // the plan's protection rules, when it has any
    ValidationErrors protectionErrors;
};

// Every part at once, through LazyOutlook (lazyoutlook.h): what the report prints.
[[nodiscard]] Outlook computeOutlook(const PlanResult &result, const OutlookOptions &options = {});

// report JSON `close`: closeJson() of the result (plus `note` when the fallback was used), or
// {method, exitDay, exitPriceUsd, error} when the position cannot be closed at that price.
[[nodiscard]] QJsonObject outlookCloseJson(const Outlook &outlook);
[[nodiscard]] QJsonObject outlookCloseJson(const OutlookClose &close);

// The report's text sections "Over time", "Closing", "Liquidation risk" and "Stress", C locale.
[[nodiscard]] QStringList outlookText(const Plan &plan, const Outlook &outlook);

} // namespace lp
