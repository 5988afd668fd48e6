#include "uibootstrap.h"

#include "common/logging.h"
#include "engine/enginehost.h"
#include "labfacade.h"

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(MetalBootUiPlugin)

namespace ui {

int run(const LabEngine::Options &options)
{
    // Matches the installed .desktop entry and icon (Wayland app id, taskbar icon).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.metalboot.metalboot"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.metalboot.metalboot")));
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("metalboot"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    EngineHost host(options);
    QString error;
    if (!host.start(&error)) {
        qCCritical(lcUi).noquote() << error;
        QMessageBox::critical(nullptr, QObject::tr("Metal Boot"),
                              QObject::tr("The lab configuration cannot be used:\n\n%1").arg(error));
        return 2;
    }

    LabFacade lab(host.engine());
    lab.refresh();

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties({{QStringLiteral("lab"), QVariant::fromValue(&lab)}});
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, qApp, [] { QCoreApplication::exit(3); },
                     Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/MetalBootUi/Main.qml")));

    // GRAB_TO=<file.png>: save a screenshot of the window after it has rendered, then quit
    // (documentation and review screenshots, also under Xvfb).
    const QString shot = qEnvironmentVariable("GRAB_TO");
    if (!shot.isEmpty()) {
        const int delay = qEnvironmentVariableIsSet("GRAB_DELAY_MS") ? qEnvironmentVariableIntValue("GRAB_DELAY_MS") : 1500;
        QTimer::singleShot(delay, qApp, [&engine, shot] {
            auto *w = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
            QCoreApplication::exit(w && w->grabWindow().save(shot) ? 0 : 4);
        });
    }
    const int rc = QApplication::exec();
    host.stop();
    return rc;
}

} // namespace ui
