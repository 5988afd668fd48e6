#pragma once

#include <QObject>
#include <QSettings>
#include <QtQml/qqmlregistration.h>

#include <memory>

// Desktop preferences (QSettings): whether the lab keeps running in the tray when the window
// closes, whether the first-run wizard was completed or dismissed, and the user interface
// language ("" = the system's, else "en", "de", "fr", ...).
class UiSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(bool keepRunningInTray READ keepRunningInTray WRITE setKeepRunningInTray NOTIFY keepRunningInTrayChanged)
    Q_PROPERTY(bool firstRunDone READ firstRunDone WRITE setFirstRunDone NOTIFY firstRunDoneChanged)
    Q_PROPERTY(bool trayAvailable READ trayAvailable CONSTANT)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
public:
    // `file` empty = the application's standard settings.
    explicit UiSettings(const QString &file = {}, bool trayAvailable = false, QObject *parent = nullptr);

    [[nodiscard]] bool keepRunningInTray() const;
    void setKeepRunningInTray(bool keep);
    [[nodiscard]] bool firstRunDone() const;
    void setFirstRunDone(bool done);
    [[nodiscard]] bool trayAvailable() const { return m_trayAvailable; }
    [[nodiscard]] QString language() const;
    void setLanguage(const QString &language);

Q_SIGNALS:
    void keepRunningInTrayChanged();
    void firstRunDoneChanged();
    void languageChanged();

private:
    std::unique_ptr<QSettings> m_settings;
    bool m_trayAvailable;
};
