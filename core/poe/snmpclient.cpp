#include "snmpclient.h"

#include "common/logging.h"

#include <QStringList>

#include <mutex>

#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>

namespace snmp {

using K = poe::Error::Kind;

namespace {

// net-snmp keeps process-wide state; this lock serialises every call into it (see header).
std::mutex &libraryLock()
{
    static std::mutex m;
    return m;
}

int logToQt(int, int, void *serverarg, void *)
{
    const auto *m = static_cast<const snmp_log_message *>(serverarg);
    if (m && m->msg)
        qCDebug(lcPoe).noquote() << "net-snmp:" << QString::fromLocal8Bit(m->msg).trimmed();
    return SNMPERR_SUCCESS;
}

void initLibrary()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // No snmp.conf, no persistent files (~/.snmp, /var/lib/snmp), no MIB parsing noise,
        // no SIGALRM, log through Qt instead of stderr.
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_READ_CONFIGS, 1);
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_PERSIST_STATE, 1);
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_LOAD, 1);
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DISABLE_PERSISTENT_SAVE, 1);
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_DONT_LOAD_HOST_FILES, 1);
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_NO_TOKEN_WARNINGS, 1);
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_ALARM_DONT_USE_SIG, 1);
        netsnmp_ds_set_boolean(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_MIB_ERRORS, 0);
        netsnmp_ds_set_int(NETSNMP_DS_LIBRARY_ID, NETSNMP_DS_LIB_MIB_WARNINGS, 0);
        netsnmp_set_mib_directory("/nonexistent/metalboot-no-mibs");
        snmp_disable_log();
        snmp_register_callback(SNMP_CALLBACK_LIBRARY, SNMP_CALLBACK_LOGGING, logToQt, nullptr);
        netsnmp_register_loghandler(NETSNMP_LOGHANDLER_CALLBACK, LOG_DEBUG);
        init_snmp("metalboot");
    });
}

QString libraryError(int liberr, int syserr, const char *text)
{
    Q_UNUSED(syserr)
    QString s = text ? QString::fromLocal8Bit(text) : QStringLiteral("error %1").arg(liberr);
    return s.trimmed();
}

K kindOf(int liberr)
{
    switch (liberr) {
    case SNMPERR_TIMEOUT:
        return K::Timeout;
    case SNMPERR_AUTHENTICATION_FAILURE:
    case SNMPERR_UNKNOWN_USER_NAME:
    case SNMPERR_UNSUPPORTED_SEC_LEVEL:
    case SNMPERR_USM_AUTHENTICATIONFAILURE:
    case SNMPERR_USM_UNKNOWNSECURITYNAME:
    case SNMPERR_USM_UNSUPPORTEDSECURITYLEVEL:
    case SNMPERR_USM_DECRYPTIONERROR:
    case SNMPERR_DECRYPTION_ERR:
    case SNMPERR_KT_NOT_AVAILABLE:
    case SNMPERR_USM_ENCRYPTIONERROR:
    case SNMPERR_NOT_IN_TIME_WINDOW:
    case SNMPERR_USM_NOTINTIMEWINDOW:
        return K::Auth;
    case SNMPERR_BAD_ADDRESS:
    case SNMPERR_BAD_SENDTO:
    case SNMPERR_BAD_RECVFROM:
    case SNMPERR_UNKNOWN_ENG_ID:
    case SNMPERR_USM_UNKNOWNENGINEID:
        return K::Unreachable;
    default:
        return K::Protocol;
    }
}

QString errstatName(long errstat)
{
    const char *s = snmp_errstring(int(errstat));
    return s ? QString::fromLatin1(s) : QStringLiteral("error-status %1").arg(errstat);
}

} // namespace

Oid parseOid(const QString &text)
{
    QString t = text.trimmed();
    if (t.startsWith(QLatin1Char('.')))
        t.remove(0, 1);
    if (t.isEmpty())
        return {};
    Oid out;
    const QStringList parts = t.split(QLatin1Char('.'));
    if (parts.size() < 2 || parts.size() > MAX_OID_LEN)
        return {};
    for (const QString &p : parts) {
        bool ok = false;
        const qulonglong v = p.toULongLong(&ok);
        if (!ok || v > 0xffffffffULL)
            return {};
        out.append(quint32(v));
    }
    return out;
}

