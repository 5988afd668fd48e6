#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <deque>

// What the PoE power manager reports per switch port, as plain data (PowerFeed converts
// PowerManager::PortView into this on the GUI thread).
struct SwitchPortSnapshot
{
    // Why toggling the port needs an explicit override.
    enum class Protection { None, Listed, Unmapped };   // protected_ports / no managed device on it

    QString port;                 // driver's port name ("1", "ether5")
    QString label;                // what the switch calls it (may be empty)
    bool adminUp = false;         // PoE enabled by configuration
    bool operUp = false;          // power delivered
    QString detection;            // "delivering", "searching", "disabled", "fault", ... ("" = unknown)
    double watts = -1;            // < 0 = unknown
    Protection protection = Protection::None;
    bool busy = false;            // the power manager is running an action on the port
    QString mappedMac;            // device bound to the port (lab.yaml or learned), if any
    QString mappedName;
    bool mappedLearned = false;   // learned from the switch's MAC table, not from lab.yaml
    QList<double> history;        // seed (oldest first), e.g. PowerManager::wattHistory(); replaces the row's
    [[nodiscard]] bool isProtected() const { return protection != Protection::None; }
};

struct SwitchSnapshot
{
    QString id;
    QString driver;
    QString address;              // no credentials
    bool reachable = true;
    QString error;                // why it is unreachable / has no driver
    double budgetWatts = -1;      // < 0 = unknown
    double totalWatts = -1;       // what the switch reports for the whole PSE; < 0 = unknown
    QDateTime lastRead;           // a new read appends one watts sample per port (invalid = every update does)
    QList<SwitchPortSnapshot> ports;
};

// The PoE faceplates: one row per port of every switch, updated in place from snapshots with a
// bounded watts history per port (sparkline). Commands are signals the power feed handles:
// switching a port, mapping a device onto a port or unmapping it.
class SwitchPortModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the power manager")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QStringList switches READ switches NOTIFY switchesChanged)
    // Bumped on every update, so bindings over switchInfo()/drawWatts() re-evaluate.
    Q_PROPERTY(int revision READ revision NOTIFY revisionChanged)
public:
    enum Role {
        SwitchRole = Qt::UserRole + 1, PortRole, AdminUpRole, OperUpRole, WattsRole, HistoryRole, MappedMacRole,
        MappedNameRole, ProtectedRole, PendingRole, ProtectionRole, DetectionRole, LabelRole, LearnedRole
    };
    Q_ENUM(Role)
    static constexpr int HistoryLength = 60;

    explicit SwitchPortModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return int(m_rows.size()); }
    [[nodiscard]] QStringList switches() const;
    [[nodiscard]] int revision() const { return m_revision; }
    // Sum of the known port readings of a switch, and its budget (< 0 = unknown).
    Q_INVOKABLE double drawWatts(const QString &switchId) const;
    Q_INVOKABLE double budgetWatts(const QString &switchId) const;
    // {driver, address, reachable, error, budgetWatts, drawWatts, ports} of one switch.
    Q_INVOKABLE QVariantMap switchInfo(const QString &switchId) const;
    // The row of a port, -1 if unknown.
    Q_INVOKABLE int rowOf(const QString &switchId, const QString &port) const;

    // A new poll of every switch: switches not listed are removed, the others updated in place.
    void setSnapshot(const QList<SwitchSnapshot> &switches);
    // One switch changed (the others stay as they are).
    void updateSwitch(const SwitchSnapshot &snapshot);
    void removeSwitch(const QString &switchId);
    // A request for the port finished (PowerFeed): clears the pending flag.
    void setPending(const QString &switchId, const QString &port, bool pending);

    // Requests (after the view's confirmation). Protected ports need `override`.
    Q_INVOKABLE bool togglePort(int row, bool override = false);
    Q_INVOKABLE bool cyclePort(int row, bool override = false);
    // Ports listed in protected_ports never take a device; unmapped ports do.
    Q_INVOKABLE bool mapDevice(int row, const QString &mac);
    Q_INVOKABLE void unmap(int row);

Q_SIGNALS:
    void countChanged();
    void switchesChanged();
    void revisionChanged();
    void powerRequested(const QString &switchId, const QString &port, const QString &action, bool override);   // on, off, cycle
    void mapRequested(const QString &mac, const QString &switchId, const QString &port);
    void unmapRequested(const QString &mac);

private:
    struct Row
    {
        QString switchId;
        SwitchPortSnapshot port;
        std::deque<double> history;
        bool pending = false;      // a request is out; cleared when it finishes or the port changes state
    };
    bool request(int row, const QString &action, bool override);
    void bump();

    QList<Row> m_rows;
    QList<SwitchSnapshot> m_switches;   // switch-level fields (ports live in m_rows)
    int m_revision = 0;
};
