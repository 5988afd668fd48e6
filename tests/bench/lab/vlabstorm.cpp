// Boot storm load generator (on demand, see storm.sh): many virtual Raspberry Pi 4s (core/lab
// VirtualPi, the same client as the demo lab) booting at once against a separate Metal Boot
// process, and a replay of exactly the same transfers against reference servers.
//
//   vlabstorm prepare <dir> <count>     lab.yaml (<dir>/config) + stand-ins (<dir>/data): one set
//                                       written by VirtualLab, hard-linked into every Pi's prefix
//   vlabstorm chain <count> <dhcp> <proxy> <tftp> <manifest>
//                                       power on <count> Pis at once against 127.0.0.1: DHCP ->
//                                       TFTP -> UEFI -> iPXE -> HTTP -> netconsole "OS up"; prints
//                                       time, failures, bytes; writes every transfer to <manifest>
//   vlabstorm soak <count> <dhcp> <proxy> <tftp> <seconds> <server-pid>
//                                       <count> Pis reboot in a loop for <seconds>: failed boots,
//                                       server RSS every 10 s and its drift (soak.sh)
//   vlabstorm peer-files <manifest> <prepared-dir> <tftp-root> <www-root>
//                                       the same files (stand-ins hard-linked, generated ones at
//                                       the size Metal Boot served) for dnsmasq / nginx
//   vlabstorm replay <manifest> <tftp-port> <http-port>
//                                       every Pi's transfers in its order (probes in parallel),
//                                       with the same TFTP options and the same client checks,
//                                       all Pis at once; prints the same figures
//
// Output lines "RESULT key=value ..." are read by storm.sh.

#include "config/labconfigloader.h"
#include "lab/httpfetch.h"
#include "lab/standinfile.h"
#include "lab/tftpfetch.h"
#include "lab/virtuallab.h"
#include "lab/virtualpi.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimer>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

MacAddress macFor(int i)
{
    return *MacAddress::parse(QStringLiteral("dc:a6:32:5e:%1:%2").arg(i >> 8, 2, 16, QLatin1Char('0')).arg(i & 0xff, 2, 16, QLatin1Char('0')));
}

QString serialFor(int i)
{
    return QStringLiteral("5e%1").arg(i, 6, 16, QLatin1Char('0'));
}

constexpr const char *BootFile = "snp.efi";

int prepare(const QString &dir, int count)
{
    QByteArray yaml = "version: 1\nname: Boot storm\nservices:\n"
                      "  dhcp: {address: 127.0.0.1, port: 1067, proxy_port: 4011, mode: proxy, reply_to_source: true}\n"
                      "  tftp: {address: 127.0.0.1, port: 1069, max_block_size: 1468, max_window_size: 64, max_sessions: 4096}\n"
                      "  http: {address: 127.0.0.1, port: 8080, max_connections: 1024}\n"
                      "  redfish: {enabled: false}\n"
                      "  consoles: {address: 127.0.0.1, netconsole_port: 6666, syslog_port: 5514}\n"
                      "profiles:\n  default: {name: Blank store}\ndevices:\n";
    for (int i = 1; i <= count; ++i)
        yaml += QStringLiteral("  \"%1\": {name: storm-%2, serial: \"%3\", model: pi4, profile: default, netconsole: true, "
                               "osie: {kernel: virtual-lab/vmlinuz, initrd: virtual-lab/initrd.img, cmdline: \"console=ttyAMA0,115200\"}}\n")
                    .arg(macFor(i).toString())
                    .arg(i, 3, 10, QLatin1Char('0'))
                    .arg(serialFor(i))
                    .toUtf8();
    const QString configDir = dir + QStringLiteral("/config");
    const QString dataDir = dir + QStringLiteral("/data");
    QDir().mkpath(configDir);
    QDir().mkpath(dataDir);
    QFile f(configDir + QStringLiteral("/lab.yaml"));
    if (!f.open(QIODevice::WriteOnly) || f.write(yaml) != yaml.size()) {
        out() << "cannot write " << f.fileName() << Qt::endl;
        return 1;
    }
    f.close();
    LabConfigLoadResult loaded = LabConfigLoader::loadText(yaml, f.fileName());
    if (!loaded.ok()) {
        out() << loaded.errorText() << Qt::endl;
        return 1;
    }
    // The stand-ins of the first Pi, exactly as the demo lab writes them ...
    LabConfig one = loaded.config;
    one.devices = {one.devices.first()};
    one.devices.first().isVirtual = true;
    VirtualLab lab(nullptr);
    const QString tftpRoot = dataDir + QStringLiteral("/tftp");
    const QString httpRoot = dataDir + QStringLiteral("/http");
    lab.setEndpoints([&] {
        VirtualLab::Endpoints e;
        e.tftpRoot = tftpRoot;
        e.httpRoot = httpRoot;
        return e;
    });
    lab.setConfig(one);
    QString error;
    if (!lab.prepareFiles(&error)) {
        out() << error << Qt::endl;
        return 1;
    }
    // ... hard-linked into every other Pi's prefix (one copy in the page cache, as a real lab
    // serving one firmware release to all its Pis).
    const QString first = tftpRoot + QLatin1Char('/') + serialFor(1);
    for (int i = 2; i <= count; ++i) {
        QDirIterator it(first, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString src = it.next();
            const QString dst = tftpRoot + QLatin1Char('/') + serialFor(i) + src.mid(first.size());
            QDir().mkpath(QFileInfo(dst).absolutePath());
            QFile::remove(dst);
            if (::link(QFile::encodeName(src).constData(), QFile::encodeName(dst).constData()) != 0) {
                out() << "cannot link " << dst << Qt::endl;
                return 1;
            }
        }
    }
    out() << "prepared " << count << " Pis in " << dir << Qt::endl;
    return 0;
}

