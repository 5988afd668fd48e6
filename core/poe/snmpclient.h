#pragma once

#include "poetypes.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVector>

#include <memory>

// Blocking SNMP v1/v2c/v3 (USM) client on net-snmp's single-session API. Used only from an
// SnmpDriver's worker thread, never from the engine thread. Debian's libnetsnmp is built
// without NETSNMP_REENTRANT and keeps global state (USM user and engine-time lists), so every
// call into the library is serialised process-wide; the library is initialised once with its
// configuration files, persistent state, MIB warnings and logging to stderr switched off.
namespace snmp {

using Oid = QVector<quint32>;
Oid parseOid(const QString &text);           // ".1.3.6.1..." or "1.3.6.1..."; empty if invalid
QString oidToString(const Oid &oid);         // ".1.3.6.1..."
bool isPrefix(const Oid &prefix, const Oid &oid);

struct Varbind
{
    Oid oid;
    enum class Type { Integer, Unsigned, Counter64, OctetString, ObjectId, IpAddress, Null, NoSuchObject,
                      NoSuchInstance, EndOfMibView, Other } type = Type::Null;
    qint64 integer = 0;                       // Integer, Gauge32, Counter32, TimeTicks, Counter64
    QByteArray bytes;                         // OctetString, IpAddress
    [[nodiscard]] bool isException() const
    {
        return type == Type::NoSuchObject || type == Type::NoSuchInstance || type == Type::EndOfMibView;
    }
};

struct Config
{
    QString peer;                             // "udp:host:port"
    enum class Version { V1, V2c, V3 } version = Version::V2c;
    QByteArray community = "public";
    QByteArray writeCommunity;                // empty = community
    // v3 (USM)
    QByteArray user;
    enum class Level { NoAuthNoPriv, AuthNoPriv, AuthPriv } level = Level::AuthPriv;
    enum class Auth { Md5, Sha1, Sha224, Sha256, Sha384, Sha512 } auth = Auth::Sha256;
    enum class Priv { Des, Aes128, Aes192, Aes256 } priv = Priv::Aes128;
    QByteArray authPassword;
    QByteArray privPassword;
    QByteArray context;
    int timeoutMs = 1500;                     // per try
    int retries = 1;                          // extra tries inside net-snmp
};

class Client
{
public:
    explicit Client(Config config);
    ~Client();
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    poe::Error get(const QList<Oid> &oids, QList<Varbind> *out);
    // All objects under `root` (GETBULK on v2c/v3, GETNEXT on v1), at most `limit` of them.
    poe::Error walk(const Oid &root, QList<Varbind> *out, int limit = 4096);
    // A table read in as few GETBULK round trips as possible: the next object after each of
    // `nextOf` (non-repeaters, e.g. a scalar or one entry of another table) and the rows under
    // each prefix in `columns`, fetched side by side. `rowsHint` sizes the repetitions (ports
    // seen last time). v1 falls back to GETNEXT walks.
    poe::Error table(const QList<Oid> &nextOf, const QList<Oid> &columns, int rowsHint, QList<Varbind> *next,
                     QList<QList<Varbind>> *rows, int limit = 4096);
    // SET of INTEGER values, one PDU (atomic on the agent).
    poe::Error setIntegers(const QList<QPair<Oid, qint64>> &values);
    void close();

private:
    struct Session;
    poe::Error ensureOpen();
    poe::Error request(int command, const QList<QPair<Oid, qint64>> &values, const QList<Oid> &oids, int nonRepeaters,
                       int maxRepetitions, QList<Varbind> *out);
    Config m_config;
    std::unique_ptr<Session> m_session;
};

} // namespace snmp
