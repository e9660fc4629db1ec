#pragma once

// A position held on a lending market, with any number of collateral and debt assets: the account model
// (docs/architecture.md, "Accounts"). Value types; the chain reader fills them, the engine computes.
#include "liquidationrules.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <limits>

namespace lp {

// One asset of an account: what is supplied and what is borrowed of it, at one price, with the LTV,
// liquidation threshold and bonus in force for this account (its e-mode category's when it is in one).
struct AccountAsset {
    QString symbol;
    double collateral = 0.0; // units supplied
    double debt = 0.0;       // units borrowed
    double priceUsd = 0.0;
    double ltv = 0.0;                  // 0: counts toward health but adds no borrowing power
    double liquidationThreshold = 0.0; // 0: not collateral (its supply never counts)
    double liquidationBonus = 0.0;
    bool usedAsCollateral = true; // the account's own switch for this asset
    QString group;     // assets with the same non-empty group move together (ETH and its LSTs: "ETH")
    int decimals = 18; // the token's: where the rules round balances (roundsHealthInProtocolsFavour)

    // True when its supply counts toward the health factor.
    [[nodiscard]] bool countsAsCollateral() const
    {
        return usedAsCollateral && liquidationThreshold > 0.0 && collateral > 0.0;
    }
    [[nodiscard]] double collateralUsd() const { return countsAsCollateral() ? collateral * priceUsd : 0.0; }
    [[nodiscard]] double debtUsd() const { return debt * priceUsd; }
};

struct Account {
    QList<AccountAsset> assets;
    int eModeCategory = 0; // 0: none
    QString eModeLabel;
    // The weighted LTV and threshold are rounded down to this step. Aave v3 keeps them in whole basis
    // points (GenericLogic.calculateUserAccountData divides the weighted sum by the collateral in
    // integers), so an Aave account uses 1e-4; 0 keeps them exact.
    double thresholdStep = 0.0;
    LiquidationRuleSet liquidationRules = LiquidationRuleSet::AaveV30;

    [[nodiscard]] qsizetype indexOf(const QString &symbol) const;
    // The groups named by at least two assets that can move the health factor, in order of first use.
    [[nodiscard]] QStringList groups() const;
};

// The account's risk figures at its prices.
struct AccountFigures {
    double totalCollateralUsd = 0.0; // the supply that counts as collateral
    double totalDebtUsd = 0.0;
    double ltv = 0.0;                                              // weighted maximum LTV
    double liquidationThreshold = 0.0;                             // weighted threshold
    double healthFactor = std::numeric_limits<double>::infinity(); // infinite with no debt
    double currentLtv = 0.0;                                       // debt / collateral
    double borrowingPowerUsd = 0.0; // what can still be borrowed: collateral x ltv - debt, at least 0
};

[[nodiscard]] AccountFigures accountFigures(const Account &account);

// Where the health factor reaches 1 when some assets' prices move together by one factor and the others
// hold: one asset (its own liquidation price) or a group.
struct AccountLiquidationPrice {
    enum class Direction { Falls, Rises, Never };
    QString name; // the symbol, or the group's name
    QStringList symbols;
    Direction direction = Direction::Never;
    double factor = std::numeric_limits<double>::quiet_NaN();   // new price / today's price
    double priceUsd = std::numeric_limits<double>::quiet_NaN(); // for one asset; NaN for a group
    // The move that liquidates, as a fraction of today's price: 0.25 = a 25 % fall (or rise).
    [[nodiscard]] double distance() const;
};

// The factor on the prices of `symbols` (the others held) at which the health factor is 1; Never when
// no move of them alone reaches it (they do not change health, or it would take a price at or below 0).
[[nodiscard]] AccountLiquidationPrice liquidationPriceOf(const Account &account, const QStringList &symbols,
                                                         const QString &name);
// One per asset that changes health (each collateral falling, each debt rising, an asset that is both
// whichever way hurts), then one per group.
[[nodiscard]] QList<AccountLiquidationPrice> liquidationPrices(const Account &account);

// The account with the prices of `symbols` multiplied by `factor` (a what-if move).
[[nodiscard]] Account withPricesScaled(const Account &account, const QStringList &symbols, double factor);

// One liquidation call as a liquidator would make it first: the largest debt (by value) repaid up to the
// close factor of the account's rules, against the largest collateral, which pays the repaid value times
// (1 + its bonus), capped at what the account holds of it.
struct AccountLiquidation {
    bool possible = false; // false while the health factor is at least 1
    QString debtSymbol;
    QString collateralSymbol;
    double closeFactor = 0.0;
    double repaidUnits = 0.0;
    double seizedUnits = 0.0;
    double repaidUsd = 0.0;
    double seizedUsd = 0.0;
    Account after;
    AccountFigures afterFigures;
};

[[nodiscard]] AccountLiquidation firstLiquidation(const Account &account);

} // namespace lp
