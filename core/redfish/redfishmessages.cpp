// Resource bodies are QJsonObject initializer lists, where QStringBuilder expressions do not
// convert implicitly; plain QString concatenation here.
#undef QT_USE_QSTRINGBUILDER

#include "redfishmessages.h"

#include "redfishodata.h"

using namespace Qt::Literals::StringLiterals;

namespace redfish::messages {

namespace {

QString majorMinor()
{
    const QString v = QString::fromLatin1(RegistryVersion);
    return v.section(u'.', 0, 1);
}

Message make(const char *id, int status, QStringList args = {})
{
    return Message{QString::fromLatin1(id), std::move(args), status};
}

} // namespace

const RegistryEntry *find(const QString &id)
{
    for (const RegistryEntry &e : registry())
        if (id == QLatin1String(e.id))
            return &e;
    return nullptr;
}

QString Message::messageId() const
{
    return QString::fromLatin1(RegistryPrefix) + u'.' + majorMinor() + u'.' + id;
}

QString Message::text() const
{
    const RegistryEntry *e = find(id);
    if (!e)
        return id;
    QString t = QString::fromUtf8(e->message);
    // Replace from the highest index down so %1 does not eat the start of %10.
    for (qsizetype i = args.size(); i >= 1; --i)
        t.replace(u'%' + QString::number(i), args.at(i - 1));
    return t;
}

QJsonObject Message::toJson() const
{
    const RegistryEntry *e = find(id);
    QJsonObject o{{u"@odata.type"_s, odata::type(odata::Kind::Message)},
                  {u"MessageId"_s, messageId()},
                  {u"Message"_s, text()},
                  {u"MessageArgs"_s, QJsonArray::fromStringList(args)},
                  {u"MessageSeverity"_s, e ? QString::fromLatin1(e->severity) : u"Warning"_s},
                  {u"Resolution"_s, e ? QString::fromUtf8(e->resolution) : u"None."_s}};
    return o;
}

QJsonObject errorBody(const QList<Message> &messages)
{
    QJsonArray info;
    for (const Message &m : messages)
        info.append(m.toJson());
    QString code;
    QString text;
    if (messages.size() == 1) {
        code = messages.first().messageId();
        text = messages.first().text();
    } else {
        const Message general = generalError();
        code = general.messageId();
        text = general.text();
    }
    return QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, code},
                                                {u"message"_s, text},
                                                {u"@Message.ExtendedInfo"_s, info}}}};
}

int statusFor(const QList<Message> &messages)
{
    if (messages.isEmpty())
        return 500;
    int status = messages.first().httpStatus;
    for (const Message &m : messages)
        if (m.httpStatus != status)
            return (status >= 500 || m.httpStatus >= 500) ? 500 : 400;
    return status;
}

QJsonObject registryJson()
{
    QJsonObject messages;
    for (const RegistryEntry &e : registry()) {
        QJsonObject m{{u"Description"_s, QString::fromUtf8(e.message)},
                      {u"Message"_s, QString::fromUtf8(e.message)},
                      {u"MessageSeverity"_s, QString::fromLatin1(e.severity)},
                      {u"NumberOfArgs"_s, e.numberOfArgs},
                      {u"Resolution"_s, QString::fromUtf8(e.resolution)}};
        if (e.numberOfArgs > 0) {
            QJsonArray types;
            for (int i = 0; i < e.numberOfArgs; ++i)
                types.append(u"string"_s);
            m.insert(u"ParamTypes"_s, types);
        }
        messages.insert(QString::fromLatin1(e.id), m);
    }
    const QString id = QString::fromLatin1(RegistryPrefix) + u'.' + QString::fromLatin1(RegistryVersion);
    return QJsonObject{{u"@odata.type"_s, odata::type(odata::Kind::MessageRegistry)},
                       {u"@odata.id"_s, u"/redfish/v1/Registries/Base/Base"_s},
                       {u"Id"_s, id},
                       {u"Name"_s, u"Base Message Registry"_s},
                       {u"Description"_s, u"The subset of the DMTF Base message registry this service emits."_s},
                       {u"Language"_s, u"en"_s},
                       {u"OwningEntity"_s, u"DMTF"_s},
                       {u"RegistryPrefix"_s, QString::fromLatin1(RegistryPrefix)},
                       {u"RegistryVersion"_s, QString::fromLatin1(RegistryVersion)},
                       {u"Messages"_s, messages}};
}

