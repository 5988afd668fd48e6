#pragma once

#include "common/macaddress.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

class QFile;

// Per-device console logs: <dir>/<mac-dashed>.log, appended in batches (flushed every second),
// rotated to .log.1 when larger than maxBytes (so at most 2 × maxBytes per device), with a
// bounded number of open files.
class ConsoleLogFiles : public QObject
{
    Q_OBJECT
public:
    static constexpr int MaxOpenFiles = 64;

    explicit ConsoleLogFiles(QObject *parent = nullptr);
    ~ConsoleLogFiles() override;

    void setDirectory(const QString &directory);
    void setMaxBytes(qint64 bytes) { m_maxBytes = qMax<qint64>(4096, bytes); }
    [[nodiscard]] QString directory() const { return m_dir; }
    [[nodiscard]] QString pathFor(const MacAddress &mac) const;

    void append(const MacAddress &mac, const QString &line);
    void flush();
    void closeAll();

private:
    struct Open
    {
        std::shared_ptr<QFile> file;
        QByteArray pending;
        qint64 size = 0;
    };
    Open *openFor(const MacAddress &mac);
    void write(const MacAddress &mac, Open &open);

    QString m_dir;
    qint64 m_maxBytes = 8 << 20;
    QHash<MacAddress, Open> m_open;
    QList<MacAddress> m_lru;
    QTimer m_flushTimer{this};    // a child: it follows moveToThread to the engine thread
};
