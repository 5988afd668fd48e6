// GUI benchmark (on demand, not in ctest): the real Main.qml on a real LabEngine with a
// generated lab of N devices; measures the time to the first frame, then frame intervals and
// frame cost while a harness on the engine thread boots `booting` devices over and over (journal
// events with boot stages, as the DHCP/TFTP/HTTP services append them), and the RSS.
//
//   guibench <lab.yaml> [--booting 100] [--seconds 20]
//
// Run it under Xvfb (tests/bench/gui/run.sh) or on a desktop.
#include "devices/devicejournal.h"
#include "scenegraphbackend.h"
#include "devices/deviceregistry.h"
#include "engine/enginehost.h"
#include "labfacade.h"
#include "uisettings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>
#include <memory>
#include <vector>

Q_IMPORT_QML_PLUGIN(MetalBootUiPlugin)

namespace {

qint64 rssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p / 100.0 * double(v.size())))];
}

// Boots devices on the engine thread: every tick, each booting device whose next step is due
// appends the journal event a service would append for that step.
class BootDriver : public QObject
{
public:
    BootDriver(LabEngine *engine, QList<MacAddress> macs)
        : m_engine(engine)
        , m_timer(this)   // a child, so it moves to the engine thread with the driver
    {
        for (const auto &m : macs)
            m_devices.push_back({m, 0, 0});
        connect(&m_timer, &QTimer::timeout, this, &BootDriver::tick);
        m_timer.setInterval(10);
        m_clock.start();
    }
    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }
    [[nodiscard]] quint64 events() const { return m_events; }

