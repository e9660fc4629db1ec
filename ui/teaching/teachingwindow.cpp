#include "teachingwindow.h"

#include "displayformat.h"
#include "engine.h"
#include "plansession.h"
#include "safefile.h"
#include "teachingcanvas.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QShortcut>
#include <QSlider>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace lp {

namespace {

constexpr int kStepMilliseconds = 2600; // one frame at 1x while playing
constexpr int kMaxPriceMovePct = 60;

} // namespace

TeachingWindow::TeachingWindow(PlanSession *session, QWidget *parent)
    : QWidget(parent, Qt::Window), m_session(session), m_canvas(new TeachingCanvas), m_title(new QLabel),
      m_story(new QLabel), m_formulas(new QLabel), m_symbols(new QLabel),
      m_back(new QPushButton(tr("◀ Back"))), m_play(new QPushButton(tr("Play"))),
      m_forward(new QPushButton(tr("Forward ▶"))), m_speed(new QComboBox), m_jump(new QComboBox),
      m_price(new QSlider(Qt::Horizontal)), m_priceLabel(new QLabel),
      m_large(new QCheckBox(tr("Large text"))), m_fullScreen(new QToolButton), m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("teachingWindow"));
    setWindowTitle(tr("Learn how a loop works"));
    setFocusPolicy(Qt::StrongFocus);
    m_baseFontPointSize = font().pointSize();

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("teachingTitle"));
    m_story->setObjectName(QStringLiteral("teachingStory"));
    m_story->setWordWrap(true);
    m_story->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_formulas->setObjectName(QStringLiteral("teachingFormulas"));
    m_formulas->setWordWrap(true);
    m_formulas->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_formulas->setTextFormat(Qt::PlainText);
    m_formulas->setToolTip(tr("The formulas behind this step, with the plan's own numbers"));
    m_symbols->setObjectName(QStringLiteral("teachingSymbols"));
    m_symbols->setWordWrap(true);
    m_symbols->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_symbols->setToolTip(tr("What the letters in the formulas stand for"));

    m_speed->addItem(tr("0.5x"), 0.5);
    m_speed->addItem(tr("1x"), 1.0);
    m_speed->addItem(tr("2x"), 2.0);
    m_speed->setCurrentIndex(1);
    m_speed->setToolTip(tr("Playback speed"));
    m_jump->setToolTip(tr("Jump to a step"));
    m_jump->setObjectName(QStringLiteral("teachingJump"));
    m_back->setObjectName(QStringLiteral("teachingBack"));
    m_forward->setObjectName(QStringLiteral("teachingForward"));
    m_play->setObjectName(QStringLiteral("teachingPlay"));
    m_speed->setObjectName(QStringLiteral("teachingSpeed"));
    m_back->setToolTip(tr("Previous step (Left arrow)"));
    m_forward->setToolTip(tr("Next step (Right arrow)"));
    m_play->setToolTip(tr("Play or pause the walk-through (Space)"));
    m_play->setCheckable(true);

    m_price->setObjectName(QStringLiteral("teachingPrice"));
    m_price->setRange(-kMaxPriceMovePct, kMaxPriceMovePct);
    m_price->setTickPosition(QSlider::TicksBelow);
    m_price->setTickInterval(10);
    m_price->setToolTip(tr("What if Token A's price moves? Jumps to monitoring."));
    m_priceLabel->setMinimumWidth(
        m_priceLabel->fontMetrics().horizontalAdvance(QStringLiteral("+60 % → $000,000")));
    m_fullScreen->setText(tr("Full screen"));
    m_fullScreen->setObjectName(QStringLiteral("teachingFullScreen"));
    m_fullScreen->setCheckable(true);
    auto *exportButton = new QPushButton(tr("Export PNG..."));
    exportButton->setToolTip(tr("Save this step as a picture"));

    auto *steps = new QHBoxLayout;
    steps->addWidget(m_back);
    steps->addWidget(m_play);
    steps->addWidget(m_forward);
    steps->addWidget(m_speed);
    steps->addWidget(m_jump, 1);
    steps->addWidget(m_large);
    steps->addWidget(m_fullScreen);
    steps->addWidget(exportButton);

    auto *whatIf = new QHBoxLayout;
    whatIf->addWidget(new QLabel(tr("What if the price moves:")));
    for (int pct : {-10, -20, -30}) {
        auto *button = new QPushButton(tr("%1 %").arg(pct));
        button->setObjectName(QStringLiteral("teachingMove%1").arg(-pct));
        connect(button, &QPushButton::clicked, this, [this, pct] { m_price->setValue(pct); });
        whatIf->addWidget(button);
    }
    whatIf->addWidget(m_price, 1);
    whatIf->addWidget(m_priceLabel);
    auto *reset = new QPushButton(tr("Reset"));
    connect(reset, &QPushButton::clicked, this, [this] { m_price->setValue(0); });
    whatIf->addWidget(reset);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_story);
    layout->addWidget(m_formulas);
    layout->addWidget(m_symbols);
    layout->addLayout(whatIf);
    layout->addLayout(steps);

    connect(m_back, &QPushButton::clicked, this, &TeachingWindow::previous);
    connect(m_forward, &QPushButton::clicked, this, &TeachingWindow::next);
    connect(m_play, &QPushButton::toggled, this, &TeachingWindow::setPlaying);
    connect(m_jump, &QComboBox::activated, this, &TeachingWindow::setCurrentIndex);
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] {
        m_timer->setInterval(static_cast<int>(kStepMilliseconds / m_speed->currentData().toDouble()));
    });
    connect(m_price, &QSlider::valueChanged, this, [this](int pct) { setPriceChange(pct / 100.0); });
    connect(m_large, &QCheckBox::toggled, this, &TeachingWindow::setLargeText);
    connect(m_fullScreen, &QToolButton::toggled, this,
            [this](bool on) { on ? showFullScreen() : showNormal(); });
    connect(exportButton, &QPushButton::clicked, this, &TeachingWindow::exportWithDialog);
    m_timer->setInterval(kStepMilliseconds);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (m_index + 1 >= frameCount())
            setPlaying(false);
        else
            next();
    });
    connect(m_session, &PlanSession::resultChanged, this, &TeachingWindow::rebuild);

    addKeys();
    rebuild(m_session->result());
    resize(sizeHint().expandedTo(QSize(980, 720)));
}

