#include "osupdetector.h"

#include "console/consoleline.h"
#include "devices/devicejournal.h"
#include "devices/deviceregistry.h"
#include "devices/journalkinds.h"

OsUpDetector::OsUpDetector(DeviceRegistry *registry, DeviceJournal *journal, QObject *parent)
    : QObject(parent)
    , m_registry(registry)
    , m_journal(journal)
{
}

void OsUpDetector::setPatterns(const QStringList &patterns)
{
    m_patterns.clear();
    for (const QString &p : patterns) {
        QRegularExpression re(p, QRegularExpression::CaseInsensitiveOption);
        if (re.isValid()) {
            re.optimize();
            m_patterns.append(re);
        }
    }
}

QString OsUpDetector::match(const QString &text) const
{
    for (const QRegularExpression &re : m_patterns)
        if (re.match(text).hasMatch())
            return re.pattern();
    return {};
}

void OsUpDetector::onLine(const ConsoleLine &line)
{
    if (!line.mac.isValid() || m_patterns.isEmpty())
        return;
    const DeviceInfo *device = m_registry ? m_registry->find(line.mac) : nullptr;
    if (device && device->stage == BootStage::OsUp)
        return;
    const QString pattern = match(line.text);
    if (pattern.isEmpty())
        return;
    if (m_journal) {
        JournalEvent e;
        e.mac = line.mac;
        e.client = line.source;
        e.source = QStringLiteral("console");
        e.kind = QString::fromLatin1(journalkind::OsUp);
        e.stage = BootStage::OsUp;
        e.message = QStringLiteral("operating system up (%1): %2").arg(line.origin, line.text.left(200));
        e.data.insert(QStringLiteral("pattern"), pattern);
        e.data.insert(QStringLiteral("origin"), line.origin);
        e.data.insert(QStringLiteral("line"), line.text.left(200));
        m_journal->append(e);
    }
    Q_EMIT osUp(line.mac, line.text);
}
