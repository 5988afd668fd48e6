// The Redfish error module (redfish::messages) and the request-body readers (redfish::json):
// exact DMTF error body shape, GeneralError collapse, status selection, and the PATCH/action
// helpers emitting PropertyUnknown / PropertyValueTypeError / PropertyValueNotInList / ... .
// Pure functions, no server.

#include "redfish/redfishjson.h"
#include "redfish/redfishmessages.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
namespace msg = redfish::messages;
namespace json = redfish::json;

Q_DECLARE_METATYPE(msg::Message)

namespace {

QJsonObject parse(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QStringList ids(const QList<msg::Message> &messages)
{
    QStringList out;
    for (const auto &m : messages)
        out << m.id + u'(' + m.args.join(u',') + u')';
    return out;
}

// The ComputerSystem-like schema used by the PATCH tests.
QList<json::Property> bootSchema()
{
    json::Property boot{u"Boot"_s, json::Type::Object};
    boot.children = {
        json::Property{u"BootSourceOverrideTarget"_s, json::Type::String, {u"None"_s, u"Pxe"_s, u"Hdd"_s}},
        json::Property{u"BootSourceOverrideEnabled"_s, json::Type::String, {u"Disabled"_s, u"Once"_s}},
        json::Property{u"HttpBootUri"_s, json::Type::NullableString, {}, true, {}, 0, 0, 16},
    };
    json::Property timeout{u"SessionTimeout"_s, json::Type::Integer};
    timeout.minimum = 30;
    timeout.maximum = 86400;
    return {boot, timeout, json::Property{u"Enabled"_s, json::Type::Boolean},
            json::Property{u"Id"_s, json::Type::Any, {}, false}};
}

} // namespace

class TestRedfishMessages : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void singleMessageBody();
    void messageIdsAndTexts_data();
    void messageIdsAndTexts();
    void everyBuilderIsInTheRegistry();
    void generalErrorCollapse();
    void statusFor_data();
    void statusFor();
    void registryResource();
    void parseObject_data();
    void parseObject();
    void readPatch_data();
    void readPatch();
    void readPatchKeepsGoodProperties();
    void onlyODataAnnotations_data();
    void onlyODataAnnotations();
    void readAction_data();
    void readAction();
    void valueText_data();
    void valueText();
};

void TestRedfishMessages::singleMessageBody()
{
    // The exact shape of reference/redfish.md §5 (bmcweb error_message_utils.cpp).
    const QJsonObject body =
        msg::errorBody({msg::propertyValueNotInList(u"Floppy"_s, u"Boot/BootSourceOverrideTarget"_s)});
    QCOMPARE(body.keys(), QStringList{u"error"_s});
    const QJsonObject error = body.value(u"error"_s).toObject();
    QCOMPARE(error.keys(), (QStringList{u"@Message.ExtendedInfo"_s, u"code"_s, u"message"_s}));
    QCOMPARE(error.value(u"code"_s).toString(), u"Base.1.19.PropertyValueNotInList"_s);
    // Base 1.19.2 text (the property argument is not quoted in this registry version).
    const QString text = u"The value 'Floppy' for the property Boot/BootSourceOverrideTarget is not in the list of "
                         u"acceptable values."_s;
    QCOMPARE(error.value(u"message"_s).toString(), text);
    const QJsonArray info = error.value(u"@Message.ExtendedInfo"_s).toArray();
    QCOMPARE(info.size(), 1);
    const QJsonObject m = info.first().toObject();
    QCOMPARE(m.keys(), (QStringList{u"@odata.type"_s, u"Message"_s, u"MessageArgs"_s, u"MessageId"_s,
                                    u"MessageSeverity"_s, u"Resolution"_s}));
    QVERIFY(m.value(u"@odata.type"_s).toString().startsWith(u"#Message.v1_"_s));
    QCOMPARE(m.value(u"MessageId"_s).toString(), u"Base.1.19.PropertyValueNotInList"_s);
    QCOMPARE(m.value(u"Message"_s).toString(), text);
    QCOMPARE(m.value(u"MessageArgs"_s).toArray(), (QJsonArray{u"Floppy"_s, u"Boot/BootSourceOverrideTarget"_s}));
    QCOMPARE(m.value(u"MessageSeverity"_s).toString(), u"Warning"_s);
    QCOMPARE(m.value(u"Resolution"_s).toString(),
             u"Choose a value from the enumeration list that the implementation can support and resubmit the request "
             u"if the operation failed."_s);
}

