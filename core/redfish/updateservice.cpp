// Resource bodies are QJsonObject initializer lists, where QStringBuilder expressions do not
// convert implicitly; plain QString concatenation here.
#undef QT_USE_QSTRINGBUILDER

#include "updateservice.h"

#include "common/atomicfile.h"
#include "common/logging.h"
#include "devices/firmwaresettings.h"
#include "http/httpserver.h"
#include "redfishcontext.h"
#include "redfishodata.h"
#include "taskstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace redfish {

namespace msg = redfish::messages;
using odata::Kind;

namespace {
const QString SimpleUpdate = u"UpdateService.SimpleUpdate"_s;
QString uefiItemId(const QString &systemId)
{
    return systemId + u"-UEFI"_s;
}
} // namespace

QJsonObject updateServiceBody()
{
    return QJsonObject{
        {u"@odata.id"_s, u"/redfish/v1/UpdateService"_s},
        {u"@odata.type"_s, odata::type(Kind::UpdateService)},
        {u"Id"_s, u"UpdateService"_s},
        {u"Name"_s, u"Update Service"_s},
        {u"ServiceEnabled"_s, true},
        {u"Status"_s, QJsonObject{{u"State"_s, u"Enabled"_s}, {u"Health"_s, u"OK"_s}}},
        {u"FirmwareInventory"_s, odata::link(u"/redfish/v1/UpdateService/FirmwareInventory"_s)},
        {u"Actions"_s,
         QJsonObject{{u"#UpdateService.SimpleUpdate"_s,
                      QJsonObject{{u"target"_s, u"/redfish/v1/UpdateService/Actions/UpdateService.SimpleUpdate"_s},
                                  {u"TransferProtocol@Redfish.AllowableValues"_s, QJsonArray{u"HTTP"_s, u"HTTPS"_s}}}}}},
    };
}

QJsonObject firmwareInventoryCollectionBody(const QStringList &systemIds)
{
    QStringList members{u"/redfish/v1/UpdateService/FirmwareInventory/BMC"_s};
    for (const QString &id : systemIds)
        members << u"/redfish/v1/UpdateService/FirmwareInventory/"_s + uefiItemId(id);
    return odata::collection(Kind::SoftwareInventoryCollection, u"/redfish/v1/UpdateService/FirmwareInventory"_s,
                             u"Firmware Inventory Collection"_s, members);
}

QJsonObject firmwareInventoryBody(const QString &systemId, const QString &version, bool updateable)
{
    return QJsonObject{
        {u"@odata.id"_s, u"/redfish/v1/UpdateService/FirmwareInventory/"_s + uefiItemId(systemId)},
        {u"@odata.type"_s, odata::type(Kind::SoftwareInventory)},
        {u"Id"_s, uefiItemId(systemId)},
        {u"Name"_s, u"UEFI firmware of %1"_s.arg(systemId)},
        {u"Version"_s, version.isEmpty() ? QJsonValue() : QJsonValue(version)},
        {u"Updateable"_s, updateable},
        {u"Status"_s, QJsonObject{{u"State"_s, u"Enabled"_s}, {u"Health"_s, u"OK"_s}}},
        {u"RelatedItem"_s, QJsonArray{odata::link(u"/redfish/v1/Systems/"_s + systemId + u"/Bios"_s)}},
    };
}

QJsonObject bmcFirmwareInventoryBody()
{
    return QJsonObject{
        {u"@odata.id"_s, u"/redfish/v1/UpdateService/FirmwareInventory/BMC"_s},
        {u"@odata.type"_s, odata::type(Kind::SoftwareInventory)},
        {u"Id"_s, u"BMC"_s},
        {u"Name"_s, u"Metal Boot"_s},
        {u"Version"_s, QStringLiteral(METALBOOT_VERSION)},
        {u"Updateable"_s, false},
        {u"Status"_s, QJsonObject{{u"State"_s, u"Enabled"_s}, {u"Health"_s, u"OK"_s}}},
    };
}

