#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

// The Talos Linux Image Factory's HTTP API (siderolabs/image-factory README):
//   POST /schematics  body: YAML schematic  -> {"id": "<64 hex>"}
//   GET  /image/<schematic>/<version>/openstack-<arch>.raw.xz   (xz-compressed disk image)
// and how our /images/talos/{version}/{arch}/openstack.raw?extensions=…&overlay=… maps to it.
// Pure functions.
namespace talos {

struct ImageRequest
{
    QString version;              // "v1.7.6"
    QString arch;                 // "amd64" | "arm64"
    QStringList extensions;       // official extensions, sorted, unique ("siderolabs/iscsi-tools")
    QString overlayName;          // "rpi_generic"
    QString overlayImage;         // "siderolabs/sbc-raspberrypi"
    bool checksum = false;        // the ".sha256" companion was asked for

    // Stable text identifying the schematic content (local schematic-id lookups).
    [[nodiscard]] QString canonicalSchematic() const;
};

constexpr int MaxExtensions = 32;

// `file` is the last path segment: "openstack.raw" or "openstack.raw.sha256". Query keys:
// extensions (comma-separated, may repeat), overlay, overlay_image. Unknown keys are errors.
Result<ImageRequest> parseRequest(const QString &version, const QString &arch, const QString &file,
                                  const QUrlQuery &query);

// The schematic document POSTed to /schematics.
QByteArray schematicYaml(const ImageRequest &request);
// {"id": "..."} -> the id if it is 64 lower-case hex digits.
Result<QString> parseSchematicResponse(const QByteArray &body);
bool isSchematicId(const QString &id);
// "/image/<schematic>/<version>/openstack-<arch>.raw.xz" (or ".raw").
QString imagePath(const QString &schematicId, const ImageRequest &request, bool compressed);
// The overlay image for a known overlay name (rpi_* -> siderolabs/sbc-raspberrypi), else empty.
QString defaultOverlayImage(const QString &overlayName);

} // namespace talos
