#include "chunkedtail.h"

#include "common/logging.h"
#include "talosdownload.h"

#include <QTcpSocket>

ChunkedTail::ChunkedTail(QTcpSocket *socket, TalosDownload *download)
    : QObject(socket)
    , m_socket(socket)
    , m_download(download)
{
    m_stall.setSingleShot(true);
    m_stall.setInterval(StallMs);
    connect(&m_stall, &QTimer::timeout, this, [this] {
        qCWarning(lcProvision) << "talos: client stopped reading, dropping it";
        finish(false);
    });
}

bool ChunkedTail::start()
{
    m_file.setFileName(m_download->partPath());
    if (!m_file.open(QIODevice::ReadOnly)) {
        qCWarning(lcProvision).noquote() << "talos: cannot read" << m_file.fileName() << ":" << m_file.errorString();
        finish(false);
        return false;
    }
    connect(m_download, &TalosDownload::dataAvailable, this, &ChunkedTail::pump);
    connect(m_download, &TalosDownload::finished, this, [this](bool ok) {
        if (ok)
            m_total = m_download->written();
        else
            m_failed = true;
        pump();
    });
    connect(m_download, &QObject::destroyed, this, [this] {
        if (m_total < 0)
            m_failed = true;
        pump();
    });
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        m_stall.stop();   // the client is reading
        pump();
    });
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { finish(false); });
    if (m_download->isFinished()) {
        if (m_download->succeeded())
            m_total = m_download->written();
        else
            m_failed = true;
    }
    pump();
    return true;
}

void ChunkedTail::pump()
{
    if (m_finished || !m_socket)
        return;
    if (m_failed) {
        // Never end the chunked body: the client must see the transfer as broken.
        finish(false);
        return;
    }
    const qint64 available = m_download ? m_download->written() : m_total;
    bool progressed = false;
    while (m_socket->bytesToWrite() < HighWater && m_offset < available) {
        const qint64 want = qMin(ChunkSize, available - m_offset);
        if (!m_file.seek(m_offset)) {
            finish(false);
            return;
        }
        const QByteArray data = m_file.read(want);
        if (data.isEmpty()) {
            finish(false);
            return;
        }
        m_socket->write(QByteArray::number(data.size(), 16) + "\r\n");
        m_socket->write(data);
        m_socket->write("\r\n");
        m_offset += data.size();
        progressed = true;
    }
    if (m_total >= 0 && m_offset >= m_total) {
        m_socket->write("0\r\n\r\n");
        finish(true);
        return;
    }
    if (progressed || m_socket->bytesToWrite() == 0)
        m_stall.stop();
    if (m_socket->bytesToWrite() > 0 && !m_stall.isActive())
        m_stall.start();
}

void ChunkedTail::finish(bool complete)
{
    if (m_finished)
        return;
    m_finished = true;
    m_stall.stop();
    m_file.close();
    if (m_socket) {
        m_socket->disconnect(this);
        if (complete)
            m_socket->disconnectFromHost();
        else
            m_socket->abort();
    }
    Q_EMIT done(complete, m_offset);
    deleteLater();
}
