#include "closeview.h"

#include "displayformat.h"
#include "engine.h"
#include "numberspinbox.h"
#include "readonlycell.h"
#include "riskstyle.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace lp {

CloseView::CloseView(QWidget *parent)
    : QWidget(parent), m_exitDay(new QSpinBox), m_exitPrice(new NumberSpinBox),
      m_reset(new QPushButton(tr("Horizon at today's price"))), m_note(new QLabel),
      m_comparison(new QTableWidget(RowCount, 2)), m_steps(new QTableWidget(0, 8))
{
    m_exitDay->setObjectName(QStringLiteral("close.exitDay"));
    m_exitDay->setRange(0, limits::maxHorizonDays);
    m_exitDay->setSuffix(tr(" days"));
    m_exitDay->setToolTip(tr("Days after opening: interest and yield accrue until then."));
    m_exitPrice->setObjectName(QStringLiteral("close.exitPriceUsd"));
    m_exitPrice->setRange(1e-6, limits::maxPriceUsd);
    m_exitPrice->setDecimals(6);
    m_exitPrice->setMinimumDisplayDecimals(2);
    m_exitPrice->setSuffix(tr(" USD"));
    m_exitPrice->setGroupSeparatorShown(true);
    m_exitPrice->setToolTip(tr("Token A's USD price on the exit day (the borrow asset's price is held)."));
    m_reset->setObjectName(QStringLiteral("close.reset"));
    m_reset->setToolTip(tr("Exit on the plan's horizon day at today's price, and follow the plan again."));

    auto *inputs = new QFormLayout;
    inputs->addRow(tr("Exit day"), m_exitDay);
    inputs->addRow(tr("Exit price of Token A"), m_exitPrice);
    auto *top = new QHBoxLayout;
    top->addLayout(inputs);
    top->addWidget(m_reset, 0, Qt::AlignBottom);
    top->addStretch(1);

    m_note->setObjectName(QStringLiteral("close.note"));
    m_note->setWordWrap(true);

    m_comparison->setObjectName(QStringLiteral("close.comparison"));
    m_comparison->setHorizontalHeaderLabels({tr("Sell to repay"), tr("Flash close")});
    m_comparison->setVerticalHeaderLabels({tr("Walk away with"), tr("Walk away with (USD)"),
                                           tr("P&L after all costs"), tr("P&L of holding instead"),
                                           tr("Swap fees"), tr("Slippage"), tr("Flash-loan premium"),
                                           tr("Gas"), tr("Transactions"), tr("Interest paid (in equity)"),
                                           tr("Yield earned (in equity)"), tr("Closing costs")});
    m_comparison->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_comparison->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_comparison->setAlternatingRowColors(true);
    m_comparison->setWordWrap(false);
    m_comparison->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_comparison->setToolTip(tr("Walk-away value = equity at exit - swap fees - slippage - flash premium. "
                                "Interest and yield are already inside the equity; gas is paid from the "
                                "wallet."));

    m_steps->setObjectName(QStringLiteral("close.steps"));
    m_steps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_steps->verticalHeader()->setVisible(false);
    m_steps->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_steps->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_steps->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_steps->setAlternatingRowColors(true);
    m_steps->setWordWrap(false);

    auto *stepsTitle = new QLabel(tr("Sell to repay, step by step (health factor kept above %1 after each "
                                     "withdrawal)")
                                      .arg(display::number(CloseOptions{}.healthFactorFloor, 2)));
    QFont bold = stepsTitle->font();
    bold.setBold(true);
    stepsTitle->setFont(bold);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(top);
    layout->addWidget(m_note);
    layout->addWidget(m_comparison, 5);
    layout->addWidget(stepsTitle);
    layout->addWidget(m_steps, 3);

    connect(m_exitDay, &QSpinBox::valueChanged, this, [this] {
        m_followPlan = false;
        recompute();
    });
    connect(m_exitPrice, &QDoubleSpinBox::valueChanged, this, [this] {
        m_followPlan = false;
        recompute();
    });
    connect(m_reset, &QPushButton::clicked, this, &CloseView::resetToPlan);
}

void CloseView::showResult(const PlanResult &result)
{
    m_plan = result.plan;
    m_opened = result.opened;
    if (m_followPlan)
        resetToPlan();
    else
        recompute();
}

void CloseView::resetToPlan()
{
    if (!m_plan)
        return;
    {
        const QSignalBlocker dayBlocker(m_exitDay);
        const QSignalBlocker priceBlocker(m_exitPrice);
        m_exitDay->setValue(m_plan->horizonDays);
        m_exitPrice->setValue(m_plan->collateral.priceUsd);
    }
    m_followPlan = true;
    recompute();
}

