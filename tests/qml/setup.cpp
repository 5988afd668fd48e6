// Qt Quick Test entry: makes the MetalBootUi module importable and injects a fake lab (a
// LabFacade without an engine whose models are filled here) as the context property `testLab`.
#include "labfacade.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(MetalBootUiPlugin)

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        auto *lab = new LabFacade(nullptr, engine);
        QList<DeviceInfo> devices;
        const char *stages[] = {"off", "dhcp", "tftp", "uefi", "ipxe", "os-up"};
        for (int i = 0; i < 6; ++i) {
            DeviceInfo d;
            d.mac = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:%1").arg(i + 1, 2, 10, QLatin1Char('0')));
            d.name = QStringLiteral("pi-%1").arg(i + 1, 2, 10, QLatin1Char('0'));
            d.serial = QStringLiteral("6b1d000%1").arg(i + 1);
            d.adopted = i < 5;
            d.stage = bootstage::fromString(QString::fromLatin1(stages[i]));
            devices.append(d);
        }
        lab->devices()->reset(devices);
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
        lab->services()->reset({http, dhcp});
        engine->rootContext()->setContextProperty(QStringLiteral("testLab"), lab);
    }
};

QUICK_TEST_MAIN_WITH_SETUP(qml, Setup)
#include "setup.moc"