QString oidToString(const Oid &oid)
{
    QString s;
    for (quint32 v : oid)
        s += QLatin1Char('.') + QString::number(v);
    return s;
}

bool isPrefix(const Oid &prefix, const Oid &oid)
{
    if (oid.size() < prefix.size())
        return false;
    for (int i = 0; i < prefix.size(); ++i)
        if (prefix.at(i) != oid.at(i))
            return false;
    return true;
}

struct Client::Session
{
    void *handle = nullptr;
    bool userChecked = false;   // v3: the cached USM user was compared with our keys
};

// net-snmp caches one USM user per (engine, name), created on the first request of the first
// session, and never updates its keys when a later session brings other passwords: a corrected
// (or a wrong) password would be ignored until restart. Once the engine is known, make the
// cached user match this session. Returns true if it had to be replaced. Library lock held.
static bool refreshCachedUser(void *handle)
{
    netsnmp_session *ss = snmp_sess_session(handle);
    if (!ss || ss->version != SNMP_VERSION_3 || ss->securityEngineIDLen == 0 || !ss->securityName)
        return false;
    struct usmUser *cached = usm_get_user(ss->securityEngineID, ss->securityEngineIDLen, ss->securityName);
    if (!cached)
        return false;
    auto sameKey = [ss](const u_char *ku, size_t kuLen, const u_char *stored, size_t storedLen) {
        if (kuLen == 0)
            return stored == nullptr || storedLen == 0;
        u_char local[USM_LENGTH_KU_HASHBLOCK * 2] = {};
        size_t localLen = sizeof(local);
        if (!ss->securityAuthProto
            || generate_kul(ss->securityAuthProto, u_int(ss->securityAuthProtoLen), ss->securityEngineID,
                            ss->securityEngineIDLen, ku, kuLen, local, &localLen) != SNMPERR_SUCCESS)
            return false;
        return stored && storedLen >= localLen && memcmp(local, stored, localLen) == 0;
    };
    const bool sameAuthProto = (ss->securityAuthProto == nullptr && cached->authProtocol == nullptr)
        || (ss->securityAuthProto && cached->authProtocol
            && snmp_oid_compare(ss->securityAuthProto, ss->securityAuthProtoLen, cached->authProtocol,
                                cached->authProtocolLen) == 0);
    const bool samePrivProto = (ss->securityPrivProto == nullptr && cached->privProtocol == nullptr)
        || (ss->securityPrivProto && cached->privProtocol
            && snmp_oid_compare(ss->securityPrivProto, ss->securityPrivProtoLen, cached->privProtocol,
                                cached->privProtocolLen) == 0);
    if (sameAuthProto && samePrivProto
        && sameKey(ss->securityAuthKey, ss->securityAuthKeyLen, cached->authKey, cached->authKeyLen)
        && sameKey(ss->securityPrivKey, ss->securityPrivKeyLen, cached->privKey, cached->privKeyLen))
        return false;
    usm_remove_user(cached);
    usm_free_user(cached);
    ss->flags &= ~SNMP_FLAGS_USER_CREATED;
    usm_create_user_from_session(ss);
    qCInfo(lcPoe) << "replaced net-snmp's cached USM user" << ss->securityName << "with the configured keys";
    return true;
}

Client::Client(Config config)
    : m_config(std::move(config))
{
    initLibrary();
}

Client::~Client()
{
    close();
}

void Client::close()
{
    if (!m_session)
        return;
    std::lock_guard<std::mutex> lock(libraryLock());
    if (m_session->handle)
        snmp_sess_close(m_session->handle);
    m_session.reset();
}

