#include "driveroptions.h"

#include "poetypes.h"

#include "commanddriver.h"
#include "mikrotikdriver.h"
#include "omadadriver.h"
#include "openwrtdriver.h"
#include "qmpdriver.h"
#include "simulateddriver.h"
#include "snmpdriver.h"
#include "unifidriver.h"

#include <QDir>
#include <QFileInfo>

namespace poe {

static QString optionKey(const QString &key)
{
    return QStringLiteral("options.") + key;
}

void OptionReader::issue(const QString &key, const QString &message)
{
    if (m_issues)
        m_issues->append(OptionIssue{key, message});
}

QString OptionReader::string(const QString &key, const QString &fallback)
{
    markUsed(key);
    return m_config.options.value(key, fallback);
}

QString OptionReader::secret(const QString &key, const QString &fallback)
{
    markUsed(key);
    return m_config.options.value(key, fallback);
}

bool OptionReader::boolean(const QString &key, bool fallback)
{
    markUsed(key);
    if (!has(key))
        return fallback;
    const QString v = m_config.options.value(key).trimmed().toLower();
    if (v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("on") || v == QLatin1String("1"))
        return true;
    if (v == QLatin1String("false") || v == QLatin1String("no") || v == QLatin1String("off") || v == QLatin1String("0"))
        return false;
    issue(optionKey(key), QStringLiteral("expected true or false, got '%1'").arg(v.left(40)));
    return fallback;
}

int OptionReader::integer(const QString &key, int min, int max, int fallback)
{
    markUsed(key);
    if (!has(key))
        return fallback;
    bool ok = false;
    const QString text = m_config.options.value(key).trimmed();
    const int v = text.toInt(&ok);
    if (!ok || v < min || v > max) {
        issue(optionKey(key), QStringLiteral("expected an integer between %1 and %2, got '%3'").arg(min).arg(max).arg(text.left(40)));
        return fallback;
    }
    return v;
}

int OptionReader::choice(const QString &key, std::initializer_list<const char *> choices, int fallback)
{
    markUsed(key);
    if (!has(key))
        return fallback;
    const QString v = m_config.options.value(key).trimmed();
    int i = 0;
    QStringList names;
    for (const char *c : choices) {
        const QString name = QString::fromLatin1(c);
        if (v.compare(name, Qt::CaseInsensitive) == 0)
            return i;
        names.append(name);
        ++i;
    }
    issue(optionKey(key), QStringLiteral("expected one of %1, got '%2'").arg(names.join(QStringLiteral(", ")), v.left(40)));
    return fallback;
}

QString OptionReader::file(const QString &key, const QString &baseDir)
{
    markUsed(key);
    if (!has(key))
        return {};
    QString v = m_config.options.value(key).trimmed();
    if (v.startsWith(QLatin1String("~/")))
        v = QDir::homePath() + v.mid(1);
    if (QDir::isRelativePath(v) && !baseDir.isEmpty())
        v = QDir(baseDir).filePath(v);
    const QFileInfo fi(v);
    if (v.isEmpty() || !fi.isFile() || !fi.isReadable()) {
        issue(optionKey(key), QStringLiteral("file '%1' does not exist or is not readable").arg(v.left(200)));
        return {};
    }
    return fi.absoluteFilePath();
}

void OptionReader::finish()
{
    for (auto it = m_config.options.cbegin(); it != m_config.options.cend(); ++it)
        if (!m_used.contains(it.key()))
            issue(optionKey(it.key()),
                  QStringLiteral("unknown option for driver '%1'").arg(m_config.driver));
}

LearnMode defaultLearnMode(const QString &driver)
{
    if (driver == QLatin1String("unifi") || driver == QLatin1String("mikrotik") || driver == QLatin1String("omada")
        || driver == QLatin1String("simulated") || driver == QLatin1String("qmp"))
        return LearnMode::Bind;
    if (driver == QLatin1String("snmp"))
        return LearnMode::Suggest;
    return LearnMode::Off;
}

CommonOptions parseCommonOptions(OptionReader &r, LearnMode defaultLearn)
{
    CommonOptions c;
    c.timeoutMs = r.integer(QStringLiteral("timeout"), 1, 120, 0) * 1000;
    c.retries = r.integer(QStringLiteral("retries"), 0, 5, c.retries);
    const int learn = r.choice(QStringLiteral("learn"), {"off", "suggest", "bind"}, int(defaultLearn));
    c.learn = LearnMode(learn);
    c.verifySeconds = r.integer(QStringLiteral("verify_time"), 1, 120, c.verifySeconds);
    return c;
}

HttpOptions parseHttpOptions(OptionReader &r, const QString &baseDir, const QString &defaultScheme)
{
    HttpOptions h;
    const QString address = r.config().address.trimmed();
    QString text = address;
    if (!text.contains(QLatin1String("://")))
        text = defaultScheme + QStringLiteral("://") + text;
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (address.isEmpty()) {
        // reported by the switches section already
    } else if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        r.issue(QStringLiteral("address"),
                QStringLiteral("expected host[:port] or http(s)://host[:port], got '%1'").arg(address.left(100)));
    } else if (!url.userInfo().isEmpty()) {
        r.issue(QStringLiteral("address"), QStringLiteral("put credentials in username/password, not in the address"));
    } else if (!url.path().isEmpty() && url.path() != QLatin1String("/")) {
        r.issue(QStringLiteral("address"), QStringLiteral("the address must not contain a path ('%1')").arg(url.path().left(100)));
    } else {
        QUrl base;
        base.setScheme(scheme);
        base.setHost(url.host());
        if (url.port() > 0)
            base.setPort(url.port());
        h.baseUrl = base;
    }
    h.verifyTls = r.boolean(QStringLiteral("verify_tls"), true);
    h.caFile = r.file(QStringLiteral("ca"), baseDir);
    return h;
}

OptionIssues validateSwitch(const SwitchConfig &config, const QString &baseDir)
{
    OptionIssues issues;
    OptionReader r(config, &issues);
    const QString &d = config.driver;
    parseCommonOptions(r, defaultLearnMode(d));
    if (d == QLatin1String("simulated"))
        SimulatedDriver::parseOptions(r);
    else if (d == QLatin1String("snmp"))
        SnmpDriver::parseOptions(r);
    else if (d == QLatin1String("unifi"))
        UnifiDriver::parseOptions(r, baseDir);
    else if (d == QLatin1String("mikrotik"))
        MikrotikDriver::parseOptions(r, baseDir);
    else if (d == QLatin1String("openwrt"))
        OpenwrtDriver::parseOptions(r, baseDir);
    else if (d == QLatin1String("omada"))
        OmadaDriver::parseOptions(r, baseDir);
    else if (d == QLatin1String("command"))
        CommandDriver::parseOptions(r);
    else if (d == QLatin1String("qmp"))
        QmpDriver::parseOptions(r, baseDir);
    r.finish();
    for (const QString &p : config.protectedPorts)
        if (!isValidPortName(p))
            issues.append({QStringLiteral("protected_ports"),
                           QStringLiteral("'%1' is not a valid port name (letters, digits, . _ / : -)").arg(p.left(40))});
    return issues;
}

} // namespace poe
