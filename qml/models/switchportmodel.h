#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <deque>

// Phase-2 hook: what the PoE power manager reports per switch port, as plain data.
struct SwitchPortSnapshot
{
    QString port;                 // driver's port name ("1", "ether5")
    bool adminUp = false;         // PoE enabled by configuration
    bool operUp = false;          // power delivered
    double watts = -1;            // < 0 = unknown
    bool isProtected = false;     // uplinks etc.: toggling needs an explicit override
    QString mappedMac;            // device bound to the port in lab.yaml, if any
    QString mappedName;
};

struct SwitchSnapshot
{
    QString id;
    QString driver;
    double budgetWatts = -1;      // < 0 = unknown
    QList<SwitchPortSnapshot> ports;
};

// The PoE faceplates: one row per port of every switch, updated in place from snapshots with a
// bounded watts history per port (sparkline). Commands are signals the power manager (or the
// facade) handles: toggling a port, mapping a device onto a port.
class SwitchPortModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the power manager")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QStringList switches READ switches NOTIFY countChanged)
public:
    enum Role {
        SwitchRole = Qt::UserRole + 1, PortRole, AdminUpRole, OperUpRole, WattsRole, HistoryRole, MappedMacRole,
        MappedNameRole, ProtectedRole, PendingRole
    };
    Q_ENUM(Role)
    static constexpr int HistoryLength = 60;

    explicit SwitchPortModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return int(m_rows.size()); }
    [[nodiscard]] QStringList switches() const;
    // Sum of the known port readings of a switch, and its budget (< 0 = unknown).
    Q_INVOKABLE double drawWatts(const QString &switchId) const;
    Q_INVOKABLE double budgetWatts(const QString &switchId) const;

    // A new poll of every switch: rows are updated in place, added or removed as needed.
    void setSnapshot(const QList<SwitchSnapshot> &switches);

    // Requests (after the view's confirmation). Protected ports need `override`.
    Q_INVOKABLE bool togglePort(int row, bool override = false);
    Q_INVOKABLE bool cyclePort(int row, bool override = false);
    Q_INVOKABLE bool mapDevice(int row, const QString &mac);
    Q_INVOKABLE void unmap(int row);

Q_SIGNALS:
    void countChanged();
    void powerRequested(const QString &switchId, const QString &port, const QString &action);   // on, off, cycle
    void mapRequested(const QString &mac, const QString &switchId, const QString &port);
    void unmapRequested(const QString &mac);

private:
    struct Row
    {
        QString switchId;
        SwitchPortSnapshot port;
        std::deque<double> history;
        bool pending = false;      // a request is out; cleared by the next snapshot that changes the port
    };
    int rowOf(const QString &switchId, const QString &port) const;

    QList<Row> m_rows;
    QList<SwitchSnapshot> m_switches;   // ids, drivers, budgets (ports live in m_rows)
};
