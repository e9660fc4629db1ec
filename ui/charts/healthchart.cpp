#include "healthchart.h"

#include "displayformat.h"
#include "engine.h"
#include "qcustomplot_include.h"
#include "riskasset.h"
#include "settingskeys.h"
#include "sweeplookup.h"

#include <QAction>
#include <QInputDialog>
#include <QSettings>

#include <algorithm>
#include <cmath>

namespace lp {

namespace {

// HF grows without bound as the price rises; above this the axis stops so the interesting part (around 1)
// stays readable.
constexpr double kMaxShownHealthFactor = 5.0;

void horizontalAt(QCPItemStraightLine *line, double y)
{
    line->point1->setCoords(0, y);
    line->point2->setCoords(1, y);
}

// A label sitting on a horizontal line at its right end.
QCPItemText *lineLabel(QCustomPlot *plot)
{
    auto *label = new QCPItemText(plot);
    label->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    label->setPadding(QMargins(4, 1, 6, 1));
    label->setClipToAxisRect(true);
    return label;
}

} // namespace

HealthChart::HealthChart(QWidget *parent)
    : ChartBase(QStringLiteral("healthPlot"), QSize(360, 260), parent),
      m_safetyAction(new QAction(tr("Safety Health Factor..."), this))
{
    QCustomPlot *p = plot();
    m_safetyAction->setObjectName(QStringLiteral("actionSafetyHealthFactor"));
    m_safetyAction->setStatusTip(tr("Choose the health factor drawn as the safety line"));
    connect(m_safetyAction, &QAction::triggered, this, &HealthChart::askSafetyHealthFactor);
    p->addAction(m_safetyAction);
    p->yAxis2->setVisible(true);
    p->yAxis->setLabel(tr("Health factor"));
    // Zoom and pan move the price and the HF axes; the liquidation price axis follows its own range.
    p->axisRect()->setRangeZoomAxes(p->xAxis, p->yAxis);
    p->axisRect()->setRangeDragAxes(p->xAxis, p->yAxis);

    m_unitLine = new QCPItemStraightLine(p);
    horizontalAt(m_unitLine, 1.0);
    m_safetyLine = new QCPItemStraightLine(p);
    horizontalAt(m_safetyLine, m_safety);
    m_spotLine = new QCPItemStraightLine(p);
    m_unitLabel = lineLabel(p);
    m_unitLabel->position->setCoords(1.0, 1.0);
    m_unitLabel->setText(tr("HF 1: liquidation starts"));
    m_safetyLabel = lineLabel(p);
    m_safetyLabel->position->setCoords(1.0, m_safety);
    m_safetyLabel->setText(tr("Safety HF %1").arg(display::healthFactor(m_safety)));

    m_health = p->addGraph(p->xAxis, p->yAxis);
    m_health->setName(tr("Health factor"));
    m_liquidation = p->addGraph(p->xAxis, p->yAxis2);
    m_liquidation->setName(tr("Liquidation price (right axis)"));
    p->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    finishSetup();
}

void HealthChart::restyle(const ChartTheme &theme)
{
    m_health->setPen(QPen(theme.primary, 2.2));
    m_liquidation->setPen(QPen(theme.danger, 1.8));
    plot()->yAxis->setLabelColor(theme.primary);
    plot()->yAxis2->setLabelColor(theme.danger);
    m_unitLine->setPen(QPen(theme.danger, 1.2, Qt::DashLine));
    m_safetyLine->setPen(QPen(theme.highlight, 1.2, Qt::DashDotLine));
    m_spotLine->setPen(QPen(theme.spot, 1.2, Qt::DashLine));
    m_unitLabel->setColor(theme.danger);
    m_safetyLabel->setColor(theme.highlight);
}

void HealthChart::setSafetyHealthFactor(double healthFactor)
{
    m_safety = healthFactor;
    const bool shown = std::isfinite(healthFactor) && healthFactor > 0;
    m_safetyLine->setVisible(shown);
    m_safetyLabel->setVisible(shown);
    if (shown) {
        horizontalAt(m_safetyLine, healthFactor);
        m_safetyLabel->position->setCoords(1.0, healthFactor);
        m_safetyLabel->setText(tr("Safety HF %1").arg(display::healthFactor(healthFactor)));
    }
    refresh();
}

void HealthChart::askSafetyHealthFactor()
{
    bool ok = false;
    const double current = std::isfinite(m_safety) ? m_safety : kDefaultSafetyHealthFactor;
    const double chosen = QInputDialog::getDouble(
        this, tr("Safety Health Factor"),
        tr("Draw a line at the health factor you want to stay above (1 is where liquidation starts):"),
        current, 1.0, 10.0, 2, &ok, Qt::WindowFlags(), 0.05);
    if (!ok)
        return;
    setSafetyHealthFactor(chosen);
    emit safetyHealthFactorChosen(chosen);
}

double HealthChart::savedSafetyHealthFactor()
{
    const double value = settingskeys::safetyHealthFactor.read();
    return value >= 1.0 && value <= 10.0 ? value : kDefaultSafetyHealthFactor;
}

void HealthChart::saveSafetyHealthFactor(double healthFactor)
{
    settingskeys::safetyHealthFactor.write(healthFactor);
}

QString HealthChart::safetyLabel() const
{
    return m_safetyLabel->visible() ? m_safetyLabel->text() : QString();
}

void HealthChart::showResult(const PlanResult &result)
{
    const Plan &plan = result.plan;
    const QString &a = plan.collateral.symbol;
    const QString &b = plan.borrow.symbol;
    const bool tracks = plan.borrow.priceModel == PriceModel::TracksCollateral;

    m_series = healthSeries(result);
    const RiskAsset risk = result.sweep.riskAsset;
    // The risk asset's axis: a ratio pair's sweep holds B's price, so A's price over B's is the ratio.
    const double scale = risk == RiskAsset::Ratio ? 1.0 / plan.borrow.priceUsd : 1.0;
    if (risk == RiskAsset::Ratio)
        for (HealthPoint &pt : m_series) {
            pt.priceUsd *= scale;
            pt.liquidationPriceUsd *= scale;
        }
    m_ratio = risk == RiskAsset::Ratio;
    m_symbol = riskAxisSymbol(plan);
    const auto n = static_cast<qsizetype>(m_series.size());
    QVector<double> prices(n);
    QVector<double> health(n);
    QVector<double> liquidation(n);
    m_maxHealth = 0;
    m_maxLiquidation = 0;
    for (qsizetype i = 0; i < n; ++i) {
        const HealthPoint &pt = m_series[static_cast<size_t>(i)];
        prices[i] = pt.priceUsd;
        health[i] = std::isfinite(pt.healthFactor) ? pt.healthFactor : qQNaN(); // no debt: a gap
        liquidation[i] = pt.liquidationPriceUsd; // NaN: QCustomPlot leaves a gap
        if (std::isfinite(pt.healthFactor))
            m_maxHealth = std::max(m_maxHealth, pt.healthFactor);
        if (std::isfinite(pt.liquidationPriceUsd))
            m_maxLiquidation = std::max(m_maxLiquidation, pt.liquidationPriceUsd);
    }
    m_health->setData(prices, health, true);
    m_liquidation->setData(prices, liquidation, true);

    if (risk == RiskAsset::Ratio) {
        setTitle(tr("Health factor and liquidation ratio against the %1/%2 price ratio").arg(a, b));
        plot()->xAxis->setLabel(tr("%1/%2 ratio (%2 per %1)").arg(a, b));
        plot()->yAxis2->setLabel(tr("Liquidation ratio (%2 per %1)").arg(a, b));
    } else if (risk == RiskAsset::Borrow) {
        setTitle(tr("Health factor and liquidation price against the price of %1 (a short)").arg(b));
        plot()->xAxis->setLabel(tr("%1 price (USD, %2 held)").arg(b, a));
        plot()->yAxis2->setLabel(tr("Liquidation price of %1 (USD, %2 held)").arg(b, a));
    } else {
        setTitle(tr("Health factor and liquidation price against the price of %1").arg(a));
        plot()->xAxis->setLabel(tracks ? tr("%1 price (USD, %2 held at %3: reads as the %1/%2 ratio)")
                                             .arg(a, b, display::usd(plan.borrow.priceUsd))
                                       : tr("%1 price (USD)").arg(a));
        plot()->yAxis2->setLabel(tr("Liquidation price of %1 (USD, %2 held)").arg(a, b));
    }
    const double spot = result.sweep.spotPriceUsd * scale;
    m_spotLine->point1->setCoords(spot, 0);
    m_spotLine->point2->setCoords(spot, 1);
    refresh();
}

void HealthChart::autoRange()
{
    QCustomPlot *p = plot();
    p->xAxis->rescale();
    p->yAxis->setRange(0, std::clamp(std::max(m_maxHealth, m_safety) * 1.05, 2.0, kMaxShownHealthFactor));
    p->yAxis2->setRange(0, m_maxLiquidation > 0 ? m_maxLiquidation * 1.15 : 1.0);
}

void HealthChart::drawPinned(const PinnedPlots &pinnedPlots)
{
    for (const PinnedPlot &pinnedPlot : pinnedPlots) {
        QVector<double> prices;
        QVector<double> health;
        const double scale = pinnedPlot.result->sweep.riskAsset == RiskAsset::Ratio
                                 ? 1.0 / pinnedPlot.result->plan.borrow.priceUsd
                                 : 1.0;
        for (const HealthPoint &pt : healthSeries(*pinnedPlot.result)) {
            prices.append(pt.priceUsd * scale);
            health.append(std::isfinite(pt.healthFactor) ? pt.healthFactor : qQNaN());
        }
        addPinnedGraph(plot()->xAxis, plot()->yAxis, pinnedPlot)->setData(prices, health, true);
    }
}

QString HealthChart::readOut(double priceUsd) const
{
    const HealthPoint *found = nearestHealthPoint(m_series, priceUsd);
    if (!found)
        return {};
    const HealthPoint &pt = *found;
    QStringList lines;
    const auto text = [this](double x) { return m_ratio ? display::number(x, 4) : display::usd(x); };
    lines << tr("%1 at %2").arg(m_symbol, text(pt.priceUsd))
          << tr("Health factor: %1").arg(display::healthFactor(pt.healthFactor))
          << tr("Liquidation price: %1")
                 .arg(std::isfinite(pt.liquidationPriceUsd) ? text(pt.liquidationPriceUsd)
                                                            : tr("none (no debt)"));
    return lines.join(QLatin1Char('\n'));
}

} // namespace lp
