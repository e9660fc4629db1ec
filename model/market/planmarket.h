#pragma once

#include "market.h"
#include "plan.h"

#include <QList>

namespace lp {

class MarketRegistry;

// How a plan and a market meet: a plan names a market and keeps only the values the user
// changed; every other value a market can supply (MarketField) comes from the market's preset.

// Every MarketField in document order, and the collateral / borrow groups.
[[nodiscard]] const QList<MarketField> &marketFields();
inline constexpr MarketFields kCollateralFields{MarketField::CollateralPriceUsd,
                                                MarketField::CollateralLtv,
                                                MarketField::CollateralLiquidationThreshold,
                                                MarketField::CollateralLiquidationBonus,
                                                MarketField::CollateralSupplyApy,
                                                MarketField::CollateralNativeYield};
inline constexpr MarketFields kBorrowFields{MarketField::BorrowPriceUsd, MarketField::BorrowApy};

// The field's path in the plan document: "collateral.ltv", "borrow.borrowApy", "liquidationRules".
[[nodiscard]] QString fieldPath(MarketField field);
// The plan's value of a numeric field; NaN for liquidationRules.
[[nodiscard]] double fieldValue(const Plan &plan, MarketField field);

// What one market offers a plan with this collateral and borrow asset.
struct MarketPreset {
    QString marketId;
    MarketFields available;     // fields the market has a value for
    MarketFields estimates;     // of those, the ones the market file marks as estimates
    CollateralAsset collateral; // preset values, where `available` says so
    BorrowAsset borrow;
    LiquidationRuleSet liquidationRules = LiquidationRuleSet::AaveV30;
    // The rule set's numbers: the market's, with the collateral reserve's protocol fee. They always follow
    // the market (a plan overrides the rule set, not its numbers).
    LiquidationRuleParams liquidationRuleParams;
    qsizetype collateralReserve = -1; // index into Market::reserves; -1: not a collateral asset there
    qsizetype borrowReserve = -1;     // -1: not borrowable there
    qsizetype eMode = -1;             // index into Market::eModes of the category applied, or -1
    QString eModeLabel;
    // With e-mode asked for and no category applied: why a category listing both assets does not apply
    // (Market::eModeRefusal); empty otherwise.
    QString eModeNote;

    // Where the value sits in the market file ("reserves[1].ltv", "eModes[0].liquidationThreshold",
    // "liquidationRules"); empty when the market has none.
    [[nodiscard]] QString sourcePath(MarketField field) const;
    friend bool operator==(const MarketPreset &, const MarketPreset &) = default;
};

// The preset for a pair. Collateral values need a reserve usable as collateral, borrow values a
// borrowable one; with useEMode the category of Market::eModeIndexFor (the collateral a collateral member
// not at LTV 0, the borrow asset a borrowable member) supplies ltv, threshold and bonus.
[[nodiscard]] MarketPreset marketPreset(const Market &market, const QString &collateralSymbol,
                                        const QString &borrowSymbol, bool useEMode = true);
// The same for the plan's own symbols and e-mode switch.
[[nodiscard]] MarketPreset marketPreset(const Market &market, const Plan &plan);
// The preset of the plan's market in `markets`; an empty preset (nothing available) when unknown.
[[nodiscard]] MarketPreset marketPreset(const MarketRegistry &markets, const Plan &plan);

// Sets each field flagged in plan->presetFields, and each field in `reset`, to the preset's value and
// flags it. A flagged field the preset has no value for becomes the plan's own (flag cleared). The GUI
// calls it with reset = kCollateralFields after the user picks another collateral asset, with all
// fields after picking another market, and with none after toggling e-mode.
void applyPreset(Plan *plan, const MarketPreset &preset, MarketFields reset = {});

// A value is the plan's own (an override) unless it is flagged as preset and still equals the preset:
// an edit that forgot markOverridden() still counts as an override.
[[nodiscard]] bool isOverridden(const Plan &plan, MarketField field, const MarketPreset &preset);
// "Reset to preset" for one field: no-op when the preset has no value for it.
void resetToPreset(Plan *plan, MarketField field, const MarketPreset &preset);
// After the user edits a value: it is the plan's own from now on.
void markOverridden(Plan *plan, MarketField field);

} // namespace lp
