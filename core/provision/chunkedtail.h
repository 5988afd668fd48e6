#pragma once

#include <QFile>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QTcpSocket;
class TalosDownload;

// Streams a file that is still being written (a TalosDownload's partial image) to one HTTP
// client with chunked transfer encoding, at the client's pace: at most HighWater bytes wait in
// the socket, the rest stays on disk. When the download completes the terminating chunk is
// sent; when it fails the connection is aborted, so the client never mistakes a cut image for a
// complete one. A client that stops reading for StallMs is dropped. Deletes itself.
class ChunkedTail : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 ChunkSize = 256 * 1024;
    static constexpr qint64 HighWater = 1024 * 1024;
    static constexpr int StallMs = 60000;

    ChunkedTail(QTcpSocket *socket, TalosDownload *download);
    // False if the partial file cannot be opened (the socket is then aborted).
    bool start();
    [[nodiscard]] qint64 sent() const { return m_offset; }

Q_SIGNALS:
    void done(bool complete, qint64 bytes);

private:
    void pump();
    void finish(bool complete);

    QPointer<QTcpSocket> m_socket;
    QPointer<TalosDownload> m_download;
    QFile m_file{this};           // members are children: they follow moveToThread
    qint64 m_offset = 0;
    qint64 m_total = -1;          // known once the download finished
    bool m_failed = false;
    bool m_finished = false;
    QTimer m_stall{this};
};
