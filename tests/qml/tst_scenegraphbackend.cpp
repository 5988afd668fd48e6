// scenegraph::isSoftwareRasterizer: which GL_RENDERER strings are CPU rasterizers (the app then
// draws with Qt Quick's software adaptation), and chooseBackend() leaves a backend the user chose
// alone.
#include "scenegraphbackend.h"

#include <QGuiApplication>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QTest>

class TestSceneGraphBackend : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classify_data()
    {
        QTest::addColumn<QString>("renderer");
        QTest::addColumn<bool>("software");
        QTest::newRow("llvmpipe") << QStringLiteral("llvmpipe (LLVM 15.0.6, 256 bits)") << true;
        QTest::newRow("softpipe") << QStringLiteral("softpipe") << true;
        QTest::newRow("swrast") << QStringLiteral("Mesa X11 swrast") << true;
        QTest::newRow("windows gdi") << QStringLiteral("GDI Generic Software Rasterizer") << true;
        QTest::newRow("intel") << QStringLiteral("Mesa Intel(R) UHD Graphics 620 (KBL GT2)") << false;
        QTest::newRow("amd") << QStringLiteral("AMD Radeon Graphics (renoir, LLVM 15.0.6, DRM 3.49, 6.1.0-13-amd64)") << false;
        QTest::newRow("virgl") << QStringLiteral("virgl (Intel(R) Iris(R) Xe Graphics)") << false;
        QTest::newRow("v3d (Pi 4)") << QStringLiteral("V3D 4.2") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void classify()
    {
        QFETCH(QString, renderer);
        QFETCH(bool, software);
        QCOMPARE(scenegraph::isSoftwareRasterizer(renderer), software);
    }

    void userChoiceWins()
    {
        qputenv("QT_QUICK_BACKEND", "opengl");
        const QString decided = scenegraph::chooseBackend();
        qunsetenv("QT_QUICK_BACKEND");
        QVERIFY2(decided.contains(QLatin1String("environment")), qPrintable(decided));
        QVERIFY(QQuickWindow::graphicsApi() != QSGRendererInterface::Software);
    }
};

QTEST_MAIN(TestSceneGraphBackend)
#include "tst_scenegraphbackend.moc"