TeachingWindow::~TeachingWindow() = default;

const TeachingFrame &TeachingWindow::currentFrame() const
{
    if (m_index == monitorIndex() && m_priceChange != 0.0)
        return m_whatIf;
    return m_frames.at(static_cast<size_t>(m_index));
}

bool TeachingWindow::isPlaying() const
{
    return m_timer->isActive();
}

int TeachingWindow::monitorIndex() const
{
    const auto it = std::find_if(m_frames.begin(), m_frames.end(),
                                 [](const TeachingFrame &f) { return f.stage == TeachingStage::Monitor; });
    return it == m_frames.end() ? -1 : static_cast<int>(it - m_frames.begin());
}

void TeachingWindow::rebuild(const std::shared_ptr<const PlanResult> &result)
{
    if (!result)
        return;
    m_result = result;
    m_frames = teachingFrames(*result);
    // One scale for the whole walk-through, so the bars grow as the loops add up.
    m_scaleUsd = 1.0;
    for (const TeachingFrame &f : m_frames)
        m_scaleUsd = std::max({m_scaleUsd, f.collateralUsd, f.debtUsd, f.walletUsd});
    m_jump->clear();
    for (const TeachingFrame &f : m_frames)
        m_jump->addItem(f.title);
    m_index = std::clamp(m_index, 0, std::max(0, frameCount() - 1));
    if (m_priceChange != 0.0)
        m_whatIf = whatIfFrame(*m_result, m_priceChange);
    showCurrent();
}

void TeachingWindow::setCurrentIndex(int index)
{
    if (m_frames.empty())
        return;
    m_index = std::clamp(index, 0, frameCount() - 1);
    showCurrent();
}

void TeachingWindow::next()
{
    setCurrentIndex(m_index + 1);
}

void TeachingWindow::previous()
{
    setCurrentIndex(m_index - 1);
}

void TeachingWindow::setPlaying(bool playing)
{
    if (playing && m_index + 1 >= frameCount())
        setCurrentIndex(0); // play from the start once at the end
    playing ? m_timer->start() : m_timer->stop();
    const QSignalBlocker block(m_play);
    m_play->setChecked(playing);
    m_play->setText(playing ? tr("Pause") : tr("Play"));
}

