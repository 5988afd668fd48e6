#pragma once

#include "config/labconfig.h"
#include "poe/powermanager.h"
#include "switchportmodel.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class LabEngine;
class LabFacade;

// Connects the PoE power manager (engine thread) to the faceplate model (GUI thread): switch
// views arrive as queued switchUpdated() signals and become SwitchSnapshots (device names and
// protection reasons from the lab config); the model's requests go back as queued invokes of
// PowerManager::requestPortPower() and, for mappings, LabEngine::modifyConfig() with
// PowerManager::assignPort().
class PowerFeed : public QObject
{
    Q_OBJECT
public:
    PowerFeed(LabFacade *facade, SwitchPortModel *model, QObject *parent = nullptr);

    // Connects to the engine's power manager (null engine: the model is fed by tests).
    void attach(LabEngine *engine);
    // Full snapshot of every switch, with each port's watt history.
    void refresh();
    // The lab configuration changed: names and protection are recomputed from the last views.
    void configChanged();

    // Pure conversion (tested): a power manager view as the faceplate shows it.
    static SwitchSnapshot snapshot(const PowerManager::SwitchView &view, const LabConfig &config);

private:
    void onSwitchUpdated(const PowerManager::SwitchView &view);
    void requestPower(const QString &switchId, const QString &port, const QString &action, bool override);
    void map(const QString &mac, const QString &switchId, const QString &port);
    void unmap(const QString &mac);
    PowerManager *manager() const;

    LabFacade *m_facade;
    SwitchPortModel *m_model;
    QPointer<LabEngine> m_engine;
    QHash<QString, PowerManager::SwitchView> m_views;   // last view per switch
};
