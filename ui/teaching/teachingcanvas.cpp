#include "teachingcanvas.h"

#include "displayformat.h"
#include "riskstyle.h"

#include <QEasingCurve>
#include <QPainter>
#include <QPainterPath>
#include <QPaintEvent>
#include <QVariantAnimation>

#include <algorithm>
#include <cmath>

namespace lp {

namespace {

// The gauge reads 0 to 3: above 3 a position is far from liquidation and the needle rests at the end.
constexpr double kGaugeMax = 3.0;

double lerp(double a, double b, double t)
{
    if (std::isnan(a) || std::isnan(b))
        return b;
    return a + (b - a) * t;
}

QColor soft(QColor c, int alpha = 60)
{
    c.setAlpha(alpha);
    return c;
}

} // namespace

TeachingCanvas::TeachingCanvas(QWidget *parent) : QWidget(parent), m_animation(new QVariantAnimation(this))
{
    setObjectName(QStringLiteral("teachingCanvas"));
    setAutoFillBackground(true);
    m_animation->setStartValue(0.0);
    m_animation->setEndValue(1.0);
    m_animation->setDuration(450);
    m_animation->setEasingCurve(QEasingCurve::OutCubic);
    connect(m_animation, &QVariantAnimation::valueChanged, this, [this](const QVariant &value) {
        const double t = value.toDouble();
        m_shown.collateralUsd = lerp(m_from.collateralUsd, m_to.collateralUsd, t);
        m_shown.debtUsd = lerp(m_from.debtUsd, m_to.debtUsd, t);
        m_shown.walletUsd = lerp(m_from.walletUsd, m_to.walletUsd, t);
        m_shown.healthFactor = lerp(m_from.healthFactor, m_to.healthFactor, t);
        m_shown.priceUsd = lerp(m_from.priceUsd, m_to.priceUsd, t);
        m_shown.liquidationPriceUsd = lerp(m_from.liquidationPriceUsd, m_to.liquidationPriceUsd, t);
        update();
    });
}

void TeachingCanvas::showFrame(const TeachingFrame &frame, double scaleUsd, double openPriceUsd,
                               const QString &symbolA, const QString &symbolB)
{
    m_animation->stop();
    m_from = m_shown;
    m_to.collateralUsd = frame.collateralUsd;
    m_to.debtUsd = frame.debtUsd;
    m_to.walletUsd = frame.walletUsd;
    m_hfInfinite = std::isinf(frame.healthFactor);
    m_to.healthFactor = std::min(frame.healthFactor, kGaugeMax);
    m_to.priceUsd = frame.priceAUsd;
    m_to.liquidationPriceUsd = frame.liquidationPriceUsd;
    m_scaleUsd = scaleUsd > 0 ? scaleUsd : 1.0;
    m_openPriceUsd = openPriceUsd > 0 ? openPriceUsd : 1.0;
    m_stage = frame.stage;
    m_symbolA = symbolA;
    m_symbolB = symbolB;
    if (m_animation->duration() <= 0 || !isVisible()) {
        m_shown = m_to;
        update();
        return;
    }
    m_animation->start();
}

void TeachingCanvas::setAnimationDuration(int milliseconds)
{
    m_animation->setDuration(std::max(0, milliseconds));
}

bool TeachingCanvas::isAnimating() const
{
    return m_animation->state() == QAbstractAnimation::Running;
}

namespace {

// Heights in lines of the font: the health-factor panel (title, bar, its labels and the legend) and the
// price panel (title, axis, two labels), so that Large text gets the room its labels need.
constexpr double kGaugeLines = 8.6;
constexpr double kPriceLines = 7.0;
// The balance panel: the title and "You own" lines, then a value label's room above the tallest bar.
constexpr double kBarsTopLines = 3.8;
constexpr double kBarsBottomLines = 2.8; // a bar's name, on two lines when it must
constexpr int kMargin = 12;

} // namespace

QSize TeachingCanvas::sizeHint() const
{
    return minimumSizeHint().expandedTo(QSize(760, 340));
}

QSize TeachingCanvas::minimumSizeHint() const
{
    const QFontMetricsF fm(font());
    const double height = (kGaugeLines + kPriceLines + 0.5) * fm.height() + 16;
    // The three bar names side by side, and the legend's three entries beside the bars.
    double legend = 0;
    for (const auto &entry : gaugeLegend())
        legend += fm.height() * 1.6 + fm.horizontalAdvance(entry.first);
    // A bar's name wraps at its words: each slot needs room for the longest word.
    double word = 0;
    for (const QString &name :
         {tr("Collateral (%1)").arg(m_symbolA), tr("Debt (%1)").arg(m_symbolB), tr("Wallet")})
        for (const QString &part : name.split(QLatin1Char(' ')))
            word = std::max(word, fm.horizontalAdvance(part));
    const double width = std::max(3.0 * (word + 8) / 0.42, (legend + 24) / 0.58) + 2 * kMargin;
    return QSize(std::max(420, static_cast<int>(std::ceil(width))),
                 std::max(240, static_cast<int>(std::ceil(height))));
}

TeachingCanvas::Layout TeachingCanvas::layout() const
{
    const QFontMetricsF fm(font());
    const QRectF all = QRectF(rect()).adjusted(kMargin, 8, -kMargin, -8);
    Layout l;
    const double barsWidth = all.width() * 0.42;
    l.bars = QRectF(all.left(), all.top(), barsWidth, all.height());
    l.plot = l.bars.adjusted(0, fm.height() * kBarsTopLines, 0, -fm.height() * kBarsBottomLines);
    const QRectF right(all.left() + barsWidth + 24, all.top(), all.width() - barsWidth - 24, all.height());
    // The gauge takes its lines and, of the height left over, its share; the price panel the rest.
    const double spare = std::max(0.0, right.height() - (kGaugeLines + kPriceLines + 0.5) * fm.height());
    const double gaugeHeight = kGaugeLines * fm.height() + spare * 0.45;
    l.gauge = QRectF(right.left(), right.top(), right.width(), gaugeHeight);
    const double priceTop = l.gauge.bottom() + 0.5 * fm.height();
    l.priceAxis = QRectF(right.left(), priceTop, right.width(), right.bottom() - priceTop);
    return l;
}

double TeachingCanvas::barHeight(double usd, const QRectF &plot) const
{
    return std::clamp(usd / m_scaleUsd, 0.0, 1.0) * plot.height();
}

QRectF TeachingCanvas::ownLineRect() const
{
    const QFontMetricsF fm(font());
    const QRectF area = layout().bars;
    return QRectF(area.left(), area.top() + fm.height() * 1.2, area.width(), fm.height() * 1.2);
}

QRectF TeachingCanvas::barValueRect(int bar) const
{
    const QFontMetricsF fm(font());
    const QRectF plot = layout().plot;
    const double usd[] = {m_shown.collateralUsd, m_shown.debtUsd, m_shown.walletUsd};
    const double slot = plot.width() / 3.0;
    const double width = slot * 0.62;
    const double top = plot.bottom() - barHeight(usd[std::clamp(bar, 0, 2)], plot);
    return QRectF(plot.left() + slot * bar + (slot - width) / 2 - slot * 0.2, top - fm.height() * 1.3,
                  width + slot * 0.4, fm.height() * 1.2);
}

QList<std::pair<QString, QColor>> TeachingCanvas::gaugeLegend() const
{
    const QString danger = display::number(risk::kDangerHealthFactor, 1);
    const QString caution = display::number(risk::kCautionHealthFactor, 1);
    return {{tr("< %1 danger").arg(danger), risk::colorFor(risk::Level::Danger)},
            {tr("%1–%2 caution").arg(danger, caution), risk::colorFor(risk::Level::Caution)},
            {tr("≥ %1 safe").arg(caution), risk::colorFor(risk::Level::Safe)}};
}

void TeachingCanvas::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const Layout l = layout();
    paintBars(p, l.bars);
    paintGauge(p, l.gauge);
    paintPriceAxis(p, l.priceAxis);
}

