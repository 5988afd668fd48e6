#pragma once

#include "config/labconfig.h"
#include "diagnosticsmodel.h"
#include "networkinterfacemodel.h"
#include "setupplan.h"

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

// State of the first-run wizard: the interface the user picked (none until they pick one),
// the DHCP mode (recommended, then the user's), the resulting plan and its port checks.
// apply() only emits applyRequested(); the facade writes lab.yaml through the engine.
class SetupWizard : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Lab.setup")
    Q_PROPERTY(NetworkInterfaceModel *interfaces READ interfaces CONSTANT)
    Q_PROPERTY(int selectedIndex READ selectedIndex WRITE setSelectedIndex NOTIFY selectionChanged)
    Q_PROPERTY(QString selectedName READ selectedName NOTIFY selectionChanged)
    Q_PROPERTY(QString selectedWarning READ selectedWarning NOTIFY selectionChanged)
    Q_PROPERTY(QString recommendedMode READ recommendedMode NOTIFY selectionChanged)
    Q_PROPERTY(QString recommendation READ recommendation NOTIFY selectionChanged)
    Q_PROPERTY(QString mode READ mode WRITE setMode NOTIFY planChanged)
    Q_PROPERTY(QString address READ address NOTIFY planChanged)
    Q_PROPERTY(QString poolStart READ poolStart NOTIFY planChanged)
    Q_PROPERTY(QString poolEnd READ poolEnd NOTIFY planChanged)
    Q_PROPERTY(QStringList summary READ summary NOTIFY planChanged)
    Q_PROPERTY(bool canApply READ canApply NOTIFY planChanged)
    Q_PROPERTY(DiagnosticsModel *portChecks READ portChecks CONSTANT)
    Q_PROPERTY(bool applied READ applied NOTIFY appliedChanged)
public:
    explicit SetupWizard(QObject *parent = nullptr);

    [[nodiscard]] NetworkInterfaceModel *interfaces() { return &m_interfaces; }
    [[nodiscard]] int selectedIndex() const { return m_selected; }
    void setSelectedIndex(int index);
    [[nodiscard]] QString selectedName() const;
    [[nodiscard]] QString selectedWarning() const;
    [[nodiscard]] QString recommendedMode() const { return setupplan::modeName(m_recommendation.mode); }
    [[nodiscard]] QString recommendation() const { return m_recommendation.reason; }
    [[nodiscard]] QString mode() const { return setupplan::modeName(m_plan.mode); }
    void setMode(const QString &mode);
    [[nodiscard]] QString address() const { return m_plan.address.isNull() ? QString() : m_plan.address.toString(); }
    [[nodiscard]] QString poolStart() const { return m_plan.poolStart.isNull() ? QString() : m_plan.poolStart.toString(); }
    [[nodiscard]] QString poolEnd() const { return m_plan.poolEnd.isNull() ? QString() : m_plan.poolEnd.toString(); }
    [[nodiscard]] QStringList summary() const;
    [[nodiscard]] bool canApply() const { return m_selected >= 0 && m_plan.isValid(); }
    [[nodiscard]] DiagnosticsModel *portChecks() { return &m_portChecks; }
    [[nodiscard]] bool applied() const { return m_applied; }
    [[nodiscard]] setupplan::Plan plan() const { return m_plan; }

    // The lab as it is now (for the summary and the port checks).
    void setConfig(const LabConfig &config) { m_config = config; }
    void setBinaryPath(const QString &path) { m_binaryPath = path; }
    // What the DHCP engine saw on the network; updates the recommendation of the chosen interface.
    void setDhcpObservation(const setupplan::DhcpObservation &seen);

    // Starts over: re-reads the interfaces, nothing selected.
    Q_INVOKABLE void restart();
    // Checks the ports the plan needs (in a worker thread; results in portChecks).
    Q_INVOKABLE void checkPorts();
    Q_INVOKABLE void apply();
    void setApplied(bool applied);

    // The language changed: the recommendation, warning and summary are worded again.
    void retranslate();

Q_SIGNALS:
    void selectionChanged();
    void planChanged();
    void appliedChanged();
    void applyRequested(const setupplan::Plan &plan);

private:
    void replan();

    NetworkInterfaceModel m_interfaces;
    DiagnosticsModel m_portChecks;
    LabConfig m_config;
    QString m_binaryPath;
    int m_selected = -1;
    setupplan::Recommendation m_recommendation;
    setupplan::DhcpObservation m_seen;
    setupplan::Plan m_plan;
    bool m_applied = false;
};
