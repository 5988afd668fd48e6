#pragma once

#include "httprequest.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>

class QTcpSocket;

// Per-connection state of HttpServer (a child of the socket).
//
// Qt HttpServer 6.4 parses requests itself and gives us no say until a request is complete, so
// this object looks at every byte *before* Qt's parser does (its readyRead slot is connected
// first): it enforces the request-line/header/body limits early with a proper 4xx status
// (instead of a silent stall), learns the HTTP version (Qt 6.4 does not expose it), answers
// `Expect: 100-continue`, and closes rejected connections gracefully (lingering close, so the
// client reads the error instead of a reset). It also holds requests a client pipelines while a
// response is still being sent (they are answered in order afterwards) and drives the one timer
// that bounds every phase: request arrival (slow-loris), keep-alive idle, write stall.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        qint64 maxHeaderBytes = 32 * 1024;    // request line + headers
        qint64 maxUriBytes = 8 * 1024;        // request target
        qint64 maxBodyBytes = 1 << 20;        // Content-Length or chunked body
        int headerTimeoutMs = 15000;          // a request must arrive this fast once started
        int keepAliveTimeoutMs = 30000;       // idle keep-alive connections are closed
        int writeStallTimeoutMs = 60000;      // a response that makes no progress is dropped
        int lingerTimeoutMs = 2000;           // after an error, input is drained this long
        int maxPipelined = 8;                 // requests held while a response is in progress
    };

    // What the request guard learned about the request Qt just completed.
    struct RequestInfo
    {
        int httpMinor = 1;                    // HTTP/1.x
    };

    enum class Phase { Waiting, Idle, Reading, Busy, TakenOver, Closing };

    // `rejected` = over the connection limit: answers 503 and closes, never serves a request.
    HttpConnection(QTcpSocket *socket, const Limits &limits, bool rejected);

    [[nodiscard]] QTcpSocket *socket() const { return m_socket; }
    [[nodiscard]] Phase phase() const { return m_phase; }
    [[nodiscard]] bool isServing() const { return m_phase != Phase::TakenOver && m_phase != Phase::Closing; }
    [[nodiscard]] bool isBusy() const { return m_phase == Phase::Busy; }
    // False once the connection is closing, taken over or has a pending rejection.
    [[nodiscard]] bool acceptsRequests() const { return isServing() && !m_pendingRejectStatus; }

    // Qt delivered a complete request: returns what the guard saw and starts over for the next one.
    RequestInfo takeRequestInfo();

    // Pipelined requests that arrived while busy. False if the queue is full (caller closes).
    bool enqueue(HttpRequest request);
    [[nodiscard]] bool hasQueued() const { return !m_queue.empty(); }
    HttpRequest dequeue();

    // Response lifecycle, driven by HttpServer.
    void beginResponse();
    void endResponse(bool keepAlive);
    void takeOver();                          // the socket belongs to a stream handler now
    void addProgress(qint64 bytes) { m_progress += quint64(bytes); }

    // The request being answered (for the requestFinished signal of deferred answers).
    void setCurrent(const QString &method, const QString &path) { m_currentMethod = method; m_currentPath = path; }
    [[nodiscard]] QString currentMethod() const { return m_currentMethod; }
    [[nodiscard]] QString currentPath() const { return m_currentPath; }

    // Writes a minimal error response and closes gracefully (drains input, then closes).
    void reject(int status, const QByteArray &reason);

Q_SIGNALS:
    // The guard refused a request (status 4xx/5xx); for statistics and logs.
    void requestRejected(int status, const QByteArray &reason);
    // endResponse() with a keep-alive connection and a queued request: HttpServer dispatches it.
    void readyForNext();
    // A deadline passed (slow request, idle keep-alive, stalled response); the socket is aborted.
    void timedOut();

private:
    enum class Scan { Start, RequestLine, Headers, Body, Done };

    void onReadyRead();
    void onTimeout();
    void scan(const char *data, qint64 size);
    bool parseRequestLine(const QByteArray &line);
    bool parseHeaderLine(const QByteArray &line);
    void headersComplete();
    void resetScan();
    void arm(Phase phase, int timeoutMs);
    void closeGracefully();
    void shutdownWrite();

    QPointer<QTcpSocket> m_socket;
    Limits m_limits;
    QTimer m_timer;
    Phase m_phase = Phase::Waiting;
    quint64 m_progress = 0;
    quint64 m_progressSeen = 0;
    std::deque<HttpRequest> m_queue;
    bool m_writeShut = false;
    int m_pendingRejectStatus = 0;            // rejection to answer after the current response
    QByteArray m_pendingRejectReason;
    QString m_currentMethod;
    QString m_currentPath;

    // Request guard state (the request Qt is currently parsing).
    Scan m_scan = Scan::Start;
    QByteArray m_line;
    qint64 m_headBytes = 0;
    qint64 m_bodyBytes = 0;
    qint64 m_contentLength = -1;
    bool m_chunked = false;
    bool m_hasTransferEncoding = false;
    bool m_expectContinue = false;
    int m_hostHeaders = 0;
    int m_httpMinor = 1;
    RequestInfo m_info;
};
