#include "devicedetails.h"

DeviceDetails::DeviceDetails(QObject *parent)
    : QObject(parent)
{
}

void DeviceDetails::begin(const MacAddress &mac, const QVariantMap &info)
{
    const bool changed = mac != m_mac;
    m_mac = mac;
    m_info = info;
    m_early.clear();
    m_journal.reset({});
    m_timeline.clear();
    m_loading = true;
    if (changed)
        Q_EMIT macChanged();
    Q_EMIT infoChanged();
    Q_EMIT loadingChanged();
}

void DeviceDetails::setEvents(const QList<JournalEvent> &events)
{
    QList<JournalEvent> all = events;
    const quint64 last = events.isEmpty() ? 0 : events.constLast().seq;
    for (const auto &e : std::as_const(m_early))
        if (e.seq > last)
            all.append(e);
    m_early.clear();
    m_journal.reset(all);
    m_timeline.setEvents(all);
    m_loading = false;
    Q_EMIT loadingChanged();
}

void DeviceDetails::close()
{
    if (!m_mac.isValid())
        return;
    m_mac = {};
    m_info.clear();
    m_early.clear();
    m_journal.reset({});
    m_timeline.clear();
    m_loading = false;
    Q_EMIT macChanged();
    Q_EMIT infoChanged();
    Q_EMIT loadingChanged();
}

void DeviceDetails::deviceChanged(const MacAddress &mac, const QVariantMap &info)
{
    if (!m_mac.isValid() || mac != m_mac)
        return;
    m_info = info;
    Q_EMIT infoChanged();
}

void DeviceDetails::eventAppended(const JournalEvent &event)
{
    if (!m_mac.isValid() || event.mac != m_mac)
        return;
    if (m_loading) {
        m_early.append(event);
        return;
    }
    m_journal.append(event);
    m_timeline.append(event);
}
