#include "filestreamer.h"

#include "common/logging.h"

#include <QTcpSocket>

FileStreamer::FileStreamer(QTcpSocket *socket, const QString &path, qint64 offset, qint64 length)
    : QObject(socket)
    , m_socket(socket)
    , m_file(path)
    , m_offset(offset)
    , m_remaining(length)
{
}

void FileStreamer::start()
{
    if (!m_file.open(QIODevice::ReadOnly) || !m_file.seek(m_offset)) {
        qCWarning(lcHttp) << "cannot stream" << m_file.fileName() << m_file.errorString();
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
    QByteArray chunk;
    while (m_remaining > 0 && m_socket->bytesToWrite() < HighWater) {
        const qint64 want = qMin(ChunkSize, m_remaining);
        chunk.resize(want);
        const qint64 got = m_file.read(chunk.data(), want);
        if (got <= 0) {
            // The file shrank under us: the promised Content-Length cannot be met.
            qCWarning(lcHttp) << "short read streaming" << m_file.fileName();
            done(false);
            return;
        }
        m_socket->write(chunk.constData(), got);
        m_remaining -= got;
    }
    if (m_remaining == 0)
        done(true);
}

void FileStreamer::done(bool ok)
{
    if (m_done)
        return;
    m_done = true;
    if (m_socket)
        disconnect(m_socket, nullptr, this, nullptr);
    Q_EMIT finished(ok);
    deleteLater();
}
