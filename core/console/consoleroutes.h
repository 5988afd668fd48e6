#pragma once

#include <QObject>
#include <QString>

#include <functional>

class ConsoleService;
class DeviceRegistry;
class HttpServer;

// Console routes on the management API (API token required):
//   GET  /api/v1/consoles                        receivers, counters, serial ports, unknown senders
//   GET  /api/v1/devices/{mac}/console?limit=N   the device's scrollback (newest last)
//   POST /api/v1/devices/{mac}/console/serial    send bytes (the body, or {"text": …}) to its UART
class ConsoleRoutes : public QObject
{
    Q_OBJECT
public:
    ConsoleRoutes(HttpServer *server, ConsoleService *consoles, DeviceRegistry *registry,
                  std::function<QString()> apiToken, QObject *parent = nullptr);
};
