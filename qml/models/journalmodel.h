#pragma once

#include "devices/journalevent.h"

#include <QAbstractListModel>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <deque>

// Recent journal events (newest last), bounded; filterable by device MAC and source in QML.
class JournalModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Lab")
    Q_PROPERTY(int capacity READ capacity CONSTANT)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // Distinct sources seen ("devices", "http", "dhcp", ...), sorted, for the log's source filter.
    Q_PROPERTY(QStringList sources READ sources NOTIFY sourcesChanged)
public:
    enum Role { SeqRole = Qt::UserRole + 1, TimeRole, MacRole, SourceRole, KindRole, SeverityRole, MessageRole, StageRole };
    Q_ENUM(Role)
    explicit JournalModel(int capacity = 2000, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int capacity() const { return m_capacity; }
    [[nodiscard]] int count() const { return int(m_rows.size()); }
    [[nodiscard]] QStringList sources() const { return m_sources; }
    [[nodiscard]] const std::deque<JournalEvent> &events() const { return m_rows; }

    void append(const JournalEvent &event);
    void reset(const QList<JournalEvent> &events);

Q_SIGNALS:
    void countChanged();
    void sourcesChanged();

private:
    void noteSource(const QString &source);

    QStringList m_sources;
    int m_capacity;
    std::deque<JournalEvent> m_rows;
};
