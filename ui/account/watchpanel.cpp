#include "watchpanel.h"

#include "machineformat.h"
#include "qcustomplot_include.h"
#include "safefile.h"

#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace lp {

namespace {

// The nearest liquidation over the assets and groups, NaN when nothing moves the account to it.
double nearestDistance(const Account &account)
{
    double nearest = std::nan("");
    for (const AccountLiquidationPrice &p : liquidationPrices(account))
        if (!std::isnan(p.distance()) && !(p.distance() >= nearest))
            nearest = p.distance();
    return nearest;
}

} // namespace

WatchPanel::WatchPanel(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_interval(new QSpinBox(this)),
      m_alertHf(new QDoubleSpinBox(this)), m_alertDistance(new QDoubleSpinBox(this)),
      m_logPath(new QLineEdit(this)), m_startStop(new QPushButton(tr("Start"), this)),
      m_banner(new QLabel(this)), m_status(new QLabel(this)), m_plot(new QCustomPlot(this)),
      m_timer(new QTimer(this))
{
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_interval->setRange(kMinimumIntervalSeconds, 86400);
    m_interval->setValue(kDefaultIntervalSeconds);
    m_interval->setSuffix(tr(" s"));
    m_alertHf->setRange(1.0, 10.0);
    m_alertHf->setDecimals(2);
    m_alertHf->setSingleStep(0.05);
    m_alertHf->setValue(1.3);
    m_alertDistance->setRange(0.0, 99.0);
    m_alertDistance->setSuffix(tr(" %"));
    m_alertDistance->setValue(10.0);
    m_logPath->setPlaceholderText(tr("no log"));
    auto *browse = new QPushButton(tr("Choose..."), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Log readings to"), m_logPath->text(),
                                                          tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            m_logPath->setText(path);
    });
    auto *logRow = new QHBoxLayout;
    logRow->addWidget(m_logPath, 1);
    logRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("Read every"), m_interval);
    form->addRow(tr("Alert below health factor"), m_alertHf);
    form->addRow(tr("Alert when liquidation is closer than"), m_alertDistance);
    form->addRow(tr("CSV log"), logRow);
    form->addRow(QString(), m_startStop);
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #b3261e; color: white; padding: 8px; "
                                           "font-weight: bold; border-radius: 4px; }"));
    m_banner->hide();
    // A long title or a failed reading's message wraps: it never widens the dock (and the window with it).
    m_title->setWordWrap(true);
    m_status->setWordWrap(true);
    m_plot->setMinimumHeight(260);
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerDateTime>::create());
    m_plot->xAxis->setLabel(tr("time (UTC)"));
    m_plot->yAxis->setLabel(tr("health factor"));
    m_plot->addGraph();
    m_plot->graph(0)->setName(tr("health factor"));
    m_plot->graph(0)->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 2));
    m_plot->graph(0)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
    m_plot->addGraph();
    m_plot->graph(1)->setName(tr("alert level"));
    m_plot->graph(1)->setPen(QPen(QColor(0xb3, 0x26, 0x1e), 1.5, Qt::DashLine));
    m_plot->legend->setVisible(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(m_banner);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_status);
    connect(m_timer, &QTimer::timeout, this, &WatchPanel::readNow);
    connect(m_startStop, &QPushButton::clicked, this, [this] { m_timer->isActive() ? stop() : start(); });
    connect(m_alertHf, &QDoubleSpinBox::valueChanged, this, &WatchPanel::restartAlert);
    connect(m_alertDistance, &QDoubleSpinBox::valueChanged, this, &WatchPanel::restartAlert);
    restartAlert();
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->show();
    }
}

void WatchPanel::setTitle(const QString &title)
{
    m_title->setText(title);
}

void WatchPanel::restartAlert()
{
    HealthAlertLevels levels;
    levels.healthFactorBelow = m_alertHf->value();
    if (m_alertDistance->value() > 0.0)
        levels.distanceBelow = m_alertDistance->value() / 100.0;
    m_alert = HealthAlert(levels);
}

