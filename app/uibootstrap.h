#pragma once

#include "engine/labengine.h"

namespace ui {
// Runs the desktop GUI over an engine thread: translator, engine, QML, tray. Returns the exit code.
int run(const LabEngine::Options &options);
} // namespace ui
