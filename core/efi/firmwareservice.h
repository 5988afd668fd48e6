#pragma once

#include "common/macaddress.h"
#include "common/result.h"
#include "config/labconfig.h"
#include "firmwarerender.h"
#include "varstore.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QObject>

#include <functional>

class BootControl;

// Renders the RPI_EFI.fd a device gets over TFTP: its firmware profile (parsed once and cached,
// rebuilt when the profile or its files change) plus its overrides (own PXE entry, BootNext from
// BootControl::effective()). Rendered images are cached by a content-derived key (the profile
// store's SHA-256 plus the device inputs), so a repeated request costs a hash lookup. Lives on the engine thread; render() is
// synchronous (a few milliseconds for a 2 MB image).
//
// LabEngine wiring: construct with the data dir and BootControl, call setConfig() from
// applyConfig(), and bind renderer() to TftpService::setFirmwareRenderer().
class FirmwareService : public QObject
{
    Q_OBJECT
public:
    struct Stats
    {
        quint64 renders = 0;        // images built
        quint64 cacheHits = 0;      // served from the rendered-image cache
        quint64 failures = 0;
    };

    FirmwareService(const QString &dataDir, BootControl *bootControl, QObject *parent = nullptr);
    ~FirmwareService() override;

    void setConfig(const LabConfig &config);
    [[nodiscard]] const LabConfig &config() const { return m_config; }

    // <data>/profiles and <data>/profiles/<id>: where imports put base images and boot files.
    [[nodiscard]] QString profilesDir() const;
    [[nodiscard]] QString profileDir(const QString &id) const;

    // The bytes to serve as RPI_EFI.fd to `mac`. The profile is the device's, else "default"
    // if the lab has one, else the blank store.
    Result<QByteArray> render(const MacAddress &mac);
    // For TftpService::setFirmwareRenderer().
    [[nodiscard]] std::function<Result<QByteArray>(const MacAddress &)> renderer();
    // The profile's store without device overrides (GUI, Redfish Bios, CLI); empty id = blank.
    Result<efi::VarStore> profileStore(const QString &profileId);
    // Drops every cache (e.g. after an import rewrote a profile's files in place).
    void invalidate();

    [[nodiscard]] Stats stats() const { return m_stats; }
    [[nodiscard]] int cachedImages() const { return int(m_rendered.size()); }
    static constexpr int MaxCachedImages = 32;
    static constexpr qint64 MaxCachedBytes = 128LL << 20;   // e.g. 64 x 2 MB, or 2 x 64 MB AAVMF

Q_SIGNALS:
    // `imageKey` identifies the image: SHA-256 over the profile's content hash (SHA-256 of its
    // serialized store) and the device inputs. Equal keys mean byte-identical images.
    void rendered(const MacAddress &mac, const QString &profileId, const QByteArray &imageKey, bool fromCache);
    void renderFailed(const MacAddress &mac, const QString &error);

private:
    struct FileStamp
    {
        QString path;
        qint64 size = -1;
        QDateTime modified;
        friend bool operator==(const FileStamp &a, const FileStamp &b)
        {
            return a.path == b.path && a.size == b.size && a.modified == b.modified;
        }
    };
    struct ProfileEntry
    {
        ProfileConfig config;
        FileStamp base;
        FileStamp variables;
        efi::VarStore store;
        QByteArray hash;            // sha256 of the profile's serialized image
    };
    struct RenderedImage
    {
        QByteArray bytes;
        quint64 lastUse = 0;
    };

    Result<const ProfileEntry *> profileEntry(const QString &profileId);
    QString profileFor(const MacAddress &mac) const;
    static FileStamp stamp(const QString &path);

    QString m_dataDir;
    BootControl *m_bootControl = nullptr;
    LabConfig m_config;
    QHash<QString, ProfileEntry *> m_profiles;
    QHash<QByteArray, RenderedImage> m_rendered;
    quint64 m_useCounter = 0;
    qint64 m_cachedBytes = 0;
    Stats m_stats;
};
