#pragma once

#include "outlook.h"

#include <QWidget>

class QCPGraph;
class QLabel;

namespace lp {

class ViewChart;

// The Risk tab's protection part (issue 18), shown when the plan has protection rules: the liquidation
// probability with and without the rules on the same paths side by side, each rule's fire probability and
// costs, and the distribution of final equity with and without (two histograms with the 5/50/95 %
// quantiles in the legend). Draws the outlook's figures (LazyOutlook::protection); computes nothing.
class ProtectionPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProtectionPanel(QWidget *parent = nullptr);

    // Hidden without rules (an empty part without errors).
    void showProtection(const OutlookProtection &protection);

    [[nodiscard]] QLabel *summaryLabel() const { return m_summary; }
    [[nodiscard]] ViewChart *equityChart() const { return m_chart; }
    [[nodiscard]] QCPGraph *withGraph() const { return m_with; }
    [[nodiscard]] QCPGraph *withoutGraph() const { return m_without; }

private:
    QLabel *m_summary;
    ViewChart *m_chart;
    QCPGraph *m_with;
    QCPGraph *m_without;
};

} // namespace lp
