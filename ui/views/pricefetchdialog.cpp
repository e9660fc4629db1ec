#include "pricefetchdialog.h"

#include "jsonrpcclient.h"
#include "safefile.h"
#include "settingskeys.h"

#include <QDateEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace lp {

PriceFetchDialog::PriceFetchDialog(const QString &coin, const QString &outputPath, QWidget *parent)
    : QDialog(parent), m_apiBase(settingskeys::pricesApiBase.read()), m_coin(new QLineEdit(coin)),
      m_from(new QDateEdit), m_to(new QDateEdit), m_path(new QLineEdit(outputPath)), m_privacy(new QLabel),
      m_message(new QLabel), m_progress(new QProgressBar), m_fetch(new QPushButton(tr("&Fetch"))),
      m_cancel(new QPushButton(tr("Close")))
{
    setWindowTitle(tr("Fetch Prices From DefiLlama"));
    m_coin->setObjectName(QStringLiteral("coin"));
    m_coin->setPlaceholderText(QStringLiteral("coingecko:ethereum, ethereum:0x..."));
    const QDate today = QDateTime::currentDateTimeUtc().date();
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setMaximumDate(today);
    }
    m_from->setDate(today.addYears(-1));
    m_to->setDate(today.addDays(-1));
    m_path->setObjectName(QStringLiteral("outputPath"));
    auto *browse = new QPushButton(tr("&Browse..."));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getSaveFileName(this, tr("Save Prices As"), m_path->text(),
                                                            tr("CSV files (*.csv);;All files (*)"));
        if (!chosen.isEmpty())
            m_path->setText(chosen);
    });
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("Coin"), m_coin);
    form->addRow(tr("From (UTC)"), m_from);
    form->addRow(tr("To (UTC)"), m_to);
    form->addRow(tr("Save as"), pathRow);
    m_privacy->setObjectName(QStringLiteral("privacy"));
    m_privacy->setWordWrap(true);
    setApiBase(m_apiBase);
    m_message->setObjectName(QStringLiteral("fetchMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setRange(0, 0); // one request: busy until it answers
    m_progress->setVisible(false);
    m_fetch->setObjectName(QStringLiteral("fetchButton"));
    m_fetch->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(&m_read, &ChainRead::finished, this, &PriceFetchDialog::onFinished);
    connect(m_fetch, &QPushButton::clicked, this, [this] { (void)startFetch(); });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (isRunning())
            cancelFetch();
        else
            QDialog::reject();
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_progress, 1);
    buttons->addStretch();
    buttons->addWidget(m_fetch);
    buttons->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_privacy);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addLayout(buttons);
    resize(560, 300);
}

// A fetch in flight is cancelled and waited for by m_read's destructor.
PriceFetchDialog::~PriceFetchDialog() = default;

void PriceFetchDialog::setApiBase(const QUrl &base)
{
    m_apiBase = base;
    m_privacy->setText(tr("Pressing Fetch sends one request to %1 with the coin id and the dates, nothing "
                          "else: no plan, position or address. The answer is written as the date,price CSV "
                          "the backtest reads.")
                           .arg(chain::redactedEndpoint(m_apiBase)));
}

void PriceFetchDialog::setRequest(const QString &coin, const QDate &from, const QDate &to,
                                  const QString &outputPath)
{
    m_coin->setText(coin);
    m_from->setMaximumDate(std::max(m_from->maximumDate(), std::max(from, to)));
    m_to->setMaximumDate(m_from->maximumDate());
    m_from->setDate(from);
    m_to->setDate(to);
    m_path->setText(outputPath);
}

bool PriceFetchDialog::startFetch()
{
    if (m_read.isRunning())
        return false;
    const auto refuse = [this](const QString &message) {
        m_message->setText(message);
        return false;
    };
    const QString coin = m_coin->text().trimmed();
    if (!chain::isValidCoinId(coin))
        return refuse(tr("Coin: must be a DefiLlama coin id such as coingecko:ethereum or ethereum:0x..."));
    if (m_from->date() > m_to->date())
        return refuse(tr("From: must be on or before To"));
    const QString path = m_path->text().trimmed();
    if (path.isEmpty())
        return refuse(tr("Save as: choose the CSV file to write"));
    const ValidationErrors target = checkWriteTarget(path);
    if (!target.isEmpty())
        return refuse(tr("Save as: %1").arg(formatErrors(target)));
    chain::PriceHistoryRequest request;
    request.apiBase = m_apiBase;
    request.coin = coin;
    request.from = m_from->date();
    request.to = m_to->date();
    // Cancel raises the read's flag, which the GET polls.
    request.cancel = m_read.cancelFlag();
    if (!m_read.start([request] { return chain::fetchPriceHistory(request); }))
        return false;
    m_pendingPath = path;
    m_message->setText(tr("Asking %1 for %2 from %3 to %4...")
                           .arg(chain::redactedEndpoint(m_apiBase), coin, request.from.toString(Qt::ISODate),
                                request.to.toString(Qt::ISODate)));
    setBusy(true);
    return true;
}

void PriceFetchDialog::cancelFetch()
{
    if (!m_read.isRunning())
        return;
    m_read.cancel();
    m_message->setText(tr("Cancelling..."));
}

void PriceFetchDialog::onFinished()
{
    setBusy(false);
    const std::optional<Expected<chain::PriceHistory>> &result = m_read.result();
    if (m_read.wasCancelled()) {
        m_message->setText(tr("Cancelled: nothing was written."));
        return;
    }
    if (!result || !result->hasValue()) {
        m_message->setText(tr("Fetching prices failed; nothing was written.\n%1")
                               .arg(result ? formatErrors(result->errors()) : QString()));
        return;
    }
    const chain::PriceHistory &history = result->value();
    const ValidationErrors written = writeFileAtomically(chain::priceHistoryCsv(history), m_pendingPath);
    if (!written.isEmpty()) {
        m_message->setText(tr("The prices were read but not written: %1").arg(formatErrors(written)));
        return;
    }
    m_saved = m_pendingPath;
    m_message->setText(tr("Saved %1 daily prices of %2 to %3.")
                           .arg(history.points.size())
                           .arg(history.symbol.isEmpty() ? history.coin : history.symbol, m_saved));
    emit pricesSaved(m_saved);
}

void PriceFetchDialog::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_cancel->setText(busy ? tr("Cancel") : tr("Close"));
    m_fetch->setEnabled(!busy);
    for (QWidget *w : std::initializer_list<QWidget *>{m_coin, m_from, m_to, m_path})
        w->setEnabled(!busy);
}

void PriceFetchDialog::reject()
{
    if (m_read.isRunning())
        m_read.cancel();
    QDialog::reject();
}

} // namespace lp
