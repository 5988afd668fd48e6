// End to end: real UEFI firmware in QEMU (TCG) netboots from the real `metalboot --headless`
// binary, inside network namespaces this test creates (shared/reference/netboot.md 4.2):
//
//   <lan>  bridge br0 + tap0 (QEMU's NIC)
//   <srv>  vsrv 10.77.0.1/24: Metal Boot (DHCP 67/4011, TFTP 69, HTTP 8080, Redfish 8443), sushy
//   <dhcp> vdhcp 10.77.0.2/24: dnsmasq as the site's plain DHCP server (proxy mode only)
//
// Cases: OVMF PXE → proxyDHCP (dnsmasq hands out the address) / full DHCP → TFTP ipxe.efi → HTTP
// per-device iPXE script → Debian kernel + an initrd built here → marker printed by its /init;
// AAVMF PXE → DHCP → TFTP of an aarch64 EFI application built here → its marker; and the Ironic
// path: python3-sushy sets a one-time boot override (Pxe, or UefiHttp for UEFI HTTP boot) and
// resets On → the QMP power driver starts the VM with a variable store the UEFI engine rendered
// (BootNext) → it netboots → the override is consumed. Success is read from the serial console,
// the chain from Metal Boot's journal. Every process is killed by pid and every namespace
// deleted in cleanup(), also when a case fails. Kernel and busybox-static come from
// `apt-get download` into the build tree's e2e-cache (once); docs/e2e.md.
#include "dhcpnetnslab.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <sys/stat.h>

namespace {

const QString kServerIp = QStringLiteral("10.77.0.1");
const QString kOvmfCode = QStringLiteral("/usr/share/OVMF/OVMF_CODE_4M.fd");
const QString kOvmfVars = QStringLiteral("/usr/share/OVMF/OVMF_VARS_4M.fd");
const QString kAavmfCode = QStringLiteral("/usr/share/AAVMF/AAVMF_CODE.fd");
const QString kAavmfVars = QStringLiteral("/usr/share/AAVMF/AAVMF_VARS.fd");
const QString kX86Mac = QStringLiteral("52:54:00:e2:e0:01");
const QString kArmMac = QStringLiteral("52:54:00:e2:a6:01");
constexpr int kBootTimeoutMs = 150000;

// One entry of a "newc" cpio archive (the initramfs format), 4-byte aligned.
void cpioEntry(QByteArray &out, const QByteArray &name, quint32 mode, const QByteArray &data = {}, quint32 rdevMajor = 0,
               quint32 rdevMinor = 0)
{
    static quint32 inode = 1;
    const QByteArray nameZ = name + '\0';
    const quint32 fields[] = {++inode, mode, 0, 0, 1, 0, quint32(data.size()), 0, 0, rdevMajor, rdevMinor,
                              quint32(nameZ.size()), 0};
    out += "070701";
    for (const quint32 f : fields)
        out += QByteArray::number(f, 16).rightJustified(8, '0');
    out += nameZ;
    out += QByteArray((4 - out.size() % 4) % 4, '\0');
    out += data;
    out += QByteArray((4 - out.size() % 4) % 4, '\0');
}

// Serial output without ANSI escapes and carriage returns.
QString readSerial(const QString &path)
{
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression ansi(QStringLiteral("\x1b\\[[0-9;=?]*[A-Za-z]"));
    return QString::fromLatin1(f.readAll()).remove(ansi).remove(QLatin1Char('\r'));
}

QString tail(const QString &s, int chars = 3000) { return s.size() > chars ? s.right(chars) : s; }

bool pidAlive(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray s = stat.readAll();
    const qsizetype close = s.lastIndexOf(')');
    return close > 0 && s.size() > close + 2 && s.at(close + 2) != 'Z';
}

} // namespace

class TestQemuNetboot : public QObject
{
    Q_OBJECT

    const QString m_cache = QStringLiteral(E2E_CACHE_DIR);
    QString m_kernel;     // cached Debian vmlinuz
    QString m_busybox;    // cached static busybox
    QString m_nbp;        // aarch64 EFI application

    // Per case.
    std::unique_ptr<DhcpNetnsLab> m_lab;
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess *m_server = nullptr;
    QByteArray m_serverLog;
    QString m_serial;     // the serial log to show on failure
    QString m_token;      // random, on the kernel command line; /init echoes it
    bool m_sushyMissing = false;

    QString path(const QString &name) const { return m_dir->filePath(name); }

    static bool write(const QString &file, const QByteArray &data)
    {
        QFile f(file);
        return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
    }

