#include "plancomparison.h"

#include "displayformat.h"
#include "engine.h"
#include "protectionmontecarlo.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

namespace lp {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool hasDebt(const PlanResult &r)
{
    return r.opened.debt > 0.0;
}

bool tracks(const PlanResult &r)
{
    return r.plan.borrow.priceModel == PriceModel::TracksCollateral;
}

// The rules in words: "auto-repay at HF 1.40 to 1.70; stop-loss $2,400".
QString rulesText(const Plan &plan)
{
    QStringList parts;
    for (const ProtectionRule &r : plan.protection) {
        switch (r.kind) {
        case ProtectionKind::AutoRepay:
            parts << PlanComparison::tr("auto-repay at HF %1 to %2")
                         .arg(display::healthFactor(r.triggerHealthFactor),
                              display::healthFactor(r.targetHealthFactor));
            break;
        case ProtectionKind::AutoBoost:
            parts << PlanComparison::tr("auto-boost at HF %1 to %2")
                         .arg(display::healthFactor(r.triggerHealthFactor),
                              display::healthFactor(r.targetHealthFactor));
            break;
        case ProtectionKind::StopLoss:
            parts << PlanComparison::tr("stop-loss %1").arg(display::usd(r.priceUsd));
            break;
        case ProtectionKind::TakeProfit:
            parts << PlanComparison::tr("take-profit %1").arg(display::usd(r.priceUsd));
            break;
        case ProtectionKind::TrailingStop:
            parts << PlanComparison::tr("trailing stop %1").arg(display::percent(r.fraction, 0));
            break;
        case ProtectionKind::PreLiquidation:
            parts << PlanComparison::tr("pre-liquidation at LTV %1").arg(display::percent(r.ltv, 1));
            break;
        }
    }
    return parts.isEmpty() ? PlanComparison::tr("none") : parts.join(QStringLiteral("; "));
}

} // namespace

PlanComparison::PlanComparison(QObject *parent) : QAbstractTableModel(parent) {}

void PlanComparison::setCurrent(std::shared_ptr<const PlanResult> result)
{
    if (!result)
        return;
    m_protection.erase(m_current.get());
    m_current = std::move(result);
    emit dataChanged(index(0, 0), index(FigureCount - 1, 0));
    emit headerDataChanged(Qt::Horizontal, 0, 0);
}

int PlanComparison::freeSlot() const
{
    for (int slot = 0; slot < kMaxPinned; ++slot) {
        bool used = false;
        for (const Pinned &p : m_pinned)
            used = used || p.slot == slot;
        if (!used)
            return slot;
    }
    return -1;
}

int PlanComparison::pin(std::shared_ptr<const PlanResult> result, const QString &name)
{
    if (!result || isFull())
        return -1;
    const QString trimmed = name.trimmed();
    const int at = static_cast<int>(m_pinned.size());
    beginInsertColumns({}, columnOf(at), columnOf(at));
    m_pinned.push_back({trimmed.isEmpty() ? defaultName(*result) : trimmed, freeSlot(), std::move(result)});
    endInsertColumns();
    emit pinnedChanged();
    return at;
}

void PlanComparison::unpin(int index)
{
    if (index < 0 || index >= static_cast<int>(m_pinned.size()))
        return;
    beginRemoveColumns({}, columnOf(index), columnOf(index));
    m_protection.erase(m_pinned[static_cast<size_t>(index)].result.get());
    m_pinned.erase(m_pinned.begin() + index);
    endRemoveColumns();
    emit pinnedChanged();
}

void PlanComparison::unpinAll()
{
    if (m_pinned.empty())
        return;
    beginRemoveColumns({}, 1, static_cast<int>(m_pinned.size()));
    for (const Pinned &p : m_pinned)
        m_protection.erase(p.result.get());
    m_pinned.clear();
    endRemoveColumns();
    emit pinnedChanged();
}

