// Markets > Refresh From Chain's first page (marketrefreshdialog.h): which market to read. A known Aave v3
// deployment (by its PoolAddressesProvider, with its known pool, data provider and oracle), a Morpho Blue
// market a deployment lists (Morpho and the market's id), or a typed RPC URL and address; a typed Morpho
// market id makes the address Morpho's.
#include "marketrefreshdialog.h"

#include "abi.h"
#include "deployments.h"
#include "jsonrpcclient.h"
#include "riskstyle.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace lp {

namespace {

// A Morpho market's item data: "<deployment>|<market id>".
QString morphoItem(const chain::Deployment &d, const chain::DeploymentMarket &m)
{
    return d.name + QLatin1Char('|') + m.id;
}

} // namespace

QWidget *MarketRefreshDialog::buildSourcePage()
{
    m_deployment->setObjectName(QStringLiteral("deployment"));
    m_deployment->addItem(tr("Your own: type the RPC URL and the address"), QString());
    const Expected<QList<chain::Deployment>> known = chain::knownDeployments();
    if (known) {
        for (const chain::Deployment &d : known.value()) {
            // The markets known by their pool only (`market fetch --deployment`) are read from the command
            // line: their provider takes a round trip of its own.
            if (d.protocol == u"aave-v3" && !d.poolAddressesProvider.isEmpty())
                m_deployment->addItem(tr("%1 (%2, chain %3)").arg(d.name, d.chain).arg(d.chainId), d.name);
            if (d.protocol != u"morpho-blue")
                continue;
            for (const chain::DeploymentMarket &m : d.markets)
                m_deployment->addItem(tr("%1: %2 (%3, chain %4)").arg(d.name, m.name, d.chain).arg(d.chainId),
                                      morphoItem(d, m));
        }
    }
    connect(m_deployment, &QComboBox::activated, this,
            [this](int index) { chooseDeployment(m_deployment->itemData(index).toString()); });
    m_rpc->setObjectName(QStringLiteral("rpcUrl"));
    m_rpc->setPlaceholderText(QStringLiteral("https://..."));
    m_provider->setObjectName(QStringLiteral("poolAddressesProvider"));
    m_provider->setPlaceholderText(QStringLiteral("0x..."));
    m_marketId->setObjectName(QStringLiteral("morphoMarketId"));
    m_marketId->setPlaceholderText(tr("Morpho Blue only: 0x and 64 hex digits"));
    m_errors->setObjectName(QStringLiteral("refreshErrors"));
    m_errors->setWordWrap(true);
    m_errors->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errors->setStyleSheet(QStringLiteral("color: %1;").arg(risk::colorFor(risk::Level::Danger).name()));
    auto *privacy = new QLabel(
        tr("The app reads the market with eth_call requests for its contracts' addresses, sent to this URL "
           "and nowhere else, now and only now. A key in the URL stays on this machine: the saved market "
           "keeps the host only. Nothing changes before you review and apply."));
    privacy->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Deployment"), m_deployment);
    form->addRow(tr("RPC URL"), m_rpc);
    form->addRow(tr("PoolAddressesProvider or Morpho"), m_provider);
    form->addRow(tr("Morpho market id"), m_marketId);
    auto *read = new QPushButton(tr("&Read"));
    read->setObjectName(QStringLiteral("readButton"));
    read->setDefault(true);
    connect(read, &QPushButton::clicked, this, [this] { (void)startRead(); });
    auto *close = new QPushButton(tr("Close"));
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(read);
    buttons->addWidget(close);
    auto *page = new QWidget;
    auto *v = new QVBoxLayout(page);
    v->addLayout(form);
    v->addWidget(privacy);
    v->addWidget(m_errors);
    v->addStretch();
    v->addLayout(buttons);
    return page;
}

void MarketRefreshDialog::chooseDeployment(const QString &name)
{
    m_deployment->setCurrentIndex(std::max(0, m_deployment->findData(name)));
    const Expected<QList<chain::Deployment>> known = chain::knownDeployments();
    if (!known)
        return;
    const QString deployment = name.section(QLatin1Char('|'), 0, 0);
    for (const chain::Deployment &d : known.value()) {
        if (d.name != deployment)
            continue;
        m_rpc->setText(d.rpc);
        m_provider->setText(d.protocol == u"morpho-blue" ? d.morpho : d.poolAddressesProvider);
        m_marketId->setText(name.section(QLatin1Char('|'), 1));
    }
}

void MarketRefreshDialog::setEndpoint(const QString &rpcUrl, const QString &address,
                                      const QString &morphoMarketId)
{
    m_deployment->setCurrentIndex(0);
    m_rpc->setText(rpcUrl);
    m_provider->setText(address);
    m_marketId->setText(morphoMarketId);
}

bool MarketRefreshDialog::startRead()
{
    const QUrl url(m_rpc->text().trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty()) {
        m_errors->setText(tr("RPC URL: must be an http:// or https:// URL"));
        return false;
    }
    const QString marketId = m_marketId->text().trimmed();
    const bool morpho = !marketId.isEmpty();
    if (!chain::AbiValue::address(m_provider->text().trimmed())) {
        m_errors->setText(morpho ? tr("Morpho: must be an address, 0x and 40 hex digits")
                                 : tr("PoolAddressesProvider: must be an address, 0x and 40 hex digits"));
        return false;
    }
    if (morpho && !chain::isMorphoMarketId(marketId)) {
        m_errors->setText(tr("Morpho market id: must be 0x and 64 hex digits"));
        return false;
    }
    ChainFetch::Request request;
    request.rpc = url;
    const QString address = m_provider->text().trimmed();
    if (morpho) {
        request.morpho = address;
        request.morphoMarketId = marketId;
    } else {
        request.poolAddressesProvider = address;
    }
    m_deploymentName.clear();
    const QString chosen = m_deployment->currentData().toString().section(QLatin1Char('|'), 0, 0);
    const Expected<QList<chain::Deployment>> known = chain::knownDeployments();
    if (known && !chosen.isEmpty()) {
        for (const chain::Deployment &d : known.value()) {
            if (d.name != chosen)
                continue;
            if (morpho && d.morpho.compare(address, Qt::CaseInsensitive) == 0) {
                m_deploymentName = d.name; // the market's id is derived from its pair and id
                request.chainId = static_cast<quint64>(d.chainId);
            } else if (!morpho && d.poolAddressesProvider.compare(address, Qt::CaseInsensitive) == 0) {
                m_deploymentName = d.name;
                request.marketId = d.name;
                request.chainId = static_cast<quint64>(d.chainId);
                if (d.hasKnownAddresses()) {
                    request.knownPool = d.pool;
                    request.knownDataProvider = d.dataProvider;
                    request.knownOracle = d.oracle;
                }
            }
        }
    }
    if (!m_fetch->start(request))
        return false;
    m_errors->clear();
    m_progress->setRange(0, 0);
    m_progressText->setText(tr("Connecting to %1...").arg(chain::redactedEndpoint(url)));
    showPage(Page::Progress);
    return true;
}

} // namespace lp
