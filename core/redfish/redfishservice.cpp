// Resource bodies are QJsonObject initializer lists, where QStringBuilder expressions do not
// convert implicitly; plain QString concatenation here.
#undef QT_USE_QSTRINGBUILDER

#include "redfishservice.h"

#include "accountservice.h"
#include "accountstore.h"
#include "bios.h"
#include "chassis.h"
#include "common/logging.h"
#include "common/netutil.h"
#include "devices/bootcontrol.h"
#include "devices/devicejournal.h"
#include "devices/inventory.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "eventservice.h"
#include "http/httpserver.h"
#include "managers.h"
#include "passwordverifier.h"
#include "serviceroot.h"
#include "sessionstore.h"
#include "systems.h"
#include "taskstore.h"
#include "tlscertificates.h"
#include "updateservice.h"

#include <QSslConfiguration>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

RedfishService::RedfishService(redfish::Backend backend, QObject *parent)
    : Service(u"redfish"_s, parent)
    , m_server(new HttpServer(this))
    , m_accounts(std::make_unique<AccountStore>(backend.configDir + u"/redfish/accounts.json"_s))
    , m_sessions(std::make_unique<SessionStore>())
    , m_tasks(std::make_unique<redfish::TaskStore>())
{
    m_context.backend = std::move(backend);
    m_context.server = m_server;
    m_context.accounts = m_accounts.get();
    m_context.sessions = m_sessions.get();
    m_context.tasks = m_tasks.get();
    m_context.serviceUuid = QUuid::createUuidV5(QUuid(u"6f0c7b3e-2b8e-4b1c-9d7e-6d6574616c62"_s),
                                                m_context.backend.configDir)
                                .toString(QUuid::WithoutBraces);
    m_events = new redfish::EventService(&m_context, this);
    m_context.events = m_events;
    m_updater = new redfish::FirmwareUpdater(&m_context, this);
    m_context.verifier = new redfish::PasswordVerifier(this);
    m_server->addDefaultHeader("OData-Version", "4.0");
    m_server->addDefaultHeader("X-Frame-Options", "DENY");
    m_server->addDefaultHeader("X-Content-Type-Options", "nosniff");
    m_server->addDefaultHeader("Strict-Transport-Security", "max-age=31536000");
    // DSP0266 §6.5.2: a request for an OData version the service does not support gets 412.
    m_server->setFilter([](HttpRequest &r) -> std::optional<HttpResponse> {
        const QByteArray version = r.header("odata-version").trimmed();
        if (version.isEmpty() || version == "4.0")
            return std::nullopt;
        return redfish::errorResponse(redfish::messages::headerInvalid(u"OData-Version: "_s + QString::fromLatin1(version.left(32))), 412);
    });
    registerRoutes();

    if (m_context.backend.registry)
        connect(m_context.backend.registry, &DeviceRegistry::deviceChanged, m_events, &redfish::EventService::deviceChanged);
    // Cached resource bodies are valid until the lab's state changes.
    auto changed = [this] { m_context.stateChanged(); };
    if (auto *registry = m_context.backend.registry) {
        connect(registry, &DeviceRegistry::deviceAdded, this, changed);
        connect(registry, &DeviceRegistry::deviceChanged, this, changed);
        connect(registry, &DeviceRegistry::deviceRemoved, this, changed);
    }
    if (auto *boot = m_context.backend.bootControl) {
        connect(boot, &BootControl::overrideChanged, this, changed);
        connect(boot, &BootControl::mediaChanged, this, changed);
    }
    if (auto *inventory = m_context.backend.inventory)
        connect(inventory, &InventoryStore::inventoryChanged, this, changed);
    if (m_context.backend.journal) {
        // Bios values changed through Redfish are live once the device got its next firmware.
        connect(m_context.backend.journal, &DeviceJournal::eventAppended, this, [this](const JournalEvent &e) {
            if (e.kind == QLatin1String(journalkind::FirmwareRendered) && e.mac.isValid()) {
                m_context.biosRunning.remove(e.mac);
                m_context.biosChangedAt.remove(e.mac);
            }
        });
    }
}

RedfishService::~RedfishService()
{
    m_server->close();
}

void RedfishService::registerRoutes()
{
    using namespace redfish;
    registerRoutesServiceRoot(m_context);
    registerRoutesSystems(m_context);
    registerRoutesBios(m_context);
    registerRoutesManagers(m_context);
    registerRoutesChassis(m_context);
    registerRoutesSessionService(m_context);
    registerRoutesAccountService(m_context);
    registerRoutesTaskService(m_context);
    registerRoutesUpdateService(m_context, m_updater);
    m_events->registerRoutes();
    m_context.finishRoutes();
    registerRoutesCatchAll(m_context);
    m_server->setFallback([](HttpRequest &r) {
        return redfish::errorResponse(redfish::messages::resourceNotFound(u"Resource"_s, r.path().section(u'/', -1).left(64)));
    });
}

