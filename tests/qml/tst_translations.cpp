// The translations stay complete: lupdate runs over the same sources as the metalboot_lupdate
// target, into temporary copies of translations/*.ts (the tracked files are never written), and
// the test fails on any string lupdate finds that the .ts files do not have yet (or no longer
// need), on any German or French message that is unfinished or empty, and on a translation
// whose placeholders (%1, %n, ...) differ from its source.
//
// To fix a failure: `ninja -C build metalboot_lupdate`, then translate what
// `scripts/translations.py unfinished translations/metalboot_<lang>.ts` lists (docs/translations.md).
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

namespace {

struct Message
{
    bool numerus = false;
    QString type;            // "", "unfinished", "vanished", "obsolete"
    QStringList forms;       // the translation (one form, or one per plural form)
};

// (context, source, disambiguation) → message
using Key = std::tuple<QString, QString, QString>;
using Catalog = QMap<Key, Message>;

QString describe(const Key &key)
{
    return QStringLiteral("  [%1] \"%2\"%3")
        .arg(std::get<0>(key), std::get<1>(key).left(100).replace(QLatin1Char('\n'), QLatin1String("\\n")),
             std::get<2>(key).isEmpty() ? QString() : QStringLiteral(" (%1)").arg(std::get<2>(key)));
}

bool readCatalog(const QString &path, Catalog *out, QString *language, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return false;
    }
    QXmlStreamReader xml(&f);
    QString context;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("TS")) {
            *language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            Message m;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            QString source, comment;
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("source")) {
                    source = xml.readElementText();
                } else if (xml.name() == QLatin1String("comment")) {
                    comment = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    m.type = xml.attributes().value(QLatin1String("type")).toString();
                    if (m.numerus) {
                        while (xml.readNextStartElement()) {
                            if (xml.name() == QLatin1String("numerusform"))
                                m.forms.append(xml.readElementText());
                            else
                                xml.skipCurrentElement();
                        }
                    } else {
                        m.forms.append(xml.readElementText());
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            out->insert({context, source, comment}, m);
        }
    }
    if (xml.hasError()) {
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
        return false;
    }
    return true;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(?:n|L?[1-9][0-9]?)"));
    QSet<QString> out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out.insert(it.next().captured());
    return out;
}

