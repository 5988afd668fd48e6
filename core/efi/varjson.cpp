#include "varjson.h"

#include "efibytes.h"
#include "efiguid.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace efi {

namespace {

constexpr int MaxVariables = 8192;

void appendJsonString(QByteArray &out, const QString &s)
{
    out.append('"');
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        switch (u) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        default:
            if (u < 0x20 || u > 0x7e)
                out.append(QStringLiteral("\\u%1").arg(quint16(u), 4, 16, QLatin1Char('0')).toLatin1());
            else
                out.append(char(u));
        }
    }
    out.append('"');
}

quint32 defaultAttributes(const QString &name)
{
    static const QHash<QString, quint32> defaults{
        {QStringLiteral("SecureBoot"), attr::BootServiceAccess | attr::RuntimeAccess},
        {QStringLiteral("SecureBootEnable"), attr::NvBs},
        {QStringLiteral("CustomMode"), attr::NvBs},
        {QStringLiteral("PK"), attr::NvBsRt | attr::TimeBasedAuthenticatedWriteAccess},
        {QStringLiteral("KEK"), attr::NvBsRt | attr::TimeBasedAuthenticatedWriteAccess},
        {QStringLiteral("db"), attr::NvBsRt | attr::TimeBasedAuthenticatedWriteAccess},
        {QStringLiteral("dbx"), attr::NvBsRt | attr::TimeBasedAuthenticatedWriteAccess},
        {QStringLiteral("FB_NO_REBOOT"), attr::NvBsRt},
    };
    const auto it = defaults.constFind(name);
    if (it != defaults.cend())
        return *it;
    if (name.startsWith(QLatin1String("Boot")))
        return attr::NvBsRt;
    return attr::NvBs;
}

} // namespace

QByteArray variablesToJson(const QList<Variable> &variables)
{
    QByteArray out = "{\n    \"version\": 2,\n    \"variables\": [";
    if (variables.isEmpty()) {
        out.append("]\n}");
        return out;
    }
    out.append('\n');
    for (qsizetype i = 0; i < variables.size(); ++i) {
        const Variable &v = variables.at(i);
        out.append("        {\n            \"name\": ");
        appendJsonString(out, v.name);
        out.append(",\n            \"guid\": \"");
        out.append(guidToString(v.guid).toLatin1());
        out.append("\",\n            \"attr\": ");
        out.append(QByteArray::number(v.attributes));
        out.append(",\n            \"data\": \"");
        out.append(v.data.toHex());
        out.append('"');
        if (v.hasTimeStamp()) {
            out.append(",\n            \"time\": \"");
            out.append(v.timeStamp.toHex());
            out.append('"');
        }
        out.append("\n        }");
        if (i + 1 < variables.size())
            out.append(',');
        out.append('\n');
    }
    out.append("    ]\n}");
    return out;
}

Result<QList<Variable>> variablesFromJson(const QByteArray &json)
{
    using R = Result<QList<Variable>>;
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError)
        return R::failure(QStringLiteral("invalid JSON at offset %1: %2").arg(err.offset).arg(err.errorString()));
    if (!doc.isObject())
        return R::failure(QStringLiteral("expected a JSON object with a \"variables\" list"));
    const QJsonValue list = doc.object().value(QStringLiteral("variables"));
    if (!list.isArray())
        return R::failure(QStringLiteral("expected a \"variables\" list"));
    const QJsonArray array = list.toArray();
    if (array.size() > MaxVariables)
        return R::failure(QStringLiteral("%1 variables is more than the %2 accepted").arg(array.size()).arg(MaxVariables));
    QList<Variable> out;
    QHash<VariableKey, qsizetype> index;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString where = QStringLiteral("variables[%1]").arg(i);
        if (!array.at(i).isObject())
            return R::failure(where + QStringLiteral(": expected an object"));
        const QJsonObject o = array.at(i).toObject();
        Variable v;
        const QJsonValue name = o.value(QStringLiteral("name"));
        if (!name.isString() || name.toString().isEmpty() || name.toString().size() > 1024 || name.toString().contains(QChar(0)))
            return R::failure(where + QStringLiteral(": \"name\" must be a non-empty string of at most 1024 characters"));
        v.name = name.toString();
        const QString at = QStringLiteral("%1 (%2)").arg(where, v.name.left(64));
        const QJsonValue guid = o.value(QStringLiteral("guid"));
        if (!guid.isString())
            return R::failure(at + QStringLiteral(": \"guid\" is missing"));
        const auto parsed = parseGuid(guid.toString());
        if (!parsed)
            return R::failure(at + QStringLiteral(": \"%1\" is neither a GUID nor a known GUID name").arg(guid.toString().left(64)));
        v.guid = *parsed;
        const QJsonValue attrValue = o.value(QStringLiteral("attr"));
        if (attrValue.isUndefined() || attrValue.isNull()) {
            v.attributes = defaultAttributes(v.name);
        } else {
            const double a = attrValue.toDouble(-1);
            if (!attrValue.isDouble() || a < 0 || a > 4294967295.0 || std::floor(a) != a)
                return R::failure(at + QStringLiteral(": \"attr\" must be an integer from 0 to 4294967295"));
            v.attributes = quint32(a);
        }
        const QJsonValue data = o.value(QStringLiteral("data"));
        if (!data.isString() || !fromHex(data.toString(), &v.data))
            return R::failure(at + QStringLiteral(": \"data\" must be a hex string"));
        const QJsonValue time = o.value(QStringLiteral("time"));
        if (!time.isUndefined() && !time.isNull()) {
            QByteArray t;
            if (!time.isString() || !fromHex(time.toString(), &t) || t.size() != 16)
                return R::failure(at + QStringLiteral(": \"time\" must be 32 hex digits (EFI_TIME)"));
            // A time whose year is 0 is no time (Variable::hasTimeStamp): kept as zero, so what we
            // read is what we write back (virt-firmware writes "time" only for a real year).
            v.timeStamp = t;
            if (!v.hasTimeStamp())
                v.timeStamp.clear();
        }
        const auto key = v.key();
        if (index.contains(key)) {
            out[index.value(key)] = v;
        } else {
            index.insert(key, out.size());
            out.append(v);
        }
    }
    return out;
}

int applyVariables(VarStore &store, const QList<Variable> &variables)
{
    int changed = 0;
    for (Variable v : variables) {
        if (const Variable *existing = store.find(v.name, v.guid)) {
            v.monotonicCount = existing->monotonicCount;
            v.pubKeyIndex = existing->pubKeyIndex;
            if (v.timeStamp.isEmpty())
                v.timeStamp = existing->timeStamp;
            if (*existing == v)
                continue;
        }
        store.set(v);
        ++changed;
    }
    return changed;
}

} // namespace efi
