#include "planform.h"

#include "displayformat.h"
#include "formfield.h"
#include "inputguard.h"
#include "loopcountinput.h"
#include "numberspinbox.h"
#include "planfields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

namespace lp {

PlanForm::PlanForm(QWidget *parent) : QWidget(parent), m_plan(defaultPlan())
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildCollateralGroup());
    layout->addWidget(buildBorrowGroup());
    layout->addWidget(buildPositionGroup());
    layout->addWidget(buildCostsGroup());
    layout->addWidget(buildOutlookGroup());
    layout->addStretch(1);
    alignLabelColumns();
    (new InputGuard(this))->guard(this);
    setPlan(m_plan);
}

void PlanForm::alignLabelColumns()
{
    // One label column for all groups, so the editors line up down the whole form.
    const QList<QFormLayout *> forms = findChildren<QFormLayout *>();
    QList<QWidget *> labels;
    int width = 0;
    for (QFormLayout *form : forms) {
        for (int row = 0; row < form->rowCount(); ++row) {
            if (QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole); item && item->widget()) {
                labels.append(item->widget());
                width = std::max(width, item->widget()->sizeHint().width());
            }
        }
    }
    for (QWidget *label : std::as_const(labels))
        label->setMinimumWidth(width);
}

template <class Change> void PlanForm::edit(Change change)
{
    change(m_plan);
    refreshDerived();
    emit planEdited(m_plan);
}

FormField *PlanForm::addField(QFormLayout *layout, const QString &path, const QString &title,
                              const QString &help, QWidget *editor, QWidget *row)
{
    editor->setObjectName(path);
    auto *field = new FormField(path, title, editor, row);
    field->setHelp(help);
    auto *label = new QLabel(title);
    label->setBuddy(editor);
    label->setToolTip(help);
    field->setTitleLabel(label);
    layout->addRow(label, field);
    m_fields.insert(path, field);
    return field;
}

NumberSpinBox *PlanForm::addNumber(QFormLayout *layout, const QString &path, const QString &title,
                                   const QString &help, const NumberSpec &spec, QWidget *besideEditor)
{
    auto *box = new NumberSpinBox;
    box->setDecimals(spec.decimals);
    box->setRange(spec.minimum, spec.maximum);
    box->setSuffix(spec.suffix);
    box->setMinimumDisplayDecimals(spec.minimumDisplayDecimals);
    box->setGroupSeparatorShown(true);
    if (spec.step > 0) {
        box->setSingleStep(spec.step);
    } else {
        box->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    }
    QWidget *row = nullptr;
    if (besideEditor) {
        row = new QWidget;
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->addWidget(box, 3);
        rowLayout->addWidget(besideEditor, 2);
    }
    addField(layout, path, title, help, box, row);
    // The editor reads and writes the plan through the field table's row of its path. Editing a value the
    // market supplied (Plan::presetFields) makes it the plan's own, so that a later preset update does not
    // overwrite what the user typed.
    const PlanField *planValue = planField(path);
    Q_ASSERT(planValue && planValue->isNumeric());
    const double scale = spec.scale;
    m_numbers.push_back({box, scale, planValue});
    const MarketFields ownValue = planValue->market ? MarketFields(*planValue->market) : MarketFields();
    connect(box, &QDoubleSpinBox::valueChanged, this, [this, planValue, scale, ownValue](double shown) {
        edit([&](Plan &p) {
            planValue->set(p, shown / scale);
            p.presetFields &= ~ownValue;
        });
    });
    return box;
}

QLineEdit *PlanForm::addSymbol(QFormLayout *layout, const QString &path, const QString &title,
                               const QString &help, TextRef ref)
{
    auto *line = new QLineEdit;
    const PlanField *planValue = planField(path);
    Q_ASSERT(planValue && planValue->maxLength > 0);
    // One more than validatePlan() accepts, so that its message is reachable.
    line->setMaxLength(planValue->maxLength + 1);
    line->setClearButtonEnabled(true);
    addField(layout, path, title, help, line);
    connect(line, &QLineEdit::textEdited, this,
            [this, ref](const QString &text) { edit([&](Plan &p) { ref(p) = text; }); });
    return line;
}

