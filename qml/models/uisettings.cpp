#include "uisettings.h"

UiSettings::UiSettings(const QString &file, bool trayAvailable, QObject *parent)
    : QObject(parent)
    , m_settings(file.isEmpty() ? std::make_unique<QSettings>() : std::make_unique<QSettings>(file, QSettings::IniFormat))
    , m_trayAvailable(trayAvailable)
{
}

bool UiSettings::keepRunningInTray() const
{
    return m_trayAvailable && m_settings->value(QStringLiteral("ui/keepRunningInTray"), true).toBool();
}

void UiSettings::setKeepRunningInTray(bool keep)
{
    if (keep == keepRunningInTray())
        return;
    m_settings->setValue(QStringLiteral("ui/keepRunningInTray"), keep);
    Q_EMIT keepRunningInTrayChanged();
}

bool UiSettings::firstRunDone() const
{
    return m_settings->value(QStringLiteral("ui/firstRunDone"), false).toBool();
}

void UiSettings::setFirstRunDone(bool done)
{
    if (done == firstRunDone())
        return;
    m_settings->setValue(QStringLiteral("ui/firstRunDone"), done);
    Q_EMIT firstRunDoneChanged();
}

QString UiSettings::language() const
{
    return m_settings->value(QStringLiteral("ui/language")).toString();
}

void UiSettings::setLanguage(const QString &language)
{
    if (language == this->language())
        return;
    if (language.isEmpty())
        m_settings->remove(QStringLiteral("ui/language"));
    else
        m_settings->setValue(QStringLiteral("ui/language"), language);
    Q_EMIT languageChanged();
}
