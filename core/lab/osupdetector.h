#pragma once

#include "common/macaddress.h"

#include <QList>
#include <QObject>
#include <QRegularExpression>
#include <QStringList>

class DeviceJournal;
class DeviceRegistry;
struct ConsoleLine;

// Recognises a booted operating system from its console (netconsole, syslog, USB-UART): the
// first line of a boot that matches one of services.consoles.os_up_patterns (default: systemd's
// "Reached target ... Multi-User System" and a getty "<host> login:" prompt) journals `os.up` with
// stage os-up for that device. Real Pis and virtual Pis are treated alike: the virtual Pi's kernel
// sends exactly these lines over netconsole. Once per boot: nothing more while the device is
// already at os-up (a new DHCP/TFTP stage starts the next boot). Engine thread.
class OsUpDetector : public QObject
{
    Q_OBJECT
public:
    OsUpDetector(DeviceRegistry *registry, DeviceJournal *journal, QObject *parent = nullptr);

    // Invalid patterns are skipped (lab.yaml validation rejects them before they get here).
    void setPatterns(const QStringList &patterns);
    // The first pattern that matches `text`, or an empty string.
    [[nodiscard]] QString match(const QString &text) const;

    void onLine(const ConsoleLine &line);

Q_SIGNALS:
    void osUp(const MacAddress &mac, const QString &line);

private:
    DeviceRegistry *m_registry;
    DeviceJournal *m_journal;
    QList<QRegularExpression> m_patterns;
};
