#pragma once

#include "redfishmessages.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

// Request-body reading in the style of bmcweb's readJsonPatch/readJsonAction: the caller declares
// the properties it accepts, and every problem becomes the matching Base message
// (MalformedJSON, EmptyJSON, PropertyUnknown, PropertyNotWritable, PropertyValueTypeError,
// PropertyValueNotInList, ActionParameter*). Pure functions, no server needed.
namespace redfish::json {

enum class Type { String, NullableString, Boolean, Integer, Number, Object, Array, Any };

struct Property
{
    QString name;
    Type type = Type::String;
    QStringList allowed;          // String: accepted values (empty = any)
    bool writable = true;         // false: PropertyNotWritable
    QList<Property> children;     // Object: nested properties (empty = any object)
    qint64 minimum = 0;           // Integer: inclusive range when minimum < maximum
    qint64 maximum = 0;
    int maxLength = 0;            // String: 0 = unlimited
};

// Parses a request body as a JSON object. Empty body with `allowEmpty` gives {}.
bool parseObject(const QByteArray &body, QJsonObject *out, QList<messages::Message> *errors, bool allowEmpty = false);

// Checks a PATCH body against `schema`. Returns the properties that passed (same shape as the body,
// bad ones removed) and appends one message per problem. `prefix` is the JSON pointer of `body`.
// OData control information ("@odata.*") is ignored; other annotations are PropertyNotWritable.
QJsonObject readPatch(const QJsonObject &body, const QList<Property> &schema, QList<messages::Message> *errors,
                      const QString &prefix = {});

struct Parameter
{
    QString name;
    Type type = Type::String;
    QStringList allowed;
    bool required = false;
    bool supported = true;        // false: known to the schema but not to this service
};

// Checks an action's parameters: unknown → ActionParameterUnknown, unsupported →
// ActionParameterNotSupported, missing → ActionParameterMissing, type → ActionParameterValueTypeError,
// list → ActionParameterValueNotInList. Returns false if any message was added.
bool readAction(const QJsonObject &body, const QString &action, const QList<Parameter> &parameters,
                QList<messages::Message> *errors);

// True for a non-empty object holding nothing but "@odata.*" control information.
bool onlyODataAnnotations(const QJsonObject &body);

// A JSON value as text for MessageArgs ("true", "12", "abc", "{...}" compact JSON).
QString valueText(const QJsonValue &value);
bool hasType(const QJsonValue &value, Type type);

} // namespace redfish::json
