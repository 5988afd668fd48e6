#pragma once

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <functional>

class QTcpSocket;
class QTimer;

// One HTTP GET by a virtual Pi's iPXE: its own TCP connection from the Pi's address, HTTP/1.1,
// "User-Agent: iPXE/1.0.0+", Content-Length or chunked bodies, redirects followed (up to 5, as
// iPXE does). The response is untrusted: the head is capped at 32 KiB, the body at `maxBytes`.
// Plain http only (Debian's iPXE has no HTTPS either).
class HttpFetch : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QHostAddress local;
        QUrl url;
        int delayMs = 0;             // link latency before connecting
        int timeoutMs = 60000;       // no progress for this long = failure
        qint64 maxBytes = 1LL << 30;
        bool keepData = false;
    };
    struct Result
    {
        bool ok = false;
        int status = 0;
        QString error;
        qint64 bytes = 0;
        qint64 contentLength = -1;
        QByteArray data;             // keepData only
        QUrl finalUrl;
        qint64 elapsedMs = 0;
    };
    using Sink = std::function<void(const char *data, qsizetype size)>;

    explicit HttpFetch(const Request &request, QObject *parent = nullptr);
    ~HttpFetch() override;

    void setSink(Sink sink) { m_sink = std::move(sink); }
    void start();
    // Power lost: the connection is dropped without a FIN (RST), as a dead NIC would leave it.
    void abort();
    [[nodiscard]] const Result &result() const { return m_result; }

Q_SIGNALS:
    void finished(HttpFetch *fetch);

private:
    void connectNow();
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    bool parseHead();
    void consumeBody();
    void finish(bool ok, const QString &error);

    Request m_request;
    Result m_result;
    Sink m_sink;
    QTcpSocket *m_socket = nullptr;
    QTimer *m_idle;
    QElapsedTimer m_clock;
    QUrl m_url;
    QByteArray m_buffer;
    bool m_headDone = false;
    bool m_chunked = false;
    qint64 m_chunkLeft = -1;         // chunked: bytes left in the current chunk, -1 = expect a size line
    bool m_chunkTrailer = false;
    int m_redirects = 0;
    bool m_done = false;
};
