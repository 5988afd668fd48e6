#pragma once

#include "config/labconfig.h"
#include "efi/firmwareimport.h"
#include "importcontroller.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

class LabEngine;
class LabFacade;

// Drag-and-drop import of firmware profiles: efi::importFirmwareAsync() (thread pool, progress,
// cancel) writes <data>/profiles/<id>/, then the profile is added to lab.yaml through
// LabEngine::modifyConfig (the import itself does not touch the lab file). The id comes from the
// file name, made unique among the lab's profiles and the profile folders.
class ProfileImporter : public QObject, public ProfileImportBackend
{
    Q_OBJECT
public:
    ProfileImporter(LabFacade *facade, LabEngine *engine, QObject *parent = nullptr);
    ~ProfileImporter() override;

    void importProfile(const QString &path, Progress progress, Done done) override;
    void cancel() override;

    // "RPi4_UEFI_Firmware_v1.38.zip" -> "rpi4_uefi_firmware_v1.38" (unique: "-2", "-3", ...).
    static QString profileIdFor(const QString &fileName, const QStringList &taken);
    // The lab's profiles with `result.profile` added (or, for an id that exists, its files updated).
    static void addProfile(LabConfig &config, const efi::ImportResult &result, const QString &name);

private:
    void start(const QString &path, const QString &profilesDir, const QStringList &taken, Progress progress, Done done);

    LabFacade *m_facade;
    QPointer<LabEngine> m_engine;
    QFutureWatcher<efi::ImportResult> *m_watcher = nullptr;
    quint64 m_generation = 0;
};
