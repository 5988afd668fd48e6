// The Debian package as built by CPack (ctest fixture `package_deb`): control fields, contents,
// maintainer scripts, the run-time QML dependencies dpkg-shlibdeps cannot see, and Debian's own
// validators (lintian, desktop-file-validate, appstreamcli, systemd-analyze).

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    [[nodiscard]] bool ok() const { return exitCode == 0; }
    [[nodiscard]] QString all() const { return out + err; }
};

Run run(const QString &program, const QStringList &args, int timeoutMs = 120000)
{
    QProcess p;
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000)) {
        r.err = QStringLiteral("cannot start %1: %2").arg(program, p.errorString());
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("%1 timed out").arg(program);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// "a, b (>= 1), c | d" -> {a, b, c, d}
QSet<QString> packageNames(const QString &relationField)
{
    QSet<QString> names;
    static const QRegularExpression split(QStringLiteral("[,|]"));
    for (const QString &part : relationField.split(split, Qt::SkipEmptyParts)) {
        const QString name = part.trimmed().section(QLatin1Char(' '), 0, 0).section(QLatin1Char(':'), 0, 0);
        if (!name.isEmpty())
            names.insert(name);
    }
    return names;
}

// Module URIs imported by the .qml files of one directory ("import QtQuick.Controls 2.15 as C").
QSet<QString> qmlImports(const QString &dir, bool recursive)
{
    static const QRegularExpression importLine(QStringLiteral(R"(^\s*import\s+([A-Za-z_][\w.]*))"),
                                               QRegularExpression::MultilineOption);
    QSet<QString> imports;
    QDirIterator it(dir, {QStringLiteral("*.qml")}, QDir::Files,
                    recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        auto m = importLine.globalMatch(QString::fromUtf8(f.readAll()));
        while (m.hasNext())
            imports.insert(m.next().captured(1));
    }
    return imports;
}

} // namespace

class TestDebianPackage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void controlFields();
    void contents_data();
    void contents();
    void maintainerScripts();
    void translationsEmbedded();
    void qmlModulesAreDependencies();
    void desktopEntryValidates();
    void metainfoValidates();
    void systemdUnitVerifies();
    void lintianReportsNoErrors();

private:
    QString m_deb;
    QTemporaryDir m_tree;                 // dpkg-deb -x
    QTemporaryDir m_control;              // dpkg-deb -e
    QString m_contents;
    QMap<QString, QString> m_fields;
};

void TestDebianPackage::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("dpkg-deb")).isEmpty())
        QSKIP("dpkg-deb not found: not a Debian system");
    const QStringList debs = QDir(QStringLiteral(DEB_DIR)).entryList({QStringLiteral("metalboot_*.deb")}, QDir::Files);
    QVERIFY2(debs.size() == 1, qPrintable(QStringLiteral("expected one package in %1 (ctest fixture package_deb), found %2")
                                              .arg(QStringLiteral(DEB_DIR)).arg(debs.size())));
    m_deb = QStringLiteral(DEB_DIR "/") + debs.first();

    const Run fields = run(QStringLiteral("dpkg-deb"), {QStringLiteral("--field"), m_deb});
    QVERIFY2(fields.ok(), qPrintable(fields.all()));
    QString key;
    for (const QString &line : fields.out.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1Char(' ')) && !key.isEmpty()) {
            m_fields[key] += QLatin1Char('\n') + line;
        } else if (line.contains(QLatin1Char(':'))) {
            key = line.section(QLatin1Char(':'), 0, 0);
            m_fields[key] = line.section(QLatin1Char(':'), 1).trimmed();
        }
    }
    const Run contents = run(QStringLiteral("dpkg-deb"), {QStringLiteral("--contents"), m_deb});
    QVERIFY2(contents.ok(), qPrintable(contents.all()));
    m_contents = contents.out;
    QVERIFY(m_tree.isValid() && m_control.isValid());
    QVERIFY(run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_tree.path()}).ok());
    QVERIFY(run(QStringLiteral("dpkg-deb"), {QStringLiteral("-e"), m_deb, m_control.path() + QStringLiteral("/DEBIAN")}).ok());
}

