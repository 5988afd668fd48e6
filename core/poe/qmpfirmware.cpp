#include "qmpfirmware.h"

#include "common/atomicfile.h"
#include "common/logging.h"
#include "efi/bootentries.h"
#include "efi/devicepath.h"
#include "efi/varstore.h"
#include "poeswitch.h"
#include "powermanager.h"
#include "qmpdriver.h"

#include <QFile>
#include <QHash>
#include <QPointer>

namespace qmp {

namespace {

// The last two nodes of a network entry: MAC(mac) and IPv4()/IPv6(); 0 if not such an entry.
quint8 networkTail(const efi::DevicePath::Instance &nodes, const QByteArray &mac)
{
    if (nodes.size() < 2)
        return 0;
    const efi::DevicePathNode &m = nodes.at(nodes.size() - 2);
    const efi::DevicePathNode &ip = nodes.last();
    if (!m.is(efi::dp::Messaging, efi::dp::MsgMac) || !m.data.startsWith(mac))
        return 0;
    if (ip.type != efi::dp::Messaging || (ip.subType != efi::dp::MsgIpv4 && ip.subType != efi::dp::MsgIpv6))
        return 0;
    return ip.subType;
}

} // namespace

Result<QByteArray> adoptFirmwareNicPaths(const QByteArray &rendered, const QByteArray &previous, const MacAddress &mac, int *adopted)
{
    if (adopted)
        *adopted = 0;
    const auto old = efi::VarStore::parse(previous);
    if (!old.ok())
        return rendered;
    const QByteArray macBytes = mac.toBytes();
    // IP node subtype → the firmware's full path for this NIC.
    QHash<quint8, efi::DevicePath::Instance> full;
    const auto oldEntries = efi::bootEntries(old.value());
    for (const efi::LoadOption &o : oldEntries) {
        const QList<efi::DevicePath::Instance> instances = o.devicePath().instances();
        if (instances.size() != 1 || instances.first().size() < 3)
            continue;
        if (const quint8 ip = networkTail(instances.first(), macBytes); ip != 0 && !full.contains(ip))
            full.insert(ip, instances.first());
    }
    if (full.isEmpty())
        return rendered;
    auto store = efi::VarStore::parse(rendered);
    if (!store.ok())
        return Result<QByteArray>::failure(store.error());
    int count = 0;
    const auto entries = efi::bootEntries(store.value());
    for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
        const QList<efi::DevicePath::Instance> instances = it.value().devicePath().instances();
        if (instances.size() != 1 || instances.first().size() != 2)
            continue;
        const quint8 ip = networkTail(instances.first(), macBytes);
        if (ip == 0 || !full.contains(ip))
            continue;
        efi::LoadOption option = it.value();
        option.setDevicePath(efi::DevicePath(full.value(ip)));
        efi::setBootEntry(store.value(), it.key(), option);
        ++count;
    }
    if (count == 0)
        return rendered;
    auto image = store.value().serialize();
    if (!image.ok())
        return image;
    if (adopted)
        *adopted = count;
    return image;
}

void attachFirmware(PowerManager *power, const LabConfig &config, FirmwareRenderer renderer)
{
    if (!power || !renderer)
        return;
    QList<MacAddress> profiled;
    for (const DeviceConfig &d : config.devices)
        if (!d.profile.isEmpty())
            profiled.append(d.mac);
    const QPointer<PowerManager> pm(power);
    for (const SwitchConfig &s : config.switches) {
        if (s.driver != QLatin1String("qmp"))
            continue;
        PoeSwitch *sw = power->poeSwitch(s.id);
        auto *driver = sw ? qobject_cast<QmpDriver *>(sw->driver()) : nullptr;
        if (!driver)
            continue;
        const QString switchId = s.id;
        driver->setVarsWriter([pm, switchId, profiled, renderer](const QString &port, const QString &path) -> QString {
            if (!pm)
                return {};
            for (const MacAddress &mac : profiled) {
                const PowerManager::Binding b = pm->binding(mac);
                if (b.switchId != switchId || b.port != port)
                    continue;
                Result<QByteArray> image = renderer(mac);
                if (!image)
                    return QStringLiteral("the UEFI variable store of %1 cannot be rendered: %2").arg(mac.toString(), image.error());
                // The store the VM left behind names its NIC's full device path (bounded read:
                // a vars file is a few MiB at most, AAVMF's 64 MiB).
                QFile previous(path);
                if (previous.size() <= qint64(64) << 20 && previous.open(QIODevice::ReadOnly)) {
                    int adopted = 0;
                    image = adoptFirmwareNicPaths(image.value(), previous.readAll(), mac, &adopted);
                    if (!image)
                        return QStringLiteral("the UEFI variable store of %1 cannot be written: %2").arg(mac.toString(), image.error());
                    if (adopted > 0)
                        qCInfo(lcPoe).noquote() << "VM" << switchId << "port" << port << "boot entries of" << mac.toString()
                                                << "use the NIC's device path the firmware recorded";
                }
                QString error;
                if (!atomicfile::write(path, image.value(), &error, atomicfile::Backup::None, 0600))
                    return QStringLiteral("cannot write %1: %2").arg(path, error);
                qCInfo(lcPoe).noquote() << "VM" << switchId << "port" << port << "gets the rendered variable store of"
                                        << mac.toString() << QStringLiteral("(%1 bytes)").arg(image->size());
                return {};
            }
            return {};
        });
    }
}

} // namespace qmp
