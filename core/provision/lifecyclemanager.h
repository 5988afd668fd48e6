#pragma once

#include "common/macaddress.h"
#include "config/labconfig.h"
#include "lifecycle.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QFuture>
#include <QTimer>

class DeviceJournal;
class DeviceRegistry;

// The lifecycle of every device the lab knows, enforced by lifecycle::canTransition, journaled
// (device.lifecycle), mirrored into DeviceRegistry (DeviceInfo::lifecycle) and persisted in
// <data>/lifecycle.json (0600: it holds the callback tokens).
//
// Why a data file and not lab.yaml: the state changes at run time, several times per install,
// driven by the devices themselves; writing lab.yaml that often would churn the user's
// hand-edited configuration (and its .bak), wake the config watcher and mix run-time state
// with intent. lab.yaml says *which* devices exist; lifecycle.json says where each one is.
//
// Callback tokens: every device has a random 256-bit token, embedded in the kernel command line
// / instructions it is served (metalboot.token=, ipa-inspection-callback-url=...?token=). The
// deploy environment presents it on every callback; a lab client that never got the device's
// boot files cannot forge its callbacks. A token lives for one stay in the deploy environment
// (discovered, ready, provisioning, failed, reprovision): it is replaced whenever the device
// leaves it (deployed, retired) and on re-enrolment, so a token seen during an earlier install is
// worthless afterwards, while an agent that is already running keeps a valid one.
class LifecycleManager : public QObject
{
    Q_OBJECT
public:
    struct Change
    {
        QDateTime time;
        lifecycle::State from = lifecycle::State::Discovered;
        lifecycle::State to = lifecycle::State::Discovered;
        QString reason;
        QString actor;       // "api", "agent", "config", "inspection", ...
    };
    struct Record
    {
        MacAddress mac;
        lifecycle::State state = lifecycle::State::Discovered;
        QString workflow;    // assigned workflow id (may be empty)
        QByteArray token;    // callback token (secret, never logged)
        QDateTime since;     // entered the current state
        QString lastError;   // the last install failure
        QJsonObject progress;
        int installs = 0;    // times it entered provisioning
        QList<Change> history;   // newest last, bounded
        [[nodiscard]] QJsonObject toJson(bool withSecrets) const;
    };
    static constexpr int MaxHistory = 50;

    LifecycleManager(DeviceRegistry *registry, DeviceJournal *journal, QObject *parent = nullptr);
    ~LifecycleManager() override;   // writes a pending save

    // Loads <path> (missing = empty). Records of devices the registry does not know are kept.
    bool open(const QString &path, QString *error = nullptr);
    [[nodiscard]] QString path() const { return m_path; }

    // Adopted devices in discovered state become ready; new ones get a record. Pushes every
    // state into the registry (which resets lifecycles on its own when the config changes).
    void applyConfig(const QList<DeviceConfig> &devices);

    [[nodiscard]] const Record *record(const MacAddress &mac) const;
    // The record, created in `initial` state (with a fresh token) if missing.
    const Record &ensure(const MacAddress &mac, lifecycle::State initial = lifecycle::State::Discovered);
    [[nodiscard]] lifecycle::State state(const MacAddress &mac) const;
    [[nodiscard]] QList<MacAddress> devices() const { return m_order; }

    // Enforced transition; on refusal returns false with the reason (see lifecycle::transitionError).
    // Entering provisioning needs an assigned workflow; leaving the deploy environment replaces
    // the token.
    bool transition(const MacAddress &mac, lifecycle::State to, const QString &reason, const QString &actor,
                    QString *error);
    // Assigning is refused while an install runs (provisioning).
    bool assignWorkflow(const MacAddress &mac, const QString &workflowId, const QString &actor, QString *error);
    void setProgress(const MacAddress &mac, const QJsonObject &progress);
    void setLastError(const MacAddress &mac, const QString &error);

    [[nodiscard]] QByteArray token(const MacAddress &mac) const;
    [[nodiscard]] bool verifyToken(const MacAddress &mac, const QByteArray &presented) const;
    QByteArray rotateToken(const MacAddress &mac);
    void remove(const MacAddress &mac);

    static QByteArray newToken();

Q_SIGNALS:
    void stateChanged(const MacAddress &mac, lifecycle::State from, lifecycle::State to);
    void recordChanged(const MacAddress &mac);

private:
    Record &insert(const MacAddress &mac, lifecycle::State initial);
    void save();
    // New and forgotten discovered devices are saved together a moment later: a flood of
    // DISCOVERs with new MACs must not rewrite (and fsync) the whole file twice per packet.
    void scheduleSave();
    // The coalesced saves write (and fsync) on a worker thread; one write at a time, and save()
    // waits for it, so a later state is never overwritten by an older one.
    void saveInBackground();
    [[nodiscard]] QByteArray serialize() const;
    void mirror(const Record &record);
    void journal(const Record &record, const Change &change);

    QPointer<DeviceRegistry> m_registry;
    QPointer<DeviceJournal> m_journal;
    QString m_path;
    QHash<MacAddress, Record> m_records;
    QList<MacAddress> m_order;
    QTimer m_saveTimer{this};
    QFuture<QString> m_background;
    bool m_backgroundAgain = false;
};
