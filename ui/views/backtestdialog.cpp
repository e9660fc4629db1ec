#include "backtestdialog.h"

#include "displayformat.h"
#include "plotstyle.h"
#include "pricefetchdialog.h"
#include "riskasset.h"
#include "safefile.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace lp {

namespace {

// The CLI's limit for a price file (app/commands/backtestcommand.cpp): a century of daily rows is a few MB.
constexpr qint64 kMaxPriceFileBytes = qint64{64} * 1024 * 1024;

double seconds(const QDate &date)
{
    return static_cast<double>(date.startOfDay(Qt::UTC).toSecsSinceEpoch());
}

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    return item;
}

} // namespace

QString BacktestDialog::coinForSymbol(const QString &symbol)
{
    static const QHash<QString, QString> kCoins{
        {QStringLiteral("ETH"), QStringLiteral("coingecko:ethereum")},
        {QStringLiteral("WETH"), QStringLiteral("coingecko:ethereum")},
        {QStringLiteral("wstETH"), QStringLiteral("coingecko:wrapped-steth")},
        {QStringLiteral("weETH"), QStringLiteral("coingecko:wrapped-eeth")},
        {QStringLiteral("rETH"), QStringLiteral("coingecko:rocket-pool-eth")},
        {QStringLiteral("cbETH"), QStringLiteral("coingecko:coinbase-wrapped-staked-eth")},
        {QStringLiteral("WBTC"), QStringLiteral("coingecko:wrapped-bitcoin")},
        {QStringLiteral("cbBTC"), QStringLiteral("coingecko:coinbase-wrapped-btc")},
        {QStringLiteral("USDC"), QStringLiteral("coingecko:usd-coin")},
        {QStringLiteral("USDT"), QStringLiteral("coingecko:tether")},
        {QStringLiteral("DAI"), QStringLiteral("coingecko:dai")},
    };
    return kCoins.value(symbol);
}

BacktestDialog::BacktestDialog(const Plan &plan, QWidget *parent)
    : QDialog(parent), m_plan(plan), m_path(new QLineEdit), m_axisNote(new QLabel), m_message(new QLabel),
      m_summary(new QLabel), m_events(new QTableWidget(0, 4)),
      m_plot(plotstyle::newPlot(QStringLiteral("backtest.plot"), tr("Equity against holding the deposit")))
{
    setWindowTitle(tr("Backtest Against Price History"));
    m_path->setObjectName(QStringLiteral("pricesPath"));
    m_path->setPlaceholderText(tr("A date,price CSV: one row per day"));
    auto *open = new QPushButton(tr("&Open CSV..."));
    auto *fetch = new QPushButton(tr("&Fetch From DefiLlama..."));
    fetch->setObjectName(QStringLiteral("fetchPrices"));
    fetch->setToolTip(tr("Ask DefiLlama's coins API for daily prices (the coin id and the dates are all "
                         "that is sent)"));
    auto *run = new QPushButton(tr("&Run"));
    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Price History"), m_path->text(),
                                                          tr("Price CSV (*.csv);;All files (*)"));
        if (!path.isEmpty())
            runFile(path);
    });
    connect(fetch, &QPushButton::clicked, this, &BacktestDialog::fetchPrices);
    connect(run, &QPushButton::clicked, this, [this] { runFile(m_path->text()); });
    connect(m_path, &QLineEdit::returnPressed, this, [this] { runFile(m_path->text()); });
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    for (QPushButton *b : {open, fetch, run})
        fileRow->addWidget(b);

    // Which price the rows are: the backtest moves Token A's price with B held (a ratio pair's rows are
    // the A/B ratio times B's price, as on the P&L chart's axis).
    const bool ratio = effectiveRiskAsset(plan) == RiskAsset::Ratio;
    m_axisNote->setWordWrap(true);
    m_axisNote->setObjectName(QStringLiteral("axisNote"));
    m_axisNote->setText(
        ratio ? tr("Rows are %1's price with %2 held at %3: for this pair, give the "
                   "%1/%2 ratio times %3 per day. A USD series of %1 alone would count "
                   "every move of %2 as a depeg.")
                    .arg(plan.collateral.symbol, plan.borrow.symbol, display::usd(plan.borrow.priceUsd))
              : tr("Rows are %1's USD price per day, %2 held at %3; the position opens at the "
                   "first row's price.")
                    .arg(plan.collateral.symbol, plan.borrow.symbol, display::usd(plan.borrow.priceUsd)));
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_events->setObjectName(QStringLiteral("events"));
    m_events->setHorizontalHeaderLabels({tr("Date"), tr("Event"), tr("Price"), tr("Details")});
    m_events->verticalHeader()->setVisible(false);
    m_events->horizontalHeader()->setStretchLastSection(true);
    m_events->setAlternatingRowColors(true);

    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerDateTime>::create());
    qSharedPointerCast<QCPAxisTickerDateTime>(m_plot->xAxis->ticker())
        ->setDateTimeFormat(QStringLiteral("yyyy-MM-dd"));
    qSharedPointerCast<QCPAxisTickerDateTime>(m_plot->xAxis->ticker())->setDateTimeSpec(Qt::UTC);
    m_plot->yAxis->setLabel(tr("USD"));
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setLabel(tr("Health factor"));
    m_plot->addGraph()->setName(tr("Equity"));
    m_plot->graph(0)->setPen(QPen(QColor(0x1f, 0x6f, 0xc5), 2));
    m_plot->addGraph()->setName(tr("Holding the deposit"));
    m_plot->graph(1)->setPen(QPen(Qt::gray, 1.5, Qt::DashLine));
    m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2)->setName(tr("Health factor (right)"));
    m_plot->graph(2)->setPen(QPen(QColor(0xc0, 0x39, 0x2b), 1.2));
    // Health factor 1 on the right axis: where liquidators may act.
    auto *one = new QCPItemStraightLine(m_plot);
    one->point1->setAxes(m_plot->xAxis, m_plot->yAxis2);
    one->point2->setAxes(m_plot->xAxis, m_plot->yAxis2);
    one->point1->setCoords(0, 1);
    one->point2->setCoords(1, 1);
    one->setPen(QPen(QColor(0xc0, 0x39, 0x2b), 1, Qt::DotLine));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->setMinimumHeight(260);

    auto *lower = new QSplitter(Qt::Horizontal);
    lower->addWidget(m_summary);
    lower->addWidget(m_events);
    lower->setStretchFactor(1, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    auto *close = new QPushButton(tr("Close"));
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addWidget(m_axisNote);
    layout->addWidget(m_message);
    layout->addWidget(m_plot, 3);
    layout->addWidget(lower, 2);
    layout->addLayout(buttons);
    resize(980, 720);
    clearResult(tr("Choose a price file or fetch one to replay this plan through it."));
}