bool PlanComparison::rename(int index, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (index < 0 || index >= static_cast<int>(m_pinned.size()) || trimmed.isEmpty())
        return false;
    m_pinned[static_cast<size_t>(index)].name = trimmed;
    emit headerDataChanged(Qt::Horizontal, columnOf(index), columnOf(index));
    emit pinnedChanged();
    return true;
}

QString PlanComparison::defaultName(const PlanResult &result)
{
    const lp::Strategy &s = result.plan.strategy;
    QString strategy;
    switch (s.mode) {
    case StrategyMode::Loops:
        strategy = s.loops == 1 ? tr("1 loop") : tr("%1 loops").arg(s.loops);
        break;
    case StrategyMode::TargetLeverage:
        strategy = display::leverage(s.leverage);
        break;
    case StrategyMode::TargetHealthFactor:
        strategy = tr("HF %1").arg(display::healthFactor(s.healthFactor));
        break;
    }
    // Pins of one plan differ by their strategy, so the name carries it.
    const QString name = result.plan.name.trimmed();
    return name.isEmpty() ? strategy : tr("%1, %2").arg(name, strategy);
}

QString PlanComparison::figureName(Figure figure)
{
    switch (figure) {
    case Deposit:
        return tr("Deposit");
    case Strategy:
        return tr("Strategy");
    case Leverage:
        return tr("Leverage");
    case HealthFactor:
        return tr("Health factor");
    case Ltv:
        return tr("LTV (max)");
    case LiquidationPrice:
        return tr("Liquidation price");
    case Distance:
        return tr("Distance to liquidation");
    case Exposure:
        return tr("Collateral value");
    case Debt:
        return tr("Debt value");
    case Equity:
        return tr("Equity");
    case OpeningCosts:
        return tr("Opening costs");
    case NetApy:
        return tr("Net APY");
    case Transactions:
        return tr("Transactions to open");
    case Protection:
        return tr("Protection rules");
    case LiquidationWithRules:
        return tr("Liquidation chance with the rules");
    case RuleCosts:
        return tr("Expected cost of the rules");
    case FigureCount:
        break;
    }
    return {};
}

double PlanComparison::figureValue(const PlanResult &r, Figure figure)
{
    const PositionFigures &pos = r.position;
    switch (figure) {
    case Deposit:
        return r.plan.deposit;
    case Strategy:
        return kNaN;
    case Leverage:
        return pos.leverage;
    case HealthFactor:
        return pos.healthFactor;
    case Ltv:
        return pos.ltv;
    case LiquidationPrice:
        if (!hasDebt(r))
            return kNaN;
        return tracks(r) ? pos.liquidationRatio : pos.liquidationPriceUsd;
    case Distance:
        return hasDebt(r) ? pos.distanceToLiquidation : kNaN;
    case Exposure:
        return pos.collateralUsd;
    case Debt:
        return pos.debtUsd;
    case Equity:
        return pos.equityUsd;
    case OpeningCosts:
        return r.opened.costs.totalUsd();
    case NetApy:
        return pos.netApy;
    case Transactions:
        return r.opened.costs.transactions;
    case Protection: // text only; the simulated figures come from the table (protectionData)
    case LiquidationWithRules:
    case RuleCosts:
        return kNaN;
    case FigureCount:
        break;
    }
    return kNaN;
}

