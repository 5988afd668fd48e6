#pragma once

#include "common/macaddress.h"
#include "config/labconfig.h"
#include "devices/bootstage.h"
#include "devices/journalevent.h"
#include "http/httprequest.h"
#include "http/httpresponse.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <QPointer>
#include <QTimer>

class BootControl;
class DeviceJournal;
class DeviceRegistry;
class HttpService;

// HTTP boot on the lab's HTTP service:
//  - GET /boot/<mac>.ipxe (colon or dash form) and the seed system's /v1/boot/<mac>/boot.ipxe:
//    the device's iPXE script (ipxe::renderDeviceScript) from its config and boot override; a Once
//    override is consumed by the boot that uses it; unknown MACs are registered and get the
//    discovery script;
//  - GET /boot.ipxe: chains to the per-device script by ${net0/mac} (a boot.ipxe file in the root
//    takes precedence);
//  - everything else: static files below the HTTP root (kernels, initrds, images), streamed with
//    HEAD, ranges and validators; then the iPXE binaries (/ipxe.efi, /ipxe/<name>,
//    /<mac>/<name>) from the iPXE directory for UEFI HTTP boot.
// Every request is journaled (http.request / http.failed) for its device: the MAC in the path,
// else the device that holds the client's IP. Runs of byte-range requests for one file (iPXE
// sanboot reads images block by block) are journaled as their first request plus one summary.
class BootHttpRoutes : public QObject
{
    Q_OBJECT
public:
    static constexpr int RangeSeriesIdleMs = 2000;

    BootHttpRoutes(HttpService *http, DeviceRegistry *registry, DeviceJournal *journal, BootControl *bootControl,
                   QObject *parent = nullptr);
    ~BootHttpRoutes() override;

    // Devices, HTTP root (services.http.root, empty = `defaultRoot`, created if missing) and the
    // iPXE binaries (services.tftp.ipxe_dir, empty = /usr/lib/ipxe).
    void applyConfig(const LabConfig &config, const QString &defaultRoot);

    [[nodiscard]] QString root() const { return m_root; }              // canonical; empty if missing
    [[nodiscard]] QString ipxeDirectory() const { return m_ipxeDir; }
    // Extra kernel arguments for a device's netboot script (provisioning: IPA callback URL and
    // token, netconsole=); empty for none.
    void setExtraArgumentsProvider(std::function<QString(const MacAddress &, const DeviceConfig &)> provider)
    {
        m_extraArguments = std::move(provider);
    }

private:
    std::function<QString(const MacAddress &, const DeviceConfig &)> m_extraArguments;

    struct Record
    {
        MacAddress mac;
        QHostAddress client;
        QString method;
        QString path;
        int status = 0;
        qint64 bytes = 0;
        qint64 durationMs = 0;
        bool ok = true;                    // the response went out completely
        bool failed = false;               // answered, but the boot cannot go on (invalid config)
        bool warning = false;              // answered as intended, but worth attention (refused, no media)
        BootStage stage = BootStage::Unknown;
        QString what;                      // "boot script: ...", "kernel", "file", ...
        QJsonObject extra;
    };
    struct Series
    {
        Record first;
        int count = 0;
        qint64 bytes = 0;
        QElapsedTimer idle;
    };

    HttpResponse deviceScript(HttpRequest &request);
    HttpResponse seedScript(HttpRequest &request);
    HttpResponse chainScript(HttpRequest &request);
    HttpResponse staticFile(HttpRequest &request);
    HttpResponse script(HttpRequest &request, const MacAddress &mac);

    [[nodiscard]] QString baseUrlFor(const HttpRequest &request) const;
    [[nodiscard]] QString ipxeBinary(const QString &path, MacAddress *mac) const;
    [[nodiscard]] const DeviceConfig *device(const MacAddress &mac) const;
    [[nodiscard]] MacAddress macForClient(const QHostAddress &client) const;
    [[nodiscard]] BootStage stageForFile(const MacAddress &mac, const QString &path, bool ipxeBinary) const;
    Record recordFor(const HttpRequest &request) const;
    void track(HttpResponse *response, Record record);
    void journal(const Record &record);
    void append(const Record &record, const QString &message);
    void flushSeries(bool all);

    QPointer<HttpService> m_http;
    QPointer<DeviceRegistry> m_registry;
    QPointer<DeviceJournal> m_journal;
    QPointer<BootControl> m_bootControl;
    QHash<MacAddress, DeviceConfig> m_devices;
    QString m_root;
    QString m_ipxeDir;
    QHash<QString, Series> m_series;
    QTimer m_seriesTimer;
};
