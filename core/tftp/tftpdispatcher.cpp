#include "tftpdispatcher.h"

#include "common/logging.h"

#include <QSocketNotifier>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/epoll.h>
#include <unistd.h>
#endif

TftpDispatcher::TftpDispatcher(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_LINUX
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    if (m_epoll < 0) {
        qCWarning(lcTftp) << "epoll unavailable, one socket notifier per transfer";
        return;
    }
    m_notifier = new QSocketNotifier(m_epoll, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &TftpDispatcher::dispatch);
#endif
}

TftpDispatcher::~TftpDispatcher()
{
#ifdef Q_OS_LINUX
    delete m_notifier;
    if (m_epoll >= 0)
        ::close(m_epoll);
#endif
}

bool TftpDispatcher::add(int fd, Handler *handler)
{
#ifdef Q_OS_LINUX
    if (m_epoll < 0)
        return false;
    m_removed.remove(handler);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.ptr = handler;
    return ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev) == 0;
#else
    Q_UNUSED(fd)
    Q_UNUSED(handler)
    return false;
#endif
}

void TftpDispatcher::setWriteInterest(int fd, Handler *handler, bool enabled)
{
#ifdef Q_OS_LINUX
    epoll_event ev{};
    ev.events = EPOLLIN | (enabled ? EPOLLOUT : 0u);
    ev.data.ptr = handler;
    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev);
#else
    Q_UNUSED(fd)
    Q_UNUSED(handler)
    Q_UNUSED(enabled)
#endif
}

void TftpDispatcher::remove(int fd, Handler *handler)
{
#ifdef Q_OS_LINUX
    ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
    if (m_dispatching)
        m_removed.insert(handler);
#else
    Q_UNUSED(fd)
    Q_UNUSED(handler)
#endif
}

void TftpDispatcher::dispatch()
{
#ifdef Q_OS_LINUX
    epoll_event events[64];
    const int n = ::epoll_wait(m_epoll, events, 64, 0);
    if (n <= 0)
        return;
    m_dispatching = true;
    for (int i = 0; i < n; ++i) {
        auto *h = static_cast<Handler *>(events[i].data.ptr);
        if (!m_removed.isEmpty() && m_removed.contains(h))
            continue;
        if (events[i].events & (EPOLLIN | EPOLLERR | EPOLLHUP))
            h->socketReadable();
        if ((events[i].events & EPOLLOUT) && !(!m_removed.isEmpty() && m_removed.contains(h)))
            h->socketWritable();
    }
    m_dispatching = false;
    m_removed.clear();
#endif
}
