#pragma once

#include "config/labconfig.h"
#include "driveroptions.h"

class PoeDriver;
class QObject;

namespace poe {

// Builds the driver of a validated SwitchConfig. Returns null with *error set when the driver
// is not available in this build.
PoeDriver *createDriver(const SwitchConfig &config, const CommonOptions &common, const QString &baseDir,
                        QString *error, QObject *parent = nullptr);

} // namespace poe
