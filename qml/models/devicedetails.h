#pragma once

#include "boottimelinemodel.h"
#include "consolemodel.h"
#include "devices/deviceinfo.h"
#include "journalmodel.h"

#include <QObject>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

// What the device panel shows for the device the user opened: its live row, its journal
// (loaded from the engine, then appended live), its boot timeline and its console (fed by
// ConsoleFeed).
class DeviceDetails : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Lab.details")
    Q_PROPERTY(QString mac READ mac NOTIFY macChanged)
    Q_PROPERTY(bool open READ isOpen NOTIFY macChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(QVariantMap info READ info NOTIFY infoChanged)
    Q_PROPERTY(JournalModel *journal READ journal CONSTANT)
    Q_PROPERTY(BootTimelineModel *timeline READ timeline CONSTANT)
    Q_PROPERTY(ConsoleModel *console READ console CONSTANT)
public:
    explicit DeviceDetails(QObject *parent = nullptr);

    [[nodiscard]] QString mac() const { return m_mac.isValid() ? m_mac.toString() : QString(); }
    [[nodiscard]] MacAddress macAddress() const { return m_mac; }
    [[nodiscard]] bool isOpen() const { return m_mac.isValid(); }
    [[nodiscard]] bool isLoading() const { return m_loading; }
    [[nodiscard]] QVariantMap info() const { return m_info; }
    [[nodiscard]] JournalModel *journal() { return &m_journal; }
    [[nodiscard]] BootTimelineModel *timeline() { return &m_timeline; }
    [[nodiscard]] ConsoleModel *console() { return &m_console; }

    // Starts showing `mac` (loading = true until setEvents()).
    void begin(const MacAddress &mac, const QVariantMap &info);
    void setEvents(const QList<JournalEvent> &events);
    void close();
    // Live updates; ignored unless they concern the open device.
    void deviceChanged(const MacAddress &mac, const QVariantMap &info);
    void eventAppended(const JournalEvent &event);

Q_SIGNALS:
    void macChanged();
    void loadingChanged();
    void infoChanged();

private:
    MacAddress m_mac;
    bool m_loading = false;
    QVariantMap m_info;
    JournalModel m_journal{500};
    BootTimelineModel m_timeline;
    ConsoleModel m_console;
    QList<JournalEvent> m_early;   // live events that arrived while loading
};
