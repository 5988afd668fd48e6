#pragma once

#include "redfishjson.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace redfish {

class Context;
struct Auth;

// UpdateService: SimpleUpdate downloads an http(s) UEFI firmware image (bounded size, timeout),
// checks it is a UEFI firmware volume, stores it under <data>/firmware/<system>/ and points the
// device's firmware profile at it (a per-device profile "redfish-<system>" derived from its
// current one), so the device boots it from its next netboot. Progress is a Task.
class FirmwareUpdater : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 MaxImageBytes = 32 << 20;
    static constexpr qint64 MinImageBytes = 64 << 10;
    static constexpr int TimeoutMs = 120000;

    FirmwareUpdater(Context *context, QObject *parent = nullptr);
    // Starts the download; the task is updated as it runs.
    void start(const QString &taskId, const QUrl &image, const QString &systemId, const Auth &auth);

    // True if `bytes` looks like a UEFI firmware image (an EFI_FIRMWARE_VOLUME_HEADER "_FVH").
    static bool looksLikeUefiImage(const QByteArray &bytes, QString *why);

private:
    void finished(QNetworkReply *reply);
    void fail(const QString &taskId, const QString &why);

    Context *m_context;
    QNetworkAccessManager *m_nam;
    struct Job
    {
        QString taskId;
        QString systemId;
        QString user;
    };
    QHash<QNetworkReply *, Job> m_jobs;
};

QJsonObject updateServiceBody();
QJsonObject firmwareInventoryCollectionBody(const QStringList &systemIds);
QJsonObject firmwareInventoryBody(const QString &systemId, const QString &version, bool updateable);
QJsonObject bmcFirmwareInventoryBody();
// Parses SimpleUpdate: ImageURI (http/https), TransferProtocol, Targets → system id.
bool readSimpleUpdate(const QJsonObject &body, const QStringList &knownSystems, QUrl *image, QString *systemId,
                      QList<messages::Message> *errors);

void registerRoutesUpdateService(Context &context, FirmwareUpdater *updater);

} // namespace redfish
