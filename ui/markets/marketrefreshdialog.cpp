#include "marketrefreshdialog.h"

#include "abi.h"
#include "deployments.h"
#include "jsonrpcclient.h"
#include "marketregistry.h"
#include "marketreviewtable.h"
#include "riskstyle.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace lp {

namespace {

// What a fetched market was read from: its PoolAddressesProvider, or a Morpho Blue market's id.
QString providerOf(const Market &m)
{
    if (!m.fetched)
        return {};
    for (const auto &[name, address] : m.fetched->contracts) {
        if (name == u"poolAddressesProvider" || name == u"marketId")
            return address.toLower();
    }
    return {};
}

} // namespace

MarketRefreshDialog::MarketRefreshDialog(MarketRegistry *registry, QString userDirectory,
                                         QString currentMarketId, QWidget *parent)
    : QDialog(parent), m_registry(registry), m_userDirectory(std::move(userDirectory)),
      m_currentMarketId(std::move(currentMarketId)), m_fetch(new ChainFetch(this)),
      m_pages(new QStackedWidget), m_deployment(new QComboBox), m_rpc(new QLineEdit),
      m_provider(new QLineEdit), m_marketId(new QLineEdit), m_errors(new QLabel), m_progressText(new QLabel),
      m_progress(new QProgressBar), m_readInfo(new QLabel), m_compare(new QComboBox), m_target(new QLabel),
      m_review(new MarketReviewTable), m_apply(new QPushButton(tr("&Apply")))
{
    setWindowTitle(tr("Refresh Market From Chain"));
    m_pages->addWidget(buildSourcePage());
    m_pages->addWidget(buildProgressPage());
    m_pages->addWidget(buildReviewPage());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    connect(m_fetch, &ChainFetch::progress, this, [this](int step, int steps, const QString &what) {
        m_progress->setRange(0, steps);
        m_progress->setValue(step - 1);
        m_progressText->setText(tr("Reading %1 (round trip %2 of %3)...").arg(what).arg(step).arg(steps));
    });
    connect(m_fetch, &ChainFetch::finished, this, &MarketRefreshDialog::onFetchFinished);
    resize(900, 560);
}

QWidget *MarketRefreshDialog::buildProgressPage()
{
    m_progressText->setObjectName(QStringLiteral("refreshProgress"));
    m_progressText->setWordWrap(true);
    m_progress->setRange(0, 0); // busy until the first step says how many
    auto *cancel = new QPushButton(tr("Cancel"));
    cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(cancel, &QPushButton::clicked, this, &MarketRefreshDialog::cancelRead);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(cancel);
    auto *page = new QWidget;
    auto *v = new QVBoxLayout(page);
    v->addStretch();
    v->addWidget(m_progressText);
    v->addWidget(m_progress);
    v->addStretch();
    v->addLayout(buttons);
    return page;
}

QWidget *MarketRefreshDialog::buildReviewPage()
{
    m_readInfo->setObjectName(QStringLiteral("readInfo"));
    m_readInfo->setWordWrap(true);
    m_readInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_compare->setObjectName(QStringLiteral("compareWith"));
    connect(m_compare, &QComboBox::activated, this, [this] { updateReview(); });
    m_target->setObjectName(QStringLiteral("saveTarget"));
    m_target->setWordWrap(true);
    auto *compareRow = new QHBoxLayout;
    compareRow->addWidget(new QLabel(tr("Compare with")));
    compareRow->addWidget(m_compare, 1);
    auto *all = new QPushButton(tr("Take &All"));
    auto *none = new QPushButton(tr("Take &None"));
    connect(all, &QPushButton::clicked, this, [this] { m_review->setAllAccepted(true); });
    connect(none, &QPushButton::clicked, this, [this] { m_review->setAllAccepted(false); });
    auto *back = new QPushButton(tr("&Back"));
    connect(back, &QPushButton::clicked, this, [this] { showPage(Page::Source); });
    m_apply->setObjectName(QStringLiteral("applyButton"));
    m_apply->setToolTip(tr("Save the market with the changes ticked; the presets stay as they are"));
    connect(m_apply, &QPushButton::clicked, this, [this] { (void)apply(); });
    auto *close = new QPushButton(tr("Close"));
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(all);
    buttons->addWidget(none);
    buttons->addStretch();
    buttons->addWidget(back);
    buttons->addWidget(m_apply);
    buttons->addWidget(close);
    auto *page = new QWidget;
    auto *v = new QVBoxLayout(page);
    v->addWidget(m_readInfo);
    v->addLayout(compareRow);
    v->addWidget(m_review, 1);
    v->addWidget(m_target);
    v->addLayout(buttons);
    return page;
}

void MarketRefreshDialog::cancelRead()
{
    m_fetch->cancel();
    m_progressText->setText(tr("Cancelling..."));
}

