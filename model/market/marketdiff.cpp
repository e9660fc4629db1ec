#include "marketdiff.h"

#include "marketdiffemode.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <functional>

namespace lp {

namespace {

using Format = MarketChange::Format;

// One reviewed field of a reserve: how to read it and how to take the fetched value.
struct ReserveField {
    const char *name;
    Format format;
    std::function<QVariant(const Reserve &)> get;
    std::function<void(Reserve &, const Reserve &fetched)> take;
};

ReserveChainData chainOf(const Reserve &r)
{
    return r.onChain.value_or(ReserveChainData{});
}

ReserveChainData &chainRef(Reserve &r)
{
    if (!r.onChain)
        r.onChain = ReserveChainData{};
    return *r.onChain;
}

QVariant rate(const Reserve &r, double RateStrategy::*member)
{
    return r.rateStrategy ? QVariant((*r.rateStrategy).*member) : QVariant();
}

void takeRate(Reserve &r, const Reserve &f, double RateStrategy::*member)
{
    if (!f.rateStrategy)
        return;
    if (!r.rateStrategy)
        r.rateStrategy = f.rateStrategy; // all four at once: a strategy is whole or absent
    (*r.rateStrategy).*member = (*f.rateStrategy).*member;
}

bool capReached(const ReserveChainData &c, bool supply)
{
    const double cap = supply ? c.supplyCap : c.borrowCap;
    const double used = supply ? c.totalSupply : c.totalDebt;
    return cap > 0.0 && used >= cap;
}

const QList<ReserveField> &reserveFields()
{
    static const QList<ReserveField> fields{
        {"decimals", Format::Count, [](const Reserve &r) { return QVariant(double(r.decimals)); },
         [](Reserve &r, const Reserve &f) { r.decimals = f.decimals; }},
        {"ltv", Format::Percent, [](const Reserve &r) { return QVariant(r.ltv); },
         [](Reserve &r, const Reserve &f) { r.ltv = f.ltv; }},
        {"liquidationThreshold", Format::Percent,
         [](const Reserve &r) { return QVariant(r.liquidationThreshold); },
         [](Reserve &r, const Reserve &f) { r.liquidationThreshold = f.liquidationThreshold; }},
        {"liquidationBonus", Format::Percent, [](const Reserve &r) { return QVariant(r.liquidationBonus); },
         [](Reserve &r, const Reserve &f) { r.liquidationBonus = f.liquidationBonus; }},
        {"liquidationProtocolFee", Format::Percent,
         [](const Reserve &r) { return QVariant(r.liquidationProtocolFee); },
         [](Reserve &r, const Reserve &f) { r.liquidationProtocolFee = f.liquidationProtocolFee; }},
        {"reserveFactor", Format::Percent, [](const Reserve &r) { return QVariant(r.reserveFactor); },
         [](Reserve &r, const Reserve &f) { r.reserveFactor = f.reserveFactor; }},
        {"usableAsCollateral", Format::Bool,
         [](const Reserve &r) { return QVariant(r.usableAsCollateral ? 1.0 : 0.0); },
         [](Reserve &r, const Reserve &f) { r.usableAsCollateral = f.usableAsCollateral; }},
        {"borrowable", Format::Bool, [](const Reserve &r) { return QVariant(r.borrowable ? 1.0 : 0.0); },
         [](Reserve &r, const Reserve &f) { r.borrowable = f.borrowable; }},
        {"supplyApy", Format::Percent, [](const Reserve &r) { return QVariant(r.supplyApy); },
         [](Reserve &r, const Reserve &f) { r.supplyApy = f.supplyApy; }},
        {"borrowApy", Format::Percent, [](const Reserve &r) { return QVariant(r.borrowApy); },
         [](Reserve &r, const Reserve &f) { r.borrowApy = f.borrowApy; }},
        {"rateStrategy.optimalUtilization", Format::Percent,
         [](const Reserve &r) { return rate(r, &RateStrategy::optimalUtilization); },
         [](Reserve &r, const Reserve &f) { takeRate(r, f, &RateStrategy::optimalUtilization); }},
        {"rateStrategy.baseRate", Format::Percent,
         [](const Reserve &r) { return rate(r, &RateStrategy::baseRate); },
         [](Reserve &r, const Reserve &f) { takeRate(r, f, &RateStrategy::baseRate); }},
        {"rateStrategy.slope1", Format::Percent,
         [](const Reserve &r) { return rate(r, &RateStrategy::slope1); },
         [](Reserve &r, const Reserve &f) { takeRate(r, f, &RateStrategy::slope1); }},
        {"rateStrategy.slope2", Format::Percent,
         [](const Reserve &r) { return rate(r, &RateStrategy::slope2); },
         [](Reserve &r, const Reserve &f) { takeRate(r, f, &RateStrategy::slope2); }},
        {"priceUsd", Format::Usd, [](const Reserve &r) { return QVariant(r.defaultPriceUsd); },
         [](Reserve &r, const Reserve &f) {
             r.defaultPriceUsd = f.defaultPriceUsd;
             chainRef(r).priceUsd = f.defaultPriceUsd;
         }},
        {"active", Format::Bool, [](const Reserve &r) { return QVariant(chainOf(r).active ? 1.0 : 0.0); },
         [](Reserve &r, const Reserve &f) { chainRef(r).active = chainOf(f).active; }},
        {"frozen", Format::Bool, [](const Reserve &r) { return QVariant(chainOf(r).frozen ? 1.0 : 0.0); },
         [](Reserve &r, const Reserve &f) { chainRef(r).frozen = chainOf(f).frozen; }},
        {"paused", Format::Bool, [](const Reserve &r) { return QVariant(chainOf(r).paused ? 1.0 : 0.0); },
         [](Reserve &r, const Reserve &f) { chainRef(r).paused = chainOf(f).paused; }},
        {"supplyCap", Format::Amount, [](const Reserve &r) { return QVariant(chainOf(r).supplyCap); },
         [](Reserve &r, const Reserve &f) { chainRef(r).supplyCap = chainOf(f).supplyCap; }},
        {"borrowCap", Format::Amount, [](const Reserve &r) { return QVariant(chainOf(r).borrowCap); },
         [](Reserve &r, const Reserve &f) { chainRef(r).borrowCap = chainOf(f).borrowCap; }},
    };
    return fields;
}

// What a new value means for the user, when it is a status to notice.
QString flagFor(const QString &field, const QVariant &value)
{
    const double v = value.toDouble();
    if (field == u"frozen" && v != 0.0)
        return QStringLiteral("frozen");
    if (field == u"paused" && v != 0.0)
        return QStringLiteral("paused");
    if (field == u"active" && v == 0.0)
        return QStringLiteral("inactive");
    if (field == u"ltv" && v == 0.0)
        return QStringLiteral("LTV 0");
    return {};
}

bool same(const QVariant &a, const QVariant &b)
{
    if (!a.isValid() || !b.isValid())
        return a.isValid() == b.isValid();
    if (a.typeId() == QMetaType::Double && b.typeId() == QMetaType::Double) {
        const double x = a.toDouble();
        const double y = b.toDouble();
        if (std::isnan(x) || std::isnan(y))
            return std::isnan(x) && std::isnan(y);
        return std::abs(x - y) <= 1e-12 * std::max({1.0, std::abs(x), std::abs(y)});
    }
    return a == b;
}

void diffReserve(const Reserve &o, const Reserve &f, QList<MarketChange> *out)
{
    for (const ReserveField &spec : reserveFields()) {
        MarketChange c;
        c.reserve = f.symbol;
        c.field = QString::fromLatin1(spec.name);
        c.format = spec.format;
        c.oldValue = spec.get(o);
        c.newValue = spec.get(f);
        if (same(c.oldValue, c.newValue))
            continue;
        c.flag = flagFor(c.field, c.newValue);
        *out << c;
    }
    // A cap reached is a status, not a field: it follows the chain's totals.
    for (const bool supply : {true, false}) {
        const bool was = o.onChain && capReached(*o.onChain, supply);
        if (!f.onChain || !capReached(*f.onChain, supply) || was)
            continue;
        MarketChange c;
        c.reserve = f.symbol;
        c.field = supply ? QStringLiteral("supplyCapReached") : QStringLiteral("borrowCapReached");
        c.format = Format::Bool;
        c.oldValue = 0.0;
        c.newValue = 1.0;
        c.flag = supply ? QStringLiteral("supply cap reached") : QStringLiteral("borrow cap reached");
        *out << c;
    }
}

} // namespace

bool sameChangeValue(const QVariant &a, const QVariant &b)
{
    return same(a, b);
}

QString MarketChange::subject() const
{
    switch (scope) {
    case Scope::Market:
        return QStringLiteral("market");
    case Scope::EMode:
        return QStringLiteral("e-mode %1").arg(eModeId);
    case Scope::Reserve:
        break;
    }
    return reserve;
}

QString MarketChange::text(const QVariant &value, Format format)
{
    if (!value.isValid())
        return QStringLiteral("—");
    const QLocale c = QLocale::c();
    const double v = value.toDouble();
    switch (format) {
    case Format::Percent:
        return c.toString(v * 100.0, 'g', 10) + QStringLiteral(" %");
    case Format::Usd:
        return QStringLiteral("$") + c.toString(v, 'f', 8);
    case Format::Bool:
        return v != 0.0 ? QStringLiteral("yes") : QStringLiteral("no");
    case Format::Count:
        return c.toString(v, 'f', 0);
    case Format::Amount:
        return v == 0.0 ? QStringLiteral("no cap") : c.toString(v, 'f', 0);
    case Format::Text:
        break;
    }
    return value.toString();
}

QList<MarketChange> diffMarkets(const Market &old, const Market &fetched)
{
    QList<MarketChange> out;
    if (!same(old.flashLoanPremium, fetched.flashLoanPremium)) {
        MarketChange c;
        c.scope = MarketChange::Scope::Market;
        c.field = QStringLiteral("flashLoanPremium");
        c.format = Format::Percent;
        c.oldValue = old.flashLoanPremium;
        c.newValue = fetched.flashLoanPremium;
        out << c;
    }
    for (const Reserve &f : fetched.reserves) {
        const Reserve *o = old.reserve(f.symbol);
        if (!o) {
            MarketChange c;
            c.kind = MarketChange::Kind::NewReserve;
            c.reserve = f.symbol;
            c.flag = QStringLiteral("new reserve");
            out << c;
            continue;
        }
        diffReserve(*o, f, &out);
    }
    for (const Reserve &o : old.reserves) {
        if (fetched.reserve(o.symbol))
            continue;
        MarketChange c;
        c.kind = MarketChange::Kind::VanishedReserve;
        c.reserve = o.symbol;
        c.flag = QStringLiteral("reserve vanished");
        out << c;
    }
    diffEModes(old, fetched, &out);
    return out;
}

Market mergeMarket(const Market &old, const Market &fetched, const QList<MarketChange> &changes,
                   const QList<bool> &accepted)
{
    Market m = old;
    m.asOf = fetched.asOf;
    m.source = fetched.source;
    m.fetched = fetched.fetched;
    m.chain = fetched.chain;
    m.chainId = fetched.chainId;
    // The chain state at the block read, for every reserve both hold.
    for (Reserve &r : m.reserves) {
        const Reserve *f = fetched.reserve(r.symbol);
        if (!f || !f->onChain)
            continue;
        ReserveChainData &c = chainRef(r);
        c.address = f->onChain->address;
        c.totalSupply = f->onChain->totalSupply;
        c.totalDebt = f->onChain->totalDebt;
        c.availableLiquidity = f->onChain->availableLiquidity;
        c.utilization = f->onChain->utilization;
        if (!(c.priceUsd > 0.0))
            c.priceUsd = r.defaultPriceUsd;
    }
    QStringList vanished;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        if (i < accepted.size() && !accepted[i])
            continue;
        const MarketChange &c = changes[i];
        if (c.scope == MarketChange::Scope::Market) {
            m.flashLoanPremium = fetched.flashLoanPremium;
            m.estimates.removeAll(c.field);
        } else if (c.scope == MarketChange::Scope::Reserve) {
            const Reserve *f = fetched.reserve(c.reserve);
            if (c.kind == MarketChange::Kind::NewReserve && f) {
                m.reserves << *f;
            } else if (c.kind == MarketChange::Kind::VanishedReserve) {
                vanished << c.reserve;
            } else if (f) {
                const qsizetype at = m.reserveIndex(c.reserve);
                for (const ReserveField &spec : reserveFields()) {
                    if (at >= 0 && c.field == QLatin1String(spec.name)) {
                        spec.take(m.reserves[at], *f);
                        m.reserves[at].estimates.removeAll(c.field);
                    }
                }
            }
        } else {
            takeEModeChange(&m, fetched, c);
        }
    }
    m.reserves.removeIf([&vanished](const Reserve &r) { return vanished.contains(r.symbol); });
    reconcileEModes(&m);
    return m;
}

} // namespace lp
