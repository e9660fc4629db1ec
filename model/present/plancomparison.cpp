#include "plancomparison.h"

#include "displayformat.h"
#include "engine.h"
#include "protectionmontecarlo.h"

#include <algorithm>
#include <cmath>
#include <thread>

namespace lp {

PlanComparison::PlanComparison(QObject *parent) : QAbstractTableModel(parent) {}

void PlanComparison::setCurrent(std::shared_ptr<const PlanResult> result)
{
    if (!result)
        return;
    const PlanResult *previous = m_current.get();
    m_current = std::move(result);
    if (!isShown(previous)) // a pinned snapshot keeps its figures
        m_protection.erase(previous);
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
    const std::shared_ptr<const PlanResult> removed = m_pinned[static_cast<size_t>(index)].result;
    m_pinned.erase(m_pinned.begin() + index);
    if (!isShown(removed.get()))
        m_protection.erase(removed.get());
    endRemoveColumns();
    emit pinnedChanged();
}

void PlanComparison::unpinAll()
{
    if (m_pinned.empty())
        return;
    beginRemoveColumns({}, 1, static_cast<int>(m_pinned.size()));
    for (const Pinned &p : m_pinned) {
        if (p.result.get() != m_current.get())
            m_protection.erase(p.result.get());
    }
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

std::optional<PlanComparison::ProtectionFigures>
PlanComparison::simulateProtectionFigures(const PlanResult &result)
{
    if (result.plan.protection.isEmpty())
        return std::nullopt;
    MonteCarloOptions options; // the Risk tab's: 20,000 paths, seed 1
    options.threads = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1U, 8U));
    const Expected<ProtectionMonteCarloResult> r = simulateProtection(result.plan, result.opened, options);
    if (!r)
        return std::nullopt;
    return ProtectionFigures{r->with.liquidationProbability, r->without.liquidationProbability,
                             r->expectedFeesUsd};
}

bool PlanComparison::isShown(const PlanResult *result) const
{
    if (!result)
        return false;
    if (result == m_current.get())
        return true;
    return std::any_of(m_pinned.begin(), m_pinned.end(),
                       [result](const Pinned &p) { return p.result.get() == result; });
}

std::vector<std::shared_ptr<const PlanResult>> PlanComparison::protectionPending() const
{
    std::vector<std::shared_ptr<const PlanResult>> out;
    const auto add = [&](const std::shared_ptr<const PlanResult> &r) {
        if (!r || r->plan.protection.isEmpty() || m_protection.count(r.get()) > 0)
            return;
        if (std::none_of(out.begin(), out.end(), [&r](const auto &o) { return o.get() == r.get(); }))
            out.push_back(r);
    };
    add(m_current);
    for (const Pinned &p : m_pinned)
        add(p.result);
    return out;
}

bool PlanComparison::setProtection(const PlanResult *result, const std::optional<ProtectionFigures> &figures)
{
    if (!isShown(result))
        return false;
    m_protection[result] = figures;
    for (int column = 0; column < columnCount(); ++column) {
        if (resultInColumn(column) == result)
            emit dataChanged(index(LiquidationWithRules, column), index(RuleCosts, column));
    }
    return true;
}

std::optional<PlanComparison::ProtectionFigures> PlanComparison::protectionOf(const PlanResult &result) const
{
    const auto found = m_protection.find(&result);
    if (found != m_protection.end())
        return found->second;
    const std::optional<ProtectionFigures> figures = simulateProtectionFigures(result);
    m_protection.emplace(&result, figures);
    return figures;
}

QVariant PlanComparison::protectionData(const PlanResult &result, Figure figure, int role) const
{
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != RawValueRole)
        return {};
    if (m_deferred && !result.plan.protection.isEmpty() && !hasProtection(&result))
        return role == Qt::DisplayRole ? QVariant(tr("computing…")) : QVariant();
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
