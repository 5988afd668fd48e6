#include "qmpfirmware.h"

#include "common/atomicfile.h"
#include "common/logging.h"
#include "poeswitch.h"
#include "powermanager.h"
#include "qmpdriver.h"

#include <QPointer>

namespace qmp {

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
                const Result<QByteArray> image = renderer(mac);
                if (!image)
                    return QStringLiteral("the UEFI variable store of %1 cannot be rendered: %2").arg(mac.toString(), image.error());
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
