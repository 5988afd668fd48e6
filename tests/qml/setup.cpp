// Qt Quick Test entry: makes the MetalBootUi module importable and injects, per test file:
//  - testLab: a LabFacade without an engine whose models are filled here (pure view tests),
//  - liveLab: a LabFacade on a real LabEngine (temp dirs, demo lab, services not started, so
//    nothing binds), driven by `labDriver` the way the network services would,
//  - testSettings: UiSettings in a temp file; testImporter: a profile-import backend that
//    records requests and reports progress,
//  - bootLab: start() gives a LabFacade on a real LabEngine with every service running on
//    loopback ephemeral ports and the demo lab's virtual Pis booting through them (one walk),
//  - testConsole: feeds the fake lab's console view (lines, receiver, serial state) the way
//    ConsoleFeed does from the engine.
//  - the application's translations (built .qm files): testSettings.language switches them at
//    run time like the menu does; every run starts in English.
#include "bootentrymodel.h"
#include "engine/enginehost.h"
#include "switchportmodel.h"
#include "importcontroller.h"
#include "labdriver.h"
#include "labfacade.h"
#include "languageswitcher.h"
#include "uisettings.h"

#include <QDir>
#include <QFile>
#include <QQmlContext>
#include <QQmlError>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

#include <memory>

Q_IMPORT_QML_PLUGIN(MetalBootUiPlugin)

// Records import requests and finishes each one after two progress steps (event loop driven).
class TestImportBackend : public QObject, public ProfileImportBackend
{
    Q_OBJECT
    Q_PROPERTY(QStringList imported MEMBER m_imported NOTIFY importedChanged)
public:
    using QObject::QObject;
    void importProfile(const QString &path, Progress progress, Done done) override
    {
        QTimer::singleShot(50, this, [progress] { progress(0.5, QStringLiteral("reading variables")); });
        QTimer::singleShot(400, this, [this, path, done] {
            m_imported.append(path);
            Q_EMIT importedChanged();
            done(true, QStringLiteral("imported"));
        });
    }
Q_SIGNALS:
    void importedChanged();

private:
    QStringList m_imported;
};

// The console feed of the fake lab: what ConsoleFeed delivers from the engine's ConsoleService.
class TestConsole : public QObject
{
    Q_OBJECT
public:
    TestConsole(LabFacade *lab, QObject *parent)
        : QObject(parent)
        , m_lab(lab)
    {
    }
    Q_INVOKABLE void addLine(const QString &mac, const QString &origin, int severity, const QString &tag, const QString &text)
    {
        ConsoleLine line;
        line.time = QDateTime::currentDateTimeUtc();
        line.mac = MacAddress::parse(mac).value_or(MacAddress());
        line.origin = origin;
        line.severity = severity;
        line.tag = tag;
        line.text = text;
        m_lab->details()->console()->append(line);
    }
    Q_INVOKABLE void setReceiver(bool listening, const QString &address, int netconsolePort, int syslogPort, bool netconsoleEnabled)
    {
        m_lab->details()->console()->setReceiver({listening, address, netconsolePort, syslogPort, netconsoleEnabled});
    }
    Q_INVOKABLE void setSerial(const QString &port, const QString &state, const QString &error)
    {
        m_lab->details()->console()->setSerial(port, state, error);
    }
    // A line from a sender that is no known device (the Log page's unknown-senders view).
    Q_INVOKABLE void addUnknownLine(const QString &source, const QString &text)
    {
        ConsoleModel *model = m_lab->unknownConsole();
        QStringList sources = model->unknownSources();
        if (!sources.contains(source)) {
            sources.append(source);
            model->setUnknownSources(sources);
        }
        ConsoleLine line;
        line.time = QDateTime::currentDateTimeUtc();
        line.source = QHostAddress(source);
        line.origin = QStringLiteral("netconsole");
        line.severity = 6;
        line.tag = QStringLiteral("kernel");
        line.text = text;
        model->append(line);
    }

private:
    LabFacade *m_lab;
};

// Owns the live engine of one test file (destroyed with the QML engine).
class LiveLab : public QObject
{
public:
    explicit LiveLab(QObject *parent)
        : QObject(parent)
    {
        LabEngine::Options options;
        options.paths = AppPaths::under(m_dir.path());
        options.configPath = options.paths.labFile();
        options.watchConfig = false;
        options.startServices = false;   // nothing binds: the views are under test, not the services
        QDir().mkpath(options.paths.configDir);
        // The demo lab as shipped (first-run detection compares with it); nothing binds because
        // the services are not started.
        const QByteArray yaml = LabEngine::defaultLabYaml();
        QFile f(options.configPath);
        if (f.open(QIODevice::WriteOnly))
            f.write(yaml);
        f.close();
        m_host = std::make_unique<EngineHost>(options);
        QString error;
        if (!m_host->start(&error))
            qFatal("live lab did not start: %s", qPrintable(error));
        lab = new LabFacade(m_host->engine(), this);
        lab->refresh();
        driver = new LabDriver(m_host->engine(), lab->setup(), this);
    }
    ~LiveLab() override
    {
        delete lab;
        m_host->stop();
    }