struct Totals
{
    qint64 tftpBytes = 0;
    qint64 httpBytes = 0;
    int transfers = 0;
};

// Pi number `i` (1-based) of a storm or soak against 127.0.0.1: powered on at once, no simulated
// OS boot time (network time only), `timeoutMs` for each DHCP exchange, TFTP file and HTTP fetch.
VirtualPi::Config piConfig(int i, const QString &name, quint16 dhcpPort, quint16 proxyPort, quint16 tftpPort, int timeoutMs)
{
    VirtualPi::Config c;
    c.identity.mac = macFor(i);
    c.identity.serial = serialFor(i).toUInt(nullptr, 16);
    c.name = QStringLiteral("%1-%2").arg(name).arg(i);
    c.address = VirtualLab::addressFor(i - 1);
    c.dhcpServer = QHostAddress(QHostAddress::LocalHost);
    c.dhcpPort = dhcpPort;
    c.proxyPort = proxyPort;
    c.tftpPort = tftpPort;
    c.powerOnDelayMs = 0;
    c.osBootMs = 0;
    c.sleepScale = 0;
    c.dhcpTimeoutMs = timeoutMs;
    c.tftpFileTimeoutMs = timeoutMs;
    c.httpTimeoutMs = timeoutMs;
    return c;
}

int chain(int count, quint16 dhcpPort, quint16 proxyPort, quint16 tftpPort, const QString &manifestPath)
{
    QList<VirtualPi *> pis;
    for (int i = 1; i <= count; ++i) {
        pis.append(new VirtualPi(piConfig(i, QStringLiteral("storm"), dhcpPort, proxyPort, tftpPort, 120000), qApp));
    }
    int settled = 0;
    QElapsedTimer clock;
    qint64 lastMs = 0;
    for (VirtualPi *pi : std::as_const(pis)) {
        QObject::connect(pi, &VirtualPi::stageChanged, qApp, [&, pi](VirtualPi::Stage s) {
            if (s != VirtualPi::Stage::OsUp && s != VirtualPi::Stage::Failed)
                return;
            lastMs = clock.elapsed();
            if (s == VirtualPi::Stage::Failed)
                out() << "FAILED " << pi->mac().toString() << " at " << pi->failedStep() << ": " << pi->failure() << Qt::endl;
            if (++settled == count)
                qApp->quit();
        });
    }
    clock.start();
    for (VirtualPi *pi : std::as_const(pis))
        pi->powerOn();
    QTimer::singleShot(600000, qApp, [] {
        out() << "gave up after 600 s" << Qt::endl;
        qApp->quit();
    });
    QCoreApplication::exec();

    int up = 0;
    Totals t;
    QJsonArray manifest;
    for (VirtualPi *pi : std::as_const(pis)) {
        if (pi->stage() == VirtualPi::Stage::OsUp)
            ++up;
        QJsonArray files;
        for (const auto &f : pi->files()) {
            files.append(QJsonObject{{QStringLiteral("via"), f.via}, {QStringLiteral("name"), f.name}, {QStringLiteral("bytes"), f.bytes},
                                     {QStringLiteral("probe"), f.probe}, {QStringLiteral("ok"), f.ok}});
            if (f.ok && !f.probe) {
                (f.via == QLatin1String("tftp") ? t.tftpBytes : t.httpBytes) += f.bytes;
                ++t.transfers;
            }
        }
        manifest.append(QJsonObject{{QStringLiteral("mac"), pi->mac().toString()}, {QStringLiteral("files"), files}});
    }
    QFile m(manifestPath);
    if (m.open(QIODevice::WriteOnly))
        m.write(QJsonDocument(manifest).toJson(QJsonDocument::Compact));
    out() << "RESULT side=metalboot pis=" << count << " up=" << up << " failed=" << (count - up) << " ms=" << lastMs
          << " tftp_bytes=" << t.tftpBytes << " http_bytes=" << t.httpBytes << " transfers=" << t.transfers << Qt::endl;
    return up == count ? 0 : 1;
}

