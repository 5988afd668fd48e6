#include "yamlreader.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

void YamlReader::error(const YAML::Mark &at, const QString &key, const QString &message)
{
    ConfigError e;
    e.file = m_file;
    if (!at.is_null()) {
        e.line = at.line + 1;
        e.column = at.column + 1;
    }
    e.key = key;
    e.message = message;
    m_errors.append(e);
}

void YamlReader::error(const YAML::Node &at, const QString &key, const QString &message)
{
    error(at.IsDefined() ? at.Mark() : YAML::Mark::null_mark(), key, message);
}

static QString describe(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: return QStringLiteral("a mapping");
    case YAML::NodeType::Sequence: return QStringLiteral("a list");
    case YAML::NodeType::Null: return QStringLiteral("nothing");
    case YAML::NodeType::Scalar: return QStringLiteral("'%1'").arg(QString::fromStdString(node.Scalar()).left(40));
    case YAML::NodeType::Undefined: break;
    }
    return QStringLiteral("nothing");
}

bool YamlReader::expectMap(const YAML::Node &node, const QString &path)
{
    if (!node.IsDefined() || node.IsNull())
        return true;
    if (!node.IsMap()) {
        error(node, path, QStringLiteral("expected a mapping, found %1").arg(describe(node)));
        return false;
    }
    QSet<QString> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!it->first.IsScalar()) {
            error(it->first, path, QStringLiteral("keys must be plain text"));
            continue;
        }
        const QString key = scalar(it->first);
        if (seen.contains(key))
            error(it->first, join(path, key), QStringLiteral("duplicate key"));
        seen.insert(key);
    }
    return true;
}

bool YamlReader::expectSequence(const YAML::Node &node, const QString &path)
{
    if (!node.IsDefined() || node.IsNull())
        return true;
    if (!node.IsSequence()) {
        error(node, path, QStringLiteral("expected a list, found %1").arg(describe(node)));
        return false;
    }
    return true;
}

bool YamlReader::checkMap(const YAML::Node &node, const QString &path, std::initializer_list<const char *> allowed)
{
    QStringList list;
    for (const char *a : allowed)
        list.append(QString::fromLatin1(a));
    return checkMap(node, path, list);
}

bool YamlReader::checkMap(const YAML::Node &node, const QString &path, const QStringList &allowed)
{
    if (!expectMap(node, path))
        return false;
    if (!node.IsDefined() || node.IsNull())
        return true;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!it->first.IsScalar())
            continue;
        const QString key = scalar(it->first);
        if (!allowed.contains(key)) {
            error(it->first, join(path, key),
                  QStringLiteral("unknown key (expected one of: %1)").arg(allowed.join(QStringLiteral(", "))));
        }
    }
    return true;
}

bool YamlReader::isScalar(const YAML::Node &node, const QString &key, const QString &what)
{
    if (node.IsScalar())
        return true;
    error(node, key, QStringLiteral("expected %1, found %2").arg(what, describe(node)));
    return false;
}

static bool present(const YAML::Node &map, const char *key, YAML::Node *out)
{
    const YAML::Node v = YamlReader::child(map, key);
    if (!v.IsDefined() || v.IsNull())
        return false;
    *out = v;
    return true;
}

QString YamlReader::string(const YAML::Node &map, const char *key, const QString &path,
                           const QString &fallback, bool required)
{
    YAML::Node v;
    const QString k = join(path, QString::fromLatin1(key));
    if (!present(map, key, &v)) {
        if (required)
            error(map, k, QStringLiteral("required key is missing"));
        return fallback;
    }
    if (!isScalar(v, k, QStringLiteral("text")))
        return fallback;
    QString s = scalar(v);
    if (s.contains(QChar(0))) {
        error(v, k, QStringLiteral("text must not contain NUL characters"));
        return fallback;
    }
    return s;
}

std::optional<QString> YamlReader::optionalString(const YAML::Node &map, const char *key, const QString &path)
{
    YAML::Node v;
    if (!present(map, key, &v))
        return std::nullopt;
    const QString s = string(map, key, path);
    return s;
}

bool YamlReader::boolean(const YAML::Node &map, const char *key, const QString &path, bool fallback)
{
    YAML::Node v;
    const QString k = join(path, QString::fromLatin1(key));
    if (!present(map, key, &v))
        return fallback;
    if (!isScalar(v, k, QStringLiteral("true or false")))
        return fallback;
    const QString s = scalar(v).toLower();
    if (s == QLatin1String("true") || s == QLatin1String("yes") || s == QLatin1String("on"))
        return true;
    if (s == QLatin1String("false") || s == QLatin1String("no") || s == QLatin1String("off"))
        return false;
    error(v, k, QStringLiteral("expected true or false, found '%1'").arg(scalar(v)));
    return fallback;
}

qint64 YamlReader::integer(const YAML::Node &map, const char *key, const QString &path, qint64 min, qint64 max,
                           qint64 fallback)
{
    YAML::Node v;
    const QString k = join(path, QString::fromLatin1(key));
    if (!present(map, key, &v))
        return fallback;
    const QString what = QStringLiteral("an integer between %1 and %2").arg(min).arg(max);
    if (!isScalar(v, k, what))
        return fallback;
    bool ok = false;
    const QString text = scalar(v);
    qint64 value = text.startsWith(QLatin1String("0x")) ? text.mid(2).toLongLong(&ok, 16) : text.toLongLong(&ok, 10);
    if (!ok || value < min || value > max) {
        error(v, k, QStringLiteral("expected %1, found '%2'").arg(what, text.left(40)));
        return fallback;
    }
    return value;
}