    LabFacade *lab = nullptr;
    LabDriver *driver = nullptr;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EngineHost> m_host;
};

// The demo lab with every service running on loopback ephemeral ports and its virtual Pis booting
// through them for real (DHCP, TFTP, UEFI, iPXE, HTTP, netconsole): for the one walk that needs
// it (tst_bootwalk.qml), started on demand.
class BootLab : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~BootLab() override
    {
        delete m_lab;
        if (m_host)
            m_host->stop();
    }
    Q_INVOKABLE LabFacade *start()
    {
        if (m_lab)
            return m_lab;
        LabEngine::Options options;
        options.paths = AppPaths::under(m_dir.path());
        options.configPath = options.paths.labFile();
        options.watchConfig = false;
        QDir().mkpath(options.paths.configDir);
        QByteArray yaml = LabEngine::defaultLabYaml();
        // Ephemeral ports (test runs share the machine); no Redfish (not under test here).
        for (const char *fixed : {"port: 1067", "proxy_port: 4011", "port: 1069", "port: 8080", "netconsole_port: 6666",
                                  "syslog_port: 5514"}) {
            const QByteArray key(fixed);
            if (!yaml.contains(key))
                qFatal("demo lab changed: no '%s'", fixed);
            yaml.replace(key, QByteArray(key.left(key.indexOf(':') + 1) + " 0"));
        }
        const QByteArray redfish = "  redfish:\n    enabled: true";
        if (!yaml.contains(redfish))
            qFatal("demo lab changed: no redfish section");
        yaml.replace(redfish, "  redfish:\n    enabled: false");
        QFile f(options.configPath);
        if (f.open(QIODevice::WriteOnly))
            f.write(yaml);
        f.close();
        m_host = std::make_unique<EngineHost>(options);
        QString error;
        if (!m_host->start(&error)) {
            qWarning("boot lab did not start: %s", qPrintable(error));
            return nullptr;
        }
        m_lab = new LabFacade(m_host->engine(), this);
        m_lab->refresh();
        return m_lab;
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EngineHost> m_host;
    LabFacade *m_lab = nullptr;
};

static JournalEvent event(const MacAddress &mac, qint64 msAgo, const char *source, const char *kind, BootStage stage,
                          const QString &message, JournalEvent::Severity severity = JournalEvent::Severity::Info)
{
    static quint64 seq = 0;
    JournalEvent e;
    e.seq = ++seq;
    e.time = QDateTime::currentDateTimeUtc().addMSecs(-msAgo);
    e.mac = mac;
    e.source = QString::fromLatin1(source);
    e.kind = QString::fromLatin1(kind);
    e.stage = stage;
    e.severity = severity;
    e.message = message;
    return e;
}

static void fillFakeLab(LabFacade *lab)
{
    QList<DeviceInfo> devices;
    const char *stages[] = {"off", "dhcp", "error", "uefi", "ipxe", "os-up"};
    for (int i = 0; i < 6; ++i) {
        DeviceInfo d;
        d.mac = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:%1").arg(i + 1, 2, 10, QLatin1Char('0')));
        d.name = QStringLiteral("pi-%1").arg(i + 1, 2, 10, QLatin1Char('0'));
        d.serial = QStringLiteral("6b1d000%1").arg(i + 1);
        d.model = QStringLiteral("pi4");
        d.adopted = i < 5;
        d.position = QPointF(i % 3, i / 3);
        d.profile = i < 3 ? QStringLiteral("default") : QString();
        d.stage = bootstage::fromString(QString::fromLatin1(stages[i]));
        devices.append(d);
    }
    lab->devices()->reset(devices);

    // pi-03 failed to boot: power on, DHCP, TFTP, then a missing file.
    const MacAddress pi3 = devices.at(2).mac;
    const MacAddress pi2 = devices.at(1).mac;
    QList<JournalEvent> events{
        event(pi3, 9000, "poe", "power.changed", BootStage::PoweringOn, QStringLiteral("port 3 on")),
        event(pi3, 7000, "dhcp", "dhcp.offer", BootStage::Dhcp, QStringLiteral("proxy offer")),
        event(pi2, 6500, "dhcp", "dhcp.offer", BootStage::Dhcp, QStringLiteral("proxy offer")),
        event(pi3, 6000, "tftp", "tftp.served", BootStage::Tftp, QStringLiteral("sent start4.elf")),
        event(pi3, 5000, "tftp", "tftp.failed", BootStage::Unknown, QStringLiteral("fixup4.dat: file not found"),
              JournalEvent::Severity::Error),
        event(pi3, 4900, "devices", "device.stage", BootStage::Error, QStringLiteral("boot failed")),
        event({}, 3000, "http", "http.request", BootStage::Unknown, QStringLiteral("GET /health")),
    };
    lab->journal()->reset(events);

    ServiceHub::Status http;
    http.id = QStringLiteral("http");
    http.name = QStringLiteral("HTTP server");
    http.state = Service::State::Running;
    http.endpoints = {QStringLiteral("tcp 127.0.0.1:8080")};
    ServiceHub::Status dhcp;
    dhcp.id = QStringLiteral("dhcp");
    dhcp.name = QStringLiteral("DHCP");
    dhcp.state = Service::State::Failed;
    dhcp.error = QStringLiteral("cannot bind 127.0.0.1:1067");
    lab->services()->setConfig(ServicesConfig{});
    lab->services()->reset({http, dhcp});

    // The DHCP engine heard a second PXE responder.
    ForeignDhcpServer pxe;
    pxe.serverId = pxe.source = 0xC0A80102;   // 192.168.1.2
    pxe.interfaceName = QStringLiteral("eth1");
    pxe.offersBoot = true;
    pxe.conflicting = true;
    pxe.lastBootFile = QStringLiteral("pxelinux.0");
    lab->setForeignServers({pxe});
}

