#include "provisioning.h"

#include "common/logging.h"
#include "console/consoleservice.h"
#include "console/netconsoleparam.h"
#include "devices/deviceregistry.h"
#include "engine/labengine.h"
#include "engine/servicehub.h"
#include "http/httpservice.h"
#include "ipainspection.h"
#include "lifecyclemanager.h"
#include "provisionapi.h"
#include "talosimages.h"
#include "workflowstore.h"

#include <QDir>
#include <QUrl>

Provisioning::Provisioning(LabEngine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_lifecycle(new LifecycleManager(engine->registry(), engine->journal(), this))
    , m_workflows(new WorkflowStore(this))
    , m_talos(new TalosImages(engine->http(), engine->registry(), engine->journal(), this))
    , m_api(new ProvisionApi(engine, this, this))
{
}

Provisioning::~Provisioning() = default;

void Provisioning::open()
{
    if (m_opened)
        return;
    m_opened = true;
    QString why;
    const QString path = m_engine->paths().dataDir + QStringLiteral("/lifecycle.json");
    if (!m_lifecycle->open(path, &why))
        qCWarning(lcProvision).noquote() << "lifecycle not restored:" << why;
}

void Provisioning::applyConfig(const LabConfig &config)
{
    open();
    m_config = config.provisioning;
    const AppPaths &paths = m_engine->paths();
    m_workflows->setDirectory(m_config.workflowsDir.isEmpty() ? paths.configDir + QStringLiteral("/workflows")
                                                              : m_config.workflowsDir);
    m_lifecycle->applyConfig(config.devices);
    TalosConfig talos = m_config.talos;
    if (talos.cacheDir.isEmpty())
        talos.cacheDir = paths.dataDir + QStringLiteral("/images/talos");
    m_talos->setConfig(talos);
}

QString Provisioning::deployDirectory() const
{
    return m_config.deployDir.isEmpty() ? m_engine->paths().dataDir + QStringLiteral("/deploy-arm64") : m_config.deployDir;
}

QString Provisioning::baseUrl() const
{
    return m_engine->http()->baseUrl();
}

QString Provisioning::deviceArch(const MacAddress &mac) const
{
    QString model;
    if (const DeviceInfo *d = m_engine->registry()->find(mac))
        model = d->model;
    if (const auto pi = provision::piModel(model))
        return pi->arch;
    if (model.startsWith(QLatin1String("qemu-x86_64")))
        return QStringLiteral("x86_64");
    if (model.startsWith(QLatin1String("qemu-aarch64")))
        return QStringLiteral("aarch64");
    return {};
}

provision::NativeBootDevice Provisioning::bootDevice(const MacAddress &mac, const QString &serial) const
{
    provision::NativeBootDevice dev;
    dev.mac = mac;
    dev.serial = serial;
    if (const DeviceInfo *d = mac.isValid() ? m_engine->registry()->find(mac) : nullptr) {
        if (!d->serial.isEmpty())
            dev.serial = d->serial;
        dev.name = d->name;
        dev.model = d->model;
        dev.ip = d->ip;
    }
    if (const DeviceConfig *c = mac.isValid() ? m_engine->config().device(mac) : nullptr) {
        dev.console = c->console;
        dev.osie = c->osie;
        if (!c->ip.isNull())
            dev.ip = c->ip;
    }
    return dev;
}

provision::NativeBootFiles Provisioning::nativeBootFilesFor(const MacAddress &mac, lifecycle::State state) const
{
    const provision::NativeBootDevice dev = bootDevice(mac, QString());
    const LifecycleManager::Record *record = m_lifecycle->record(mac);
    const provision::Workflow *workflow = record && !record->workflow.isEmpty() ? m_workflows->find(record->workflow) : nullptr;
    provision::NativeBootContext ctx;
    ctx.httpBaseUrl = baseUrl();
    ctx.deployKernel = m_config.deployKernel;
    ctx.deployInitrd = m_config.deployInitrd;
    ctx.token = record ? record->token : QByteArray();
    ctx.netconsoleArgument = netconsoleArgument(mac);
    return provision::piBootFiles(dev, state, workflow, ctx);
}

provision::NativeBootFiles Provisioning::nativeBootFiles(const QString &serial, const MacAddress &mac) const
{
    MacAddress device = mac;
    if (!device.isValid() || !m_engine->registry()->find(device)) {
        const DeviceInfo *bySerial = m_engine->registry()->findBySerial(serial);
        device = bySerial ? bySerial->mac : MacAddress();
    }
    if (device.isValid())
        return nativeBootFilesFor(device, m_lifecycle->state(device));
    // A serial the lab has never seen: the discovery environment, without identity or token.
    provision::NativeBootContext ctx;
    ctx.httpBaseUrl = baseUrl();
    ctx.deployKernel = m_config.deployKernel;
    ctx.deployInitrd = m_config.deployInitrd;
    return provision::piBootFiles(bootDevice(MacAddress(), serial), lifecycle::State::Discovered, nullptr, ctx);
}

QString Provisioning::ipaKernelArgs(const MacAddress &mac) const
{
    return ipa::kernelArgs(baseUrl(), mac, m_lifecycle->token(mac));
}

QString Provisioning::netconsoleArgument(const MacAddress &mac) const
{
    const DeviceConfig *cfg = m_engine->config().device(mac);
    if (!cfg || !cfg->netconsole)
        return {};
    const ConsoleConfig &consoles = m_engine->config().services.consoles;
    const auto *service = m_engine->hub()->service<ConsoleService>();
    console::NetconsoleTarget t;
    // Where the device sends: the console service's address, or the host the HTTP service is
    // reached at when it listens on every address.
    t.remoteIp = consoles.address;
    if (t.remoteIp.isNull() || t.remoteIp == QHostAddress(QHostAddress::AnyIPv4))
        t.remoteIp = QHostAddress(QUrl(baseUrl()).host());
    t.remotePort = service && service->isRunning() ? service->netconsolePort() : consoles.port;
    t.remoteMac = console::interfaceMacFor(t.remoteIp);
    if (!cfg->ip.isNull())
        t.localIp = cfg->ip;
    return console::netconsoleArgument(t);
}
