#pragma once

// Helpers for tests that run a server on this thread's event loop and talk to it with real
// clients: curl (a child process) and raw QTcpSocket connections. Both spin the event loop
// while waiting, so the server keeps serving.

#include <QByteArray>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QTcpSocket>
#include <QTest>

#include <functional>

namespace httptest {

struct CurlResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool finished = false;
};

inline void spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done() && !deadline.hasExpired()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QTest::qSleep(1);
    }
}

// curl with the given arguments; never uses a proxy.
inline CurlResult curl(const QStringList &args, int timeoutMs = 30000)
{
    QProcess p;
    p.setProgram(QStringLiteral("curl"));
    p.setArguments(QStringList{QStringLiteral("--noproxy"), QStringLiteral("*"), QStringLiteral("-sS")} + args);
    p.start();
    CurlResult r;
    if (!p.waitForStarted(5000))
        return r;
    spinUntil([&p] { return p.state() == QProcess::NotRunning; }, timeoutMs);
    if (p.state() != QProcess::NotRunning) {
        p.kill();
        p.waitForFinished(2000);
        return r;
    }
    r.finished = true;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

// Sends `request` on a new connection and collects everything until the server closes it or
// `timeoutMs` passes. `closedBy` tells whether the server closed the connection.
inline QByteArray exchange(quint16 port, const QByteArray &request, int timeoutMs = 5000, bool *closed = nullptr)
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), port);
    spinUntil([&s] { return s.state() == QAbstractSocket::ConnectedState; }, 3000);
    s.write(request);
    QByteArray got;
    spinUntil(
        [&s, &got] {
            got += s.readAll();
            return s.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    got += s.readAll();
    if (closed)
        *closed = s.state() == QAbstractSocket::UnconnectedState;
    return got;
}

inline int statusOf(const QByteArray &response)
{
    if (!response.startsWith("HTTP/1.1 "))
        return -1;
    return response.mid(9, 3).toInt();
}

// Resident set size and its peak (kB) from /proc/self/status; reset the peak first with
// resetPeakRss() (Linux >= 4.0).
inline qint64 procStatusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLongLong();
    return -1;
}
inline bool resetPeakRss()
{
    QFile f(QStringLiteral("/proc/self/clear_refs"));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

} // namespace httptest
