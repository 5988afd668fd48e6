#pragma once

#include <QString>

// Where Metal Boot keeps its files. Everything is derived from two roots so tests and the
// headless service can relocate them (METALBOOT_CONFIG_DIR / METALBOOT_DATA_DIR, or the
// systemd unit's StateDirectory).
struct AppPaths
{
    QString configDir;   // lab.yaml, api-token, TLS certificate and key
    QString dataDir;     // journal, leases, firmware cache, consoles

    // Standard locations (~/.config/metalboot, ~/.local/share/metalboot), overridden by env.
    static AppPaths standard();
    // Both roots under one directory (tests).
    static AppPaths under(const QString &root);

    [[nodiscard]] QString labFile() const { return configDir + QStringLiteral("/lab.yaml"); }
    [[nodiscard]] QString apiTokenFile() const { return configDir + QStringLiteral("/api-token"); }
    [[nodiscard]] QString journalFile() const { return dataDir + QStringLiteral("/journal.jsonl"); }
};
