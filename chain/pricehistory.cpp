#include "pricehistory.h"

#include "jsonrpcclient.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>

#include <cmath>
#include <map>

namespace lp::chain {

namespace {

ValidationError failure(const QString &message)
{
    return ValidationError{QStringLiteral("prices"), message};
}

} // namespace

bool isValidCoinId(const QString &coin)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]+:[A-Za-z0-9_.-]+$"));
    return coin.size() <= 100 && re.match(coin).hasMatch();
}

QUrl priceHistoryUrl(const PriceHistoryRequest &request)
{
    QUrl url = request.apiBase;
    QString path = url.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    url.setPath(path + QStringLiteral("chart/") + request.coin);
    const QDateTime start(request.from, QTime(0, 0), Qt::UTC);
    const qint64 span = request.from.daysTo(request.to) + 1;
    url.setQuery(
        QStringLiteral("start=%1&span=%2&period=1d&searchWidth=600").arg(start.toSecsSinceEpoch()).arg(span));
    return url;
}

Expected<std::vector<PricePoint>> parseLlamaChart(const QByteArray &json, const QString &coin,
                                                  const QDate &from, const QDate &to, QString *symbol)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return failure(QStringLiteral("the answer is not JSON (%1 at byte %2)")
                           .arg(error.errorString())
                           .arg(error.offset));
    const QJsonObject coins = doc.object().value(QStringLiteral("coins")).toObject();
    if (!coins.contains(coin))
        return failure(QStringLiteral("the answer has no prices for \"%1\" (is the coin id right? "
                                      "e.g. coingecko:ethereum or ethereum:0x...)")
                           .arg(coin));
    const QJsonObject c = coins.value(coin).toObject();
    if (symbol)
        *symbol = c.value(QStringLiteral("symbol")).toString();
    std::map<QDate, std::pair<qint64, double>> byDay; // day -> (timestamp, price) of its last point
    const QJsonArray prices = c.value(QStringLiteral("prices")).toArray();
    for (qsizetype i = 0; i < prices.size(); ++i) {
        const QJsonObject p = prices[i].toObject();
        const QJsonValue t = p.value(QStringLiteral("timestamp"));
        const QJsonValue v = p.value(QStringLiteral("price"));
        if (!t.isDouble() || !v.isDouble() || !(v.toDouble() > 0.0) || !std::isfinite(v.toDouble()))
            return failure(QStringLiteral("prices[%1]: needs a timestamp and a price above 0").arg(i));
        const qint64 seconds = static_cast<qint64>(t.toDouble());
        const QDate day = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).date();
        if (day < from || day > to)
            continue;
        auto it = byDay.find(day);
        if (it == byDay.end() || it->second.first <= seconds)
            byDay[day] = {seconds, v.toDouble()};
    }
    if (byDay.empty())
        return failure(QStringLiteral("no price for \"%1\" from %2 to %3")
                           .arg(coin, from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    std::vector<PricePoint> out;
    out.reserve(byDay.size());
    for (const auto &[day, point] : byDay)
        out.push_back(PricePoint{day, point.second});
    return out;
}

Expected<PriceHistory> fetchPriceHistory(const PriceHistoryRequest &request)
{
    const QUrl url = priceHistoryUrl(request);
    const QString host = redactedEndpoint(url);
    QNetworkAccessManager network;
    QNetworkRequest get(url);
    get.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    QNetworkReply *reply = network.get(get);
    bool timedOut = false;
    bool tooLarge = false;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, reply, [&timedOut, reply] {
        timedOut = true;
        reply->abort();
    });
    const auto checkSize = [&tooLarge, reply, &request] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (reply->bytesAvailable() > request.maxResponseBytes ||
            (length.isValid() && length.toLongLong() > request.maxResponseBytes)) {
            tooLarge = true;
            reply->abort();
        }
    };
    QObject::connect(reply, &QNetworkReply::metaDataChanged, reply, checkSize);
    QObject::connect(reply, &QNetworkReply::readyRead, reply, checkSize);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    bool cancelled = false;
    QTimer cancelPoll;
    if (request.cancel) {
        QObject::connect(&cancelPoll, &QTimer::timeout, reply, [&cancelled, reply, &request] {
            if (request.cancel->load() && !cancelled) {
                cancelled = true;
                reply->abort();
            }
        });
        cancelPoll.start(25);
    }
    timer.start(request.timeout);
    if (!reply->isFinished())
        loop.exec();
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (cancelled || (request.cancel && request.cancel->load()))
        return failure(QStringLiteral("cancelled: nothing was read from %1").arg(host));
    if (timedOut)
        return failure(QStringLiteral("%1 did not answer within %2 s")
                           .arg(host)
                           .arg(static_cast<double>(request.timeout.count()) / 1000.0));
    if (tooLarge)
        return failure(
            QStringLiteral("%1 answered with more than %2 bytes").arg(host).arg(request.maxResponseBytes));
    if (status == 429)
        return failure(QStringLiteral("%1 is rate limiting (HTTP 429); try again later").arg(host));
    if (status != 0 && (status < 200 || status > 299))
        return failure(QStringLiteral("%1 answered HTTP %2").arg(host).arg(status));
    if (reply->error() != QNetworkReply::NoError)
        return failure(QStringLiteral("%1: %2").arg(host, reply->errorString()));
    PriceHistory history;
    Expected<std::vector<PricePoint>> points =
        parseLlamaChart(reply->readAll(), request.coin, request.from, request.to, &history.symbol);
    if (!points)
        return ValidationErrors{ValidationError{
            QStringLiteral("prices"), QStringLiteral("%1: %2").arg(host, points.errors().first().message)}};
    history.coin = request.coin;
    history.points = std::move(points).value();
    QUrl source = url;
    source.setQuery(QString());
    source.setUserInfo(QString());
    history.source = source.toString();
    history.fetchedAt = QDateTime::currentDateTimeUtc();
    return history;
}

QByteArray priceHistoryCsv(const PriceHistory &history)
{
    const QLocale c = QLocale::c();
    QByteArray out = QStringLiteral("# %1 daily prices in USD from %2, fetched %3\n")
                         .arg(history.symbol.isEmpty() ? history.coin : history.symbol, history.source,
                              history.fetchedAt.toString(Qt::ISODate))
                         .toUtf8();
    out += "date,price\n";
    for (const PricePoint &p : history.points)
        out += (p.date.toString(Qt::ISODate) + QLatin1Char(',') + c.toString(p.priceUsd, 'g', 10)).toUtf8() +
               '\n';
    return out;
}

} // namespace lp::chain