// Server memory (VmRSS, KiB) of process `pid`; 0 if it is gone.
qint64 rssKib(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

qint64 median(QList<qint64> v)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

// Soak: <count> Pis boot through the whole chain again and again for <seconds>; each Pi reboots
// 0.5-2 s after it reached OS up or failed. Samples the server's RSS every 10 s. Drift compares
// the median RSS of the last 20 % of the run with the median of the 20-30 % mark (after every
// cache and bounded buffer had a chance to fill), so warm-up is not counted as a leak.
int soak(int count, quint16 dhcpPort, quint16 proxyPort, quint16 tftpPort, int seconds, qint64 serverPid)
{
    QList<VirtualPi *> pis;
    for (int i = 1; i <= count; ++i) {
        pis.append(new VirtualPi(piConfig(i, QStringLiteral("soak"), dhcpPort, proxyPort, tftpPort, 60000), qApp));
    }
    QElapsedTimer clock;
    clock.start();
    const qint64 endMs = qint64(seconds) * 1000;
    bool stopping = false;
    int boots = 0;
    int failures = 0;
    QList<qint64> bootMs;
    auto *rng = QRandomGenerator::global();
    for (VirtualPi *pi : std::as_const(pis)) {
        QObject::connect(pi, &VirtualPi::stageChanged, qApp, [&, pi](VirtualPi::Stage s) {
            if (s != VirtualPi::Stage::OsUp && s != VirtualPi::Stage::Failed)
                return;
            ++boots;
            bootMs.append(pi->msSincePowerOn());
            if (s == VirtualPi::Stage::Failed) {
                ++failures;
                out() << "FAILED " << pi->mac().toString() << " boot " << pi->bootCount() << " at " << pi->failedStep()
                      << ": " << pi->failure() << Qt::endl;
            }
            if (stopping)
                return;
            QTimer::singleShot(500 + int(rng->bounded(1500)), pi, [pi, &stopping] {
                if (!stopping)
                    pi->reboot();
            });
        });
    }
    struct Sample
    {
        qint64 ms;
        qint64 kib;
    };
    QList<Sample> samples;
    QTimer sampler;
    auto sample = [&] {
        const qint64 kib = rssKib(serverPid);
        samples.append({clock.elapsed(), kib});
        out() << "t=" << clock.elapsed() / 1000 << "s boots=" << boots << " failed=" << failures << " server_rss_kib=" << kib << Qt::endl;
        if (kib == 0) {
            out() << "server process " << serverPid << " is gone" << Qt::endl;
            qApp->exit(1);
        }
    };
    QObject::connect(&sampler, &QTimer::timeout, qApp, sample);
    sampler.start(10000);
    for (VirtualPi *pi : std::as_const(pis))
        pi->powerOn();
    QTimer::singleShot(int(endMs), qApp, [&] {
        // Let the boots in flight finish (at most 60 s), then stop.
        stopping = true;
        auto *settle = new QTimer(qApp);
        QObject::connect(settle, &QTimer::timeout, qApp, [&, settle] {
            const bool busy = std::any_of(pis.cbegin(), pis.cend(), [](const VirtualPi *p) {
                return p->stage() != VirtualPi::Stage::OsUp && p->stage() != VirtualPi::Stage::Failed && p->stage() != VirtualPi::Stage::Off;
            });
            if (!busy || clock.elapsed() > endMs + 60000) {
                settle->stop();
                qApp->quit();
            }
        });
        settle->start(200);
    });
    QCoreApplication::exec();
    sample();

    int unfinished = 0;
    for (VirtualPi *pi : std::as_const(pis))
        if (pi->stage() != VirtualPi::Stage::OsUp && pi->stage() != VirtualPi::Stage::Failed && pi->stage() != VirtualPi::Stage::Off)
            ++unfinished;
    QList<qint64> warm, last;
    for (const Sample &x : std::as_const(samples)) {
        if (x.ms >= endMs * 2 / 10 && x.ms <= endMs * 3 / 10)
            warm.append(x.kib);
        if (x.ms >= endMs * 8 / 10)
            last.append(x.kib);
    }
    const qint64 base = median(warm);
    const qint64 end = median(last);
    qint64 peak = 0;
    for (const Sample &x : std::as_const(samples))
        peak = std::max(peak, x.kib);
    const double drift = base > 0 ? 100.0 * double(end - base) / double(base) : 0.0;
    out() << "RESULT side=soak pis=" << count << " seconds=" << seconds << " boots=" << boots << " failed=" << (failures + unfinished)
          << " boot_p50_ms=" << median(bootMs) << " rss_warm_kib=" << base << " rss_end_kib=" << end << " rss_peak_kib=" << peak
          << " drift_pct=" << QString::number(drift, 'f', 2) << Qt::endl;
    return failures + unfinished == 0 && base > 0 && drift < 5.0 ? 0 : 1;
}

QJsonArray readManifest(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).array();
}

