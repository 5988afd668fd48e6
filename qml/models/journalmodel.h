#pragma once

#include "devices/journalevent.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <deque>

// Recent journal events (newest last), bounded; filterable by device MAC and source in QML.
class JournalModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Lab")
    Q_PROPERTY(int capacity READ capacity CONSTANT)
public:
    enum Role { SeqRole = Qt::UserRole + 1, TimeRole, MacRole, SourceRole, KindRole, SeverityRole, MessageRole, StageRole };
    explicit JournalModel(int capacity = 2000, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int capacity() const { return m_capacity; }

    void append(const JournalEvent &event);
    void reset(const QList<JournalEvent> &events);

private:
    int m_capacity;
    std::deque<JournalEvent> m_rows;
};