void TeachingCanvas::paintBars(QPainter &p, const QRectF &area) const
{
    const QFontMetricsF fm(font());
    const QRectF plot = layout().plot;
    struct Bar {
        QString name;
        double usd;
        QColor color;
    };
    const Bar bars[] = {
        {tr("Collateral (%1)").arg(m_symbolA), m_shown.collateralUsd, QColor(0x1f, 0x6f, 0xc5)},
        {tr("Debt (%1)").arg(m_symbolB), m_shown.debtUsd, QColor(0xc0, 0x39, 0x2b)},
        {tr("Wallet"), m_shown.walletUsd, QColor(0x7f, 0x8c, 0x8d)},
    };
    const double slot = plot.width() / 3.0;
    const double width = slot * 0.62;
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()));
    for (int i = 0; i < 3; ++i) {
        const Bar &bar = bars[i];
        const double h = barHeight(bar.usd, plot);
        const QRectF r(plot.left() + slot * i + (slot - width) / 2, plot.bottom() - h, width, h);
        p.setPen(Qt::NoPen);
        p.setBrush(bar.color);
        p.drawRoundedRect(r, 3, 3);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(barValueRect(i), Qt::AlignCenter, display::compactUsd(bar.usd));
        const QRectF name(plot.left() + slot * i, plot.bottom() + 4, slot, fm.height() * 2.4);
        p.drawText(name, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, bar.name);
    }
    p.setPen(palette().color(QPalette::WindowText));
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRectF(area.left(), area.top(), area.width(), fm.height() * 1.2), Qt::AlignLeft,
               tr("Balances in USD"));
    p.setFont(font());
    p.drawText(
        ownLineRect(), Qt::AlignLeft,
        tr("You own: %1").arg(display::usd(m_shown.collateralUsd + m_shown.walletUsd - m_shown.debtUsd)));
}

