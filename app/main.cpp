// Metal Boot: netboot server and BMC for a Raspberry Pi 4 fleet.
// GUI by default; --headless runs the same engine without any GUI object.

#include "cli/clicommands.h"
#include "common/logging.h"
#include "common/paths.h"
#include "common/secureexec.h"
#include "common/unixsignals.h"
#include "efi/eficli.h"
#include "engine/enginehost.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#ifdef METALBOOT_WITH_GUI
#include "labfacade.h"
#include "uibootstrap.h"
#include <QApplication>
#endif

namespace {

[[maybe_unused]] bool wantsGui(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "--headless" || a == "--check-config" || a == "--version" || a == "-v" || a == "--help"
            || a == "-h" || (i == 1 && !a.startsWith('-')))
            return false;
    }
    return true;
}

int runHeadless(const LabEngine::Options &options)
{
    logging::installJournaldHandler();
    EngineHost host(options);
    QString error;
    if (!host.start(&error)) {
        QTextStream(stderr) << QCoreApplication::translate("main", "Cannot start the lab:") << '\n' << error << Qt::endl;
        return 2;
    }
    UnixSignals unixSignals;
    QObject::connect(&unixSignals, &UnixSignals::terminationRequested, qApp, [](int sig) {
        qCInfo(lcCore) << "signal" << sig << "- shutting down";
        QCoreApplication::quit();
    });
    const int rc = QCoreApplication::exec();
    host.stop();
    return rc;
}

} // namespace

int main(int argc, char **argv)
{
    // With file capabilities (the desktop binary), no user-chosen plugin or QML path may reach Qt.
    QStringList ignored;
    if (secureexec::isSecureExecution())
        ignored = secureexec::dropUntrustedLoadPaths(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("metalboot"));
    QCoreApplication::setApplicationName(QStringLiteral("metalboot"));
    QCoreApplication::setApplicationVersion(QStringLiteral(METALBOOT_VERSION));

#ifdef METALBOOT_WITH_GUI
    const bool gui = wantsGui(argc, argv);
#else
    const bool gui = false;
#endif
    // Headless, nothing needs GLib's main loop: Qt's own poll() dispatcher costs less per wake-up,
    // which is per packet for a lock-step TFTP transfer (measured: ~4 % faster 512-byte transfers).
    if (!gui && !qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
#ifdef METALBOOT_WITH_GUI
    std::unique_ptr<QCoreApplication> app(gui ? new QApplication(argc, argv) : new QCoreApplication(argc, argv));
#else
    std::unique_ptr<QCoreApplication> app(new QCoreApplication(argc, argv));
#endif
    if (!ignored.isEmpty())
        qCWarning(lcCore).noquote() << "running with file capabilities: ignoring" << ignored.join(QStringLiteral(", "));

    QStringList arguments = QCoreApplication::arguments();
    // Sub-commands: "metalboot import ..." (more are added by their subsystems).
    const QString subcommand = arguments.size() > 1 && !arguments.at(1).startsWith(QLatin1Char('-')) ? arguments.at(1) : QString();
    const AppPaths paths = AppPaths::standard();
    if (subcommand == QLatin1String("import")) {
        QString lab = paths.labFile();
        const int i = int(arguments.indexOf(QStringLiteral("--config")));
        if (i > 0 && i + 1 < arguments.size()) {
            lab = arguments.at(i + 1);
            arguments.remove(i, 2);
        }
        arguments.removeAt(1);
        return cli::importSeedFiles(arguments, lab);
    }
    if (subcommand == QLatin1String("efi"))
        return cli::runEfi(arguments.mid(2));
    if (!subcommand.isEmpty()) {
        QTextStream(stderr) << QCoreApplication::translate("main", "Unknown command '%1'. See --help.").arg(subcommand) << Qt::endl;
        return 2;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Netboot server and BMC for a Raspberry Pi fleet.\n\nCommands:\n  import    import metal-boot netboot.yaml/backend.yaml"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption headless(QStringLiteral("headless"), QCoreApplication::translate("main", "Run without a GUI (server mode)."));
    const QCommandLineOption config(QStringLiteral("config"), QCoreApplication::translate("main", "Lab file to use (default: %1).").arg(paths.labFile()),
                                    QStringLiteral("path"));
    const QCommandLineOption check(QStringLiteral("check-config"), QCoreApplication::translate("main", "Validate a lab file and exit."),
                                   QStringLiteral("path"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QCoreApplication::translate("main", "User interface language for this run (en, de, fr; default: the system's)."),
                                  QStringLiteral("code"));
    parser.addOptions({headless, config, check, lang});
    parser.process(arguments);

    if (parser.isSet(check))
        return cli::checkConfig(parser.value(check));

    LabEngine::Options options;
    options.paths = paths;
    options.configPath = parser.value(config);

    if (!gui)
        return runHeadless(options);
#ifdef METALBOOT_WITH_GUI
    return ui::run(options, parser.value(lang));
#else
    return 0;
#endif
}