double YamlReader::number(const YAML::Node &map, const char *key, const QString &path, double fallback)
{
    YAML::Node v;
    const QString k = join(path, QString::fromLatin1(key));
    if (!present(map, key, &v))
        return fallback;
    if (!isScalar(v, k, QStringLiteral("a number")))
        return fallback;
    bool ok = false;
    const double d = scalar(v).toDouble(&ok);
    if (!ok || d != d /* NaN */) {
        error(v, k, QStringLiteral("expected a number, found '%1'").arg(scalar(v).left(40)));
        return fallback;
    }
    return d;
}

quint16 YamlReader::port(const YAML::Node &map, const char *key, const QString &path, quint16 fallback)
{
    // 0 = let the system pick a free port (tests, throwaway labs); shown in the service's endpoints.
    return quint16(integer(map, key, path, 0, 65535, fallback));
}

static bool parseIpv4(const QString &text, QHostAddress *out)
{
    QHostAddress a;
    if (!a.setAddress(text) || a.protocol() != QAbstractSocket::IPv4Protocol)
        return false;
    // QHostAddress accepts "1" or "1.2" shorthand; require dotted quads.
    if (text.count(QLatin1Char('.')) != 3)
        return false;
    *out = a;
    return true;
}

QHostAddress YamlReader::ipv4(const YAML::Node &map, const char *key, const QString &path,
                              const QHostAddress &fallback, bool required)
{
    YAML::Node v;
    const QString k = join(path, QString::fromLatin1(key));
    if (!present(map, key, &v)) {
        if (required)
            error(map, k, QStringLiteral("required key is missing"));
        return fallback;
    }
    if (!isScalar(v, k, QStringLiteral("an IPv4 address")))
        return fallback;
    QHostAddress a;
    if (!parseIpv4(scalar(v), &a)) {
        error(v, k, QStringLiteral("expected an IPv4 address like 127.0.0.1, found '%1'").arg(scalar(v).left(40)));
        return fallback;
    }
    return a;
}

QList<QHostAddress> YamlReader::ipv4List(const YAML::Node &map, const char *key, const QString &path)
{
    QList<QHostAddress> out;
    YAML::Node v;
    const QString k = join(path, QString::fromLatin1(key));
    if (!present(map, key, &v))
        return out;
    if (!expectSequence(v, k))
        return out;
    for (const auto &item : v) {
        if (!isScalar(item, k, QStringLiteral("an IPv4 address")))
            continue;
        QHostAddress a;
        if (!parseIpv4(scalar(item), &a))
            error(item, k, QStringLiteral("expected an IPv4 address, found '%1'").arg(scalar(item).left(40)));
        else
            out.append(a);
    }
    return out;
}

QStringList YamlReader::stringList(const YAML::Node &map, const char *key, const QString &path)
{
    QStringList out;
    YAML::Node v;
    const QString k = join(path, QString::fromLatin1(key));
    if (!present(map, key, &v))
        return out;
    if (!expectSequence(v, k))
        return out;
    for (const auto &item : v) {
        if (isScalar(item, k, QStringLiteral("text")))
            out.append(scalar(item));
    }
    return out;
}

int YamlReader::choice(const YAML::Node &map, const char *key, const QString &path,
                       std::initializer_list<const char *> choices, int fallback)
{
    YAML::Node v;
    const QString k = join(path, QString::fromLatin1(key));
    QStringList names;
    for (const char *c : choices)
        names.append(QString::fromLatin1(c));
    if (!present(map, key, &v))
        return fallback;
    if (!isScalar(v, k, QStringLiteral("one of: %1").arg(names.join(QStringLiteral(", ")))))
        return fallback;
    const int index = int(names.indexOf(scalar(v)));
    if (index < 0) {
        error(v, k, QStringLiteral("expected one of: %1; found '%2'")
                        .arg(names.join(QStringLiteral(", ")), scalar(v).left(40)));
        return fallback;
    }
    return index;
}

QString YamlReader::resolvePath(const QString &value) const
{
    QString p = value;
    if (p.startsWith(QLatin1String("~/")))
        p = QDir::homePath() + p.mid(1);
    if (QDir::isRelativePath(p) && !m_file.isEmpty())
        p = QFileInfo(m_file).absoluteDir().filePath(p);
    return QDir::cleanPath(p);
}

QString YamlReader::path(const YAML::Node &map, const char *key, const QString &path, const QString &fallback)
{
    const QString s = string(map, key, path, QString());
    if (s.isEmpty())
        return fallback;
    if (s.size() > 4096) {
        error(map[key], join(path, QString::fromLatin1(key)), QStringLiteral("path is too long"));
        return fallback;
    }
    return resolvePath(s);
}

QMap<QString, QString> YamlReader::scalarMap(const YAML::Node &map, const char *key, const QString &path)
{
    QMap<QString, QString> out;
    YAML::Node v;
    const QString k = join(path, QString::fromLatin1(key));
    if (!present(map, key, &v))
        return out;
    if (!expectMap(v, k))
        return out;
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (!it->first.IsScalar())
            continue;
        const QString name = scalar(it->first);
        if (isScalar(it->second, join(k, name), QStringLiteral("a plain value")))
            out.insert(name, scalar(it->second));
    }
    return out;
}

std::optional<MacAddress> YamlReader::mac(const YAML::Node &at, const QString &text, const QString &path)
{
    auto m = MacAddress::parse(text);
    if (!m)
        error(at, path, QStringLiteral("'%1' is not a MAC address (expected aa:bb:cc:dd:ee:ff)").arg(text.left(40)));
    return m;
}