void TestRedfishMessages::messageIdsAndTexts_data()
{
    QTest::addColumn<msg::Message>("message");
    QTest::addColumn<QString>("messageId");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<int>("status");

    QTest::newRow("ResourceNotFound") << msg::resourceNotFound(u"ComputerSystem"_s, u"nope"_s)
                                      << u"Base.1.19.ResourceNotFound"_s
                                      << u"The requested resource of type ComputerSystem named 'nope' was not found."_s
                                      << u"Critical"_s << 404;
    QTest::newRow("PropertyUnknown") << msg::propertyUnknown(u"Boot/Foo"_s) << u"Base.1.19.PropertyUnknown"_s
                                     << u"The property Boot/Foo is not in the list of valid properties for the resource."_s
                                     << u"Warning"_s << 400;
    QTest::newRow("PropertyValueTypeError")
        << msg::propertyValueTypeError(u"12"_s, u"Boot/BootSourceOverrideTarget"_s)
        << u"Base.1.19.PropertyValueTypeError"_s
        << u"The value '12' for the property Boot/BootSourceOverrideTarget is not a type that the property can accept."_s
        << u"Warning"_s << 400;
    QTest::newRow("ActionParameterNotSupported")
        << msg::actionParameterNotSupported(u"Foo"_s, u"ComputerSystem.Reset"_s)
        << u"Base.1.19.ActionParameterNotSupported"_s
        << u"The parameter Foo for the action ComputerSystem.Reset is not supported on the target resource."_s
        << u"Warning"_s << 400;
    QTest::newRow("InsufficientPrivilege") << msg::insufficientPrivilege() << u"Base.1.19.InsufficientPrivilege"_s
                                           << u"There are insufficient privileges for the account or credentials "
                                              u"associated with the current session to perform the requested operation."_s
                                           << u"Critical"_s << 403;
    QTest::newRow("NoValidSession") << msg::noValidSession() << u"Base.1.19.NoValidSession"_s
                                    << u"There is no valid session established with the implementation."_s
                                    << u"Critical"_s << 401;
    QTest::newRow("PreconditionFailed") << msg::preconditionFailed() << u"Base.1.19.PreconditionFailed"_s
                                        << u"The ETag supplied did not match the ETag required to change this resource."_s
                                        << u"Critical"_s << 412;
    QTest::newRow("MalformedJSON") << msg::malformedJson() << u"Base.1.19.MalformedJSON"_s
                                   << u"The request body submitted was malformed JSON and could not be parsed by the "
                                      u"receiving service."_s
                                   << u"Critical"_s << 400;
    QTest::newRow("OperationNotAllowed") << msg::operationNotAllowed() << u"Base.1.19.OperationNotAllowed"_s
                                         << u"The HTTP method is not allowed on this resource."_s << u"Critical"_s << 405;
}

void TestRedfishMessages::messageIdsAndTexts()
{
    QFETCH(msg::Message, message);
    QFETCH(QString, messageId);
    QFETCH(QString, text);
    QFETCH(QString, severity);
    QFETCH(int, status);
    QCOMPARE(message.messageId(), messageId);
    QCOMPARE(message.text(), text);
    QCOMPARE(message.httpStatus, status);
    const QJsonObject json = message.toJson();
    QCOMPARE(json.value(u"MessageSeverity"_s).toString(), severity);
    QCOMPARE(json.value(u"MessageArgs"_s).toArray().size(), message.args.size());
    // Every %n placeholder was replaced.
    QVERIFY2(!message.text().contains(u'%'), qPrintable(message.text()));
}