bool readSimpleUpdate(const QJsonObject &body, const QStringList &knownSystems, QUrl *image, QString *systemId,
                      QList<msg::Message> *errors)
{
    using json::Parameter;
    using json::Type;
    const QList<Parameter> params{
        Parameter{u"ImageURI"_s, Type::String, {}, true},
        Parameter{u"TransferProtocol"_s, Type::String, {u"HTTP"_s, u"HTTPS"_s}},
        Parameter{u"Targets"_s, Type::Array},
        Parameter{u"Username"_s, Type::String, {}, false, false},
        Parameter{u"Password"_s, Type::String, {}, false, false},
        Parameter{u"ForceUpdate"_s, Type::Boolean, {}, false, false},
        Parameter{u"@Redfish.OperationApplyTime"_s, Type::String, {u"OnReset"_s, u"Immediate"_s}},
    };
    if (!json::readAction(body, SimpleUpdate, params, errors))
        return false;
    const QString uri = body.value(u"ImageURI"_s).toString();
    QUrl url(uri, QUrl::StrictMode);
    if (url.scheme().isEmpty() && body.contains(u"TransferProtocol"_s))
        url = QUrl(body.value(u"TransferProtocol"_s).toString().toLower() + u"://"_s + uri, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (uri.size() > 2048 || !url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        errors->append(msg::actionParameterValueFormatError(uri.left(200), u"ImageURI"_s, SimpleUpdate));
        return false;
    }
    if (body.contains(u"TransferProtocol"_s) && body.value(u"TransferProtocol"_s).toString().toLower() != scheme) {
        errors->append(msg::actionParameterValueError(u"TransferProtocol"_s, SimpleUpdate));
        return false;
    }
    const QJsonArray targets = body.value(u"Targets"_s).toArray();
    if (targets.isEmpty()) {
        // Without Targets the update is ambiguous unless the lab has a single device.
        if (knownSystems.size() != 1) {
            errors->append(msg::actionParameterMissing(SimpleUpdate, u"Targets"_s));
            return false;
        }
        *systemId = knownSystems.first();
    } else {
        if (targets.size() != 1) {
            errors->append(msg::actionParameterValueError(u"Targets"_s, SimpleUpdate));
            return false;
        }
        const QString t = targets.first().toString();
        QString id;
        if (t.startsWith(u"/redfish/v1/UpdateService/FirmwareInventory/"_s) && t.endsWith(u"-UEFI"_s))
            id = t.section(u'/', -1).chopped(5);
        else if (t.startsWith(u"/redfish/v1/Systems/"_s))
            id = t.section(u'/', 4, 4);
        if (!knownSystems.contains(id)) {
            errors->append(msg::actionParameterValueNotInList(json::valueText(targets.first()), u"Targets"_s, SimpleUpdate));
            return false;
        }
        *systemId = id;
    }
    *image = url;
    return true;
}

bool FirmwareUpdater::looksLikeUefiImage(const QByteArray &bytes, QString *why)
{
    if (bytes.size() < MinImageBytes) {
        *why = u"image too small (%1 bytes) for a UEFI firmware"_s.arg(bytes.size());
        return false;
    }
    // EFI_FIRMWARE_VOLUME_HEADER: "_FVH" at offset 40 of a volume; volumes are 8-byte aligned.
    const qsizetype limit = qMin<qsizetype>(bytes.size(), 4 << 20);
    for (qsizetype off = 40; off + 4 <= limit; off += 8)
        if (bytes.at(off) == '_' && bytes.mid(off, 4) == "_FVH")
            return true;
    *why = u"no UEFI firmware volume (_FVH) found in the image"_s;
    return false;
}

FirmwareUpdater::FirmwareUpdater(Context *context, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_nam(new QNetworkAccessManager(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    m_nam->setTransferTimeout(TimeoutMs);
    connect(m_nam, &QNetworkAccessManager::finished, this, &FirmwareUpdater::finished);
}

void FirmwareUpdater::start(const QString &taskId, const QUrl &image, const QString &systemId, const Auth &auth)
{
    QNetworkRequest request(image);
    request.setMaximumRedirectsAllowed(5);
    QNetworkReply *reply = m_nam->get(request);
    m_jobs.insert(reply, Job{taskId, systemId, auth.userName});
    if (TaskStore::Task *t = m_context->tasks->find(taskId))
        t->state = TaskStore::State::Running;
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64 total) {
        const Job job = m_jobs.value(reply);
        if (received > MaxImageBytes || total > MaxImageBytes) {
            reply->setProperty("tooLarge", true);
            reply->abort();
            return;
        }
        if (TaskStore::Task *t = m_context->tasks->find(job.taskId))
            t->percent = total > 0 ? int(qMin<qint64>(90, received * 90 / total)) : t->percent;
    });
}

void FirmwareUpdater::fail(const QString &taskId, const QString &why)
{
    if (TaskStore::Task *t = m_context->tasks->find(taskId)) {
        t->state = TaskStore::State::Exception;
        t->end = QDateTime::currentDateTimeUtc();
        QJsonObject m = msg::operationFailed().toJson();
        m.insert(u"Message"_s, m.value(u"Message"_s).toString() + u" "_s + why);
        t->messages.append(m);
    }
    qCWarning(lcRedfish).noquote() << "firmware update task" << taskId << "failed:" << why;
}

void FirmwareUpdater::finished(QNetworkReply *reply)
{
    reply->deleteLater();
    const Job job = m_jobs.take(reply);
    if (job.taskId.isEmpty())
        return;
    const auto device = m_context->device(job.systemId);
    if (!device)
        return fail(job.taskId, u"the device no longer exists"_s);
    Auth auth;
    auth.userName = job.user;
    if (reply->property("tooLarge").toBool())
        return fail(job.taskId, u"image larger than %1 MiB"_s.arg(MaxImageBytes >> 20));
    if (reply->error() != QNetworkReply::NoError) {
        m_context->journal(device->mac, auth, u"firmware download failed: %1"_s.arg(reply->errorString()),
                           QJsonObject{{u"action"_s, u"firmware-update"_s}, {u"error"_s, reply->errorString()}});
        return fail(job.taskId, reply->errorString());
    }
    const QByteArray bytes = reply->readAll();
    QString why;
    if (bytes.size() > MaxImageBytes || !looksLikeUefiImage(bytes, &why))
        return fail(job.taskId, why.isEmpty() ? u"image too large"_s : why);
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QString dir = m_context->backend.dataDir + u"/firmware/"_s + job.systemId;
    QDir().mkpath(dir);
    const QString path = dir + u"/"_s + sha.left(16) + u".fd"_s;
    if (!atomicfile::write(path, bytes, &why, atomicfile::Backup::None, 0644))
        return fail(job.taskId, why);
    const QString profileId = u"redfish-"_s + job.systemId;
    const MacAddress mac = device->mac;
    const QString name = device->displayName();
    const bool saved = m_context->backend.modifyConfig
        && m_context->backend.modifyConfig(
            [&](LabConfig &c) {
                DeviceConfig *d = c.device(mac);
                if (!d)
                    return;
                ProfileConfig p;
                if (const ProfileConfig *current = c.profile(d->profile))
                    p = *current;
                p.id = profileId;
                p.name = u"Firmware updated through Redfish for %1"_s.arg(name);
                p.baseImage = path;
                bool replaced = false;
                for (ProfileConfig &existing : c.profiles)
                    if (existing.id == profileId) {
                        existing = p;
                        replaced = true;
                    }
                if (!replaced)
                    c.profiles.append(p);
                d->profile = profileId;
            },
            &why);
    if (!saved)
        return fail(job.taskId, why.isEmpty() ? u"the lab configuration cannot be changed"_s : why);
    m_context->journal(mac, auth, u"firmware image %1 (%2 bytes) set for the next boot"_s.arg(reply->url().toString(QUrl::RemoveUserInfo)).arg(bytes.size()),
                       QJsonObject{{u"action"_s, u"firmware-update"_s}, {u"sha256"_s, sha}, {u"profile"_s, profileId},
                                   {u"path"_s, path}});
    if (TaskStore::Task *t = m_context->tasks->find(job.taskId)) {
        t->state = TaskStore::State::Completed;
        t->percent = 100;
        t->end = QDateTime::currentDateTimeUtc();
        t->messages.append(msg::success().toJson());
        t->messages.append(msg::resetRequired(u"/redfish/v1/Systems/"_s + job.systemId + u"/Actions/ComputerSystem.Reset"_s,
                                              u"ForceRestart"_s).toJson());
    }
}

namespace {

HttpResponse handleSimpleUpdate(Context &ctx, FirmwareUpdater *updater, HttpRequest &req, const Auth &auth)
{
    QJsonObject body;
    if (auto bad = readBody(req, &body))
        return *bad;
    QStringList systems;
    for (const auto &d : ctx.devices())
        systems << Context::systemId(d.mac);
    QUrl image;
    QString systemId;
    QList<msg::Message> errors;
    if (!readSimpleUpdate(body, systems, &image, &systemId, &errors))
        return errorResponse(errors);
    TaskStore::Task &task = ctx.tasks->create(u"Firmware update of %1"_s.arg(systemId),
                                              u"/redfish/v1/UpdateService/FirmwareInventory/"_s + uefiItemId(systemId));
    const QString taskId = task.id;
    if (const auto d = ctx.device(systemId))
        ctx.journal(d->mac, auth, u"firmware update requested from %1"_s.arg(image.toString(QUrl::RemoveUserInfo)),
                    QJsonObject{{u"action"_s, u"firmware-update"_s}, {u"task"_s, taskId}});
    updater->start(taskId, image, systemId, auth);
    HttpResponse r = jsonResponse(req, taskBody(*ctx.tasks->find(taskId)), 202);
    r.setHeader("Location", TaskStore::monitorUri(taskId).toLatin1());
    return r;
}

HttpResponse handleInventoryItem(Context &ctx, HttpRequest &req)
{
    const QString id = req.param(u"id"_s);
    if (id == QLatin1String("BMC"))
        return jsonResponse(req, bmcFirmwareInventoryBody());
    if (id.endsWith(u"-UEFI"_s)) {
        const QString systemId = id.chopped(5);
        if (const auto d = ctx.device(systemId)) {
            FirmwareSettings *fw = ctx.backend.firmwareSettings ? ctx.backend.firmwareSettings() : nullptr;
            return jsonResponse(req, firmwareInventoryBody(systemId, fw ? fw->firmwareVersion(d->mac) : QString(), true));
        }
    }
    return errorResponse(msg::resourceNotFound(u"SoftwareInventory"_s, id.left(64)));
}

} // namespace

void registerRoutesUpdateService(Context &ctx, FirmwareUpdater *updater)
{
    namespace p = privileges;
    Context *c = &ctx;
    ctx.route(HttpServer::Get, u"/redfish/v1/UpdateService"_s, p::login(),
              [](HttpRequest &r, const Auth &) { return jsonResponse(r, updateServiceBody()); });
    ctx.route(HttpServer::Post, u"/redfish/v1/UpdateService/Actions/UpdateService.SimpleUpdate"_s, p::configureComponents(),
              [c, updater](HttpRequest &r, const Auth &a) { return handleSimpleUpdate(*c, updater, r, a); });
    ctx.route(HttpServer::Get, u"/redfish/v1/UpdateService/FirmwareInventory"_s, p::login(), [c](HttpRequest &r, const Auth &) {
        QStringList ids;
        for (const auto &d : c->devices())
            ids << Context::systemId(d.mac);
        return jsonResponse(r, firmwareInventoryCollectionBody(ids));
    });
    ctx.route(HttpServer::Get, u"/redfish/v1/UpdateService/FirmwareInventory/{id}"_s, p::login(),
              [c](HttpRequest &r, const Auth &) { return handleInventoryItem(*c, r); });
}

} // namespace redfish
