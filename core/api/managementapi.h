#pragma once

#include "http/httprequest.h"
#include "http/httpresponse.h"

#include <QObject>

#include <optional>

class EventStream;
class LabEngine;

// /api/v1 on the lab's HTTP service: health (open), devices CRUD and power, services start/stop, journal
// and a live event stream (server-sent events). Everything but /health needs the API token
// (Authorization: Bearer <token>), generated at first start and stored 0600 in the config dir.
class ManagementApi : public QObject
{
    Q_OBJECT
public:
    ManagementApi(LabEngine *engine, QObject *parent = nullptr);

private:
    void registerRoutes();
    std::optional<HttpResponse> authorize(const HttpRequest &request) const;

    HttpResponse health(const HttpRequest &request);
    HttpResponse listDevices(const HttpRequest &request);
    HttpResponse createDevice(const HttpRequest &request);
    HttpResponse getDevice(const HttpRequest &request);
    HttpResponse replaceDevice(const HttpRequest &request, bool patch);
    HttpResponse deleteDevice(const HttpRequest &request);
    HttpResponse deviceJournal(const HttpRequest &request);
    // POST /devices/<mac>/power/{on,off,cycle}: through the device's power binding (PoE port,
    // simulated switch = the virtual lab); answers once the switch has done it.
    HttpResponse devicePower(HttpRequest &request);
    HttpResponse listServices(const HttpRequest &request);
    HttpResponse serviceAction(const HttpRequest &request);
    HttpResponse journal(const HttpRequest &request);
    HttpResponse events(const HttpRequest &request);

    LabEngine *m_engine;
    EventStream *m_events;
};
