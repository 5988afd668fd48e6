#include "enginehost.h"

EngineHost::EngineHost(LabEngine::Options options, QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_engine(new LabEngine(std::move(options)))
{
    m_thread->setObjectName(QStringLiteral("metalboot-engine"));
    m_engine->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
}

EngineHost::~EngineHost()
{
    stop();
    if (!m_thread->isFinished() && !m_thread->isRunning())
        delete m_engine; // never started: still safe to delete here
}

bool EngineHost::start(QString *error)
{
    m_thread->start();
    bool ok = false;
    QString why;
    QMetaObject::invokeMethod(
        m_engine, [this, &ok, &why] { ok = m_engine->start(&why); }, Qt::BlockingQueuedConnection);
    if (!ok && error)
        *error = why;
    m_running = true;
    return ok;
}

void EngineHost::stop()
{
    if (!m_running)
        return;
    m_running = false;
    QMetaObject::invokeMethod(m_engine, [this] { m_engine->stop(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}