bool RedfishService::setConfig(const RedfishConfig &config)
{
    const RedfishConfig &old = m_context.config;
    const bool restart = config.address != old.address || config.port != old.port || config.interface != old.interface
        || config.tls != old.tls || config.certificate != old.certificate || config.privateKey != old.privateKey;
    m_context.config = config;
    m_sessions->setTimeout(config.sessionTimeoutSeconds);
    setEnabled(config.enabled);
    return restart;
}

quint16 RedfishService::port() const
{
    return m_server->isListening() ? m_server->serverPort() : m_context.config.port;
}

QString RedfishService::baseUrl() const
{
    const QHostAddress a = m_bound.isNull() ? m_context.config.address : m_bound;
    const QString host = a.protocol() == QAbstractSocket::IPv6Protocol ? u"["_s + a.toString() + u"]"_s : a.toString();
    return u"%1://%2:%3"_s.arg(m_context.config.tls ? u"https"_s : u"http"_s, host).arg(port());
}

int RedfishService::pendingPasswordChecks() const
{
    return m_context.verifier->pending();
}

QString RedfishService::initialPasswordFile() const
{
    return m_context.backend.configDir + u"/redfish/initial-admin-password"_s;
}

QMap<QString, quint64> RedfishService::counters() const
{
    QMap<QString, quint64> out = m_server->counters();
    out.insert(u"auth.failed"_s, m_context.authFailures);
    return out;
}

QStringList RedfishService::endpoints() const
{
    return {u"tcp %1:%2 (%3)"_s.arg(m_bound.toString()).arg(port()).arg(m_context.config.tls ? u"https"_s : u"http"_s)};
}

bool RedfishService::setUpTls(QString *error)
{
    redfish::tls::Identity identity;
    if (!m_context.config.certificate.isEmpty()) {
        if (!redfish::tls::loadFiles(m_context.config.certificate, m_context.config.privateKey, &identity, error))
            return false;
    } else {
        QStringList dns;
        QList<QHostAddress> addresses;
        redfish::tls::subjectNames(m_bound, &dns, &addresses);
        if (!redfish::tls::ensureGenerated(m_context.backend.configDir + u"/redfish"_s, dns, addresses, &identity, error))
            return false;
    }
    m_caPath = identity.caPath;
    m_context.certificatePath = identity.certificatePath;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setLocalCertificate(identity.certificate);
    tls.setLocalCertificateChain(QList<QSslCertificate>{identity.certificate} + identity.chain);
    tls.setPrivateKey(identity.key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_server->setTlsConfiguration(tls);
    return true;
}

bool RedfishService::doStart(QString *error)
{
    if (!m_accountsLoaded) {
        QString why;
        if (!m_accounts->load(&why)) {
            *error = tr("cannot load the Redfish accounts: %1").arg(why);
            return false;
        }
        const QString password = m_accounts->ensureInitialAdmin(initialPasswordFile(), &why);
        if (!why.isEmpty()) {
            *error = tr("cannot create the initial Redfish account: %1").arg(why);
            return false;
        }
        if (!password.isEmpty())
            qCWarning(lcRedfish).noquote() << "created the Redfish account 'admin'; its password is in"
                                           << initialPasswordFile() << "(readable by you only)";
        m_accountsLoaded = true;
    }
    m_bound = netutil::resolveBindAddress(m_context.config.interface, m_context.config.address, error);
    if (m_bound.isNull())
        return false;
    // A loopback-bound BMC (demo lab, tests) only pushes events to loopback destinations.
    if (netutil::isLoopback(m_bound))
        m_events->setDestinationFilter([](const QUrl &url) {
            const QHostAddress a(url.host());
            return url.host() == QLatin1String("localhost") || (!a.isNull() && a.isLoopback());
        });
    else
        m_events->setDestinationFilter({});
    if (m_context.config.tls) {
        if (!setUpTls(error))
            return false;
    } else {
        m_server->clearTlsConfiguration();
        qCWarning(lcRedfish) << "Redfish is served over plain HTTP (services.redfish.tls: false)";
    }
    QString why;
    if (!m_server->listenOn(m_bound, m_context.config.port, &why)) {
        *error = tr("cannot listen on %1:%2: %3").arg(m_bound.toString()).arg(m_context.config.port).arg(why);
        return false;
    }
    qCInfo(lcRedfish).noquote() << "Redfish service on" << baseUrl() << "/redfish/v1";
    return true;
}

void RedfishService::doStop()
{
    m_server->close();
}