bool isBootFile(const QString &name)
{
    return name == QLatin1String(BootFile);
}

int peerFiles(const QString &manifestPath, const QString &prepared, const QString &tftpRoot, const QString &wwwRoot)
{
    const QJsonArray manifest = readManifest(manifestPath);
    if (manifest.isEmpty()) {
        out() << "empty manifest " << manifestPath << Qt::endl;
        return 1;
    }
    const QString srcTftp = prepared + QStringLiteral("/data/tftp");
    const QString srcHttp = prepared + QStringLiteral("/data/http");
    QSet<QString> done;
    auto place = [&](const QString &src, const QString &dst, qint64 bytes) {
        if (done.contains(dst))
            return true;
        done.insert(dst);
        QDir().mkpath(QFileInfo(dst).absolutePath());
        QFile::remove(dst);
        if (QFile::exists(src))   // a stand-in: the very same bytes
            return ::link(QFile::encodeName(src).constData(), QFile::encodeName(dst).constData()) == 0;
        // Generated by Metal Boot (config.txt, cmdline.txt, RPI_EFI.fd, the iPXE script): same size.
        QFile f(dst);
        return f.open(QIODevice::WriteOnly) && f.write(QByteArray(bytes, '#')) == bytes;
    };
    for (const QJsonValue &pi : manifest) {
        const QString serialDir = [&] {
            for (const QJsonValue &v : pi.toObject().value(QStringLiteral("files")).toArray()) {
                const QString n = v.toObject().value(QStringLiteral("name")).toString();
                if (n.contains(QLatin1Char('/')) && v.toObject().value(QStringLiteral("via")).toString() == QLatin1String("tftp"))
                    return n.section(QLatin1Char('/'), 0, 0);
            }
            return QString();
        }();
        for (const QJsonValue &v : pi.toObject().value(QStringLiteral("files")).toArray()) {
            const QJsonObject o = v.toObject();
            if (!o.value(QStringLiteral("ok")).toBool() || o.value(QStringLiteral("probe")).toBool())
                continue;   // files that were missing stay missing
            const QString name = o.value(QStringLiteral("name")).toString();
            const qint64 bytes = o.value(QStringLiteral("bytes")).toInteger();
            bool ok = true;
            if (o.value(QStringLiteral("via")).toString() == QLatin1String("tftp")) {
                const QString src = isBootFile(name) ? QString(srcTftp + QLatin1Char('/') + serialDir + QLatin1Char('/') + name)
                                                     : QString(srcTftp + QLatin1Char('/') + name);
                ok = place(src, tftpRoot + QLatin1Char('/') + name, bytes);
            } else {
                const QString path = QUrl(name).path();
                ok = place(srcHttp + path, wwwRoot + path, bytes);
            }
            if (!ok) {
                out() << "cannot place " << name << Qt::endl;
                return 1;
            }
        }
    }
    out() << "placed " << done.size() << " files" << Qt::endl;
    return 0;
}

