// The e-mode part of the refresh review (marketdiff.h).
#include "marketdiffemode.h"

#include <algorithm>

namespace lp {

namespace {

using Format = MarketChange::Format;

const EModeCategory *category(const Market &m, int id)
{
    for (const EModeCategory &e : m.eModes) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}

struct EModeField {
    const char *name;
    Format format;
    QVariant (*get)(const EModeCategory &);
};

const QList<EModeField> &eModeFields()
{
    static const QList<EModeField> fields{
        {"ltv", Format::Percent, [](const EModeCategory &e) { return QVariant(e.ltv); }},
        {"liquidationThreshold", Format::Percent,
         [](const EModeCategory &e) { return QVariant(e.liquidationThreshold); }},
        {"liquidationBonus", Format::Percent,
         [](const EModeCategory &e) { return QVariant(e.liquidationBonus); }},
        {"label", Format::Text, [](const EModeCategory &e) { return QVariant(e.label); }},
        {"members", Format::Text,
         [](const EModeCategory &e) { return QVariant(e.members.join(QStringLiteral(", "))); }},
        // The roles in force: a category without role lists (v3.0, older files) has every member in both.
        {"collateral", Format::Text,
         [](const EModeCategory &e) { return QVariant(e.collateralMembers().join(QStringLiteral(", "))); }},
        {"borrowable", Format::Text,
         [](const EModeCategory &e) { return QVariant(e.borrowableMembers().join(QStringLiteral(", "))); }},
        {"ltvZero", Format::Text,
         [](const EModeCategory &e) {
             return e.ltvZero.isEmpty() ? QVariant() : QVariant(e.ltvZero.join(QStringLiteral(", ")));
         }},
    };
    return fields;
}

void takeEModeField(EModeCategory &e, const EModeCategory &f, const QString &field)
{
    if (field == u"ltv")
        e.ltv = f.ltv;
    else if (field == u"liquidationThreshold")
        e.liquidationThreshold = f.liquidationThreshold;
    else if (field == u"liquidationBonus")
        e.liquidationBonus = f.liquidationBonus;
    else if (field == u"label")
        e.label = f.label;
    else if (field == u"members")
        e.members = f.members;
    else if (field == u"collateral")
        e.collateral = f.collateralMembers();
    else if (field == u"borrowable")
        e.borrowable = f.borrowableMembers();
    else if (field == u"ltvZero")
        e.ltvZero = f.ltvZero;
    e.estimates.removeAll(field);
}

// After a partial review, the category's lists agree again without changing what they mean: a role or
// LTV-zero entry that is no longer a member (or collateral member) goes, and so does a member left in
// neither role (it gave nothing); the e-mode's other members keep their roles.
void reconcileRoles(EModeCategory &e, const Market &m)
{
    e.members.removeIf([&m](const QString &s) { return m.reserveIndex(s) < 0; });
    const auto notMember = [&e](const QString &s) { return !e.hasMember(s); };
    if (e.collateral)
        e.collateral->removeIf(notMember);
    if (e.borrowable)
        e.borrowable->removeIf(notMember);
    e.ltvZero.removeIf([&e](const QString &s) { return !e.isCollateral(s); });
    if (e.collateral && e.borrowable)
        e.members.removeIf([&e](const QString &s) { return !e.isCollateral(s) && !e.isBorrowable(s); });
}

} // namespace

void diffEModes(const Market &old, const Market &fetched, QList<MarketChange> *out)
{
    QList<int> ids;
    for (const Market *m : {&old, &fetched}) {
        for (const EModeCategory &e : m->eModes) {
            if (!ids.contains(e.id))
                ids << e.id;
        }
    }
    std::sort(ids.begin(), ids.end());
    for (const int id : ids) {
        const EModeCategory *o = category(old, id);
        const EModeCategory *f = category(fetched, id);
        MarketChange c;
        c.scope = MarketChange::Scope::EMode;
        c.eModeId = id;
        if (!o || !f) {
            c.kind = o ? MarketChange::Kind::VanishedEMode : MarketChange::Kind::NewEMode;
            c.flag = o ? QStringLiteral("category vanished") : QStringLiteral("new category");
            *out << c;
            continue;
        }
        for (const EModeField &spec : eModeFields()) {
            c.field = QString::fromLatin1(spec.name);
            c.format = spec.format;
            c.oldValue = spec.get(*o);
            c.newValue = spec.get(*f);
            // Without role lists on either side the roles follow the members: the members' row says it.
            const bool unstated = (c.field == u"collateral" && !o->collateral && !f->collateral) ||
                                  (c.field == u"borrowable" && !o->borrowable && !f->borrowable);
            if (unstated || sameChangeValue(c.oldValue, c.newValue))
                continue;
            // A collateral newly at LTV 0 in the category adds no borrowing power there any more.
            c.flag = c.field == u"ltvZero" && std::any_of(f->ltvZero.begin(), f->ltvZero.end(),
                                                          [o](const QString &s) { return !o->isLtvZero(s); })
                         ? QStringLiteral("LTV 0 in e-mode")
                         : QString();
            *out << c;
        }
    }
}

void takeEModeChange(Market *merged, const Market &fetched, const MarketChange &c)
{
    const EModeCategory *f = category(fetched, c.eModeId);
    if (c.kind == MarketChange::Kind::NewEMode && f) {
        merged->eModes << *f;
    } else if (c.kind == MarketChange::Kind::VanishedEMode) {
        merged->eModes.removeIf([&c](const EModeCategory &e) { return e.id == c.eModeId; });
    } else if (f) {
        for (EModeCategory &e : merged->eModes) {
            if (e.id == c.eModeId)
                takeEModeField(e, *f, c.field);
        }
    }
}

void reconcileEModes(Market *merged)
{
    for (EModeCategory &e : merged->eModes)
        reconcileRoles(e, *merged);
    merged->eModes.removeIf([](const EModeCategory &e) { return e.members.isEmpty(); });
    std::sort(merged->eModes.begin(), merged->eModes.end(),
              [](const EModeCategory &a, const EModeCategory &b) { return a.id < b.id; });
}

} // namespace lp
