#pragma once

#include "config/labconfig.h"
#include "dhcppacket.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

class DhcpSocket;
class QTimer;

// Another DHCP or PXE server answering on our segment. A second PXE responder is the most common
// netboot failure; a plain DHCP server is expected next to a proxy but not next to a full server.
struct ForeignDhcpServer
{
    quint32 serverId = 0;         // option 54, else the reply's source address
    quint32 source = 0;           // IP source of the last reply
    QString interfaceName;
    bool offersAddresses = false; // handed out a yiaddr
    bool offersBoot = false;      // PXE/boot answers: 60 PXEClient/HTTPClient, 43, 66/67, file
    bool conflicting = false;     // competes with us in the current mode
    QString lastBootFile;
    MacAddress lastClient;
    quint64 replies = 0;
    QDateTime firstSeen;
    QDateTime lastSeen;

    [[nodiscard]] QString address() const { return dhcp::ipToString(serverId); }
    [[nodiscard]] QString describe() const;   // English one-liner
    [[nodiscard]] QJsonObject toJson() const;
};

// Listens on the DHCP client port (68 for a server on 67) of the served interface for offers and
// acks sent by other servers, and sends an occasional PXE-flavoured DISCOVER probe (broadcast flag
// set, locally administered MAC) so servers that would otherwise unicast are heard too.
class ForeignServerMonitor : public QObject
{
    Q_OBJECT
public:
    explicit ForeignServerMonitor(QObject *parent = nullptr);
    ~ForeignServerMonitor() override;

    struct Settings
    {
        QString interfaceName;        // required: the served interface
        quint16 clientPort = dhcp::ClientPort;
        quint16 serverPort = dhcp::ServerPort;
        DhcpMode mode = DhcpMode::Proxy;
        int probeIntervalSeconds = 600; // 0 = passive only
    };

    bool start(const Settings &settings, QString *error);
    void stop();
    [[nodiscard]] bool isRunning() const;
    void setMode(DhcpMode mode);

    // Broadcasts one probe DISCOVER now (also done shortly after start and then periodically).
    bool probe(QString *error = nullptr);
    // True for our own probe, which our server must ignore.
    [[nodiscard]] bool isOwnProbe(const dhcp::Packet &packet) const;

    // Classifies a server reply seen on the wire (exposed for tests). `ours` = our address there.
    void observe(const dhcp::Packet &reply, quint32 source, quint32 ours, const QString &interfaceName);

    [[nodiscard]] QList<ForeignDhcpServer> servers() const;
    void clear();

Q_SIGNALS:
    // A server was seen for the first time, or started to conflict with us.
    void serverDetected(const ForeignDhcpServer &server);
    // Another server acknowledged `address` for `mac` (lets a proxy learn its clients' addresses).
    void leaseObserved(const MacAddress &mac, quint32 address);

private:
    void onReadyRead();
    [[nodiscard]] bool conflicts(const ForeignDhcpServer &s) const;

    Settings m_settings;
    DhcpSocket *m_socket = nullptr;
    QTimer *m_probeTimer = nullptr;
    int m_ifindex = 0;
    quint32 m_ourAddress = 0;
    QByteArray m_probeMac;
    QHash<quint32, qint64> m_probeXids;       // xid -> sent at (ms since epoch)
    QHash<quint32, ForeignDhcpServer> m_servers;
};

Q_DECLARE_METATYPE(ForeignDhcpServer)
