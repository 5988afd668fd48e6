#include "clicommands.h"

#include "config/labconfigloader.h"
#include "config/seedimport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

namespace cli {

int checkConfig(const QString &path)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto result = LabConfigLoader::loadFile(path);
    if (!result.ok()) {
        for (const auto &e : result.errors)
            err << e.toString() << Qt::endl;
        err << QCoreApplication::translate("cli", "%n error(s) in %1", nullptr, int(result.errors.size())).arg(path)
            << Qt::endl;
        return 1;
    }
    out << QCoreApplication::translate("cli", "%1: configuration is valid (%2 devices, %3 switches, %4 profiles)")
               .arg(path)
               .arg(result.config.devices.size())
               .arg(result.config.switches.size())
               .arg(result.config.profiles.size())
        << Qt::endl;
    return 0;
}

int importSeedFiles(const QStringList &arguments, const QString &labPath)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("cli", "Import metal-boot netboot.yaml / backend.yaml files into lab.yaml"));
    parser.addHelpOption();
    const QCommandLineOption netboot(QStringLiteral("netboot"), QCoreApplication::translate("cli", "netboot.yaml to import"),
                                     QStringLiteral("file"));
    const QCommandLineOption backend(QStringLiteral("backend"), QCoreApplication::translate("cli", "backend.yaml to import"),
                                     QStringLiteral("file"));
    parser.addOption(netboot);
    parser.addOption(backend);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return 0;
    }
    if (!parser.isSet(netboot) && !parser.isSet(backend)) {
        err << QCoreApplication::translate("cli", "nothing to import: give --netboot FILE and/or --backend FILE") << Qt::endl;
        return 2;
    }
    LabConfig lab;
    if (QFileInfo::exists(labPath)) {
        auto loaded = LabConfigLoader::loadFile(labPath);
        if (!loaded.ok()) {
            err << loaded.errorText() << Qt::endl;
            return 1;
        }
        lab = loaded.config;
    } else {
        auto loaded = LabConfigLoader::loadText(QByteArray(), labPath);
        lab = loaded.config;
    }
    QStringList notes;
    ConfigErrors errors;
    for (const QString &f : parser.values(netboot))
        errors += SeedImport::importNetbootYaml(f, lab, &notes);
    for (const QString &f : parser.values(backend))
        errors += SeedImport::importBackendYaml(f, lab, &notes);
    for (const auto &n : notes)
        out << n << Qt::endl;
    if (!errors.isEmpty()) {
        for (const auto &e : errors)
            err << e.toString() << Qt::endl;
        err << QCoreApplication::translate("cli", "nothing was written") << Qt::endl;
        return 1;
    }
    QString why;
    if (!LabConfigWriter::save(lab, labPath, &why)) {
        err << why << Qt::endl;
        return 1;
    }
    out << QCoreApplication::translate("cli", "saved %1 (%2 devices)").arg(labPath).arg(lab.devices.size()) << Qt::endl;
    return 0;
}

} // namespace cli
