#include "provision/talosfactory.h"
#include "provision/xzdecoder.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

#include <lzma.h>

// The image factory mapping (request parsing, schematic document, URLs) and the streaming .xz
// decoder that verifies downloads. Pure.
class TestTalosFactory : public QObject
{
    Q_OBJECT

    static QByteArray xz(const QByteArray &raw)
    {
        QByteArray out(int(lzma_stream_buffer_bound(size_t(raw.size()))), '\0');
        size_t pos = 0;
        const lzma_ret r = lzma_easy_buffer_encode(1, LZMA_CHECK_CRC64, nullptr, reinterpret_cast<const uint8_t *>(raw.constData()),
                                                   size_t(raw.size()), reinterpret_cast<uint8_t *>(out.data()), &pos, size_t(out.size()));
        if (r != LZMA_OK)
            qFatal("xz encode failed");
        out.truncate(int(pos));
        return out;
    }
    static QByteArray image(int size, quint32 seed)
    {
        QByteArray b(size, '\0');
        QRandomGenerator rng(seed);
        for (int i = 0; i < size / 2; ++i)
            b[i] = char(rng.bounded(256));    // half noise, half zeros: like a disk image
        return b;
    }
    static bool decode(const QByteArray &input, int chunk, QByteArray *out, QString *error)
    {
        XzDecoder d;
        const auto sink = [out](const char *data, qsizetype n) {
            out->append(data, n);
            return true;
        };
        for (int i = 0; i < input.size(); i += chunk)
            if (!d.feed(input.mid(i, chunk), sink, error))
                return false;
        return d.finish(sink, error);
    }

private Q_SLOTS:
    void requests_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("arch");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("error");        // empty = valid
        QTest::addColumn<QString>("canonical");
        const auto row = [](const char *name, const char *v, const char *a, const char *f, const char *q, const char *e, const char *c) {
            QTest::newRow(name) << QString::fromLatin1(v) << QString::fromLatin1(a) << QString::fromLatin1(f) << QString::fromLatin1(q)
                                << QString::fromLatin1(e) << QString::fromLatin1(c);
        };
        row("plain", "v1.7.6", "amd64", "openstack.raw", "", "", "ext=;overlay=;image=");
        row("checksum", "v1.7.6", "arm64", "openstack.raw.sha256", "", "", "ext=;overlay=;image=");
        row("extensions sorted and unique", "v1.7.6", "arm64", "openstack.raw",
            "extensions=siderolabs/util-linux-tools,siderolabs/iscsi-tools&extensions=siderolabs/iscsi-tools", "",
            "ext=siderolabs/iscsi-tools,siderolabs/util-linux-tools;overlay=;image=");
        row("pi overlay", "v1.8.0-beta.1", "arm64", "openstack.raw", "overlay=rpi_generic", "",
            "ext=;overlay=rpi_generic;image=siderolabs/sbc-raspberrypi");
        row("explicit overlay image", "v1.7.6", "arm64", "openstack.raw", "overlay=jetson&overlay_image=siderolabs/sbc-jetson:v0.1.0", "",
            "ext=;overlay=jetson;image=siderolabs/sbc-jetson:v0.1.0");
        row("bad version", "1.7.6", "amd64", "openstack.raw", "", "not a Talos version", "");
        row("version traversal", "v1.7.6/../..", "amd64", "openstack.raw", "", "not a Talos version", "");
        row("bad arch", "v1.7.6", "riscv64", "openstack.raw", "", "amd64 or arm64", "");
        row("other file", "v1.7.6", "amd64", "metal.iso", "", "only openstack.raw", "");
        row("bad extension", "v1.7.6", "amd64", "openstack.raw", "extensions=../../etc", "not an extension name", "");
        row("unknown overlay", "v1.7.6", "arm64", "openstack.raw", "overlay=turing_rk1", "needs overlay_image", "");
        row("image without name", "v1.7.6", "arm64", "openstack.raw", "overlay_image=siderolabs/x", "needs overlay=", "");
        row("bad overlay", "v1.7.6", "arm64", "openstack.raw", "overlay=RPI%20GENERIC", "not an overlay name", "");
        row("unknown key", "v1.7.6", "arm64", "openstack.raw", "platform=metal", "unknown query parameter 'platform'", "");
    }
    void requests()
    {
        QFETCH(QString, version);
        QFETCH(QString, arch);
        QFETCH(QString, file);
        QFETCH(QString, query);
        QFETCH(QString, error);
        QFETCH(QString, canonical);
        const auto r = talos::parseRequest(version, arch, file, QUrlQuery(query));
        if (!error.isEmpty()) {
            QVERIFY(!r.ok());
            QVERIFY2(r.error().contains(error), qPrintable(r.error()));
            return;
        }
        QVERIFY2(r.ok(), qPrintable(r.error()));
        QCOMPARE(r->canonicalSchematic(), canonical);
        QCOMPARE(r->checksum, file.endsWith(QLatin1String(".sha256")));
    }

    void tooManyExtensions()
    {
        QStringList many;
        for (int i = 0; i < 33; ++i)
            many << QStringLiteral("siderolabs/ext%1").arg(i);
        const auto r = talos::parseRequest(QStringLiteral("v1.7.6"), QStringLiteral("amd64"), QStringLiteral("openstack.raw"),
                                           QUrlQuery(QStringLiteral("extensions=") + many.join(QLatin1Char(','))));
        QVERIFY(!r.ok());
    }

    void schematicDocument()
    {
        auto r = talos::parseRequest(QStringLiteral("v1.7.6"), QStringLiteral("arm64"), QStringLiteral("openstack.raw"),
                                     QUrlQuery(QStringLiteral("extensions=siderolabs/iscsi-tools,siderolabs/gvisor&overlay=rpi_generic")));
        QVERIFY(r.ok());
        QCOMPARE(talos::schematicYaml(*r), QByteArray("customization:\n  systemExtensions:\n    officialExtensions:\n"
                                                      "      - siderolabs/gvisor\n      - siderolabs/iscsi-tools\n"
                                                      "overlay:\n  image: siderolabs/sbc-raspberrypi\n  name: rpi_generic\n"));
        r = talos::parseRequest(QStringLiteral("v1.7.6"), QStringLiteral("amd64"), QStringLiteral("openstack.raw"), QUrlQuery());
        QCOMPARE(talos::schematicYaml(*r), QByteArray("customization: {}\n"));
        const QString id = QStringLiteral("376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba");
        QCOMPARE(talos::imagePath(id, *r, true), QStringLiteral("/image/%1/v1.7.6/openstack-amd64.raw.xz").arg(id));
        QCOMPARE(talos::imagePath(id, *r, false), QStringLiteral("/image/%1/v1.7.6/openstack-amd64.raw").arg(id));
    }

    void schematicResponses_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::newRow("factory") << QByteArray(R"({"id":"376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba"})") << true;
        QTest::newRow("upper case") << QByteArray(R"({"id":"376567988AD370138AD8B2698212367B8EDCB69B5FD68C80BE1F2EC7D603B4BA"})") << false;
        QTest::newRow("short") << QByteArray(R"({"id":"3765"})") << false;
        QTest::newRow("path") << QByteArray(R"({"id":"../../../../etc/passwd"})") << false;
        QTest::newRow("no id") << QByteArray(R"({"error":"bad schematic"})") << false;
        QTest::newRow("html") << QByteArray("<html>502 Bad Gateway</html>") << false;
    }
    void schematicResponses()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QCOMPARE(talos::parseSchematicResponse(body).ok(), ok);
    }

    void xzRoundTrip_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("chunk");
        QTest::newRow("small, byte by byte") << 3000 << 1;
        QTest::newRow("1 MiB, odd chunks") << (1 << 20) << 4093;
        QTest::newRow("1 MiB, one piece") << (1 << 20) << (1 << 22);
    }
    void xzRoundTrip()
    {
        QFETCH(int, size);
        QFETCH(int, chunk);
        const QByteArray raw = image(size, 7);
        QByteArray out;
        QString error;
        QVERIFY2(decode(xz(raw), chunk, &out, &error), qPrintable(error));
        QCOMPARE(out.size(), raw.size());
        QVERIFY(out == raw);
    }

    void xzConcatenatedStreams()
    {
        const QByteArray a = image(5000, 1), b = image(7000, 2);
        QByteArray out;
        QString error;
        QVERIFY2(decode(xz(a) + xz(b), 1000, &out, &error), qPrintable(error));
        QVERIFY(out == a + b);
    }

    void xzDetectsDamage_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("error");
        QTest::newRow("truncated") << QStringLiteral("truncate") << QStringLiteral("truncated");
        QTest::newRow("flipped byte in data") << QStringLiteral("flip") << QStringLiteral("corrupt");
        QTest::newRow("not xz") << QStringLiteral("gzip") << QStringLiteral("not an .xz stream");
        QTest::newRow("trailing garbage") << QStringLiteral("trail") << QStringLiteral("xz");
    }
    void xzDetectsDamage()
    {
        QFETCH(QString, damage);
        QFETCH(QString, error);
        QByteArray data = xz(image(200000, 3));
        if (damage == QLatin1String("truncate"))
            data.truncate(data.size() - 100);
        else if (damage == QLatin1String("flip"))
            data[data.size() / 2] = char(data.at(data.size() / 2) ^ 0x40);
        else if (damage == QLatin1String("gzip"))
            data = QByteArray("\x1f\x8b\x08\x00", 4) + data;
        else
            data += "garbage!";
        QByteArray out;
        QString why;
        QVERIFY(!decode(data, 8192, &out, &why));
        QVERIFY2(why.contains(error), qPrintable(why));
    }

    void fuzzDecoder()
    {
        const QByteArray base = xz(image(20000, 9));
        QRandomGenerator rng(1234);
        for (int i = 0; i < 500; ++i) {
            QByteArray m = base;
            for (int e = 0; e < 3; ++e)
                m[int(rng.bounded(m.size()))] = char(rng.bounded(256));
            QByteArray out;
            QString why;
            decode(m, 1 + int(rng.bounded(5000)), &out, &why);   // any outcome, no crash
            QVERIFY(out.size() <= 20000 + 65536);
        }
    }
};

QTEST_GUILESS_MAIN(TestTalosFactory)
#include "tst_talosfactory.moc"
