#include "comparisonpanel.h"

#include "comparisoncompute.h"
#include "plancomparison.h"
#include "tabletext.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QInputDialog>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <array>

namespace lp {

namespace {

// Adds each pinned plan's colour swatch to its column title.
class SwatchProxy : public QIdentityProxyModel {
public:
    explicit SwatchProxy(PlanComparison *comparison, QObject *parent)
        : QIdentityProxyModel(parent), m_comparison(comparison)
    {
        setSourceModel(comparison);
    }

    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DecorationRole || section < 1)
            return QIdentityProxyModel::headerData(section, orientation, role);
        const auto &pinned = m_comparison->pinned();
        const auto i = static_cast<size_t>(section - 1);
        if (i >= pinned.size())
            return {};
        QPixmap swatch(12, 12);
        swatch.fill(Qt::transparent);
        QPainter painter(&swatch);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(ComparisonPanel::slotColor(pinned[i].slot));
        painter.drawEllipse(QRectF(1, 1, 10, 10));
        painter.end();
        return QIcon(swatch);
    }

private:
    PlanComparison *m_comparison;
};

QToolButton *buttonFor(QAction *action)
{
    auto *button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

QColor ComparisonPanel::slotColor(int slot)
{
    // Orange 700, purple 400, light green 700, pink 400.
    static const std::array<QColor, PlanComparison::kMaxPinned> colors = {
        QColor(0xf5, 0x7c, 0x00), QColor(0xab, 0x47, 0xbc), QColor(0x68, 0x9f, 0x38),
        QColor(0xec, 0x40, 0x7a)};
    return colors.at(static_cast<size_t>(std::clamp(slot, 0, PlanComparison::kMaxPinned - 1)));
}

ComparisonPanel::ComparisonPanel(QWidget *parent)
    : QWidget(parent), m_comparison(new PlanComparison(this)),
      m_compute(new ComparisonCompute(m_comparison, this)), m_table(new QTableView), m_hint(new QLabel),
      m_computing(new QLabel), m_pin(new QAction(tr("&Pin Current Plan"), this)),
      m_rename(new QAction(tr("&Rename..."), this)), m_unpin(new QAction(tr("&Unpin"), this)),
      m_unpinAll(new QAction(tr("Unpin &All"), this)),
      m_copy(new QAction(tr("&Copy as Tab-Separated Text"), this))
{
    setObjectName(QStringLiteral("comparisonPanel"));
    m_pin->setObjectName(QStringLiteral("actionPinPlan"));
    m_pin->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_pin->setStatusTip(tr("Keep a snapshot of the current plan to compare: its curves stay on every chart"));
    m_rename->setStatusTip(tr("Rename the selected pinned plan"));
    m_unpin->setStatusTip(tr("Remove the selected pinned plan from the comparison"));
    m_unpinAll->setObjectName(QStringLiteral("actionUnpinAll"));
    m_unpinAll->setStatusTip(tr("Remove every pinned plan from the comparison"));
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    m_table->setObjectName(QStringLiteral("comparisonTable"));
    m_table->setModel(new SwatchProxy(m_comparison, this));
    m_table->setSelectionBehavior(QAbstractItemView::SelectColumns);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->addActions({m_rename, m_unpin, m_copy});
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->horizontalHeader()->addActions({m_rename, m_unpin});
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_hint->setObjectName(QStringLiteral("comparisonHint"));
    m_hint->setWordWrap(true);
    m_hint->setText(tr("Pin the current plan (Ctrl+Shift+P) to keep it on the charts while you try another; "
                       "up to %1 plans. Double-click a column title to rename it.")
                        .arg(PlanComparison::kMaxPinned));

    m_computing->setObjectName(QStringLiteral("comparisonComputing"));
    m_computing->setText(tr("Simulating the protection rules…"));
    m_computing->setToolTip(tr("Each column's rules on 20,000 Monte Carlo paths, off the window's thread"));
    m_computing->setVisible(false);
    // What the user types never waits for the simulation: its figures come when they are ready.
    m_comparison->setProtectionDeferred(true);

    auto *buttons = new QHBoxLayout;
    for (QAction *action : {m_pin, m_rename, m_unpin, m_unpinAll})
        buttons->addWidget(buttonFor(action));
    buttons->addWidget(m_hint, 1);
    buttons->addWidget(m_computing);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);

    connect(m_pin, &QAction::triggered, this, [this] { pinCurrent(); });
    connect(m_rename, &QAction::triggered, this, [this] { askRename(selectedPinned()); });
    connect(m_unpin, &QAction::triggered, this, [this] { unpin(selectedPinned()); });
    connect(m_unpinAll, &QAction::triggered, this, &ComparisonPanel::unpinAll);
    connect(m_copy, &QAction::triggered, this, [this] { QApplication::clipboard()->setText(copyText()); });
    connect(m_table->horizontalHeader(), &QHeaderView::sectionDoubleClicked, this,
            [this](int section) { askRename(section - 1); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ComparisonPanel::updateActions);
    connect(m_comparison, &PlanComparison::pinnedChanged, this, [this] {
        updateActions();
        m_compute->schedule();
        emit pinnedPlotsChanged();
    });
    connect(m_compute, &ComparisonCompute::computingChanged, m_computing, &QLabel::setVisible);
    updateActions();
}

void ComparisonPanel::setCurrent(std::shared_ptr<const PlanResult> result)
{
    m_comparison->setCurrent(std::move(result));
    m_compute->schedule();
    updateActions();
}

void ComparisonPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_compute->setActive(true);
}

void ComparisonPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_compute->setActive(false);
}

int ComparisonPanel::pinCurrent(const QString &name)
{
    const int index = m_comparison->pin(m_comparison->current(), name);
    if (index >= 0)
        m_table->selectColumn(PlanComparison::columnOf(index));
    return index;
}

bool ComparisonPanel::renamePinned(int index, const QString &name)
{
    return m_comparison->rename(index, name);
}

void ComparisonPanel::unpin(int index)
{
    m_comparison->unpin(index);
}

void ComparisonPanel::unpinAll()
{
    m_comparison->unpinAll();
}

PinnedPlots ComparisonPanel::pinnedPlots() const
{
    PinnedPlots plots;
    for (const PlanComparison::Pinned &p : m_comparison->pinned())
        plots.push_back({p.name, slotColor(p.slot), p.result});
    return plots;
}

int ComparisonPanel::selectedPinned() const
{
    const int column = m_table->currentIndex().isValid() ? m_table->currentIndex().column() : -1;
    const int index = column - 1;
    return index >= 0 && index < static_cast<int>(m_comparison->pinned().size()) ? index : -1;
}

QString ComparisonPanel::copyText() const
{
    // Figures as rows, the figure's name first: the vertical header becomes the first column.
    QString text = tableAsTsv(*m_comparison, PlanComparison::RawValueRole, locale());
    QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < lines.size(); ++i)
        lines[i].prepend((i == 0
                              ? tr("Figure")
                              : m_comparison->headerData(static_cast<int>(i - 1), Qt::Vertical).toString()) +
                         QLatin1Char('\t'));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void ComparisonPanel::updateActions()
{
    const bool hasCurrent = m_comparison->current() != nullptr;
    m_pin->setEnabled(hasCurrent && !m_comparison->isFull());
    m_pin->setToolTip(m_comparison->isFull()
                          ? tr("%1 plans are pinned: unpin one first").arg(PlanComparison::kMaxPinned)
                          : tr("Pin the current plan for comparison (Ctrl+Shift+P)"));
    const bool selected = selectedPinned() >= 0;
    m_rename->setEnabled(selected);
    m_unpin->setEnabled(selected);
    m_unpinAll->setEnabled(!m_comparison->pinned().empty());
}

void ComparisonPanel::askRename(int index)
{
    if (index < 0 || index >= static_cast<int>(m_comparison->pinned().size()))
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Pinned Plan"), tr("Name:"), QLineEdit::Normal,
                                               m_comparison->pinned()[static_cast<size_t>(index)].name, &ok);
    if (ok)
        renamePinned(index, name);
}

} // namespace lp