void TestRedfishMessages::everyBuilderIsInTheRegistry()
{
    // A builder whose id is missing from the registry would send the bare id as text and a
    // made-up severity.
    const QList<msg::Message> all{
        msg::success(), msg::generalError(), msg::created(), msg::noOperation(), msg::propertyUnknown(u"a"_s),
        msg::propertyValueTypeError(u"a"_s, u"b"_s), msg::propertyValueNotInList(u"a"_s, u"b"_s),
        msg::propertyValueFormatError(u"a"_s, u"b"_s), msg::propertyValueOutOfRange(u"a"_s, u"b"_s),
        msg::propertyValueIncorrect(u"a"_s, u"b"_s), msg::propertyNotWritable(u"a"_s), msg::propertyMissing(u"a"_s),
        msg::propertyValueConflict(u"a"_s, u"b"_s), msg::stringValueTooLong(u"a"_s, 3), msg::malformedJson(),
        msg::emptyJson(), msg::actionNotSupported(u"a"_s), msg::actionParameterMissing(u"a"_s, u"b"_s),
        msg::actionParameterNotSupported(u"a"_s, u"b"_s), msg::actionParameterUnknown(u"a"_s, u"b"_s),
        msg::actionParameterValueTypeError(u"a"_s, u"b"_s, u"c"_s),
        msg::actionParameterValueNotInList(u"a"_s, u"b"_s, u"c"_s),
        msg::actionParameterValueFormatError(u"a"_s, u"b"_s, u"c"_s), msg::actionParameterValueError(u"a"_s, u"b"_s),
        msg::resourceNotFound(u"a"_s, u"b"_s), msg::resourceMissingAtUri(u"a"_s), msg::resourceInUse(),
        msg::resourceAlreadyExists(u"a"_s, u"b"_s, u"c"_s), msg::resourceCannotBeDeleted(),
        msg::createLimitReachedForResource(), msg::insufficientPrivilege(), msg::noValidSession(),
        msg::passwordChangeRequired(u"a"_s), msg::internalError(), msg::preconditionFailed(),
        msg::operationNotAllowed(), msg::operationFailed(), msg::queryNotSupported(), msg::queryNotSupportedOnResource(),
        msg::queryParameterUnsupported(u"a"_s), msg::queryParameterValueTypeError(u"a"_s, u"b"_s),
        msg::queryParameterOutOfRange(u"a"_s, u"b"_s, u"c"_s), msg::sessionLimitExceeded(),
        msg::eventSubscriptionLimitExceeded(), msg::serviceTemporarilyUnavailable(5),
        msg::couldNotEstablishConnection(u"a"_s), msg::resetRequired(u"a"_s, u"b"_s), msg::accountRemoved(),
        msg::accountModified(), msg::headerInvalid(u"a"_s)};
    for (const msg::Message &m : all) {
        const msg::RegistryEntry *e = msg::find(m.id);
        QVERIFY2(e, qPrintable(m.id));
        QCOMPARE(m.args.size(), e->numberOfArgs);
        QVERIFY2(!m.text().contains(u'%'), qPrintable(m.text()));
        QVERIFY(QStringList({u"OK"_s, u"Warning"_s, u"Critical"_s}).contains(QString::fromLatin1(e->severity)));
    }
}

void TestRedfishMessages::generalErrorCollapse()
{
    const QList<msg::Message> two{msg::propertyUnknown(u"Foo"_s), msg::propertyValueTypeError(u"1"_s, u"Enabled"_s)};
    const QJsonObject error = msg::errorBody(two).value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), u"Base.1.19.GeneralError"_s);
    QCOMPARE(error.value(u"message"_s).toString(), msg::generalError().text());
    const QJsonArray info = error.value(u"@Message.ExtendedInfo"_s).toArray();
    QCOMPARE(info.size(), 2);
    QCOMPARE(info.at(0).toObject().value(u"MessageId"_s).toString(), u"Base.1.19.PropertyUnknown"_s);
    QCOMPARE(info.at(1).toObject().value(u"MessageId"_s).toString(), u"Base.1.19.PropertyValueTypeError"_s);
}

