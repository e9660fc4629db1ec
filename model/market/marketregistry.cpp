#include "marketregistry.h"

#include "marketjson.h"

#include <QDir>
#include <QFile>

// rcc's initializer for resources/markets.qrc. lp_model is a static library: without a reference to
// this symbol the linker would drop the resource object from the executable. Q_INIT_RESOURCE must be
// used outside any namespace.
static void initMarketResources()
{
    Q_INIT_RESOURCE(markets);
}

namespace lp {

namespace {

struct BuiltIn {
    MarketRegistry registry;
    ValidationErrors errors;
};

const BuiltIn &loadBuiltIn()
{
    static const BuiltIn data = [] {
        initMarketResources();
        BuiltIn b;
        const QDir dir(QStringLiteral(":/markets"));
        const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        if (files.isEmpty())
            b.errors.append({dir.path(), QStringLiteral("no market presets are embedded in this build")});
        for (const QString &name : files) {
            const QString path = dir.filePath(name);
            const Expected<Market> m = readMarketFile(path);
            const ValidationErrors errors = m ? b.registry.add(*m, true, path) : m.errors();
            for (const ValidationError &e : errors)
                b.errors.append({name + QStringLiteral(": ") + e.field, e.message});
        }
        return b;
    }();
    return data;
}

} // namespace

const MarketRegistry &MarketRegistry::builtIn()
{
    return loadBuiltIn().registry;
}

ValidationErrors MarketRegistry::builtInErrors()
{
    return loadBuiltIn().errors;
}

MarketRegistry MarketRegistry::withBuiltIn()
{
    return builtIn();
}

ValidationErrors MarketRegistry::add(const Market &market, bool builtIn, const QString &filePath)
{
    ValidationErrors errors = validateMarket(market);
    if (!errors.isEmpty())
        return errors;
    if (indexOf(market.id) >= 0)
        return {{QStringLiteral("id"), QStringLiteral("a market \"%1\" is already loaded").arg(market.id)}};
    m_entries.append({market, builtIn, filePath});
    return {};
}

ValidationErrors MarketRegistry::loadUserMarkets(const QString &directory)
{
    ValidationErrors errors;
    const QDir dir(directory);
    if (!dir.exists())
        return errors;
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QString path = dir.filePath(name);
        const Expected<Market> m = readMarketFile(path);
        const ValidationErrors fileErrors = m ? add(*m, false, path) : m.errors();
        for (const ValidationError &e : fileErrors)
            errors.append({e.field == path ? name : name + QStringLiteral(": ") + e.field, e.message});
    }
    return errors;
}

ValidationErrors MarketRegistry::saveUserMarket(const Market &market, const QString &directory)
{
    if (isBuiltIn(market.id))
        return {
            {QStringLiteral("id"),
             QStringLiteral("\"%1\" is a built-in preset; save your copy under another id").arg(market.id)}};
    ValidationErrors errors = validateMarket(market);
    if (!errors.isEmpty())
        return errors;
    if (!QDir().mkpath(directory))
        return {{directory, QStringLiteral("cannot be created")}};
    const QString path = QDir(directory).filePath(market.id + QStringLiteral(".json"));
    errors = writeMarketFile(market, path);
    if (!errors.isEmpty())
        return errors;
    const qsizetype i = indexOf(market.id);
    if (i >= 0)
        m_entries[i] = {market, false, path};
    else
        m_entries.append({market, false, path});
    return {};
}

ValidationErrors MarketRegistry::removeUserMarket(const QString &id)
{
    const qsizetype i = indexOf(id);
    if (i < 0)
        return {{QStringLiteral("id"), QStringLiteral("no market \"%1\"").arg(id)}};
    if (m_entries[i].builtIn)
        return {{QStringLiteral("id"),
                 QStringLiteral("\"%1\" is a built-in preset and cannot be removed").arg(id)}};
    const QString path = m_entries[i].filePath;
    if (!path.isEmpty() && QFile::exists(path) && !QFile::remove(path))
        return {{path, QStringLiteral("cannot be deleted")}};
    m_entries.removeAt(i);
    return {};
}

const Market *MarketRegistry::find(const QString &id) const
{
    const Entry *e = entry(id);
    return e ? &e->market : nullptr;
}

const MarketRegistry::Entry *MarketRegistry::entry(const QString &id) const
{
    const qsizetype i = indexOf(id);
    return i < 0 ? nullptr : &m_entries[i];
}

bool MarketRegistry::isBuiltIn(const QString &id) const
{
    const Entry *e = entry(id);
    return e && e->builtIn;
}

QStringList MarketRegistry::ids() const
{
    QStringList out;
    for (const Entry &e : m_entries)
        out << e.market.id;
    return out;
}

qsizetype MarketRegistry::indexOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].market.id == id)
            return i;
    }
    return -1;
}

} // namespace lp
