#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <optional>

// Phase-2 hook: the boot configuration of a profile or device as plain data. The UEFI
// firmware engine decodes Boot####/BootOrder/BootNext/Timeout into this and applies it back.
struct BootEntry
{
    enum class Kind { Pxe, Http, Disk, Other };
    quint16 number = 0;           // #### of Boot####
    QString description;
    QString devicePath;           // EDK2 text form: "MAC(DCA6320136C2,0x1)/IPv4(0.0.0.0,...)"
    bool active = true;           // LOAD_OPTION_ACTIVE
    Kind kind = Kind::Other;
    bool operator==(const BootEntry &o) const
    {
        return number == o.number && description == o.description && devicePath == o.devicePath && active == o.active
            && kind == o.kind;
    }
};

struct BootConfiguration
{
    QList<BootEntry> entries;     // any order
    QList<quint16> order;         // BootOrder
    std::optional<quint16> bootNext;
    int timeoutSeconds = 5;
    bool operator==(const BootConfiguration &o) const
    {
        return entries == o.entries && order == o.order && bootNext == o.bootNext && timeoutSeconds == o.timeoutSeconds;
    }
};

// Phase-2 hook: applies a boot configuration to its target (profile id or device MAC).
// `done` must run on the model's thread.
class BootConfigurationBackend
{
public:
    using Done = std::function<void(bool ok, const QString &message)>;
    virtual ~BootConfigurationBackend() = default;
    virtual void apply(const QString &target, const BootConfiguration &configuration, Done done) = 0;
};

// The boot editor's view-model: entries in BootOrder order (entries outside BootOrder last),
// drag/keyboard reordering, active flags, descriptions, new PXE/HTTP/disk entries, BootNext
// and Timeout; every edit can be undone; diff() lists the changes before Apply.
class BootEntryModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the firmware engine")
    Q_PROPERTY(QString target READ target NOTIFY targetChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int timeout READ timeout WRITE setTimeout NOTIFY editsChanged)
    Q_PROPERTY(int bootNextRow READ bootNextRow NOTIFY editsChanged)
    Q_PROPERTY(bool dirty READ isDirty NOTIFY editsChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY editsChanged)
    Q_PROPERTY(QStringList diff READ diff NOTIFY editsChanged)
    Q_PROPERTY(bool applyAvailable READ applyAvailable NOTIFY applyAvailableChanged)
    Q_PROPERTY(QString applyUnavailableReason READ applyUnavailableReason NOTIFY applyAvailableChanged)
    Q_PROPERTY(bool applying READ isApplying NOTIFY applyingChanged)
    // What the target allows (a device's entries and order come from its profile; a profile has
    // no BootNext): the views disable what is locked and say why.
    Q_PROPERTY(bool entriesEditable READ entriesEditable NOTIFY permissionsChanged)
    Q_PROPERTY(QString entriesLockedReason READ entriesLockedReason NOTIFY permissionsChanged)
    Q_PROPERTY(bool bootNextEditable READ bootNextEditable NOTIFY permissionsChanged)
    Q_PROPERTY(QString bootNextLockedReason READ bootNextLockedReason NOTIFY permissionsChanged)
public:
    enum Role { NumberRole = Qt::UserRole + 1, DescriptionRole, DevicePathRole, ActiveRole, InOrderRole, BootNextRole, KindRole, ChangedRole };
    Q_ENUM(Role)

    explicit BootEntryModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Loads what the firmware holds; clears the undo history.
    void setConfiguration(const QString &target, const BootConfiguration &configuration);
    [[nodiscard]] BootConfiguration configuration() const;   // the edited one
    [[nodiscard]] BootConfiguration originalConfiguration() const { return m_original; }
    // Empty reason = editable.
    void setPermissions(const QString &entriesLockedReason, const QString &bootNextLockedReason);
    [[nodiscard]] bool entriesEditable() const { return m_entriesLocked.isEmpty(); }
    [[nodiscard]] QString entriesLockedReason() const { return m_entriesLocked; }
    [[nodiscard]] bool bootNextEditable() const { return m_bootNextLocked.isEmpty(); }
    [[nodiscard]] QString bootNextLockedReason() const { return m_bootNextLocked; }
    [[nodiscard]] int undoDepth() const { return int(m_undo.size()); }
    void setBackend(BootConfigurationBackend *backend);

    [[nodiscard]] QString target() const { return m_target; }
    [[nodiscard]] int count() const { return int(m_rows.size()); }
    [[nodiscard]] int timeout() const { return m_timeout; }
    void setTimeout(int seconds);
    [[nodiscard]] int bootNextRow() const;
    [[nodiscard]] bool isDirty() const { return !(configuration() == m_original); }
    [[nodiscard]] bool canUndo() const { return !m_undo.isEmpty(); }
    [[nodiscard]] QStringList diff() const;
    [[nodiscard]] bool applyAvailable() const { return m_backend != nullptr; }
    [[nodiscard]] QString applyUnavailableReason() const;
    [[nodiscard]] bool isApplying() const { return m_applying; }

    // Moves the row `from` to position `to` (BootOrder changes; rows outside the order join it).
    Q_INVOKABLE bool move(int from, int to);
    Q_INVOKABLE void setActive(int row, bool active);
    Q_INVOKABLE void setDescription(int row, const QString &description);
    // -1 clears BootNext.
    Q_INVOKABLE void setBootNext(int row);
    // New entries go to the end of BootOrder; they return the new row.
    Q_INVOKABLE int addPxeEntry(const QString &mac);
    Q_INVOKABLE int addHttpEntry(const QString &mac, const QString &uri);
    Q_INVOKABLE int addDiskEntry(const QString &description, const QString &devicePath);
    Q_INVOKABLE void removeEntry(int row);
    Q_INVOKABLE void undo();
    Q_INVOKABLE void revert();
    Q_INVOKABLE void apply();

Q_SIGNALS:
    void targetChanged();
    void countChanged();
    void editsChanged();
    void applyAvailableChanged();
    void applyingChanged();
    void applied(bool ok, const QString &message);
    void permissionsChanged();

private:
    struct Row
    {
        BootEntry entry;
        bool inOrder = true;
    };
    struct Snapshot
    {
        QList<Row> rows;
        std::optional<quint16> bootNext;
        int timeout = 0;
    };
    void remember();
    void restore(const Snapshot &s);
    void edited();
    quint16 freeNumber() const;
    int addEntry(const BootEntry &entry);
    static QString hex(quint16 n) { return QStringLiteral("%1").arg(n, 4, 16, QLatin1Char('0')).toUpper(); }
    static QString macHex(const QString &mac);

    QString m_target;
    BootConfiguration m_original;
    QList<Row> m_rows;
    std::optional<quint16> m_bootNext;
    int m_timeout = 5;
    QList<Snapshot> m_undo;
    BootConfigurationBackend *m_backend = nullptr;
    bool m_applying = false;
    QString m_entriesLocked;
    QString m_bootNextLocked;
};