    // Runs a command (outside the namespaces) and returns its exit code; output in *out.
    static int exec(const QString &program, const QStringList &args, QByteArray *out = nullptr, const QString &cwd = {},
                    int timeoutMs = 240000)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        if (!cwd.isEmpty())
            p.setWorkingDirectory(cwd);
        p.start(program, args);
        if (!p.waitForStarted(10000))
            return -1;
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished(5000);
            return -1;
        }
        if (out)
            *out = p.readAll();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

    // A package's .deb in the cache, fetched with `apt-get download` when missing.
    QString cachedDeb(const QString &package, QString *error) const
    {
        const auto find = [&] {
            const QStringList debs = QDir(m_cache).entryList({package + QStringLiteral("_*.deb")}, QDir::Files);
            return debs.isEmpty() ? QString() : QDir(m_cache).filePath(debs.first());
        };
        if (const QString deb = find(); !deb.isEmpty())
            return deb;
        QByteArray out;
        if (exec(QStringLiteral("apt-get"), {QStringLiteral("download"), package}, &out, m_cache) != 0) {
            *error = QStringLiteral("apt-get download %1 failed: %2").arg(package, QString::fromLocal8Bit(out).trimmed().right(300));
            return {};
        }
        const QString deb = find();
        if (deb.isEmpty())
            *error = QStringLiteral("apt-get download %1 left no .deb in %2").arg(package, m_cache);
        return deb;
    }

    QString prepareKernel()
    {
        const QString vmlinuz = QDir(m_cache).filePath(QStringLiteral("vmlinuz"));
        if (QFileInfo(vmlinuz).size() > 1000000) {
            m_kernel = vmlinuz;
            return {};
        }
        QDir().mkpath(m_cache);
        // linux-image-amd64 is a metapackage: take the kernel package it depends on.
        QString package;
        if (const QStringList debs = QDir(m_cache).entryList({QStringLiteral("linux-image-*-amd64_*.deb")}, QDir::Files); !debs.isEmpty()) {
            package = debs.first().section(QLatin1Char('_'), 0, 0);
        } else {
            QByteArray out;
            exec(QStringLiteral("apt-cache"), {QStringLiteral("depends"), QStringLiteral("linux-image-amd64")}, &out);
            const auto m = QRegularExpression(QStringLiteral("Depends: (linux-image-[0-9][^\\s]*-amd64)")).match(QString::fromLatin1(out));
            if (!m.hasMatch())
                return QStringLiteral("cannot resolve linux-image-amd64 with apt-cache");
            package = m.captured(1);
        }
        QString error;
        const QString deb = cachedDeb(package, &error);
        if (deb.isEmpty())
            return error;
        const QString x = QDir(m_cache).filePath(QStringLiteral("kernel-x"));
        QDir(x).removeRecursively();
        QDir().mkpath(x);
        // Only ./boot/vmlinuz-* (the package also holds ~400 MB of modules).
        const QString script = QStringLiteral("dpkg-deb --fsys-tarfile \"$1\" | tar -x -C \"$2\" --wildcards './boot/vmlinuz-*'");
        QByteArray out;
        if (exec(QStringLiteral("sh"), {QStringLiteral("-c"), script, QStringLiteral("sh"), deb, x}, &out) != 0)
            return QStringLiteral("cannot extract the kernel from %1: %2").arg(deb, QString::fromLocal8Bit(out));
        const QStringList found = QDir(x + QStringLiteral("/boot")).entryList({QStringLiteral("vmlinuz-*")}, QDir::Files);
        if (found.isEmpty() || !QFile::rename(x + QStringLiteral("/boot/") + found.first(), vmlinuz))
            return QStringLiteral("no vmlinuz in %1").arg(deb);
        QDir(x).removeRecursively();
        m_kernel = vmlinuz;
        return {};
    }

    QString prepareBusybox()
    {
        const QString bin = QDir(m_cache).filePath(QStringLiteral("busybox-static/bin/busybox"));
        if (!QFileInfo::exists(bin)) {
            QDir().mkpath(m_cache);
            QString error;
            // Not installed: busybox-static conflicts with the busybox package the DHCP tests use.
            const QString deb = cachedDeb(QStringLiteral("busybox-static"), &error);
            if (deb.isEmpty())
                return error;
            if (exec(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), deb, QDir(m_cache).filePath(QStringLiteral("busybox-static"))}) != 0
                || !QFileInfo::exists(bin))
                return QStringLiteral("cannot unpack %1").arg(deb);
        }
        m_busybox = bin;
        return {};
    }

    // initramfs: a static busybox and an /init that prints the marker with the token from the
    // kernel command line (so only this boot's kernel can print it), then powers off.
    bool writeInitrd(const QString &file) const
    {
        QFile bb(m_busybox);
        if (!bb.open(QIODevice::ReadOnly))
            return false;
        const QByteArray init =
            "#!/bin/busybox sh\n"
            "/bin/busybox mount -t proc proc /proc\n"
            "tok=$(/bin/busybox sed -n 's/.*e2e\\.token=\\([^ ]*\\).*/\\1/p' /proc/cmdline)\n"
            "/bin/busybox echo \"METALBOOT-E2E-INIT token=$tok kernel=$(/bin/busybox uname -r)\"\n"
            "/bin/busybox poweroff -f\n";
        QByteArray cpio;
        for (const char *dir : {"bin", "dev", "proc", "sys"})
            cpioEntry(cpio, dir, S_IFDIR | 0755);
        cpioEntry(cpio, "dev/console", S_IFCHR | 0600, {}, 5, 1);
        cpioEntry(cpio, "bin/busybox", S_IFREG | 0755, bb.readAll());
        cpioEntry(cpio, "init", S_IFREG | 0755, init);
        cpioEntry(cpio, "TRAILER!!!", 0);
        return write(file, cpio);
    }

    QString prepareNbp()
    {
        const QString source = QStringLiteral(TESTS_SOURCE_DIR "/integration/e2e/nbp_aa64.c");
        const QString clang = QStandardPaths::findExecutable(QStringLiteral("clang"));
        const QString lld = QStandardPaths::findExecutable(QStringLiteral("lld-link"));
        if (clang.isEmpty() || lld.isEmpty())
            return QStringLiteral("clang and lld-link are needed to build the aarch64 EFI application (scripts/deps-test.txt)");
        QDir().mkpath(m_cache);
        const QString obj = QDir(m_cache).filePath(QStringLiteral("nbp_aa64.obj"));
        m_nbp = QDir(m_cache).filePath(QStringLiteral("bootaa64.efi"));
        QByteArray out;
        if (exec(clang, {QStringLiteral("--target=aarch64-pc-windows-msvc"), QStringLiteral("-ffreestanding"),
                         QStringLiteral("-fno-stack-protector"), QStringLiteral("-fshort-wchar"), QStringLiteral("-O2"),
                         QStringLiteral("-c"), source, QStringLiteral("-o"), obj}, &out) != 0
            || exec(lld, {QStringLiteral("/subsystem:efi_application"), QStringLiteral("/entry:efi_main"), QStringLiteral("/nodefaultlib"),
                          QStringLiteral("/out:") + m_nbp, obj}, &out) != 0)
            return QStringLiteral("building %1 failed: %2").arg(source, QString::fromLocal8Bit(out));
        return {};
    }

    // The namespaces: bridge + tap for QEMU, Metal Boot's host, optionally a plain DHCP host.
    bool setUpLab(bool plainDhcp)
    {
        m_lab = std::make_unique<DhcpNetnsLab>(QStringLiteral("e2e"));
        QString error;
        bool ok = m_lab->create(&error)
            && m_lab->addHost(QStringLiteral("srv"), QStringLiteral("vsrv"), kServerIp + QStringLiteral("/24"), {}, &error)
            && (!plainDhcp || m_lab->addHost(QStringLiteral("dhcp"), QStringLiteral("vdhcp"), QStringLiteral("10.77.0.2/24"), {}, &error))
            && m_lab->ipIn(QStringLiteral("lan"), {QStringLiteral("tuntap"), QStringLiteral("add"), QStringLiteral("dev"), QStringLiteral("tap0"),
                                                   QStringLiteral("mode"), QStringLiteral("tap")}, &error)
            && m_lab->ipIn(QStringLiteral("lan"), {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("tap0"), QStringLiteral("master"),
                                                   QStringLiteral("br0"), QStringLiteral("up")}, &error);
        if (!ok)
            qWarning("lab: %s", qPrintable(error));
        return ok;
    }

    // lab.yaml: every service on vsrv (in <srv>), files from the test directory, one device per
    // entry of `devices` (YAML flow mappings), optional extra top-level YAML.
    QString labYaml(const QString &mode, const QStringList &devices, const QString &extra = {}) const
    {
        QString y = QStringLiteral(
                        "version: 1\nname: e2e\nservices:\n"
                        "  dhcp: {interface: vsrv, address: %1, port: 67, proxy_port: 4011, mode: %2, "
                        "boot_files: {arm64_uefi: bootaa64.efi}, pool: {range_start: 10.77.0.160, range_end: 10.77.0.199, "
                        "netmask: 255.255.255.0, lease_time: 3600}}\n"
                        "  tftp: {interface: vsrv, address: %1, port: 69, root: %3}\n"
                        "  http: {interface: vsrv, address: %1, port: 8080, root: %4}\n"
                        "  redfish: {interface: vsrv, address: %1, port: 8443}\n"
                        "  consoles: {enabled: false}\n")
                        .arg(kServerIp, mode, path(QStringLiteral("tftp")), path(QStringLiteral("http")));
        y += extra;
        y += QStringLiteral("devices:\n");
        for (const QString &d : devices)
            y += QStringLiteral("  ") + d + QLatin1Char('\n');
        return y;
    }

    QString x86Device(const QString &extra = {}) const
    {
        return QStringLiteral("\"%1\": {name: vm-x86, model: qemu-x86_64, %2osie: {kernel: vmlinuz, initrd: initrd.cpio, "
                              "cmdline: \"console=ttyS0 quiet panic=1 e2e.token=%3\"}}")
            .arg(kX86Mac, extra, m_token);
    }

    // Starts `metalboot --headless` in <srv> and waits until its services listen.
    bool startServer(const QString &yaml)
    {
        QDir().mkpath(path(QStringLiteral("tftp")));
        QDir().mkpath(path(QStringLiteral("http")));
        const QString config = path(QStringLiteral("lab.yaml"));
        if (!write(config, yaml.toUtf8()))
            return false;
        // ip netns exec passes the environment on.
        qputenv("METALBOOT_CONFIG_DIR", path(QStringLiteral("config")).toLocal8Bit());
        qputenv("METALBOOT_DATA_DIR", path(QStringLiteral("data")).toLocal8Bit());
        qputenv("QT_QPA_PLATFORM", "offscreen");
        m_server = m_lab->spawn(QStringLiteral("srv"), {QStringLiteral(METALBOOT_BINARY), QStringLiteral("--headless"),
                                                        QStringLiteral("--config"), config});
        if (!m_server)
            return false;
        connect(m_server, &QProcess::readyRead, this, [this] { m_serverLog += m_server->readAll(); });
        const auto up = [this] {
            return m_serverLog.contains("dhcp running") && m_serverLog.contains("tftp running")
                && m_serverLog.contains("http running") && m_serverLog.contains("redfish running");
        };
        (void)QTest::qWaitFor([&] { return up() || m_server->state() == QProcess::NotRunning; }, 30000);
        return up();
    }

    QString diagnostics() const
    {
        return QStringLiteral("\n--- serial (%1) ---\n%2\n--- metalboot ---\n%3")
            .arg(m_serial, tail(readSerial(m_serial)), tail(QString::fromUtf8(m_serverLog)));
    }

    // Journal events of one device, from the data directory (journal.jsonl).
    QList<QJsonObject> journal(const QString &mac) const
    {
        QList<QJsonObject> events;
        QFile f(path(QStringLiteral("data/journal.jsonl")));
        if (!f.open(QIODevice::ReadOnly))
            return events;
        for (const QByteArray &line : f.readAll().split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QLatin1String("mac")).toString() == mac)
                events.append(o);
        }
        return events;
    }
    static bool hasEvent(const QList<QJsonObject> &events, const QString &kind, const std::function<bool(const QJsonObject &)> &match)
    {
        for (const QJsonObject &e : events)
            if (e.value(QLatin1String("kind")).toString() == kind && match(e.value(QLatin1String("data")).toObject()))
                return true;
        return false;
    }
    static bool servedOverHttp(const QList<QJsonObject> &events, const QString &file)
    {
        return hasEvent(events, QStringLiteral("http.request"), [&](const QJsonObject &d) {
            return d.value(QLatin1String("method")).toString() == QLatin1String("GET") && d.value(QLatin1String("file")).toString() == file
                && d.value(QLatin1String("status")).toInt() == 200 && d.value(QLatin1String("complete")).toBool();
        });
    }
    static bool servedOverTftp(const QList<QJsonObject> &events, const QString &file)
    {
        return hasEvent(events, QStringLiteral("tftp.served"), [&](const QJsonObject &d) {
            return d.value(QLatin1String("file")).toString() == file && d.value(QLatin1String("result")).toString() == QLatin1String("completed");
        });
    }

    // Waits for `marker` on the serial console. Gives up early when the firmware reports that a
    // boot option failed: the first option tried (the NIC) must succeed — except the engine's
    // short-form PXE entry on a VM's first power-on, which EDK2 cannot expand on a PCI NIC
    // (ironicBoot): OVMF then goes on with its own PXE entry of the same NIC.
    bool waitForSerial(const QString &marker) const
    {
        static const QRegularExpression fatal(QStringLiteral("BdsDxe: failed to (load|start) Boot[0-9A-F]{4} \"(?!Metal Boot PXEv4 )"));
        QString serial;
        (void)QTest::qWaitFor([&] {
            serial = readSerial(m_serial);
            return serial.contains(marker) || fatal.match(serial).hasMatch();
        }, kBootTimeoutMs);
        return serial.contains(marker);
    }

    // The iPXE stage and the OS: script from /boot/<mac>.ipxe (netboot), kernel and initrd
    // over HTTP, /init's marker with this boot's token on the serial console.
    void verifyKernelBoot(const QString &mac)
    {
        const QString marker = QStringLiteral("METALBOOT-E2E-INIT token=%1 kernel=").arg(m_token);
        QVERIFY2(waitForSerial(marker), qPrintable(diagnostics()));
        QList<QJsonObject> events;
        QTRY_VERIFY_WITH_TIMEOUT((events = journal(mac), servedOverHttp(events, QStringLiteral("/initrd.cpio"))), 10000);
        QVERIFY(hasEvent(events, QStringLiteral("http.request"), [&](const QJsonObject &d) {
            return d.value(QLatin1String("file")).toString() == QStringLiteral("/boot/%1.ipxe").arg(mac)
                && d.value(QLatin1String("script")).toString() == QLatin1String("netboot");
        }));
        QVERIFY(servedOverHttp(events, QStringLiteral("/vmlinuz")));
    }

    QStringList x86Qemu(const QString &vars, const QString &serial) const
    {
        return {QStringLiteral("qemu-system-x86_64"), QStringLiteral("-machine"), QStringLiteral("q35,accel=tcg"), QStringLiteral("-m"),
                QStringLiteral("512"), QStringLiteral("-smp"), QStringLiteral("1"), QStringLiteral("-drive"),
                QStringLiteral("if=pflash,format=raw,unit=0,readonly=on,file=") + kOvmfCode, QStringLiteral("-drive"),
                QStringLiteral("if=pflash,format=raw,unit=1,file=") + vars, QStringLiteral("-netdev"),
                QStringLiteral("tap,id=n0,ifname=tap0,script=no,downscript=no"), QStringLiteral("-device"),
                QStringLiteral("virtio-net-pci,netdev=n0,mac=%1,romfile=,bootindex=1").arg(kX86Mac), QStringLiteral("-display"),
                QStringLiteral("none"), QStringLiteral("-monitor"), QStringLiteral("none"), QStringLiteral("-serial"),
                QStringLiteral("file:") + serial, QStringLiteral("-no-reboot")};
    }

    QString prepareX86Files()
    {
        if (const QString e = prepareKernel(); !e.isEmpty())
            return e;
        if (const QString e = prepareBusybox(); !e.isEmpty())
            return e;
        QDir().mkpath(path(QStringLiteral("http")));
        if (!QFile::copy(m_kernel, path(QStringLiteral("http/vmlinuz"))) || !writeInitrd(path(QStringLiteral("http/initrd.cpio"))))
            return QStringLiteral("cannot write the kernel/initrd into %1").arg(path(QStringLiteral("http")));
        return {};
    }

    static bool copyWritable(const QString &from, const QString &to)
    {
        return QFile::copy(from, to) && QFile::setPermissions(to, QFile::ReadOwner | QFile::WriteOwner);
    }

    // The Ironic cases: a `qmp` switch whose port 1 is the OVMF VM (started by Metal Boot in
    // <lan>), the device with a firmware profile on the OVMF variable store.
    QString ironicYaml() const
    {
        QStringList command = x86Qemu(QStringLiteral("{vars}"), QStringLiteral("{serial_log}"));
        command.replaceInStrings(kX86Mac, QStringLiteral("{mac}"));
        command = QStringList{QStringLiteral("ip"), QStringLiteral("netns"), QStringLiteral("exec"), m_lab->ns(QStringLiteral("lan"))} + command;
        const QString extra = QStringLiteral(
                                  "switches:\n  vms:\n    driver: qmp\n    address: %1\n    ports: 1\n    options:\n"
                                  "      command: \"%2\"\n      mac.1: \"%3\"\n      vars_template: %4\n"
                                  "profiles:\n  ovmf: {name: OVMF 4M, base_image: %4}\n")
                                  .arg(path(QStringLiteral("vms")), command.join(QLatin1Char(' ')), kX86Mac, kOvmfVars);
        return labYaml(QStringLiteral("full"), {x86Device(QStringLiteral("power: {switch: vms, port: \"1\"}, profile: ovmf, "))}, extra);
    }

    // sushy_ironic.py in <srv> against our Redfish service; its JSON answer.
    QJsonObject sushy(const QStringList &args)
    {
        QByteArray out;
        const int code = m_lab->run(QStringLiteral("srv"),
                                    QStringList{QStringLiteral("/usr/bin/python3"), QStringLiteral(TESTS_SOURCE_DIR "/integration/e2e/sushy_ironic.py"),
                                                QStringLiteral("https://%1:8443").arg(kServerIp),
                                                path(QStringLiteral("config/redfish/initial-admin-password")),
                                                path(QStringLiteral("config/redfish/ca.pem")), QString(kX86Mac).replace(QLatin1Char(':'), QLatin1Char('-'))}
                                        + args,
                                    &out, 60000);
        m_sushyMissing = code == 77;
        if (code != 0 && !m_sushyMissing)
            qWarning("sushy_ironic.py %s: exit %d: %s %s", qPrintable(args.join(QLatin1Char(' '))), code, out.constData(),
                     m_lab->lastStderr().constData());
        return QJsonDocument::fromJson(out.trimmed().split('\n').last()).object();
    }

    qint64 vmPid() const
    {
        // The last launch.
        qint64 pid = 0;
        auto it = QRegularExpression(QStringLiteral("VM vms port 1 running, pid (\\d+)")).globalMatch(QString::fromUtf8(m_serverLog));
        while (it.hasNext())
            pid = it.next().captured(1).toLongLong();
        return pid;
    }

    // Both Ironic cases: override + Reset On through sushy, the VM boots its kernel, the
    // override is consumed.
    void ironicBoot(const QString &target)
    {
        if (const QString e = prepareX86Files(); !e.isEmpty())
            QSKIP(qPrintable(e));
        QVERIFY(setUpLab(false));
        QVERIFY2(startServer(ironicYaml()), qPrintable(diagnostics()));
        m_serial = path(QStringLiteral("vms/1.serial.log"));
        QElapsedTimer t;
        t.start();
        const QJsonObject after = sushy({QStringLiteral("boot"), target});
        if (m_sushyMissing)
            QSKIP("python3-sushy is not installed (scripts/deps-test.txt)");
        QCOMPARE(after.value(QLatin1String("enabled")).toString(), QStringLiteral("Once"));
        QCOMPARE(after.value(QLatin1String("target")).toString(), target);
        QVERIFY2(after.value(QLatin1String("power_state")).toString() == QLatin1String("On")
                     || m_serverLog.contains("VM vms port 1 running"),
                 qPrintable(diagnostics()));
        verifyKernelBoot(kX86Mac);
        if (QTest::currentTestFailed())
            return;
        qInfo("%s: Reset On to the kernel's /init in %.1f s", qPrintable(target), double(t.elapsed()) / 1000);

        const QList<QJsonObject> events = journal(kX86Mac);
        // The UEFI engine rendered this VM's store before QEMU started (BootNext from the override).
        QVERIFY(hasEvent(events, QStringLiteral("firmware.rendered"), [](const QJsonObject &) { return true; }));
        QVERIFY(hasEvent(events, QStringLiteral("power.changed"), [](const QJsonObject &d) {
            return d.value(QLatin1String("state")).toString() == QLatin1String("on")
                && d.value(QLatin1String("requester")).toString().startsWith(QLatin1String("redfish"));
        }));
        // Full DHCP: the address came from Metal Boot's own pool.
        QVERIFY2(QRegularExpression(QStringLiteral("lease 10\\.77\\.0\\.1[6-9][0-9] to ") + kX86Mac).match(QString::fromUtf8(m_serverLog)).hasMatch(),
                 qPrintable(diagnostics()));
        const QString serial = readSerial(m_serial);
        if (target == QLatin1String("Pxe")) {
            QVERIFY2(serial.contains(QLatin1String(">>Start PXE over IPv4")), qPrintable(diagnostics()));
            QVERIFY(servedOverTftp(events, QStringLiteral("ipxe.efi")));
        } else {
            // UEFI HTTP boot: the firmware fetched iPXE over HTTP (HEAD for the size, then GET); no TFTP.
            QVERIFY2(serial.contains(QLatin1String(">>Start HTTP Boot over IPv4")), qPrintable(diagnostics()));
            // BootNext from the rendered store was honoured: OVMF's own order starts with PXEv4.
            QVERIFY(!serial.contains(QLatin1String(">>Start PXE over IPv4")));
            QVERIFY(serial.contains(QStringLiteral("URI: http://%1:8080/ipxe.efi").arg(kServerIp)));
            QVERIFY(servedOverHttp(events, QStringLiteral("/ipxe.efi")));
            QVERIFY(!hasEvent(events, QStringLiteral("tftp.served"), [](const QJsonObject &) { return true; }));
        }
        // The one-time override is gone once the boot script used it (as Ironic expects).
        const QJsonObject state = sushy({QStringLiteral("state")});
        QCOMPARE(state.value(QLatin1String("enabled")).toString(), QStringLiteral("Disabled"));
        const QByteArray consumed = QByteArray("one-time boot override ") + target.toLatin1() + QByteArray(" consumed");
        QVERIFY2(m_serverLog.contains(consumed), qPrintable(diagnostics()));
        if (target != QLatin1String("Pxe"))
            return;

        // First power-on: the store is rendered from the blank template, so the engine's PXE
        // entry can only be the short form MAC()/IPv4(), which EDK2 cannot expand on a PCI NIC
        // ("Not Found"); OVMF goes on with its own PXEv4 entry, which it records in the VM's
        // store. Second power-on: the QMP driver gives the engine's entry that full path, and
        // the BootNext is honoured as such.
        QTRY_VERIFY_WITH_TIMEOUT(m_serverLog.contains("VM vms port 1 exited"), 20000);   // /init powered off
        const qint64 firstVm = vmPid();
        t.restart();
        const QJsonObject again = sushy({QStringLiteral("boot"), target});
        QCOMPARE(again.value(QLatin1String("enabled")).toString(), QStringLiteral("Once"));
        QTRY_VERIFY_WITH_TIMEOUT(vmPid() != firstVm, 30000);
        QVERIFY2(waitForSerial(QStringLiteral("METALBOOT-E2E-INIT token=%1 kernel=").arg(m_token)), qPrintable(diagnostics()));
        qInfo("second Reset On to the kernel's /init in %.1f s", double(t.elapsed()) / 1000);
        QVERIFY2(m_serverLog.contains("use the NIC's device path the firmware recorded"), qPrintable(diagnostics()));
        const QString second = readSerial(m_serial);
        QVERIFY2(QRegularExpression(QStringLiteral("BdsDxe: starting Boot[0-9A-F]{4} \"Metal Boot PXEv4 \\(MAC:525400E2E001\\)\" from PciRoot"))
                     .match(second).hasMatch(),
                 qPrintable(diagnostics()));
        QVERIFY2(!second.contains(QLatin1String("BdsDxe: failed to")), qPrintable(diagnostics()));
        QCOMPARE(sushy({QStringLiteral("state")}).value(QLatin1String("enabled")).toString(), QStringLiteral("Disabled"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = DhcpNetnsLab::unavailableReason(); !why.isEmpty())
            QSKIP(qPrintable(why));
        for (const char *tool : {"qemu-system-x86_64", "dpkg-deb", "apt-get"})
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
                QSKIP(qPrintable(QStringLiteral("%1 is not installed (scripts/deps-test.txt)").arg(QLatin1String(tool))));
        if (!QFileInfo::exists(kOvmfCode) || !QFileInfo::exists(kOvmfVars))
            QSKIP("OVMF is not installed (package ovmf)");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_serverLog.clear();
        m_serial.clear();
        m_token = QString::number(QRandomGenerator::global()->generate64(), 36);
    }

    void cleanup()
    {
        const qint64 vm = vmPid();
        if (m_server && m_server->state() != QProcess::NotRunning) {
            // SIGTERM: Metal Boot quits its VMs (QMP) and flushes the journal.
            DhcpNetnsLab::signal(m_server, SIGTERM);
            if (!m_server->waitForFinished(20000))
                m_server->kill();
            m_server->waitForFinished(5000);
        }
        if (pidAlive(vm))   // only if Metal Boot could not end it
            ::kill(pid_t(vm), SIGKILL);
        m_server = nullptr;
        m_lab.reset();   // kills what it spawned (by pid), deletes the namespaces
        // METALBOOT_KEEP_E2E=1 keeps each case's files (serial logs, journal, lab.yaml, logs).
        if (m_dir && qEnvironmentVariableIsSet("METALBOOT_KEEP_E2E")) {
            write(path(QStringLiteral("metalboot.log")), m_serverLog);
            m_dir->setAutoRemove(false);
            qInfo("kept %s", qPrintable(m_dir->path()));
        }
        m_dir.reset();
    }

    // OVMF PXE, QEMU started by the test; Metal Boot in proxy mode next to dnsmasq (which hands
    // out the address), or in full DHCP mode alone.
    void x86Pxe_data()
    {
        QTest::addColumn<bool>("proxy");
        QTest::newRow("proxy") << true;    // proxyDHCP next to dnsmasq
        QTest::newRow("full") << false;
    }
    void x86Pxe()
    {
        QFETCH(bool, proxy);
        if (const QString e = prepareX86Files(); !e.isEmpty())
            QSKIP(qPrintable(e));
        QVERIFY(setUpLab(proxy));
        if (proxy) {
            QVERIFY(m_lab->spawn(
                QStringLiteral("dhcp"),
                {QStringLiteral("dnsmasq"), QStringLiteral("--keep-in-foreground"), QStringLiteral("--conf-file=/dev/null"),
                 QStringLiteral("--port=0"), QStringLiteral("--interface=vdhcp"), QStringLiteral("--bind-interfaces"),
                 QStringLiteral("--dhcp-authoritative"), QStringLiteral("--no-ping"), QStringLiteral("--log-dhcp"), QStringLiteral("--user=root"),
                 QStringLiteral("--dhcp-range=10.77.0.100,10.77.0.150,255.255.255.0,1h"),
                 QStringLiteral("--dhcp-leasefile=") + path(QStringLiteral("plain.leases")),
                 QStringLiteral("--pid-file=") + path(QStringLiteral("dnsmasq.pid")),
                 QStringLiteral("--log-facility=") + path(QStringLiteral("dnsmasq.log"))}));
        }
        QVERIFY2(startServer(labYaml(proxy ? QStringLiteral("proxy") : QStringLiteral("full"), {x86Device()})), qPrintable(diagnostics()));
        QVERIFY(copyWritable(kOvmfVars, path(QStringLiteral("vars.fd"))));
        m_serial = path(QStringLiteral("x86.serial"));
        QElapsedTimer t;
        t.start();
        QVERIFY(m_lab->spawn(QStringLiteral("lan"), x86Qemu(path(QStringLiteral("vars.fd")), m_serial)));
        verifyKernelBoot(kX86Mac);
        if (QTest::currentTestFailed())
            return;
        qInfo("power-on to the kernel's /init in %.1f s", double(t.elapsed()) / 1000);

        QVERIFY2(readSerial(m_serial).contains(QLatin1String(">>Start PXE over IPv4")), qPrintable(diagnostics()));
        const QList<QJsonObject> events = journal(kX86Mac);
        QVERIFY(servedOverTftp(events, QStringLiteral("ipxe.efi")));
        QVERIFY(hasEvent(events, QStringLiteral("dhcp.offer"), [](const QJsonObject &) { return true; }));
        // Who handed out the address: dnsmasq's range (.100-.150) in proxy mode, ours (.160-.199) in full mode.
        const QRegularExpression clientIp(proxy ? QStringLiteral("^10\\.77\\.0\\.1[0-5][0-9]$") : QStringLiteral("^10\\.77\\.0\\.1[6-9][0-9]$"));
        bool servedToThatAddress = false;
        for (const QJsonObject &e : events)
            servedToThatAddress |= e.value(QLatin1String("kind")).toString() == QLatin1String("tftp.served")
                && clientIp.match(e.value(QLatin1String("client")).toString()).hasMatch();
        QVERIFY2(servedToThatAddress, qPrintable(diagnostics()));
        if (proxy) {
            QFile log(path(QStringLiteral("dnsmasq.log")));
            QVERIFY(log.open(QIODevice::ReadOnly));
            QVERIFY2(QRegularExpression(QStringLiteral("DHCPACK\\(vdhcp\\) 10\\.77\\.0\\.1[0-5][0-9] ") + kX86Mac)
                         .match(QString::fromLatin1(log.readAll())).hasMatch(),
                     "dnsmasq did not hand out the address");
            QVERIFY(!m_serverLog.contains("lease 10.77.0."));   // proxy: Metal Boot leased nothing
        } else {
            QVERIFY2(QRegularExpression(QStringLiteral("lease 10\\.77\\.0\\.1[6-9][0-9] to ") + kX86Mac).match(QString::fromUtf8(m_serverLog)).hasMatch(),
                     qPrintable(diagnostics()));
        }
    }

    // AAVMF PXE → full DHCP → TFTP of an aarch64 EFI application, which prints its marker.
    void aarch64PxeFullDhcp()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("qemu-system-aarch64")).isEmpty() || !QFileInfo::exists(kAavmfCode))
            QSKIP("qemu-system-aarch64 or AAVMF is not installed (qemu-system-arm, qemu-efi-aarch64)");
        if (const QString e = prepareNbp(); !e.isEmpty())
            QSKIP(qPrintable(e));
        QVERIFY(setUpLab(false));
        QDir().mkpath(path(QStringLiteral("tftp")));
        QVERIFY(QFile::copy(m_nbp, path(QStringLiteral("tftp/bootaa64.efi"))));
        QVERIFY2(startServer(labYaml(QStringLiteral("full"), {QStringLiteral("\"%1\": {name: vm-arm64, model: qemu-aarch64}").arg(kArmMac)})),
                 qPrintable(diagnostics()));
        QVERIFY(copyWritable(kAavmfVars, path(QStringLiteral("aavmf-vars.fd"))));
        m_serial = path(QStringLiteral("arm.serial"));
        QElapsedTimer t;
        t.start();
        QVERIFY(m_lab->spawn(QStringLiteral("lan"),
                             {QStringLiteral("qemu-system-aarch64"), QStringLiteral("-machine"), QStringLiteral("virt,accel=tcg"), QStringLiteral("-cpu"),
                              QStringLiteral("cortex-a57"), QStringLiteral("-m"), QStringLiteral("512"), QStringLiteral("-smp"), QStringLiteral("1"),
                              QStringLiteral("-drive"), QStringLiteral("if=pflash,format=raw,unit=0,readonly=on,file=") + kAavmfCode,
                              QStringLiteral("-drive"), QStringLiteral("if=pflash,format=raw,unit=1,file=") + path(QStringLiteral("aavmf-vars.fd")),
                              QStringLiteral("-netdev"), QStringLiteral("tap,id=n0,ifname=tap0,script=no,downscript=no"), QStringLiteral("-device"),
                              QStringLiteral("virtio-net-pci,netdev=n0,mac=%1,romfile=,bootindex=1").arg(kArmMac), QStringLiteral("-display"),
                              QStringLiteral("none"), QStringLiteral("-monitor"), QStringLiteral("none"), QStringLiteral("-serial"),
                              QStringLiteral("file:") + m_serial, QStringLiteral("-no-reboot")}));
        QVERIFY2(waitForSerial(QStringLiteral("METALBOOT-E2E-NBP arch=aarch64")), qPrintable(diagnostics()));
        qInfo("power-on to the aarch64 EFI application in %.1f s", double(t.elapsed()) / 1000);
        QVERIFY(readSerial(m_serial).contains(QLatin1String("NBP filename is bootaa64.efi")));
        QList<QJsonObject> events;
        QTRY_VERIFY_WITH_TIMEOUT((events = journal(kArmMac), servedOverTftp(events, QStringLiteral("bootaa64.efi"))), 10000);
        // DHCP saw an arm64 UEFI client (option 93 = 11) and leased it an address from our pool.
        QVERIFY(hasEvent(events, QStringLiteral("dhcp.discover"), [](const QJsonObject &d) { return d.value(QLatin1String("arch")).toInt() == 11; }));
        QVERIFY(m_serverLog.contains("lease 10.77.0.1"));
    }

    // python3-sushy (Ironic's library): Pxe once + Reset On → QMP → PXE in full DHCP mode →
    // kernel → override consumed.
    void ironicPxeOnceThroughQmp() { ironicBoot(QStringLiteral("Pxe")); }

    // The same with UefiHttp: the rendered BootNext makes OVMF do UEFI HTTP boot (HTTPClient
    // DHCP → our http:// URL for ipxe.efi) → iPXE → kernel.
    void uefiHttpBootThroughQmp() { ironicBoot(QStringLiteral("UefiHttp")); }
};

QTEST_GUILESS_MAIN(TestQemuNetboot)
#include "tst_qemunetboot.moc"
