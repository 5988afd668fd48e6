#pragma once

#include "config/labconfig.h"
#include "consolefeed.h"
#include "devicedetails.h"
#include "devicelistmodel.h"
#include "diagnosticsmodel.h"
#include "firmwareeditor.h"
#include "importcontroller.h"
#include "journalmodel.h"
#include "powerfeed.h"
#include "profileimporter.h"
#include "profilelistmodel.h"
#include "servicelistmodel.h"
#include "setupwizard.h"
#include "switchportmodel.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

class LabEngine;

// The one object QML gets (as the required property `lab`): GUI-thread view-models fed by queued
// signals from the engine thread, and commands forwarded to the engine with queued invokes.
// QML never touches the engine or its services directly. Nothing here blocks: results of
// commands come back as queued calls (notify(), bulkFinished(), model updates).
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
    Q_PROPERTY(DeviceDetails *details READ details CONSTANT)
    // Console lines of senders that are no known device (Logs page), one sender at a time.
    Q_PROPERTY(ConsoleModel *unknownConsole READ unknownConsole CONSTANT)
    Q_PROPERTY(DiagnosticsModel *diagnostics READ diagnostics CONSTANT)
    Q_PROPERTY(SetupWizard *setup READ setup CONSTANT)
    Q_PROPERTY(ImportController *importer READ importer CONSTANT)
    Q_PROPERTY(SwitchPortModel *ports READ ports CONSTANT)
    Q_PROPERTY(FirmwareEditor *firmware READ firmware CONSTANT)
    Q_PROPERTY(ProfileListModel *profileList READ profileList CONSTANT)
    // Other DHCP/PXE servers the DHCP engine saw: [{address, interface, description, offersAddresses, offersBoot, conflicting, lastSeen}].
    Q_PROPERTY(QVariantList foreignServers READ foreignServers NOTIFY foreignServersChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(QVariantList profiles READ profiles NOTIFY configChanged)
    Q_PROPERTY(bool pristineDemo READ isPristineDemo NOTIFY configChanged)
    Q_PROPERTY(bool powerAvailable READ isPowerAvailable NOTIFY powerAvailableChanged)
    Q_PROPERTY(QString powerUnavailableReason READ powerUnavailableReason NOTIFY powerAvailableChanged)
    Q_PROPERTY(int pendingActions READ pendingActions NOTIFY pendingActionsChanged)
public:
    // `engine` may be null (QML view tests fill the models directly).
    explicit LabFacade(LabEngine *engine, QObject *parent = nullptr);

    [[nodiscard]] QString name() const { return m_name; }
    [[nodiscard]] QString configPath() const { return m_configPath; }
    [[nodiscard]] DeviceListModel *devices() { return &m_devices; }
    [[nodiscard]] ServiceListModel *services() { return &m_services; }
    [[nodiscard]] JournalModel *journal() { return &m_journal; }
    [[nodiscard]] DeviceDetails *details() { return &m_details; }
    [[nodiscard]] ConsoleModel *unknownConsole() { return &m_unknownConsole; }
    [[nodiscard]] DiagnosticsModel *diagnostics() { return &m_diagnostics; }
    [[nodiscard]] SetupWizard *setup() { return &m_setup; }
    [[nodiscard]] ImportController *importer() { return &m_importer; }
    [[nodiscard]] SwitchPortModel *ports() { return &m_ports; }
    [[nodiscard]] FirmwareEditor *firmware() { return &m_firmware; }
    [[nodiscard]] ProfileListModel *profileList() { return &m_profileList; }
    [[nodiscard]] QVariantList foreignServers() const;
    [[nodiscard]] const QList<ForeignDhcpServer> &foreignServerList() const { return m_foreign; }
    [[nodiscard]] QString lastError() const { return m_lastError; }
    [[nodiscard]] QVariantList profiles() const;
    [[nodiscard]] bool isPristineDemo() const { return m_pristineDemo; }
    [[nodiscard]] bool isPowerAvailable() const { return m_powerAvailable; }
    [[nodiscard]] QString powerUnavailableReason() const;
    [[nodiscard]] int pendingActions() const { return m_pending; }
    [[nodiscard]] const LabConfig &config() const { return m_config; }

    Q_INVOKABLE void startService(const QString &id);
    Q_INVOKABLE void stopService(const QString &id);
    Q_INVOKABLE void startAllServices();
    Q_INVOKABLE void stopAllServices();
    // Moves a card to grid cell (x, y); a device already there takes the moved card's cell.
    Q_INVOKABLE void moveDevice(const QString &mac, qreal x, qreal y);
    Q_INVOKABLE void clearError();

    // Fleet commands (bulk: a list of MACs). Power goes through the engine's PowerControl.
    Q_INVOKABLE void adopt(const QStringList &macs);
    Q_INVOKABLE void power(const QStringList &macs, const QString &action);   // "on", "off", "cycle"
    Q_INVOKABLE void netbootOnce(const QStringList &macs);
    Q_INVOKABLE void assignProfile(const QStringList &macs, const QString &profileId);
    // A profile dropped onto a device: onto a selected one, the whole selection gets it.
    Q_INVOKABLE void dropProfile(const QString &mac, const QString &profileId);
    Q_INVOKABLE void renameDevice(const QString &mac, const QString &name);
    // Opt the device in to (or out of) netconsole= on its kernel command line (lab.yaml).
    Q_INVOKABLE void setNetconsole(const QString &mac, bool enabled);

    // Device panel.
    Q_INVOKABLE void openDevice(const QString &mac);
    Q_INVOKABLE void closeDevice();
    // Shows the console lines of `address` (one of unknownConsole.unknownSources) in unknownConsole;
    // "" closes it. refreshUnknownConsoles() re-reads the list of senders.
    Q_INVOKABLE void openUnknownConsole(const QString &address);
    Q_INVOKABLE void refreshUnknownConsoles();

    Q_INVOKABLE void runDiagnostics();

    // Pulls a full snapshot from the engine (called once at start-up).
    void refresh();
    // The user interface language changed: every model re-words the text it shows (rows are
    // repainted, cached descriptions rebuilt, diagnostics run again).
    void retranslate();

    // Runs `change` through LabEngine::modifyConfig on the engine thread; reports the outcome
    // (a failure also becomes lastError, named by `what`).
    void editConfig(const QString &what, std::function<void(LabConfig &)> change, std::function<void()> onSuccess = {});
    // The same for changes that can be refused before anything is saved (`change` returns false
    // and says why, e.g. PowerManager::assignPort()).
    void editConfigChecked(const QString &what, std::function<bool(LabConfig &, QString *)> change,
                           std::function<void()> onSuccess = {}, std::function<void(const QString &)> onFailure = {});
    // Shows `message` (banner + notification) and logs it.
    void setError(const QString &message);
    // Test hook and engine feed: the other DHCP/PXE servers seen (diagnose panel, wizard).
    void setForeignServers(const QList<ForeignDhcpServer> &servers);

    // Pure helpers (tested): the first free grid cell (row-major, `columns` wide) and a name
    // for an adopted device ("pi-09").
    static QPointF freeCell(const LabConfig &config, int columns = 8);
    static QString suggestName(const LabConfig &config, const QString &model);

Q_SIGNALS:
    void nameChanged();
    void lastErrorChanged();
    void configChanged();
    void powerAvailableChanged();
    void pendingActionsChanged();
    void foreignServersChanged();
    // A one-line notification for the user (service failures, rejected config edits, results).
    void notify(const QString &message);
    // A bulk command finished: a one-line summary and one line per device that failed.
    void bulkFinished(const QString &summary, const QStringList &failures);

private:
    void setConfig(const LabConfig &config);
    void pollForeignServers();
    void updateDhcpObservation();
    void setPowerAvailable(bool available);
    void pollPowerAvailability();
    void applySetup(const setupplan::Plan &plan);
    void beginAction();
    void endAction();

    QPointer<LabEngine> m_engine;
    QString m_name;
    QString m_configPath;
    QString m_lastError;
    LabConfig m_config;
    QByteArray m_demoYaml;           // the demo lab, normalised through the writer
    bool m_pristineDemo = false;
    bool m_powerAvailable = false;
    int m_pending = 0;
    DeviceListModel m_devices;
    ServiceListModel m_services;
    JournalModel m_journal;
    DeviceDetails m_details;
    DiagnosticsModel m_diagnostics;
    SetupWizard m_setup;
    ImportController m_importer;
    SwitchPortModel m_ports;
    PowerFeed m_powerFeed;
    FirmwareEditor m_firmware;
    ProfileListModel m_profileList;
    ConsoleFeed m_consoleFeed;
    ConsoleModel m_unknownConsole;
    ConsoleFeed m_unknownConsoleFeed;
    std::unique_ptr<ProfileImporter> m_profileImporter;
    QList<ForeignDhcpServer> m_foreign;
};
