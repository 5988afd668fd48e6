#pragma once

#include "common/macaddress.h"
#include "config/labconfig.h"
#include "lifecycle.h"
#include "nativeboot.h"

#include <QObject>

class LabEngine;
class LifecycleManager;
class ProvisionApi;
class TalosImages;
class WorkflowStore;

// Provisioning as the lab sees it: the device lifecycle, the workflows folder, the deploy
// environment's HTTP API (/api/v1/boot/pi, register-pi, callbacks, IPA inspection), the
// operator's routes (assign a workflow, move a device through its lifecycle) and the Talos
// image cache. Owned by LabEngine, lives on the engine thread.
class Provisioning : public QObject
{
    Q_OBJECT
public:
    explicit Provisioning(LabEngine *engine, QObject *parent = nullptr);
    ~Provisioning() override;

    // Opens <data>/lifecycle.json; call before the first applyConfig().
    void open();
    void applyConfig(const LabConfig &config);

    [[nodiscard]] LifecycleManager *lifecycle() const { return m_lifecycle; }
    [[nodiscard]] WorkflowStore *workflows() const { return m_workflows; }
    [[nodiscard]] TalosImages *talos() const { return m_talos; }
    [[nodiscard]] const ProvisioningConfig &config() const { return m_config; }
    [[nodiscard]] QString deployDirectory() const;
    [[nodiscard]] QString baseUrl() const;

    // Entry point for the TFTP server's Pi provider (native boot path): the files of the
    // "<serial>/" directory for the device with this serial (or MAC), per its lifecycle state
    // and workflow. An unknown serial gets the discovery files. See provision::piBootFiles.
    [[nodiscard]] provision::NativeBootFiles nativeBootFiles(const QString &serial, const MacAddress &mac = {}) const;
    // The same for a known device in a given state (previews).
    [[nodiscard]] provision::NativeBootFiles nativeBootFilesFor(const MacAddress &mac, lifecycle::State state) const;
    // Kernel arguments that make the Ironic Python Agent inspect this device and call back
    // (for its iPXE script / osie cmdline): ipa-inspection-callback-url with its token, BOOTIF.
    [[nodiscard]] QString ipaKernelArgs(const MacAddress &mac) const;
    // "netconsole=..." for a device that opted in (DeviceConfig::netconsole), else empty.
    [[nodiscard]] QString netconsoleArgument(const MacAddress &mac) const;
    // "aarch64", "x86_64" or empty, from the device's model.
    [[nodiscard]] QString deviceArch(const MacAddress &mac) const;

private:
    provision::NativeBootDevice bootDevice(const MacAddress &mac, const QString &serial) const;

    LabEngine *m_engine;
    LifecycleManager *m_lifecycle;
    WorkflowStore *m_workflows;
    TalosImages *m_talos;
    ProvisionApi *m_api;
    ProvisioningConfig m_config;
    bool m_opened = false;
};
