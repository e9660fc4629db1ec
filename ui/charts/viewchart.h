#pragma once

#include "chartbase.h"

#include <functional>

namespace lp {

// A plot of the Time and Risk pages with what the price charts have (ChartBase): wheel zoom and drag pan
// kept through edits until reset (double-click, R, context menu), the palette's colours, and a crosshair
// whose read-out the page writes. The page fills the plot, then calls redraw().
class ViewChart : public ChartBase {
    Q_OBJECT
public:
    using AutoRange = std::function<void(QCustomPlot *)>;
    using ReadOut = std::function<QString(double)>;

    ViewChart(const QString &objectName, const QString &title, QWidget *parent = nullptr);

    // The ranges that show the whole of the data; the default rescales every axis to its data.
    void setAutoRange(AutoRange autoRange) { m_autoRange = std::move(autoRange); }
    // The crosshair's text at key x (empty hides it); no crosshair without one.
    void setReadOut(ReadOut readOut) { m_readOut = std::move(readOut); }
    using ChartBase::setTitle;
    // After new data: the page's own ranges unless the user zoomed, then a replot.
    void redraw() { refresh(); }

protected:
    void autoRange() override;
    void restyle(const ChartTheme &) override {}
    void drawPinned(const PinnedPlots &) override {}
    [[nodiscard]] QString readOut(double x) const override;

private:
    AutoRange m_autoRange;
    ReadOut m_readOut;
};

} // namespace lp
