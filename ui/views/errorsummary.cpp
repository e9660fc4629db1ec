#include "errorsummary.h"

#include "riskstyle.h"

#include <QEvent>

namespace lp {

namespace {

const QString kScheme = QStringLiteral("field:");

} // namespace

ErrorSummary::ErrorSummary(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("errorSummary"));
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    setContentsMargins(6, 4, 6, 4);
    setAutoFillBackground(true);
    setFrameShape(QFrame::StyledPanel);
    setToolTip(tr("Click a field's name to go to it in the form"));
    connect(this, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(kScheme))
            emit fieldActivated(link.mid(kScheme.size()));
    });
    refreshColours();
    hide();
}

QString ErrorSummary::linkFor(const QString &path)
{
    return kScheme + path;
}

void ErrorSummary::showErrors(const ValidationErrors &errors)
{
    m_paths.clear();
    if (errors.isEmpty()) {
        clear();
        hide();
        return;
    }
    QStringList lines;
    for (const ValidationError &error : errors) {
        QString title = m_titles ? m_titles(error.field) : QString();
        if (title.isEmpty())
            title = error.field;
        const QString message = error.message.toHtmlEscaped();
        if (error.field.isEmpty()) {
            lines.append(message);
            continue;
        }
        m_paths.append(error.field);
        lines.append(tr("<a href=\"%1\">%2</a>: %3")
                         .arg(linkFor(error.field).toHtmlEscaped(), title.toHtmlEscaped(), message));
    }
    setText(tr("<b>The plan is not valid.</b> %1.<br>The figures below are those of the last valid plan, "
               "<b>not of this one</b>.")
                .arg(lines.join(QStringLiteral("; "))));
    refreshColours();
    show();
}

void ErrorSummary::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        refreshColours();
}

void ErrorSummary::refreshColours()
{
    // The danger colour for the text and the links, on the window's own background, so that it reads on
    // the light and the dark palette alike (lp::risk::colorFor).
    const QColor danger = risk::colorFor(risk::Level::Danger);
    QPalette p = palette();
    if (p.color(QPalette::WindowText) == danger && p.color(QPalette::Link) == danger)
        return; // nothing to change: setting the palette again would recurse through PaletteChange
    p.setColor(QPalette::WindowText, danger);
    p.setColor(QPalette::Link, danger);
    setPalette(p);
}

} // namespace lp
