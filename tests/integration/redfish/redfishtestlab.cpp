// A throwaway lab for the DMTF validators, sushy and the benchmark: a LabEngine on a temporary
// directory with N virtual Pi 4 devices, and a RedfishService on 127.0.0.1 (ephemeral port, TLS)
// whose power and UEFI settings come from the test doubles in fakelab.h.
// A second plain-HTTP loopback server ("control port") lets tests play the parts of the lab that
// are not Redfish: POST /netboot/<id> simulates the device's next netboot (BootControl consumes a
// Once override, the firmware is rendered: journal "firmware.rendered"); GET /device/<id> shows
// the lab's own view (registry power state, BootControl override and media, firmware settings)
// so tests can check that Redfish really changed it.
// Prints "READY <port> <password-file> <ca-file> <control-port>" when listening; runs until
// SIGTERM/SIGINT.

#include "common/paths.h"
#include "devices/bootcontrol.h"
#include "devices/devicejournal.h"
#include "devices/inventory.h"
#include "devices/journalkinds.h"
#include "http/httpserver.h"
#include "engine/labengine.h"
#include "fakelab.h"
#include "redfish/redfishservice.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

static int signalPipe[2];

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: redfishtestlab <dir> [devices=8] [http]\n";
        return 2;
    }
    const QString root = args.at(1);
    const int devices = args.size() > 2 ? qBound(1, args.at(2).toInt(), 4096) : 8;
    const bool plain = args.size() > 3 && args.at(3) == QLatin1String("http");
    QDir().mkpath(root);
    LabEngine::Options options;
    options.paths = AppPaths::under(root);
    options.configPath = options.paths.labFile();
    options.watchConfig = false;
    QDir().mkpath(options.paths.configDir);
    QByteArray yaml("name: Redfish test lab\nservices:\n"
                    "  http: {address: 127.0.0.1, port: 0}\n"
                    "  dhcp: {enabled: false}\n  tftp: {enabled: false}\n"
                    "  redfish: {enabled: false}\n  consoles: {enabled: false}\n"
                    "profiles:\n  default: {name: Default}\n");
    yaml += fakeDevicesYaml(devices);
    QFile f(options.configPath);
    if (!f.open(QIODevice::WriteOnly) || f.write(yaml) != yaml.size())
        return 1;
    f.close();

    LabEngine engine(options);
    QString error;
    if (!engine.start(&error)) {
        QTextStream(stderr) << error << '\n';
        return 1;
    }
    // Inspection data for the first device (4 GiB, SD card + USB SSD), the others keep the
    // model defaults (memory unknown until inspected).
    const DeviceInfo first = engine.registry()->all().first();
    HardwareInventory inv = HardwareInventory::forModel(QStringLiteral("pi4"), first.mac);
    inv.memoryMiB = 4096;
    inv.disks.append({QStringLiteral("/dev/mmcblk0"), QStringLiteral("SC32G"), QStringLiteral("0x1234"), 31914983424LL, false, QStringLiteral("SD")});
    inv.disks.append({QStringLiteral("/dev/sda"), QStringLiteral("Samsung T7"), QStringLiteral("S5SBNG0R"), 500107862016LL, false, QStringLiteral("USB")});
    inv.source = QStringLiteral("inspection");
    engine.inventory()->setInventory(first.mac, inv, &error);

    SimulatedPower power(engine.registry());
    MemoryFirmwareSettings firmware;
    for (const DeviceInfo &d : engine.registry()->all())
        engine.registry()->setPower(d.mac, PowerState::Off, 0);

    RedfishService service(fakeBackend(engine, &power, &firmware));
    RedfishConfig config;
    config.address = QHostAddress(QHostAddress::LocalHost);
    config.port = 0;
    config.tls = !plain;
    config.allowBasicOverHttp = plain;
    service.setConfig(config);
    if (!service.start()) {
        QTextStream(stderr) << service.errorString() << '\n';
        return 1;
    }

    HttpServer control;
    auto deviceOf = [&engine](const HttpRequest &r) -> std::optional<DeviceInfo> {
        const auto mac = MacAddress::parse(r.param(QStringLiteral("id")));
        const DeviceInfo *d = mac ? engine.registry()->find(*mac) : nullptr;
        return d ? std::optional<DeviceInfo>(*d) : std::nullopt;
    };
    auto overrideJson = [](const BootOverride &o) {
        return QJsonObject{{QStringLiteral("target"), BootOverride::targetName(o.target)},
                           {QStringLiteral("enabled"), BootOverride::enabledName(o.enabled)},
                           {QStringLiteral("http_boot_uri"), o.httpBootUri}};
    };
    control.route(HttpServer::Post, QStringLiteral("/netboot/{id}"), [&](HttpRequest &r) {
        const auto d = deviceOf(r);
        if (!d)
            return HttpResponse::error(404, QStringLiteral("not-found"), QStringLiteral("no such device"));
        engine.bootControl()->bootStarted(d->mac);
        const BootOverride served = engine.bootControl()->consume(d->mac, QStringLiteral("redfishtestlab: simulated netboot"));
        JournalEvent e;
        e.mac = d->mac;
        e.source = QStringLiteral("redfishtestlab");
        e.kind = QString::fromLatin1(journalkind::FirmwareRendered);
        e.message = QStringLiteral("simulated netboot: firmware rendered");
        engine.journal()->append(e);
        return HttpResponse::json(QJsonObject{{QStringLiteral("served"), overrideJson(served)}});
    });
    control.route(HttpServer::Get, QStringLiteral("/device/{id}"), [&](HttpRequest &r) {
        const auto d = deviceOf(r);
        if (!d)
            return HttpResponse::error(404, QStringLiteral("not-found"), QStringLiteral("no such device"));
        QJsonObject media;
        for (const QString &slot : {QStringLiteral("Cd"), QStringLiteral("Usb")}) {
            const VirtualMedia m = engine.bootControl()->media(d->mac, slot);
            media.insert(slot, QJsonObject{{QStringLiteral("image"), m.image}, {QStringLiteral("inserted"), m.inserted}});
        }
        QJsonObject bios;
        for (const auto &a : firmware.attributes(d->mac))
            bios.insert(a.name, QJsonValue::fromVariant(a.currentValue));
        return HttpResponse::json(QJsonObject{{QStringLiteral("power"), powerstate::toString(d->power)},
                                              {QStringLiteral("power_requests"), power.requests},
                                              {QStringLiteral("boot"), overrideJson(engine.bootControl()->override(d->mac))},
                                              {QStringLiteral("media"), media},
                                              {QStringLiteral("bios"), bios}});
    });
    if (!control.listenOn(QHostAddress(QHostAddress::LocalHost), 0, &error)) {
        QTextStream(stderr) << "control port: " << error << '\n';
        return 1;
    }

    ::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe);
    std::signal(SIGTERM, [](int) { (void)!::write(signalPipe[0], "x", 1); });
    std::signal(SIGINT, [](int) { (void)!::write(signalPipe[0], "x", 1); });
    QSocketNotifier notifier(signalPipe[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);

    QTextStream(stdout) << "READY " << service.port() << ' ' << service.initialPasswordFile() << ' ' << service.caPath()
                        << ' ' << control.serverPort() << Qt::endl;
    return app.exec();
}
