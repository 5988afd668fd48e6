#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <functional>

// Imports firmware profiles (an RPI_EFI.fd, a virt-fw-vars .json, a pftf release .zip) through the
// UEFI engine (ProfileImporter); callbacks must be invoked on the thread of the ImportController.
class ProfileImportBackend
{
public:
    using Progress = std::function<void(double fraction, const QString &step)>;
    using Done = std::function<void(bool ok, const QString &message)>;
    virtual ~ProfileImportBackend() = default;
    virtual void importProfile(const QString &path, Progress progress, Done done) = 0;
    // Stops the import in progress (its done() then reports the cancellation).
    virtual void cancel() {}
};

// What the window's drop area talks to: accepts dropped files, queues them to the backend one
// after the other and publishes progress. Without a backend it is unavailable and says why.
class ImportController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by Lab.importer")
    Q_PROPERTY(bool available READ isAvailable NOTIFY availableChanged)
    Q_PROPERTY(QString unavailableReason READ unavailableReason NOTIFY availableChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY progressChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString currentFile READ currentFile NOTIFY progressChanged)
    Q_PROPERTY(QString step READ step NOTIFY progressChanged)
    Q_PROPERTY(int queued READ queued NOTIFY progressChanged)
public:
    explicit ImportController(QObject *parent = nullptr);

    void setBackend(ProfileImportBackend *backend);
    [[nodiscard]] bool isAvailable() const { return m_backend != nullptr; }
    [[nodiscard]] QString unavailableReason() const;
    [[nodiscard]] bool isBusy() const { return !m_current.isEmpty(); }
    [[nodiscard]] double progress() const { return m_progress; }
    [[nodiscard]] QString currentFile() const;
    [[nodiscard]] QString step() const { return m_step; }
    [[nodiscard]] int queued() const { return int(m_queue.size()); }

    // Local files with an importable extension (.fd, .json, .zip), as paths.
    Q_INVOKABLE QStringList importableFiles(const QList<QUrl> &urls) const;
    Q_INVOKABLE bool canImport(const QList<QUrl> &urls) const { return !importableFiles(urls).isEmpty(); }
    // Queues the importable files; false (and nothing queued) if unavailable or none importable.
    Q_INVOKABLE bool requestImport(const QList<QUrl> &urls);
    // Drops the queue and cancels the file being imported.
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void availableChanged();
    void progressChanged();
    void importRequested(const QStringList &paths);
    void finished(const QString &path, bool ok, const QString &message);

private:
    void next();

    ProfileImportBackend *m_backend = nullptr;
    QStringList m_queue;
    QString m_current;
    double m_progress = 0;
    QString m_step;
    quint64 m_generation = 0;
};
