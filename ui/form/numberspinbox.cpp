#include "numberspinbox.h"

#include <QStyle>
#include <QStyleOptionSpinBox>

#include <algorithm>

namespace lp {

NumberSpinBox::NumberSpinBox(QWidget *parent) : QDoubleSpinBox(parent)
{
    // Live updates while typing are the point of the form; stepping by arrow keys speeds up on hold.
    setKeyboardTracking(true);
    setAccelerated(true);
    setAlignment(Qt::AlignRight | Qt::AlignVCenter);
}

int NumberSpinBox::cappedWidth(int width) const
{
    QStyleOptionSpinBox option;
    initStyleOption(&option);
    const QFontMetrics metrics = fontMetrics();
    const QSize text(metrics.horizontalAdvance(prefix() + QStringLiteral("000,000.00") + suffix()),
                     metrics.height());
    const int cap = style()->sizeFromContents(QStyle::CT_SpinBox, &option, text, this).width();
    return std::min(width, cap);
}

QSize NumberSpinBox::sizeHint() const
{
    QSize hint = QDoubleSpinBox::sizeHint();
    hint.setWidth(cappedWidth(hint.width()));
    return hint;
}

QSize NumberSpinBox::minimumSizeHint() const
{
    QSize hint = QDoubleSpinBox::minimumSizeHint();
    hint.setWidth(cappedWidth(hint.width()));
    return hint;
}

QString NumberSpinBox::textFromValue(double value) const
{
    const QLocale loc = locale();
    QString text = loc.toString(value, 'f', decimals());
    if (!isGroupSeparatorShown())
        text.remove(loc.groupSeparator());
    const QString point = loc.decimalPoint();
    const qsizetype dot = text.lastIndexOf(point);
    if (dot < 0)
        return text;
    const QString zero = loc.zeroDigit();
    const qsizetype keep = dot + point.size() + m_minimumDisplayDecimals;
    qsizetype end = text.size();
    while (end > keep && text.mid(end - zero.size(), zero.size()) == zero)
        end -= zero.size();
    if (end == dot + point.size())
        end = dot; // nothing left after the point: drop it too
    text.truncate(end);
    return text;
}

} // namespace lp
