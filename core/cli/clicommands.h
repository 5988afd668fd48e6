#pragma once

#include <QStringList>

// Command-line sub-commands that need no GUI and no running lab. Each returns the process exit
// code and writes results to stdout, errors to stderr.
namespace cli {

// metalboot --check-config PATH: validate; print "file:line:col: key: message" per error.
int checkConfig(const QString &path);

// metalboot import [--config LAB] (--netboot FILE | --backend FILE)...
int importSeedFiles(const QStringList &arguments, const QString &labPath);

} // namespace cli
