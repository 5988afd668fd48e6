#include "labdriver.h"

#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "setupwizard.h"

#include <QFile>

LabDriver::LabDriver(LabEngine *engine, SetupWizard *wizard, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_wizard(wizard)
{
}

void LabDriver::observe(const QString &mac, const QString &serial, const QString &model)
{
    const auto m = MacAddress::parse(mac);
    LabEngine *engine = m_engine;
    if (!m || !engine)
        return;
    const MacAddress address = *m;
    QMetaObject::invokeMethod(engine, [engine, address, serial, model] { engine->registry()->observe(address, serial, model); });
}

void LabDriver::event(const QString &mac, const QString &source, const QString &kind, const QString &stage,
                      const QString &severity, const QString &message)
{
    LabEngine *engine = m_engine;
    if (!engine)
        return;
    JournalEvent e;
    if (const auto m = MacAddress::parse(mac))
        e.mac = *m;
    e.source = source;
    e.kind = kind;
    e.stage = stage.isEmpty() ? BootStage::Unknown : bootstage::fromString(stage);
    e.severity = journalseverity::fromString(severity);
    e.message = message;
    QMetaObject::invokeMethod(engine, [engine, e] { engine->journal()->append(e); });
}

void LabDriver::useTestInterfaces()
{
    using namespace setupplan;
    InterfaceInfo lab;
    lab.name = QStringLiteral("lab0");
    lab.type = QNetworkInterface::Ethernet;
    lab.up = lab.running = lab.canBroadcast = true;
    lab.hardwareAddress = QStringLiteral("02:00:00:00:00:10");
    lab.ipv4 = {{QHostAddress(QStringLiteral("10.99.0.1")), 24}};
    InterfaceInfo home = lab;
    home.name = QStringLiteral("home0");
    home.hardwareAddress = QStringLiteral("02:00:00:00:00:20");
    home.ipv4 = {{QHostAddress(QStringLiteral("192.168.1.20")), 24}};
    home.gateway = QHostAddress(QStringLiteral("192.168.1.1"));
    InterfaceInfo wifi = home;
    wifi.name = QStringLiteral("wlan0");
    wifi.type = QNetworkInterface::Wifi;
    m_wizard->interfaces()->setInterfaces({lab, home, wifi});
}

QString LabDriver::labYaml() const
{
    if (!m_engine)
        return {};
    QFile f(m_engine->configPath());
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}