// One Pi's transfers, in order; consecutive probes run in parallel (the bootloader's RRQ burst).
class Replayer : public QObject
{
    Q_OBJECT
public:
    Replayer(const QJsonArray &files, int index, quint16 tftpPort, quint16 httpPort, QObject *parent)
        : QObject(parent)
        , m_files(files)
        , m_address(VirtualLab::addressFor(index))
        , m_tftpPort(tftpPort)
        , m_httpPort(httpPort)
        , m_random(quint32(index))
    {
    }
    void start() { next(); }
    [[nodiscard]] bool failed() const { return !m_error.isEmpty(); }
    [[nodiscard]] QString error() const { return m_error; }
    Totals totals;

Q_SIGNALS:
    void done();

private:
    void next()
    {
        if (m_at >= m_files.size() || failed()) {
            Q_EMIT done();
            return;
        }
        const QJsonObject first = m_files.at(m_at).toObject();
        if (first.value(QStringLiteral("probe")).toBool() && !isBootFile(first.value(QStringLiteral("name")).toString())) {
            int end = m_at;
            while (end < m_files.size() && m_files.at(end).toObject().value(QStringLiteral("probe")).toBool())
                ++end;
            m_pending = end - m_at;
            for (int i = m_at; i < end; ++i)
                run(m_files.at(i).toObject());
            m_at = end;
            return;
        }
        m_pending = 1;
        ++m_at;
        run(first);
    }
    void finished(bool ok, const QString &name, const QString &error, bool mustWork)
    {
        if (!ok && mustWork && m_error.isEmpty())
            m_error = name + QStringLiteral(": ") + error;
        if (--m_pending == 0)
            next();
    }
    void run(const QJsonObject &o)
    {
        const QString name = o.value(QStringLiteral("name")).toString();
        const bool probe = o.value(QStringLiteral("probe")).toBool();
        const bool mustWork = o.value(QStringLiteral("ok")).toBool();
        auto verifier = std::make_shared<StandInFile::Verifier>(name.section(QLatin1Char('/'), -1));
        if (o.value(QStringLiteral("via")).toString() == QLatin1String("tftp")) {
            TftpFetch::Request r;
            r.local = m_address;
            r.server = QHostAddress(QHostAddress::LocalHost);
            r.port = m_tftpPort;
            r.file = name;
            r.retransmitMs = 1000;
            r.timeoutMs = 120000;
            if (isBootFile(name)) {   // EDK2: size probe, then the windowed read
                r.mode = probe ? TftpFetch::Mode::SizeProbe : TftpFetch::Mode::Full;
                r.blockSize = 1468;
                r.windowSize = 4;
                r.tsize = probe;
            } else {                  // the Pi bootloader / start4.elf
                r.mode = probe ? TftpFetch::Mode::Probe : TftpFetch::Mode::Full;
                r.blockSize = 1024;
                r.rollover = false;
            }
            auto *f = new TftpFetch(r, {}, &m_random, this);
            if (!probe)
                f->setSink([verifier](const char *d, qsizetype n) { verifier->add(d, n); });
            connect(f, &TftpFetch::finished, this, [this, name, probe, mustWork, verifier](TftpFetch *fetch) {
                fetch->deleteLater();
                TftpFetch::Result res = fetch->result();
                if (res.ok && !probe) {
                    res.error = verifier->finish();   // the same work as the virtual Pi's firmware check
                    res.ok = res.error.isEmpty();
                    totals.tftpBytes += res.bytes;
                    ++totals.transfers;
                }
                finished(res.ok, name, res.error, mustWork);
            });
            f->start();
            return;
        }
        QUrl url(name);
        url.setPort(m_httpPort);
        HttpFetch::Request r;
        r.local = m_address;
        r.url = url;
        r.timeoutMs = 120000;
        auto *h = new HttpFetch(r, this);
        h->setSink([verifier](const char *d, qsizetype n) { verifier->add(d, n); });
        connect(h, &HttpFetch::finished, this, [this, name, mustWork, verifier](HttpFetch *fetch) {
            fetch->deleteLater();
            HttpFetch::Result res = fetch->result();
            if (res.ok) {
                res.error = verifier->finish();
                res.ok = res.error.isEmpty();
                totals.httpBytes += res.bytes;
                ++totals.transfers;
            }
            finished(res.ok, name, res.error, mustWork);
        });
        h->start();
    }