void TestRedfishMessages::statusFor_data()
{
    QTest::addColumn<QList<msg::Message>>("messages");
    QTest::addColumn<int>("status");
    QTest::newRow("none") << QList<msg::Message>{} << 500;
    QTest::newRow("404") << QList<msg::Message>{msg::resourceNotFound(u"a"_s, u"b"_s)} << 404;
    QTest::newRow("same 400s") << QList<msg::Message>{msg::propertyUnknown(u"a"_s), msg::propertyMissing(u"b"_s)} << 400;
    QTest::newRow("mixed 4xx") << QList<msg::Message>{msg::resourceNotFound(u"a"_s, u"b"_s), msg::propertyUnknown(u"c"_s)}
                               << 400;
    QTest::newRow("with 5xx") << QList<msg::Message>{msg::propertyUnknown(u"c"_s), msg::internalError()} << 500;
    QTest::newRow("503") << QList<msg::Message>{msg::serviceTemporarilyUnavailable(3)} << 503;
}

void TestRedfishMessages::statusFor()
{
    QFETCH(QList<msg::Message>, messages);
    QFETCH(int, status);
    QCOMPARE(msg::statusFor(messages), status);
}

void TestRedfishMessages::registryResource()
{
    const QJsonObject r = msg::registryJson();
    QCOMPARE(r.value(u"RegistryPrefix"_s).toString(), u"Base"_s);
    QCOMPARE(r.value(u"Id"_s).toString(), u"Base."_s + QString::fromLatin1(msg::RegistryVersion));
    const QJsonObject messages = r.value(u"Messages"_s).toObject();
    QCOMPARE(messages.size(), msg::registry().size());
    const QJsonObject unknown = messages.value(u"PropertyUnknown"_s).toObject();
    QCOMPARE(unknown.value(u"NumberOfArgs"_s).toInt(), 1);
    QCOMPARE(unknown.value(u"ParamTypes"_s).toArray(), QJsonArray{u"string"_s});
    QVERIFY(!messages.value(u"Success"_s).toObject().contains(u"ParamTypes"_s));
}

void TestRedfishMessages::parseObject_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("allowEmpty");
    QTest::addColumn<bool>("ok");
    QTest::newRow("object") << QByteArray("{\"a\":1}") << false << true;
    QTest::newRow("empty refused") << QByteArray("") << false << false;
    QTest::newRow("blank allowed") << QByteArray("  \r\n") << true << true;
    QTest::newRow("array") << QByteArray("[1,2]") << false << false;
    QTest::newRow("scalar") << QByteArray("\"x\"") << false << false;
    QTest::newRow("truncated") << QByteArray("{\"a\":") << true << false;
    QTest::newRow("garbage") << QByteArray("\xff\xfe{") << false << false;
}

void TestRedfishMessages::parseObject()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, allowEmpty);
    QFETCH(bool, ok);
    QJsonObject out;
    QList<msg::Message> errors;
    QCOMPARE(json::parseObject(body, &out, &errors, allowEmpty), ok);
    QCOMPARE(errors.isEmpty(), ok);
    if (!ok)
        QCOMPARE(ids(errors), QStringList{u"MalformedJSON()"_s});
}

