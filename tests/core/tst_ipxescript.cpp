#include "boot/ipxescript.h"

#include <QTest>

// Splits a script like iPXE's shell does (core/exec.c): lines, whitespace tokens, commands
// separated by "||", "&&" or ";", '#' tokens start a comment. Returns "cmd arg arg" per command,
// with labels as ":label". Lets the tests prove which commands a script runs.
static QStringList ipxeCommands(const QByteArray &script)
{
    QStringList out;
    const QList<QByteArray> lines = script.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (i == 0 && line.startsWith("#!ipxe"))
            continue;
        while (line.endsWith('\\') && i + 1 < lines.size()) // continuation
            line = line.chopped(1) + lines.at(++i);
        const QByteArray trimmed = line.trimmed();
        if (trimmed.startsWith(':')) {
            out << QString::fromUtf8(trimmed);
            continue;
        }
        QStringList current;
        for (const QByteArray &token : line.simplified().split(' ')) {
            if (token.isEmpty())
                continue;
            if (token.startsWith('#'))
                break;
            if (token == "||" || token == "&&" || token == ";") {
                if (!current.isEmpty())
                    out << current.join(QLatin1Char(' '));
                current.clear();
                continue;
            }
            current << QString::fromUtf8(token);
        }
        if (!current.isEmpty())
            out << current.join(QLatin1Char(' '));
    }
    return out;
}

static QStringList commandNames(const QByteArray &script)
{
    QStringList names;
    for (const QString &c : ipxeCommands(script))
        names << c.section(QLatin1Char(' '), 0, 0);
    return names;
}

static DeviceConfig piDevice()
{
    DeviceConfig d;
    d.mac = *MacAddress::parse(QStringLiteral("dc:a6:32:01:36:c2"));
    d.name = QStringLiteral("pi-01");
    return d;
}

