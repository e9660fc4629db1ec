#pragma once

// Everything the app keeps in QSettings between runs, in one place: each key with its type and the value
// a missing or unreadable entry stands for. Code reads and writes settings only through these, so a key
// is spelled once and a new setting is added here.

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace lp::settingskeys {

template <class T> struct Key {
    const char *name;
    T fallback;

    [[nodiscard]] QString key() const { return QString::fromLatin1(name); }
    // The stored value, or the fallback when there is none or it is not a T.
    [[nodiscard]] T read(const QSettings &settings) const
    {
        const QVariant v = settings.value(key());
        return v.isValid() && v.canConvert<T>() ? v.value<T>() : fallback;
    }
    [[nodiscard]] T read() const { return read(QSettings()); }
    void write(QSettings &settings, const T &value) const
    {
        settings.setValue(key(), QVariant::fromValue(value));
    }
    void write(const T &value) const
    {
        QSettings settings;
        write(settings, value);
    }
    void remove(QSettings &settings) const { settings.remove(key()); }
    [[nodiscard]] bool isStored(const QSettings &settings) const { return settings.contains(key()); }
};

// The window (windowsettings): geometry and toolbar state as Qt saves them; the splitters' states are a
// group with one entry per named splitter.
inline const Key<QByteArray> windowGeometry{"window/geometry", {}};
inline const Key<QByteArray> windowState{"window/state", {}};
inline constexpr char splitterGroup[] = "window/splitters";

// The plan on screen when the window closed: its file, or the untitled plan as compact JSON.
inline const Key<QString> lastFile{"session/lastFile", {}};
inline const Key<QByteArray> untitledPlan{"session/untitledPlan", {}};
// An untitled plan of the last run set aside because the window opened a file named on the command line:
// offered in File > Open Recent until it is restored or another one replaces it.
inline const Key<QByteArray> keptUntitledPlan{"session/keptUntitledPlan", {}};

// The plans pinned for comparison when the window closed: a compact JSON array of {name, plan}, the
// plan as in a plan file (windowsettings::savePinned).
inline const Key<QByteArray> pinnedPlans{"session/pinnedPlans", {}};

// File > Open Recent, newest first (PlanDocument).
inline const Key<QStringList> recentFiles{"files/recent", {}};

// View > Theme: system, light or dark (theme::saved; an unknown name reads as system).
inline const Key<QString> theme{"view/theme", QStringLiteral("system")};

// The health chart's safety line (HealthChart; outside 1..10 reads as the default).
inline const Key<double> safetyHealthFactor{"charts/safetyHealthFactor", 1.5};

// Where `prices fetch` and the backtest's "fetch prices" ask for daily prices: DefiLlama's keyless coins
// API, or a mirror the user names (`--api` on the command line wins).
inline const Key<QString> pricesApiBase{"prices/apiBase", QStringLiteral("https://coins.llama.fi")};

} // namespace lp::settingskeys
