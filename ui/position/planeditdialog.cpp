#include "planeditdialog.h"

#include "engine.h"
#include "plancomparison.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace lp {

namespace {

// The comparison table with its first column named for what it is here: the plan before the edit.
class BeforeAfterProxy : public QIdentityProxyModel {
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation == Qt::Horizontal && section == 0 && role == Qt::DisplayRole)
            return PlanEditDialog::tr("Before");
        if (orientation == Qt::Horizontal && section == 0 && role == Qt::ToolTipRole)
            return PlanEditDialog::tr("The current plan, before the edit");
        return QIdentityProxyModel::headerData(section, orientation, role);
    }
};

} // namespace

PlanEditDialog::PlanEditDialog(Kind kind, std::shared_ptr<const PlanResult> before, const CloseOptions &close,
                               QWidget *parent)
    : QDialog(parent), m_kind(kind), m_before(std::move(before)), m_close(close),
      m_edit(std::make_unique<Expected<PlanEdit>>(ValidationError{})), m_summary(new QLabel),
      m_table(new QTableView), m_comparison(new PlanComparison(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Apply | QDialogButtonBox::Cancel))
{
    setWindowTitle(stepName(kind));
    setObjectName(QStringLiteral("planEditDialog"));
    auto *layout = new QVBoxLayout(this);
    const PositionFigures &now = m_before->position;
    if (kind == Kind::RepayToHealthFactor || kind == Kind::DeleverageToLeverage) {
        auto *form = new QFormLayout;
        m_target = new QDoubleSpinBox;
        m_target->setObjectName(QStringLiteral("planEditTarget"));
        m_target->setDecimals(3);
        m_target->setSingleStep(0.05);
        m_target->setKeyboardTracking(false);
        if (kind == Kind::RepayToHealthFactor) {
            // Any health factor above 1; the current one plus a step is where most repays start.
            m_target->setRange(1.001, 1e6);
            const double hf = std::isfinite(now.healthFactor) ? now.healthFactor : 1.0;
            m_target->setValue(std::max(1.001, std::ceil((hf + 0.25) * 20.0) / 20.0));
            form->addRow(tr("Health factor to reach:"), m_target);
        } else {
            m_target->setRange(1.0, std::isfinite(now.leverage) ? std::max(1.0, now.leverage) : 1.0);
            m_target->setValue(std::max(1.0, 1.0 + (now.leverage - 1.0) / 2.0));
            form->addRow(tr("Leverage to reach:"), m_target);
        }
        layout->addLayout(form);
        connect(m_target, &QDoubleSpinBox::valueChanged, this, &PlanEditDialog::recompute);
    }
    m_summary->setObjectName(QStringLiteral("planEditSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    m_table->setObjectName(QStringLiteral("planEditComparison"));
    auto *proxy = new BeforeAfterProxy(this);
    proxy->setSourceModel(m_comparison);
    m_table->setModel(proxy);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMinimumSize(560, 380);
    layout->addWidget(m_table, 1);
    m_buttons->button(QDialogButtonBox::Apply)->setText(tr("Apply"));
    m_buttons->button(QDialogButtonBox::Apply)
        ->setToolTip(tr("Make the plan after the edit the current plan (one step of Edit > Undo)"));
    connect(m_buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, [this] {
        if (canApply())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);
    m_comparison->setCurrent(m_before);
    recompute();
}

PlanEditDialog::~PlanEditDialog() = default;

QString PlanEditDialog::actionText(Kind kind)
{
    switch (kind) {
    case Kind::AddLoop:
        return tr("Add a &Loop...");
    case Kind::RepayToHealthFactor:
        return tr("&Repay to Reach HF...");
    case Kind::DeleverageToLeverage:
        return tr("&Deleverage to Leverage...");
    case Kind::CloseNow:
        return tr("&Close Now...");
    }
    return {};
}

QString PlanEditDialog::stepName(Kind kind)
{
    switch (kind) {
    case Kind::AddLoop:
        return tr("Add a Loop");
    case Kind::RepayToHealthFactor:
        return tr("Repay to Reach HF");
    case Kind::DeleverageToLeverage:
        return tr("Deleverage to Leverage");
    case Kind::CloseNow:
        return tr("Close Now");
    }
    return {};
}

void PlanEditDialog::setTarget(double target)
{
    if (m_target)
        m_target->setValue(target);
}

bool PlanEditDialog::canApply() const
{
    return m_edit->hasValue();
}

Plan PlanEditDialog::editedPlan() const
{
    return canApply() ? m_edit->value().plan : m_before->plan;
}

void PlanEditDialog::recompute()
{
    const Plan &plan = m_before->plan;
    switch (m_kind) {
    case Kind::AddLoop:
        *m_edit = addLoop(plan);
        break;
    case Kind::RepayToHealthFactor:
        *m_edit = repayToHealthFactor(plan, m_target->value());
        break;
    case Kind::DeleverageToLeverage:
        *m_edit = deleverageToLeverage(plan, m_target->value(), m_close.method);
        break;
    case Kind::CloseNow:
        *m_edit = closeNow(plan, m_close);
        // As the report: a sell-to-repay close that cannot start falls back to a flash close.
        if (!m_edit->hasValue() && m_close.method == CloseMethod::SellToRepay) {
            CloseOptions flash = m_close;
            flash.method = CloseMethod::FlashClose;
            *m_edit = closeNow(plan, flash);
        }
        break;
    }
    m_comparison->unpinAll();
    std::shared_ptr<const PlanResult> after;
    if (m_edit->hasValue()) {
        Expected<PlanResult> r = computePlan(m_edit->value().plan);
        if (r)
            after = std::make_shared<const PlanResult>(std::move(r).value());
        else
            *m_edit = r.errors();
    }
    if (after) {
        m_comparison->pin(after, tr("After: %1").arg(stepName(m_kind)));
        m_summary->setText(m_edit->value().summary);
    } else {
        m_summary->setText(tr("This edit cannot be made: %1").arg(formatErrors(m_edit->errors()).trimmed()));
    }
    m_buttons->button(QDialogButtonBox::Apply)->setEnabled(canApply());
}

} // namespace lp
