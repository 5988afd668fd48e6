#pragma once

#include "configerror.h"
#include "labconfig.h"

#include <QByteArray>
#include <QString>

// Reads and validates a whole lab.yaml. Nothing is applied unless errors() is empty.
struct LabConfigLoadResult
{
    LabConfig config;
    ConfigErrors errors;
    [[nodiscard]] bool ok() const { return errors.isEmpty(); }
    [[nodiscard]] QString errorText() const;   // one error per line
};

namespace LabConfigLoader {

// Largest lab.yaml accepted (a config file, not a data store).
constexpr qint64 MaxFileSize = 4 * 1024 * 1024;

LabConfigLoadResult loadFile(const QString &path);
// `fileName` is only used in messages (and to resolve relative paths).
LabConfigLoadResult loadText(const QByteArray &yaml, const QString &fileName);

} // namespace LabConfigLoader

namespace LabConfigWriter {

QByteArray toYaml(const LabConfig &config);
// Atomic (QSaveFile) and keeps the previous file as <path>.bak.
bool save(const LabConfig &config, const QString &path, QString *error);

} // namespace LabConfigWriter
