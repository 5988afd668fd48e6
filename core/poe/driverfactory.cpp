#include "driverfactory.h"

#include "commanddriver.h"
#include "mikrotikdriver.h"
#include "omadadriver.h"
#include "openwrtdriver.h"
#include "qmpdriver.h"
#include "simulateddriver.h"
#include "snmpdriver.h"
#include "unifidriver.h"

namespace poe {

PoeDriver *createDriver(const SwitchConfig &config, const CommonOptions &common, const QString &baseDir, QString *error,
                        QObject *parent)
{
    const QString &d = config.driver;
    const int httpTimeout = common.timeoutMs > 0 ? common.timeoutMs : 8000;
    if (d == QLatin1String("simulated"))
        return new SimulatedDriver(config, parent);
    if (d == QLatin1String("snmp"))
        return new SnmpDriver(config, common, parent);
    if (d == QLatin1String("unifi"))
        return new UnifiDriver(config, baseDir, httpTimeout, parent);
    if (d == QLatin1String("mikrotik"))
        return new MikrotikDriver(config, baseDir, httpTimeout, parent);
    if (d == QLatin1String("openwrt"))
        return new OpenwrtDriver(config, baseDir, httpTimeout, parent);
    if (d == QLatin1String("omada"))
        return new OmadaDriver(config, baseDir, httpTimeout, parent);
    if (d == QLatin1String("command"))
        return new CommandDriver(config, common.timeoutMs > 0 ? common.timeoutMs : 10000, parent);
    if (d == QLatin1String("qmp")) {
        // It launches programs: refuse a configuration that did not pass validation.
        OptionIssues issues;
        OptionReader reader(config, &issues);
        QmpDriver::parseOptions(reader, baseDir);
        if (!issues.isEmpty()) {
            if (error)
                *error = QStringLiteral("%1: %2").arg(issues.first().key, issues.first().message);
            return nullptr;
        }
        return new QmpDriver(config, baseDir, common.timeoutMs > 0 ? common.timeoutMs : 5000, parent);
    }
    if (error)
        *error = QStringLiteral("driver '%1' is not available in this build").arg(d);
    return nullptr;
}

} // namespace poe
