#pragma once

#include "config/labconfig.h"
#include "engine/service.h"

class HttpServer;

// The lab's plain-HTTP service: management API, iPXE scripts, kernels and images. Other
// components register their routes on server() before start().
class HttpService : public Service
{
    Q_OBJECT
public:
    explicit HttpService(QObject *parent = nullptr);

    // Returns true if the change needs a restart to take effect (address/port changed).
    bool setConfig(const HttpConfig &config);
    [[nodiscard]] const HttpConfig &config() const { return m_config; }
    [[nodiscard]] HttpServer *server() const { return m_server; }
    // Base URL clients are told (public_url, or http://<bound address>:<port>), no trailing slash.
    [[nodiscard]] QString baseUrl() const;
    [[nodiscard]] quint16 port() const;

    [[nodiscard]] QString displayName() const override { return tr("HTTP server"); }
    [[nodiscard]] QStringList endpoints() const override;
    [[nodiscard]] QMap<QString, quint64> counters() const override;

protected:
    bool doStart(QString *error) override;
    void doStop() override;

private:
    HttpConfig m_config;
    HttpServer *m_server;
    QHostAddress m_bound;
};