QGroupBox *PlanForm::buildCollateralGroup()
{
    auto *group = new QGroupBox(tr("Token A (collateral)"));
    auto *form = new QFormLayout(group);
    const QString pct = tr(" %");
    m_collateralSymbol = addSymbol(form, QStringLiteral("collateral.symbol"), tr("Symbol"),
                                   tr("Ticker of Token A, the asset you deposit and loop (e.g. wstETH)."),
                                   [](Plan &p) -> QString & { return p.collateral.symbol; });
    addNumber(
        form, QStringLiteral("collateral.priceUsd"), tr("Price"),
        tr("Token A's price in USD today. The position opens at this price; the chart sweeps around it."),
        {1e-6, limits::maxPriceUsd, 6, tr(" USD"), 1, 0, 2});
    addNumber(form, QStringLiteral("collateral.ltv"), tr("Max LTV"),
              tr("Maximum loan-to-value of Token A on this market: you may borrow up to this share of your "
                 "collateral's value."),
              {0, 99.99, 2, pct, 100, 0.5});
    addNumber(form, QStringLiteral("collateral.liquidationThreshold"), tr("Liquidation threshold"),
              tr("When debt value exceeds this share of the collateral value (health factor below 1), "
                 "liquidators may repay part of the debt and seize collateral. Must be above the max LTV."),
              {0.01, 100, 2, pct, 100, 0.5});
    addNumber(form, QStringLiteral("collateral.liquidationBonus"), tr("Liquidation bonus"),
              tr("Extra collateral a liquidator receives on top of the debt it repays: at 5 % it seizes "
                 "105 % of the repaid value. This is what a liquidation costs you."),
              {0, 50, 2, pct, 100, 0.5});
    addNumber(form, QStringLiteral("collateral.supplyApy"), tr("Supply APY"),
              tr("Interest the market pays on supplied Token A, per year."),
              {-99.99, 1000, 2, pct, 100, 0.1});
    addNumber(
        form, QStringLiteral("collateral.nativeYield"), tr("Native yield"),
        tr("Yield Token A earns by itself, e.g. the staking yield of a liquid staking token, per year."),
        {-99.99, 1000, 2, pct, 100, 0.1});
    return group;
}

QGroupBox *PlanForm::buildBorrowGroup()
{
    auto *group = new QGroupBox(tr("Borrow asset (B)"));
    auto *form = new QFormLayout(group);
    m_borrowSymbol =
        addSymbol(form, QStringLiteral("borrow.symbol"), tr("Symbol"),
                  tr("Ticker of the asset you borrow and swap into Token A (e.g. WETH or USDC)."),
                  [](Plan &p) -> QString & { return p.borrow.symbol; });
    addNumber(form, QStringLiteral("borrow.priceUsd"), tr("Price"),
              tr("The borrow asset's price in USD today."),
              {1e-6, limits::maxPriceUsd, 6, tr(" USD"), 1, 0, 2});
    m_tracksCollateral = new QCheckBox(tr("Borrow asset tracks Token A"));
    addField(
        form, QStringLiteral("borrow.priceModel"), tr("Price model"),
        tr("Tick when the borrow asset moves with Token A (e.g. wstETH against ETH): then the A/B price "
           "ratio decides liquidation, and the summary shows a liquidation ratio instead of a USD price."),
        m_tracksCollateral);
    connect(m_tracksCollateral, &QCheckBox::toggled, this, [this](bool tracks) {
        edit([tracks](Plan &p) {
            p.borrow.priceModel = tracks ? PriceModel::TracksCollateral : PriceModel::Fixed;
        });
    });
    addNumber(form, QStringLiteral("borrow.borrowApy"), tr("Borrow APY"),
              tr("Interest you pay on the debt, per year."), {-99.99, 1000, 2, tr(" %"), 100, 0.1});
    return group;
}

