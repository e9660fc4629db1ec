#include "formfield.h"

#include "riskstyle.h"
#include "theme.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace lp {

FormField::FormField(QString path, QString title, QWidget *editor, QWidget *row, QWidget *parent)
    : QWidget(parent), m_path(std::move(path)), m_title(std::move(title)), m_editor(editor),
      m_errorLabel(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(row ? row : editor);
    layout->addWidget(m_errorLabel);

    m_errorLabel->setObjectName(m_path + QStringLiteral(".error"));
    m_errorLabel->setWordWrap(true);
    refreshErrorColour();
    m_errorLabel->hide();
    m_editor->setProperty(kInvalidProperty, false);
}

void FormField::setHelp(const QString &help)
{
    m_help = help;
    m_editor->setStatusTip(help); // the status bar explains the field the mouse is over
    refreshToolTip();
}

void FormField::changeEvent(QEvent *event)
{
    // Another theme: the red that reads on the old background may not read on the new one.
    if (event->type() == QEvent::PaletteChange) {
        refreshErrorColour();
        if (isMarked())
            refreshColours();
    }
    QWidget::changeEvent(event);
}

void FormField::refreshErrorColour()
{
    QPalette errorPalette = m_errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, risk::colorFor(risk::Level::Danger));
    m_errorLabel->setPalette(errorPalette);
}

void FormField::setMessages(const QStringList &messages)
{
    if (messages == m_messages)
        return;
    const bool wasMarked = isMarked();
    m_messages = messages;
    m_errorLabel->setText(m_messages.join(QLatin1Char('\n')));
    m_errorLabel->setVisible(isMarked());
    if (wasMarked != isMarked()) {
        m_editor->setProperty(kInvalidProperty, isMarked());
        refreshColours();
    }
    refreshToolTip();
}

void FormField::refreshColours()
{
    if (!isMarked()) {
        // An empty palette resolves nothing: the widgets inherit their colours again.
        m_editor->setPalette(QPalette());
        if (m_titleLabel)
            m_titleLabel->setPalette(QPalette());
        return;
    }
    const QColor danger = risk::colorFor(risk::Level::Danger);
    const bool dark = theme::isDark(palette());
    m_editor->setPalette(QPalette()); // the theme's colours, then the marks
    QPalette editorPalette = m_editor->palette();
    // A light red under dark text, a dark red under light text.
    editorPalette.setColor(QPalette::Base, dark ? QColor(0x5a, 0x24, 0x24) : QColor(0xfd, 0xec, 0xea));
    // Styles such as Fusion draw the frame in a darker shade of Window: a red one gives a red frame.
    editorPalette.setColor(QPalette::Window, dark ? danger : danger.lighter(125));
    m_editor->setPalette(editorPalette);
    if (m_titleLabel) {
        QPalette labelPalette = m_titleLabel->palette();
        labelPalette.setColor(QPalette::WindowText, danger);
        m_titleLabel->setPalette(labelPalette);
    }
}

void FormField::refreshToolTip()
{
    QString tip = m_help;
    if (isMarked()) {
        if (!tip.isEmpty())
            tip += QStringLiteral("\n\n");
        tip += tr("Problem: %1").arg(m_messages.join(QStringLiteral("; ")));
    }
    m_editor->setToolTip(tip);
}

} // namespace lp
