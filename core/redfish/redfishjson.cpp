// Resource bodies are QJsonObject initializer lists, where QStringBuilder expressions do not
// convert implicitly; plain QString concatenation here.
#undef QT_USE_QSTRINGBUILDER

#include "redfishjson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace redfish::json {

namespace msg = redfish::messages;

bool parseObject(const QByteArray &body, QJsonObject *out, QList<msg::Message> *errors, bool allowEmpty)
{
    if (body.trimmed().isEmpty()) {
        if (allowEmpty) {
            *out = {};
            return true;
        }
        errors->append(msg::malformedJson());
        return false;
    }
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        errors->append(msg::malformedJson());
        return false;
    }
    *out = doc.object();
    return true;
}

QString valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return value.toString().left(200);
    case QJsonValue::Bool: return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::floor(d) == d && std::abs(d) < 9e15)
            return QString::number(qint64(d));
        return QString::number(d);
    }
    case QJsonValue::Null: return u"null"_s;
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)).left(200);
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)).left(200);
    default: break;
    }
    return QString();
}

bool hasType(const QJsonValue &value, Type type)
{
    switch (type) {
    case Type::String: return value.isString();
    case Type::NullableString: return value.isString() || value.isNull();
    case Type::Boolean: return value.isBool();
    case Type::Integer: {
        if (!value.isDouble())
            return false;
        const double d = value.toDouble();
        return std::floor(d) == d && std::abs(d) < 9e15;
    }
    case Type::Number: return value.isDouble();
    case Type::Object: return value.isObject();
    case Type::Array: return value.isArray();
    case Type::Any: return true;
    }
    return false;
}

static QString join(const QString &prefix, const QString &name)
{
    return prefix.isEmpty() ? name : prefix + u'/' + name;
}

QJsonObject readPatch(const QJsonObject &body, const QList<Property> &schema, QList<msg::Message> *errors,
                      const QString &prefix)
{
    QJsonObject accepted;
    for (auto it = body.begin(); it != body.end(); ++it) {
        const QString key = it.key();
        const QString pointer = join(prefix, key);
        const Property *p = nullptr;
        for (const Property &candidate : schema)
            if (candidate.name == key)
                p = &candidate;
        // OData control information (@odata.id, @odata.etag, ...) echoed back by clients is
        // ignored (DSP0266 §7.9: a PATCH of annotations only is a NoOperation).
        if (key.startsWith(u"@odata."))
            continue;
        if (!p) {
            // Other annotations are never writable.
            if (key.contains(u'@'))
                errors->append(msg::propertyNotWritable(pointer));
            else
                errors->append(msg::propertyUnknown(pointer));
            continue;
        }
        if (!p->writable) {
            errors->append(msg::propertyNotWritable(pointer));
            continue;
        }
        const QJsonValue v = it.value();
        if (!hasType(v, p->type)) {
            errors->append(msg::propertyValueTypeError(valueText(v), pointer));
            continue;
        }
        if (p->type == Type::Object && !p->children.isEmpty()) {
            const int before = int(errors->size());
            const QJsonObject inner = readPatch(v.toObject(), p->children, errors, pointer);
            if (!inner.isEmpty() || errors->size() == before)
                accepted.insert(key, inner);
            continue;
        }
        if ((p->type == Type::String || p->type == Type::NullableString) && v.isString()) {
            if (!p->allowed.isEmpty() && !p->allowed.contains(v.toString())) {
                errors->append(msg::propertyValueNotInList(valueText(v), pointer));
                continue;
            }
            if (p->maxLength > 0 && v.toString().size() > p->maxLength) {
                errors->append(msg::stringValueTooLong(valueText(v), p->maxLength));
                continue;
            }
        }
        if (p->type == Type::Integer && p->minimum < p->maximum) {
            const qint64 n = qint64(v.toDouble());
            if (n < p->minimum || n > p->maximum) {
                errors->append(msg::propertyValueOutOfRange(valueText(v), pointer));
                continue;
            }
        }
        accepted.insert(key, v);
    }
    return accepted;
}

bool onlyODataAnnotations(const QJsonObject &body)
{
    if (body.isEmpty())
        return false;
    for (auto it = body.begin(); it != body.end(); ++it)
        if (!it.key().startsWith(u"@odata."))
            return false;
    return true;
}

bool readAction(const QJsonObject &body, const QString &action, const QList<Parameter> &parameters,
                QList<msg::Message> *errors)
{
    const qsizetype before = errors->size();
    for (auto it = body.begin(); it != body.end(); ++it) {
        const Parameter *p = nullptr;
        for (const Parameter &candidate : parameters)
            if (candidate.name == it.key())
                p = &candidate;
        if (!p) {
            errors->append(msg::actionParameterUnknown(action, it.key().left(100)));
            continue;
        }
        if (!p->supported) {
            errors->append(msg::actionParameterNotSupported(p->name, action));
            continue;
        }
        const QJsonValue v = it.value();
        if (!hasType(v, p->type)) {
            errors->append(msg::actionParameterValueTypeError(valueText(v), p->name, action));
            continue;
        }
        if (v.isString() && !p->allowed.isEmpty() && !p->allowed.contains(v.toString()))
            errors->append(msg::actionParameterValueNotInList(valueText(v), p->name, action));
    }
    for (const Parameter &p : parameters)
        if (p.required && !body.contains(p.name))
            errors->append(msg::actionParameterMissing(action, p.name));
    return errors->size() == before;
}

} // namespace redfish::json