void TestDebianPackage::controlFields()
{
    QCOMPARE(m_fields.value(QStringLiteral("Package")), QStringLiteral("metalboot"));
    QCOMPARE(m_fields.value(QStringLiteral("Version")), QStringLiteral(METALBOOT_VERSION));
    QCOMPARE(m_fields.value(QStringLiteral("Section")), QStringLiteral("net"));
    const Run arch = run(QStringLiteral("dpkg"), {QStringLiteral("--print-architecture")});
    QCOMPARE(m_fields.value(QStringLiteral("Architecture")), arch.out.trimmed());
    QVERIFY(m_deb.endsWith(QStringLiteral("/metalboot_%1_%2.deb").arg(QStringLiteral(METALBOOT_VERSION), arch.out.trimmed())));

    const QSet<QString> depends = packageNames(m_fields.value(QStringLiteral("Depends")));
    // dpkg-shlibdeps ran (libraries), plus what the maintainer scripts call.
    for (const char *name : {"libqt6core6", "libqt6network6", "libqt6httpserver6", "libyaml-cpp0.7", "libssl3",
                             "adduser", "libcap2-bin"})
        QVERIFY2(depends.contains(QLatin1String(name)), name);
    QVERIFY(packageNames(m_fields.value(QStringLiteral("Recommends"))).contains(QStringLiteral("ipxe")));
    QVERIFY2(m_fields.value(QStringLiteral("Maintainer")).contains(QRegularExpression(QStringLiteral("<[^@\\s]+@[^@\\s]+>"))),
             qPrintable(m_fields.value(QStringLiteral("Maintainer"))));
    QVERIFY(m_fields.value(QStringLiteral("Description")).contains(QLatin1Char('\n')));   // has an extended description
}

void TestDebianPackage::contents_data()
{
    QTest::addColumn<QString>("path");
    const QString id = QStringLiteral("io.github.metalboot.metalboot");
    QTest::newRow("binary") << QStringLiteral("./usr/bin/metalboot");
    QTest::newRow("unit") << QStringLiteral("./usr/lib/systemd/system/metalboot.service");
    QTest::newRow("man page") << QStringLiteral("./usr/share/man/man1/metalboot.1.gz");
    QTest::newRow("demo lab") << QStringLiteral("./usr/share/metalboot/default-lab.yaml");
    QTest::newRow("copyright") << QStringLiteral("./usr/share/doc/metalboot/copyright");
    QTest::newRow("changelog") << QStringLiteral("./usr/share/doc/metalboot/changelog.gz");
    QTest::newRow("svg icon") << QStringLiteral("./usr/share/icons/hicolor/scalable/apps/%1.svg").arg(id);
#ifdef METALBOOT_WITH_GUI
    QTest::newRow("desktop entry") << QStringLiteral("./usr/share/applications/%1.desktop").arg(id);
    QTest::newRow("metainfo") << QStringLiteral("./usr/share/metainfo/%1.metainfo.xml").arg(id);
#endif
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        QTest::newRow(qPrintable(QStringLiteral("png %1").arg(size)))
            << QStringLiteral("./usr/share/icons/hicolor/%1x%1/apps/%2.png").arg(size).arg(id);
}

void TestDebianPackage::contents()
{
    QFETCH(QString, path);
    const QRegularExpression line(QStringLiteral("\\s%1$").arg(QRegularExpression::escape(path)),
                                  QRegularExpression::MultilineOption);
    QVERIFY2(line.match(m_contents).hasMatch(), qPrintable(path));
    if (path.endsWith(QStringLiteral(".png"))) {
        // The rendered icon really has the size its directory claims (PNG IHDR width/height).
        QFile png(m_tree.path() + path.mid(1));
        QVERIFY(png.open(QIODevice::ReadOnly));
        const QByteArray head = png.read(24);
        QCOMPARE(head.left(8), QByteArray("\x89PNG\r\n\x1a\n", 8));
        const int size = path.section(QLatin1Char('/'), 5, 5).section(QLatin1Char('x'), 0, 0).toInt();
        const auto be32 = [&](int at) {
            return (quint32(quint8(head[at])) << 24) | (quint32(quint8(head[at + 1])) << 16)
                | (quint32(quint8(head[at + 2])) << 8) | quint32(quint8(head[at + 3]));
        };
        QCOMPARE(int(be32(16)), size);
        QCOMPARE(int(be32(20)), size);
    }
}