class TestIpxeScript : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deviceModes_data()
    {
        QTest::addColumn<DeviceConfig>("device");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("commands");

        const QStringList netTail = {QStringLiteral("boot"), QStringLiteral("goto failed"), QStringLiteral(":failed"),
                                     QStringLiteral("echo"), QStringLiteral("sleep 10"), QStringLiteral("reboot")};
        DeviceConfig d = piDevice();
        d.osie = {QStringLiteral("vmlinuz"), QStringLiteral("initrd.img"), QStringLiteral("console=ttyAMA0 quiet")};
        QTest::newRow("osie relative") << d << int(ipxe::ScriptKind::Netboot)
                                       << QStringList{QStringLiteral("echo"),
                                                      QStringLiteral("kernel http://10.0.0.1:8080/vmlinuz initrd=initrd.img console=ttyAMA0 quiet"),
                                                      QStringLiteral("goto failed"),
                                                      QStringLiteral("initrd http://10.0.0.1:8080/initrd.img"),
                                                      QStringLiteral("goto failed")} + netTail;
        d.osie = {QStringLiteral("http://images.lab/ipa.kernel"), QStringLiteral("/ipa/ipa.initramfs"),
                  QStringLiteral("ipa-api-url=http://10.0.0.1:6385 BOOTIF=${mac}")};
        QTest::newRow("osie absolute + settings") << d << int(ipxe::ScriptKind::Netboot)
            << QStringList{QStringLiteral("echo"),
                           QStringLiteral("kernel http://images.lab/ipa.kernel initrd=ipa.initramfs ipa-api-url=http://10.0.0.1:6385 BOOTIF=${mac}"),
                           QStringLiteral("goto failed"), QStringLiteral("initrd http://10.0.0.1:8080/ipa/ipa.initramfs"),
                           QStringLiteral("goto failed")} + netTail;
        d.osie = {QStringLiteral("Image"), {}, {}};
        d.console = QStringLiteral("ttyS0,115200");
        QTest::newRow("kernel only + console") << d << int(ipxe::ScriptKind::Netboot)
            << QStringList{QStringLiteral("echo"), QStringLiteral("kernel http://10.0.0.1:8080/Image console=ttyS0,115200"),
                           QStringLiteral("goto failed")} + netTail;

        DeviceConfig c = piDevice();
        c.ipxeScript = QStringLiteral("#!ipxe\r\necho custom\r\nshell\r\n");
        c.osie.kernel = QStringLiteral("ignored");
        QTest::newRow("custom script wins") << c << int(ipxe::ScriptKind::Custom)
                                            << QStringList{QStringLiteral("echo custom"), QStringLiteral("shell")};
        DeviceConfig u = piDevice();
        u.ipxeScriptUrl = QStringLiteral("http://10.0.0.5/menu.ipxe?mac=${net0/mac}");
        QTest::newRow("chain url") << u << int(ipxe::ScriptKind::Chain)
            << QStringList{QStringLiteral("echo"),
                           QStringLiteral("chain --replace --autofree http://10.0.0.5/menu.ipxe?mac=${net0/mac}"),
                           QStringLiteral("goto failed"), QStringLiteral(":failed"), QStringLiteral("echo"),
                           QStringLiteral("sleep 10"), QStringLiteral("reboot")};
        QTest::newRow("nothing configured: local") << piDevice() << int(ipxe::ScriptKind::LocalBoot)
                                                   << QStringList{QStringLiteral("echo"), QStringLiteral("exit 1")};
        DeviceConfig r = piDevice();
        r.allowPxe = false;
        r.osie.kernel = QStringLiteral("vmlinuz");
        QTest::newRow("allow_pxe false") << r << int(ipxe::ScriptKind::Refused)
            << QStringList{QStringLiteral("echo"), QStringLiteral("echo"), QStringLiteral("sleep 5"), QStringLiteral("exit 1")};
        DeviceConfig i = piDevice();
        i.osie.initrd = QStringLiteral("initrd.img");
        QTest::newRow("initrd without kernel") << i << int(ipxe::ScriptKind::Invalid)
            << QStringList{QStringLiteral("echo"), QStringLiteral("echo"), QStringLiteral("sleep 30"), QStringLiteral("exit 1")};
    }
    void deviceModes()
    {
        QFETCH(DeviceConfig, device);
        QFETCH(int, kind);
        QFETCH(QStringList, commands);
        ipxe::DeviceScriptInput in;
        in.mac = device.mac;
        in.device = &device;
        in.baseUrl = QStringLiteral("http://10.0.0.1:8080");
        const ipxe::Script s = ipxe::renderDeviceScript(in);
        QCOMPARE(ipxe::kindName(s.kind), ipxe::kindName(ipxe::ScriptKind(kind)));
        QVERIFY(s.text.startsWith("#!ipxe\n"));
        QVERIFY(!s.overrideApplied);
        // Compare commands; "echo" rows only check the command name.
        const QStringList got = ipxeCommands(s.text);
        QCOMPARE(got.size(), commands.size());
        for (int k = 0; k < got.size(); ++k) {
            if (commands.at(k) == QLatin1String("echo"))
                QCOMPARE(got.at(k).section(QLatin1Char(' '), 0, 0), QStringLiteral("echo"));
            else
                QCOMPARE(got.at(k), commands.at(k));
        }
        QVERIFY(!s.summary.isEmpty());
    }

    void overrides_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("enabled");
        QTest::addColumn<bool>("allowPxe");
        QTest::addColumn<bool>("mediaInserted");
        QTest::addColumn<QString>("httpBootUri");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("applied");
        QTest::addColumn<QString>("mustContain");

        QTest::newRow("none") << "None" << "Disabled" << true << false << "" << int(ipxe::ScriptKind::Netboot) << false
                              << "kernel http://10.0.0.1:8080/vmlinuz";
        QTest::newRow("disabled hdd is ignored") << "Hdd" << "Disabled" << true << false << ""
                                                 << int(ipxe::ScriptKind::Netboot) << false << "kernel ";
        QTest::newRow("pxe once") << "Pxe" << "Once" << true << false << "" << int(ipxe::ScriptKind::Netboot) << true
                                  << "kernel http://10.0.0.1:8080/vmlinuz";
        QTest::newRow("pxe continuous") << "Pxe" << "Continuous" << true << false << "" << int(ipxe::ScriptKind::Netboot)
                                        << true << "kernel ";
        QTest::newRow("hdd once") << "Hdd" << "Once" << true << false << "" << int(ipxe::ScriptKind::LocalBoot) << true
                                  << "exit 1";
        QTest::newRow("hdd with pxe refused") << "Hdd" << "Continuous" << false << false << ""
                                              << int(ipxe::ScriptKind::LocalBoot) << true << "exit 1";
        QTest::newRow("cd inserted") << "Cd" << "Once" << true << true << "" << int(ipxe::ScriptKind::SanBoot) << true
                                     << "sanboot --no-describe http://media.lab/live.iso";
        QTest::newRow("usb inserted") << "Usb" << "Continuous" << true << true << "" << int(ipxe::ScriptKind::SanBoot)
                                      << true << "sanboot --no-describe http://media.lab/live.iso";
        QTest::newRow("cd empty") << "Cd" << "Once" << true << false << "" << int(ipxe::ScriptKind::NoMedia) << true
                                  << "exit 1";
        QTest::newRow("uefi http") << "UefiHttp" << "Once" << true << false << "http://10.0.0.9/grubaa64.efi"
                                   << int(ipxe::ScriptKind::HttpBoot) << true
                                   << "chain --replace --autofree http://10.0.0.9/grubaa64.efi";
        QTest::newRow("uefi http without uri") << "UefiHttp" << "Once" << true << false << ""
                                               << int(ipxe::ScriptKind::Netboot) << true << "kernel ";
        QTest::newRow("uefi http injected uri") << "UefiHttp" << "Once" << true << false
                                                << "http://x/a.efi\nshell" << int(ipxe::ScriptKind::Invalid) << true
                                                << "exit 1";
        QTest::newRow("cd while pxe refused") << "Cd" << "Once" << false << true << ""
                                              << int(ipxe::ScriptKind::Refused) << false << "exit 1";
        QTest::newRow("bios setup: firmware's job") << "BiosSetup" << "Once" << true << false << ""
                                                    << int(ipxe::ScriptKind::Netboot) << false << "kernel ";
    }
    void overrides()
    {
        QFETCH(QString, target);
        QFETCH(QString, enabled);
        QFETCH(bool, allowPxe);
        QFETCH(bool, mediaInserted);
        QFETCH(QString, httpBootUri);
        QFETCH(int, kind);
        QFETCH(bool, applied);
        QFETCH(QString, mustContain);
        DeviceConfig d = piDevice();
        d.allowPxe = allowPxe;
        d.osie.kernel = QStringLiteral("vmlinuz");
        ipxe::DeviceScriptInput in;
        in.mac = d.mac;
        in.device = &d;
        in.baseUrl = QStringLiteral("http://10.0.0.1:8080");
        QVERIFY(BootOverride::targetFromName(target, &in.override.target));
        QVERIFY(BootOverride::enabledFromName(enabled, &in.override.enabled));
        in.override.httpBootUri = httpBootUri;
        if (mediaInserted) {
            in.media.image = QStringLiteral("http://media.lab/live.iso");
            in.media.inserted = true;
        }
        const ipxe::Script s = ipxe::renderDeviceScript(in);
        QCOMPARE(ipxe::kindName(s.kind), ipxe::kindName(ipxe::ScriptKind(kind)));
        QCOMPARE(s.overrideApplied, applied);
        QVERIFY2(s.text.contains(mustContain.toUtf8()), s.text.constData());
        // Whatever the case, the script never runs a shell.
        QVERIFY(!commandNames(s.text).contains(QStringLiteral("shell")));
    }

    // Values that try to smuggle commands into the script are refused with an Invalid script
    // whose commands are exactly our fixed error sequence.
    void injection_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        const QList<QPair<const char *, QString>> attempts = {
            {"newline", QStringLiteral("vmlinuz\nshell")},
            {"carriage return", QStringLiteral("vmlinuz\rshell")},
            {"or-terminator", QStringLiteral("a || shell")},
            {"and-terminator", QStringLiteral("a && shell")},
            {"semicolon terminator", QStringLiteral("a ; shell")},
            {"comment", QStringLiteral("a #rest")},
            {"continuation", QStringLiteral("a \\")},
            {"nul", QStringLiteral("a") + QChar(0) + QStringLiteral("b")},
            {"tab", QStringLiteral("a\tb")},
            {"escape", QStringLiteral("a\x1b[2Jb")},
            {"nested setting", QStringLiteral("${a${b}}")},
            {"bare dollar", QStringLiteral("$HOME")},
            {"unclosed setting", QStringLiteral("${net0/mac")},
            {"non-ascii", QString::fromUtf8("vmlinuz\u2028shell")},
            {"del", QStringLiteral("a\x7f")},
        };
        for (const char *field : {"kernel", "initrd", "cmdline", "script_url", "http_boot_uri", "media"}) {
            for (const auto &a : attempts) {
                // A space is legal inside a command line, and a lone '#'/terminator is caught
                // there; in URL fields a space alone is already refused.
                QTest::newRow(qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(field), QLatin1String(a.first))))
                    << QString::fromLatin1(field) << a.second;
            }
        }
        QTest::newRow("kernel: option") << "kernel" << "--name=x";
        QTest::newRow("kernel: traversal") << "kernel" << "../../etc/shadow";
        QTest::newRow("kernel: hidden") << "kernel" << ".secret/vmlinuz";
        QTest::newRow("kernel: scheme") << "kernel" << "file:///etc/shadow";
        QTest::newRow("kernel: space") << "kernel" << "vmlinuz shell";
        QTest::newRow("cmdline: too long") << "cmdline" << QString(5000, QLatin1Char('a'));
        QTest::newRow("script_url: javascript") << "script_url" << "javascript://alert(1)";
        QTest::newRow("media: space") << "media" << "http://a/b c.iso";
    }
    void injection()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        DeviceConfig d = piDevice();
        d.name = QStringLiteral("x\nshell || reboot");
        d.osie = {QStringLiteral("vmlinuz"), QStringLiteral("initrd.img"), QStringLiteral("quiet")};
        ipxe::DeviceScriptInput in;
        in.mac = d.mac;
        in.device = &d;
        in.baseUrl = QStringLiteral("http://10.0.0.1:8080");
        if (field == QLatin1String("kernel"))
            d.osie.kernel = value;
        else if (field == QLatin1String("initrd"))
            d.osie.initrd = value;
        else if (field == QLatin1String("cmdline"))
            d.osie.cmdline = value;
        else if (field == QLatin1String("script_url"))
            d.ipxeScriptUrl = value;
        else if (field == QLatin1String("http_boot_uri"))
            in.override = {BootOverride::Target::UefiHttp, BootOverride::Enabled::Once, QStringLiteral("UEFI"), value};
        else if (field == QLatin1String("media")) {
            in.override = {BootOverride::Target::Cd, BootOverride::Enabled::Once, QStringLiteral("UEFI"), {}};
            in.media.image = value;
            in.media.inserted = true;
        }
        const ipxe::Script s = ipxe::renderDeviceScript(in);
        QCOMPARE(ipxe::kindName(s.kind), QStringLiteral("invalid"));
        QVERIFY(!s.error.isEmpty());
        QCOMPARE(commandNames(s.text),
                 (QStringList{QStringLiteral("echo"), QStringLiteral("echo"), QStringLiteral("sleep"), QStringLiteral("exit")}));
        // The refused value itself never reaches the script.
        if (value.size() > 3)
            QVERIFY(!s.text.contains(value.toUtf8()));
    }

    void customScriptControlCharacters()
    {
        DeviceConfig d = piDevice();
        d.ipxeScript = QStringLiteral("echo a\x01\nshell");
        ipxe::DeviceScriptInput in{d.mac, &d, {}, {}, QStringLiteral("http://h")};
        QCOMPARE(ipxe::renderDeviceScript(in).kind, ipxe::ScriptKind::Invalid);
        d.ipxeScript = QString(70 * 1024, QLatin1Char('#'));
        QCOMPARE(ipxe::renderDeviceScript(in).kind, ipxe::ScriptKind::Invalid);
    }

    void nameIsSanitisedEverywhere()
    {
        DeviceConfig d = piDevice();
        d.name = QStringLiteral("evil\n|| shell ${x} #c -n");
        d.osie.kernel = QStringLiteral("vmlinuz");
        ipxe::DeviceScriptInput in{d.mac, &d, {}, {}, QStringLiteral("http://h:1")};
        const ipxe::Script s = ipxe::renderDeviceScript(in);
        QCOMPARE(s.kind, ipxe::ScriptKind::Netboot);
        QCOMPARE(commandNames(s.text),
                 (QStringList{QStringLiteral("echo"), QStringLiteral("kernel"), QStringLiteral("goto"),
                              QStringLiteral("boot"), QStringLiteral("goto"), QStringLiteral(":failed"),
                              QStringLiteral("echo"), QStringLiteral("sleep"), QStringLiteral("reboot")}));
        QVERIFY(!s.text.contains("${x}"));
        QVERIFY(!s.text.contains(" -n"));
    }

    void discovery()
    {
        ipxe::DeviceScriptInput in;
        in.mac = *MacAddress::parse(QStringLiteral("52:54:00:12:34:56"));
        in.baseUrl = QStringLiteral("http://127.0.0.1:8080");
        in.override = {BootOverride::Target::Hdd, BootOverride::Enabled::Once, QStringLiteral("UEFI"), {}};
        const ipxe::Script s = ipxe::renderDeviceScript(in);
        QCOMPARE(s.kind, ipxe::ScriptKind::Discovery);
        QVERIFY(!s.overrideApplied); // unknown devices do not use overrides
        const QStringList cmds = ipxeCommands(s.text);
        QCOMPARE(commandNames(s.text), (QStringList{QStringLiteral("echo"), QStringLiteral("echo"), QStringLiteral("echo"),
                                                    QStringLiteral("echo"), QStringLiteral("sleep"),
                                                    QStringLiteral("chain"), QStringLiteral("reboot")}));
        QVERIFY(cmds.at(5).startsWith(
            QStringLiteral("chain --replace --autofree http://127.0.0.1:8080/boot/52-54-00-12-34-56.ipxe?platform=${platform:uristring}")));
        QVERIFY(s.text.contains("52:54:00:12:34:56"));
    }

    void chainScript()
    {
        const QByteArray s = ipxe::renderChainScript(QStringLiteral("http://192.0.2.1:8080"));
        const QStringList cmds = ipxeCommands(s);
        QVERIFY(s.startsWith("#!ipxe\n"));
        QVERIFY(cmds.first().startsWith(QStringLiteral(
            "chain --replace --autofree http://192.0.2.1:8080/boot/${net0/mac:hexhyp}.ipxe?platform=")));
        QCOMPARE(commandNames(s), (QStringList{QStringLiteral("chain"), QStringLiteral("goto"), QStringLiteral(":failed"),
                                               QStringLiteral("echo"), QStringLiteral("sleep"), QStringLiteral("reboot")}));
    }

    void resolveUrl_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // empty = refused
        QTest::newRow("name") << "vmlinuz" << "http://b:1/vmlinuz";
        QTest::newRow("nested") << "pi/6.1/Image" << "http://b:1/pi/6.1/Image";
        QTest::newRow("leading slash") << "/pi/Image" << "http://b:1/pi/Image";
        QTest::newRow("setting") << "k/${buildarch}/vmlinuz" << "http://b:1/k/${buildarch}/vmlinuz";
        QTest::newRow("http") << "http://x/y" << "http://x/y";
        QTest::newRow("https") << "https://x/y" << "https://x/y";
        QTest::newRow("tftp") << "tftp://10.0.0.1/y" << "tftp://10.0.0.1/y";
        QTest::newRow("iscsi") << "iscsi:10.0.0.1::::iqn.2020-01.lab:disk" << "iscsi:10.0.0.1::::iqn.2020-01.lab:disk";
        QTest::newRow("dotdot") << "a/../b" << "";
        QTest::newRow("dot") << "./b" << "";
        QTest::newRow("empty") << "" << "";
        QTest::newRow("slash only") << "/" << "";
        QTest::newRow("file scheme") << "file:///etc/passwd" << "";
        QTest::newRow("option") << "-n" << "";
    }
    void resolveUrl()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const auto r = ipxe::resolveUrl(QStringLiteral("http://b:1"), input);
        if (expected.isEmpty()) {
            QVERIFY(!r.ok());
            QVERIFY(!r.error().isEmpty());
        } else {
            QVERIFY2(r.ok(), qPrintable(r.error()));
            QCOMPARE(*r, expected);
        }
    }

    void echoText()
    {
        QCOMPARE(ipxe::echoText(QStringLiteral("pi-01 rack (a)")), QStringLiteral("pi-01 rack (a)"));
        QCOMPARE(ipxe::echoText(QStringLiteral("a\nb || c ${d} #e")), QStringLiteral("a_b __ c __d_ _e"));
        QCOMPARE(ipxe::echoText(QStringLiteral("-n x")), QStringLiteral("_n x"));
        QCOMPARE(ipxe::echoText(QString(500, QLatin1Char('a'))).size(), 200);
    }
};

QTEST_GUILESS_MAIN(TestIpxeScript)
#include "tst_ipxescript.moc"