void TestRedfishMessages::readPatch_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("errors");
    QTest::addColumn<QByteArray>("accepted");

    QTest::newRow("valid") << QByteArray(R"({"Boot":{"BootSourceOverrideTarget":"Pxe","BootSourceOverrideEnabled":"Once"}})")
                           << QStringList{}
                           << QByteArray(R"({"Boot":{"BootSourceOverrideEnabled":"Once","BootSourceOverrideTarget":"Pxe"}})");
    QTest::newRow("unknown top") << QByteArray(R"({"Foo":1})") << QStringList{u"PropertyUnknown(Foo)"_s} << QByteArray("{}");
    QTest::newRow("unknown nested") << QByteArray(R"({"Boot":{"Bar":true}})")
                                    << QStringList{u"PropertyUnknown(Boot/Bar)"_s} << QByteArray("{}");
    QTest::newRow("type string") << QByteArray(R"({"Boot":{"BootSourceOverrideTarget":12}})")
                                 << QStringList{u"PropertyValueTypeError(12,Boot/BootSourceOverrideTarget)"_s}
                                 << QByteArray("{}");
    QTest::newRow("type object") << QByteArray(R"({"Boot":"Pxe"})")
                                 << QStringList{u"PropertyValueTypeError(Pxe,Boot)"_s} << QByteArray("{}");
    QTest::newRow("type bool") << QByteArray(R"({"Enabled":"yes"})")
                               << QStringList{u"PropertyValueTypeError(yes,Enabled)"_s} << QByteArray("{}");
    QTest::newRow("type integer") << QByteArray(R"({"SessionTimeout":60.5})")
                                  << QStringList{u"PropertyValueTypeError(60.5,SessionTimeout)"_s} << QByteArray("{}");
    QTest::newRow("not in list") << QByteArray(R"({"Boot":{"BootSourceOverrideTarget":"Floppy"}})")
                                 << QStringList{u"PropertyValueNotInList(Floppy,Boot/BootSourceOverrideTarget)"_s}
                                 << QByteArray("{}");
    QTest::newRow("out of range") << QByteArray(R"({"SessionTimeout":5})")
                                  << QStringList{u"PropertyValueOutOfRange(5,SessionTimeout)"_s} << QByteArray("{}");
    QTest::newRow("in range") << QByteArray(R"({"SessionTimeout":30})") << QStringList{}
                              << QByteArray(R"({"SessionTimeout":30})");
    QTest::newRow("too long") << QByteArray(R"({"Boot":{"HttpBootUri":"http://example/12345"}})")
                              << QStringList{u"StringValueTooLong(http://example/12345,16)"_s} << QByteArray("{}");
    QTest::newRow("nullable null") << QByteArray(R"({"Boot":{"HttpBootUri":null}})") << QStringList{}
                                   << QByteArray(R"({"Boot":{"HttpBootUri":null}})");
    QTest::newRow("read-only") << QByteArray(R"({"Id":"x"})") << QStringList{u"PropertyNotWritable(Id)"_s}
                               << QByteArray("{}");
    QTest::newRow("odata ignored") << QByteArray(R"({"@odata.id":"/x","@odata.etag":"W/\"1\"","Enabled":false})")
                                   << QStringList{} << QByteArray(R"({"Enabled":false})");
    QTest::newRow("annotation") << QByteArray(R"({"Boot@Redfish.AllowableValues":["x"]})")
                                << QStringList{u"PropertyNotWritable(Boot@Redfish.AllowableValues)"_s} << QByteArray("{}");
    QTest::newRow("several") << QByteArray(R"({"Foo":1,"Enabled":3,"Boot":{"BootSourceOverrideEnabled":"Always"}})")
                             << QStringList{u"PropertyValueNotInList(Always,Boot/BootSourceOverrideEnabled)"_s,
                                            u"PropertyValueTypeError(3,Enabled)"_s, u"PropertyUnknown(Foo)"_s}
                             << QByteArray("{}");
}

void TestRedfishMessages::readPatch()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, errors);
    QFETCH(QByteArray, accepted);
    QList<msg::Message> out;
    const QJsonObject result = json::readPatch(QJsonDocument::fromJson(body).object(), bootSchema(), &out);
    QCOMPARE(ids(out), errors);
    QCOMPARE(result, QJsonDocument::fromJson(accepted).object());
    // Several problems give one GeneralError body listing each of them.
    if (errors.size() > 1)
        QCOMPARE(msg::errorBody(out).value(u"error"_s).toObject().value(u"code"_s).toString(),
                 u"Base.1.19.GeneralError"_s);
}

