#include "tftp/pibootfiles.h"

#include <QTest>

class TestPiBootFiles : public QObject
{
    Q_OBJECT
private:
    static PiBootFiles::Device pi()
    {
        PiBootFiles::Device d;
        d.mac = *MacAddress::parse(QStringLiteral("dc:a6:32:01:36:c2"));
        d.serial = QStringLiteral("9ffefdef");
        d.name = QStringLiteral("pi-07");
        d.model = QStringLiteral("pi4");
        d.lifecycle = QStringLiteral("ready");
        return d;
    }
    static PiBootFiles::Context context()
    {
        PiBootFiles::Context c;
        c.serverAddress = QStringLiteral("10.77.0.1");
        c.httpBaseUrl = QStringLiteral("http://10.77.0.1:8080");
        c.prefixMode = PiPrefixMode::Mac;
        return c;
    }
    static QStringList lines(const QByteArray &text) { return QString::fromUtf8(text).split(QLatin1Char('\n'), Qt::SkipEmptyParts); }

private Q_SLOTS:
    void renderTemplate_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "abc" << "abc";
        QTest::newRow("one") << "x={a}" << "x=1";
        QTest::newRow("two adjacent") << "{a}{b}" << "1two";
        QTest::newRow("unknown kept") << "{nope} {a}" << "{nope} 1";
        QTest::newRow("unclosed") << "{a" << "{a";
        QTest::newRow("nested braces") << "{{a}}" << "{1}";
        QTest::newRow("empty key") << "{}" << "{}";
        QTest::newRow("empty value") << "[{e}]" << "[]";
        QTest::newRow("value with braces not re-expanded") << "{c}" << "{a}";
    }
    void renderTemplate()
    {
        QFETCH(QString, text);
        const QHash<QString, QString> values{{QStringLiteral("a"), QStringLiteral("1")},
                                             {QStringLiteral("b"), QStringLiteral("two")},
                                             {QStringLiteral("c"), QStringLiteral("{a}")},
                                             {QStringLiteral("e"), QString()}};
        QTEST(tftp::renderTemplate(text, values), "expected");
    }

    void uefiDefaultsMatchTheSeed()
    {
        const QByteArray out = PiBootFiles::render(QStringLiteral("config.txt"), pi(), context(), {}, {});
        const QStringList l = lines(out);
        QVERIFY(l.first().startsWith(QLatin1String("# Metal Boot: pi-07 (dc:a6:32:01:36:c2), serial 9ffefdef")));
        // The metal-boot seed's UEFI config.txt, line for line (tftp_prefix follows the lab's mode).
        const QStringList seed{QStringLiteral("arm_64bit=1"), QStringLiteral("arm_boost=1"), QStringLiteral("enable_uart=1"),
                               QStringLiteral("uart_2ndstage=1"), QStringLiteral("enable_gic=1"), QStringLiteral("armstub=RPI_EFI.fd"),
                               QStringLiteral("disable_commandline_tags=1"), QStringLiteral("disable_overscan=1"),
                               QStringLiteral("device_tree_address=0x1f0000"), QStringLiteral("device_tree_end=0x200000"),
                               QStringLiteral("dtoverlay=miniuart-bt"), QStringLiteral("dtoverlay=upstream-pi4"),
                               QStringLiteral("tftp_prefix=2")};
        QCOMPARE(l.mid(1), seed);
        QVERIFY(out.endsWith('\n'));
    }

    void nativeBoot()
    {
        PiBootFiles::Device d = pi();
        d.bootMode = BootMode::Native;
        QVERIFY(lines(PiBootFiles::render(QStringLiteral("config.txt"), d, context(), {}, {})).contains(QStringLiteral("kernel=kernel8.img")));
        QVERIFY(lines(PiBootFiles::render(QStringLiteral("config.txt"), d, context(), {}, {})).contains(QStringLiteral("# no initramfs")));
        d.osie.kernel = QStringLiteral("ironic-python-agent.kernel");
        d.osie.initrd = QStringLiteral("ironic-python-agent.initramfs");
        const QStringList l = lines(PiBootFiles::render(QStringLiteral("config.txt"), d, context(), {}, {}));
        QVERIFY(l.contains(QStringLiteral("arm_64bit=1")));
        QVERIFY(l.contains(QStringLiteral("kernel=ironic-python-agent.kernel")));
        QVERIFY(l.contains(QStringLiteral("initramfs ironic-python-agent.initramfs followkernel")));
        QVERIFY(!l.contains(QStringLiteral("armstub=RPI_EFI.fd")));
    }

    void cmdline()
    {
        PiBootFiles::Device d = pi();
        QByteArray out = PiBootFiles::render(QStringLiteral("cmdline.txt"), d, context(), {}, {});
        QCOMPARE(out, QByteArray("console=serial0,115200 console=tty1 ip=dhcp metalboot.server=http://10.77.0.1:8080 "
                                 "metalboot.mac=dc:a6:32:01:36:c2 metalboot.serial=9ffefdef metalboot.state=ready\n"));
        d.osie.cmdline = QStringLiteral("ipa-debug=1");
        d.console = QStringLiteral("ttyAMA0,115200");
        PiBootFiles::Context c = context();
        c.httpBaseUrl.clear();
        out = PiBootFiles::render(QStringLiteral("cmdline.txt"), d, c, {}, {});
        QCOMPARE(out, QByteArray("console=ttyAMA0,115200 ip=dhcp metalboot.server=http://10.77.0.1 "
                                 "metalboot.mac=dc:a6:32:01:36:c2 metalboot.serial=9ffefdef metalboot.state=ready ipa-debug=1\n"));
        QCOMPARE(lines(out).size(), 1);
    }

    void overridesInOrder()
    {
        // device dir first, then the lab-wide template dir; a lifecycle variant beats the plain name.
        QHash<QString, QString> files;
        QStringList asked;
        const PiBootFiles::TemplateReader read = [&](const QString &dir, const QString &file) -> std::optional<QString> {
            asked.append(dir + QLatin1Char('/') + file);
            const auto it = files.constFind(dir + QLatin1Char('/') + file);
            return it == files.cend() ? std::nullopt : std::optional<QString>(*it);
        };
        const QStringList dirs{QStringLiteral("dev"), QStringLiteral("lab")};
        PiBootFiles::Device d = pi();
        d.lifecycle = QStringLiteral("deploying");

        QCOMPARE(PiBootFiles::render(QStringLiteral("cmdline.txt"), d, context(), dirs, read),
                 PiBootFiles::render(QStringLiteral("cmdline.txt"), d, context(), {}, {}));
        QCOMPARE(asked, QStringList({QStringLiteral("dev/cmdline.deploying.txt"), QStringLiteral("dev/cmdline.txt"),
                                     QStringLiteral("lab/cmdline.deploying.txt"), QStringLiteral("lab/cmdline.txt")}));

        files.insert(QStringLiteral("lab/cmdline.txt"), QStringLiteral("lab {serial}"));
        QCOMPARE(PiBootFiles::render(QStringLiteral("cmdline.txt"), d, context(), dirs, read), QByteArray("lab 9ffefdef\n"));
        files.insert(QStringLiteral("lab/cmdline.deploying.txt"), QStringLiteral("lab-deploy {mac_dashed}\n"));
        QCOMPARE(PiBootFiles::render(QStringLiteral("cmdline.txt"), d, context(), dirs, read), QByteArray("lab-deploy dc-a6-32-01-36-c2\n"));
        files.insert(QStringLiteral("dev/cmdline.txt"), QStringLiteral("dev {name} {unknown}"));
        QCOMPARE(PiBootFiles::render(QStringLiteral("cmdline.txt"), d, context(), dirs, read), QByteArray("dev pi-07 {unknown}\n"));
        d.lifecycle = QStringLiteral("ready");
        QCOMPARE(PiBootFiles::render(QStringLiteral("cmdline.txt"), d, context(), dirs, read), QByteArray("dev pi-07 {unknown}\n"));
    }

    void candidates()
    {
        QCOMPARE(PiBootFiles::candidateNames(QStringLiteral("cmdline.txt"), QStringLiteral("ready")),
                 QStringList({QStringLiteral("cmdline.ready.txt"), QStringLiteral("cmdline.txt")}));
        QCOMPARE(PiBootFiles::candidateNames(QStringLiteral("config.txt"), QString()), QStringList({QStringLiteral("config.txt")}));
        QCOMPARE(PiBootFiles::candidateNames(QStringLiteral("config.txt"), QStringLiteral("a/b")), QStringList({QStringLiteral("config.txt")}));
        QVERIFY(PiBootFiles::isGenerated(QStringLiteral("config.txt")));
        QVERIFY(PiBootFiles::isGenerated(QStringLiteral("cmdline.txt")));
        QVERIFY(!PiBootFiles::isGenerated(QStringLiteral("start4.elf")));
    }
};

QTEST_GUILESS_MAIN(TestPiBootFiles)
#include "tst_pibootfiles.moc"