void CloseView::recompute()
{
    if (!m_plan)
        return;
    CloseOptions options;
    options.exitDay = m_exitDay->value();
    options.exitPriceUsd = m_exitPrice->value();
    options.method = CloseMethod::SellToRepay;
    const Expected<CloseResult> sell = simulateClose(*m_plan, m_opened, options);
    options.method = CloseMethod::FlashClose;
    const Expected<CloseResult> flash = simulateClose(*m_plan, m_opened, options);
    m_sell = sell ? std::optional<CloseResult>(*sell) : std::nullopt;
    m_flash = flash ? std::optional<CloseResult>(*flash) : std::nullopt;
    m_sellError = sell ? QString() : formatErrors(sell.errors());
    m_flashError = flash ? QString() : formatErrors(flash.errors());

    QStringList notes;
    const CloseResult *any = m_sell ? &*m_sell : (m_flash ? &*m_flash : nullptr);
    if (any)
        notes << tr("On day %1 the position holds %2 against %3 (health factor %4 at %5).")
                     .arg(any->exitDay)
                     .arg(display::units(any->collateralAtExit, m_plan->collateral.symbol),
                          display::units(any->debtAtExit, m_plan->borrow.symbol),
                          display::healthFactor(any->healthFactorAtExit), display::usd(any->exitPriceUsd));
    if (!m_sellError.isEmpty())
        notes << tr("Sell to repay: %1").arg(m_sellError);
    if (!m_flashError.isEmpty())
        notes << tr("Flash close: %1").arg(m_flashError);
    m_note->setText(notes.join(QLatin1Char('\n')));
    fillComparison();
    fillSteps();
}

void CloseView::fillComparison()
{
    const QString a = m_plan->collateral.symbol;
    for (int column = 0; column < 2; ++column) {
        const std::optional<CloseResult> &r = column == 0 ? m_sell : m_flash;
        for (int row = 0; row < RowCount; ++row) {
            QString text = QStringLiteral("\u2014");
            if (r) {
                const ClosingCosts &c = r->costs;
                switch (static_cast<Row>(row)) {
                case WalkAwayUnits:
                    text = display::units(r->walkAwayCollateral, a, 6);
                    break;
                case WalkAwayUsd:
                    text = display::usd(r->walkAwayUsd);
                    break;
                case PnlUsd:
                    text = display::usd(r->pnlUsd);
                    break;
                case HoldPnlUsd:
                    text = display::usd(r->holdPnlUsd);
                    break;
                case SwapFees:
                    text = display::usd(c.swapFeesUsd);
                    break;
                case Slippage:
                    text = display::usd(c.slippageUsd);
                    break;
                case FlashPremium:
                    text = display::usd(c.flashPremiumUsd);
                    break;
                case Gas:
                    text = display::usd(c.gasUsd);
                    break;
                case Transactions:
                    text = display::number(c.transactions, 0);
                    break;
                case InterestPaid:
                    text = display::usd(c.interestPaidUsd);
                    break;
                case YieldEarned:
                    text = display::usd(c.yieldEarnedUsd);
                    break;
                case TotalCosts:
                    text = display::usd(c.totalUsd());
                    break;
                case RowCount:
                    break;
                }
            }
            QTableWidgetItem *item = readOnlyCell(text);
            if (r && row == PnlUsd && r->pnlUsd < r->holdPnlUsd)
                item->setForeground(risk::colorFor(risk::Level::Caution));
            if (!r)
                item->setToolTip(column == 0 ? m_sellError : m_flashError);
            m_comparison->setItem(row, column, item);
        }
    }
}

void CloseView::fillSteps()
{
    const QString a = m_plan->collateral.symbol;
    const QString b = m_plan->borrow.symbol;
    m_steps->setHorizontalHeaderLabels(
        {tr("Step"), tr("Withdraw\n(%1)").arg(a), tr("Sell\n(%1)").arg(a), tr("Receive\n(%1)").arg(b),
         tr("Repay\n(%1)").arg(b), tr("Collateral\n(%1)").arg(a), tr("Debt\n(%1)").arg(b), tr("HF\nafter")});
    const std::vector<CloseRound> rounds = m_sell ? m_sell->rounds : std::vector<CloseRound>{};
    m_steps->setRowCount(static_cast<int>(rounds.size()));
    for (size_t i = 0; i < rounds.size(); ++i) {
        const CloseRound &r = rounds[i];
        const auto row = static_cast<int>(i);
        const bool withdrawOnly = r.sold == 0.0;
        m_steps->setItem(
            row, 0,
            readOnlyCell(withdrawOnly ? tr("%1 (withdraw the rest)").arg(r.round) : QString::number(r.round),
                         Qt::AlignLeft | Qt::AlignVCenter));
        m_steps->setItem(row, 1, readOnlyCell(display::number(r.withdrawn, 6)));
        m_steps->setItem(row, 2, readOnlyCell(display::number(r.sold, 6)));
        m_steps->setItem(row, 3, readOnlyCell(display::number(r.received, 6)));
        m_steps->setItem(row, 4, readOnlyCell(display::number(r.repaid, 6)));
        m_steps->setItem(row, 5, readOnlyCell(display::number(r.collateralAfter, 6)));
        m_steps->setItem(row, 6, readOnlyCell(display::number(r.debtAfter, 6)));
        QTableWidgetItem *hf = readOnlyCell(display::healthFactor(r.healthFactorAfter));
        hf->setForeground(risk::colorFor(risk::levelForHealthFactor(r.healthFactorAfter)));
        m_steps->setItem(row, 7, hf);
    }
}

} // namespace lp