    QJsonArray m_files;
    QHostAddress m_address;
    quint16 m_tftpPort;
    quint16 m_httpPort;
    QRandomGenerator m_random;
    int m_at = 0;
    int m_pending = 0;
    QString m_error;
};

int replay(const QString &manifestPath, quint16 tftpPort, quint16 httpPort)
{
    const QJsonArray manifest = readManifest(manifestPath);
    if (manifest.isEmpty()) {
        out() << "empty manifest " << manifestPath << Qt::endl;
        return 1;
    }
    QList<Replayer *> all;
    int settled = 0;
    QElapsedTimer clock;
    qint64 lastMs = 0;
    for (int i = 0; i < manifest.size(); ++i) {
        auto *r = new Replayer(manifest.at(i).toObject().value(QStringLiteral("files")).toArray(), i, tftpPort, httpPort, qApp);
        all.append(r);
        QObject::connect(r, &Replayer::done, qApp, [&, r] {
            lastMs = clock.elapsed();
            if (r->failed())
                out() << "FAILED replay " << all.indexOf(r) << ": " << r->error() << Qt::endl;
            if (++settled == all.size())
                qApp->quit();
        });
    }
    clock.start();
    for (Replayer *r : std::as_const(all))
        r->start();
    QTimer::singleShot(600000, qApp, [] {
        out() << "gave up after 600 s" << Qt::endl;
        qApp->quit();
    });
    QCoreApplication::exec();
    Totals t;
    int failed = 0;
    for (Replayer *r : std::as_const(all)) {
        t.tftpBytes += r->totals.tftpBytes;
        t.httpBytes += r->totals.httpBytes;
        t.transfers += r->totals.transfers;
        failed += r->failed() ? 1 : 0;
    }
    out() << "RESULT side=peer pis=" << all.size() << " up=" << (all.size() - failed) << " failed=" << failed << " ms=" << lastMs
          << " tftp_bytes=" << t.tftpBytes << " http_bytes=" << t.httpBytes << " transfers=" << t.transfers << Qt::endl;
    return failed == 0 ? 0 : 1;
}

int usage()
{
    out() << "usage: vlabstorm prepare <dir> <count> | chain <count> <dhcp-port> <proxy-port> <tftp-port> <manifest>\n"
             "       | soak <count> <dhcp-port> <proxy-port> <tftp-port> <seconds> <server-pid>\n"
             "       | peer-files <manifest> <prepared-dir> <tftp-root> <www-root> | replay <manifest> <tftp-port> <http-port>"
          << Qt::endl;
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() >= 4 && a.at(1) == QLatin1String("prepare"))
        return prepare(a.at(2), std::clamp(a.at(3).toInt(), 1, 4000));
    if (a.size() >= 7 && a.at(1) == QLatin1String("chain"))
        return chain(std::clamp(a.at(2).toInt(), 1, 4000), quint16(a.at(3).toUInt()), quint16(a.at(4).toUInt()), quint16(a.at(5).toUInt()), a.at(6));
    if (a.size() >= 8 && a.at(1) == QLatin1String("soak"))
        return soak(std::clamp(a.at(2).toInt(), 1, 4000), quint16(a.at(3).toUInt()), quint16(a.at(4).toUInt()), quint16(a.at(5).toUInt()),
                    std::clamp(a.at(6).toInt(), 10, 86400), a.at(7).toLongLong());
    if (a.size() >= 6 && a.at(1) == QLatin1String("peer-files"))
        return peerFiles(a.at(2), a.at(3), a.at(4), a.at(5));
    if (a.size() >= 5 && a.at(1) == QLatin1String("replay"))
        return replay(a.at(2), quint16(a.at(3).toUInt()), quint16(a.at(4).toUInt()));
    return usage();
}

#include "vlabstorm.moc"