QByteArray fileHash(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QStringList m_tracked;   // translations/*.ts as the build knows them
    QMap<QString, QByteArray> m_hashes;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The project file of the metalboot_lupdate target (sources, include paths, .ts files).
        const QString projectJson = m_dir.filePath(QStringLiteral("project.json"));
        QProcess cmake;
        cmake.start(QStringLiteral(CMAKE_COMMAND),
                    {QStringLiteral("-DIN_FILE=" LUPDATE_PROJECT), QStringLiteral("-DOUT_FILE=") + projectJson,
                     QStringLiteral("-P"), QStringLiteral(GENERATE_LUPDATE_PROJECT)});
        QVERIFY2(cmake.waitForFinished(60000), "cmake -P GenerateLUpdateProject.cmake did not finish");
        QVERIFY2(cmake.exitCode() == 0, cmake.readAllStandardError().constData());
        QFile f(projectJson);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonObject project = QJsonDocument::fromJson(f.readAll()).object();
        f.close();
        QJsonArray copies;
        for (const QJsonValue &v : project.value(QLatin1String("translations")).toArray()) {
            const QString ts = v.toString();
            m_tracked.append(ts);
            m_hashes.insert(ts, fileHash(ts));
            const QString copy = m_dir.filePath(QFileInfo(ts).fileName());
            QVERIFY2(QFile::copy(ts, copy), qPrintable(ts));
            QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
            copies.append(copy);
        }
        QVERIFY2(m_tracked.size() >= 3, "the project lists fewer than three .ts files");
        QVERIFY(project.value(QLatin1String("sources")).toArray().size() > 50);
        project.insert(QStringLiteral("translations"), copies);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(project).toJson());
        f.close();

        // Same options as the metalboot_lupdate target. A hang (lupdate's C++ parser and template
        // arguments inside tr()) fails here instead of timing out the suite.
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(LUPDATE),
                      {QStringLiteral("-project"), projectJson, QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                       QStringLiteral("none")});
        if (!lupdate.waitForFinished(90000)) {
            lupdate.kill();
            lupdate.waitForFinished();
            QFAIL("lupdate did not finish within 90 s (a template argument inside tr()/translate()?)");
        }
        const QByteArray output = lupdate.readAll();
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, output.constData());
        // Warnings about our sources (not Qt's headers): tr() outside a Q_OBJECT class and the like.
        QStringList warnings;
        for (const QByteArray &line : output.split('\n'))
            if (line.startsWith(PROJECT_SOURCE_DIR))
                warnings.append(QString::fromUtf8(line));
        QVERIFY2(warnings.isEmpty(), qPrintable(QStringLiteral("lupdate warnings:\n") + warnings.join(QLatin1Char('\n'))));
    }

    void cleanupTestCase()
    {
        // The tracked files were read, never written.
        for (const QString &ts : std::as_const(m_tracked))
            QCOMPARE(fileHash(ts), m_hashes.value(ts));
    }

    void upToDate_data()
    {
        QTest::addColumn<QString>("tracked");
        for (const QString &ts : std::as_const(m_tracked))
            QTest::newRow(qPrintable(QFileInfo(ts).fileName())) << ts;
    }

    // lupdate finds exactly the strings the .ts file has: no new one, none vanished.
    void upToDate()
    {
        QFETCH(QString, tracked);
        Catalog before, after;
        QString language, error;
        QVERIFY2(readCatalog(tracked, &before, &language, &error), qPrintable(error));
        QVERIFY2(readCatalog(m_dir.filePath(QFileInfo(tracked).fileName()), &after, &language, &error), qPrintable(error));
        QVERIFY(after.size() > 100);
        QStringList added, vanished;
        for (auto it = after.cbegin(); it != after.cend(); ++it)
            if (!before.contains(it.key()))
                added.append(describe(it.key()));
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            if (!after.contains(it.key()) || it->type == QLatin1String("vanished") || it->type == QLatin1String("obsolete"))
                vanished.append(describe(it.key()));
        QString report;
        if (!added.isEmpty())
            report += QStringLiteral("%1 new string(s) not in %2 yet (run the metalboot_lupdate target):\n%3\n")
                          .arg(added.size())
                          .arg(QFileInfo(tracked).fileName(), added.join(QLatin1Char('\n')));
        if (!vanished.isEmpty())
            report += QStringLiteral("%1 string(s) in %2 no longer in the sources (run the metalboot_lupdate target):\n%3\n")
                          .arg(vanished.size())
                          .arg(QFileInfo(tracked).fileName(), vanished.join(QLatin1Char('\n')));
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }

    void complete_data()
    {
        QTest::addColumn<QString>("tracked");
        QTest::addColumn<int>("pluralForms");
        QTest::addColumn<bool>("pluralsOnly");
        // German and French both have two plural forms (French: 0 and 1 are singular). English
        // is the source language: only its plural forms ("1 device", "2 devices") are needed.
        for (const QString &ts : std::as_const(m_tracked)) {
            const QString name = QFileInfo(ts).fileName();
            if (name == QLatin1String("metalboot_de.ts") || name == QLatin1String("metalboot_fr.ts"))
                QTest::newRow(qPrintable(name)) << ts << 2 << false;
            else if (name == QLatin1String("metalboot_en.ts"))
                QTest::newRow(qPrintable(name)) << ts << 2 << true;
        }
    }

    // Every German and French message is translated (every English plural), with the source's
    // placeholders.
    void complete()
    {
        QFETCH(QString, tracked);
        QFETCH(int, pluralForms);
        QFETCH(bool, pluralsOnly);
        Catalog catalog;
        QString language, error;
        QVERIFY2(readCatalog(tracked, &catalog, &language, &error), qPrintable(error));
        QVERIFY(!language.isEmpty());
        QStringList unfinished, broken;
        for (auto it = catalog.cbegin(); it != catalog.cend(); ++it) {
            const Message &m = *it;
            if (pluralsOnly && !m.numerus)
                continue;
            const bool empty = m.forms.isEmpty() || std::any_of(m.forms.cbegin(), m.forms.cend(), [](const QString &f) {
                return f.trimmed().isEmpty();
            });
            if (!m.type.isEmpty() || empty || (m.numerus && m.forms.size() != pluralForms)) {
                unfinished.append(describe(it.key()));
                continue;
            }
            const QSet<QString> wanted = placeholders(std::get<1>(it.key()));
            for (const QString &form : m.forms) {
                // Every plural form keeps %n (French uses its first form for 0 and 1).
                if (placeholders(form) != wanted) {
                    broken.append(describe(it.key()) + QStringLiteral(" → \"%1\"").arg(form.left(100)));
                    break;
                }
            }
        }
        QString report;
        if (!unfinished.isEmpty())
            report += QStringLiteral("%1 of %2 message(s) unfinished or empty in %3:\n%4\n")
                          .arg(unfinished.size())
                          .arg(catalog.size())
                          .arg(QFileInfo(tracked).fileName(), unfinished.join(QLatin1Char('\n')));
        if (!broken.isEmpty())
            report += QStringLiteral("%1 translation(s) whose placeholders differ from the source in %2:\n%3\n")
                          .arg(broken.size())
                          .arg(QFileInfo(tracked).fileName(), broken.join(QLatin1Char('\n')));
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
