#pragma once

#include "common/macaddress.h"
#include "configerror.h"

#include <QHash>
#include <QHostAddress>
#include <QMap>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>

// Typed, error-collecting access to a parsed YAML tree. Every getter reports a ConfigError at the
// value's own line:column (or the parent map's when a required key is missing) and returns a
// fallback so parsing continues and *all* errors are reported at once.
class YamlReader
{
public:
    explicit YamlReader(QString fileName) : m_file(std::move(fileName)) {}

    void error(const YAML::Node &at, const QString &key, const QString &message);
    void error(const YAML::Mark &at, const QString &key, const QString &message);
    [[nodiscard]] const ConfigErrors &errors() const { return m_errors; }
    [[nodiscard]] bool hasErrors() const { return !m_errors.isEmpty(); }
    [[nodiscard]] const QString &fileName() const { return m_file; }

    // A mapping whose keys must all be in `allowed` (typo protection) and appear once.
    // Returns false (after reporting) if `node` is not a map. A null node counts as an empty map.
    bool checkMap(const YAML::Node &node, const QString &path, std::initializer_list<const char *> allowed);
    bool checkMap(const YAML::Node &node, const QString &path, const QStringList &allowed);
    // Just "is a map" (keys are free-form, e.g. devices keyed by MAC); still rejects duplicates.
    bool expectMap(const YAML::Node &node, const QString &path);
    bool expectSequence(const YAML::Node &node, const QString &path);

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }
    static QString scalar(const YAML::Node &node) { return QString::fromStdString(node.Scalar()); }
    // map[key] that never throws: a Null node when `map` is not a mapping or has no such key.
    static YAML::Node child(const YAML::Node &map, const char *key)
    {
        if (!map.IsDefined() || !map.IsMap())
            return YAML::Node();
        const YAML::Node v = map[key];
        return v.IsDefined() ? v : YAML::Node();
    }

    // Getters on map[key]. Absent (or null) keys return the fallback without error unless `required`.
    QString string(const YAML::Node &map, const char *key, const QString &path,
                   const QString &fallback = {}, bool required = false);
    std::optional<QString> optionalString(const YAML::Node &map, const char *key, const QString &path);
    bool boolean(const YAML::Node &map, const char *key, const QString &path, bool fallback);
    qint64 integer(const YAML::Node &map, const char *key, const QString &path, qint64 min, qint64 max,
                   qint64 fallback);
    double number(const YAML::Node &map, const char *key, const QString &path, double fallback);
    quint16 port(const YAML::Node &map, const char *key, const QString &path, quint16 fallback);
    QHostAddress ipv4(const YAML::Node &map, const char *key, const QString &path,
                      const QHostAddress &fallback = {}, bool required = false);
    QList<QHostAddress> ipv4List(const YAML::Node &map, const char *key, const QString &path);
    QStringList stringList(const YAML::Node &map, const char *key, const QString &path);
    // Choice among fixed values; returns the index in `choices`, or `fallback`.
    int choice(const YAML::Node &map, const char *key, const QString &path,
               std::initializer_list<const char *> choices, int fallback);
    // A filesystem path: no NUL, ~ expanded, relative paths resolved against the config file's folder.
    QString path(const YAML::Node &map, const char *key, const QString &path, const QString &fallback = {});
    // Flat map of scalars (driver options, Pi settings).
    QMap<QString, QString> scalarMap(const YAML::Node &map, const char *key, const QString &path);

    // Parses a MAC in any usual notation; reports at `at` on failure.
    std::optional<MacAddress> mac(const YAML::Node &at, const QString &text, const QString &path);
    QString resolvePath(const QString &value) const;

    // Marks of interesting nodes by key path, for cross-section checks done after parsing.
    void remember(const QString &keyPath, const YAML::Node &node)
    {
        if (node.IsDefined())
            m_marks.insert(keyPath, node.Mark());
    }
    [[nodiscard]] YAML::Mark markOf(const QString &keyPath) const
    {
        return m_marks.value(keyPath, YAML::Mark::null_mark());
    }

private:
    bool isScalar(const YAML::Node &node, const QString &key, const QString &what);

    QString m_file;
    ConfigErrors m_errors;
    QHash<QString, YAML::Mark> m_marks;
};
