#pragma once

// File > Watch Position...: reads an account on an interval the user sets (default 5 minutes, never faster
// than 15 s), draws its health factor over time, logs every reading to a CSV file the user chooses, and
// raises an alert (a tray message where the desktop has a tray, and always a banner in the window) when the
// health factor falls below the alert level or the nearest liquidation comes closer than a set move: once
// per crossing, with the numbers. A failed reading is shown as failed and retried; it never reads as safe.
#include "account.h"
#include "expected.h"
#include "healthalert.h"

#include <QDateTime>
#include <QWidget>

#include <functional>

class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QSystemTrayIcon;
class QTimer;

namespace lp {

class WatchPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMinimumIntervalSeconds = 15;
    static constexpr int kDefaultIntervalSeconds = 300;

    explicit WatchPanel(QWidget *parent = nullptr);

    // What one reading does (the window passes the chain reader); called on every tick once started.
    void setReader(std::function<Expected<Account>()> reader) { m_reader = std::move(reader); }
    // A reader that runs elsewhere (the window's reads a node on a worker thread): it is handed what to
    // call with the reading when it comes. A tick while a reading is still out starts no other one.
    using ReadDone = std::function<void(const Expected<Account> &)>;
    void setAsyncReader(std::function<void(ReadDone)> reader) { m_asyncReader = std::move(reader); }
    [[nodiscard]] bool isReading() const { return m_reading; }
    [[nodiscard]] bool isRunning() const;
    void setTitle(const QString &title);
    void start();
    void stop();
    void readNow();

    // One reading's outcome, as the reader gives it (also what the tests feed).
    void addReading(const QDateTime &time, const Account &account);
    void addFailure(const QDateTime &time, const QString &why);

    [[nodiscard]] QSpinBox *intervalBox() const { return m_interval; }
    [[nodiscard]] QDoubleSpinBox *alertBox() const { return m_alertHf; }
    [[nodiscard]] QDoubleSpinBox *distanceBox() const { return m_alertDistance; }
    [[nodiscard]] QLineEdit *logEdit() const { return m_logPath; }
    [[nodiscard]] QLabel *banner() const { return m_banner; }
    [[nodiscard]] QCustomPlot *plot() const { return m_plot; }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] int alertCount() const { return m_alert.alerts(); }

signals:
    // Once per crossing, with the message the user sees.
    void alertRaised(const QString &message);

private:
    void restartAlert();
    void appendLog(const QString &row);
    void showAlert(const QString &message);

    std::function<Expected<Account>()> m_reader;
    std::function<void(ReadDone)> m_asyncReader;
    bool m_reading = false;
    HealthAlert m_alert;
    QLabel *m_title;
    QSpinBox *m_interval;
    QDoubleSpinBox *m_alertHf;
    QDoubleSpinBox *m_alertDistance;
    QLineEdit *m_logPath;
    QPushButton *m_startStop;
    QLabel *m_banner;
    QLabel *m_status;
    QCustomPlot *m_plot;
    QTimer *m_timer;
    QSystemTrayIcon *m_tray = nullptr;
    QByteArray m_log;
};

} // namespace lp
