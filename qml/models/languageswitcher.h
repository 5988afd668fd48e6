#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTranslator>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QQmlEngine;

// Installs the application's translator (metalboot_<lang>.qm) and switches it at run time:
// the new translator replaces the old one, every registered QML engine re-evaluates its qsTr()
// bindings (QQmlEngine::retranslate()), then languageChanged() lets C++ models that cache text
// rebuild it. The language follows the system unless one is chosen ("en", "de", "fr").
class LanguageSwitcher : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created by the application")
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
public:
    // `directory`: where the .qm files are (the embedded ":/i18n" in the application).
    explicit LanguageSwitcher(const QString &directory = QStringLiteral(":/i18n"), QObject *parent = nullptr);
    ~LanguageSwitcher() override;

    // Engines whose bindings are re-evaluated on a switch (not owned).
    void addEngine(QQmlEngine *engine);

    // `code` empty = the system's language. Falls back to English when no translation matches;
    // returns false (and keeps English) if `code` names a language that has no translation.
    bool setLanguage(const QString &code);
    // The language in use: "en", "de", "fr", ...
    [[nodiscard]] QString language() const { return m_language; }
    // Languages with a translation in `directory`, e.g. {"de", "en", "fr"}.
    [[nodiscard]] QStringList available() const;

Q_SIGNALS:
    void languageChanged();

private:
    QString m_directory;
    QString m_language;
    std::unique_ptr<QTranslator> m_translator;
    QList<QPointer<QQmlEngine>> m_engines;
};
