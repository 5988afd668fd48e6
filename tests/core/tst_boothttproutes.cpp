#include "boot/boothttproutes.h"
#include "devices/bootcontrol.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"
#include "config/labconfigloader.h"
#include "engine/labengine.h"
#include "http/httpserver.h"
#include "http/httpservice.h"
#include "httptestutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace httptest;

namespace {
const MacAddress Pi1 = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01"));
const MacAddress Pi2 = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:02"));
const MacAddress Pi3 = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:03"));
const MacAddress Pi4 = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:04"));
const MacAddress Pi5 = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:05"));
const MacAddress Pi6 = *MacAddress::parse(QStringLiteral("dc:a6:32:00:00:06"));
} // namespace

// The HTTP boot routes over loopback with curl: scripts per device and override, discovery,
// static files (HEAD, ranges, validators, traversal), iPXE binaries, and the journal.
class TestBootHttpRoutes : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_tmp;
    QString m_root;
    std::unique_ptr<DeviceJournal> m_journal;
    std::unique_ptr<DeviceRegistry> m_registry;
    std::unique_ptr<BootControl> m_boot;
    std::unique_ptr<HttpService> m_http;
    std::unique_ptr<BootHttpRoutes> m_routes;
    LabConfig m_config;

    QString base() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_http->port()); }

    static void writeFile(const QString &path, const QByteArray &data)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }
    static QByteArray randomBytes(int size)
    {
        QByteArray b(size, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(b.data()), size / 4);
        return b;
    }
    CurlResult get(const QString &path, const QStringList &extra = {})
    {
        return curl(extra + QStringList{base() + path});
    }
    // "<code>" for a request, body discarded.
    QByteArray code(const QString &path, const QStringList &extra = {})
    {
        return curl(extra + QStringList{QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
                                        QStringLiteral("%{http_code}"), base() + path})
            .out;
    }
    QList<JournalEvent> httpEvents(const MacAddress &mac) const
    {
        QList<JournalEvent> out;
        for (const JournalEvent &e : m_journal->events(mac))
            if (e.source == QLatin1String("http"))
                out << e;
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_root = m_tmp.filePath(QStringLiteral("root"));
        writeFile(m_root + QStringLiteral("/vmlinuz"), randomBytes(3 << 20));
        writeFile(m_root + QStringLiteral("/initrd.img"), randomBytes(1 << 20));
        writeFile(m_root + QStringLiteral("/images/live.iso"), randomBytes(2 << 20));
        writeFile(m_root + QStringLiteral("/boot/readme.txt"), "a file below /boot/\n");
        writeFile(m_root + QStringLiteral("/.htpasswd"), "SECRET");
        writeFile(m_tmp.filePath(QStringLiteral("secret.txt")), "SECRET");
        QVERIFY(QFile::link(m_tmp.filePath(QStringLiteral("secret.txt")), m_root + QStringLiteral("/escape")));
        QVERIFY(QFile::link(m_tmp.path(), m_root + QStringLiteral("/up")));
        // An iPXE directory laid out like Debian's (a symlink to a file elsewhere).
        writeFile(m_tmp.filePath(QStringLiteral("elsewhere/ipxe.efi")), "MZ-fake-ipxe-efi");
        writeFile(m_tmp.filePath(QStringLiteral("ipxe/snponly.efi")), "MZ-fake-snponly");
        QDir().mkpath(m_tmp.filePath(QStringLiteral("ipxe/qemu")));
        QVERIFY(QFile::link(m_tmp.filePath(QStringLiteral("elsewhere/ipxe.efi")), m_tmp.filePath(QStringLiteral("ipxe/ipxe.efi"))));

        auto device = [](const MacAddress &mac, const QString &name) {
            DeviceConfig d;
            d.mac = mac;
            d.name = name;
            return d;
        };
        DeviceConfig pi1 = device(Pi1, QStringLiteral("pi-01"));
        pi1.osie = {QStringLiteral("vmlinuz"), QStringLiteral("initrd.img"), QStringLiteral("console=ttyAMA0 quiet")};
        DeviceConfig pi2 = device(Pi2, QStringLiteral("pi-02"));
        pi2.allowPxe = false;
        pi2.osie.kernel = QStringLiteral("vmlinuz");
        DeviceConfig pi3 = device(Pi3, QStringLiteral("pi-03"));
        pi3.ipxeScript = QStringLiteral("#!ipxe\necho my own script\nshell\n");
        DeviceConfig pi4 = device(Pi4, QStringLiteral("pi-04"));
        pi4.ipxeScriptUrl = QStringLiteral("http://10.9.9.9/menu.ipxe");
        DeviceConfig pi5 = device(Pi5, QStringLiteral("pi-05"));
        DeviceConfig pi6 = device(Pi6, QStringLiteral("pi-06"));
        pi6.osie = {QStringLiteral("kernels/missing"), {}, {}};
        m_config.devices = {pi1, pi2, pi3, pi4, pi5, pi6};
        m_config.services.http.address = QHostAddress(QHostAddress::LocalHost);
        m_config.services.http.port = 0;
        m_config.services.http.root = m_root;
        m_config.services.tftp.ipxeDir = m_tmp.filePath(QStringLiteral("ipxe"));

        m_journal = std::make_unique<DeviceJournal>();
        m_registry = std::make_unique<DeviceRegistry>(m_journal.get());
        m_boot = std::make_unique<BootControl>();
        QVERIFY(m_boot->open(m_tmp.filePath(QStringLiteral("boot-control.json"))));
        m_http = std::make_unique<HttpService>();
        m_routes = std::make_unique<BootHttpRoutes>(m_http.get(), m_registry.get(), m_journal.get(), m_boot.get());
        m_registry->applyConfig(m_config.devices);
        m_routes->applyConfig(m_config, QString());
        m_http->setConfig(m_config.services.http);
        QVERIFY(m_http->start());
        QVERIFY(m_http->port() > 0);
        QCOMPARE(m_routes->root(), QFileInfo(m_root).canonicalFilePath());
    }

    void cleanupTestCase()
    {
        m_http->stop();
        m_routes.reset();
        m_http.reset();
    }

    void scriptsPerDevice_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        const QString k = QStringLiteral("kernel http://127.0.0.1:%1/vmlinuz initrd=initrd.img console=ttyAMA0 quiet || goto failed");
        QTest::newRow("colon form") << "/boot/dc:a6:32:00:00:01.ipxe" << k;
        QTest::newRow("dash form") << "/boot/dc-a6-32-00-00-01.ipxe" << k;
        QTest::newRow("upper case") << "/boot/DC-A6-32-00-00-01.ipxe" << k;
        QTest::newRow("seed route") << "/v1/boot/dc:a6:32:00:00:01/boot.ipxe" << k;
        QTest::newRow("initrd line") << "/boot/dc:a6:32:00:00:01.ipxe"
                                     << QStringLiteral("initrd http://127.0.0.1:%1/initrd.img || goto failed");
        QTest::newRow("refused") << "/boot/dc:a6:32:00:00:02.ipxe" << QStringLiteral("allow_pxe is false");
        QTest::newRow("custom") << "/boot/dc:a6:32:00:00:03.ipxe" << QStringLiteral("echo my own script\nshell\n");
        QTest::newRow("chain") << "/boot/dc:a6:32:00:00:04.ipxe"
                               << QStringLiteral("chain --replace --autofree http://10.9.9.9/menu.ipxe || goto failed");
        QTest::newRow("local") << "/boot/dc:a6:32:00:00:05.ipxe" << QStringLiteral("exit 1");
    }
    void scriptsPerDevice()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        const CurlResult r = get(path, {QStringLiteral("-i")});
        QVERIFY(r.finished);
        QVERIFY2(r.out.startsWith("HTTP/1.1 200 OK\r\n"), r.out.constData());
        QVERIFY(r.out.contains("Content-Type: text/plain; charset=utf-8\r\n"));
        QVERIFY(r.out.contains("Cache-Control: no-store\r\n"));
        QVERIFY(r.out.contains("\r\n\r\n#!ipxe\n"));
        const QString exp = expected.contains(QLatin1String("%1")) ? expected.arg(m_http->port()) : expected;
        QVERIFY2(r.out.contains(exp.toUtf8()), r.out.constData());
    }

    void scriptIsJournaled()
    {
        const int before = httpEvents(Pi1).size();
        QCOMPARE(code(QStringLiteral("/boot/dc:a6:32:00:00:01.ipxe")), QByteArray("200"));
        QTRY_COMPARE(httpEvents(Pi1).size(), before + 1);
        const JournalEvent e = httpEvents(Pi1).last();
        QCOMPARE(e.kind, QString::fromLatin1(journalkind::HttpRequest));
        QCOMPARE(e.stage, BootStage::Ipxe);
        QCOMPARE(e.data.value(QStringLiteral("script")).toString(), QStringLiteral("netboot"));
        QCOMPARE(e.data.value(QStringLiteral("status")).toInt(), 200);
        QVERIFY(e.data.value(QStringLiteral("bytes")).toDouble() > 100);
        QCOMPARE(m_registry->find(Pi1)->stage, BootStage::Ipxe);
        // HEAD of a script: length, no body, journaled too.
        const CurlResult head = get(QStringLiteral("/boot/dc:a6:32:00:00:01.ipxe"), {QStringLiteral("-I")});
        QVERIFY(head.out.contains("Content-Length: "));
        QVERIFY(head.out.endsWith("\r\n\r\n"));
    }

    void discoveryRegistersUnknownDevice()
    {
        const MacAddress mac = *MacAddress::parse(QStringLiteral("52:54:00:aa:bb:cc"));
        QVERIFY(!m_registry->find(mac));
        const CurlResult r = get(QStringLiteral("/boot/52-54-00-aa-bb-cc.ipxe?platform=efi&buildarch=arm64&manufacturer=Raspberry%20Pi&serial=10000000abcd"),
                                 {QStringLiteral("-A"), QStringLiteral("iPXE/1.0.0+git-20190125")});
        QVERIFY(r.out.startsWith("#!ipxe\n"));
        QVERIFY(r.out.contains("is not part of the lab yet"));
        QVERIFY(r.out.contains(QStringLiteral("chain --replace --autofree %1/boot/52-54-00-aa-bb-cc.ipxe?").arg(base()).toUtf8()));
        const DeviceInfo *d = m_registry->find(mac);
        QVERIFY(d);
        QVERIFY(!d->adopted);
        QCOMPARE(d->ip, QHostAddress(QStringLiteral("127.0.0.1"))); // learned from iPXE fetching its script
        QList<JournalEvent> events = m_journal->events(mac);
        QVERIFY(events.size() >= 1);
        QCOMPARE(events.first().kind, QString::fromLatin1(journalkind::DeviceDiscovered));
        QTRY_VERIFY(!httpEvents(mac).isEmpty());
        const JournalEvent e = httpEvents(mac).last();
        QCOMPARE(e.data.value(QStringLiteral("script")).toString(), QStringLiteral("discovery"));
        const QJsonObject client = e.data.value(QStringLiteral("client")).toObject();
        QCOMPARE(client.value(QStringLiteral("platform")).toString(), QStringLiteral("efi"));
        QCOMPARE(client.value(QStringLiteral("manufacturer")).toString(), QStringLiteral("Raspberry Pi"));
        m_registry->remove(mac);
    }

    void overridesAreUsedAndConsumed()
    {
        const QString path = QStringLiteral("/boot/dc:a6:32:00:00:01.ipxe");
        m_boot->bootStarted(Pi1);
        m_boot->setOverride(Pi1, {BootOverride::Target::Hdd, BootOverride::Enabled::Once, QStringLiteral("UEFI"), {}});
        // HEAD does not boot: the Once override survives it.
        get(path, {QStringLiteral("-I")});
        QCOMPARE(m_boot->override(Pi1).enabled, BootOverride::Enabled::Once);
        CurlResult r = get(path);
        QVERIFY(r.out.contains("booting from the local disk"));
        QCOMPARE(m_boot->override(Pi1).enabled, BootOverride::Enabled::Disabled);
        QTRY_VERIFY(!httpEvents(Pi1).isEmpty());
        JournalEvent e = httpEvents(Pi1).last();
        QCOMPARE(e.data.value(QStringLiteral("override")).toString(), QStringLiteral("Hdd"));
        QVERIFY(e.data.value(QStringLiteral("override_consumed")).toBool());
        // Later steps of the same boot still see it; a new boot does not.
        r = get(path);
        QVERIFY(r.out.contains("booting from the local disk"));
        m_boot->bootStarted(Pi1);
        r = get(path);
        QVERIFY(r.out.contains("kernel http://"));

        // TFTP consumed a Once Pxe earlier in this boot; a Once Hdd set meanwhile is for the
        // next boot and must survive this script.
        m_boot->setOverride(Pi1, {BootOverride::Target::Pxe, BootOverride::Enabled::Once, QStringLiteral("UEFI"), {}});
        m_boot->consume(Pi1, QStringLiteral("tftp: RPI_EFI.fd"));
        m_boot->setOverride(Pi1, {BootOverride::Target::Hdd, BootOverride::Enabled::Once, QStringLiteral("UEFI"), {}});
        r = get(path);
        QVERIFY(r.out.contains("kernel http://"));
        QCOMPARE(m_boot->override(Pi1).target, BootOverride::Target::Hdd);
        QCOMPARE(m_boot->override(Pi1).enabled, BootOverride::Enabled::Once);
        m_boot->bootStarted(Pi1);
        r = get(path);
        QVERIFY(r.out.contains("booting from the local disk"));
        QCOMPARE(m_boot->override(Pi1).enabled, BootOverride::Enabled::Disabled);
        m_boot->bootStarted(Pi1);

        // Cd with media inserted: sanboot, a relative image resolves under our root.
        VirtualMedia cd;
        cd.image = QStringLiteral("images/live.iso");
        cd.inserted = true;
        m_boot->setMedia(Pi1, QStringLiteral("Cd"), cd);
        m_boot->setOverride(Pi1, {BootOverride::Target::Cd, BootOverride::Enabled::Continuous, QStringLiteral("UEFI"), {}});
        r = get(path);
        QVERIFY2(r.out.contains(QStringLiteral("sanboot --no-describe %1/images/live.iso").arg(base()).toUtf8()), r.out.constData());
        QCOMPARE(m_boot->override(Pi1).enabled, BootOverride::Enabled::Continuous);
        // UefiHttp chains its URI.
        m_boot->setOverride(Pi1, {BootOverride::Target::UefiHttp, BootOverride::Enabled::Once, QStringLiteral("UEFI"),
                                  QStringLiteral("http://10.1.1.1/grubaa64.efi")});
        r = get(path);
        QVERIFY(r.out.contains("chain --replace --autofree http://10.1.1.1/grubaa64.efi"));
        m_boot->bootStarted(Pi1);
        m_boot->setOverride(Pi1, BootOverride());
        m_boot->setMedia(Pi1, QStringLiteral("Cd"), VirtualMedia());
        // A refused device does not consume an override it cannot use.
        m_boot->setOverride(Pi2, {BootOverride::Target::Pxe, BootOverride::Enabled::Once, QStringLiteral("UEFI"), {}});
        r = get(QStringLiteral("/boot/dc:a6:32:00:00:02.ipxe"));
        QVERIFY(r.out.contains("allow_pxe is false"));
        QCOMPARE(m_boot->override(Pi2).enabled, BootOverride::Enabled::Once);
        QTRY_VERIFY(!httpEvents(Pi2).isEmpty());
        QCOMPARE(httpEvents(Pi2).last().data.value(QStringLiteral("script")).toString(), QStringLiteral("refused"));
        QCOMPARE(httpEvents(Pi2).last().severity, JournalEvent::Severity::Warning);
        m_boot->setOverride(Pi2, BootOverride());
    }

    void chainScript()
    {
        CurlResult r = get(QStringLiteral("/boot.ipxe"));
        QVERIFY(r.out.startsWith("#!ipxe\n"));
        QVERIFY(r.out.contains(QStringLiteral("chain --replace --autofree %1/boot/${net0/mac:hexhyp}.ipxe?").arg(base()).toUtf8()));
        // The lab's own boot.ipxe wins.
        writeFile(m_root + QStringLiteral("/boot.ipxe"), "#!ipxe\necho mine\n");
        r = get(QStringLiteral("/boot.ipxe"));
        QCOMPARE(r.out, QByteArray("#!ipxe\necho mine\n"));
        QFile::remove(m_root + QStringLiteral("/boot.ipxe"));
    }

    void staticFiles()
    {
        QFile k(m_root + QStringLiteral("/vmlinuz"));
        QVERIFY(k.open(QIODevice::ReadOnly));
        const QByteArray kernel = k.readAll();
        // HEAD first, as UEFI HTTP boot does.
        CurlResult r = get(QStringLiteral("/vmlinuz"), {QStringLiteral("-I")});
        QVERIFY(r.out.startsWith("HTTP/1.1 200 OK\r\n"));
        QVERIFY(r.out.contains("Content-Length: 3145728\r\n"));
        QVERIFY(r.out.contains("Accept-Ranges: bytes\r\n"));
        QVERIFY(r.out.contains("Content-Type: application/octet-stream\r\n"));
        const QByteArray etag = r.out.mid(r.out.indexOf("ETag: ") + 6).split('\r').first();
        const QByteArray lastModified = r.out.mid(r.out.indexOf("Last-Modified: ") + 15).split('\r').first();
        QVERIFY(etag.startsWith('"'));
        QVERIFY(lastModified.endsWith(" GMT"));
        // GET, byte-exact.
        r = get(QStringLiteral("/vmlinuz"));
        QCOMPARE(QCryptographicHash::hash(r.out, QCryptographicHash::Sha256),
                 QCryptographicHash::hash(kernel, QCryptographicHash::Sha256));
        // Range.
        r = get(QStringLiteral("/vmlinuz"), {QStringLiteral("-i"), QStringLiteral("-r"), QStringLiteral("1000-1999")});
        QVERIFY(r.out.startsWith("HTTP/1.1 206 Partial Content\r\n"));
        QVERIFY(r.out.contains("Content-Range: bytes 1000-1999/3145728\r\n"));
        QVERIFY(r.out.endsWith(kernel.mid(1000, 1000)));
        QCOMPARE(code(QStringLiteral("/vmlinuz"), {QStringLiteral("-r"), QStringLiteral("9999999-")}), QByteArray("416"));
        r = get(QStringLiteral("/vmlinuz"), {QStringLiteral("-i"), QStringLiteral("-r"), QStringLiteral("9999999-")});
        QVERIFY(r.out.contains("Content-Range: bytes */3145728\r\n"));
        // Multiple ranges: refused as a whole, the full file is sent.
        QCOMPARE(code(QStringLiteral("/vmlinuz"), {QStringLiteral("-r"), QStringLiteral("0-0,-1")}), QByteArray("200"));
        // Conditionals.
        QCOMPARE(code(QStringLiteral("/vmlinuz"), {QStringLiteral("-H"), QStringLiteral("If-None-Match: ") + QString::fromLatin1(etag)}),
                 QByteArray("304"));
        QCOMPARE(code(QStringLiteral("/vmlinuz"), {QStringLiteral("-H"), QStringLiteral("If-Modified-Since: ") + QString::fromLatin1(lastModified)}),
                 QByteArray("304"));
        QCOMPARE(code(QStringLiteral("/vmlinuz"), {QStringLiteral("-H"), QStringLiteral("If-Modified-Since: Thu, 01 Jan 1970 00:00:01 GMT")}),
                 QByteArray("200"));
        QCOMPARE(code(QStringLiteral("/vmlinuz"), {QStringLiteral("-H"), QStringLiteral("If-Match: \"nope\"")}), QByteArray("412"));
        QCOMPARE(code(QStringLiteral("/vmlinuz"), {QStringLiteral("-r"), QStringLiteral("0-9"), QStringLiteral("-H"),
                                                   QStringLiteral("If-Range: ") + QString::fromLatin1(etag)}),
                 QByteArray("206"));
        QCOMPARE(code(QStringLiteral("/vmlinuz"), {QStringLiteral("-r"), QStringLiteral("0-9"), QStringLiteral("-H"),
                                                   QStringLiteral("If-Range: \"stale\"")}),
                 QByteArray("200"));
        // Content types; a file below /boot/ is not taken for a MAC script.
        r = get(QStringLiteral("/images/live.iso"), {QStringLiteral("-I")});
        QVERIFY(r.out.contains("Content-Type: application/x-iso9660-image\r\n"));
        r = get(QStringLiteral("/boot/readme.txt"));
        QCOMPARE(r.out, QByteArray("a file below /boot/\n"));
        QCOMPARE(code(QStringLiteral("/boot/nothing.ipxe")), QByteArray("404"));
        QCOMPARE(code(QStringLiteral("/vmlinuz"), {QStringLiteral("-X"), QStringLiteral("POST")}), QByteArray("405"));
    }

    // Over the wire, in every encoding curl can send as-is: nothing outside the root is read.
    void traversalCorpus_data()
    {
        QTest::addColumn<QString>("path");
        const QStringList corpus = {
            QStringLiteral("/../secret.txt"),
            QStringLiteral("/../../../../etc/passwd"),
            QStringLiteral("/images/../../secret.txt"),
            QStringLiteral("/%2e%2e/secret.txt"),
            QStringLiteral("/%2E%2E/secret.txt"),
            QStringLiteral("/%2e%2e%2fsecret.txt"),
            QStringLiteral("/..%2fsecret.txt"),
            QStringLiteral("/..%2Fsecret.txt"),
            QStringLiteral("/.%2e/secret.txt"),
            QStringLiteral("/%2e./secret.txt"),
            QStringLiteral("/images/%2e%2e/%2e%2e/secret.txt"),
            QStringLiteral("/..%5csecret.txt"),
            QStringLiteral("/..%5Csecret.txt"),
            QStringLiteral("/images%5c..%5c..%5csecret.txt"),
            QStringLiteral("/vmlinuz%00.txt"),
            QStringLiteral("/%00/../secret.txt"),
            QStringLiteral("/secret.txt%00"),
            QStringLiteral("/%0a/secret.txt"),
            QStringLiteral("/%0d%0aX-Injected:%20yes"),
            QStringLiteral("/escape"),
            QStringLiteral("/up/secret.txt"),
            QStringLiteral("/up/root/../secret.txt"),
            QStringLiteral("/up/elsewhere/ipxe.efi"),
            QStringLiteral("/.htpasswd"),
            QStringLiteral("/%2ehtpasswd"),
            QStringLiteral("/images/./../../secret.txt"),
            QStringLiteral("//etc/passwd"),
            QStringLiteral("/./secret.txt"),
            QStringLiteral("/%252e%252e/secret.txt"),
            QStringLiteral("/%c0%ae%c0%ae/secret.txt"),
            QStringLiteral("/%e0%80%ae%e0%80%ae/secret.txt"),
            QStringLiteral("/boot/..%2f..%2fsecret.txt"),
            QStringLiteral("/v1/boot/..%2f..%2f..%2fsecret.txt/boot.ipxe"),
            QStringLiteral("/ipxe/..%2f..%2fsecret.txt"),
            QStringLiteral("/ipxe/%2e%2e/elsewhere/ipxe.efi"),
            QStringLiteral("/dc-a6-32-00-00-01/..%2f..%2fsecret.txt"),
            QStringLiteral("/") + QString(1500, QLatin1Char('a')),
            QStringLiteral("/images/") + QString(300, QLatin1Char('b')),
        };
        for (const QString &p : corpus)
            QTest::newRow(qPrintable(p.left(60))) << p;
    }
    void traversalCorpus()
    {
        QFETCH(QString, path);
        const CurlResult r = curl({QStringLiteral("--path-as-is"), QStringLiteral("-i"), base() + path});
        QVERIFY(r.finished);
        const int status = statusOf(r.out);
        QVERIFY2(status == 400 || status == 403 || status == 404 || status == 414,
                 qPrintable(QStringLiteral("%1 -> %2").arg(path.left(80)).arg(status)));
        QVERIFY(!r.out.contains("SECRET"));
        QVERIFY(!r.out.contains("root:"));
        QVERIFY(!r.out.contains("\r\nX-Injected")); // no header injection through an echoed path
    }

    void ipxeBinaries()
    {
        CurlResult r = get(QStringLiteral("/ipxe.efi"));
        QCOMPARE(r.out, QByteArray("MZ-fake-ipxe-efi")); // through the distribution-style symlink
        r = get(QStringLiteral("/ipxe/snponly.efi"));
        QCOMPARE(r.out, QByteArray("MZ-fake-snponly"));
        r = get(QStringLiteral("/ipxe.efi"), {QStringLiteral("-I"), QStringLiteral("-A"), QStringLiteral("UefiHttpBoot/1.0")});
        QVERIFY(r.out.contains("Content-Length: 16\r\n"));
        QCOMPARE(code(QStringLiteral("/ipxe/qemu")), QByteArray("404"));
        QCOMPARE(code(QStringLiteral("/other/ipxe.efi")), QByteArray("404"));
        // smee-style /<mac>/<binary>: journaled for that device, stage UEFI.
        const int before = httpEvents(Pi3).size();
        r = get(QStringLiteral("/dc-a6-32-00-00-03/ipxe.efi"));
        QCOMPARE(r.out, QByteArray("MZ-fake-ipxe-efi"));
        QTRY_COMPARE(httpEvents(Pi3).size(), before + 1);
        QCOMPARE(httpEvents(Pi3).last().stage, BootStage::Uefi);
    }

    void journalMapsClientIpToDevice()
    {
        // DHCP recorded the address; the kernel download is attributed to the device.
        m_registry->setIp(Pi1, QHostAddress(QStringLiteral("127.0.0.1")));
        const int before = httpEvents(Pi1).size();
        QCOMPARE(code(QStringLiteral("/vmlinuz")), QByteArray("200"));
        QTRY_COMPARE(httpEvents(Pi1).size(), before + 1);
        JournalEvent e = httpEvents(Pi1).last();
        QCOMPARE(e.kind, QString::fromLatin1(journalkind::HttpRequest));
        QCOMPARE(e.stage, BootStage::OsLoading);
        QCOMPARE(qint64(e.data.value(QStringLiteral("bytes")).toDouble()), qint64(3 << 20));
        QVERIFY(e.data.value(QStringLiteral("complete")).toBool());
        QCOMPARE(m_registry->find(Pi1)->stage, BootStage::OsLoading);
        QCOMPARE(m_registry->find(Pi1)->stageDetail, QStringLiteral("/vmlinuz"));
        // A missing configured kernel fails the boot.
        m_registry->setIp(Pi6, QHostAddress(QStringLiteral("127.0.0.1")));
        QCOMPARE(code(QStringLiteral("/kernels/missing")), QByteArray("404"));
        QTRY_VERIFY(!httpEvents(Pi6).isEmpty());
        e = httpEvents(Pi6).last();
        QCOMPARE(e.kind, QString::fromLatin1(journalkind::HttpFailed));
        QCOMPARE(e.stage, BootStage::Error);
        QCOMPARE(e.severity, JournalEvent::Severity::Warning);
        // Unknown clients still reach the overall journal.
        m_registry->setIp(Pi6, QHostAddress(QStringLiteral("10.255.0.1")));
        const quint64 seq = m_journal->lastSeq();
        QCOMPARE(code(QStringLiteral("/initrd.img")), QByteArray("200"));
        QTRY_VERIFY(m_journal->lastSeq() > seq);
        QVERIFY(!m_journal->recent(1).first().mac.isValid());
    }

    void rangeRunsAreSummarised()
    {
        m_registry->setIp(Pi1, QHostAddress(QStringLiteral("127.0.0.1")));
        const int before = httpEvents(Pi1).size();
        QStringList args{QStringLiteral("-r"), QStringLiteral("0-4095")};
        for (int i = 0; i < 30; ++i)
            args << QStringLiteral("-o") << QStringLiteral("/dev/null") << base() + QStringLiteral("/images/live.iso");
        QVERIFY(curl(args).finished);
        QTRY_COMPARE_WITH_TIMEOUT(httpEvents(Pi1).size(), before + 2, 6000);
        const QList<JournalEvent> events = httpEvents(Pi1);
        QCOMPARE(events.at(before).data.value(QStringLiteral("status")).toInt(), 206);
        QCOMPARE(events.at(before + 1).data.value(QStringLiteral("ranges")).toInt(), 29);
        QCOMPARE(qint64(events.at(before + 1).data.value(QStringLiteral("bytes")).toDouble()), qint64(29 * 4096));
    }

    // The engine wires the routes and applies lab.yaml to them.
    void labEngineWiring()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        const QByteArray yaml = "version: 1\nname: t\nservices:\n"
                                "  dhcp: {enabled: false}\n  tftp: {enabled: false}\n  redfish: {enabled: false}\n"
                                "  consoles: {enabled: false}\n"
                                "  http: {enabled: true, address: 127.0.0.1, port: " + QByteArray::number(port) + ", zero_copy: false}\n"
                                "devices:\n  \"dc:a6:32:00:00:09\": {name: pi-09, osie: {kernel: Image, cmdline: \"root=/dev/nfs\"}}\n";
        AppPaths paths = AppPaths::under(dir.path());
        QDir().mkpath(paths.configDir);
        QFile f(paths.labFile());
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(yaml);
        f.close();
        LabEngine::Options options;
        options.paths = paths;
        options.watchConfig = false;
        LabEngine engine(options);
        QString error;
        QVERIFY2(engine.start(&error), qPrintable(error));
        QTRY_VERIFY(engine.http()->isRunning());
        QVERIFY(!engine.http()->server()->limits().zeroCopy); // services.http.zero_copy reaches the server
        const CurlResult r = curl({QStringLiteral("http://127.0.0.1:%1/boot/dc:a6:32:00:00:09.ipxe").arg(port)});
        QVERIFY2(r.out.contains(QStringLiteral("kernel http://127.0.0.1:%1/Image root=/dev/nfs").arg(port).toUtf8()), r.out.constData());
        // The default root <data>/http was created and serves files.
        QVERIFY(QFileInfo(paths.dataDir + QStringLiteral("/http")).isDir());
        writeFile(paths.dataDir + QStringLiteral("/http/Image"), "kernel-bytes");
        QCOMPARE(curl({QStringLiteral("http://127.0.0.1:%1/Image").arg(port)}).out, QByteArray("kernel-bytes"));
        engine.stop();
    }

    // public_url goes into boot scripts: refused with its location if it could break them.
    void publicUrlIsValidated()
    {
        const QByteArray others = "  dhcp: {enabled: false}\n  tftp: {enabled: false}\n  redfish: {enabled: false}\n"
                                  "  consoles: {enabled: false}\n";
        const auto bad = LabConfigLoader::loadText("version: 1\nservices:\n" + others + "  http:\n    public_url: \"http://a b/\"\n",
                                                   QStringLiteral("lab.yaml"));
        QVERIFY(!bad.ok());
        QVERIFY2(bad.errorText().contains(QLatin1String("lab.yaml:8:")) && bad.errorText().contains(QLatin1String("public_url")),
                 qPrintable(bad.errorText()));
        const auto good = LabConfigLoader::loadText("version: 1\nservices:\n" + others + "  http:\n    public_url: http://10.0.2.100\n    zero_copy: false\n",
                                                    QStringLiteral("lab.yaml"));
        QVERIFY2(good.ok(), qPrintable(good.errorText()));
        QVERIFY(!good.config.services.http.zeroCopy);
        // ... and written back.
        QVERIFY(LabConfigWriter::toYaml(good.config).contains("zero_copy: false"));
    }
};

QTEST_GUILESS_MAIN(TestBootHttpRoutes)
#include "tst_boothttproutes.moc"
