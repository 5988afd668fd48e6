// Rendering a per-device 2 MB RPI_EFI.fd: parse the image, add the device's PXE entry (first in
// BootOrder) and BootNext, write the whole image (including the re-parse check). Prints the
// median and p95 wall time and the median CPU time of each path in milliseconds, one
// "name median p95 cpu_median" line each (CPU time keeps the comparison fair on a busy machine).
//
//   bench_efi_render IMAGE [ITERATIONS]

#include "devices/bootcontrol.h"
#include "efi/bootentries.h"
#include "efi/firmwareservice.h"
#include "efi/varstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <ctime>
#include <functional>

namespace {

struct Figures
{
    double median;
    double p95;
    double cpuMedian;
};

double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

Figures measure(int iterations, const std::function<void(int)> &op)
{
    QList<double> ms;
    QList<double> cpu;
    for (int i = 0; i < 5; ++i)   // warm-up
        op(i);
    for (int i = 0; i < iterations; ++i) {
        QElapsedTimer t;
        const double c = cpuMs();
        t.start();
        op(i);
        ms.append(double(t.nsecsElapsed()) / 1e6);
        cpu.append(cpuMs() - c);
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    return {ms.at(ms.size() / 2), ms.at(std::min<qsizetype>(ms.size() - 1, qsizetype(ms.size() * 0.95))), cpu.at(cpu.size() / 2)};
}

MacAddress macFor(int i)
{
    return MacAddress({0xdc, 0xa6, 0x32, 0x00, std::uint8_t(i >> 8), std::uint8_t(i)});
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("metalboot.*=false"));
    QTextStream out(stdout);
    if (argc < 2) {
        QTextStream(stderr) << "usage: bench_efi_render IMAGE [ITERATIONS]\n";
        return 2;
    }
    const QString image = QString::fromLocal8Bit(argv[1]);
    const int iterations = argc > 2 ? QString::fromLatin1(argv[2]).toInt() : 200;
    QFile f(image);
    if (!f.open(QIODevice::ReadOnly))
        return 1;
    const QByteArray bytes = f.readAll();
    qsizetype sink = 0;

    // 1. From the raw bytes, like a one-shot tool: parse + PXE entry + BootNext + serialize.
    const Figures full = measure(iterations, [&](int i) {
        auto store = efi::VarStore::parse(bytes);
        auto n = efi::addBootEntry(*store, efi::makePxeEntry(macFor(i)), efi::Placement::First);
        efi::setBootNext(*store, n.value());
        sink += store->serialize()->size();
    });

    // 2. FirmwareService::render() for a new device each time (profile cached, image not).
    QTemporaryDir dir;
    LabConfig lab;
    ProfileConfig profile;
    profile.id = QStringLiteral("bench");
    profile.baseImage = image;
    lab.profiles = {profile};
    BootControl control;
    FirmwareService service(dir.path(), &control);
    BootOverride pxe;
    pxe.target = BootOverride::Target::Pxe;
    pxe.enabled = BootOverride::Enabled::Continuous;
    for (int i = 0; i < iterations + 10; ++i) {
        DeviceConfig d;
        d.mac = macFor(i);
        d.profile = profile.id;
        lab.devices.append(d);
        control.setOverride(d.mac, pxe);
    }
    service.setConfig(lab);
    const Figures render = measure(iterations, [&](int i) { sink += service.render(macFor(i + 5)).value().size(); });
    // 3. The same request again (TFTP retry, second Pi with identical inputs): cache hit.
    const Figures cached = measure(iterations, [&](int) { sink += service.render(macFor(7)).value().size(); });

    out << "ours_parse_add_bootnext_write " << full.median << ' ' << full.p95 << ' ' << full.cpuMedian << '\n';
    out << "ours_service_render " << render.median << ' ' << render.p95 << ' ' << render.cpuMedian << '\n';
    out << "ours_service_cached " << cached.median << ' ' << cached.p95 << ' ' << cached.cpuMedian << '\n';
    out << "bytes " << sink / (3 * (iterations + 5)) << '\n';
    return 0;
}
