#pragma once

#include <QPalette>
#include <QString>

class QMenu;
class QWidget;

namespace lp::theme {

// View > Theme (issue 3): the platform's look, or Fusion with a light or a dark palette, for the whole
// application. The choice is kept in QSettings ("view/theme").
enum class Theme { System, Light, Dark };

[[nodiscard]] QString toString(Theme theme);
// "system", "light", "dark"; false for anything else.
[[nodiscard]] bool fromString(const QString &text, Theme *out);

// Fusion's own light palette, and a dark one in the same roles (disabled text dimmed, links and
// highlights in a blue readable on the dark base).
[[nodiscard]] QPalette lightPalette();
[[nodiscard]] QPalette darkPalette();
// True when text is drawn light on dark: the window colour is darker than the text.
[[nodiscard]] bool isDark(const QPalette &palette);

// Sets the style and palette of the running QApplication. System gives back the style and palette the
// application started with.
void apply(Theme theme);
[[nodiscard]] Theme current();

// The theme stored in QSettings (System when none or unknown), and storing one.
[[nodiscard]] Theme saved();
void save(Theme theme);

// View > Theme: System / Light / Dark, checked on the current theme; choosing one applies and saves it.
[[nodiscard]] QMenu *createMenu(QWidget *parent);

} // namespace lp::theme
