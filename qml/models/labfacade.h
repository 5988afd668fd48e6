#pragma once

#include "devicelistmodel.h"
#include "journalmodel.h"
#include "servicelistmodel.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

class LabEngine;

// The one object QML gets (as the required property `lab`): GUI-thread view-models fed by queued
// signals from the engine thread, and commands forwarded to the engine with queued invokes.
// QML never touches the engine or its services directly.
class LabFacade : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Lab)
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(QString name READ name NOTIFY nameChanged)
    Q_PROPERTY(QString configPath READ configPath NOTIFY nameChanged)
    Q_PROPERTY(DeviceListModel *devices READ devices CONSTANT)
    Q_PROPERTY(ServiceListModel *services READ services CONSTANT)
    Q_PROPERTY(JournalModel *journal READ journal CONSTANT)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
public:
    // `engine` may be null (QML tests fill the models directly).
    explicit LabFacade(LabEngine *engine, QObject *parent = nullptr);

    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] QString configPath() const { return m_configPath; }
    [[nodiscard]] DeviceListModel *devices() { return &m_devices; }
    [[nodiscard]] ServiceListModel *services() { return &m_services; }
    [[nodiscard]] JournalModel *journal() { return &m_journal; }
    [[nodiscard]] QString lastError() const { return m_lastError; }

    Q_INVOKABLE void startService(const QString &id);
    Q_INVOKABLE void stopService(const QString &id);
    Q_INVOKABLE void moveDevice(const QString &mac, qreal x, qreal y);
    Q_INVOKABLE void clearError();

    // Pulls a full snapshot from the engine (called once at start-up).
    void refresh();

Q_SIGNALS:
    void nameChanged();
    void lastErrorChanged();
    // A one-line notification for the user (service failures, rejected config edits).
    void notify(const QString &message);

private:
    void setError(const QString &message);

    QPointer<LabEngine> m_engine;
    QString m_name;
    QString m_configPath;
    QString m_lastError;
    DeviceListModel m_devices;
    ServiceListModel m_services;
    JournalModel m_journal;
};