private:
    struct Step
    {
        BootStage stage;
        const char *source;
        const char *kind;
        const char *message;
        int afterMs;
    };
    struct Device
    {
        MacAddress mac;
        int step;
        qint64 dueMs;
    };
    static const std::vector<Step> &steps()
    {
        static const std::vector<Step> s{
            {BootStage::PoweringOn, "poe", "power.changed", "port on", 0},
            {BootStage::Dhcp, "dhcp", "dhcp.offer", "proxy offer", 1500},
            {BootStage::Tftp, "tftp", "tftp.served", "sent start4.elf", 300},
            {BootStage::Tftp, "tftp", "tftp.served", "sent fixup4.dat", 400},
            {BootStage::Tftp, "tftp", "tftp.served", "sent config.txt", 100},
            {BootStage::Uefi, "tftp", "tftp.served", "sent RPI_EFI.fd", 600},
            {BootStage::Uefi, "dhcp", "dhcp.offer", "UEFI PXE offer", 2500},
            {BootStage::Ipxe, "http", "http.request", "GET /boot.ipxe", 400},
            {BootStage::OsLoading, "http", "http.request", "GET /vmlinuz", 300},
            {BootStage::OsLoading, "http", "http.request", "GET /initrd", 500},
            {BootStage::OsUp, "provision", "provision.event", "OS reported in", 2500},
            {BootStage::Off, "poe", "power.changed", "port off", 1500},
        };
        return s;
    }
    void tick()
    {
        const qint64 now = m_clock.elapsed();
        for (Device &d : m_devices) {
            if (now < d.dueMs)
                continue;
            const Step &s = steps()[size_t(d.step)];
            JournalEvent e;
            e.mac = d.mac;
            e.source = QString::fromLatin1(s.source);
            e.kind = QString::fromLatin1(s.kind);
            e.stage = s.stage;
            e.message = QString::fromLatin1(s.message);
            m_engine->journal()->append(e);
            ++m_events;
            d.step = (d.step + 1) % int(steps().size());
            // Jitter so the fleet does not move in lockstep.
            d.dueMs = now + steps()[size_t(d.step)].afterMs + QRandomGenerator::global()->bounded(400);
        }
    }

    LabEngine *m_engine;
    std::vector<Device> m_devices;
    QTimer m_timer;
    QElapsedTimer m_clock;
    quint64 m_events = 0;
};

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer processClock;
    processClock.start();
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("lab"), QStringLiteral("lab.yaml to load"));
    const QCommandLineOption booting(QStringLiteral("booting"), QStringLiteral("devices booting continuously"), QStringLiteral("n"), QStringLiteral("100"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("measurement time"), QStringLiteral("s"), QStringLiteral("20"));
    parser.addOptions({booting, seconds});
    parser.addHelpOption();
    parser.process(app);
    if (parser.positionalArguments().isEmpty())
        parser.showHelp(2);

    QTemporaryDir dir;
    LabEngine::Options options;
    options.paths = AppPaths::under(dir.path());
    options.configPath = dir.filePath(QStringLiteral("lab.yaml"));
    options.watchConfig = false;
    QFile::copy(parser.positionalArguments().constFirst(), options.configPath);
    EngineHost host(options);
    QString error;
    if (!host.start(&error)) {
        QTextStream(stderr) << error << Qt::endl;
        return 2;
    }
    LabFacade lab(host.engine());
    UiSettings settings(dir.filePath(QStringLiteral("ui.ini")), false);
    settings.setFirstRunDone(true);
    const qint64 rssBefore = rssKiB();

    // Snapshot first, as the app does, then the window.
    QElapsedTimer loadClock;
    loadClock.start();
    lab.refresh();
    QEventLoop wait;
    QObject::connect(&lab, &LabFacade::configChanged, &wait, &QEventLoop::quit);
    QTimer::singleShot(10000, &wait, &QEventLoop::quit);
    wait.exec();
    const int devices = lab.devices()->rowCount();

    const QString backend = scenegraph::chooseBackend();   // as the application does
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties({{QStringLiteral("lab"), QVariant::fromValue(&lab)},
                                 {QStringLiteral("settings"), QVariant::fromValue(&settings)},
                                 {QStringLiteral("initialPage"), QStringLiteral("fleet")}});
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/MetalBootUi/Main.qml")));
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    if (!window)
        return 3;
    qint64 firstFrameMs = -1;
    QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&] {
        if (firstFrameMs < 0)
            firstFrameMs = loadClock.elapsed();
    });
    while (firstFrameMs < 0 && loadClock.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    const qint64 processFirstFrameMs = processClock.elapsed();
    const qint64 rssAfterLoad = rssKiB();

    // Keep the scene rendering continuously (a small spinner), open one booting device's panel,
    // and record every frame: interval between frames and the frame's own cost.
    QQmlComponent spinner(&engine);
    spinner.setData("import QtQuick\nRectangle { width: 8; height: 8; color: 'red'; "
                    "RotationAnimation on rotation { from: 0; to: 360; duration: 1000; loops: Animation.Infinite } }",
                    QUrl());
    auto *spin = qobject_cast<QQuickItem *>(spinner.create());
    if (spin)
        spin->setParentItem(window->contentItem());
    std::vector<double> intervals;
    std::vector<double> costs;
    QElapsedTimer frameClock;
    QElapsedTimer costClock;
    bool measuring = false;
    QObject::connect(window, &QQuickWindow::beforeFrameBegin, window, [&] { costClock.start(); }, Qt::DirectConnection);
    QObject::connect(window, &QQuickWindow::frameSwapped, &app, [&] {
        if (!measuring)
            return;
        if (frameClock.isValid())
            intervals.push_back(double(frameClock.nsecsElapsed()) / 1e6);
        frameClock.start();
    });
    QObject::connect(window, &QQuickWindow::afterFrameEnd, window, [&] {
        if (measuring && costClock.isValid())
            costs.push_back(double(costClock.nsecsElapsed()) / 1e6);
    }, Qt::DirectConnection);

    QList<MacAddress> macs;
    for (int i = 0; i < std::min(devices, parser.value(booting).toInt()); ++i)
        macs.append(*MacAddress::parse(lab.devices()->index(i).data(DeviceListModel::MacRole).toString()));
    if (!macs.isEmpty())
        lab.openDevice(macs.constFirst().toString());
    auto *driver = new BootDriver(host.engine(), macs);
    driver->moveToThread(host.thread());
    QMetaObject::invokeMethod(driver, [driver] { driver->start(); });

    // GUI-thread responsiveness: how late a 10 ms timer fires while the fleet boots.
    std::vector<double> lateness;
    QElapsedTimer lateClock;
    lateClock.start();
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(10);
    QObject::connect(&probe, &QTimer::timeout, &app, [&] {
        if (measuring)
            lateness.push_back(std::max(0.0, double(lateClock.nsecsElapsed()) / 1e6 - 10.0));
        lateClock.restart();
    });
    probe.start();

    QTimer::singleShot(1000, &app, [&] { measuring = true; });
    QTimer::singleShot(1000 + parser.value(seconds).toInt() * 1000, &app, [&] {
        measuring = false;
        QCoreApplication::quit();
    });
    app.exec();
    QMetaObject::invokeMethod(driver, [driver] { driver->stop(); driver->deleteLater(); }, Qt::BlockingQueuedConnection);

    QTextStream out(stdout);
    out << "scene graph:             " << backend << "\n";
    out << "devices:                 " << devices << " (" << macs.size() << " booting continuously)\n";
    out << "journal events driven:   " << driver->events() << " in " << parser.value(seconds) << " s\n";
    out << "first frame:             " << firstFrameMs << " ms after the window load started ("
        << processFirstFrameMs << " ms after process start)\n";
    out << "frames measured:         " << intervals.size() << "\n";
    out << "frame interval ms:       p50 " << percentile(intervals, 50) << "  p99 " << percentile(intervals, 99)
        << "  max " << (intervals.empty() ? 0 : *std::max_element(intervals.begin(), intervals.end())) << "\n";
    out << "frame cost ms (begin→end of frame): p50 " << percentile(costs, 50) << "  p99 " << percentile(costs, 99) << "\n";
    out << "GUI timer lateness ms:   p50 " << percentile(lateness, 50) << "  p99 " << percentile(lateness, 99) << "\n";
    out << "RSS KiB:                 engine only " << rssBefore << ", after first frame " << rssAfterLoad << ", at end " << rssKiB() << "\n";
    host.stop();
    return 0;
}