poe::Error Client::ensureOpen()
{
    if (m_session)
        return poe::Error::none();
    netsnmp_session s;
    std::lock_guard<std::mutex> lock(libraryLock());
    snmp_sess_init(&s);
    QByteArray peer = m_config.peer.toLatin1();
    s.peername = peer.data();
    s.timeout = long(m_config.timeoutMs) * 1000L;
    s.retries = m_config.retries;
    QByteArray community = m_config.community;
    QByteArray user = m_config.user;
    QByteArray context = m_config.context;
    switch (m_config.version) {
    case Config::Version::V1:
    case Config::Version::V2c:
        s.version = m_config.version == Config::Version::V1 ? SNMP_VERSION_1 : SNMP_VERSION_2c;
        s.community = reinterpret_cast<u_char *>(community.data());
        s.community_len = size_t(community.size());
        break;
    case Config::Version::V3: {
        s.version = SNMP_VERSION_3;
        s.securityName = user.data();
        s.securityNameLen = size_t(user.size());
        s.securityModel = SNMP_SEC_MODEL_USM;
        if (!context.isEmpty()) {
            s.contextName = context.data();
            s.contextNameLen = size_t(context.size());
        }
        switch (m_config.level) {
        case Config::Level::NoAuthNoPriv: s.securityLevel = SNMP_SEC_LEVEL_NOAUTH; break;
        case Config::Level::AuthNoPriv: s.securityLevel = SNMP_SEC_LEVEL_AUTHNOPRIV; break;
        case Config::Level::AuthPriv: s.securityLevel = SNMP_SEC_LEVEL_AUTHPRIV; break;
        }
        if (m_config.level != Config::Level::NoAuthNoPriv) {
            switch (m_config.auth) {
            case Config::Auth::Md5: s.securityAuthProto = usmHMACMD5AuthProtocol; break;
            case Config::Auth::Sha1: s.securityAuthProto = usmHMACSHA1AuthProtocol; break;
            case Config::Auth::Sha224: s.securityAuthProto = usmHMAC128SHA224AuthProtocol; break;
            case Config::Auth::Sha256: s.securityAuthProto = usmHMAC192SHA256AuthProtocol; break;
            case Config::Auth::Sha384: s.securityAuthProto = usmHMAC256SHA384AuthProtocol; break;
            case Config::Auth::Sha512: s.securityAuthProto = usmHMAC384SHA512AuthProtocol; break;
            }
            s.securityAuthProtoLen = USM_AUTH_PROTO_MD5_LEN; // all USM auth protocol OIDs have this length
            s.securityAuthKeyLen = USM_AUTH_KU_LEN;
            if (generate_Ku(s.securityAuthProto, u_int(s.securityAuthProtoLen),
                            reinterpret_cast<const u_char *>(m_config.authPassword.constData()),
                            size_t(m_config.authPassword.size()), s.securityAuthKey, &s.securityAuthKeyLen)
                != SNMPERR_SUCCESS)
                return poe::Error::make(K::Auth, QStringLiteral("cannot derive the SNMPv3 authentication key (password "
                                                                "shorter than 8 characters?)"));
        }
        if (m_config.level == Config::Level::AuthPriv) {
            switch (m_config.priv) {
            case Config::Priv::Des: s.securityPrivProto = usmDESPrivProtocol; break;
            case Config::Priv::Aes128: s.securityPrivProto = usmAESPrivProtocol; break;
            case Config::Priv::Aes192: s.securityPrivProto = usmAES192PrivProtocol; break;
            case Config::Priv::Aes256: s.securityPrivProto = usmAES256PrivProtocol; break;
            }
            s.securityPrivProtoLen = m_config.priv == Config::Priv::Des ? USM_PRIV_PROTO_DES_LEN : USM_PRIV_PROTO_AES_LEN;
            s.securityPrivKeyLen = USM_PRIV_KU_LEN;
            if (generate_Ku(s.securityAuthProto, u_int(s.securityAuthProtoLen),
                            reinterpret_cast<const u_char *>(m_config.privPassword.constData()),
                            size_t(m_config.privPassword.size()), s.securityPrivKey, &s.securityPrivKeyLen)
                != SNMPERR_SUCCESS)
                return poe::Error::make(K::Auth, QStringLiteral("cannot derive the SNMPv3 privacy key"));
        }
        break;
    }
    }
    void *handle = snmp_sess_open(&s);
    if (!handle) {
        int liberr = 0, syserr = 0;
        char *text = nullptr;
        snmp_error(&s, &syserr, &liberr, &text);
        const QString why = libraryError(liberr, syserr, text);
        SNMP_FREE(text);
        const K kind = kindOf(liberr);
        if (kind == K::Timeout)
            return poe::Error::make(K::Timeout, QStringLiteral("no SNMP answer from %1 (engine discovery timed out)").arg(m_config.peer));
        return poe::Error::make(kind == K::Protocol ? K::Unreachable : kind,
                                QStringLiteral("cannot open an SNMP session to %1: %2").arg(m_config.peer, why));
    }
    m_session = std::make_unique<Session>();
    m_session->handle = handle;
    return poe::Error::none();
}

