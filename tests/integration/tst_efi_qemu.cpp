#include "devices/bootcontrol.h"
#include "efi/bootentries.h"
#include "efi/firmwareservice.h"
#include "efi/varstore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// Firmware honours our writes: QEMU x86-64 (TCG) with OVMF boots from a variable store written
// by the engine. No network at all (-nic none); the boot target is a short-form file path on a
// read-only virtual FAT drive holding an EFI application (iPXE if installed).
class TestEfiQemu : public QObject
{
    Q_OBJECT

    QString m_qemu;
    QString m_code;
    QString m_vars;
    QTemporaryDir m_dir;
    const QString m_loader = QStringLiteral("\\EFI\\metalboot\\app.efi");

    struct Boot
    {
        QString serial;
        QList<QRegularExpressionMatch> lines;   // BdsDxe: <verb> BootXXXX "desc" from <path>
    };

    // Runs QEMU until the firmware has started `stopAfter` (or failed it), then kills it.
    Boot boot(const QString &varsFile, const QString &stopAfter)
    {
        QProcess qemu;
        qemu.setProcessChannelMode(QProcess::MergedChannels);
        qemu.start(m_qemu, {QStringLiteral("-machine"), QStringLiteral("q35"), QStringLiteral("-accel"), QStringLiteral("tcg"),
                            QStringLiteral("-m"), QStringLiteral("256"), QStringLiteral("-display"), QStringLiteral("none"),
                            QStringLiteral("-nic"), QStringLiteral("none"), QStringLiteral("-monitor"), QStringLiteral("none"),
                            QStringLiteral("-serial"), QStringLiteral("stdio"), QStringLiteral("-no-reboot"),
                            QStringLiteral("-drive"), QStringLiteral("if=pflash,format=raw,unit=0,readonly=on,file=") + m_code,
                            QStringLiteral("-drive"), QStringLiteral("if=pflash,format=raw,unit=1,file=") + varsFile,
                            QStringLiteral("-drive"), QStringLiteral("file=fat:") + m_dir.path() + QStringLiteral("/esp,format=raw,if=virtio,readonly=on")});
        Boot b;
        if (!qemu.waitForStarted(10000))
            return b;
        // Done when the firmware gave up on `stopAfter`, or started it and the application
        // (iPXE) printed its banner.
        const QRegularExpression failed(QStringLiteral("BdsDxe: failed to (start|load) ") + stopAfter);
        const QString started = QStringLiteral("BdsDxe: starting ") + stopAfter;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 100000 && qemu.state() == QProcess::Running) {
            qemu.waitForReadyRead(500);
            b.serial += QString::fromUtf8(qemu.readAll());
            if (failed.match(b.serial).hasMatch())
                break;
            const auto at = b.serial.indexOf(started);
            if (at >= 0 && b.serial.indexOf(QLatin1String("iPXE"), at) > 0)
                break;
        }
        qemu.kill();
        qemu.waitForFinished(5000);
        static const QRegularExpression line(QStringLiteral("BdsDxe: (loading|starting|failed to load|failed to start) (Boot[0-9A-F]{4}) \"([^\"]*)\" from ([^\\r\\n]*?)(: [A-Z][A-Za-z ]+)?\\r?$"),
                                              QRegularExpression::MultilineOption);
        auto it = line.globalMatch(b.serial);
        while (it.hasNext()) {
            b.lines.append(it.next());
            qInfo().noquote() << "serial:" << b.lines.last().captured(0).trimmed();
        }
        return b;
    }

    static QString show(const Boot &b)
    {
        return b.serial.right(3000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_qemu = QStandardPaths::findExecutable(QStringLiteral("qemu-system-x86_64"));
        for (const auto &[code, vars] : {std::pair{"/usr/share/OVMF/OVMF_CODE_4M.fd", "/usr/share/OVMF/OVMF_VARS_4M.fd"},
                                         std::pair{"/usr/share/OVMF/OVMF_CODE.fd", "/usr/share/OVMF/OVMF_VARS.fd"}})
            if (QFileInfo::exists(QLatin1String(code)) && QFileInfo::exists(QLatin1String(vars))) {
                m_code = QLatin1String(code);
                m_vars = QLatin1String(vars);
                break;
            }
        if (m_qemu.isEmpty() || m_code.isEmpty())
            QSKIP("qemu-system-x86_64 or Debian's ovmf package is not installed");
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(m_dir.path() + QStringLiteral("/esp/EFI/metalboot")));
        const QString app = m_dir.path() + QStringLiteral("/esp/EFI/metalboot/app.efi");
        if (QFileInfo::exists(QStringLiteral("/usr/lib/ipxe/ipxe.efi")))
            QVERIFY(QFile::copy(QStringLiteral("/usr/lib/ipxe/ipxe.efi"), app));
    }

    void firstBootOrderEntryIsOurs()
    {
        QFile f(m_vars);
        QVERIFY(f.open(QIODevice::ReadOnly));
        auto store = efi::VarStore::parse(f.readAll());
        QVERIFY2(store.ok(), qPrintable(store.error()));
        const efi::LoadOption ours = efi::makeFileEntry(QStringLiteral("Metal Boot QEMU test"), m_loader);
        // A decoy first, so our entry is not simply the only one: we put ours in front of it.
        efi::addBootEntry(*store, efi::makeFileEntry(QStringLiteral("Metal Boot decoy"), QStringLiteral("\\EFI\\metalboot\\missing.efi")),
                          efi::Placement::Last);
        auto number = efi::addBootEntry(*store, ours, efi::Placement::First);
        QVERIFY(number.ok());
        const QString name = efi::bootVariableName(number.value());
        QCOMPARE(efi::bootOrder(*store).first(), number.value());
        auto bytes = store->serialize();
        QVERIFY2(bytes.ok(), qPrintable(bytes.error()));
        const QString varsFile = m_dir.path() + QStringLiteral("/vars-order.fd");
        QFile out(varsFile);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes.value());
        out.close();

        const Boot b = boot(varsFile, name);
        QVERIFY2(!b.lines.isEmpty(), qPrintable(show(b)));
        // The first boot option the firmware tries is exactly ours, by number, title and path.
        const auto &first = b.lines.first();
        QCOMPARE(first.captured(2), name);
        QCOMPARE(first.captured(3), ours.description);
        QCOMPARE(first.captured(4).trimmed(), ours.devicePath().toText());
        QVERIFY2(first.captured(1) == QLatin1String("loading"), qPrintable(show(b)));
        if (QFileInfo::exists(m_dir.path() + QStringLiteral("/esp/EFI/metalboot/app.efi"))) {
            QVERIFY2(b.serial.contains(QStringLiteral("BdsDxe: starting ") + name), qPrintable(show(b)));
            QVERIFY2(b.serial.contains(QLatin1String("iPXE")), qPrintable(show(b)));   // the application really ran
        }
    }

    void renderedBootNextIsHonoured()
    {
        // The per-device rendering path: a profile on top of OVMF's store, a device whose boot
        // override (UefiHttp, once) becomes BootNext. With no NIC the firmware fails that entry,
        // then falls back to BootOrder, whose first entry is the profile's file entry.
        QFile f(m_vars);
        QVERIFY(f.open(QIODevice::ReadOnly));
        auto base = efi::VarStore::parse(f.readAll());
        QVERIFY(base.ok());
        const efi::LoadOption file = efi::makeFileEntry(QStringLiteral("Metal Boot QEMU test"), m_loader);
        const quint16 fileNumber = efi::addBootEntry(*base, file, efi::Placement::First).value();
        const QString basePath = m_dir.path() + QStringLiteral("/base.fd");
        QFile b(basePath);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write(base->serialize().value());
        b.close();

        LabConfig lab;
        ProfileConfig profile;
        profile.id = QStringLiteral("ovmf");
        profile.baseImage = basePath;
        lab.profiles = {profile};
        DeviceConfig vm;
        vm.mac = *MacAddress::parse(QStringLiteral("52:54:00:00:00:01"));
        vm.profile = profile.id;
        vm.allowPxe = false;
        lab.devices = {vm};
        BootControl control;
        BootOverride http;
        http.target = BootOverride::Target::UefiHttp;
        http.enabled = BootOverride::Enabled::Once;
        http.httpBootUri = QStringLiteral("http://127.0.0.1:1/none.efi");
        control.setOverride(vm.mac, http);
        FirmwareService firmware(m_dir.path(), &control);
        firmware.setConfig(lab);
        auto image = firmware.render(vm.mac);
        QVERIFY2(image.ok(), qPrintable(image.error()));
        auto rendered = efi::VarStore::parse(image.value());
        QVERIFY(rendered.ok());
        const auto next = efi::bootNext(*rendered);
        QVERIFY(next);
        const QString nextName = efi::bootVariableName(*next);
        const QString varsFile = m_dir.path() + QStringLiteral("/vars-next.fd");
        QFile out(varsFile);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(image.value());
        out.close();

        const Boot boot = this->boot(varsFile, efi::bootVariableName(fileNumber));
        QVERIFY2(boot.lines.size() >= 2, qPrintable(show(boot)));
        QCOMPARE(boot.lines.at(0).captured(2), nextName);
        QCOMPARE(boot.lines.at(0).captured(3), QStringLiteral("Metal Boot HTTPv4 (MAC:525400000001)"));
        QCOMPARE(boot.lines.at(0).captured(4), efi::bootEntry(*rendered, *next)->devicePath().toText());
        QCOMPARE(boot.lines.at(0).captured(1), QStringLiteral("failed to load"));   // no NIC: -nic none
        bool fileTriedNext = false;
        for (const auto &m : boot.lines.mid(1))
            if (m.captured(2) != nextName) {
                fileTriedNext = m.captured(2) == efi::bootVariableName(fileNumber);
                break;
            }
        QVERIFY2(fileTriedNext, qPrintable(show(boot)));
    }
};

QTEST_GUILESS_MAIN(TestEfiQemu)
#include "tst_efi_qemu.moc"
