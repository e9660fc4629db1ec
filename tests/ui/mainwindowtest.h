#pragma once

// What the main-window tests share: a fresh window per test whose error reports are collected, its editors
// found by their plan path, and the check that every view shows lp::computePlan of the session's plan.
#include "displayformat.h"
#include "formfield.h"
#include "loopcountinput.h"
#include "loopstepsmodel.h"
#include "looptable.h"
#include "mainwindow.h"
#include "marketpicker.h"
#include "marketregistry.h"
#include "planform.h"
#include "planjson.h"
#include "plansession.h"
#include "pnlchart.h"
#include "summarypanel.h"
#include "uitestutil.h"
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QSlider>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>

namespace lp::uitest {

// Rows of the loop table that are steps (the table adds a "Total" row under them).
inline int stepRows(const MainWindow &window)
{
    return static_cast<int>(window.loopTable()->stepsModel()->steps().size());
}

class MainWindowTest : public QObject {
protected:
    static void useUsLocale()
    {
        // Display strings are checked against a locale with thousands separators and '.' decimals.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    void openWindow()
    {
        m_window = std::make_unique<MainWindow>();
        m_reported.clear();
        m_window->setErrorReporter([this](const QString &title, const QString &text) {
            m_reported << title + QLatin1Char('\n') + text;
        });
    }
    void closeWindow() { m_window.reset(); }

    template <class T> T *editor(const char *path) const
    {
        auto *w = m_window->findChild<T *>(QLatin1String(path));
        if (!w)
            qFatal("no editor named %s", path);
        return w;
    }
    FormField *formField(const char *path) const
    {
        FormField *f = m_window->planForm()->field(QLatin1String(path));
        if (!f)
            qFatal("no form field %s", path);
        return f;
    }
    QLabel *summary(SummaryPanel::Item item) const { return m_window->summaryPanel()->valueLabel(item); }

    std::unique_ptr<MainWindow> m_window;
    QStringList m_reported;

    // The summary, table and chart all show computePlan(plan); the session holds that plan.
    void verifyViewsShow(const Plan &plan)
    {
        QCOMPARE(m_window->session()->plan(), plan);
        const PlanResult expected = expectedResult(plan);
        const PositionFigures &pos = expected.position;
        QCOMPARE(summary(SummaryPanel::Leverage)->text(), display::leverage(pos.leverage));
        QCOMPARE(summary(SummaryPanel::HealthFactor)->text(), display::healthFactor(pos.healthFactor));
        QVERIFY(summary(SummaryPanel::Ltv)->text().startsWith(display::percent(pos.ltv)));
        if (plan.borrow.priceModel == PriceModel::Fixed)
            QCOMPARE(summary(SummaryPanel::LiquidationPrice)->text(), display::usd(pos.liquidationPriceUsd));
        else
            QCOMPARE(summary(SummaryPanel::LiquidationPrice)->text(),
                     display::ratio(pos.liquidationRatio, plan.borrow.symbol, plan.collateral.symbol));
        QCOMPARE(summary(SummaryPanel::Distance)->text(), display::percent(pos.distanceToLiquidation, 1));
        QCOMPARE(summary(SummaryPanel::Equity)->text(), display::usd(pos.equityUsd));
        QCOMPARE(summary(SummaryPanel::OpeningCosts)->text(), display::usd(expected.opened.costs.totalUsd()));
        QCOMPARE(summary(SummaryPanel::NetApy)->text(), display::signedPercent(pos.netApy));
        QCOMPARE(stepRows(*m_window), static_cast<int>(expected.opened.steps.size()));
        // The P&L chart's x-axis is the risk asset's (riskasset.h): a ratio pair's USD sweep over B's price.
        const double x = axisScale(expected);
        QVERIFY(leveragedGraphMatches(m_window->pnlChart()->leveragedGraph(), expected.sweep, x));
        QVERIFY(holdGraphMatches(m_window->pnlChart()->holdGraph(), expected.sweep, x));
        QCOMPARE(m_window->pnlChart()->markerPriceUsd(PnlChart::Marker::Spot),
                 expected.sweep.spotPriceUsd * x);
        QCOMPARE(m_window->pnlChart()->markerPriceUsd(PnlChart::Marker::Liquidation),
                 expected.sweep.liquidationPriceUsd * x);
        QCOMPARE(m_window->pnlChart()->markerPriceUsd(PnlChart::Marker::BreakEven),
                 expected.sweep.breakEvenPriceUsd * x);
    }
};

} // namespace lp::uitest
