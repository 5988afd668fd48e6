#include "deviceregistry.h"

#include "common/logging.h"
#include "devicejournal.h"
#include "journalkinds.h"

#include <QSet>

#include <algorithm>

DeviceRegistry::DeviceRegistry(DeviceJournal *journal, QObject *parent)
    : QObject(parent)
    , m_journal(journal)
{
    if (m_journal)
        connect(m_journal, &DeviceJournal::eventAppended, this, &DeviceRegistry::onJournalEvent);
}

DeviceInfo &DeviceRegistry::insert(const MacAddress &mac)
{
    auto it = m_devices.find(mac);
    if (it != m_devices.end())
        return *it;
    m_order.append(mac);
    DeviceInfo &d = m_devices[mac];
    d.mac = mac;
    return d;
}

void DeviceRegistry::applyConfig(const QList<DeviceConfig> &devices)
{
    QSet<MacAddress> configured;
    for (const auto &c : devices) {
        configured.insert(c.mac);
        const bool isNew = !m_devices.contains(c.mac);
        DeviceInfo &d = insert(c.mac);
        d.adopted = true;
        d.name = c.name;
        if (!c.serial.isEmpty())
            d.serial = c.serial;
        if (!c.model.isEmpty())
            d.model = c.model;
        d.isVirtual = c.isVirtual;
        d.profile = c.profile;
        d.powerBinding = c.power;
        d.position = c.position;
        if (d.lifecycle == QLatin1String("discovered"))
            d.lifecycle = QStringLiteral("ready");
        if (isNew)
            Q_EMIT deviceAdded(d);
        else
            changed(d);
    }
    const QList<MacAddress> order = m_order;
    for (const auto &mac : order) {
        if (configured.contains(mac))
            continue;
        DeviceInfo &d = m_devices[mac];
        if (!d.adopted)
            continue;
        if (d.lastSeen.isValid()) {
            d.adopted = false;
            d.lifecycle = QStringLiteral("discovered");
            d.powerBinding = {};
            d.profile.clear();
            changed(d);
        } else {
            remove(mac);
        }
    }
}

const DeviceInfo *DeviceRegistry::find(const MacAddress &mac) const
{
    const auto it = m_devices.constFind(mac);
    return it == m_devices.cend() ? nullptr : &*it;
}

const DeviceInfo *DeviceRegistry::findBySerial(const QString &serial) const
{
    if (serial.isEmpty())
        return nullptr;
    for (const auto &d : m_devices)
        if (d.serial.compare(serial, Qt::CaseInsensitive) == 0)
            return &d;
    return nullptr;
}

const DeviceInfo *DeviceRegistry::findByIp(const QHostAddress &ip) const
{
    if (ip.isNull())
        return nullptr;
    for (const auto &d : m_devices)
        if (d.ip == ip)
            return &d;
    return nullptr;
}

QList<DeviceInfo> DeviceRegistry::all() const
{
    QList<DeviceInfo> out;
    out.reserve(m_order.size());
    for (const auto &mac : m_order)
        out.append(m_devices.value(mac));
    return out;
}

bool DeviceRegistry::observe(const MacAddress &mac, const QString &serial, const QString &model, const QHostAddress &ip)
{
    if (!mac.isValid())
        return false;
    const bool isNew = !m_devices.contains(mac);
    if (isNew)
        makeRoomForDiscovered();
    DeviceInfo &d = insert(mac);
    bool dirty = isNew;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!d.firstSeen.isValid())
        d.firstSeen = now;
    d.lastSeen = now;
    if (!serial.isEmpty() && d.serial != serial) {
        d.serial = serial;
        dirty = true;
    }
    if (!model.isEmpty() && d.model.isEmpty()) {
        d.model = model;
        dirty = true;
    }
    if (!ip.isNull() && d.ip != ip) {
        d.ip = ip;
        dirty = true;
    }
    if (isNew) {
        qCInfo(lcDevices) << "discovered" << mac.toString() << (serial.isEmpty() ? QString() : QStringLiteral("serial ") + serial);
        Q_EMIT deviceAdded(d);
        if (m_journal) {
            JournalEvent e;
            e.mac = mac;
            e.client = ip;
            e.source = QStringLiteral("devices");
            e.kind = QString::fromLatin1(journalkind::DeviceDiscovered);
            e.message = serial.isEmpty() ? QStringLiteral("new device %1").arg(mac.toString())
                                         : QStringLiteral("new device %1 (serial %2)").arg(mac.toString(), serial);
            e.data.insert(QStringLiteral("serial"), serial);
            e.data.insert(QStringLiteral("model"), model);
            m_journal->append(e);
        }
    } else if (dirty) {
        changed(d);
    }
    return isNew;
}

void DeviceRegistry::setIp(const MacAddress &mac, const QHostAddress &ip)
{
    auto it = m_devices.find(mac);
    if (it == m_devices.end() || it->ip == ip)
        return;
    // An address belongs to one device at a time.
    for (auto &other : m_devices)
        if (other.mac != mac && other.ip == ip)
            other.ip.clear();
    it->ip = ip;
    changed(*it);
}

