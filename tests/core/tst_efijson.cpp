#include "efitestutil.h"

#include "efi/efiguid.h"
#include "efi/varjson.h"

#include <QTest>

using namespace efitest;

class TestEfiJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writerIsByteExact()
    {
        // Reading virt-fw-vars' own output and writing it back reproduces it byte for byte.
        const QByteArray theirs = readAll(fixture("RPI_EFI-v1.37-used.vars.json"));
        auto vars = efi::variablesFromJson(theirs);
        QVERIFY2(vars.ok(), qPrintable(vars.error()));
        QCOMPARE(vars->size(), 61);
        QCOMPARE(efi::variablesToJson(vars.value()), theirs);
    }

    void writerDetails()
    {
        efi::Variable v;
        v.name = QStringLiteral("Odd \"name\"\\\x01é");
        v.guid = efi::guids::GlobalVariable;
        v.attributes = 0x27;
        v.data = QByteArray::fromHex("00ff");
        v.timeStamp = QByteArray::fromHex("e8070b16010203000000000000000000");
        const QByteArray json = efi::variablesToJson({v});
        QCOMPARE(json, QByteArray("{\n    \"version\": 2,\n    \"variables\": [\n        {\n"
                                  "            \"name\": \"Odd \\\"name\\\"\\\\\\u0001\\u00e9\",\n"
                                  "            \"guid\": \"8be4df61-93ca-11d2-aa0d-00e098032b8c\",\n"
                                  "            \"attr\": 39,\n            \"data\": \"00ff\",\n"
                                  "            \"time\": \"e8070b16010203000000000000000000\"\n        }\n    ]\n}"));
        auto back = efi::variablesFromJson(json);
        QVERIFY(back.ok());
        QCOMPARE(back->first(), v);
        QCOMPARE(efi::variablesToJson({}), QByteArray("{\n    \"version\": 2,\n    \"variables\": []\n}"));
    }

    void reader()
    {
        const QByteArray json = R"({"variables": [
            {"name": "Boot0001", "guid": "EfiGlobalVariable", "data": "01 00 00 00"},
            {"name": "Plain", "guid": "guid:EfiIp4Config2Protocol", "data": "", "extra": true},
            {"name": "PK", "guid": "{8BE4DF61-93CA-11D2-AA0D-00E098032B8C}", "data": "aa"},
            {"name": "Boot0001", "guid": "8be4df61-93ca-11d2-aa0d-00e098032b8c", "attr": 1, "data": "02"},
            {"name": "Boot0001", "guid": "cd7cc258-31db-22e6-9f22-63b0b8eed6b5", "attr": 7, "data": "03"}
        ]})";
        auto vars = efi::variablesFromJson(json);
        QVERIFY2(vars.ok(), qPrintable(vars.error()));
        QCOMPARE(vars->size(), 4);
        QCOMPARE(vars->at(0).name, QStringLiteral("Boot0001"));
        QCOMPARE(vars->at(0).data, QByteArray::fromHex("02"));    // later duplicate replaced it
        QCOMPARE(vars->at(0).attributes, 1u);
        QCOMPARE(vars->at(1).guid, efi::guids::Ip4Config2);
        QCOMPARE(vars->at(1).attributes, 3u);                      // default for other names
        QCOMPARE(vars->at(2).attributes, 0x27u);                   // virt-firmware's PK default
        QCOMPARE(vars->at(3).guid, efi::guids::RpiConfigDxe);      // same name, other GUID: kept
    }

    // Found by fuzz_efi_varjson: an EFI_TIME with year 0 but other fields set was read, then not
    // written back (virt-firmware writes "time" only for a real year): it is no time at all.
    void timeWithoutYearIsNoTime()
    {
        const QByteArray json = R"({"variables": [
            {"name": "BootOrder", "guid": "EfiGlobalVariable", "attr": 7, "data": "0000", "time": "0000e000000042632355380393410550"},
            {"name": "db", "guid": "EfiImageSecurityDatabase", "data": "", "time": "e8070b16010203000000000000000000"}
        ]})";
        const auto vars = efi::variablesFromJson(json);
        QVERIFY2(vars.ok(), qPrintable(vars.error()));
        QVERIFY(!vars->at(0).hasTimeStamp());
        QVERIFY(vars->at(0).timeStamp.isEmpty());
        QCOMPARE(vars->at(1).timeStamp, QByteArray::fromHex("e8070b16010203000000000000000000"));
        const auto again = efi::variablesFromJson(efi::variablesToJson(vars.value()));
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QCOMPARE(again.value(), vars.value());
    }

    void readerErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("{nope") << "invalid JSON";
        QTest::newRow("array") << QByteArray("[]") << "object";
        QTest::newRow("no variables") << QByteArray("{}") << "variables";
        QTest::newRow("entry not object") << QByteArray(R"({"variables": [1]})") << "variables[0]";
        QTest::newRow("no name") << QByteArray(R"({"variables": [{"guid": "EfiGlobalVariable", "data": ""}]})") << "name";
        QTest::newRow("no guid") << QByteArray(R"({"variables": [{"name": "A", "data": ""}]})") << "guid";
        QTest::newRow("bad guid") << QByteArray(R"({"variables": [{"name": "A", "guid": "NoSuchGuid", "data": ""}]})") << "known GUID name";
        QTest::newRow("bad hex") << QByteArray(R"({"variables": [{"name": "A", "guid": "EfiGlobalVariable", "data": "zz"}]})") << "hex";
        QTest::newRow("odd hex") << QByteArray(R"({"variables": [{"name": "A", "guid": "EfiGlobalVariable", "data": "abc"}]})") << "hex";
        QTest::newRow("no data") << QByteArray(R"({"variables": [{"name": "A", "guid": "EfiGlobalVariable"}]})") << "hex";
        QTest::newRow("attr negative") << QByteArray(R"({"variables": [{"name": "A", "guid": "EfiGlobalVariable", "attr": -1, "data": ""}]})") << "attr";
        QTest::newRow("attr fraction") << QByteArray(R"({"variables": [{"name": "A", "guid": "EfiGlobalVariable", "attr": 1.5, "data": ""}]})") << "attr";
        QTest::newRow("attr string") << QByteArray(R"({"variables": [{"name": "A", "guid": "EfiGlobalVariable", "attr": "7", "data": ""}]})") << "attr";
        QTest::newRow("short time") << QByteArray(R"({"variables": [{"name": "A", "guid": "EfiGlobalVariable", "data": "", "time": "00"}]})") << "time";
    }
    void readerErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        auto vars = efi::variablesFromJson(json);
        QVERIFY(!vars.ok());
        QVERIFY2(vars.error().contains(expected), qPrintable(vars.error()));
    }

    void guidNames()
    {
        QCOMPARE(efi::parseGuid(QStringLiteral("efiglobalvariable")), std::optional<QUuid>(efi::guids::GlobalVariable));
        QCOMPARE(efi::guidDisplayName(efi::guids::GlobalVariable), QStringLiteral("guid:EfiGlobalVariable"));
        // Names virt-fw-vars does not print stay plain UUIDs on output but are accepted on input.
        QCOMPARE(efi::guidDisplayName(efi::guids::RpiConfigDxe), QStringLiteral("cd7cc258-31db-22e6-9f22-63b0b8eed6b5"));
        QCOMPARE(efi::parseGuid(QStringLiteral("RaspberryPiConfigDxe")), std::optional<QUuid>(efi::guids::RpiConfigDxe));
        QCOMPARE(efi::guidToBytes(efi::guids::NvDataFv), QByteArray::fromHex("8d2bf1ff96768b4ca9852747075b4f50"));
        QCOMPARE(efi::guidFromBytes(QByteArray::fromHex("4eac0881119f594d850ee21a522c59b2").constData()), efi::guids::BdsAutoCreated);
    }
};

QTEST_GUILESS_MAIN(TestEfiJson)
#include "tst_efijson.moc"