static void appendOid(netsnmp_pdu *pdu, const Oid &o)
{
    oid buf[MAX_OID_LEN];
    const int n = qMin(int(o.size()), int(MAX_OID_LEN));
    for (int i = 0; i < n; ++i)
        buf[i] = o.at(i);
    snmp_add_null_var(pdu, buf, size_t(n));
}

poe::Error Client::request(int command, const QList<QPair<Oid, qint64>> &values, const QList<Oid> &oids,
                           int nonRepeaters, int maxRepetitions, QList<Varbind> *out)
{
    if (auto e = ensureOpen(); e.isError())
        return e;
    std::lock_guard<std::mutex> lock(libraryLock());
    netsnmp_pdu *pdu = snmp_pdu_create(command);
    if (command == SNMP_MSG_GETBULK) {
        pdu->non_repeaters = nonRepeaters;
        pdu->max_repetitions = maxRepetitions;
    }
    if (command == SNMP_MSG_SET) {
        const QByteArray &wc = m_config.writeCommunity.isEmpty() ? m_config.community : m_config.writeCommunity;
        if (m_config.version != Config::Version::V3) {
            pdu->community = static_cast<u_char *>(malloc(size_t(wc.size()) + 1));
            memcpy(pdu->community, wc.constData(), size_t(wc.size()) + 1);
            pdu->community_len = size_t(wc.size());
        }
        for (const auto &v : values) {
            oid buf[MAX_OID_LEN];
            const int n = qMin(int(v.first.size()), int(MAX_OID_LEN));
            for (int i = 0; i < n; ++i)
                buf[i] = v.first.at(i);
            long value = long(v.second);
            snmp_pdu_add_variable(pdu, buf, size_t(n), ASN_INTEGER, &value, sizeof(value));
        }
    } else {
        for (const Oid &o : oids)
            appendOid(pdu, o);
    }
    netsnmp_pdu *response = nullptr;
    netsnmp_pdu *again = m_config.version == Config::Version::V3 && !m_session->userChecked ? snmp_clone_pdu(pdu) : nullptr;
    int status = snmp_sess_synch_response(m_session->handle, pdu, &response);
    if (again) {
        m_session->userChecked = snmp_sess_session(m_session->handle)->securityEngineIDLen > 0;
        if (refreshCachedUser(m_session->handle)) {
            if (response)
                snmp_free_pdu(response);
            response = nullptr;
            status = snmp_sess_synch_response(m_session->handle, again, &response);
        } else {
            snmp_free_pdu(again);
        }
    }
    poe::Error result;
    if (status == STAT_TIMEOUT) {
        result = poe::Error::make(K::Timeout, QStringLiteral("no SNMP answer from %1 within %2 s (switch unreachable, "
                                                             "or wrong community/credentials)")
                                                  .arg(m_config.peer)
                                                  .arg((m_config.retries + 1) * m_config.timeoutMs / 1000.0));
    } else if (status != STAT_SUCCESS || !response) {
        int liberr = 0, syserr = 0;
        char *text = nullptr;
        snmp_sess_error(m_session->handle, &syserr, &liberr, &text);
        const QString why = libraryError(liberr, syserr, text);
        SNMP_FREE(text);
        const K kind = kindOf(liberr);
        result = poe::Error::make(kind, kind == K::Auth ? QStringLiteral("SNMPv3 authentication with %1 failed: %2")
                                                              .arg(m_config.peer, why)
                                                        : QStringLiteral("SNMP request to %1 failed: %2").arg(m_config.peer, why));
    } else if (response->errstat != SNMP_ERR_NOERROR) {
        const long e = response->errstat;
        const bool access = e == SNMP_ERR_NOACCESS || e == SNMP_ERR_NOTWRITABLE || e == SNMP_ERR_READONLY
            || e == SNMP_ERR_AUTHORIZATIONERROR || e == SNMP_ERR_NOSUCHNAME;
        QString what = errstatName(e);
        if (command == SNMP_MSG_SET && access)
            what += QStringLiteral(": the community/user has no write access to this object");
        result = poe::Error::make(K::Rejected, QStringLiteral("%1 refused the request (%2, index %3)")
                                                   .arg(m_config.peer, what)
                                                   .arg(response->errindex));
    } else if (out) {
        for (netsnmp_variable_list *v = response->variables; v; v = v->next_variable) {
            Varbind b;
            for (size_t i = 0; i < v->name_length; ++i)
                b.oid.append(quint32(v->name[i]));
            switch (v->type) {
            case ASN_INTEGER:
                b.type = Varbind::Type::Integer;
                b.integer = v->val.integer ? *v->val.integer : 0;
                break;
            case ASN_GAUGE:
            case ASN_COUNTER:
            case ASN_TIMETICKS:
                b.type = Varbind::Type::Unsigned;
                b.integer = v->val.integer ? qint64(quint32(*v->val.integer)) : 0;
                break;
            case ASN_COUNTER64:
                b.type = Varbind::Type::Counter64;
                b.integer = v->val.counter64 ? qint64((quint64(v->val.counter64->high) << 32) | v->val.counter64->low) : 0;
                break;
            case ASN_OCTET_STR:
                b.type = Varbind::Type::OctetString;
                b.bytes = QByteArray(reinterpret_cast<const char *>(v->val.string), qsizetype(v->val_len));
                break;
            case ASN_IPADDRESS:
                b.type = Varbind::Type::IpAddress;
                b.bytes = QByteArray(reinterpret_cast<const char *>(v->val.string), qsizetype(v->val_len));
                break;
            case ASN_OBJECT_ID:
                b.type = Varbind::Type::ObjectId;
                break;
            case ASN_NULL: b.type = Varbind::Type::Null; break;
            case SNMP_NOSUCHOBJECT: b.type = Varbind::Type::NoSuchObject; break;
            case SNMP_NOSUCHINSTANCE: b.type = Varbind::Type::NoSuchInstance; break;
            case SNMP_ENDOFMIBVIEW: b.type = Varbind::Type::EndOfMibView; break;
            default: b.type = Varbind::Type::Other; break;
            }
            out->append(b);
        }
    }
    if (response)
        snmp_free_pdu(response);
    if (result.kind == K::Timeout || result.kind == K::Unreachable || result.kind == K::Auth) {
        // Start over (engine discovery, keys) on the next call.
        snmp_sess_close(m_session->handle);
        m_session.reset();
    }
    return result;
}

