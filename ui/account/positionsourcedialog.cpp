#include "positionsourcedialog.h"

#include "abi.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace lp {

namespace {

const chain::Deployment *deploymentNamed(const QList<chain::Deployment> &known, const QString &name)
{
    return chain::findDeployment(known, name);
}

} // namespace

QString PositionSourceDialog::customText()
{
    return tr("Other (type the RPC URL and addresses)");
}

PositionSourceDialog::PositionSourceDialog(Purpose purpose, QWidget *parent)
    : QDialog(parent), m_purpose(purpose), m_deployment(new QComboBox), m_rpc(new QLineEdit),
      m_provider(new QLineEdit), m_morpho(new QLineEdit), m_marketId(new QComboBox), m_account(new QLineEdit),
      m_message(new QLabel), m_progress(new QProgressBar),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel)),
      m_fetch(new PositionFetch(this))
{
    setObjectName(QStringLiteral("positionSourceDialog"));
    setWindowTitle(purpose == Purpose::Open ? tr("Open Position") : tr("Watch Position"));
    const Expected<QList<chain::Deployment>> known = chain::knownDeployments();
    if (known)
        m_known = known.value();
    m_deployment->addItem(customText());
    for (const chain::Deployment &d : m_known)
        m_deployment->addItem(d.name);
    m_deployment->setObjectName(QStringLiteral("positionDeployment"));
    m_rpc->setPlaceholderText(QStringLiteral("https://..."));
    m_provider->setPlaceholderText(tr("Aave v3 family: the PoolAddressesProvider, 0x..."));
    m_morpho->setPlaceholderText(tr("Morpho Blue: the Morpho contract, 0x..."));
    m_marketId->setEditable(true);
    m_marketId->lineEdit()->setPlaceholderText(tr("Morpho Blue: the market's id, 0x and 64 hex digits"));
    m_account->setPlaceholderText(tr("The account's address, 0x and 40 hex digits"));
    m_account->setObjectName(QStringLiteral("positionAccount"));

    auto *form = new QFormLayout;
    form->addRow(tr("Known market:"), m_deployment);
    form->addRow(tr("RPC URL:"), m_rpc);
    form->addRow(tr("Pool provider:"), m_provider);
    form->addRow(tr("Morpho:"), m_morpho);
    form->addRow(tr("Morpho market:"), m_marketId);
    form->addRow(tr("Account:"), m_account);
    auto *layout = new QVBoxLayout(this);
    auto *note =
        new QLabel(tr("Read-only: the app asks the node for balances and prices (eth_call); it never "
                      "asks for a key and never signs or sends a transaction."));
    note->setWordWrap(true);
    layout->addWidget(note);
    layout->addLayout(form);
    m_message->setObjectName(QStringLiteral("positionMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);
    m_progress->setRange(0, 0);
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_buttons->button(QDialogButtonBox::Ok)->setText(purpose == Purpose::Open ? tr("Read") : tr("Watch"));
    layout->addWidget(m_buttons);
    setMinimumWidth(560);

    connect(m_deployment, &QComboBox::currentIndexChanged, this, &PositionSourceDialog::deploymentChosen);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PositionSourceDialog::submit);
    // Cancel stops a read in flight; with none, it closes the dialog.
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_fetch->isRunning())
            m_fetch->cancel();
        else
            reject();
    });
    connect(m_fetch, &PositionFetch::finished, this, &PositionSourceDialog::readFinished);
    deploymentChosen();
}

void PositionSourceDialog::deploymentChosen()
{
    const chain::Deployment *d = deploymentNamed(m_known, m_deployment->currentText());
    const bool custom = d == nullptr;
    m_provider->setEnabled(custom);
    m_morpho->setEnabled(custom);
    m_marketId->clear();
    if (custom)
        return;
    m_rpc->setText(d->rpc);
    const bool morpho = d->protocol == u"morpho-blue";
    m_provider->setText(morpho ? QString()
                               : (d->poolAddressesProvider.isEmpty() ? d->pool : d->poolAddressesProvider));
    m_morpho->setText(morpho ? d->morpho : QString());
    m_marketId->setEnabled(morpho);
    for (const chain::DeploymentMarket &m : d->markets)
        m_marketId->addItem(m.name, m.id);
}

Expected<PositionRequest> PositionSourceDialog::request() const
{
    ValidationErrors errors;
    PositionRequest r;
    r.user = m_account->text().trimmed();
    if (!chain::AbiValue::address(r.user))
        errors.append({tr("Account"), tr("must be an address: 0x and 40 hex digits")});
    r.rpc = QUrl(m_rpc->text().trimmed(), QUrl::StrictMode);
    if (!r.rpc.isValid() || (r.rpc.scheme() != u"http" && r.rpc.scheme() != u"https") ||
        r.rpc.host().isEmpty())
        errors.append({tr("RPC URL"), tr("must be an http:// or https:// URL")});
    const chain::Deployment *d = deploymentNamed(m_known, m_deployment->currentText());
    if (d)
        r.chainId = static_cast<quint64>(d->chainId);
    r.morpho = m_morpho->text().trimmed();
    const QString provider = m_provider->text().trimmed();
    if (d && d->protocol != u"morpho-blue" && d->poolAddressesProvider.isEmpty())
        r.pool = provider;
    else
        r.poolProvider = provider;
    if (!r.morpho.isEmpty() && !provider.isEmpty())
        errors.append({tr("Pool provider"), tr("name either a pool provider (Aave) or Morpho, not both")});
    if (!r.morpho.isEmpty()) {
        if (!chain::AbiValue::address(r.morpho))
            errors.append({tr("Morpho"), tr("must be an address: 0x and 40 hex digits")});
        const int index = m_marketId->findText(m_marketId->currentText());
        r.marketId = index >= 0 && !m_marketId->itemData(index).toString().isEmpty()
                         ? m_marketId->itemData(index).toString()
                         : m_marketId->currentText().trimmed();
        if (!chain::isMorphoMarketId(r.marketId))
            errors.append({tr("Morpho market"), tr("must be a market id: 0x and 64 hex digits")});
    } else if (!chain::AbiValue::address(provider)) {
        errors.append({tr("Pool provider"), tr("must be an address: 0x and 40 hex digits")});
    }
    if (!errors.isEmpty())
        return errors;
    r.title = tr("%1 on %2").arg(r.user.left(10) + QStringLiteral("..."), d ? d->name : r.rpc.host());
    return r;
}

void PositionSourceDialog::submit()
{
    if (m_fetch->isRunning())
        return;
    const Expected<PositionRequest> r = request();
    if (!r) {
        m_message->setText(formatErrors(r.errors()).trimmed());
        return;
    }
    if (m_purpose == Purpose::Watch) {
        accept();
        return;
    }
    m_position.reset();
    m_message->setText(tr("Reading the account from %1...").arg(r->rpc.host()));
    setBusy(true);
    m_fetch->start(*r);
}

void PositionSourceDialog::readFinished()
{
    setBusy(false);
    const auto &result = m_fetch->result();
    if (!result || !result->hasValue()) {
        m_message->setText(tr("The account could not be read: %1")
                               .arg(result ? formatErrors(result->errors()).trimmed() : tr("no answer")));
        return;
    }
    m_position = result->value();
    accept();
}

void PositionSourceDialog::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
    for (QWidget *w : std::initializer_list<QWidget *>{m_deployment, m_rpc, m_account})
        w->setEnabled(!busy);
}

} // namespace lp
