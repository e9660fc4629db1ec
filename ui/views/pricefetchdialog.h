#pragma once

#include "chainread.h"
#include "pricehistory.h"

#include <QDialog>
#include <QUrl>

class QDateEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace lp {

// "Fetch from DefiLlama...": the daily price CSV a backtest reads, fetched as `prices fetch` does
// (chain/pricehistory: DefiLlama's keyless coins API, or the base URL of the setting prices/apiBase), on a
// worker thread (ChainRead) with a busy bar and Cancel, then written through the one atomic write path. The
// request carries the coin id and the dates and nothing else; it is sent only when the user presses Fetch.
// A failure or a cancel writes nothing and says why.
class PriceFetchDialog : public QDialog {
    Q_OBJECT
public:
    // `coin`: the id to start with ("coingecko:ethereum"); `outputPath`: the CSV to write.
    explicit PriceFetchDialog(const QString &coin = {}, const QString &outputPath = {},
                              QWidget *parent = nullptr);
    ~PriceFetchDialog() override;

    // The API's base URL (the setting prices/apiBase by default); the dialog names it.
    void setApiBase(const QUrl &base);
    void setRequest(const QString &coin, const QDate &from, const QDate &to, const QString &outputPath);
    // Starts the fetch with what the fields hold; false with a message naming the field when one is not
    // usable (nothing is sent then).
    bool startFetch();
    void cancelFetch();
    [[nodiscard]] bool isRunning() const { return m_read.isRunning(); }
    // The file written by the last fetch (empty until one succeeded).
    [[nodiscard]] const QString &savedPath() const { return m_saved; }
    [[nodiscard]] QLabel *messageLabel() const { return m_message; }

signals:
    // The CSV was written: the backtest uses it.
    void pricesSaved(const QString &path);

protected:
    void reject() override;

private:
    void onFinished();
    void setBusy(bool busy);

    QUrl m_apiBase;
    QLineEdit *m_coin;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLineEdit *m_path;
    QLabel *m_privacy;
    QLabel *m_message;
    QProgressBar *m_progress;
    QPushButton *m_fetch;
    QPushButton *m_cancel;
    // The fetch in flight; destroyed before the dialog's widgets, it cancels the request and waits.
    ChainReadOf<chain::PriceHistory> m_read;
    QString m_pendingPath;
    QString m_saved;
};

} // namespace lp
