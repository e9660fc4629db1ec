#include "viewchart.h"

#include "qcustomplot_include.h"

namespace lp {

namespace {

constexpr QSize kMinimumSize(240, 180);

} // namespace

ViewChart::ViewChart(const QString &objectName, const QString &title, QWidget *parent)
    : ChartBase(objectName, kMinimumSize, parent)
{
    setTitle(title);
    setObjectName(objectName + QStringLiteral(".chart"));
    finishSetup();
}

void ViewChart::autoRange()
{
    if (m_autoRange)
        m_autoRange(plot());
    else
        plot()->rescaleAxes();
}

QString ViewChart::readOut(double x) const
{
    return m_readOut ? m_readOut(x) : QString();
}

} // namespace lp
