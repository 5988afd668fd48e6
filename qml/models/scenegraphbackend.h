#pragma once

#include <QString>

// Which Qt Quick scene graph backend draws the window. On a software OpenGL rasterizer (Mesa
// llvmpipe/softpipe: virtual machines, remote desktops, Xvfb) the OpenGL backend re-renders the
// whole window for every frame — ~18 ms at 1280×800 on two cores, so animations and live boot
// updates miss 60 Hz. Qt Quick's software adaptation repaints only what changed (under 1 ms per
// frame there). The application switches to it before the first window, unless the user chose a
// backend (QT_QUICK_BACKEND, QSG_RHI_BACKEND). The QML uses nothing the software adaptation lacks
// (no shader effects, layers or Shapes).
namespace scenegraph {

// True for the renderer strings of software OpenGL implementations (GL_RENDERER).
[[nodiscard]] bool isSoftwareRasterizer(const QString &glRenderer);

// Asks the platform's OpenGL for its renderer (an offscreen context; "" when there is no
// OpenGL) and selects the software adaptation if it rasterizes in software. Returns what it
// decided, for the log. Call after the QGuiApplication exists and before any QQuickWindow.
QString chooseBackend();

} // namespace scenegraph
