#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// Every Redfish error body and @Message.ExtendedInfo entry is built here, from the DMTF Base
// message registry (Base.1.19.2: ids, texts, severities and resolutions copied verbatim). A
// response with several messages collapses to Base.x.GeneralError, as DSP0266 and bmcweb do.
namespace redfish::messages {

inline constexpr const char *RegistryPrefix = "Base";
inline constexpr const char *RegistryVersion = "1.19.2";

struct Message
{
    QString id;             // registry key, e.g. "PropertyUnknown"
    QStringList args;
    int httpStatus = 400;   // the status this message implies when it is the only one

    [[nodiscard]] QString messageId() const;   // "Base.1.19.PropertyUnknown"
    [[nodiscard]] QString text() const;        // %1.. replaced
    [[nodiscard]] QJsonObject toJson() const;  // a Message.v1_x Message object
};

// One registry entry (also served as the Registries/Base resource).
struct RegistryEntry
{
    const char *id;
    const char *message;
    const char *severity;
    int numberOfArgs;
    const char *resolution;
};
const QList<RegistryEntry> &registry();
const RegistryEntry *find(const QString &id);

// {"error": {"code", "message", "@Message.ExtendedInfo": [...]}}; GeneralError for several.
QJsonObject errorBody(const QList<Message> &messages);
// The status of a response carrying `messages`: the first message's, or 400 for mixed 4xx.
int statusFor(const QList<Message> &messages);
// The served MessageRegistry resource built from registry().
QJsonObject registryJson();

// Builders (bmcweb redfish::messages style). Property paths are RFC 6901 JSON pointers
// without the leading slash ("Boot/BootSourceOverrideTarget").
Message success();
Message generalError();
Message created();
Message noOperation();
Message propertyUnknown(const QString &property);
Message propertyValueTypeError(const QString &value, const QString &property);
Message propertyValueNotInList(const QString &value, const QString &property);
Message propertyValueFormatError(const QString &value, const QString &property);
Message propertyValueOutOfRange(const QString &value, const QString &property);
Message propertyValueIncorrect(const QString &property, const QString &value);
Message propertyNotWritable(const QString &property);
Message propertyMissing(const QString &property);
Message propertyValueConflict(const QString &property, const QString &other);
Message stringValueTooLong(const QString &value, int limit);
Message malformedJson();
Message emptyJson();
Message actionNotSupported(const QString &action);
Message actionParameterMissing(const QString &action, const QString &parameter);
Message actionParameterNotSupported(const QString &parameter, const QString &action);
Message actionParameterUnknown(const QString &action, const QString &parameter);
Message actionParameterValueTypeError(const QString &value, const QString &parameter, const QString &action);
Message actionParameterValueNotInList(const QString &value, const QString &parameter, const QString &action);
Message actionParameterValueFormatError(const QString &value, const QString &parameter, const QString &action);
Message actionParameterValueError(const QString &parameter, const QString &action);
Message resourceNotFound(const QString &type, const QString &name);
Message resourceMissingAtUri(const QString &uri);
Message resourceInUse();
Message resourceAlreadyExists(const QString &type, const QString &property, const QString &value);
Message resourceCannotBeDeleted();
Message createLimitReachedForResource();
Message insufficientPrivilege();
Message noValidSession();
Message passwordChangeRequired(const QString &accountUri);
Message internalError();
Message preconditionFailed();
Message operationNotAllowed();   // 405
Message operationFailed();
Message queryNotSupported();
Message queryNotSupportedOnResource();
Message queryParameterUnsupported(const QString &parameter);
Message queryParameterValueTypeError(const QString &value, const QString &parameter);
Message queryParameterOutOfRange(const QString &value, const QString &parameter, const QString &range);
Message sessionLimitExceeded();
Message eventSubscriptionLimitExceeded();
Message serviceTemporarilyUnavailable(int seconds);
Message couldNotEstablishConnection(const QString &uri);
Message resetRequired(const QString &uri, const QString &resetType);
Message accountRemoved();
Message accountModified();
Message headerInvalid(const QString &header);

} // namespace redfish::messages
