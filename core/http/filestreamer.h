#pragma once

#include <QFile>
#include <QObject>
#include <QPointer>

class QTcpSocket;

// Copies a byte range of a file to a socket in bounded chunks, refilling as the socket drains.
// Memory per transfer stays below ChunkSize + HighWater whatever the file size. Deletes itself.
class FileStreamer : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 ChunkSize = 256 * 1024;
    static constexpr qint64 HighWater = 1024 * 1024;

    FileStreamer(QTcpSocket *socket, const QString &path, qint64 offset, qint64 length);
    void start();

Q_SIGNALS:
    void finished(bool ok);

private:
    void pump();
    void done(bool ok);

    QPointer<QTcpSocket> m_socket;
    QFile m_file;
    qint64 m_offset;
    qint64 m_remaining;
    bool m_done = false;
};
