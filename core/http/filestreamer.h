#pragma once

#include <QByteArray>
#include <QFile>
#include <QObject>
#include <QPointer>

class QTcpSocket;

// Sends a byte range of a file to a socket without ever holding more than a bounded amount of
// it in memory, whatever the file size. Deletes itself after finished().
//
// Zero-copy (Linux, plain TCP): whenever QTcpSocket's own write buffer is empty the file goes
// straight from the page cache to the socket with sendfile(2), up to SliceBytes per event-loop
// turn (round-robin between connections; measured faster with many parallel streams than
// filling each socket up), corked (TCP_CORK) so only full segments leave. When the socket is
// full (EAGAIN) a small piece (KickBytes) is handed to QTcpSocket, so that Qt's write notifier
// reports writability through bytesWritten(); then sendfile resumes.
// Copy (TLS, other systems, files sendfile cannot read, small files): chunks are read and queued
// in QTcpSocket while it holds less than HighWater bytes.
class FileStreamer : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Auto, Copy };

    static constexpr qint64 ChunkSize = 256 * 1024;
    static constexpr qint64 HighWater = 1024 * 1024;
    static constexpr qint64 SliceBytes = 2 * 1024 * 1024;   // like nginx sendfile_max_chunk
    static constexpr qint64 KickBytes = 16 * 1024;
    // Smaller bodies go out with the headers in one write (no separate small segment).
    static constexpr qint64 SmallBody = 64 * 1024;

    FileStreamer(QTcpSocket *socket, const QString &path, qint64 offset, qint64 length, Mode mode = Mode::Auto);
    // A transfer cut short by the socket's destruction (server stopped) still reports finished(false).
    ~FileStreamer() override;
    void start();

    [[nodiscard]] qint64 bytesSent() const { return m_sent; }
    [[nodiscard]] bool isZeroCopy() const { return m_zeroCopy; }

Q_SIGNALS:
    void progressed(qint64 bytes);           // more bytes went to the socket (for stall detection)
    void finished(bool ok);

private:
    void pump();
    void pumpCopy();
    void pumpZeroCopy();
    bool queueChunk(qint64 max);
    void done(bool ok);

    QPointer<QTcpSocket> m_socket;
    QFile m_file;
    qint64 m_offset;
    qint64 m_remaining;
    qint64 m_sent = 0;
    bool m_zeroCopy = false;
    bool m_corked = false;
    bool m_scheduled = false;
    bool m_done = false;
    QByteArray m_buffer;
};
