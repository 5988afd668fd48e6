#include "paths.h"

#include <QDir>
#include <QStandardPaths>

AppPaths AppPaths::standard()
{
    AppPaths p;
    const QString configEnv = qEnvironmentVariable("METALBOOT_CONFIG_DIR");
    const QString dataEnv = qEnvironmentVariable("METALBOOT_DATA_DIR");
    p.configDir = !configEnv.isEmpty()
        ? configEnv
        : QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) + QStringLiteral("/metalboot");
    p.dataDir = !dataEnv.isEmpty()
        ? dataEnv
        : QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/metalboot");
    p.configDir = QDir::cleanPath(p.configDir);
    p.dataDir = QDir::cleanPath(p.dataDir);
    return p;
}

AppPaths AppPaths::under(const QString &root)
{
    AppPaths p;
    p.configDir = QDir::cleanPath(root + QStringLiteral("/config"));
    p.dataDir = QDir::cleanPath(root + QStringLiteral("/data"));
    return p;
}
