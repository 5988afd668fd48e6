#pragma once

#include "common/macaddress.h"
#include "config/labconfig.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

// The per-device files the Raspberry Pi GPU firmware reads, generated from templates:
// config.txt (UEFI chain with armstub=RPI_EFI.fd, or native kernel boot) and cmdline.txt.
//
// A template is plain text with {placeholders} (unknown ones are left alone). For `file` and a
// device in lifecycle state S, the first of these wins:
//   <dir>/<base>.<S>.<ext>  then  <dir>/<file>     for each dir in templateDirs (device dir first)
//   the built-in default for the device's boot mode.
// So a provisioning step can drop "cmdline.deploying.txt" next to "cmdline.txt".
class PiBootFiles
{
public:
    struct Device
    {
        MacAddress mac;
        QString serial;
        QString name;
        QString model;
        QString lifecycle = QStringLiteral("discovered");
        BootMode bootMode = BootMode::Uefi;
        OsieConfig osie;
        QString console;
    };
    struct Context
    {
        QString serverAddress;     // our address as the client sees it
        QString httpBaseUrl;       // http://host:port of the HTTP boot server (may be empty)
        PiPrefixMode prefixMode = PiPrefixMode::Serial;
    };
    // Reads a template file (path-safe lookup is the caller's job); empty optional = absent.
    using TemplateReader = std::function<std::optional<QString>(const QString &dir, const QString &file)>;

    static bool isGenerated(const QString &file);   // "config.txt", "cmdline.txt"
    static QHash<QString, QString> values(const Device &device, const Context &context);
    static QString defaultTemplate(const QString &file, BootMode mode);
    // Template candidates for `file` in the order above (without the built-in default).
    static QStringList candidateNames(const QString &file, const QString &lifecycle);
    static QByteArray render(const QString &file, const Device &device, const Context &context,
                             const QStringList &templateDirs, const TemplateReader &read);
};

namespace tftp {
// Replaces {key} by values[key]; unknown or malformed placeholders are kept verbatim.
QString renderTemplate(const QString &text, const QHash<QString, QString> &values);
} // namespace tftp
