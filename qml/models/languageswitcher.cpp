#include "languageswitcher.h"

#include "common/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QQmlEngine>

namespace {
const QString Prefix = QStringLiteral("metalboot_");
}

LanguageSwitcher::LanguageSwitcher(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
{
}

LanguageSwitcher::~LanguageSwitcher()
{
    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
}

void LanguageSwitcher::addEngine(QQmlEngine *engine)
{
    m_engines.append(engine);
}

QStringList LanguageSwitcher::available() const
{
    QStringList out;
    const QStringList files = QDir(m_directory).entryList({Prefix + QStringLiteral("*.qm")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        out.append(file.mid(Prefix.size(), file.size() - Prefix.size() - 3));
    return out;
}

bool LanguageSwitcher::setLanguage(const QString &code)
{
    // The system's preferred languages in order (QTranslator tries each, then their base
    // language: "de-AT" → "de"), or the chosen one.
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    const bool known = code.isEmpty() || available().contains(code);
    auto translator = std::make_unique<QTranslator>();
    if (!known || !translator->load(locale, QStringLiteral("metalboot"), QStringLiteral("_"), m_directory)) {
        if (!translator->load(Prefix + QStringLiteral("en"), m_directory)) {
            qCWarning(lcUi) << "no translation found in" << m_directory;
            translator.reset();
        }
    }
    const QString language = translator ? translator->language().section(QLatin1Char('_'), 0, 0) : QStringLiteral("en");

    if (m_translator)
        QCoreApplication::removeTranslator(m_translator.get());
    m_translator = std::move(translator);
    if (m_translator)
        QCoreApplication::installTranslator(m_translator.get());
    qCInfo(lcUi).noquote() << "user interface language:" << language << (code.isEmpty() ? "(system)" : "");

    for (const QPointer<QQmlEngine> &engine : std::as_const(m_engines)) {
        if (!engine)
            continue;
        engine->setUiLanguage(language);
        engine->retranslate();
    }
    m_language = language;
    Q_EMIT languageChanged();
    return known;
}