poe::Error Client::get(const QList<Oid> &oids, QList<Varbind> *out)
{
    return request(SNMP_MSG_GET, {}, oids, 0, 0, out);
}

poe::Error Client::setIntegers(const QList<QPair<Oid, qint64>> &values)
{
    return request(SNMP_MSG_SET, values, {}, 0, 0, nullptr);
}

poe::Error Client::walk(const Oid &root, QList<Varbind> *out, int limit)
{
    Oid cursor = root;
    const bool bulk = m_config.version != Config::Version::V1;
    while (out->size() < limit) {
        QList<Varbind> chunk;
        if (auto e = request(bulk ? SNMP_MSG_GETBULK : SNMP_MSG_GETNEXT, {}, {cursor}, 0, 32, &chunk); e.isError()) {
            // v1 agents end a walk with noSuchName.
            if (!bulk && e.kind == K::Rejected)
                return poe::Error::none();
            return e;
        }
        if (chunk.isEmpty())
            return poe::Error::none();
        for (const Varbind &b : chunk) {
            if (b.isException() || !isPrefix(root, b.oid))
                return poe::Error::none();
            if (!(cursor < b.oid))   // agents must answer increasing OIDs; stop loops
                return poe::Error::make(K::Protocol, QStringLiteral("%1 returned OIDs out of order (%2 after %3)")
                                                         .arg(m_config.peer, oidToString(b.oid), oidToString(cursor)));
            out->append(b);
            cursor = b.oid;
        }
    }
    return poe::Error::none();
}

