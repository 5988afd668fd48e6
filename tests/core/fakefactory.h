#pragma once

#include "http/httpserver.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>

#include <lzma.h>

#include <memory>

// A stand-in for the Talos Image Factory on loopback, implementing the endpoints we use:
//   POST /schematics  (YAML) -> {"id": sha256(body)}
//   GET  /image/<schematic>/<version>/openstack-<arch>.raw.xz (and .raw)
// with switches for the failures a real one (or the network) produces.
class FakeFactory : public QObject
{
public:
    enum class Mode { Normal, Slow, Corrupt, Interrupt, NoXz, SchematicError };
    Mode mode = Mode::Normal;
    int imageSize = 600 * 1024;
    int schematicPosts = 0;
    int imageGets = 0;
    bool sending = false;              // a slow body is still being sent
    qint64 sentWhileClientHad = -1;
    QByteArray lastSchematic;
    HttpServer server;

    FakeFactory()
    {
        server.route(HttpServer::Post, QStringLiteral("/schematics"), [this](HttpRequest &r) { return schematic(r); });
        server.route(HttpServer::Get, QStringLiteral("/image/{schematic}/{version}/{file}"), [this](HttpRequest &r) { return image(r); });
        if (!server.listenOn(QHostAddress::LocalHost, 0))
            qFatal("factory cannot listen");
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()); }

    // The disk image for (version, arch): half noise, half zeros, different per version.
    QByteArray raw(const QString &version, const QString &arch) const
    {
        QByteArray b(imageSize, '\0');
        QRandomGenerator rng(qHash(version + arch));
        for (int i = 0; i < imageSize / 2; ++i)
            b[i] = char(rng.bounded(256));
        return b;
    }
    static QByteArray xz(const QByteArray &raw)
    {
        QByteArray out(int(lzma_stream_buffer_bound(size_t(raw.size()))), '\0');
        size_t pos = 0;
        if (lzma_easy_buffer_encode(1, LZMA_CHECK_CRC64, nullptr, reinterpret_cast<const uint8_t *>(raw.constData()), size_t(raw.size()),
                                    reinterpret_cast<uint8_t *>(out.data()), &pos, size_t(out.size()))
            != LZMA_OK)
            qFatal("xz failed");
        out.truncate(int(pos));
        return out;
    }

private:
    HttpResponse schematic(HttpRequest &r)
    {
        ++schematicPosts;
        lastSchematic = r.body();
        if (mode == Mode::SchematicError)
            return HttpResponse::text(QStringLiteral("invalid schematic"), 400);
        if (!r.body().startsWith("customization:"))
            return HttpResponse::text(QStringLiteral("not a schematic"), 400);
        const QByteArray id = QCryptographicHash::hash(r.body(), QCryptographicHash::Sha256).toHex();
        return HttpResponse::json(QJsonObject{{QStringLiteral("id"), QString::fromLatin1(id)}}, 201);
    }

    HttpResponse image(HttpRequest &r)
    {
        ++imageGets;
        const QString file = r.param(QStringLiteral("file"));
        const QString version = r.param(QStringLiteral("version"));
        const bool compressed = file.endsWith(QLatin1String(".raw.xz"));
        const QString arch = file.section(QLatin1Char('-'), 1).section(QLatin1Char('.'), 0, 0);
        if (!file.startsWith(QLatin1String("openstack-")) || r.param(QStringLiteral("schematic")).size() != 64)
            return HttpResponse::text(QStringLiteral("not found"), 404);
        if (compressed && mode == Mode::NoXz)
            return HttpResponse::text(QStringLiteral("not found"), 404);
        QByteArray body = compressed ? xz(raw(version, arch)) : raw(version, arch);
        if (mode == Mode::Corrupt)
            body[body.size() / 3] = char(body.at(body.size() / 3) ^ 0x5a);
        if (mode == Mode::Normal || mode == Mode::Corrupt || mode == Mode::NoXz)
            return HttpResponse(200, body, "application/x-xz");
        // Slow or interrupted: 32 KiB every 5 ms, Content-Length announced up front.
        HttpResponse resp = HttpResponse::stream("application/x-xz", [this, body](QTcpSocket *socket) {
            sending = true;
            auto *timer = new QTimer(socket);
            auto offset = std::make_shared<qint64>(0);
            const qint64 stopAt = mode == Mode::Interrupt ? body.size() / 2 : body.size();
            QObject::connect(timer, &QTimer::timeout, socket, [this, socket, timer, body, offset, stopAt] {
                if (*offset >= stopAt) {
                    timer->stop();
                    sending = false;
                    if (stopAt < body.size())
                        socket->abort();
                    else
                        socket->disconnectFromHost();
                    return;
                }
                const QByteArray chunk = body.mid(*offset, qMin<qint64>(32 * 1024, stopAt - *offset));
                socket->write(chunk);
                *offset += chunk.size();
            });
            timer->start(5);
        });
        resp.setHeader("Content-Length", QByteArray::number(body.size()));
        return resp;
    }
};

