#include "talosfactory.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace talos {

QString ImageRequest::canonicalSchematic() const
{
    return QStringLiteral("ext=%1;overlay=%2;image=%3").arg(extensions.join(QLatin1Char(',')), overlayName, overlayImage);
}

QString defaultOverlayImage(const QString &overlayName)
{
    if (overlayName.startsWith(QLatin1String("rpi_")))
        return QStringLiteral("siderolabs/sbc-raspberrypi");
    return {};
}

Result<ImageRequest> parseRequest(const QString &version, const QString &arch, const QString &file,
                                  const QUrlQuery &query)
{
    static const QRegularExpression versionRe(QStringLiteral(R"(^v\d{1,3}\.\d{1,3}\.\d{1,3}(-[0-9A-Za-z.]{1,32})?$)"));
    static const QRegularExpression extRe(QStringLiteral(R"(^[a-z0-9][a-z0-9-]{0,62}/[a-z0-9][a-z0-9._-]{0,62}$)"));
    static const QRegularExpression overlayRe(QStringLiteral(R"(^[a-z0-9][a-z0-9_-]{0,62}$)"));
    static const QRegularExpression imageRe(QStringLiteral(R"(^[a-z0-9][a-z0-9./_-]{0,200}(:[A-Za-z0-9._-]{1,64})?$)"));

    ImageRequest r;
    if (!versionRe.match(version).hasMatch())
        return Result<ImageRequest>::failure(QStringLiteral("'%1' is not a Talos version (e.g. v1.7.6)").arg(version.left(40)));
    r.version = version;
    if (arch != QLatin1String("amd64") && arch != QLatin1String("arm64"))
        return Result<ImageRequest>::failure(QStringLiteral("architecture must be amd64 or arm64, not '%1'").arg(arch.left(20)));
    r.arch = arch;
    if (file == QLatin1String("openstack.raw"))
        r.checksum = false;
    else if (file == QLatin1String("openstack.raw.sha256"))
        r.checksum = true;
    else
        return Result<ImageRequest>::failure(
            QStringLiteral("only openstack.raw and openstack.raw.sha256 are served, not '%1'").arg(file.left(60)));

    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &item : items) {
        const QString &key = item.first;
        const QString &value = item.second;
        if (key == QLatin1String("extensions")) {
            for (const QString &e : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                const QString ext = e.trimmed();
                if (!extRe.match(ext).hasMatch())
                    return Result<ImageRequest>::failure(
                        QStringLiteral("'%1' is not an extension name (e.g. siderolabs/iscsi-tools)").arg(ext.left(80)));
                if (!r.extensions.contains(ext))
                    r.extensions.append(ext);
            }
        } else if (key == QLatin1String("overlay")) {
            if (!value.isEmpty() && !overlayRe.match(value).hasMatch())
                return Result<ImageRequest>::failure(QStringLiteral("'%1' is not an overlay name (e.g. rpi_generic)").arg(value.left(60)));
            r.overlayName = value;
        } else if (key == QLatin1String("overlay_image")) {
            if (!value.isEmpty() && !imageRe.match(value).hasMatch())
                return Result<ImageRequest>::failure(
                    QStringLiteral("'%1' is not an overlay image (e.g. siderolabs/sbc-raspberrypi)").arg(value.left(80)));
            r.overlayImage = value;
        } else if (key == QLatin1String("token")) {
            // tolerated: a callback token some agents append to every URL
        } else {
            return Result<ImageRequest>::failure(
                QStringLiteral("unknown query parameter '%1' (extensions, overlay, overlay_image)").arg(key.left(40)));
        }
    }
    if (r.extensions.size() > MaxExtensions)
        return Result<ImageRequest>::failure(QStringLiteral("at most %1 extensions").arg(MaxExtensions));
    r.extensions.sort();
    if (!r.overlayName.isEmpty() && r.overlayImage.isEmpty()) {
        r.overlayImage = defaultOverlayImage(r.overlayName);
        if (r.overlayImage.isEmpty())
            return Result<ImageRequest>::failure(
                QStringLiteral("overlay '%1' needs overlay_image= (the overlay's container image)").arg(r.overlayName));
    }
    if (r.overlayName.isEmpty() && !r.overlayImage.isEmpty())
        return Result<ImageRequest>::failure(QStringLiteral("overlay_image= needs overlay= (the overlay name)"));
    return r;
}

QByteArray schematicYaml(const ImageRequest &request)
{
    QByteArray y;
    if (request.extensions.isEmpty()) {
        y += "customization: {}\n";
    } else {
        y += "customization:\n  systemExtensions:\n    officialExtensions:\n";
        for (const QString &e : request.extensions)
            y += "      - " + e.toUtf8() + '\n';
    }
    if (!request.overlayName.isEmpty())
        y += "overlay:\n  image: " + request.overlayImage.toUtf8() + "\n  name: " + request.overlayName.toUtf8() + '\n';
    return y;
}

bool isSchematicId(const QString &id)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(id).hasMatch();
}

Result<QString> parseSchematicResponse(const QByteArray &body)
{
    if (body.size() > 64 * 1024)
        return Result<QString>::failure(QStringLiteral("schematic response larger than 64 KiB"));
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return Result<QString>::failure(QStringLiteral("the factory's schematic response is not a JSON object"));
    const QString id = doc.object().value(QStringLiteral("id")).toString();
    if (!isSchematicId(id))
        return Result<QString>::failure(QStringLiteral("the factory returned an invalid schematic id '%1'").arg(id.left(80)));
    return id;
}

QString imagePath(const QString &schematicId, const ImageRequest &request, bool compressed)
{
    return QStringLiteral("/image/%1/%2/openstack-%3.raw%4")
        .arg(schematicId, request.version, request.arch, compressed ? QStringLiteral(".xz") : QString());
}

} // namespace talos
