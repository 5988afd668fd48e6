#pragma once

#include "engine/labengine.h"
#include "setupplan.h"

#include <QObject>
#include <QPointer>

class SetupWizard;

// Test-only helper for the QML tests: drives a real LabEngine (on its thread) as the network
// services would — devices seen on the wire, boot stages, journal events — and feeds the
// setup wizard a fixed list of interfaces. It never binds a socket.
class LabDriver : public QObject
{
    Q_OBJECT
public:
    LabDriver(LabEngine *engine, SetupWizard *wizard, QObject *parent = nullptr);

    // A device seen on the wire (discovered, not adopted).
    Q_INVOKABLE void observe(const QString &mac, const QString &serial, const QString &model);
    // A journal event as a service would append it (stage: "dhcp", "tftp", ..., "" = none).
    Q_INVOKABLE void event(const QString &mac, const QString &source, const QString &kind, const QString &stage,
                           const QString &severity, const QString &message);
    // Three interfaces: lab0 (wired, 10.99.0.1/24, no router), home0 (wired, 192.168.1.20/24,
    // router 192.168.1.1) and wlan0 (Wi-Fi).
    Q_INVOKABLE void useTestInterfaces();
    // The lab file as written by the engine.
    Q_INVOKABLE QString labYaml() const;

private:
    QPointer<LabEngine> m_engine;
    SetupWizard *m_wizard;
};
