#pragma once

#include "firmwareadapter.h"

#include <QAbstractListModel>
#include <QList>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

// The Raspberry Pi UEFI settings of a profile or device as a typed form: one row per setting of
// efi::piSettings() (kind, range, choices, unit, read-only), the value that applies and where it
// comes from (default, the profile's image, the profile, the device). Edits are validated with
// the engine's encoder, listed by diff() and undoable; FirmwareEditor applies them.
class FirmwareSettingsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by the boot editor")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool dirty READ isDirty NOTIFY editsChanged)
    Q_PROPERTY(QStringList diff READ diff NOTIFY editsChanged)
    // "profile" or "device": what an own value is called.
    Q_PROPERTY(QString level READ level NOTIFY countChanged)
public:
    enum Role {
        NameRole = Qt::UserRole + 1, LabelRole, HelpRole, GroupRole, UnitRole, KindRole, MinimumRole, MaximumRole,
        ChoicesRole, ReadOnlyRole, ValueRole, InheritedRole, InheritedSourceRole, ExplicitRole, DefaultRole, ChangedRole
    };
    Q_ENUM(Role)

    struct Change
    {
        QString name;
        QString value;     // empty with clear = true
        bool clear = false;   // drop the own value (the inherited one applies)
    };

    explicit FirmwareSettingsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // What the engine holds; clears edits and their undo history.
    void setRows(const QString &level, const QList<firmwareadapter::SettingRow> &rows);
    [[nodiscard]] int count() const { return int(m_rows.size()); }
    [[nodiscard]] QString level() const { return m_level; }
    [[nodiscard]] bool isDirty() const { return !changes().isEmpty(); }
    [[nodiscard]] QList<Change> changes() const;
    [[nodiscard]] QStringList diff() const;
    [[nodiscard]] int undoDepth() const { return int(m_undo.size()); }
    [[nodiscard]] bool canUndo() const { return !m_undo.isEmpty(); }

    // Sets an own value; returns the error text (empty = accepted).
    Q_INVOKABLE QString setValue(int row, const QString &value);
    // Drops the own value at this level.
    Q_INVOKABLE void clearValue(int row);
    Q_INVOKABLE int rowOf(const QString &name) const;
    void undo();
    void revert();

Q_SIGNALS:
    void countChanged();
    void editsChanged();

private:
    struct Row
    {
        firmwareadapter::SettingRow original;
        QString value;
        bool explicitValue = false;
    };
    struct Edit
    {
        int row;
        QString value;
        bool explicitValue;
    };
    void set(int row, const QString &value, bool explicitValue, bool remember);

    QString m_level;
    QList<Row> m_rows;
    QList<Edit> m_undo;
};