void MarketRefreshDialog::onFetchFinished()
{
    const std::optional<Expected<Market>> &result = m_fetch->result();
    if (m_fetch->wasCancelled() || !result || !result->hasValue()) {
        const QString host = chain::redactedEndpoint(QUrl(m_rpc->text().trimmed()));
        m_errors->setText(m_fetch->wasCancelled()
                              ? tr("Cancelled: nothing was read and nothing changed.")
                              : tr("Reading the market from %1 failed; nothing changed.\n%2")
                                    .arg(host, result ? formatErrors(result->errors()) : QString()));
        showPage(Page::Source);
        return;
    }
    m_fetched = result->value();
    const FetchedRecord &f = *m_fetched->fetched;
    const QString version = f.protocol == u"morpho-blue" ? f.version : QStringLiteral("Aave v") + f.version;
    m_readInfo->setText(tr("Read %1 (%2, chain %3, %4) at block %5, %6 UTC, from %7: %8 reserves, "
                           "%9 HTTP round trips.")
                            .arg(m_fetched->name, m_fetched->chain)
                            .arg(f.chainId)
                            .arg(version)
                            .arg(f.blockNumber)
                            .arg(f.blockTime.toString(QStringLiteral("yyyy-MM-dd HH:mm")), f.rpcHost)
                            .arg(m_fetched->reserves.size())
                            .arg(m_fetch->roundTrips()));
    m_compare->clear();
    m_compare->addItem(tr("Nothing: save it as a new market"), QString());
    for (const MarketRegistry::Entry &e : m_registry->entries())
        m_compare->addItem(
            e.builtIn ? tr("%1 (preset, as of %2)").arg(e.market.name, e.market.asOf.toString(Qt::ISODate))
                      : tr("%1 (yours, as of %2)").arg(e.market.name, e.market.asOf.toString(Qt::ISODate)),
            e.market.id);
    m_compare->setCurrentIndex(std::max(0, m_compare->findData(defaultCompareId())));
    updateReview();
    showPage(Page::Review);
}

QString MarketRefreshDialog::defaultCompareId() const
{
    // The market read before from this provider (or Morpho market) on this chain (the latest saved), else
    // the deployment's preset, else the plan's market when it is on the same chain.
    const QString provider = providerOf(*m_fetched);
    QString match;
    for (const MarketRegistry::Entry &e : m_registry->entries()) {
        if (!e.builtIn && !provider.isEmpty() && providerOf(e.market) == provider &&
            e.market.fetched->chainId == m_fetched->fetched->chainId)
            match = e.market.id;
    }
    if (!match.isEmpty())
        return match;
    if (!m_deploymentName.isEmpty() && m_registry->find(m_deploymentName))
        return m_deploymentName;
    const Market *current = m_registry->find(m_currentMarketId);
    const bool morpho = m_fetched->liquidationRules == LiquidationRuleSet::MorphoBlue;
    if (current && current->chainId == m_fetched->chainId &&
        (!morpho || current->liquidationRules == LiquidationRuleSet::MorphoBlue))
        return m_currentMarketId;
    return {};
}

void MarketRefreshDialog::compareWith(const QString &marketId)
{
    m_compare->setCurrentIndex(std::max(0, m_compare->findData(marketId)));
    updateReview();
}

QString MarketRefreshDialog::targetId() const
{
    if (!m_fetched)
        return {};
    QString from = m_compare->currentData().toString();
    if (!from.isEmpty() && !m_registry->isBuiltIn(from))
        return from; // the user's market is updated in place
    QString base = (from.isEmpty() ? m_fetched->id : from).left(48);
    if (from.isEmpty() && !m_registry->find(base))
        return base;
    const QString dated = base + QLatin1Char('-') + m_fetched->asOf.toString(QStringLiteral("yyyyMMdd"));
    QString id = dated;
    for (int n = 2; m_registry->find(id) && m_registry->isBuiltIn(id); ++n)
        id = QStringLiteral("%1-%2").arg(dated).arg(n);
    return id;
}

void MarketRefreshDialog::updateReview()
{
    if (!m_fetched)
        return;
    const Market *old = m_registry->find(m_compare->currentData().toString());
    m_review->setChanges(old ? diffMarkets(*old, *m_fetched) : QList<MarketChange>{});
    const QString target = targetId();
    const bool replaces = m_registry->find(target) != nullptr;
    m_target->setText(
        !old ? tr("Apply saves the market as read under \"%1\"%2.")
                   .arg(target, replaces ? tr(", replacing your market of that id") : QString())
        : m_review->changes().isEmpty()
            ? tr("No parameter changed since %1. Apply records the new block and chain state in \"%2\".")
                  .arg(old->asOf.toString(Qt::ISODate), target)
            : tr("%1 changes. Apply saves the ticked ones in your market \"%2\"%3.")
                  .arg(m_review->changes().size())
                  .arg(target,
                       m_registry->isBuiltIn(old->id) ? tr(" (the preset stays as it is)") : QString()));
}

bool MarketRefreshDialog::apply()
{
    if (!m_fetched)
        return false;
    const QString from = m_compare->currentData().toString();
    const Market *old = m_registry->find(from);
    Market m = old ? mergeMarket(*old, *m_fetched, m_review->changes(), m_review->accepted()) : *m_fetched;
    m.id = targetId();
    if (old && m_registry->isBuiltIn(from))
        m.name = tr("%1 (%2)").arg(old->name, m.asOf.toString(Qt::ISODate));
    ValidationErrors errors = validateMarket(m);
    if (errors.isEmpty())
        errors = m_registry->saveUserMarket(m, m_userDirectory);
    if (!errors.isEmpty()) {
        m_target->setText(tr("Not saved: %1").arg(formatErrors(errors)));
        return false;
    }
    emit marketSaved(from, m.id);
    accept();
    return true;
}

MarketRefreshDialog::Page MarketRefreshDialog::page() const
{
    return static_cast<Page>(m_pages->currentIndex());
}

void MarketRefreshDialog::showPage(Page page)
{
    m_pages->setCurrentIndex(static_cast<int>(page));
}

void MarketRefreshDialog::reject()
{
    m_fetch->cancel();
    QDialog::reject();
}

} // namespace lp