void TestDebianPackage::maintainerScripts()
{
    for (const char *name : {"postinst", "prerm", "postrm"}) {
        const QString script = m_control.path() + QStringLiteral("/DEBIAN/") + QLatin1String(name);
        const QFileInfo fi(script);
        QVERIFY2(fi.exists(), name);
        QVERIFY2(fi.isExecutable(), name);
        const Run syntax = run(QStringLiteral("sh"), {QStringLiteral("-n"), script});
        QVERIFY2(syntax.ok(), qPrintable(QLatin1String(name) + QStringLiteral(": ") + syntax.all()));
    }
    QFile postinst(m_control.path() + QStringLiteral("/DEBIAN/postinst"));
    QVERIFY(postinst.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(postinst.readAll());
    QVERIFY(text.contains(QStringLiteral("BIN=/usr/bin/metalboot\n")));
    QVERIFY(text.contains(QStringLiteral("CAPS=cap_net_bind_service,cap_net_raw=ep\n")));
    QVERIFY(text.contains(QStringLiteral("dpkg-statoverride --list")));
    // Never enables or starts the service on its own.
    QVERIFY(!text.contains(QRegularExpression(QStringLiteral("systemctl[^\\n]*(enable|start)\\s+metalboot"))));
}

void TestDebianPackage::translationsEmbedded()
{
#ifndef METALBOOT_WITH_GUI
    QSKIP("built without the GUI");
#else
    // Every translations/*.ts is compiled and embedded (qt_add_translations, :/i18n) in the
    // packaged, stripped binary: rcc stores resource names as UTF-16BE.
    const QStringList ts = QDir(QStringLiteral(PROJECT_SOURCE_DIR "/translations")).entryList({QStringLiteral("*.ts")}, QDir::Files);
    QVERIFY(!ts.isEmpty());
    QFile bin(m_tree.path() + QStringLiteral("/usr/bin/metalboot"));
    QVERIFY(bin.open(QIODevice::ReadOnly));
    const QByteArray data = bin.readAll();
    for (const QString &file : ts) {
        const QString qm = QFileInfo(file).completeBaseName() + QStringLiteral(".qm");
        QByteArray utf16;
        for (const QChar c : qm)
            utf16.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xff));
        QVERIFY2(data.contains(utf16), qPrintable(qm + QStringLiteral(" is not embedded in the packaged binary")));
    }
#endif
}