// Phase-2 views: a boot configuration as the UEFI engine will decode it (entries of a used
// RPi4 store), and a backend that records what Apply sends.
class TestBootBackend : public QObject, public BootConfigurationBackend
{
    Q_OBJECT
    Q_PROPERTY(int applyCount MEMBER m_count NOTIFY appliedChanged)
    Q_PROPERTY(QString lastOrder MEMBER m_lastOrder NOTIFY appliedChanged)
public:
    using QObject::QObject;
    void apply(const QString &, const BootConfiguration &c, Done done) override
    {
        QStringList order;
        for (quint16 n : c.order)
            order.append(QStringLiteral("%1").arg(n, 4, 16, QLatin1Char('0')));
        m_lastOrder = order.join(QLatin1Char(','));
        ++m_count;
        Q_EMIT appliedChanged();
        QTimer::singleShot(100, this, [done] { done(true, QString()); });
    }
Q_SIGNALS:
    void appliedChanged();

private:
    int m_count = 0;
    QString m_lastOrder;
};

static BootConfiguration testBootConfiguration()
{
    auto entry = [](quint16 n, const char *description, const char *path, BootEntry::Kind kind) {
        BootEntry e;
        e.number = n;
        e.description = QString::fromUtf8(description);
        e.devicePath = QString::fromUtf8(path);
        e.kind = kind;
        return e;
    };
    BootConfiguration c;
    c.entries = {entry(0, "UiApp", "Fv(9A15AA37-D555-4A4E-B541-86391FF68164)/FvFile(462CAA21-7614-4503-836E-8AB6F4662331)", BootEntry::Kind::Other),
                 entry(1, "UEFI USB DISK 3.0 071C2970EA8E5247", "PciRoot(0x0)/Pci(0x0,0x0)/Pci(0x0,0x0)/USB(0x0,0x0)/USB(0x2,0x0)", BootEntry::Kind::Disk),
                 entry(2, "UEFI PXEv4 (MAC:D83ADD6DB885)", "MAC(D83ADD6DB885,0x1)/IPv4(0.0.0.0,0x0,DHCP,0.0.0.0,0.0.0.0,0.0.0.0)", BootEntry::Kind::Pxe),
                 entry(4, "UEFI HTTPv4 (MAC:D83ADD6DB885)", "MAC(D83ADD6DB885,0x1)/IPv4(0.0.0.0,0x0,DHCP,0.0.0.0,0.0.0.0,0.0.0.0)/Uri()", BootEntry::Kind::Http),
                 entry(6, "UEFI Shell", "Fv(9A15AA37-D555-4A4E-B541-86391FF68164)/FvFile(7C04A583-9E3E-4F1C-AD65-E05268D0B4D1)", BootEntry::Kind::Other)};
    c.order = {0, 1, 2, 4, 6};
    c.timeoutSeconds = 5;
    return c;
}