void TestRedfishMessages::readPatchKeepsGoodProperties()
{
    QList<msg::Message> out;
    const QJsonObject result =
        json::readPatch(parse(R"({"Enabled":true,"Boot":{"BootSourceOverrideTarget":"Hdd","X":1}})"), bootSchema(), &out);
    QCOMPARE(ids(out), QStringList{u"PropertyUnknown(Boot/X)"_s});
    QCOMPARE(result, parse(R"({"Enabled":true,"Boot":{"BootSourceOverrideTarget":"Hdd"}})"));
}

void TestRedfishMessages::onlyODataAnnotations_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("only");
    QTest::newRow("empty") << QByteArray("{}") << false;
    QTest::newRow("odata only") << QByteArray(R"({"@odata.id":"/a","@odata.type":"#X"})") << true;
    QTest::newRow("with a property") << QByteArray(R"({"@odata.id":"/a","Enabled":true})") << false;
    QTest::newRow("redfish annotation") << QByteArray(R"({"@Redfish.SettingsApplyTime":{}})") << false;
}

void TestRedfishMessages::onlyODataAnnotations()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, only);
    QCOMPARE(json::onlyODataAnnotations(parse(body.constData())), only);
}

void TestRedfishMessages::readAction_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("errors");
    const QString a = u"ComputerSystem.Reset"_s;
    QTest::newRow("ok") << QByteArray(R"({"ResetType":"On"})") << QStringList{};
    QTest::newRow("missing") << QByteArray("{}") << QStringList{u"ActionParameterMissing(ComputerSystem.Reset,ResetType)"_s};
    QTest::newRow("unknown") << QByteArray(R"({"ResetType":"On","Foo":1})")
                             << QStringList{u"ActionParameterUnknown(ComputerSystem.Reset,Foo)"_s};
    QTest::newRow("not supported") << QByteArray(R"({"ResetType":"On","Delay":3})")
                                   << QStringList{u"ActionParameterNotSupported(Delay,ComputerSystem.Reset)"_s};
    QTest::newRow("type") << QByteArray(R"({"ResetType":true})")
                          << QStringList{u"ActionParameterValueTypeError(true,ResetType,ComputerSystem.Reset)"_s};
    QTest::newRow("not in list") << QByteArray(R"({"ResetType":"Nmi"})")
                                 << QStringList{u"ActionParameterValueNotInList(Nmi,ResetType,ComputerSystem.Reset)"_s};
}

void TestRedfishMessages::readAction()
{
    QFETCH(QByteArray, body);
    QFETCH(QStringList, errors);
    QList<msg::Message> out;
    const QList<json::Parameter> params{
        json::Parameter{u"ResetType"_s, json::Type::String, {u"On"_s, u"ForceOff"_s}, true},
        json::Parameter{u"Delay"_s, json::Type::Integer, {}, false, false}};
    QCOMPARE(json::readAction(parse(body.constData()), u"ComputerSystem.Reset"_s, params, &out), errors.isEmpty());
    QCOMPARE(ids(out), errors);
}

void TestRedfishMessages::valueText_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("string") << QJsonValue(u"abc"_s) << u"abc"_s;
    QTest::newRow("long string cut") << QJsonValue(QString(300, u'x')) << QString(200, u'x');
    QTest::newRow("true") << QJsonValue(true) << u"true"_s;
    QTest::newRow("integer") << QJsonValue(12.0) << u"12"_s;
    QTest::newRow("fraction") << QJsonValue(1.5) << u"1.5"_s;
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << u"null"_s;
    QTest::newRow("array") << QJsonValue(QJsonArray{1, u"a"_s}) << u"[1,\"a\"]"_s;
    QTest::newRow("object") << QJsonValue(QJsonObject{{u"k"_s, false}}) << u"{\"k\":false}"_s;
}

void TestRedfishMessages::valueText()
{
    QFETCH(QJsonValue, value);
    QFETCH(QString, text);
    QCOMPARE(json::valueText(value), text);
}

QTEST_GUILESS_MAIN(TestRedfishMessages)
#include "tst_redfishmessages.moc"