void TestDebianPackage::qmlModulesAreDependencies()
{
#ifndef METALBOOT_WITH_GUI
    QSKIP("built without the GUI");
#else
    if (QStandardPaths::findExecutable(QStringLiteral("dpkg")).isEmpty())
        QSKIP("dpkg not found");
    // Every QML module the GUI imports, followed through the modules' own imports (qmldir
    // import/depends lines and the imports of their .qml files), must come from a package the
    // .deb depends on: dpkg-shlibdeps cannot see any of them.
    const QString qmlRoot = QLibraryInfo::path(QLibraryInfo::QmlImportsPath);
    QStringList queue = qmlImports(QStringLiteral(PROJECT_SOURCE_DIR "/qml"), true).values();
    QSet<QString> seen;
    QSet<QString> qmldirs;
    static const QRegularExpression qmldirImport(QStringLiteral(R"(^\s*(?:optional\s+|default\s+)?(?:import|depends)\s+([\w.]+))"),
                                                 QRegularExpression::MultilineOption);
    while (!queue.isEmpty()) {
        const QString uri = queue.takeFirst();
        if (seen.contains(uri) || uri == QLatin1String("MetalBootUi"))
            continue;
        seen.insert(uri);
        const QString dir = qmlRoot + QLatin1Char('/') + QString(uri).replace(QLatin1Char('.'), QLatin1Char('/'));
        QFile qmldir(dir + QStringLiteral("/qmldir"));
        if (!qmldir.open(QIODevice::ReadOnly)) {
            // Optional style imports (Material, macOS, ...) may be absent; a module the app
            // itself imports must be there.
            QVERIFY2(!qmlImports(QStringLiteral(PROJECT_SOURCE_DIR "/qml"), true).contains(uri),
                     qPrintable(QStringLiteral("QML module %1 is not installed on the build machine").arg(uri)));
            continue;
        }
        qmldirs.insert(qmldir.fileName());
        auto m = qmldirImport.globalMatch(QString::fromUtf8(qmldir.readAll()));
        while (m.hasNext())
            queue.append(m.next().captured(1));
        queue.append(qmlImports(dir, false).values());
    }
    QVERIFY2(seen.contains(QStringLiteral("QtQuick")), "qml/ imports nothing from QtQuick?");

    QStringList args{QStringLiteral("-S")};
    args += qmldirs.values();
    const Run owners = run(QStringLiteral("dpkg"), args);
    QVERIFY2(owners.ok(), qPrintable(owners.all()));
    QSet<QString> needed;
    for (const QString &line : owners.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        needed.insert(line.section(QLatin1Char(':'), 0, 0).trimmed());
    const QSet<QString> depends = packageNames(m_fields.value(QStringLiteral("Depends")));
    QStringList missing = (needed - depends).values();
    missing.sort();
    qInfo().noquote() << "QML modules" << seen.size() << "from packages" << QStringList(needed.values()).join(QLatin1Char(' '));
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("add to installers/deb/deb.cmake: ") + missing.join(QLatin1Char(' '))));
#endif
}

