#pragma once

#include <QObject>
#include <QSet>

class QSocketNotifier;

// Multiplexes the sockets of all running transfers through one epoll set (Linux), so the event
// loop watches a single descriptor however many transfers run: Qt's poll() then costs the same
// for one transfer or two hundred, and one wake-up serves every socket that is ready. Everything
// stays on the engine thread (the epoll descriptor is read through a QSocketNotifier).
// Without epoll, isValid() is false and transfers use one QSocketNotifier each.
class TftpDispatcher : public QObject
{
    Q_OBJECT
public:
    class Handler
    {
    public:
        virtual ~Handler() = default;
        virtual void socketReadable() = 0;
        virtual void socketWritable() = 0;
    };

    explicit TftpDispatcher(QObject *parent = nullptr);
    ~TftpDispatcher() override;

    [[nodiscard]] bool isValid() const { return m_epoll >= 0; }
    bool add(int fd, Handler *handler);
    void setWriteInterest(int fd, Handler *handler, bool enabled);
    void remove(int fd, Handler *handler);   // before the descriptor is closed

private:
    void dispatch();

    int m_epoll = -1;
    QSocketNotifier *m_notifier = nullptr;
    QSet<Handler *> m_removed;   // removed while a batch is being dispatched
    bool m_dispatching = false;
};
