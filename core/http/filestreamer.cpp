#include "filestreamer.h"

#include "common/logging.h"

#include <QSslSocket>
#include <QTcpSocket>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <csignal>
#include <ctime>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sys/sendfile.h>
#include <unistd.h>
#endif

namespace {

#ifdef Q_OS_LINUX
// sendfile(2) has no MSG_NOSIGNAL: a peer that went away raises SIGPIPE, which would end the
// process. SIGPIPE is blocked on this thread while sending and a SIGPIPE raised meanwhile is
// consumed, leaving the process-wide disposition alone.
class SigPipeBlock
{
public:
    SigPipeBlock()
    {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        sigset_t pending;
        sigemptyset(&pending);
        sigpending(&pending);
        m_wasPending = sigismember(&pending, SIGPIPE) == 1;
        pthread_sigmask(SIG_BLOCK, &m_pipe, &m_old);
    }
    ~SigPipeBlock()
    {
        if (m_raised && !m_wasPending) {
            const timespec zero{};
            while (sigtimedwait(&m_pipe, nullptr, &zero) == -1 && errno == EINTR) {
            }
        }
        pthread_sigmask(SIG_SETMASK, &m_old, nullptr);
    }
    SigPipeBlock(const SigPipeBlock &) = delete;
    SigPipeBlock &operator=(const SigPipeBlock &) = delete;
    void raised() { m_raised = true; }

private:
    sigset_t m_pipe;
    sigset_t m_old;
    bool m_wasPending = false;
    bool m_raised = false;
};
#endif

#ifdef Q_OS_LINUX
void setCork(QTcpSocket *socket, bool on)
{
    const int value = on ? 1 : 0;
    if (socket && socket->socketDescriptor() >= 0)
        ::setsockopt(int(socket->socketDescriptor()), IPPROTO_TCP, TCP_CORK, &value, sizeof value);
}
#endif

} // namespace

FileStreamer::FileStreamer(QTcpSocket *socket, const QString &path, qint64 offset, qint64 length, Mode mode)
    : QObject(socket)
    , m_socket(socket)
    , m_file(path)
    , m_offset(offset)
    , m_remaining(length)
{
#ifdef Q_OS_LINUX
    // TLS sockets encrypt in user space; only plain TCP can take the file directly.
    m_zeroCopy = mode == Mode::Auto && !qobject_cast<QSslSocket *>(socket) && length > SmallBody;
#else
    Q_UNUSED(mode)
#endif
}

FileStreamer::~FileStreamer()
{
    if (!m_done) {
        m_done = true;
        Q_EMIT finished(false);
    }
}

void FileStreamer::start()
{
    if (!m_socket || !m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        qCWarning(lcHttp) << "cannot stream" << m_file.fileName() << m_file.errorString();
        done(false);
        return;
    }
    if (m_file.size() < m_offset + m_remaining) {
        // Replaced or truncated since the response headers were computed.
        qCWarning(lcHttp) << "file changed before streaming" << m_file.fileName();
        done(false);
        return;
    }
#ifdef Q_OS_LINUX
    posix_fadvise(m_file.handle(), m_offset, m_remaining, POSIX_FADV_SEQUENTIAL);
    // Like nginx's tcp_nopush: only full segments while streaming (the headers, the small
    // pieces written at EAGAIN and short sendfile tails are merged into them); uncorked at the end.
    if (m_zeroCopy) {
        setCork(m_socket, true);
        m_corked = true;
    }
#endif
    if (!m_zeroCopy && !m_file.seek(m_offset)) {
        done(false);
        return;
    }
    connect(m_socket, &QTcpSocket::bytesWritten, this, &FileStreamer::pump);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { done(false); });
    pump();
}

void FileStreamer::pump()
{
    if (m_done || !m_socket)
        return;
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        done(false);
        return;
    }
    if (m_zeroCopy)
        pumpZeroCopy();
    else
        pumpCopy();
}

bool FileStreamer::queueChunk(qint64 max)
{
    const qint64 want = qMin(max, m_remaining);
    if (m_buffer.size() < want)
        m_buffer.resize(want);
#ifdef Q_OS_LINUX
    qint64 got;
    do {
        got = ::pread(m_file.handle(), m_buffer.data(), size_t(want), off_t(m_offset));
    } while (got < 0 && errno == EINTR);
#else
    const qint64 got = m_file.read(m_buffer.data(), want);
#endif
    if (got <= 0) {
        // The file shrank under us: the promised Content-Length cannot be met.
        qCWarning(lcHttp) << "short read streaming" << m_file.fileName();
        done(false);
        return false;
    }
    m_socket->write(m_buffer.constData(), got);
    m_offset += got;
    m_remaining -= got;
    m_sent += got;
    Q_EMIT progressed(got);
    return true;
}

void FileStreamer::pumpCopy()
{
    while (m_remaining > 0 && m_socket->bytesToWrite() < HighWater) {
        if (!queueChunk(ChunkSize))
            return;
    }
    if (m_remaining == 0) {
        m_buffer = QByteArray();
        done(true);
    }
}

void FileStreamer::pumpZeroCopy()
{
#ifdef Q_OS_LINUX
    // Whatever QTcpSocket holds (the headers, a kick) must reach the kernel first.
    if (m_socket->bytesToWrite() > 0) {
        m_socket->flush();
        if (m_socket->bytesToWrite() > 0)
            return; // bytesWritten() calls us again
    }
    const int out = int(m_socket->socketDescriptor());
    const int in = m_file.handle();
    qint64 budget = SliceBytes;
    SigPipeBlock sigpipe;
    while (m_remaining > 0 && budget > 0) {
        off_t pos = off_t(m_offset);
        const ssize_t n = ::sendfile(out, in, &pos, size_t(qMin(m_remaining, budget)));
        if (n > 0) {
            m_offset += n;
            m_remaining -= n;
            m_sent += n;
            budget -= n;
            Q_EMIT progressed(n);
            continue;
        }
        if (n == 0) {
            qCWarning(lcHttp) << "short read streaming" << m_file.fileName();
            done(false);
            return;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN) {
            // Socket full. Give Qt a small piece: its write notifier fires when there is room
            // again and bytesWritten() brings us back here.
            queueChunk(KickBytes);
            return;
        }
        if (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP) {
            // A file sendfile cannot read (some pseudo or network file systems): copy instead.
            qCDebug(lcHttp) << "sendfile unsupported for" << m_file.fileName() << "- copying";
            m_zeroCopy = false;
            if (!m_file.seek(m_offset)) {
                done(false);
                return;
            }
            pumpCopy();
            return;
        }
        if (errno == EPIPE)
            sigpipe.raised();
        qCDebug(lcHttp) << "sendfile failed:" << strerror(errno);
        done(false);
        return;
    }
    if (m_remaining == 0) {
        done(true);
        return;
    }
    // Budget used up with the socket still accepting: let other connections run, then go on.
    if (!m_scheduled) {
        m_scheduled = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_scheduled = false;
                pump();
            },
            Qt::QueuedConnection);
    }
#endif
}

void FileStreamer::done(bool ok)
{
    if (m_done)
        return;
    m_done = true;
#ifdef Q_OS_LINUX
    if (m_corked)
        setCork(m_socket, false);
#endif
    if (m_socket)
        disconnect(m_socket, nullptr, this, nullptr);
    m_file.close();
    Q_EMIT finished(ok);
    deleteLater();
}
