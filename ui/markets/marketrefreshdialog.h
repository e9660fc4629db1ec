#pragma once

#include "chainfetch.h"
#include "marketdiff.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace lp {

class MarketRegistry;
class MarketReviewTable;

// Markets > Refresh From Chain...: choose a known deployment or Morpho Blue market (or type an RPC URL
// and a PoolAddressesProvider address, or Morpho's address and a market id), read the market off the GUI
// thread with a progress bar and Cancel, then review every change against a market the app holds (per reserve
// and field, old and new value, statuses flagged) and take all of them or some. Applying saves a user market:
// the same one when the market compared with is the user's, a new dated one (<id>-<yyyymmdd>) when it is a
// preset, which stays read-only. Nothing is saved, and no market changes, before Apply; a failed or cancelled
// read changes nothing. The only network calls are this read's, to the URL shown.
class MarketRefreshDialog : public QDialog {
    Q_OBJECT
public:
    enum class Page { Source, Progress, Review };

    // `currentMarketId`: the plan's market, compared with when nothing better matches.
    MarketRefreshDialog(MarketRegistry *registry, QString userDirectory, QString currentMarketId,
                        QWidget *parent = nullptr);

    // The choices as the widgets make them (also for tests).
    void chooseDeployment(const QString &name);
    // A typed source: an Aave v3 PoolAddressesProvider, or with a market id, Morpho Blue's address.
    void setEndpoint(const QString &rpcUrl, const QString &address, const QString &morphoMarketId = {});
    // Starts the read with what the source page holds; false with a message naming the field when it
    // is not usable.
    bool startRead();
    void cancelRead();
    // The market to compare with: a registry id, or empty for "a new market".
    void compareWith(const QString &marketId);
    // Saves the reviewed market; false with the problems shown when it could not.
    bool apply();

    [[nodiscard]] Page page() const;
    [[nodiscard]] QComboBox *deploymentBox() const { return m_deployment; }
    [[nodiscard]] QComboBox *compareBox() const { return m_compare; }
    [[nodiscard]] MarketReviewTable *reviewTable() const { return m_review; }
    [[nodiscard]] QLabel *errorLabel() const { return m_errors; }
    [[nodiscard]] QLabel *progressLabel() const { return m_progressText; }
    [[nodiscard]] QLabel *readLabel() const { return m_readInfo; }
    [[nodiscard]] const std::optional<Market> &fetchedMarket() const { return m_fetched; }
    // The id Apply saves under, for the market compared with now.
    [[nodiscard]] QString targetId() const;
    [[nodiscard]] ChainFetch *fetch() const { return m_fetch; }

signals:
    // A user market was saved from the chain: `fromId` is the market compared with (empty for none).
    void marketSaved(const QString &fromId, const QString &savedId);

protected:
    void reject() override;

private:
    QWidget *buildSourcePage();
    QWidget *buildProgressPage();
    QWidget *buildReviewPage();
    void onFetchFinished();
    void updateReview();
    void showPage(Page page);
    [[nodiscard]] QString defaultCompareId() const;

    MarketRegistry *m_registry;
    QString m_userDirectory;
    QString m_currentMarketId;
    QString m_deploymentName; // the deployment read, if one was chosen
    ChainFetch *m_fetch;
    std::optional<Market> m_fetched;

    QStackedWidget *m_pages;
    QComboBox *m_deployment;
    QLineEdit *m_rpc;
    QLineEdit *m_provider; // the PoolAddressesProvider, or Morpho with a market id
    QLineEdit *m_marketId; // a Morpho Blue market id; empty for Aave
    QLabel *m_errors;
    QLabel *m_progressText;
    QProgressBar *m_progress;
    QLabel *m_readInfo;
    QComboBox *m_compare;
    QLabel *m_target;
    MarketReviewTable *m_review;
    QPushButton *m_apply;
};

} // namespace lp
