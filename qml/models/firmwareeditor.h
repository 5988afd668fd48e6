#pragma once

#include "bootentrymodel.h"
#include "common/macaddress.h"
#include "config/labconfig.h"
#include "firmwareadapter.h"
#include "firmwaresettingsmodel.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class LabEngine;
class LabFacade;

// The boot editor of a profile or a device, over the UEFI engine (LabEngine::firmware(),
// firmwareSettings(), bootControl()), reached only through queued invokes:
//  - profile: its store's Boot####/BootOrder/Timeout and Pi settings; Apply writes the changed
//    variables into <data>/profiles/<id>/variables.json, BootOrder into lab.yaml's boot_order and
//    the settings into the profile's settings (LabEngine::modifyConfig);
//  - device: what its rendered RPI_EFI.fd holds (profile + its own PXE entry + BootNext from the
//    boot override); its entries and order come from the profile (the engine has no per-device
//    boot order), BootNext becomes a one-time boot override, settings become device overrides
//    (FirmwareSettings::setAttributes).
// After Apply the editor reloads from the engine: what it shows is what the device gets at its
// next boot. Every edit (entries or settings) can be undone in order.
class FirmwareEditor : public QObject, public BootConfigurationBackend
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Lab.firmware")
    Q_PROPERTY(bool open READ isOpen NOTIFY openChanged)
    Q_PROPERTY(QString targetKind READ targetKind NOTIFY targetChanged)
    Q_PROPERTY(QString targetId READ targetId NOTIFY targetChanged)
    Q_PROPERTY(QString title READ title NOTIFY targetChanged)
    Q_PROPERTY(QString profileId READ profileId NOTIFY loadedChanged)
    Q_PROPERTY(QVariantList macChoices READ macChoices NOTIFY loadedChanged)
    Q_PROPERTY(QString firmwareInfo READ firmwareInfo NOTIFY loadedChanged)
    Q_PROPERTY(QString nextBoot READ nextBoot NOTIFY loadedChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(QString loadError READ loadError NOTIFY loadedChanged)
    Q_PROPERTY(bool applying READ isApplying NOTIFY applyingChanged)
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)
    Q_PROPERTY(bool statusOk READ statusOk NOTIFY statusChanged)
    Q_PROPERTY(bool dirty READ isDirty NOTIFY editsChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY editsChanged)
    Q_PROPERTY(QStringList diff READ diff NOTIFY editsChanged)
    Q_PROPERTY(BootEntryModel *entries READ entries CONSTANT)
    Q_PROPERTY(FirmwareSettingsModel *settings READ settings CONSTANT)
public:
    // What the engine returned for a target (also filled by tests).
    struct Loaded
    {
        QString error;
        QString profileId;
        BootConfiguration boot;
        QList<firmwareadapter::SettingRow> settings;
        QString firmwareInfo;
    };

    explicit FirmwareEditor(LabFacade *facade, QObject *parent = nullptr);
    void attach(LabEngine *engine);

    [[nodiscard]] bool isOpen() const { return !m_kind.isEmpty(); }
    [[nodiscard]] QString targetKind() const { return m_kind; }
    [[nodiscard]] QString targetId() const { return m_id; }
    [[nodiscard]] QString title() const;
    [[nodiscard]] QString profileId() const { return m_loaded.profileId; }
    [[nodiscard]] QVariantList macChoices() const;
    [[nodiscard]] QString firmwareInfo() const { return m_loaded.firmwareInfo; }
    [[nodiscard]] QString nextBoot() const;
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] QString loadError() const { return m_loaded.error; }
    [[nodiscard]] bool isApplying() const { return m_applying; }
    [[nodiscard]] QString status() const { return m_status; }
    [[nodiscard]] bool statusOk() const { return m_statusOk; }
    [[nodiscard]] bool isDirty() const { return m_entries.isDirty() || m_settings.isDirty(); }
    [[nodiscard]] bool canUndo() const { return !m_undoOrder.isEmpty(); }
    [[nodiscard]] QStringList diff() const { return m_entries.diff() + m_settings.diff(); }
    [[nodiscard]] BootEntryModel *entries() { return &m_entries; }
    [[nodiscard]] FirmwareSettingsModel *settings() { return &m_settings; }

    Q_INVOKABLE void openProfile(const QString &profileId);
    Q_INVOKABLE void openDevice(const QString &mac);
    // A device's entries come from its profile: switch the editor to that profile.
    Q_INVOKABLE void openDeviceProfile();
    Q_INVOKABLE void close();
    Q_INVOKABLE void reload();
    Q_INVOKABLE void apply();
    Q_INVOKABLE void undo();
    Q_INVOKABLE void revert();

    // BootConfigurationBackend (BootEntryModel::apply): boot entries only.
    void apply(const QString &target, const BootConfiguration &configuration, Done done) override;

    // Shows `loaded` for the current target (engine answer, or tests).
    void setLoaded(const Loaded &loaded);
    // Profile id a device renders with (its own, else "default" when the lab has one, else blank).
    static QString profileOf(const LabConfig &config, const MacAddress &mac);

Q_SIGNALS:
    void openChanged();
    void targetChanged();
    void loadedChanged();
    void loadingChanged();
    void applyingChanged();
    void statusChanged();
    void editsChanged();

private:
    void open(const QString &kind, const QString &id);
    void setLoading(bool loading);
    void setStatus(const QString &status, bool ok);
    void onModelEdited(const char *which, int depth, int *lastDepth);
    // Runs on the engine thread: reads the target.
    static Loaded load(LabEngine *engine, const QString &kind, const QString &id);
    // Runs on the engine thread: writes boot changes and settings; error text or empty.
    static QString applyProfile(LabEngine *engine, const QString &id, const BootConfiguration &before,
                                const BootConfiguration &wanted, const QList<FirmwareSettingsModel::Change> &settings);
    static QString applyDevice(LabEngine *engine, const MacAddress &mac, const BootConfiguration &before,
                               const BootConfiguration &wanted, const QList<FirmwareSettingsModel::Change> &settings);
    void run(bool withBoot, bool withSettings, Done done);

    LabFacade *m_facade;
    QPointer<LabEngine> m_engine;
    BootEntryModel m_entries;
    FirmwareSettingsModel m_settings;
    QString m_kind;                 // "", "profile", "device"
    QString m_id;
    Loaded m_loaded;
    quint64 m_generation = 0;       // answers for an earlier target are dropped
    bool m_loading = false;
    bool m_applying = false;
    QString m_status;
    bool m_statusOk = true;
    QList<const char *> m_undoOrder;  // "boot" / "settings", newest last
    int m_entriesDepth = 0;
    int m_settingsDepth = 0;
};
