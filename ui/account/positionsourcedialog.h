#pragma once

// File > Open Position... and File > Watch Position...: where the account is read from (a known
// deployment, Aave family or Morpho Blue, or an RPC URL with a PoolAddressesProvider, or with Morpho's
// address and a market id) and the account's address. Opening reads the account once, off the GUI thread,
// with progress and Cancel, and closes with the position read; a failure is shown in the dialog, naming the
// field or the call. Watching only checks the fields: the watch reads on its own interval. The app never
// asks for a key and never signs or sends anything.
#include "deployments.h"
#include "positionfetch.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace lp {

class PositionSourceDialog : public QDialog {
    Q_OBJECT
public:
    enum class Purpose { Open, Watch };

    explicit PositionSourceDialog(Purpose purpose, QWidget *parent = nullptr);

    // The fields as a request, or every problem, each naming its field.
    [[nodiscard]] Expected<PositionRequest> request() const;
    // Open: reads the account (off the GUI thread); the dialog accepts once it is read. Watch: accepts
    // when the fields are valid. A problem is shown in the dialog.
    void submit();
    // Open: the position read, once accepted.
    [[nodiscard]] const std::optional<chain::FetchedPosition> &position() const { return m_position; }
    [[nodiscard]] PositionFetch *fetch() const { return m_fetch; }

    [[nodiscard]] QComboBox *deploymentBox() const { return m_deployment; }
    [[nodiscard]] QLineEdit *rpcEdit() const { return m_rpc; }
    [[nodiscard]] QLineEdit *poolProviderEdit() const { return m_provider; }
    [[nodiscard]] QLineEdit *morphoEdit() const { return m_morpho; }
    [[nodiscard]] QComboBox *marketIdBox() const { return m_marketId; }
    [[nodiscard]] QLineEdit *accountEdit() const { return m_account; }
    [[nodiscard]] QLabel *messageLabel() const { return m_message; }
    [[nodiscard]] QProgressBar *progressBar() const { return m_progress; }
    [[nodiscard]] QDialogButtonBox *buttons() const { return m_buttons; }

    // The text the known-deployment box shows for "type the addresses yourself".
    [[nodiscard]] static QString customText();

private:
    void deploymentChosen();
    void readFinished();
    void setBusy(bool busy);

    Purpose m_purpose;
    QList<chain::Deployment> m_known;
    QComboBox *m_deployment;
    QLineEdit *m_rpc;
    QLineEdit *m_provider;
    QLineEdit *m_morpho;
    QComboBox *m_marketId;
    QLineEdit *m_account;
    QLabel *m_message;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    PositionFetch *m_fetch;
    std::optional<chain::FetchedPosition> m_position;
};

} // namespace lp