void TeachingWindow::setPriceChange(double fraction)
{
    if (!m_result)
        return;
    m_priceChange = fraction;
    {
        const QSignalBlocker block(m_price);
        m_price->setValue(static_cast<int>(std::lround(fraction * 100.0)));
    }
    m_whatIf = whatIfFrame(*m_result, fraction);
    if (monitorIndex() >= 0)
        m_index = monitorIndex();
    showCurrent();
}

void TeachingWindow::showCurrent()
{
    if (m_frames.empty() || !m_result)
        return;
    const TeachingFrame &f = currentFrame();
    m_title->setText(f.title);
    m_story->setText(f.story);
    m_formulas->setText(f.formulas.join(QLatin1Char('\n')));
    const Plan &plan = m_result->plan;
    m_symbols->setText(tr("C collateral (%1), D debt (%2), PA and PB their prices, CV and DV their values; "
                          "LT the liquidation "
                          "threshold of %1 (%3): the share of the collateral's value that may be borrowed "
                          "before liquidation; "
                          "LTV max the share you may borrow (%4).")
                           .arg(plan.collateral.symbol, plan.borrow.symbol,
                                display::parameter(plan.collateral.liquidationThreshold),
                                display::parameter(plan.collateral.ltv)));
    m_canvas->showFrame(f, m_scaleUsd, m_result->plan.collateral.priceUsd, m_result->plan.collateral.symbol,
                        m_result->plan.borrow.symbol);
    m_back->setEnabled(m_index > 0);
    m_forward->setEnabled(m_index + 1 < frameCount());
    {
        const QSignalBlocker block(m_jump);
        m_jump->setCurrentIndex(m_index);
    }
    m_priceLabel->setText(
        tr("%1 → %2").arg(display::signedPercent(m_priceChange, 0), display::usd(f.priceAUsd, 0)));
    fitTexts();
}

void TeachingWindow::fitTexts()
{
    if (m_fitting)
        return; // the layout below resizes the window, which asks again
    m_fitting = true;
    // Room for every line of the story, the formulas and the symbols, wrapped at the width they have,
    // even when the canvas wants all the height (and at Large text).
    const int width = std::max(200, contentsRect().width() - 2 * layout()->contentsMargins().left());
    for (QLabel *label : {m_story, m_formulas, m_symbols}) {
        const QRect needed =
            label->fontMetrics().boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap, label->text());
        label->setMinimumHeight(needed.height() + label->fontMetrics().lineSpacing() / 2);
    }
    m_priceLabel->setMinimumWidth(
        m_priceLabel->fontMetrics().horizontalAdvance(QStringLiteral("+60 % → $000,000")));
    // At once, not on the next event loop: a PNG exported now must show the texts with their room.
    layout()->activate();
    m_fitting = false;
}

void TeachingWindow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitTexts();
}

void TeachingWindow::setLargeText(bool large)
{
    const double factor = large ? 1.6 : 1.0;
    QFont f = font();
    f.setPointSizeF(m_baseFontPointSize > 0 ? m_baseFontPointSize * factor : f.pointSizeF());
    setFont(f);
    QFont titleFont = f; // the title keeps its own, larger size
    titleFont.setBold(true);
    titleFont.setPointSizeF(f.pointSizeF() * 1.4);
    m_title->setFont(titleFont);
    fitTexts();
    const QSignalBlocker block(m_large);
    m_large->setChecked(large);
}

void TeachingWindow::setAnimationsEnabled(bool enabled)
{
    m_canvas->setAnimationDuration(enabled ? 450 : 0);
}

bool TeachingWindow::exportPng(const QString &path, QString *error)
{
    const QPixmap pixmap = grab();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!pixmap.save(&buffer, "PNG")) {
        if (error)
            *error = tr("the step could not be drawn");
        return false;
    }
    // The one atomic write path: never half a file, never through a link or onto a device.
    const ValidationErrors errors = writeFileAtomically(bytes, path);
    if (!errors.isEmpty()) {
        if (error)
            *error = errors.first().message;
        return false;
    }
    return true;
}

void TeachingWindow::exportWithDialog()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export Step as PNG"),
                                                QStringLiteral("teaching-step-%1.png").arg(m_index + 1),
                                                tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty()) // a name typed without an extension gets .png
        path += QStringLiteral(".png");
    QString error;
    if (!exportPng(path, &error))
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1: %2").arg(path, error));
}

} // namespace lp