void WatchPanel::start()
{
    m_timer->start(m_interval->value() * 1000);
    m_startStop->setText(tr("Stop"));
    m_interval->setEnabled(false);
    readNow();
}

void WatchPanel::stop()
{
    m_timer->stop();
    m_startStop->setText(tr("Start"));
    m_interval->setEnabled(true);
}

bool WatchPanel::isRunning() const
{
    return m_timer->isActive();
}

void WatchPanel::readNow()
{
    if (m_asyncReader) {
        if (m_reading)
            return;
        m_reading = true;
        const QDateTime started = QDateTime::currentDateTimeUtc();
        m_status->setText(tr("Reading..."));
        m_asyncReader([this, started](const Expected<Account> &account) {
            m_reading = false;
            if (account)
                addReading(started, account.value());
            else
                addFailure(started, formatErrors(account.errors()).simplified());
        });
        return;
    }
    if (!m_reader)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Expected<Account> account = m_reader();
    if (account)
        addReading(now, account.value());
    else
        addFailure(now, formatErrors(account.errors()).simplified());
}

void WatchPanel::addReading(const QDateTime &time, const Account &account)
{
    const AccountFigures f = accountFigures(account);
    const double distance = nearestDistance(account);
    const double x = static_cast<double>(time.toMSecsSinceEpoch()) / 1000.0;
    if (std::isfinite(f.healthFactor))
        m_plot->graph(0)->addData(x, f.healthFactor);
    m_plot->graph(1)->addData(x, m_alertHf->value());
    m_plot->rescaleAxes();
    m_plot->yAxis->setRangeLower(std::min(1.0, m_plot->yAxis->range().lower));
    m_plot->yAxis->setRangeUpper(m_plot->yAxis->range().upper * 1.1);
    m_plot->replot();
    const std::optional<QString> alert = m_alert.reading(f.healthFactor, distance);
    m_status->setText(tr("Last reading %1: health factor %2, nearest liquidation %3")
                          .arg(time.toString(Qt::ISODate), machine::fixed(f.healthFactor, 4),
                               std::isnan(distance) ? tr("none") : machine::percent(distance)));
    appendLog(QStringLiteral("%1,%2,%3,%4,%5,%6\n")
                  .arg(time.toString(Qt::ISODate), machine::fixed(f.healthFactor, 9),
                       machine::fixed(f.totalCollateralUsd, 2), machine::fixed(f.totalDebtUsd, 2),
                       machine::fixed(distance, 6), alert ? QStringLiteral("alert") : QStringLiteral("ok")));
    if (alert)
        showAlert(*alert);
    else if (!m_alert.isBelow())
        m_banner->hide();
}

void WatchPanel::addFailure(const QDateTime &time, const QString &why)
{
    m_alert.failedReading();
    m_status->setText(tr("Reading at %1 FAILED (retried at the next interval; not a safe reading): %2")
                          .arg(time.toString(Qt::ISODate), why));
    appendLog(QStringLiteral("%1,,,,,failed\n").arg(time.toString(Qt::ISODate)));
}

QString WatchPanel::statusText() const
{
    return m_status->text();
}

void WatchPanel::showAlert(const QString &message)
{
    const QString text =
        tr("%1: %2").arg(m_title->text().isEmpty() ? tr("Position") : m_title->text(), message);
    if (m_tray && QSystemTrayIcon::supportsMessages())
        m_tray->showMessage(tr("Leverage Planner: health alert"), text, QSystemTrayIcon::Warning);
    m_banner->setText(text);
    m_banner->show();
    emit alertRaised(text);
}

void WatchPanel::appendLog(const QString &row)
{
    const QString path = m_logPath->text();
    if (path.isEmpty())
        return;
    if (m_log.isEmpty())
        m_log = "time_utc,health_factor,total_collateral_usd,total_debt_usd,nearest_liquidation_distance,"
                "status\n";
    m_log += row.toUtf8();
    const ValidationErrors errors = writeFileAtomically(m_log, path);
    if (!errors.isEmpty())
        m_status->setText(m_status->text() + tr(" (log not written: %1)").arg(formatErrors(errors)));
}

} // namespace lp