QString PlanComparison::figureText(const PlanResult &r, Figure figure)
{
    const Plan &plan = r.plan;
    const double v = figureValue(r, figure);
    switch (figure) {
    case Deposit:
        return display::units(v, plan.collateral.symbol, 4);
    case Strategy: {
        const QString how = plan.execution == Execution::FlashLoan ? tr("flash loan") : tr("loops");
        switch (plan.strategy.mode) {
        case StrategyMode::Loops:
            return tr("%1 × %2 of max LTV (%3)")
                .arg(plan.strategy.loops)
                .arg(display::percent(plan.strategy.ltvFraction, 0), how);
        case StrategyMode::TargetLeverage:
            return tr("target %1 (%2)").arg(display::leverage(plan.strategy.leverage), how);
        case StrategyMode::TargetHealthFactor:
            return tr("target HF %1 (%2)").arg(display::healthFactor(plan.strategy.healthFactor), how);
        }
        return {};
    }
    case Leverage:
        return display::leverage(v);
    case HealthFactor:
        return display::healthFactor(v);
    case Ltv:
        return tr("%1 (%2)").arg(display::percent(v, 1), display::percent(plan.collateral.ltv, 0));
    case LiquidationPrice:
        if (std::isnan(v))
            return tr("none (no debt)");
        return tracks(r) ? display::ratio(v, plan.borrow.symbol, plan.collateral.symbol) : display::usd(v);
    case Distance:
        return std::isnan(v) ? display::undefinedMark() : display::percent(v, 1);
    case Exposure:
    case Debt:
    case Equity:
    case OpeningCosts:
        return display::usd(v);
    case NetApy:
        return display::signedPercent(v);
    case Transactions:
        return display::locale().toString(static_cast<int>(v));
    case Protection:
        return rulesText(plan);
    case LiquidationWithRules:
    case RuleCosts:
        return plan.protection.isEmpty() ? display::undefinedMark() : QString();
    case FigureCount:
        break;
    }
    return {};
}

const PlanResult *PlanComparison::resultInColumn(int column) const
{
    if (column == 0)
        return m_current.get();
    const int i = column - 1;
    return i >= 0 && i < static_cast<int>(m_pinned.size()) ? m_pinned[static_cast<size_t>(i)].result.get()
                                                           : nullptr;
}

int PlanComparison::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FigureCount;
}

int PlanComparison::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1 + static_cast<int>(m_pinned.size());
}

QVariant PlanComparison::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PlanResult *r = resultInColumn(index.column());
    if (!r)
        return {};
    const auto figure = static_cast<Figure>(index.row());
    if (figure == LiquidationWithRules || figure == RuleCosts)
        return protectionData(*r, figure, role);
    switch (role) {
    case Qt::DisplayRole:
        return figureText(*r, figure);
    case RawValueRole: {
        const double v = figureValue(*r, figure);
        return std::isnan(v) ? QVariant() : QVariant(v);
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

std::optional<PlanComparison::ProtectionFigures> PlanComparison::protectionOf(const PlanResult &result) const
{
    const auto found = m_protection.find(&result);
    if (found != m_protection.end())
        return found->second;
    std::optional<ProtectionFigures> figures;
    if (!result.plan.protection.isEmpty()) {
        MonteCarloOptions options; // the Risk tab's: 20,000 paths, seed 1
        options.threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1U, 8U));
        if (const Expected<ProtectionMonteCarloResult> r =
                simulateProtection(result.plan, result.opened, options))
            figures = ProtectionFigures{r->with.liquidationProbability, r->without.liquidationProbability,
                                        r->expectedFeesUsd};
    }
    m_protection.emplace(&result, figures);
    return figures;
}

QVariant PlanComparison::protectionData(const PlanResult &result, Figure figure, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != RawValueRole)
        return {};
    const std::optional<ProtectionFigures> f = protectionOf(result);
    if (!f)
        return role == Qt::DisplayRole ? QVariant(display::undefinedMark()) : QVariant();
    if (figure == RuleCosts)
        return role == Qt::DisplayRole ? QVariant(display::usd(f->feesUsd)) : QVariant(f->feesUsd);
    if (role == RawValueRole)
        return f->with;
    return tr("%1 (without: %2)").arg(display::percent(f->with, 2), display::percent(f->without, 2));
}

QVariant PlanComparison::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return section >= 0 && section < FigureCount ? figureName(static_cast<Figure>(section)) : QVariant();
    if (section == 0)
        return role == Qt::DisplayRole ? tr("Current plan") : tr("The plan being edited, live");
    const int i = section - 1;
    if (i < 0 || i >= static_cast<int>(m_pinned.size()))
        return {};
    const Pinned &p = m_pinned[static_cast<size_t>(i)];
    return role == Qt::DisplayRole ? p.name : tr("Pinned: %1 (double-click to rename)").arg(p.name);
}

} // namespace lp
