#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>

// An HTTP server on 127.0.0.1 that answers each JSON-RPC POST with what the test asks for: a well
// formed answer computed from the request, or one of the faults a real node or provider may give.
class FakeRpcServer : public QObject {
public:
    // Given the request's batch, the raw HTTP response to send (status line, headers and body), or an
    // empty array to never answer.
    using Responder = std::function<QByteArray(const QJsonArray &request)>;

    FakeRpcServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }

    void setResponder(Responder responder) { m_responder = std::move(responder); }
    [[nodiscard]] QString url() const
    {
        return QStringLiteral("http://127.0.0.1:%1/v2/SECRETKEY").arg(m_server.serverPort());
    }
    [[nodiscard]] int requests() const { return m_requests; }
    // The request line of the last request: "GET /chart/coingecko:ethereum?start=... HTTP/1.1".
    [[nodiscard]] QByteArray lastRequestLine() const { return m_lastRequestLine; }

    static QByteArray http(int status, const QByteArray &body, const QByteArray &extraHeaders = {})
    {
        return "HTTP/1.1 " + QByteArray::number(status) +
               " Status\r\nContent-Type: application/json\r\nContent-Length: " +
               QByteArray::number(body.size()) + "\r\n" + extraHeaders + "Connection: close\r\n\r\n" + body;
    }

    // A result for each call of the batch, from `answer(method, params)`, in reverse order (a node may
    // answer a batch in any order).
    static QByteArray
    answerEach(const QJsonArray &request,
               const std::function<QJsonObject(const QString &, const QJsonArray &)> &answer)
    {
        QJsonArray out;
        for (const QJsonValue &v : request) {
            const QJsonObject call = v.toObject();
            QJsonObject reply = answer(call.value(QStringLiteral("method")).toString(),
                                       call.value(QStringLiteral("params")).toArray());
            reply.insert(QStringLiteral("jsonrpc"), QStringLiteral("2.0"));
            reply.insert(QStringLiteral("id"), call.value(QStringLiteral("id")));
            out.prepend(reply);
        }
        return http(200, QJsonDocument(out).toJson(QJsonDocument::Compact));
    }

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(headerEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + length)
            return;
        ++m_requests;
        m_lastRequestLine = buffer.left(buffer.indexOf("\r\n"));
        const QJsonArray request = QJsonDocument::fromJson(buffer.mid(headerEnd + 4, length)).array();
        m_buffers.remove(socket);
        const QByteArray response = m_responder(request);
        if (!response.isEmpty()) {
            socket->write(response);
            socket->disconnectFromHost();
        }
    }

    QTcpServer m_server;
    Responder m_responder;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_requests = 0;
    QByteArray m_lastRequestLine;
};
