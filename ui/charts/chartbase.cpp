#include "chartbase.h"

#include "plotstyle.h"
#include "qcustomplot_include.h"

#include <QAction>
#include <QVBoxLayout>

namespace lp {

namespace {

// Where the crosshair's read-out sits, as a share of the axis rect's height from its top: below the marker
// labels of the P&L chart (at 3 %, 13 % and 23 %).
constexpr double kReadOutY = 0.33;

} // namespace

ChartBase::ChartBase(const QString &objectName, QSize minimumSize, QWidget *parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_resetAction(new QAction(tr("Reset view"), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_title = plotstyle::setUpPlot(m_plot, objectName, QString());
    m_plot->setMinimumSize(minimumSize);
    m_plot->setInteractions(QCP::Interactions(QCP::iRangeDrag) | QCP::iRangeZoom);
    m_plot->setFocusPolicy(Qt::StrongFocus); // R resets the view from the keyboard
    m_plot->setMouseTracking(true);          // the crosshair follows the mouse without a button held
    // In the status bar, not a tooltip: a tooltip would cover the crosshair's read-out.
    m_plot->setStatusTip(
        tr("Drag to pan, wheel to zoom; double-click, R or the context menu resets the view."));

    // Pinned plans draw under the plan's own curves; the crosshair on a layer of its own so that moving it
    // repaints that layer only.
    m_plot->addLayer(QStringLiteral("pinned"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limBelow);
    m_pinnedLayer = m_plot->layer(QStringLiteral("pinned"));
    m_plot->addLayer(QStringLiteral("crosshair"), m_plot->layer(QStringLiteral("overlay")),
                     QCustomPlot::limAbove);
    m_crosshairLayer = m_plot->layer(QStringLiteral("crosshair"));
    m_crosshairLayer->setMode(QCPLayer::lmBuffered);
    m_crosshairLine = new QCPItemStraightLine(m_plot);
    m_crosshairLine->setLayer(m_crosshairLayer);
    m_crosshairLabel = new QCPItemText(m_plot);
    m_crosshairLabel->setLayer(m_crosshairLayer);
    m_crosshairLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_crosshairLabel->setPadding(QMargins(6, 4, 6, 4));
    m_crosshairLabel->setTextAlignment(Qt::AlignLeft);
    m_crosshairLabel->setClipToAxisRect(false);
    m_crosshairLine->setVisible(false);
    m_crosshairLabel->setVisible(false);

    m_resetAction->setObjectName(QStringLiteral("resetView"));
    m_resetAction->setShortcut(QKeySequence(Qt::Key_R));
    m_resetAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_resetAction->setToolTip(tr("Show the whole curve again and follow every edit"));
    connect(m_resetAction, &QAction::triggered, this, &ChartBase::resetView);
    m_plot->addAction(m_resetAction);
    m_plot->setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, &ChartBase::resetView);
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        QCPAxisRect *rect = m_plot->axisRect();
        if (rect->rect().contains(event->pos()))
            showCrosshairAt(m_plot->xAxis->pixelToCoord(event->position().x()));
        else
            hideCrosshair();
    });
    m_plot->installEventFilter(this);
}

void ChartBase::finishSetup()
{
    for (QCPAxisRect *rect : m_plot->axisRects())
        for (QCPAxis *axis : rect->axes())
            connect(axis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
                    &ChartBase::onAxisRangeChanged);
    applyTheme();
}

QString ChartBase::title() const
{
    return m_title->text();
}

void ChartBase::setTitle(const QString &text)
{
    m_title->setText(text);
}

void ChartBase::onAxisRangeChanged()
{
    if (!m_autoRanging)
        m_userView = true;
}

void ChartBase::refresh()
{
    if (!m_userView) {
        m_autoRanging = true;
        autoRange();
        m_autoRanging = false;
    }
    if (isVisible()) {
        m_plot->replot();
        m_dirty = false;
    } else {
        m_dirty = true; // replotted when shown: a chart on a background tab costs nothing per edit
    }
}

void ChartBase::resetView()
{
    m_userView = false;
    refresh();
}

void ChartBase::setPinned(const PinnedPlots &pinned)
{
    clearPinned();
    for (const PinnedPlot &p : pinned)
        if (p.result && m_pinned.size() < static_cast<size_t>(kMaxPinned))
            m_pinned.push_back(p);
    drawPinned(m_pinned);
    refresh();
}

void ChartBase::clearPinned()
{
    for (QCPGraph *graph : m_pinnedGraphs)
        m_plot->removeGraph(graph);
    for (QCPAbstractItem *item : m_pinnedItems)
        m_plot->removeItem(item);
    m_pinnedGraphs.clear();
    m_pinnedItems.clear();
    m_pinned.clear();
}

QCPGraph *ChartBase::addPinnedGraph(QCPAxis *keyAxis, QCPAxis *valueAxis, const PinnedPlot &pinned)
{
    QCPGraph *graph = m_plot->addGraph(keyAxis, valueAxis);
    graph->setLayer(m_pinnedLayer);
    // One pixel wide: thin next to the plan's own curve, and a third of the cost of a wider pen per replot
    // (bench/bench_replot).
    graph->setPen(QPen(pinnedColor(pinned), 1.0));
    graph->setName(pinned.name);
    m_pinnedGraphs.push_back(graph);
    return graph;
}

QColor ChartBase::pinnedColor(const PinnedPlot &pinned) const
{
    constexpr int kMinLightnessOnDark = 120;
    if (!m_theme.dark || pinned.color.lightness() >= kMinLightnessOnDark)
        return pinned.color;
    QColor lighter = pinned.color.toHsl();
    lighter.setHsl(lighter.hslHue(), lighter.hslSaturation(), kMinLightnessOnDark + 40);
    return lighter;
}

void ChartBase::trackPinnedItem(QCPAbstractItem *item)
{
    item->setLayer(m_pinnedLayer);
    m_pinnedItems.push_back(item);
}

QString ChartBase::readOut(double) const
{
    return {};
}

void ChartBase::showCrosshairAt(double x)
{
    const QString text = readOut(x);
    if (text.isEmpty()) {
        hideCrosshair();
        return;
    }
    m_crosshairLine->point1->setCoords(x, 0);
    m_crosshairLine->point2->setCoords(x, 1);
    // The read-out beside the line, on the side with more room.
    const QCPRange range = m_plot->xAxis->range();
    const bool leftOfLine = x > range.center();
    m_crosshairLabel->setPositionAlignment((leftOfLine ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
    m_crosshairLabel->position->setTypeX(QCPItemPosition::ptPlotCoords);
    m_crosshairLabel->position->setCoords(x, kReadOutY);
    m_crosshairLabel->setText(text);
    m_crosshairLine->setVisible(true);
    m_crosshairLabel->setVisible(true);
    m_crosshairLayer->replot();
}

void ChartBase::hideCrosshair()
{
    if (!m_crosshairLine->visible())
        return;
    m_crosshairLine->setVisible(false);
    m_crosshairLabel->setVisible(false);
    m_crosshairLayer->replot();
}

bool ChartBase::isCrosshairVisible() const
{
    return m_crosshairLine->visible();
}

double ChartBase::crosshairKey() const
{
    return m_crosshairLine->point1->coords().x();
}

QString ChartBase::crosshairText() const
{
    return isCrosshairVisible() ? m_crosshairLabel->text() : QString();
}

void ChartBase::applyTheme()
{
    m_theme = ChartTheme::fromPalette(palette());
    m_theme.applyTo(m_plot);
    m_crosshairLine->setPen(QPen(m_theme.text, 1, Qt::DashLine));
    m_crosshairLabel->setColor(m_theme.text);
    m_crosshairLabel->setBrush(m_theme.legendBrush);
    m_crosshairLabel->setPen(QPen(m_theme.legendBorder));
    restyle(m_theme);
    if (!m_pinned.empty()) {
        const PinnedPlots pinnedCopy = m_pinned; // redrawn in colours for the new background
        setPinned(pinnedCopy);
    }
    if (isVisible())
        m_plot->replot();
    else
        m_dirty = true;
}

void ChartBase::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

void ChartBase::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty) {
        m_dirty = false;
        m_plot->replot();
    }
}

bool ChartBase::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && event->type() == QEvent::Leave)
        hideCrosshair();
    return QWidget::eventFilter(watched, event);
}

} // namespace lp
