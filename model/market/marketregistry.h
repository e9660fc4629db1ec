#pragma once

#include "market.h"

#include <QList>
#include <QString>

namespace lp {

// The markets a plan can name: the presets compiled into the app (resources/markets/*.json) and the
// user's own, read from and saved to a directory the caller chooses (the GUI passes a folder under
// QStandardPaths::AppDataLocation; the model never looks paths up itself).
class MarketRegistry {
public:
    struct Entry {
        Market market;
        bool builtIn = false;
        QString filePath; // where a user market lives; ":/markets/..." for a preset
    };

    // An empty registry; see builtIn() and withBuiltIn().
    MarketRegistry() = default;

    // The embedded presets, read and validated once (thread-safe). They are immutable data shipped with
    // the binary: tests check each one loads, and builtInErrors() says why one did not.
    [[nodiscard]] static const MarketRegistry &builtIn();
    [[nodiscard]] static ValidationErrors builtInErrors();
    // A copy of builtIn() to add user markets to.
    [[nodiscard]] static MarketRegistry withBuiltIn();

    // Adds a valid market whose id is not taken yet; errors name the field ("id", "reserves[1].ltv").
    ValidationErrors add(const Market &market, bool builtIn = false, const QString &filePath = {});

    // Reads every *.json file in `directory` as a user market. A file that does not load is skipped and
    // its errors come back with the field prefixed by the file name ("mine.json: reserves[0].ltv");
    // a missing directory is no error (nothing saved yet).
    ValidationErrors loadUserMarkets(const QString &directory);

    // Writes a user market to directory/<id>.json (atomically; creates the directory) and adds or
    // replaces it here. A preset cannot be overwritten: save a copy under a new id.
    ValidationErrors saveUserMarket(const Market &market, const QString &directory);

    // Deletes a user market's file and forgets it. Presets cannot be removed.
    ValidationErrors removeUserMarket(const QString &id);

    [[nodiscard]] const Market *find(const QString &id) const;
    [[nodiscard]] const Entry *entry(const QString &id) const;
    [[nodiscard]] bool isBuiltIn(const QString &id) const;
    // In load order: presets first (sorted by id), then user markets.
    [[nodiscard]] const QList<Entry> &entries() const { return m_entries; }
    [[nodiscard]] QStringList ids() const;

private:
    qsizetype indexOf(const QString &id) const;

    QList<Entry> m_entries;
};

} // namespace lp