bool BacktestDialog::runFile(const QString &path)
{
    m_path->setText(QDir::toNativeSeparators(path));
    if (path.trimmed().isEmpty()) {
        clearResult(tr("No price file: choose one or fetch one."));
        return false;
    }
    Expected<QByteArray> bytes = readFileBounded(path, kMaxPriceFileBytes, tr("a price file"));
    if (!bytes) {
        clearResult(formatErrors(bytes.errors()));
        return false;
    }
    Expected<std::vector<PricePoint>> prices = parsePriceCsv(*bytes);
    if (!prices) {
        clearResult(tr("%1: %2").arg(QFileInfo(path).fileName(), formatErrors(prices.errors())));
        return false;
    }
    Expected<BacktestResult> result = runBacktest(m_plan, *prices);
    if (!result) {
        clearResult(tr("The plan cannot be replayed: %1").arg(formatErrors(result.errors())));
        return false;
    }
    m_message->setText(tr("%1: %2 rows.").arg(QFileInfo(path).fileName()).arg(prices->size()));
    showBacktest(*result);
    return true;
}

void BacktestDialog::fetchPrices()
{
    const QString coin = coinForSymbol(m_plan.collateral.symbol);
    const QString name = coin.isEmpty() ? m_plan.collateral.symbol : coin.section(QLatin1Char(':'), 1);
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    PriceFetchDialog dialog(coin, QDir(dir).filePath(QStringLiteral("%1-prices.csv").arg(name)), this);
    connect(&dialog, &PriceFetchDialog::pricesSaved, this, [this](const QString &path) { runFile(path); });
    dialog.exec();
}

void BacktestDialog::clearResult(const QString &why)
{
    m_result.reset();
    m_message->setText(why);
    m_summary->setText(tr("<i>No result.</i>"));
    m_events->setRowCount(0);
    for (int g = 0; g < m_plot->graphCount(); ++g)
        m_plot->graph(g)->data()->clear();
    m_plot->replot();
}

