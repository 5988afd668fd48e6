#include "importcontroller.h"

#include <QFileInfo>

ImportController::ImportController(QObject *parent)
    : QObject(parent)
{
}

void ImportController::setBackend(ProfileImportBackend *backend)
{
    if (backend == m_backend)
        return;
    m_backend = backend;
    ++m_generation;   // callbacks of a former backend are ignored
    m_queue.clear();
    m_current.clear();
    m_progress = 0;
    Q_EMIT availableChanged();
    Q_EMIT progressChanged();
}

QString ImportController::unavailableReason() const
{
    return m_backend ? QString()
                     : tr("Importing firmware profiles needs a running lab.");
}

QString ImportController::currentFile() const
{
    return m_current.isEmpty() ? QString() : QFileInfo(m_current).fileName();
}

QStringList ImportController::importableFiles(const QList<QUrl> &urls) const
{
    QStringList out;
    for (const QUrl &url : urls) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        const QString suffix = QFileInfo(path).suffix().toLower();
        if (suffix == QLatin1String("fd") || suffix == QLatin1String("json") || suffix == QLatin1String("zip"))
            out.append(path);
    }
    return out;
}

bool ImportController::requestImport(const QList<QUrl> &urls)
{
    const QStringList files = importableFiles(urls);
    if (!m_backend || files.isEmpty())
        return false;
    m_queue += files;
    Q_EMIT importRequested(files);
    if (!isBusy())
        next();
    else
        Q_EMIT progressChanged();
    return true;
}

void ImportController::cancel()
{
    m_queue.clear();
    if (isBusy() && m_backend)
        m_backend->cancel();
    Q_EMIT progressChanged();
}

void ImportController::next()
{
    if (m_queue.isEmpty() || !m_backend) {
        m_current.clear();
        m_progress = 0;
        m_step.clear();
        Q_EMIT progressChanged();
        return;
    }
    m_current = m_queue.takeFirst();
    m_progress = 0;
    m_step.clear();
    Q_EMIT progressChanged();
    const quint64 generation = m_generation;
    const QString path = m_current;
    QPointer<ImportController> self(this);
    m_backend->importProfile(
        path,
        [self, generation](double fraction, const QString &step) {
            if (!self || self->m_generation != generation)
                return;
            self->m_progress = qBound(0.0, fraction, 1.0);
            self->m_step = step;
            Q_EMIT self->progressChanged();
        },
        [self, generation, path](bool ok, const QString &message) {
            if (!self || self->m_generation != generation)
                return;
            Q_EMIT self->finished(path, ok, message);
            self->next();
        });
}
