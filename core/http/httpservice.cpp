#include "httpservice.h"

#include "common/netutil.h"
#include "httpserver.h"

HttpService::HttpService(QObject *parent)
    : Service(QStringLiteral("http"), parent)
    , m_server(new HttpServer(this))
{
}

bool HttpService::setConfig(const HttpConfig &config)
{
    const bool restart = config.address != m_config.address || config.port != m_config.port
        || config.interface != m_config.interface;
    m_config = config;
    setEnabled(config.enabled);
    HttpServer::Limits limits = m_server->limits();
    limits.maxConnections = config.maxConnections;
    limits.maxConnectionsPerClient = config.maxConnectionsPerClient;
    limits.zeroCopy = config.zeroCopy;
    m_server->setLimits(limits);
    return restart;
}

bool HttpService::doStart(QString *error)
{
    m_bound = netutil::resolveBindAddress(m_config.interface, m_config.address, error);
    if (m_bound.isNull())
        return false;
    QString why;
    if (!m_server->listenOn(m_bound, m_config.port, &why)) {
        *error = tr("cannot listen on %1:%2: %3").arg(m_bound.toString()).arg(m_config.port).arg(why);
        return false;
    }
    return true;
}

QMap<QString, quint64> HttpService::counters() const
{
    return m_server->counters();
}

void HttpService::doStop()
{
    m_server->close();
}

quint16 HttpService::port() const
{
    return m_server->isListening() ? m_server->serverPort() : m_config.port;
}

QString HttpService::baseUrl() const
{
    if (!m_config.publicUrl.isEmpty()) {
        QString u = m_config.publicUrl;
        while (u.endsWith(QLatin1Char('/')))
            u.chop(1);
        return u;
    }
    const QHostAddress a = m_bound.isNull() || m_bound == QHostAddress(QHostAddress::AnyIPv4) ? m_config.address : m_bound;
    return QStringLiteral("http://%1:%2").arg(a.toString()).arg(port());
}

QStringList HttpService::endpoints() const
{
    return {QStringLiteral("tcp %1:%2").arg(m_bound.toString()).arg(port())};
}