void TeachingCanvas::paintGauge(QPainter &p, const QRectF &area) const
{
    const QFontMetricsF fm(font());
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().color(QPalette::WindowText));
    const QString hfText =
        m_hfInfinite && !isAnimating() ? QStringLiteral("∞") : display::healthFactor(m_shown.healthFactor);
    p.drawText(QRectF(area.left(), area.top(), area.width(), fm.height() * 1.2), Qt::AlignLeft,
               tr("Health factor %1").arg(hfText));
    p.setFont(font());
    const QRectF bar(area.left(), area.top() + fm.height() * 2.0, area.width(),
                     std::clamp(area.height() - fm.height() * 7.0, fm.height() * 1.6, fm.height() * 3.5));
    const auto x = [&](double hf) { return bar.left() + std::clamp(hf / kGaugeMax, 0.0, 1.0) * bar.width(); };
    const struct {
        double from, to;
        risk::Level level;
    } zones[] = {{0, risk::kDangerHealthFactor, risk::Level::Danger},
                 {risk::kDangerHealthFactor, risk::kCautionHealthFactor, risk::Level::Caution},
                 {risk::kCautionHealthFactor, kGaugeMax, risk::Level::Safe}};
    p.setPen(Qt::NoPen);
    for (const auto &z : zones) {
        p.setBrush(soft(risk::colorFor(z.level), 90));
        p.drawRect(QRectF(QPointF(x(z.from), bar.top()), QPointF(x(z.to), bar.bottom())));
    }
    // Liquidation line at HF = 1.
    p.setPen(QPen(risk::colorFor(risk::Level::Danger), 2));
    p.drawLine(QPointF(x(1.0), bar.top() - 6), QPointF(x(1.0), bar.bottom() + 6));
    p.drawText(QRectF(x(1.0) - 60, bar.bottom() + 6, 120, fm.height()), Qt::AlignHCenter,
               tr("1.0 liquidation"));
    // Needle.
    const double nx = x(m_shown.healthFactor);
    p.setPen(QPen(palette().color(QPalette::WindowText), 3));
    p.drawLine(QPointF(nx, bar.top() - 8), QPointF(nx, bar.bottom() + 2));
    QPainterPath tip;
    tip.moveTo(nx - 7, bar.top() - 14);
    tip.lineTo(nx + 7, bar.top() - 14);
    tip.lineTo(nx, bar.top() - 4);
    tip.closeSubpath();
    p.fillPath(tip, palette().color(QPalette::WindowText));
    p.setPen(palette().color(QPalette::Mid));
    for (double tick : {0.0, 1.5, 2.0, 3.0})
        p.drawText(QRectF(x(tick) - 30, bar.bottom() + 6 + fm.height(), 60, fm.height()), Qt::AlignHCenter,
                   display::number(tick, 1));
    // The legend of the bands: a swatch in each band's colour and what it means.
    double legendX = area.left();
    const double legendY = bar.bottom() + 6 + fm.height() * 2.3;
    for (const auto &[text, colour] : gaugeLegend()) {
        const double swatch = fm.height() * 0.8;
        p.setPen(Qt::NoPen);
        p.setBrush(soft(colour, 90));
        p.drawRect(QRectF(legendX, legendY + (fm.height() - swatch) / 2, swatch, swatch));
        p.setPen(palette().color(QPalette::WindowText));
        const double textWidth = fm.horizontalAdvance(text);
        p.drawText(QRectF(legendX + swatch + 4, legendY, textWidth + 2, fm.height()), Qt::AlignLeft, text);
        legendX += swatch + 4 + textWidth + fm.height() * 0.8;
    }
}