QGroupBox *PlanForm::buildPositionGroup()
{
    auto *group = new QGroupBox(tr("Position"));
    auto *form = new QFormLayout(group);
    m_depositUsd = new QLabel;
    m_depositUsd->setObjectName(QStringLiteral("depositUsd"));
    m_depositUsd->setToolTip(tr("The deposit's value at Token A's price."));
    m_depositUsd->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // Takes the room the row gives it; a long text must not widen the whole form.
    m_depositUsd->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_deposit = addNumber(form, QStringLiteral("deposit"), tr("Deposit"),
                          tr("Units of Token A you put in yourself. Its USD value at today's price is shown "
                             "beside it."),
                          {1e-6, limits::maxDeposit, 6, {}, 1, 0, 0}, m_depositUsd);

    m_strategyMode = new QComboBox;
    m_strategyMode->addItem(tr("Loop count"), static_cast<int>(StrategyMode::Loops));
    m_strategyMode->addItem(tr("Target leverage"), static_cast<int>(StrategyMode::TargetLeverage));
    m_strategyMode->addItem(tr("Target health factor"), static_cast<int>(StrategyMode::TargetHealthFactor));
    addField(
        form, QStringLiteral("strategy.mode"), tr("Strategy"),
        tr("How far to lever up: a fixed number of loops, a target leverage, or a target health factor."),
        m_strategyMode);
    connect(m_strategyMode, &QComboBox::currentIndexChanged, this, [this](int index) {
        const auto mode = static_cast<StrategyMode>(m_strategyMode->itemData(index).toInt());
        const int used = m_loopsUsed;
        edit([mode, used](Plan &p) {
            // Back to a loop count: the one the target reached, not the stale one from before.
            if (mode == StrategyMode::Loops && p.strategy.mode != StrategyMode::Loops && used >= 0)
                p.strategy.loops = used;
            p.strategy.mode = mode;
        });
        m_loops->setValue(loopsShown());
    });

    m_loops = new LoopCountInput;
    m_loops->slider()->setObjectName(QStringLiteral("strategy.loops.slider"));
    addField(form, QStringLiteral("strategy.loops"), tr("Loops"),
             tr("Borrow, swap and deposit rounds. Each loop borrows up to the per-loop LTV against all the "
                "collateral so far, so every further loop adds less."),
             m_loops->spinBox(), m_loops);
    m_loops->slider()->setToolTip(m_loops->spinBox()->toolTip());
    connect(m_loops, &LoopCountInput::valueChanged, this,
            [this](int loops) { edit([loops](Plan &p) { p.strategy.loops = loops; }); });

    addNumber(
        form, QStringLiteral("strategy.leverage"), tr("Target leverage"),
        tr("Final collateral value divided by your equity. The planner uses the fewest loops that reach it."),
        {1, 100, 2, tr("x"), 1, 0.1, 2});
    addNumber(
        form, QStringLiteral("strategy.healthFactor"), tr("Target health factor"),
        tr("Collateral value x liquidation threshold / debt value. At 1.0 the position can be liquidated."),
        {1.01, 1000, 2, {}, 1, 0.05, 2});
    addNumber(form, QStringLiteral("strategy.ltvFraction"), tr("LTV used"),
              tr("How close to the max LTV each loop borrows: per-loop LTV = this share x max LTV. Less than "
                 "100 % keeps a safety margin."),
              {1, 100, 1, tr(" % of max"), 100, 1});
    return group;
}

QGroupBox *PlanForm::buildCostsGroup()
{
    auto *group = new QGroupBox(tr("Execution and costs"));
    auto *form = new QFormLayout(group);
    m_execution = new QComboBox;
    m_execution->addItem(tr("Loop"), static_cast<int>(Execution::Loop));
    m_execution->addItem(tr("Flash loan"), static_cast<int>(Execution::FlashLoan));
    addField(
        form, QStringLiteral("execution"), tr("Execution"),
        tr("Loop: borrow, swap and deposit once per loop, several transactions. Flash loan: flash-borrow "
           "the whole amount, deposit, and repay it from the new debt in one transaction."),
        m_execution);
    connect(m_execution, &QComboBox::currentIndexChanged, this, [this](int index) {
        const auto execution = static_cast<Execution>(m_execution->itemData(index).toInt());
        edit([execution](Plan &p) { p.execution = execution; });
    });
    const QString bps = tr(" bps");
    addNumber(form, QStringLiteral("costs.swapFeeBps"), tr("Swap fee"),
              tr("DEX fee on every swap of the borrow asset into Token A, in basis points (1 bp = 0.01 %)."),
              {0, 1000, 1, bps, 1, 1});
    addNumber(form, QStringLiteral("costs.slippageBps"), tr("Slippage"),
              tr("Price impact and slippage lost on every swap, in basis points."), {0, 1000, 1, bps, 1, 1});
    addNumber(form, QStringLiteral("costs.gasUsdPerTx"), tr("Gas"),
              tr("Network fee per transaction, in USD."),
              {0, limits::maxGasUsdPerTx, 2, tr(" USD/tx"), 1, 0.1, 2});
    addNumber(form, QStringLiteral("costs.flashPremiumBps"), tr("Flash premium"),
              tr("Fee the flash-loan provider charges on the amount flash-borrowed, in basis points. Applies "
                 "to flash-loan execution only."),
              {0, 1000, 1, bps, 1, 1});
    return group;
}

