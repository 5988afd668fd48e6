#pragma once

#include "engine/labengine.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

// A throwaway lab for service/API tests: temp config and data dirs, HTTP on an ephemeral
// loopback port, every other service disabled unless the YAML says otherwise.
struct LabFixture
{
    QTemporaryDir dir;
    LabEngine::Options options;

    explicit LabFixture(const QByteArray &extraYaml = {})
    {
        options.paths = AppPaths::under(dir.path());
        options.configPath = options.paths.labFile();
        options.watchConfig = false;
        QDir().mkpath(options.paths.configDir);
        QFile f(options.configPath);
        f.open(QIODevice::WriteOnly);
        f.write(QByteArray("name: Fixture\nservices:\n"
                           "  http: {address: 127.0.0.1, port: 0}\n"
                           "  dhcp: {enabled: false}\n  tftp: {enabled: false}\n"
                           "  redfish: {enabled: false}\n  consoles: {enabled: false}\n")
                + extraYaml);
    }
};
