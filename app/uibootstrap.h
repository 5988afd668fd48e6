#pragma once

#include "engine/labengine.h"

namespace ui {
// Runs the desktop GUI over an engine thread: translator, engine, QML, tray. Returns the exit code.
// `language`: "de", "fr", "en" for this run (--lang); empty = the saved choice or the system's.
int run(const LabEngine::Options &options, const QString &language = {});
} // namespace ui
