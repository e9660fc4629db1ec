#pragma once

#include "fetchedmarket.h"
#include "liquidation.h"
#include "ratemodel.h"
#include "validationerror.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace lp {

// A lending market's parameters as of one date: what the presets in resources/markets hold
// and what the user's own market files hold. All rates are fractions (0.05 = 5 %), never percent.

struct Reserve {
    QString symbol;
    QString name;
    int decimals = 18;
    double ltv = 0.0;                    // max loan-to-value; 0: adds to HF but not to borrowing power
    double liquidationThreshold = 0.0;   // 0: not usable as collateral
    double liquidationBonus = 0.0;       // 0.05 = liquidator gets 5 % extra collateral
    double liquidationProtocolFee = 0.0; // share of the bonus that goes to the treasury
    double reserveFactor = 0.0;          // share of borrow interest kept by the protocol
    bool usableAsCollateral = false;
    bool borrowable = false;
    std::optional<RateStrategy> rateStrategy; // when the source has it
    double supplyApy = 0.0;                   // typical values; the plan may override
    double borrowApy = 0.0;
    double nativeYield = 0.0; // staking or restaking yield of an LST/LRT
    double defaultPriceUsd = 1.0;
    QStringList estimates; // names of the fields above that are estimates, not sourced values
    QString notes;
    std::optional<ReserveChainData> onChain; // a fetched market's state of the reserve at its block

    [[nodiscard]] bool isEstimate(const QString &field) const { return estimates.contains(field); }
    friend bool operator==(const Reserve &, const Reserve &) = default;
};

// An efficiency-mode category (docs/markets.md, "E-mode"): when the collateral and the borrowed asset are
// both members, the category's ltv, liquidation threshold and bonus replace the collateral's.
struct EModeCategory {
    int id = 1;
    QString label;
    double ltv = 0.0;
    double liquidationThreshold = 0.0;
    double liquidationBonus = 0.0;
    QStringList members; // reserve symbols
    QStringList estimates;

    [[nodiscard]] bool isEstimate(const QString &field) const { return estimates.contains(field); }
    [[nodiscard]] bool hasMember(const QString &symbol) const;
    friend bool operator==(const EModeCategory &, const EModeCategory &) = default;
};

struct Market {
    QString id; // lower-case letters, digits and '-'; also the user market's file name
    QString name;
    QString chain;
    int chainId = 0; // 0 when not stated
    QDate asOf;
    QString source; // where the values come from (the source tags and commits of docs/markets.md)
    QString notes;
    LiquidationRuleSet liquidationRules = LiquidationRuleSet::AaveV30;
    // The rule set's numbers (file object "liquidationRuleParams"; absent: the protocols' defaults). The
    // protocol fee comes from the collateral reserve's liquidationProtocolFee instead.
    LiquidationRuleParams liquidationRuleParams;
    double flashLoanPremium = 0.0005;
    QList<Reserve> reserves;
    QList<EModeCategory> eModes;
    QStringList estimates;                // market-level fields that are estimates ("flashLoanPremium", ...)
    std::optional<FetchedRecord> fetched; // set when read from the chain: where and at which block

    [[nodiscard]] bool isEstimate(const QString &field) const { return estimates.contains(field); }
    // Index of the reserve with this symbol (case-insensitive), or -1.
    [[nodiscard]] qsizetype reserveIndex(const QString &symbol) const;
    [[nodiscard]] const Reserve *reserve(const QString &symbol) const;
    // Assets usable in each role, in file order: the market picker's lists.
    [[nodiscard]] QStringList collateralSymbols() const;
    [[nodiscard]] QStringList borrowSymbols() const;
    // The category both assets belong to (lowest id if several), or -1: an index into eModes.
    [[nodiscard]] qsizetype eModeIndexFor(const QString &collateralSymbol, const QString &borrowSymbol) const;
    friend bool operator==(const Market &, const Market &) = default;
};

// A market whose values are more than this many days older than today is shown as stale: governance moves
// parameters, so an old preset may no longer be what the protocol runs.
inline constexpr int kMarketStaleAfterDays = 90;
// Whether the market's asOf date is more than kMarketStaleAfterDays before `today`.
[[nodiscard]] bool isStale(const Market &market, const QDate &today);

// The collateral parameters that apply to a pair: the category's when e-mode applies, else the reserve's.
struct CollateralParameters {
    double ltv = 0.0;
    double liquidationThreshold = 0.0;
    double liquidationBonus = 0.0;
    qsizetype eModeIndex = -1; // the category applied, or -1
};

// Nullopt when the market has no collateral reserve `collateralSymbol`.
[[nodiscard]] std::optional<CollateralParameters> collateralParameters(const Market &market,
                                                                       const QString &collateralSymbol,
                                                                       const QString &borrowSymbol,
                                                                       bool useEMode = true);

// Field names a reserve's, a category's and a market's `estimates` may list.
[[nodiscard]] const QStringList &reserveFieldNames();
[[nodiscard]] const QStringList &eModeFieldNames();
[[nodiscard]] const QStringList &marketFieldNames();

// Every impossible value, each with its path ("reserves[2].liquidationThreshold"). Empty means valid.
[[nodiscard]] ValidationErrors validateMarket(const Market &market);

} // namespace lp
