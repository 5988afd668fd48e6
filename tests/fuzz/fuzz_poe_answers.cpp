// What PoE switches answer (the switch, or anything between it and us, controls these bytes):
// UniFi port_table, MikroTik poe-out + monitor, Omada ports, OpenWrt ubus info (JSON), the
// command driver's status lines, watt strings and SNMP OIDs in configuration.
// Input: one control byte (which parser), then the answer.
//
// Invariants, after poe::sanitizeReadout() (what PoeSwitch publishes): at most MaxPorts ports with
// valid distinct ids; power class -1..8; watts finite and within bounds (they reach the GUI's
// charts, the watt history and Redfish Power readings). The parsers never crash on any answer.

#include "fuzzsupport.h"

#include "poe/commanddriver.h"
#include "poe/mikrotikdriver.h"
#include "poe/omadadriver.h"
#include "poe/openwrtdriver.h"
#include "poe/poetypes.h"
#include "poe/snmpclient.h"
#include "poe/unifidriver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>

namespace {

void checkPorts(const QList<poe::PortStatus> &raw, const char *driver, double total = -1, double budget = -1)
{
    poe::PortReadout r;
    r.ports = raw;
    r.totalWatts = total;
    r.budgetWatts = budget;
    poe::sanitizeReadout(&r);
    FUZZ_CHECK(r.ports.size() <= poe::MaxPorts, QStringLiteral("%1: %2 ports").arg(QLatin1String(driver)).arg(r.ports.size()));
    FUZZ_CHECK(std::isfinite(r.totalWatts) && std::isfinite(r.budgetWatts), QStringLiteral("total/budget not finite"));
    QSet<QString> ids;
    for (const poe::PortStatus &p : r.ports) {
        FUZZ_CHECK(poe::isValidPortName(p.port) && !ids.contains(p.port),
                   QStringLiteral("%1: bad or repeated port id '%2'").arg(QLatin1String(driver), p.port.left(40)));
        ids.insert(p.port);
        FUZZ_CHECK(p.powerClass >= -1 && p.powerClass <= 8,
                   QStringLiteral("%1: power class %2").arg(QLatin1String(driver)).arg(p.powerClass));
        FUZZ_CHECK(std::isfinite(p.watts) && p.watts <= poe::MaxPortWatts,
                   QStringLiteral("%1: watts %2").arg(QLatin1String(driver)).arg(p.watts));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray body = fuzzsupport::bytes(data + 1, size - 1);
    switch (data[0] % 6) {
    case 0: {
        const QJsonArray a = QJsonDocument::fromJson(body).array();
        checkPorts(UnifiDriver::parsePortTable(a), "unifi");
        break;
    }
    case 1: {
        const QJsonDocument d = QJsonDocument::fromJson(body);
        const QJsonArray all = d.array();
        checkPorts(MikrotikDriver::parsePorts(all.at(0).toArray(), all.at(1).toArray()), "mikrotik");
        break;
    }
    case 2:
        checkPorts(OmadaDriver::parsePorts(QJsonDocument::fromJson(body).array()), "omada");
        break;
    case 3: {
        const poe::PortReadout r = OpenwrtDriver::parseInfo(QJsonDocument::fromJson(body).object());
        checkPorts(r.ports, "openwrt", r.totalWatts, r.budgetWatts);
        break;
    }
    case 4:
        for (const QByteArray &line : body.split('\n')) {
            bool on = false;
            double watts = -1;
            if (CommandDriver::parseState(QString::fromUtf8(line), &on, &watts)) {
                poe::PortStatus p;
                p.port = QStringLiteral("1");
                p.watts = watts;
                checkPorts({p}, "command");
            }
        }
        break;
    default: {
        const QString text = QString::fromUtf8(body);
        poe::PortStatus p;
        p.port = QStringLiteral("1");
        p.watts = poe::parseWatts(text);
        checkPorts({p}, "watts");
        (void)snmp::parseOid(text);
        break;
    }
    }
    return 0;
}
