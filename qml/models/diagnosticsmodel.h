#pragma once

#include "diagnostics.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QtQml/qqmlregistration.h>

// Findings of the last "Diagnose" run, errors first.
class DiagnosticsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Lab")
    Q_PROPERTY(int count READ count NOTIFY findingsChanged)
    Q_PROPERTY(int problemCount READ problemCount NOTIFY findingsChanged)
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)
    Q_PROPERTY(QDateTime lastRun READ lastRun NOTIFY findingsChanged)
public:
    enum Role { IdRole = Qt::UserRole + 1, SeverityRole, TitleRole, DetailRole, HintRole };

    explicit DiagnosticsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return int(m_rows.size()); }
    [[nodiscard]] int problemCount() const;       // warnings + errors
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] QDateTime lastRun() const { return m_lastRun; }

    void setRunning(bool running);
    void setFindings(const QList<diagnostics::Finding> &findings);

Q_SIGNALS:
    void findingsChanged();
    void runningChanged();

private:
    QList<diagnostics::Finding> m_rows;
    bool m_running = false;
    QDateTime m_lastRun;
};