void DeviceRegistry::setStage(const MacAddress &mac, BootStage stage, const QString &detail)
{
    auto it = m_devices.find(mac);
    if (it == m_devices.end() || stage == BootStage::Unknown)
        return;
    if (it->stage == stage && it->stageDetail == detail)
        return;
    if (it->stage != stage)
        it->stageSince = QDateTime::currentDateTimeUtc();
    it->stage = stage;
    it->stageDetail = detail;
    changed(*it);
}

void DeviceRegistry::setPower(const MacAddress &mac, PowerState state, double watts)
{
    auto it = m_devices.find(mac);
    if (it == m_devices.end())
        return;
    if (it->power == state && qFuzzyCompare(it->powerWatts + 2, watts + 2))
        return;
    const PowerState old = it->power;
    it->power = state;
    it->powerWatts = watts;
    if (state != old) {
        if (state == PowerState::Off) {
            it->stage = BootStage::Off;
            it->stageDetail.clear();
            it->stageSince = QDateTime::currentDateTimeUtc();
        } else if (state == PowerState::On && (it->stage == BootStage::Off || it->stage == BootStage::Unknown)) {
            it->stage = BootStage::PoweringOn;
            it->stageSince = QDateTime::currentDateTimeUtc();
        }
    }
    changed(*it);
}

void DeviceRegistry::setLifecycle(const MacAddress &mac, const QString &lifecycle)
{
    auto it = m_devices.find(mac);
    if (it == m_devices.end() || it->lifecycle == lifecycle)
        return;
    it->lifecycle = lifecycle;
    changed(*it);
}

void DeviceRegistry::makeRoomForDiscovered()
{
    QList<QPair<QDateTime, MacAddress>> discovered;
    for (const auto &d : std::as_const(m_devices))
        if (!d.adopted)
            discovered.append({d.lastSeen, d.mac});
    if (discovered.size() < m_maxDiscovered)
        return;
    // Forget the oldest eighth at once, so a flood pays for this scan once per many new MACs.
    const qsizetype drop = discovered.size() - m_maxDiscovered + 1 + m_maxDiscovered / 8;
    std::nth_element(discovered.begin(), discovered.begin() + (drop - 1), discovered.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QSet<MacAddress> gone;
    for (qsizetype i = 0; i < drop; ++i)
        gone.insert(discovered.at(i).second);
    m_order.removeIf([&gone](const MacAddress &mac) { return gone.contains(mac); });
    for (const MacAddress &mac : std::as_const(gone)) {
        m_devices.remove(mac);
        if (m_journal)
            m_journal->forget(mac);
        Q_EMIT deviceRemoved(mac);
    }
    if (m_evicted == 0)
        qCWarning(lcDevices) << "more than" << m_maxDiscovered
                             << "unknown devices seen: forgetting the ones seen longest ago (is someone flooding the lab network?)";
    m_evicted += quint64(gone.size());
}

bool DeviceRegistry::remove(const MacAddress &mac)
{
    if (!m_devices.remove(mac))
        return false;
    m_order.removeAll(mac);
    if (m_journal)
        m_journal->forget(mac);
    Q_EMIT deviceRemoved(mac);
    return true;
}

int DeviceRegistry::restoreFromJournal()
{
    if (!m_journal)
        return 0;
    int updated = 0;
    for (const MacAddress &mac : std::as_const(m_order)) {
        DeviceInfo &d = m_devices[mac];
        const QList<JournalEvent> events = m_journal->events(mac);
        if (events.isEmpty())
            continue;
        bool dirty = false;
        const JournalEvent &last = events.constLast();
        if (d.lastEvent.isEmpty()) {
            d.lastEvent = last.message;
            dirty = true;
        }
        if (!d.lastSeen.isValid() || d.lastSeen < last.time) {
            d.lastSeen = last.time;
            dirty = true;
        }
        if (d.stage == BootStage::Unknown) {
            for (auto it = events.crbegin(); it != events.crend(); ++it) {
                if (it->stage == BootStage::Unknown)
                    continue;
                d.stage = it->stage;
                d.stageSince = it->time;
                d.stageDetail = it->data.value(QStringLiteral("file")).toString();
                dirty = true;
                break;
            }
        }
        if (dirty) {
            ++updated;
            changed(d);
        }
    }
    return updated;
}

void DeviceRegistry::onJournalEvent(const JournalEvent &event)
{
    if (!event.mac.isValid())
        return;
    auto it = m_devices.find(event.mac);
    if (it == m_devices.end())
        return;
    it->lastSeen = event.time;
    it->lastEvent = event.message;
    if (event.stage != BootStage::Unknown && event.stage != it->stage) {
        it->stage = event.stage;
        it->stageSince = event.time;
    }
    if (event.stage != BootStage::Unknown)
        it->stageDetail = event.data.value(QStringLiteral("file")).toString();
    changed(*it);
}
