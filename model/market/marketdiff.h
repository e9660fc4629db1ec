#pragma once

#include "market.h"

#include <QList>
#include <QString>
#include <QVariant>

namespace lp {

// What differs between a market as the app holds it (a preset or a user market) and the same market as
// read from the chain now: the review before a refresh changes anything (Markets > Refresh From Chain).
struct MarketChange {
    enum class Scope { Market, Reserve, EMode };
    enum class Kind {
        Field,           // one value differs; old and new are set
        NewReserve,      // on the chain, not in the old market
        VanishedReserve, // in the old market, no longer on the chain
        NewEMode,
        VanishedEMode,
    };
    enum class Format { Percent, Usd, Bool, Count, Amount, Text };

    Scope scope = Scope::Reserve;
    Kind kind = Kind::Field;
    QString reserve; // the reserve's symbol (Scope::Reserve)
    int eModeId = 0; // the category's id (Scope::EMode)
    QString field;   // the market file's field name: "liquidationThreshold", "frozen", "rateStrategy.slope1"
    Format format = Format::Text;
    QVariant oldValue; // double (Percent, Usd, Amount, Count; Bool as 0/1) or QString; invalid: not recorded
    QVariant newValue;
    // A status the user must notice, in words: "frozen", "paused", "inactive", "LTV 0", "supply cap
    // reached", "borrow cap reached", "new reserve", "reserve vanished", "LTV 0 in e-mode" (a collateral
    // newly in a category's LTV-zero list); empty for an ordinary change.
    QString flag;

    // "WETH", "e-mode 1 (Stablecoins)", "market".
    [[nodiscard]] QString subject() const;
    // The value as the review shows it ("82.5 %", "$2000.12345678", "yes", "no cap", "—").
    [[nodiscard]] static QString text(const QVariant &value, Format format);
    friend bool operator==(const MarketChange &, const MarketChange &) = default;
};

// Every difference, in a stable order: market fields, then each reserve in the fetched market's order
// (vanished ones after), then e-mode categories by id. Numbers equal within a relative 1e-12 (what a JSON
// round trip may change) are the same. The chain state that moves every block (totals, debt, available
// liquidity, utilization) is no change: it always follows the read. A fetched reserve's status fields
// (active, frozen, paused, caps) compare with the old market's, or with an active, unfrozen, unpaused,
// uncapped reserve when the old market holds no chain data.
[[nodiscard]] QList<MarketChange> diffMarkets(const Market &old, const Market &fetched);

// The market after the review: `old` with the changes whose `accepted` entry is true (one per change;
// missing entries count as accepted) taken from `fetched`. The chain state and the read's record
// (asOf, source, fetched, chain, chain id) come from `fetched`; id, name and notes stay the old ones.
// A field taken from the chain is no longer an estimate. E-mode members that vanish are dropped, and a
// category left without members goes.
[[nodiscard]] Market mergeMarket(const Market &old, const Market &fetched, const QList<MarketChange> &changes,
                                 const QList<bool> &accepted = {});

} // namespace lp
