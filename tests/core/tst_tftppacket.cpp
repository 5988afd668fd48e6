#include "tftp/netascii.h"
#include "tftp/tftppacket.h"

#include <QTest>

using namespace tftp;

namespace {

QByteArray bytes(std::initializer_list<int> list)
{
    QByteArray out;
    for (int b : list)
        out.append(char(b));
    return out;
}

QByteArray rrq(const QByteArray &rest)
{
    return QByteArray("\x00\x01", 2) + rest;
}

} // namespace

class TestTftpPacket : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseRequest_data()
    {
        QTest::addColumn<QByteArray>("datagram");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("opcode");
        QTest::addColumn<QByteArray>("filename");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QByteArray>("options");   // "name=value;..." after lower-casing

        const int octet = int(Mode::Octet), netascii = int(Mode::Netascii);
        QTest::newRow("rrq octet") << rrq(QByteArray("start4.elf\0octet\0", 17)) << true << 1 << QByteArray("start4.elf") << octet << QByteArray();
        QTest::newRow("wrq netascii") << QByteArray("\x00\x02" "a.txt\0netascii\0", 17) << true << 2 << QByteArray("a.txt") << netascii << QByteArray();
        QTest::newRow("mode case") << rrq(QByteArray("f\0OcTeT\0", 8)) << true << 1 << QByteArray("f") << octet << QByteArray();
        QTest::newRow("pi options") << rrq(QByteArray("9ffefdef/start4.elf\0octet\0tsize\0" "0\0blksize\0" "1024\0", 47))
                                    << true << 1 << QByteArray("9ffefdef/start4.elf") << octet << QByteArray("tsize=0;blksize=1024");
        QTest::newRow("option case") << rrq(QByteArray("f\0octet\0BLKSIZE\0" "1468\0WindowSize\0" "16\0", 35))
                                     << true << 1 << QByteArray("f") << octet << QByteArray("blksize=1468;windowsize=16");
        QTest::newRow("duplicate option keeps first") << rrq(QByteArray("f\0octet\0blksize\0" "512\0blksize\0" "1024\0", 33))
                                                      << true << 1 << QByteArray("f") << octet << QByteArray("blksize=512");
        QTest::newRow("zero padding after options") << rrq(QByteArray("f\0octet\0tsize\0" "0\0\0\0\0", 20))
                                                    << true << 1 << QByteArray("f") << octet << QByteArray("tsize=0");
        QTest::newRow("empty option value") << rrq(QByteArray("f\0octet\0x\0\0", 12)) << true << 1 << QByteArray("f") << octet << QByteArray("x=");
        QTest::newRow("unknown option kept") << rrq(QByteArray("f\0octet\0utimeout\0" "500\0", 21)) << true << 1 << QByteArray("f") << octet << QByteArray("utimeout=500");
        QTest::newRow("empty") << QByteArray() << false << 0 << QByteArray() << 0 << QByteArray();
        QTest::newRow("one byte") << QByteArray("\x00", 1) << false << 0 << QByteArray() << 0 << QByteArray();
        QTest::newRow("opcode only") << QByteArray("\x00\x01", 2) << false << 0 << QByteArray() << 0 << QByteArray();
        QTest::newRow("no terminator") << rrq("file") << false << 0 << QByteArray() << 0 << QByteArray();
        QTest::newRow("no mode") << rrq(QByteArray("file\0", 5)) << false << 0 << QByteArray() << 0 << QByteArray();
        QTest::newRow("mode unterminated") << rrq(QByteArray("file\0octet", 10)) << false << 0 << QByteArray() << 0 << QByteArray();
        QTest::newRow("empty filename") << rrq(QByteArray("\0octet\0", 7)) << false << 0 << QByteArray() << 0 << QByteArray();
        QTest::newRow("bad mode") << rrq(QByteArray("f\0binary\0", 9)) << false << 0 << QByteArray() << 0 << QByteArray();
        QTest::newRow("option without value") << rrq(QByteArray("f\0octet\0blksize\0", 16)) << false << 0 << QByteArray() << 0 << QByteArray();
        QTest::newRow("option unterminated") << rrq(QByteArray("f\0octet\0blksize\0" "1024", 20)) << false << 0 << QByteArray() << 0 << QByteArray();
        QTest::newRow("empty option name") << rrq(QByteArray("f\0octet\0\0" "5\0", 11)) << false << 0 << QByteArray() << 0 << QByteArray();
        QTest::newRow("unknown opcode") << bytes({0, 9, 0, 0}) << false << 0 << QByteArray() << 0 << QByteArray();
        QTest::newRow("opcode 0") << bytes({0, 0, 0, 0}) << false << 0 << QByteArray() << 0 << QByteArray();
        QTest::newRow("opcode 256+1") << bytes({1, 1, 'f', 0, 'o', 'c', 't', 'e', 't', 0}) << false << 0 << QByteArray() << 0 << QByteArray();
    }
    void parseRequest()
    {
        QFETCH(QByteArray, datagram);
        QFETCH(bool, ok);
        const ParseResult r = parse(datagram);
        QCOMPARE(r.ok, ok);
        if (!ok) {
            QVERIFY(!r.error.isEmpty());
            return;
        }
        QFETCH(int, opcode);
        QFETCH(QByteArray, filename);
        QFETCH(int, mode);
        QFETCH(QByteArray, options);
        QCOMPARE(int(r.packet.opcode), opcode);
        QCOMPARE(r.packet.filename, filename);
        QCOMPARE(int(r.packet.mode), mode);
        QByteArrayList opts;
        for (const Option &o : r.packet.options)
            opts.append(o.name + '=' + o.value);
        QCOMPARE(opts.join(';'), options);
    }

    void parseOther_data()
    {
        QTest::addColumn<QByteArray>("datagram");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("opcode");
        QTest::addColumn<int>("block");
        QTest::addColumn<int>("dataSize");
        QTest::addColumn<int>("errorCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("ack") << bytes({0, 4, 0, 7}) << true << 4 << 7 << 0 << 0 << QString();
        QTest::newRow("ack 65535") << bytes({0, 4, 0xff, 0xff}) << true << 4 << 65535 << 0 << 0 << QString();
        QTest::newRow("ack zero padded (Pi 5)") << bytes({0, 4, 0, 3, 0, 0, 0, 0, 0, 0}) << true << 4 << 3 << 0 << 0 << QString();
        QTest::newRow("ack short") << bytes({0, 4, 0}) << false << 0 << 0 << 0 << 0 << QString();
        QTest::newRow("data") << bytes({0, 3, 1, 0, 'a', 'b', 'c'}) << true << 3 << 256 << 3 << 0 << QString();
        QTest::newRow("data empty") << bytes({0, 3, 0, 2}) << true << 3 << 2 << 0 << 0 << QString();
        QTest::newRow("data short") << bytes({0, 3, 0}) << false << 0 << 0 << 0 << 0 << QString();
        QTest::newRow("error early terminate") << QByteArray("\x00\x05\x00\x00" "Early terminate\0", 20) << true << 5 << 0 << 0 << 0 << QStringLiteral("Early terminate");
        QTest::newRow("error 8") << QByteArray("\x00\x05\x00\x08" "User aborted the transfer\0", 30) << true << 5 << 0 << 0 << 8 << QStringLiteral("User aborted the transfer");
        QTest::newRow("error unterminated") << QByteArray("\x00\x05\x00\x01" "gone", 8) << true << 5 << 0 << 0 << 1 << QStringLiteral("gone");
        QTest::newRow("error control chars") << QByteArray("\x00\x05\x00\x00" "a\x1b[2Jb\n\0", 11) << true << 5 << 0 << 0 << 0 << QStringLiteral("a?[2Jb?");
        QTest::newRow("error high bytes") << QByteArray("\x00\x05\x00\x00\xc3\xa9\0", 7) << true << 5 << 0 << 0 << 0 << QStringLiteral("??");
        QTest::newRow("error short") << bytes({0, 5, 0}) << false << 0 << 0 << 0 << 0 << QString();
        QTest::newRow("oack") << QByteArray("\x00\x06" "blksize\0" "1468\0", 15) << true << 6 << 0 << 0 << 0 << QString();
        QTest::newRow("oack unterminated") << QByteArray("\x00\x06" "blksize\0" "1468", 14) << false << 0 << 0 << 0 << 0 << QString();
    }
    void parseOther()
    {
        QFETCH(QByteArray, datagram);
        QFETCH(bool, ok);
        const ParseResult r = parse(datagram);
        QCOMPARE(r.ok, ok);
        if (!ok)
            return;
        QFETCH(int, opcode);
        QFETCH(int, block);
        QFETCH(int, dataSize);
        QFETCH(int, errorCode);
        QFETCH(QString, message);
        QCOMPARE(int(r.packet.opcode), opcode);
        QCOMPARE(int(r.packet.block), block);
        QCOMPARE(int(r.packet.data.size()), dataSize);
        QCOMPARE(int(r.packet.errorCode), errorCode);
        QCOMPARE(r.packet.errorMessage, message);
    }

    void buildRoundTrip()
    {
        const Options opts{{"tsize", "0"}, {"blksize", "1024"}};
        const ParseResult req = parse(buildRequest(Opcode::Rrq, "9ffefdef/start4.elf", Mode::Octet, opts));
        QVERIFY(req.ok);
        QCOMPARE(req.packet.filename, QByteArray("9ffefdef/start4.elf"));
        QCOMPARE(req.packet.options, opts);
        QCOMPARE(buildAck(0x1234), bytes({0, 4, 0x12, 0x34}));
        QCOMPARE(buildData(65535, "xy"), bytes({0, 3, 0xff, 0xff, 'x', 'y'}));
        QCOMPARE(buildData(1, {}), bytes({0, 3, 0, 1}));
        QCOMPARE(buildOack({{"blksize", "1468"}, {"tsize", "42"}}), QByteArray("\x00\x06" "blksize\0" "1468\0tsize\0" "42\0", 24));
        const QByteArray err = buildError(ErrorCode::FileNotFound, QStringLiteral("File not found"));
        QCOMPARE(err, QByteArray("\x00\x05\x00\x01" "File not found\0", 19));
        const ParseResult e = parse(buildError(ErrorCode::AccessViolation, QStringLiteral("bad\nname \u00e9")));
        QVERIFY(e.ok);
        QCOMPARE(e.packet.errorMessage, QStringLiteral("bad?name ?"));
        QCOMPARE(peekOpcode(bytes({0, 6})), quint16(6));
        QCOMPARE(peekOpcode(bytes({0})), quint16(0));
    }

    void negotiation_data()
    {
        QTest::addColumn<QByteArray>("request");   // name=value;...
        QTest::addColumn<bool>("write");
        QTest::addColumn<qint64>("fileSize");
        QTest::addColumn<int>("mtuBlock");
        QTest::addColumn<int>("blockSize");
        QTest::addColumn<int>("windowSize");
        QTest::addColumn<int>("timeout");
        QTest::addColumn<QByteArray>("oack");
        QTest::newRow("none") << QByteArray() << false << qint64(10) << 1468 << 512 << 1 << 0 << QByteArray();
        QTest::newRow("pi") << QByteArray("tsize=0;blksize=1024") << false << qint64(2228224) << 1468 << 1024 << 1 << 0 << QByteArray("tsize=2228224;blksize=1024");
        QTest::newRow("blksize above config cap") << QByteArray("blksize=8192") << false << qint64(1) << 65504 << 1468 << 1 << 0 << QByteArray("blksize=1468");
        QTest::newRow("blksize above mtu") << QByteArray("blksize=1468") << false << qint64(1) << 1400 - 32 << 1368 << 1 << 0 << QByteArray("blksize=1368");
        QTest::newRow("blksize minimum") << QByteArray("blksize=8") << false << qint64(1) << 1468 << 8 << 1 << 0 << QByteArray("blksize=8");
        QTest::newRow("blksize below minimum ignored") << QByteArray("blksize=7") << false << qint64(1) << 1468 << 512 << 1 << 0 << QByteArray();
        QTest::newRow("blksize above rfc max") << QByteArray("blksize=99999") << false << qint64(1) << 1468 << 1468 << 1 << 0 << QByteArray("blksize=1468");
        QTest::newRow("blksize garbage ignored") << QByteArray("blksize=12a") << false << qint64(1) << 1468 << 512 << 1 << 0 << QByteArray();
        QTest::newRow("blksize negative ignored") << QByteArray("blksize=-1") << false << qint64(1) << 1468 << 512 << 1 << 0 << QByteArray();
        QTest::newRow("tsize unknown size omitted") << QByteArray("tsize=0") << false << qint64(-1) << 1468 << 512 << 1 << 0 << QByteArray();
        QTest::newRow("tsize empty file omitted") << QByteArray("tsize=0") << false << qint64(0) << 1468 << 512 << 1 << 0 << QByteArray();
        QTest::newRow("tsize write echoes") << QByteArray("tsize=12345") << true << qint64(-1) << 1468 << 512 << 1 << 0 << QByteArray("tsize=12345");
        QTest::newRow("timeout") << QByteArray("timeout=6") << false << qint64(1) << 1468 << 512 << 1 << 6 << QByteArray("timeout=6");
        QTest::newRow("timeout 0 ignored") << QByteArray("timeout=0") << false << qint64(1) << 1468 << 512 << 1 << 0 << QByteArray();
        QTest::newRow("timeout 256 ignored") << QByteArray("timeout=256") << false << qint64(1) << 1468 << 512 << 1 << 0 << QByteArray();
        QTest::newRow("windowsize") << QByteArray("blksize=1468;windowsize=16") << false << qint64(1) << 1468 << 1468 << 16 << 0 << QByteArray("blksize=1468;windowsize=16");
        QTest::newRow("windowsize capped by config") << QByteArray("windowsize=1000") << false << qint64(1) << 1468 << 512 << 64 << 0 << QByteArray("windowsize=64");
        QTest::newRow("windowsize capped by bytes") << QByteArray("windowsize=64;blksize=8192") << false << qint64(1) << 65504 << 1468 << 44 << 0 << QByteArray("windowsize=44;blksize=1468");
        QTest::newRow("windowsize 0 ignored") << QByteArray("windowsize=0") << false << qint64(1) << 1468 << 512 << 1 << 0 << QByteArray();
        QTest::newRow("windowsize 65536 ignored") << QByteArray("windowsize=65536") << false << qint64(1) << 1468 << 512 << 1 << 0 << QByteArray();
        QTest::newRow("unknown ignored") << QByteArray("multicast=;utimeout=1000;blksize=1024") << false << qint64(1) << 1468 << 1024 << 1 << 0 << QByteArray("blksize=1024");
        QTest::newRow("ovmf probe") << QByteArray("tsize=0;blksize=1468;windowsize=4") << false << qint64(850528) << 1468 << 1468 << 4 << 0 << QByteArray("tsize=850528;blksize=1468;windowsize=4");
    }
    void negotiation()
    {
        QFETCH(QByteArray, request);
        QFETCH(bool, write);
        QFETCH(qint64, fileSize);
        QFETCH(int, mtuBlock);
        Options opts;
        for (const QByteArray &pair : request.split(';')) {
            if (pair.isEmpty())
                continue;
            const qsizetype eq = pair.indexOf('=');
            opts.append(Option{pair.left(eq), pair.mid(eq + 1)});
        }
        Limits limits;
        limits.maxBlockSize = 1468;
        limits.mtuBlockSize = mtuBlock;
        limits.maxWindowSize = 64;
        limits.maxWindowBytes = 65536;
        const Negotiated n = negotiate(opts, limits, fileSize, write);
        QTEST(n.blockSize, "blockSize");
        QTEST(n.windowSize, "windowSize");
        QTEST(n.timeoutSeconds, "timeout");
        QByteArrayList accepted;
        for (const Option &o : n.accepted)
            accepted.append(o.name + '=' + o.value);
        QTEST(accepted.join(';'), "oack");
    }

    void decimal()
    {
        QCOMPARE(parseDecimal("0"), qint64(0));
        QCOMPARE(parseDecimal("65464"), qint64(65464));
        QCOMPARE(parseDecimal(""), qint64(-1));
        QCOMPARE(parseDecimal(" 1"), qint64(-1));
        QCOMPARE(parseDecimal("+1"), qint64(-1));
        QCOMPARE(parseDecimal("1e3"), qint64(-1));
        QCOMPARE(parseDecimal("9999999999999999999999"), qint64(-1));
    }

    void blockRollover()
    {
        QCOMPARE(unwrapBlock(0, 0), quint64(0));
        QCOMPARE(unwrapBlock(0, 1), quint64(1));
        QCOMPARE(unwrapBlock(65535, 0), quint64(65536));   // rollover to 0
        QCOMPARE(unwrapBlock(65530, 2), quint64(65538));
        QCOMPARE(unwrapBlock(131070, 65535), quint64(131071));
        QCOMPARE(unwrapBlock(131071, 65535), quint64(131071));   // same block: duplicate
        QCOMPARE(unwrapBlock(100, 99), quint64(100 + 65535));    // behind base: far ahead, never valid
    }

    void netascii()
    {
        QCOMPARE(toNetascii("a\nb\rc"), QByteArray("a\r\nb\r\0c", 7));
        QCOMPARE(netasciiSize("a\nb\rc"), qint64(7));
        QCOMPARE(toNetascii(""), QByteArray());
        NetasciiDecoder d;
        // CR at the end of one block, LF at the start of the next.
        QByteArray out = d.feed(QByteArray("line1\r", 6));
        out += d.feed(QByteArray("\nline2\r\0x\r", 10));
        out += d.finish();
        QCOMPARE(out, QByteArray("line1\nline2\rx\r"));
        const QByteArray text("one\ntwo\r\nthree\rfour\n\n");
        NetasciiDecoder back;
        QCOMPARE(back.feed(toNetascii(text)) + back.finish(), text);
    }
};

QTEST_GUILESS_MAIN(TestTftpPacket)
#include "tst_tftppacket.moc"
