// A throwaway lab for the DMTF validators, sushy and the benchmark: a LabEngine on a temporary
// directory with N virtual Pi 4 devices, and a RedfishService on 127.0.0.1 (ephemeral port, TLS)
// whose power and UEFI settings come from the test doubles in fakelab.h.
// Prints "READY <port> <password-file> <ca-file>" when listening; runs until SIGTERM/SIGINT.

#include "common/paths.h"
#include "devices/inventory.h"
#include "engine/labengine.h"
#include "fakelab.h"
#include "redfish/redfishservice.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
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

    ::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe);
    std::signal(SIGTERM, [](int) { (void)!::write(signalPipe[0], "x", 1); });
    std::signal(SIGINT, [](int) { (void)!::write(signalPipe[0], "x", 1); });
    QSocketNotifier notifier(signalPipe[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);

    QTextStream(stdout) << "READY " << service.port() << ' ' << service.initialPasswordFile() << ' ' << service.caPath()
                        << Qt::endl;
    return app.exec();
}
