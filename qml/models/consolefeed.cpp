#include "consolefeed.h"

#include "console/consoleservice.h"
#include "engine/labengine.h"
#include "engine/servicehub.h"
#include "provision/provisioning.h"

#include <QUrl>

#include <utility>

ConsoleFeed::ConsoleFeed(ConsoleModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    m_flush.setSingleShot(true);
    m_flush.setInterval(FlushMs);
    connect(&m_flush, &QTimer::timeout, this, &ConsoleFeed::flush);
    connect(model, &ConsoleModel::serialInput, this, &ConsoleFeed::sendSerial);
}

void ConsoleFeed::sendSerial(const MacAddress &mac, const QByteArray &bytes)
{
    LabEngine *engine = m_engine;
    if (!engine) {
        m_model->serialSent(false, tr("no engine"));
        return;
    }
    QPointer<ConsoleFeed> self(this);
    QMetaObject::invokeMethod(engine, [self, engine, mac, bytes] {
        QString error;
        bool ok = false;
        if (ConsoleService *consoles = engine->consoles())
            ok = consoles->writeSerial(mac, bytes, &error);
        else
            error = tr("the console service is not available");
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, mac, ok, error] {
            if (self && self->m_model->macAddress() == mac)
                self->m_model->serialSent(ok, error);
        });
    });
}

void ConsoleFeed::lineReceived(const ConsoleLine &line)
{
    if (m_trackSources && !line.mac.isValid() && !line.source.isNull() && !m_sourcesQueued
        && !m_model->unknownSources().contains(line.source.toString())) {
        // A new unknown sender: at most one refresh per flush interval.
        m_sourcesQueued = true;
        QTimer::singleShot(FlushMs, this, [this] {
            m_sourcesQueued = false;
            refreshUnknownSources();
        });
    }
    // Lines that arrive while loading are in the backfill snapshot (see the class comment).
    if (!m_model->belongs(line) || m_model->isLoading())
        return;
    m_batch.append(line);
    if (!m_flush.isActive())
        m_flush.start();
}

void ConsoleFeed::flush()
{
    const QList<ConsoleLine> batch = std::exchange(m_batch, {});
    m_model->append(batch);
}

void ConsoleFeed::attach(LabEngine *engine)
{
    m_engine = engine;
    if (!engine || !engine->consoles())
        return;
    // The service lives as long as the engine; we are on the GUI thread: queued.
    ConsoleService *consoles = engine->consoles();
    connect(consoles, &ConsoleService::lineReceived, this, &ConsoleFeed::lineReceived);
    connect(consoles, &ConsoleService::serialStateChanged, this, [this](const MacAddress &mac, bool open, const QString &error) {
        if (mac != m_model->macAddress() || m_model->serialPort().isEmpty())
            return;
        m_model->setSerial(m_model->serialPort(), open ? QStringLiteral("open") : error.isEmpty() ? QStringLiteral("closed") : QStringLiteral("error"),
                           error);
    });
    connect(engine->hub(), &ServiceHub::serviceStateChanged, this, [this](const ServiceHub::Status &s) {
        if (s.id == QLatin1String("consoles"))
            refreshStatus();
    });
    if (m_trackSources)
        refreshUnknownSources();
}

ConsoleFeed::Status ConsoleFeed::status(LabEngine *engine, const MacAddress &mac)
{
    Status out;
    const ConsoleService *consoles = engine->consoles();
    const LabConfig &config = engine->config();
    const DeviceConfig *device = config.device(mac);
    out.receiver.netconsoleEnabled = device && device->netconsole;
    if (consoles) {
        out.receiver.listening = consoles->isRunning();
        out.receiver.netconsolePort = consoles->netconsolePort();
        out.receiver.syslogPort = consoles->syslogPort();
        // The address devices reach us at (as for netconsole=): the service's own, or the
        // host the HTTP service is reached at when it listens on every address.
        QHostAddress address = consoles->config().address;
        if ((address.isNull() || address == QHostAddress(QHostAddress::AnyIPv4) || address == QHostAddress(QHostAddress::AnyIPv6))
            && engine->provisioning())
            address = QHostAddress(QUrl(engine->provisioning()->baseUrl()).host());
        out.receiver.address = address.isNull() ? QString() : address.toString();
    }
    if (device && !device->serialPort.isEmpty()) {
        out.serialPort = device->serialPort;
        out.serialState = QStringLiteral("closed");
        if (consoles)
            for (const ConsoleService::SerialStatus &s : consoles->serialStatus())
                if (s.mac == mac) {
                    out.serialState = s.open ? QStringLiteral("open") : s.error.isEmpty() ? QStringLiteral("closed") : QStringLiteral("error");
                    out.serialError = s.error;
                }
    }
    return out;
}

void ConsoleFeed::open(const MacAddress &mac)
{
    m_batch.clear();
    m_flush.stop();
    m_model->begin(mac);
    const quint64 generation = ++m_generation;
    LabEngine *engine = m_engine;
    if (!engine) {
        m_model->setBackfill({});
        return;
    }
    QPointer<ConsoleFeed> self(this);
    QMetaObject::invokeMethod(engine, [self, engine, mac, generation] {
        const QList<ConsoleLine> lines = engine->consoles() ? engine->consoles()->lines(mac) : QList<ConsoleLine>{};
        const Status s = status(engine, mac);
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, mac, generation, lines, s] {
            if (!self || generation != self->m_generation || self->m_model->macAddress() != mac)
                return;
            self->m_model->setReceiver(s.receiver);
            self->m_model->setSerial(s.serialPort, s.serialState, s.serialError);
            self->m_model->setBackfill(lines);
        });
    });
}

void ConsoleFeed::openSource(const QHostAddress &source)
{
    m_batch.clear();
    m_flush.stop();
    m_model->beginSource(source);
    const quint64 generation = ++m_generation;
    LabEngine *engine = m_engine;
    if (!engine) {
        m_model->setBackfill({});
        return;
    }
    QPointer<ConsoleFeed> self(this);
    QMetaObject::invokeMethod(engine, [self, engine, source, generation] {
        const QList<ConsoleLine> lines = engine->consoles() ? engine->consoles()->buffer().unknownLines(source) : QList<ConsoleLine>{};
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, source, generation, lines] {
            if (!self || generation != self->m_generation || self->m_model->sourceAddress() != source)
                return;
            self->m_model->setBackfill(lines);
        });
    });
}

void ConsoleFeed::refreshUnknownSources()
{
    LabEngine *engine = m_engine;
    if (!engine)
        return;
    QPointer<ConsoleFeed> self(this);
    QMetaObject::invokeMethod(engine, [self, engine] {
        QStringList sources;
        if (engine->consoles())
            for (const QHostAddress &a : engine->consoles()->buffer().unknownSources())
                sources.append(a.toString());
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, sources] {
            if (self)
                self->m_model->setUnknownSources(sources);
        });
    });
}

void ConsoleFeed::close()
{
    m_batch.clear();
    m_flush.stop();
    ++m_generation;
    m_model->close();
}

void ConsoleFeed::refreshStatus()
{
    LabEngine *engine = m_engine;
    const MacAddress mac = m_model->macAddress();
    if (!engine || !mac.isValid())
        return;
    QPointer<ConsoleFeed> self(this);
    QMetaObject::invokeMethod(engine, [self, engine, mac] {
        const Status s = status(engine, mac);
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, mac, s] {
            if (!self || self->m_model->macAddress() != mac)
                return;
            self->m_model->setReceiver(s.receiver);
            self->m_model->setSerial(s.serialPort, s.serialState, s.serialError);
        });
    });
}