void TeachingCanvas::paintPriceAxis(QPainter &p, const QRectF &area) const
{
    const QFontMetricsF fm(font());
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRectF(area.left(), area.top(), area.width(), fm.height() * 1.2), Qt::AlignLeft,
               tr("Price of %1").arg(m_symbolA));
    p.setFont(font());
    const double top = std::max({m_openPriceUsd * 1.6, m_shown.priceUsd * 1.1, 1.0});
    const QRectF axis(area.left(), area.top() + fm.height() * 2.6, area.width(), fm.height() * 1.2);
    const auto x = [&](double price) {
        return axis.left() + std::clamp(price / top, 0.0, 1.0) * axis.width();
    };
    const bool hasLiquidation = std::isfinite(m_shown.liquidationPriceUsd) && m_shown.liquidationPriceUsd > 0;
    if (hasLiquidation) {
        p.setPen(Qt::NoPen);
        p.setBrush(soft(risk::colorFor(risk::Level::Danger), 50));
        p.drawRect(
            QRectF(QPointF(axis.left(), axis.top()), QPointF(x(m_shown.liquidationPriceUsd), axis.bottom())));
    }
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.drawLine(QPointF(axis.left(), axis.bottom()), QPointF(axis.right(), axis.bottom()));
    // Opening price, dashed.
    p.setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
    p.drawLine(QPointF(x(m_openPriceUsd), axis.top() - 4), QPointF(x(m_openPriceUsd), axis.bottom()));
    if (hasLiquidation) {
        const double lx = x(m_shown.liquidationPriceUsd);
        p.setPen(QPen(risk::colorFor(risk::Level::Danger), 2));
        p.drawLine(QPointF(lx, axis.top() - 6), QPointF(lx, axis.bottom() + 6));
        p.drawText(QRectF(lx - 90, axis.bottom() + 8, 180, fm.height()), Qt::AlignHCenter,
                   tr("liquidation %1").arg(display::usd(m_shown.liquidationPriceUsd, 0)));
    }
    const double px = x(m_shown.priceUsd);
    QPainterPath marker;
    marker.moveTo(px - 8, axis.top() - 14);
    marker.lineTo(px + 8, axis.top() - 14);
    marker.lineTo(px, axis.top() - 2);
    marker.closeSubpath();
    p.fillPath(marker, QColor(0x1f, 0x6f, 0xc5));
    p.setPen(palette().color(QPalette::WindowText));
    const double labelY = axis.bottom() + 8 + (hasLiquidation ? fm.height() * 1.3 : 0.0);
    p.drawText(QRectF(px - 90, labelY, 180, fm.height()), Qt::AlignHCenter,
               tr("now %1").arg(display::usd(m_shown.priceUsd, 0)));
}

} // namespace lp
