#include "uibootstrap.h"

#include "common/logging.h"
#include "engine/enginehost.h"
#include "labfacade.h"
#include "languageswitcher.h"
#include "scenegraphbackend.h"
#include "traycontroller.h"
#include "uisettings.h"

#include <QApplication>
#include <QIcon>
#include <QElapsedTimer>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <memory>

Q_IMPORT_QML_PLUGIN(MetalBootUiPlugin)

namespace ui {

namespace {

// GRAB_TO=<file.png> saves a screenshot of the window after it has rendered, then quits
// (documentation and review screenshots, also under Xvfb). GRAB_PAGE picks the view: fleet,
// device, power, profiles, boot-editor, services, logs, wizard. GRAB_DELAY_MS waits longer for a
// busy lab.
void scheduleScreenshot(QQmlApplicationEngine &engine)
{
    const QString shot = qEnvironmentVariable("GRAB_TO");
    if (shot.isEmpty())
        return;
    const int delay = qEnvironmentVariableIsSet("GRAB_DELAY_MS") ? qEnvironmentVariableIntValue("GRAB_DELAY_MS") : 1500;
    QTimer::singleShot(delay, qApp, [&engine, shot] {
        auto *w = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
        QCoreApplication::exit(w && w->grabWindow().save(shot) ? 0 : 4);
    });
}

// METALBOOT_FIRST_FRAME=1 prints the time from start to the first rendered frame (benchmarks).
void reportFirstFrame(QQuickWindow *window, const QElapsedTimer &clock)
{
    if (!window || !qEnvironmentVariableIsSet("METALBOOT_FIRST_FRAME"))
        return;
    const qint64 startMs = clock.elapsed();
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(window, &QQuickWindow::frameSwapped, window, [connection, &clock, startMs] {
        QObject::disconnect(*connection);
        qCInfo(lcUi).noquote() << QStringLiteral("first frame after %1 ms (QML loaded after %2 ms)").arg(clock.elapsed()).arg(startMs);
    });
}

} // namespace

int run(const LabEngine::Options &options, const QString &language)
{
    // Matches the installed .desktop entry and icon (Wayland app id, taskbar icon).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.metalboot.metalboot"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.metalboot.metalboot")));
    QElapsedTimer clock;
    clock.start();
    // Screenshot runs never keep a tray icon or touch the user's settings.
    const bool grabbing = qEnvironmentVariableIsSet("GRAB_TO");
    const bool trayAvailable = !grabbing && TrayController::isAvailable();
    UiSettings settings({}, trayAvailable);

    // The chosen language (--lang for this run, else the one picked in the menu, else the
    // system's); English (plural forms: "1 device", "2 devices") when there is no translation.
    LanguageSwitcher languages;
    const QString wanted = language.isEmpty() ? settings.language() : language;
    if (!languages.setLanguage(wanted))
        qCWarning(lcUi).noquote() << "no translation for" << wanted << "- available:" << languages.available().join(QLatin1Char(' '));

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

    std::unique_ptr<TrayController> tray;
    if (trayAvailable) {
        tray = std::make_unique<TrayController>(&lab);
        // The window may close while the lab keeps serving; Quit (window menu or tray) ends it.
        QApplication::setQuitOnLastWindowClosed(false);
    }

    qCInfo(lcUi).noquote() << "scene graph:" << scenegraph::chooseBackend();
    QQmlApplicationEngine engine;
    // A language picked in the menu applies at once: QML bindings, then models that cache text.
    languages.addEngine(&engine);
    QObject::connect(&settings, &UiSettings::languageChanged, &languages, [&] { languages.setLanguage(settings.language()); });
    QObject::connect(&languages, &LanguageSwitcher::languageChanged, &lab, &LabFacade::retranslate);
    engine.addImportPath(QStringLiteral("qrc:/qt/qml"));
    engine.setInitialProperties({{QStringLiteral("lab"), QVariant::fromValue(&lab)},
                                 {QStringLiteral("settings"), QVariant::fromValue(&settings)},
                                 {QStringLiteral("initialPage"), qEnvironmentVariable("GRAB_PAGE")}});
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, qApp, [] { QCoreApplication::exit(3); },
                     Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qt/qml/MetalBootUi/Main.qml")));
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    if (tray)
        tray->setWindow(window);
    reportFirstFrame(window, clock);
    scheduleScreenshot(engine);

    const int rc = QApplication::exec();
    tray.reset();
    host.stop();
    return rc;
}

} // namespace ui