void TestDebianPackage::desktopEntryValidates()
{
#ifndef METALBOOT_WITH_GUI
    QSKIP("built without the GUI");
#else
    if (QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate")).isEmpty())
        QSKIP("desktop-file-validate not found (apt install desktop-file-utils)");
    const QString file = m_tree.path() + QStringLiteral("/usr/share/applications/io.github.metalboot.metalboot.desktop");
    const Run r = run(QStringLiteral("desktop-file-validate"), {file});
    QVERIFY2(r.ok() && r.all().trimmed().isEmpty(), qPrintable(r.all()));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY(text.contains(QStringLiteral("\nExec=metalboot\n")));
    QVERIFY(text.contains(QStringLiteral("\nIcon=io.github.metalboot.metalboot\n")));
    QVERIFY(text.contains(QStringLiteral("\nCategories=Network;Monitor;\n")));
#endif
}

void TestDebianPackage::metainfoValidates()
{
#ifndef METALBOOT_WITH_GUI
    QSKIP("built without the GUI");
#else
    if (QStandardPaths::findExecutable(QStringLiteral("appstreamcli")).isEmpty())
        QSKIP("appstreamcli not found (apt install appstream)");
    const QString file = m_tree.path() + QStringLiteral("/usr/share/metainfo/io.github.metalboot.metalboot.metainfo.xml");
    const Run r = run(QStringLiteral("appstreamcli"), {QStringLiteral("validate"), QStringLiteral("--no-net"),
                                                       QStringLiteral("--pedantic"), file});
    qInfo().noquote() << "appstreamcli:" << r.all().trimmed();
    QVERIFY2(r.ok(), qPrintable(r.all()));
    // --pedantic prints hints as "P:", infos "I:", warnings "W:", errors "E:": accept none.
    QVERIFY2(!r.all().contains(QRegularExpression(QStringLiteral("^[EWIP]: "), QRegularExpression::MultilineOption)),
             qPrintable(r.all()));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY(text.contains(QStringLiteral("<release version=\"%1\"").arg(QStringLiteral(METALBOOT_VERSION))));
    QVERIFY(text.contains(QStringLiteral("<binary>metalboot</binary>")));
#endif
}

void TestDebianPackage::systemdUnitVerifies()
{
    if (QStandardPaths::findExecutable(QStringLiteral("systemd-analyze")).isEmpty())
        QSKIP("systemd-analyze not found");
    // Verify the unit as shipped, with ExecStart pointing at the extracted binary (the host
    // does not have the package installed).
    QFile unit(m_tree.path() + QStringLiteral("/usr/lib/systemd/system/metalboot.service"));
    QVERIFY(unit.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(unit.readAll());
    QVERIFY(text.contains(QStringLiteral("\nExecStart=/usr/bin/metalboot --headless\n")));
    for (const char *line : {"User=metalboot", "StateDirectory=metalboot", "ConfigurationDirectory=metalboot",
                             "Environment=METALBOOT_CONFIG_DIR=/etc/metalboot", "Environment=METALBOOT_DATA_DIR=/var/lib/metalboot",
                             "AmbientCapabilities=CAP_NET_BIND_SERVICE CAP_NET_RAW",
                             "CapabilityBoundingSet=CAP_NET_BIND_SERVICE CAP_NET_RAW", "NoNewPrivileges=yes",
                             "ProtectSystem=strict"})
        QVERIFY2(text.contains(QLatin1Char('\n') + QLatin1String(line) + QLatin1Char('\n')), line);
    text.replace(QStringLiteral("ExecStart=/usr/bin/metalboot"), QStringLiteral("ExecStart=") + m_tree.path() + QStringLiteral("/usr/bin/metalboot"));
    QTemporaryDir dir;
    QFile copy(dir.path() + QStringLiteral("/metalboot.service"));
    QVERIFY(copy.open(QIODevice::WriteOnly));
    copy.write(text.toUtf8());
    copy.close();
    const Run verify = run(QStringLiteral("systemd-analyze"), {QStringLiteral("verify"), QStringLiteral("--man=no"), copy.fileName()});
    QVERIFY2(verify.ok() && verify.all().trimmed().isEmpty(), qPrintable(verify.all()));

    // The sandboxing stays tight: systemd's own exposure score (0 = locked down, 10 = none).
    const Run security = run(QStringLiteral("systemd-analyze"), {QStringLiteral("security"), QStringLiteral("--offline=yes"),
                                                                  QStringLiteral("--no-pager"), copy.fileName()});
    const auto m = QRegularExpression(QStringLiteral("Overall exposure level for \\S+: ([0-9.]+)")).match(security.all());
    QVERIFY2(m.hasMatch(), qPrintable(security.all()));
    qInfo().noquote() << "systemd-analyze security: exposure" << m.captured(1);
    QVERIFY2(m.captured(1).toDouble() <= 2.5, qPrintable(security.all()));
}

void TestDebianPackage::lintianReportsNoErrors()
{
    if (QStandardPaths::findExecutable(QStringLiteral("lintian")).isEmpty())
        QSKIP("lintian not found (apt install lintian)");
    const Run r = run(QStringLiteral("lintian"), {QStringLiteral("--tag-display-limit"), QStringLiteral("0"),
                                                  QStringLiteral("--display-info"), QStringLiteral("--pedantic"), m_deb},
                      300000);
    QMap<QString, int> bySeverity;
    QStringList blocking;
    for (const QString &line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString severity = line.section(QLatin1Char(':'), 0, 0);
        ++bySeverity[severity];
        if (severity == QLatin1String("E") || severity == QLatin1String("W"))
            blocking.append(line);
    }
    QStringList summary;
    for (auto it = bySeverity.cbegin(); it != bySeverity.cend(); ++it)
        summary.append(QStringLiteral("%1=%2").arg(it.key()).arg(it.value()));
    qInfo().noquote() << "lintian:" << (summary.isEmpty() ? QStringLiteral("no tags") : summary.join(QLatin1Char(' ')))
                      << '\n' << r.out.trimmed();
    QVERIFY2(r.exitCode == 0 || !blocking.isEmpty(), qPrintable(r.all()));   // lintian itself worked
    QVERIFY2(blocking.isEmpty(), qPrintable(blocking.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestDebianPackage)
#include "tst_debianpackage.moc"
