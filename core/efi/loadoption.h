#pragma once

#include "common/result.h"
#include "devicepath.h"

#include <QByteArray>
#include <QString>

// EFI_LOAD_OPTION (UEFI spec 3.1.3), the payload of Boot####/Driver####/SysPrep#### variables.
// The device path list is kept as raw bytes so decode -> encode is byte-exact even for paths
// this code cannot interpret.
namespace efi {

struct LoadOption
{
    static constexpr quint32 Active = 0x00000001;
    static constexpr quint32 ForceReconnect = 0x00000002;
    static constexpr quint32 Hidden = 0x00000008;
    static constexpr quint32 CategoryMask = 0x00001f00;
    static constexpr quint32 CategoryBoot = 0x00000000;
    static constexpr quint32 CategoryApp = 0x00000100;

    quint32 attributes = Active;
    QString description;
    QByteArray filePathList;        // device path list, End-Entire terminated
    QByteArray optionalData;

    static Result<LoadOption> decode(const QByteArray &data);
    [[nodiscard]] QByteArray encode() const;

    [[nodiscard]] DevicePath devicePath() const { return DevicePath::decode(filePathList); }
    void setDevicePath(const DevicePath &path) { filePathList = path.encode(); }
    [[nodiscard]] bool isActive() const { return attributes & Active; }
    // OptionalData is the BDS "auto-created" marker: the firmware deletes such entries when it
    // does not enumerate their device, and re-creates what it finds.
    [[nodiscard]] bool isAutoCreated() const;

    // virt-fw-vars: title="<desc>" devpath=<nodes>[ optdata=<hex>]
    [[nodiscard]] QString virtText() const;
    friend bool operator==(const LoadOption &a, const LoadOption &b)
    {
        return a.attributes == b.attributes && a.description == b.description && a.filePathList == b.filePathList
            && a.optionalData == b.optionalData;
    }
};

} // namespace efi