void BacktestDialog::showBacktest(const BacktestResult &r)
{
    m_result = r;
    const QString a = m_plan.collateral.symbol;
    const QDate first = r.days.empty() ? QDate() : r.days.front().date;
    const QDate last = r.days.empty() ? QDate() : r.days.back().date;
    const QString row = QStringLiteral("<tr><td>%1</td><td align=right><b>%2</b></td></tr>");
    QString html = QStringLiteral("<table cellspacing=4>");
    html += row.arg(tr("Period"), tr("%1 to %2 (%3 days)")
                                      .arg(first.toString(Qt::ISODate), last.toString(Qt::ISODate))
                                      .arg(first.daysTo(last)));
    html += row.arg(tr("Opened at"), tr("%1 per %2").arg(display::usd(r.openPriceUsd), a));
    html += row.arg(tr("Cost basis"), display::usd(r.costBasisUsd));
    html += row.arg(tr("Final equity"), display::usd(r.finalEquityUsd));
    html += row.arg(tr("P&amp;L"), display::usd(r.pnlUsd));
    html += row.arg(tr("P&amp;L holding the deposit"), display::usd(r.holdPnlUsd));
    html += row.arg(tr("Lowest health factor"),
                    r.openedDebt > 0 ? display::healthFactor(r.minHealthFactor) : tr("no debt"));
    html += row.arg(tr("Liquidations"),
                    tr("%1 (penalty %2)").arg(r.liquidations.size()).arg(display::usd(r.totalPenaltyUsd)));
    html += row.arg(tr("Rule executions"),
                    tr("%1 (cost %2)").arg(r.executions.size()).arg(display::usd(r.protectionCostUsd)));
    if (r.closedByRule)
        html += row.arg(tr("Closed by a rule"), tr("yes"));
    m_summary->setText(html + QStringLiteral("</table>"));

    m_events->setRowCount(0);
    for (const BacktestLiquidation &l : r.liquidations) {
        const int n = m_events->rowCount();
        m_events->insertRow(n);
        m_events->setItem(n, 0, cell(l.date.toString(Qt::ISODate)));
        m_events->setItem(n, 1, cell(tr("Liquidation")));
        m_events->setItem(n, 2, cell(display::usd(l.event.priceUsd)));
        m_events->setItem(
            n, 3,
            cell(tr("repaid %1, seized %2, penalty %3")
                     .arg(display::units(l.event.debtRepaid, m_plan.borrow.symbol),
                          display::units(l.event.collateralSeized, a), display::usd(l.event.penaltyUsd))));
    }
    for (const BacktestExecution &e : r.executions) {
        const int n = m_events->rowCount();
        m_events->insertRow(n);
        m_events->setItem(n, 0, cell(e.date.toString(Qt::ISODate)));
        m_events->setItem(n, 1,
                          cell(tr("Rule %1: %2").arg(e.execution.rule + 1).arg(toString(e.execution.kind))));
        m_events->setItem(n, 2, cell(display::usd(e.execution.priceUsd)));
        m_events->setItem(n, 3,
                          cell(tr("HF %1 → %2, cost %3%4")
                                   .arg(display::healthFactor(e.execution.healthFactorBefore),
                                        display::healthFactor(e.execution.healthFactorAfter),
                                        display::usd(e.execution.costUsd()),
                                        e.execution.closed ? tr(", closed") : QString())));
    }
    m_events->sortItems(0);
    m_events->resizeColumnsToContents();

    QVector<double> x, equity, hold, hf;
    for (const BacktestDay &d : r.days) {
        x.push_back(seconds(d.date));
        equity.push_back(d.equityUsd);
        hold.push_back(d.holdValueUsd);
        hf.push_back(d.debt > 0 ? d.healthFactor : std::numeric_limits<double>::quiet_NaN());
    }
    m_plot->graph(0)->setData(x, equity, true);
    m_plot->graph(1)->setData(x, hold, true);
    m_plot->graph(2)->setData(x, hf, true);
    m_plot->rescaleAxes();
    // The health factor's axis always shows HF 1, with a little room below it.
    const QCPRange hfRange = m_plot->yAxis2->range();
    m_plot->yAxis2->setRange(std::min(hfRange.lower, 0.9), std::max(hfRange.upper, 1.1));
    m_plot->yAxis->setRangeLower(std::min(0.0, m_plot->yAxis->range().lower));
    m_plot->replot();
}

} // namespace lp
