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

// An efficiency-mode category (docs/markets.md, "E-mode"). Aave v3.2+ gives each member roles: its
// collateral members take the category's ltv, liquidation threshold and bonus in place of their own, and only
// its borrowable members may be borrowed by an account in it; a collateral member may also be in the
// category's LTV-zero list (Aave v3.6: LTV 0 there, the category's threshold kept). A file or market without
// the role lists (v3.0, v3.1, older files) gives every member both roles, as those versions do.
struct EModeCategory {
    int id = 1;
    QString label;
    double ltv = 0.0;
    double liquidationThreshold = 0.0;
    double liquidationBonus = 0.0;
    QStringList members;                   // reserve symbols in either role
    std::optional<QStringList> collateral; // the collateral members; absent: every member
    std::optional<QStringList> borrowable; // the borrowable members; absent: every member
    QStringList ltvZero;                   // collateral members with LTV 0 in this category (v3.6)
    QStringList estimates;

    [[nodiscard]] bool isEstimate(const QString &field) const { return estimates.contains(field); }
    // In either role.
    [[nodiscard]] bool hasMember(const QString &symbol) const;
    [[nodiscard]] bool isCollateral(const QString &symbol) const;
    [[nodiscard]] bool isBorrowable(const QString &symbol) const;
    [[nodiscard]] bool isLtvZero(const QString &symbol) const;
    // The role lists in force: the stated list, else every member.
    [[nodiscard]] QStringList collateralMembers() const { return collateral.value_or(members); }
    [[nodiscard]] QStringList borrowableMembers() const { return borrowable.value_or(members); }
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
    // The category a plan with this pair uses (lowest id if several), or -1: an index into eModes. It has the
    // collateral as a collateral member, not in its LTV-zero list, and the borrow asset as a borrowable
    // member. An LTV-zero collateral cannot be collateral in that category (Aave v3.6 refuses to enter an
    // e-mode with it enabled, or to enable it there: ValidationLogic.validateSetUserEMode and
    // validateUseAsCollateral), so the pair stays out of it.
    [[nodiscard]] qsizetype eModeIndexFor(const QString &collateralSymbol, const QString &borrowSymbol) const;
    // Why no category applies to a pair although one lists both assets: "e-mode 1 \"ETH correlated\" lists
    // WETH as borrowable only"; empty when one applies or none lists both.
    [[nodiscard]] QString eModeRefusal(const QString &collateralSymbol, const QString &borrowSymbol) const;
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

// The values a collateral has for an account in the category eModes[eModeIndex] (-1: no e-mode): the
// category's for a collateral member, with LTV 0 when it is in the LTV-zero list (threshold and bonus kept);
// the reserve's own otherwise. Nullopt when the market has no reserve `collateralSymbol`.
[[nodiscard]] std::optional<CollateralParameters>
collateralParametersIn(const Market &market, const QString &collateralSymbol, qsizetype eModeIndex);

// Field names a reserve's, a category's and a market's `estimates` may list.
[[nodiscard]] const QStringList &reserveFieldNames();
[[nodiscard]] const QStringList &eModeFieldNames();
[[nodiscard]] const QStringList &marketFieldNames();

// Every impossible value, each with its path ("reserves[2].liquidationThreshold"). Empty means valid.
[[nodiscard]] ValidationErrors validateMarket(const Market &market);

} // namespace lp
