#include "scenegraphbackend.h"

#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QQuickWindow>
#include <QSGRendererInterface>

namespace scenegraph {

bool isSoftwareRasterizer(const QString &glRenderer)
{
    const QString r = glRenderer.toLower();
    return r.contains(QLatin1String("llvmpipe")) || r.contains(QLatin1String("softpipe"))
        || r.contains(QLatin1String("software rasterizer")) || r.contains(QLatin1String("swrast"))
        || r.contains(QLatin1String("lavapipe"));
}

QString chooseBackend()
{
    if (qEnvironmentVariableIsSet("QT_QUICK_BACKEND") || qEnvironmentVariableIsSet("QSG_RHI_BACKEND"))
        return QStringLiteral("as chosen by the environment");
    QOpenGLContext context;
    if (!context.create())
        return QStringLiteral("default (no OpenGL context)");
    QOffscreenSurface surface;
    surface.setFormat(context.format());
    surface.create();
    if (!context.makeCurrent(&surface))
        return QStringLiteral("default (OpenGL context not usable)");
    const auto *renderer = reinterpret_cast<const char *>(context.functions()->glGetString(GL_RENDERER));
    const QString name = renderer ? QString::fromLatin1(renderer) : QString();
    context.doneCurrent();
    if (!isSoftwareRasterizer(name))
        return QStringLiteral("OpenGL (%1)").arg(name);
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    return QStringLiteral("software: OpenGL is rasterized on the CPU (%1)").arg(name);
}

} // namespace scenegraph