Message success() { return make("Success", 200); }
Message generalError() { return make("GeneralError", 400); }
Message created() { return make("Created", 201); }
Message noOperation() { return make("NoOperation", 400); }
Message propertyUnknown(const QString &p) { return make("PropertyUnknown", 400, {p}); }
Message propertyValueTypeError(const QString &v, const QString &p) { return make("PropertyValueTypeError", 400, {v, p}); }
Message propertyValueNotInList(const QString &v, const QString &p) { return make("PropertyValueNotInList", 400, {v, p}); }
Message propertyValueFormatError(const QString &v, const QString &p) { return make("PropertyValueFormatError", 400, {v, p}); }
Message propertyValueOutOfRange(const QString &v, const QString &p) { return make("PropertyValueOutOfRange", 400, {v, p}); }
Message propertyValueIncorrect(const QString &p, const QString &v) { return make("PropertyValueIncorrect", 400, {p, v}); }
Message propertyNotWritable(const QString &p) { return make("PropertyNotWritable", 400, {p}); }
Message propertyMissing(const QString &p) { return make("PropertyMissing", 400, {p}); }
Message propertyValueConflict(const QString &p, const QString &o) { return make("PropertyValueConflict", 400, {p, o}); }
Message stringValueTooLong(const QString &v, int limit) { return make("StringValueTooLong", 400, {v, QString::number(limit)}); }
Message malformedJson() { return make("MalformedJSON", 400); }
Message emptyJson() { return make("EmptyJSON", 400); }
Message actionNotSupported(const QString &a) { return make("ActionNotSupported", 400, {a}); }
Message actionParameterMissing(const QString &a, const QString &p) { return make("ActionParameterMissing", 400, {a, p}); }
Message actionParameterNotSupported(const QString &p, const QString &a) { return make("ActionParameterNotSupported", 400, {p, a}); }
Message actionParameterUnknown(const QString &a, const QString &p) { return make("ActionParameterUnknown", 400, {a, p}); }
Message actionParameterValueTypeError(const QString &v, const QString &p, const QString &a)
{
    return make("ActionParameterValueTypeError", 400, {v, p, a});
}
Message actionParameterValueNotInList(const QString &v, const QString &p, const QString &a)
{
    return make("ActionParameterValueNotInList", 400, {v, p, a});
}
Message actionParameterValueFormatError(const QString &v, const QString &p, const QString &a)
{
    return make("ActionParameterValueFormatError", 400, {v, p, a});
}
Message actionParameterValueError(const QString &p, const QString &a) { return make("ActionParameterValueError", 400, {p, a}); }
Message resourceNotFound(const QString &t, const QString &n) { return make("ResourceNotFound", 404, {t, n}); }
Message resourceMissingAtUri(const QString &u) { return make("ResourceMissingAtURI", 400, {u}); }
Message resourceInUse() { return make("ResourceInUse", 409); }
Message resourceAlreadyExists(const QString &t, const QString &p, const QString &v)
{
    return make("ResourceAlreadyExists", 409, {t, p, v});
}
Message resourceCannotBeDeleted() { return make("ResourceCannotBeDeleted", 405); }
Message createLimitReachedForResource() { return make("CreateLimitReachedForResource", 409); }
Message insufficientPrivilege() { return make("InsufficientPrivilege", 403); }
Message noValidSession() { return make("NoValidSession", 401); }
Message passwordChangeRequired(const QString &uri) { return make("PasswordChangeRequired", 403, {uri}); }
Message internalError() { return make("InternalError", 500); }
Message preconditionFailed() { return make("PreconditionFailed", 412); }
Message operationNotAllowed() { return make("OperationNotAllowed", 405); }
Message operationFailed() { return make("OperationFailed", 502); }
Message queryNotSupported() { return make("QueryNotSupported", 400); }
Message queryNotSupportedOnResource() { return make("QueryNotSupportedOnResource", 400); }
Message queryParameterUnsupported(const QString &p) { return make("QueryParameterUnsupported", 501, {p}); }
Message queryParameterValueTypeError(const QString &v, const QString &p) { return make("QueryParameterValueTypeError", 400, {v, p}); }
Message queryParameterOutOfRange(const QString &v, const QString &p, const QString &r)
{
    return make("QueryParameterOutOfRange", 400, {v, p, r});
}
Message sessionLimitExceeded() { return make("SessionLimitExceeded", 503); }
Message eventSubscriptionLimitExceeded() { return make("EventSubscriptionLimitExceeded", 503); }
Message serviceTemporarilyUnavailable(int s) { return make("ServiceTemporarilyUnavailable", 503, {QString::number(s)}); }
Message couldNotEstablishConnection(const QString &u) { return make("CouldNotEstablishConnection", 502, {u}); }
Message resetRequired(const QString &u, const QString &t) { return make("ResetRequired", 200, {u, t}); }
Message accountRemoved() { return make("AccountRemoved", 200); }
Message accountModified() { return make("AccountModified", 200); }
Message headerInvalid(const QString &h) { return make("HeaderInvalid", 400, {h}); }

} // namespace redfish::messages
