#include "theme.h"

#include "settingskeys.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace lp::theme {

namespace {

// What the application looked like before the first apply(), for Theme::System.
struct Startup {
    QString styleName;
    QPalette palette;
};

Startup &startup()
{
    static Startup s{QApplication::style()->name(), QApplication::palette()};
    return s;
}

Theme &currentTheme()
{
    static Theme theme = Theme::System;
    return theme;
}

} // namespace

QString toString(Theme theme)
{
    switch (theme) {
    case Theme::System:
        return QStringLiteral("system");
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    }
    return {};
}

bool fromString(const QString &text, Theme *out)
{
    for (Theme theme : {Theme::System, Theme::Light, Theme::Dark}) {
        if (text == toString(theme)) {
            *out = theme;
            return true;
        }
    }
    return false;
}

QPalette lightPalette()
{
    QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
    QPalette palette = fusion->standardPalette();
    delete fusion;
    return palette;
}

QPalette darkPalette()
{
    const QColor window(0x35, 0x35, 0x35);
    const QColor base(0x2a, 0x2a, 0x2a);
    const QColor text(0xee, 0xee, 0xee);
    const QColor dimmed(0x80, 0x80, 0x80);
    const QColor highlight(0x2a, 0x82, 0xda);
    QPalette p(window);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x32, 0x32, 0x32));
    p.setColor(QPalette::ToolTipBase, QColor(0x45, 0x45, 0x45));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6e, 0x6e));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4a));
    p.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x40));
    p.setColor(QPalette::Mid, QColor(0x25, 0x25, 0x25));
    p.setColor(QPalette::Dark, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::Shadow, QColor(0x10, 0x10, 0x10));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xdb));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, dimmed);
    }
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x50, 0x50, 0x50));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, dimmed);
    p.setColor(QPalette::Disabled, QPalette::Base, window);
    return p;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

void apply(Theme theme)
{
    const Startup &original = startup(); // captured before the first change
    switch (theme) {
    case Theme::System:
        QApplication::setStyle(original.styleName);
        QApplication::setPalette(original.palette);
        break;
    case Theme::Light:
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(lightPalette());
        break;
    case Theme::Dark:
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(darkPalette());
        break;
    }
    currentTheme() = theme;
}

Theme current()
{
    return currentTheme();
}

Theme saved()
{
    Theme theme = Theme::System;
    if (!fromString(settingskeys::theme.read(), &theme))
        return Theme::System;
    return theme;
}

void save(Theme theme)
{
    settingskeys::theme.write(toString(theme));
}

QMenu *createMenu(QWidget *parent)
{
    auto *menu = new QMenu(QApplication::translate("lp::theme", "&Theme"), parent);
    auto *group = new QActionGroup(menu);
    struct Choice {
        Theme theme;
        QString text;
        QString tip;
    };
    const Choice choices[] = {
        {Theme::System, QApplication::translate("lp::theme", "&System"),
         QApplication::translate("lp::theme", "Use the desktop's own style and colours")},
        {Theme::Light, QApplication::translate("lp::theme", "&Light"),
         QApplication::translate("lp::theme", "Dark text on a light background, in every window")},
        {Theme::Dark, QApplication::translate("lp::theme", "&Dark"),
         QApplication::translate("lp::theme", "Light text on a dark background, in every window")},
    };
    for (const Choice &choice : choices) {
        QAction *action = menu->addAction(choice.text);
        action->setObjectName(QStringLiteral("actionTheme") + toString(choice.theme));
        action->setCheckable(true);
        action->setData(static_cast<int>(choice.theme));
        action->setStatusTip(choice.tip);
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, menu, [theme = choice.theme] {
            apply(theme);
            save(theme);
        });
    }
    // The theme may also be set from the command line or by a test: show the one in use.
    const auto showCurrent = [group] {
        for (QAction *action : group->actions())
            action->setChecked(action->data().toInt() == static_cast<int>(current()));
    };
    showCurrent();
    QObject::connect(menu, &QMenu::aboutToShow, menu, showCurrent);
    return menu;
}

} // namespace lp::theme