// A simulated PoE switch's successive polls, for the faceplate view.
class TestPower : public QObject
{
    Q_OBJECT
public:
    explicit TestPower(SwitchPortModel *model, QObject *parent = nullptr)
        : QObject(parent)
        , m_model(model)
    {
        poll();
    }
    Q_INVOKABLE void poll()
    {
        SwitchSnapshot sw;
        sw.id = QStringLiteral("sim");
        sw.driver = QStringLiteral("simulated");
        sw.budgetWatts = 60;
        for (int p = 1; p <= 8; ++p) {
            SwitchPortSnapshot port;
            port.port = QString::number(p);
            port.adminUp = p <= 4;
            port.operUp = p <= 3;
            port.watts = port.operUp ? 3.5 + 0.25 * ((m_tick + p) % 4) : 0;
            if (p == 8)
                port.protection = SwitchPortSnapshot::Protection::Listed;
            else if (p > 5)
                port.protection = SwitchPortSnapshot::Protection::Unmapped;
            if (p <= 5) {
                port.mappedMac = QStringLiteral("dc:a6:32:00:00:0%1").arg(p);
                port.mappedName = QStringLiteral("pi-0%1").arg(p);
            }
            sw.ports.append(port);
        }
        ++m_tick;
        m_model->setSnapshot({sw});
    }

private:
    SwitchPortModel *m_model;
    int m_tick = 0;
};

// Every warning a MetalBootUi QML file produces (binding errors, type errors, required
// properties) fails the run: the views must load clean.
static QStringList qmlWarnings;

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:

    void cleanupTestCase()
    {
        if (qmlWarnings.isEmpty())
            return;
        for (const QString &w : std::as_const(qmlWarnings))
            fprintf(stderr, "QML warning: %s\n", qPrintable(w));
        qFatal("%d warning(s) from MetalBootUi QML files", int(qmlWarnings.size()));
    }

    void qmlEngineAvailable(QQmlEngine *engine)
    {
        connect(engine, &QQmlEngine::warnings, engine, [](const QList<QQmlError> &warnings) {
            for (const QQmlError &w : warnings)
                if (w.url().toString().startsWith(QLatin1String("qrc:/qt/qml/MetalBootUi/")))
                    qmlWarnings.append(w.toString());
        });
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        auto *lab = new LabFacade(nullptr, engine);
        fillFakeLab(lab);
        auto *importer = new TestImportBackend(engine);
        lab->importer()->setBackend(importer);
        auto *live = new LiveLab(engine);
        auto *settingsDir = new QTemporaryDir;
        connect(engine, &QObject::destroyed, [settingsDir] { delete settingsDir; });
        auto *settings = new UiSettings(settingsDir->filePath(QStringLiteral("ui.ini")), false, engine);
        auto *languages = new LanguageSwitcher(QStringLiteral(I18N_DIR), engine);
        if (!languages->setLanguage(QStringLiteral("en")))
            qFatal("no English translation in %s", I18N_DIR);
        languages->addEngine(engine);
        connect(settings, &UiSettings::languageChanged, languages, [languages, settings] {
            languages->setLanguage(settings->language());
        });
        connect(languages, &LanguageSwitcher::languageChanged, lab, &LabFacade::retranslate);
        connect(languages, &LanguageSwitcher::languageChanged, live->lab, &LabFacade::retranslate);
        auto *bootEntries = new BootEntryModel(engine);
        bootEntries->setConfiguration(QStringLiteral("pi-01"), testBootConfiguration());
        auto *bootBackend = new TestBootBackend(engine);
        bootEntries->setBackend(bootBackend);
        auto *ports = new SwitchPortModel(engine);
        auto *power = new TestPower(ports, engine);
        auto *context = engine->rootContext();
        QDir().mkpath(QStringLiteral(SCREENSHOT_DIR));
        context->setContextProperty(QStringLiteral("screenshotDir"), QStringLiteral(SCREENSHOT_DIR));
        context->setContextProperty(QStringLiteral("sharedDir"), QDir(QStringLiteral(SHARED_DIR)).absolutePath());
        context->setContextProperty(QStringLiteral("testBootEntries"), bootEntries);
        context->setContextProperty(QStringLiteral("testBootBackend"), bootBackend);
        context->setContextProperty(QStringLiteral("testSwitchPorts"), ports);
        context->setContextProperty(QStringLiteral("testPower"), power);
        context->setContextProperty(QStringLiteral("testLab"), lab);
        context->setContextProperty(QStringLiteral("testConsole"), new TestConsole(lab, engine));
        context->setContextProperty(QStringLiteral("testImporter"), importer);
        context->setContextProperty(QStringLiteral("liveLab"), live->lab);
        context->setContextProperty(QStringLiteral("labDriver"), live->driver);
        context->setContextProperty(QStringLiteral("bootLab"), new BootLab(engine));
        context->setContextProperty(QStringLiteral("testSettings"), settings);
        context->setContextProperty(QStringLiteral("testLanguages"), languages);
    }
};

QUICK_TEST_MAIN_WITH_SETUP(qml, Setup)
#include "setup.moc"
