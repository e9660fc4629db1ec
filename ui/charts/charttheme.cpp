#include "charttheme.h"

#include "qcustomplot_include.h"

#include <QPalette>

namespace lp {

namespace {

QColor withAlpha(QColor c, int alpha)
{
    c.setAlpha(alpha);
    return c;
}

} // namespace

ChartTheme ChartTheme::fromPalette(const QPalette &palette)
{
    ChartTheme t;
    const QColor base = palette.color(QPalette::Active, QPalette::Base);
    const QColor window = palette.color(QPalette::Active, QPalette::Window);
    t.dark = (base.isValid() ? base : window).lightness() < 128;
    t.background = base;
    t.text = palette.color(QPalette::Active, QPalette::Text);
    t.axis = withAlpha(t.text, 200);
    t.grid = withAlpha(t.text, t.dark ? 55 : 45);
    t.subGrid = withAlpha(t.text, t.dark ? 24 : 18);
    t.zeroLine = withAlpha(t.text, 110);
    t.legendBrush = withAlpha(base, 225);
    t.legendBorder = withAlpha(t.text, 70);
    if (t.dark) {
        t.primary = QColor(0x64, 0xb5, 0xf6);   // blue 300
        t.secondary = QColor(0xbd, 0xbd, 0xbd); // grey 400
        t.spot = QColor(0xe0, 0xe0, 0xe0);
        t.breakEven = QColor(0x4d, 0xb6, 0xac); // teal 300
        t.danger = QColor(0xef, 0x53, 0x50);    // red 400
        t.highlight = QColor(0xff, 0xb7, 0x4d); // orange 300
        t.accent = QColor(0x4d, 0xb6, 0xac);    // teal 300
        t.zone = withAlpha(t.danger, 40);
    } else {
        t.primary = QColor(0x15, 0x65, 0xc0);   // blue 800
        t.secondary = QColor(0x75, 0x75, 0x75); // grey 600
        t.spot = QColor(0x42, 0x42, 0x42);
        t.breakEven = QColor(0x00, 0x79, 0x6b); // teal 700
        t.danger = QColor(0xc6, 0x28, 0x28);    // red 800, as risk::colorFor(Danger)
        t.highlight = QColor(0xef, 0x6c, 0x00); // orange 800
        t.accent = QColor(0x00, 0x79, 0x6b);    // teal 700
        t.zone = withAlpha(t.danger, 28);
    }
    return t;
}

void ChartTheme::applyTo(QCustomPlot *plot) const
{
    plot->setBackground(background);
    const auto styleAxis = [this](QCPAxis *a) {
        a->setBasePen(QPen(axis, 1));
        a->setTickPen(QPen(axis, 1));
        a->setSubTickPen(QPen(axis, 1));
        a->setTickLabelColor(text);
        a->setLabelColor(text);
        a->grid()->setPen(QPen(grid, 0, Qt::DotLine));
        a->grid()->setSubGridPen(QPen(subGrid, 0, Qt::DotLine));
        a->grid()->setZeroLinePen(Qt::NoPen);
    };
    for (QCPAxisRect *rect : plot->axisRects()) {
        rect->setBackground(Qt::NoBrush);
        for (QCPAxis *a : rect->axes())
            styleAxis(a);
    }
    // Title rows, legends (inside the axis rects' inset layouts) and the colour scales of the heat maps.
    for (QCPLayoutElement *element : plot->plotLayout()->elements(true)) {
        if (auto *legend = qobject_cast<QCPLegend *>(element)) {
            legend->setBrush(legendBrush);
            legend->setBorderPen(QPen(legendBorder));
            legend->setTextColor(text);
        } else if (auto *item = qobject_cast<QCPAbstractLegendItem *>(element)) {
            item->setTextColor(text); // items copy the legend's colour when they are made
        } else if (auto *title = qobject_cast<QCPTextElement *>(element))
            title->setTextColor(text);
        else if (auto *scale = qobject_cast<QCPColorScale *>(element))
            styleAxis(scale->axis());
    }
}

} // namespace lp
