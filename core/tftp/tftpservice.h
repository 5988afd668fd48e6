#pragma once

#include "config/labconfig.h"
#include "engine/service.h"
#include "tftpfiletree.h"
#include "tftpsocket.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>

#include <memory>

class BootControl;
class DeviceJournal;
class DeviceRegistry;
class QSocketNotifier;
class QTimer;
class TftpDispatcher;
class TftpTransfer;

// The lab's TFTP server (RFC 1350/2347/2348/2349/7440) for the Raspberry Pi bootloader and GPU
// firmware, UEFI PXE and iPXE. Requests arrive on the well-known socket; each transfer runs on
// its own ephemeral socket (TftpTransfer). Files come from the virtual tree (TftpFileTree):
// generated config.txt/cmdline.txt, rendered RPI_EFI.fd, Pi prefix directories, shared Pi
// firmware, discovery, static root and iPXE binaries. Every transfer is journaled per device.
// Read-only unless allow_uploads is set.
class TftpService : public Service
{
    Q_OBJECT
public:
    explicit TftpService(QObject *parent = nullptr);
    ~TftpService() override;

    // Returns true if the change needs a restart to take effect (address/port/interface).
    bool setConfig(const TftpConfig &config);
    [[nodiscard]] const TftpConfig &config() const { return m_config; }
    void setDevices(const QList<DeviceConfig> &devices);
    // Root used when services.tftp.root is empty (<data>/tftp).
    void setDefaultRoot(const QString &root);
    void setRegistry(DeviceRegistry *registry);
    void setJournal(DeviceJournal *journal) { m_journal = journal; }
    void setBootControl(BootControl *bootControl) { m_bootControl = bootControl; }
    // The UEFI firmware engine renders RPI_EFI.fd per device (served with tsize, cached by
    // content hash). Without a renderer the file is served from disk like any other.
    void setFirmwareRenderer(std::function<Result<QByteArray>(const MacAddress &)> renderer);
    // Base URL of the HTTP boot server, for generated cmdline.txt ({http}).
    void setHttpBaseUrl(const QString &url);
    // Tests: replaces the kernel neighbour-table lookup used to map client IPs to MACs.
    void setNeighbourLookup(TftpFileTree::NeighbourLookup lookup);

    [[nodiscard]] quint16 port() const;
    [[nodiscard]] QHostAddress boundAddress() const { return m_bound; }
    [[nodiscard]] int activeTransfers() const { return int(m_transfers.size()); }
    [[nodiscard]] int activeTransfers(const QHostAddress &client) const;
    [[nodiscard]] TftpFileTree &fileTree() { return m_tree; }
    [[nodiscard]] QString root() const { return m_tree.root(); }

    [[nodiscard]] QString displayName() const override { return tr("TFTP server"); }
    [[nodiscard]] QStringList endpoints() const override;

Q_SIGNALS:
    void transferStarted(quint64 id, const QHostAddress &client, const QString &file);
    void transferFinished(quint64 id, qint64 bytes, bool ok);

protected:
    bool doStart(QString *error) override;
    void doStop() override;

private:
    struct Request;
    void onListenReadable();
    void handleRequest(const char *data, qsizetype size, const TftpSocket::Endpoint &from, quint32 destination);
    void startRead(const Request &request);
    void startWrite(const Request &request);
    void refuse(const Request &request, tftp::ErrorCode code, const QString &message, const QString &reason);
    void sendErrorFrom(const QHostAddress &local, const TftpSocket::Endpoint &to, tftp::ErrorCode code,
                       const QString &message);
    std::unique_ptr<TftpSocket> openTransferSocket(const QHostAddress &local, QString *error);
    [[nodiscard]] TftpDispatcher *dispatcherFor() const;
    void onTransferConfirmed(TftpTransfer *transfer);
    void onTransferFinished(TftpTransfer *transfer);
    void reap();
    void journal(const QString &kind, int severity, const MacAddress &mac, const QHostAddress &client,
                 const QString &message, BootStage stage, const QJsonObject &data);
    [[nodiscard]] BootStage effectiveStage(const MacAddress &mac, BootStage stage) const;
    bool warnBudget();

    struct Active
    {
        TftpTransfer *transfer = nullptr;
        QString file;                 // as requested
        QString path;                 // served path (disk) or "generated:<name>"
        QByteArray request;           // the request as parsed (to tell a retransmission from a new one)
        TftpFileTree::Resolution resolution;
    };

    TftpConfig m_config;
    QString m_defaultRoot;
    TftpFileTree m_tree;
    TftpDispatcher *m_dispatcher;
    DeviceRegistry *m_registry = nullptr;
    DeviceJournal *m_journal = nullptr;
    BootControl *m_bootControl = nullptr;
    TftpSocket m_listen;
    QSocketNotifier *m_listenNotifier = nullptr;
    QTimer *m_reaper = nullptr;
    QHostAddress m_bound;
    QHash<TftpTransfer *, Active> m_transfers;
    QHash<quint64, TftpTransfer *> m_byPeer;   // ip << 16 | port: retransmitted RRQs are ignored
    QHash<quint32, int> m_perClient;
    quint64 m_nextId = 1;
    QElapsedTimer m_warnWindow;
    int m_warnings = 0;
    int m_suppressed = 0;
};