QGroupBox *PlanForm::buildOutlookGroup()
{
    // What the Time, Close and Risk pages assume after opening: how long the position is held and how
    // Token A's price moves (a geometric Brownian motion with this volatility and drift).
    auto *group = new QGroupBox(tr("Outlook"));
    auto *form = new QFormLayout(group);
    addNumber(form, QStringLiteral("horizonDays"), tr("Horizon"),
              tr("How long you hold the position: the Time page runs to this day, the Close page closes on "
                 "it and the chance of liquidation is over it."),
              {1, limits::maxHorizonDays, 0, tr(" days"), 1, 1});
    addNumber(form, QStringLiteral("risk.annualVolatility"), tr("Volatility"),
              tr("Token A's annual volatility (standard deviation of its yearly log return), e.g. 60 % for "
                 "ETH. The chance of liquidation grows with it."),
              {0, limits::maxVolatility * 100, 1, tr(" %/yr"), 100, 1});
    addNumber(
        form, QStringLiteral("risk.ratioVolatility"), tr("Ratio volatility"),
        tr("The Token A / borrow asset price ratio's annual volatility, used instead of Volatility when "
           "the risk is the ratio (a correlated pair such as wstETH against WETH): about 2 %/yr."),
        {0, limits::maxVolatility * 100, 1, tr(" %/yr"), 100, 0.5});
    addNumber(form, QStringLiteral("risk.drift"), tr("Drift"),
              tr("Token A's expected annual return in the price model; 0 % assumes no trend."),
              {-1000, 1000, 1, tr(" %/yr"), 100, 1});
    return group;
}

void PlanForm::setPlan(const Plan &plan)
{
    m_plan = plan;
    for (const DoubleBinding &binding : m_numbers) {
        const double shown = binding.field->get(m_plan) * binding.scale;
        // Leave a box alone when it already shows the value: rewriting it would move the cursor of a
        // user who is typing in it.
        const double resolution = 0.5 * std::pow(10.0, -binding.box->decimals());
        if (!(std::abs(binding.box->value() - shown) <= resolution)) {
            const QSignalBlocker blocker(binding.box);
            binding.box->setValue(shown);
        }
    }
    for (auto [line, text] : {std::pair{m_collateralSymbol, m_plan.collateral.symbol},
                              std::pair{m_borrowSymbol, m_plan.borrow.symbol}}) {
        if (line->text() != text) {
            const QSignalBlocker blocker(line);
            line->setText(text);
        }
    }
    {
        const QSignalBlocker blocker(m_tracksCollateral);
        m_tracksCollateral->setChecked(m_plan.borrow.priceModel == PriceModel::TracksCollateral);
    }
    {
        const QSignalBlocker blocker(m_strategyMode);
        m_strategyMode->setCurrentIndex(m_strategyMode->findData(static_cast<int>(m_plan.strategy.mode)));
    }
    {
        const QSignalBlocker blocker(m_execution);
        m_execution->setCurrentIndex(m_execution->findData(static_cast<int>(m_plan.execution)));
    }
    m_loops->setValue(loopsShown());
    refreshDerived();
}

int PlanForm::loopsShown() const
{
    return m_plan.strategy.mode == StrategyMode::Loops || m_loopsUsed < 0 ? m_plan.strategy.loops
                                                                          : m_loopsUsed;
}

void PlanForm::showLoopsUsed(int loops)
{
    m_loopsUsed = loops;
    m_loops->setValue(loopsShown());
}

void PlanForm::refreshDerived()
{
    m_deposit->setSuffix(QLatin1Char(' ') + m_plan.collateral.symbol);
    m_depositUsd->setText(tr("≈ %1").arg(display::compactUsd(m_plan.deposit * m_plan.collateral.priceUsd)));
    // Only the input of the chosen strategy mode applies; the others stay visible but disabled.
    const std::pair<const char *, StrategyMode> modeFields[] = {
        {"strategy.loops", StrategyMode::Loops},
        {"strategy.leverage", StrategyMode::TargetLeverage},
        {"strategy.healthFactor", StrategyMode::TargetHealthFactor},
    };
    for (const auto &[path, mode] : modeFields) {
        FormField *f = field(QLatin1String(path));
        const bool active = m_plan.strategy.mode == mode;
        f->setEnabled(active);
        if (auto *form = qobject_cast<QFormLayout *>(f->parentWidget()->layout()))
            if (QWidget *label = form->labelForField(f))
                label->setEnabled(active);
    }
}

void PlanForm::showErrors(const ValidationErrors &errors)
{
    QHash<QString, QStringList> byField;
    for (const ValidationError &error : errors)
        byField[error.field].append(error.message);
    for (FormField *f : std::as_const(m_fields))
        f->setMessages(byField.value(f->path()));
}

QString PlanForm::fieldTitle(const QString &path) const
{
    const FormField *f = field(path);
    return f ? f->title() : path;
}

} // namespace lp
