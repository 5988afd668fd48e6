#pragma once

#include "config/labconfig.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QUrl>

#include <initializer_list>

// Typed reading and validation of SwitchConfig (address, credentials and the driver-specific
// `options` map). The config loader calls validateSwitch() for every switch (see
// config/switchessection.cpp); drivers parse the same options with the same functions when
// they are created, so what was validated is what runs.
namespace poe {

struct OptionIssue
{
    QString key;        // "options.version", "address", "username" (relative to the switch)
    QString message;    // never contains a secret value
};
using OptionIssues = QList<OptionIssue>;

// Reads SwitchConfig::options, collecting issues; finish() reports keys nobody asked for.
class OptionReader
{
public:
    OptionReader(const SwitchConfig &config, OptionIssues *issues) : m_config(config), m_issues(issues) {}

    [[nodiscard]] const SwitchConfig &config() const { return m_config; }
    [[nodiscard]] bool has(const QString &key) const { return m_config.options.contains(key); }
    QString string(const QString &key, const QString &fallback = {});
    bool boolean(const QString &key, bool fallback);
    int integer(const QString &key, int min, int max, int fallback);
    // Index of the value in `choices` (case-insensitive), or `fallback`.
    int choice(const QString &key, std::initializer_list<const char *> choices, int fallback);
    // A readable file; relative paths are resolved against `baseDir` (the lab.yaml folder).
    QString file(const QString &key, const QString &baseDir);
    // A secret: the value is never echoed in messages.
    QString secret(const QString &key, const QString &fallback = {});

    void issue(const QString &key, const QString &message);
    void finish();

private:
    void markUsed(const QString &key) { m_used.insert(key); }
    const SwitchConfig &m_config;
    OptionIssues *m_issues;
    QSet<QString> m_used;
};

enum class LearnMode { Off, Suggest, Bind };

// Options every driver understands.
struct CommonOptions
{
    int timeoutMs = 0;              // 0 = the driver's default deadline per call
    int retries = 1;                // extra attempts after a timeout or connection failure
    LearnMode learn = LearnMode::Suggest;
    int verifySeconds = 10;         // after a cycle/on: how long to look for power flowing again
};
CommonOptions parseCommonOptions(OptionReader &reader, LearnMode defaultLearn);

// HTTP(S) controllers (UniFi, MikroTik, Omada, OpenWrt).
struct HttpOptions
{
    QUrl baseUrl;                   // scheme://host[:port], no path
    bool verifyTls = true;
    QString caFile;                 // extra trusted CA (PEM), e.g. a controller's self-signed cert
};
HttpOptions parseHttpOptions(OptionReader &reader, const QString &baseDir, const QString &defaultScheme);

// The driver's default learn mode (bind where port numbering of the MAC table and of the PSE
// are the same thing: UniFi, MikroTik, Omada, simulator; suggest for SNMP FDB).
LearnMode defaultLearnMode(const QString &driver);

// Validates everything driver-specific about a switch. `baseDir` resolves relative file paths.
OptionIssues validateSwitch(const SwitchConfig &config, const QString &baseDir);

} // namespace poe