poe::Error Client::table(const QList<Oid> &nextOf, const QList<Oid> &columns, int rowsHint, QList<Varbind> *next,
                         QList<QList<Varbind>> *rows, int limit)
{
    rows->clear();
    for (int i = 0; i < columns.size(); ++i)
        rows->append(QList<Varbind>());
    if (m_config.version == Config::Version::V1) {
        for (const Oid &o : nextOf) {
            QList<Varbind> one;
            if (auto e = request(SNMP_MSG_GETNEXT, {}, {o}, 0, 0, &one); e.isError() && e.kind != K::Rejected)
                return e;
            next->append(one.isEmpty() ? Varbind{} : one.first());
        }
        for (int i = 0; i < columns.size(); ++i)
            if (auto e = walk(columns.at(i), &(*rows)[i], limit); e.isError())
                return e;
        return poe::Error::none();
    }
    QList<Oid> cursor = columns;
    QList<bool> finished(columns.size(), false);
    bool first = true;
    int total = 0;
    while (total < limit) {
        QList<int> active;
        for (int i = 0; i < columns.size(); ++i)
            if (!finished.at(i))
                active.append(i);
        if (active.isEmpty() && !first)
            break;
        QList<Oid> oids = first ? nextOf : QList<Oid>();
        for (int i : active)
            oids.append(cursor.at(i));
        const int nonRep = first ? int(nextOf.size()) : 0;
        // One extra repetition shows where each column ends; keep PDUs modest (<= 64 varbinds).
        const int reps = active.isEmpty() ? 1 : qBound(1, qMax(rowsHint, 8) + 1, qMax(1, 64 / int(active.size())));
        QList<Varbind> got;
        if (auto e = request(SNMP_MSG_GETBULK, {}, oids, nonRep, reps, &got); e.isError())
            return e;
        int pos = 0;
        if (first) {
            for (int i = 0; i < nonRep; ++i)
                next->append(pos < got.size() ? got.at(pos++) : Varbind{});
            first = false;
        }
        QList<bool> advanced(columns.size(), false);
        for (int k = 0; pos < got.size() && !active.isEmpty(); ++pos, ++k) {
            const int col = active.at(k % active.size());
            const Varbind &b = got.at(pos);
            if (finished.at(col))
                continue;
            if (b.isException() || !isPrefix(columns.at(col), b.oid)) {
                finished[col] = true;
                continue;
            }
            if (!(cursor.at(col) < b.oid))
                return poe::Error::make(K::Protocol, QStringLiteral("%1 returned OIDs out of order (%2 after %3)")
                                                         .arg(m_config.peer, oidToString(b.oid), oidToString(cursor.at(col))));
            (*rows)[col].append(b);
            cursor[col] = b.oid;
            advanced[col] = true;
            ++total;
        }
        for (int i : active)
            if (!advanced.at(i))
                finished[i] = true;   // nothing more came back for it (agent trimmed the answer)
    }
    return poe::Error::none();
}

} // namespace snmp
