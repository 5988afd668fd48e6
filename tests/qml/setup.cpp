// Qt Quick Test entry: makes the MetalBootUi module importable and injects, per test file:
//  - testLab: a LabFacade without an engine whose models are filled here (pure view tests),
//  - liveLab: a LabFacade on a real LabEngine (temp dirs, demo lab, services not started, so
//    nothing binds), driven by `labDriver` the way the network services would,
//  - testSettings: UiSettings in a temp file; testImporter: a profile-import backend that
//    records requests and reports progress.
#include "engine/enginehost.h"
#include "importcontroller.h"
#include "labdriver.h"
#include "labfacade.h"
#include "uisettings.h"

#include <QDir>
#include <QFile>
#include <QQmlContext>
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
}

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        auto *lab = new LabFacade(nullptr, engine);
        fillFakeLab(lab);
        auto *importer = new TestImportBackend(engine);
        lab->importer()->setBackend(importer);
        auto *live = new LiveLab(engine);
        auto *settingsDir = new QTemporaryDir;
        connect(engine, &QObject::destroyed, [settingsDir] { delete settingsDir; });
        auto *settings = new UiSettings(settingsDir->filePath(QStringLiteral("ui.ini")), false, engine);
        auto *context = engine->rootContext();
        context->setContextProperty(QStringLiteral("testLab"), lab);
        context->setContextProperty(QStringLiteral("testImporter"), importer);
        context->setContextProperty(QStringLiteral("liveLab"), live->lab);
        context->setContextProperty(QStringLiteral("labDriver"), live->driver);
        context->setContextProperty(QStringLiteral("testSettings"), settings);
    }
};

QUICK_TEST_MAIN_WITH_SETUP(qml, Setup)
#include "setup.moc"
