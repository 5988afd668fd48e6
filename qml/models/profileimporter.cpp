#include "profileimporter.h"

#include "efi/firmwareservice.h"
#include "engine/labengine.h"
#include "labfacade.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

ProfileImporter::ProfileImporter(LabFacade *facade, LabEngine *engine, QObject *parent)
    : QObject(parent)
    , m_facade(facade)
    , m_engine(engine)
{
}

ProfileImporter::~ProfileImporter()
{
    if (m_watcher) {
        m_watcher->cancel();
        m_watcher->waitForFinished();   // the worker writes into the data dir: let it stop cleanly
    }
}

QString ProfileImporter::profileIdFor(const QString &fileName, const QStringList &taken)
{
    static const QRegularExpression unsafe(QStringLiteral("[^a-z0-9_.-]+"));
    QString base = QFileInfo(fileName).completeBaseName().toLower();
    if (base.endsWith(QLatin1String(".tar")))
        base.chop(4);
    base.replace(unsafe, QStringLiteral("-"));
    while (!base.isEmpty() && !base.front().isLetterOrNumber())
        base.remove(0, 1);
    base = base.left(56);
    while (base.endsWith(QLatin1Char('-')) || base.endsWith(QLatin1Char('.')))
        base.chop(1);
    if (base.isEmpty())
        base = QStringLiteral("profile");
    QString id = base;
    for (int n = 2; taken.contains(id, Qt::CaseInsensitive); ++n)
        id = QStringLiteral("%1-%2").arg(base).arg(n);
    return id;
}

void ProfileImporter::addProfile(LabConfig &config, const efi::ImportResult &result, const QString &name)
{
    for (ProfileConfig &p : config.profiles) {
        if (p.id != result.profile.id)
            continue;
        if (!result.profile.baseImage.isEmpty())
            p.baseImage = result.profile.baseImage;
        if (!result.profile.variablesJson.isEmpty())
            p.variablesJson = result.profile.variablesJson;
        if (!result.profile.bootFilesDir.isEmpty())
            p.bootFilesDir = result.profile.bootFilesDir;
        return;
    }
    ProfileConfig p = result.profile;
    if (p.name.isEmpty())
        p.name = name;
    config.profiles.append(p);
}

void ProfileImporter::importProfile(const QString &path, Progress progress, Done done)
{
    LabEngine *engine = m_engine;
    if (!engine) {
        done(false, tr("No lab is running."));
        return;
    }
    // Where profiles live and which ids are taken: asked on the engine thread.
    QPointer<ProfileImporter> self(this);
    const quint64 generation = ++m_generation;
    QMetaObject::invokeMethod(engine, [self, engine, path, progress, done, generation] {
        const QString dir = engine->firmware()->profilesDir();
        QStringList taken;
        for (const ProfileConfig &p : engine->config().profiles)
            taken.append(p.id);
        taken += QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        if (!self)
            return;
        QMetaObject::invokeMethod(self, [self, path, dir, taken, progress, done, generation] {
            if (!self)
                return;
            if (self->m_generation != generation)
                return done(false, tr("Import cancelled."));
            self->start(path, dir, taken, progress, done);
        });
    });
}

void ProfileImporter::start(const QString &path, const QString &profilesDir, const QStringList &taken, Progress progress,
                            Done done)
{
    const QString id = profileIdFor(QFileInfo(path).fileName(), taken);
    const QString name = QFileInfo(path).completeBaseName();
    QDir().mkpath(profilesDir);
    progress(0, tr("Reading %1").arg(QFileInfo(path).fileName()));
    m_watcher = new QFutureWatcher<efi::ImportResult>(this);
    auto *watcher = m_watcher;
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this, [progress, path](int value) {
        progress(value / 1000.0 * 0.9, tr("Reading %1").arg(QFileInfo(path).fileName()));
    });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, progress, done, id, name] {
        if (m_watcher == watcher)
            m_watcher = nullptr;
        watcher->deleteLater();
        if (watcher->isCanceled() || watcher->future().resultCount() == 0) {
            done(false, tr("Import cancelled."));
            return;
        }
        const efi::ImportResult result = watcher->result();
        if (!result.ok()) {
            done(false, result.error);
            return;
        }
        progress(0.95, tr("Adding profile %1 to the lab").arg(id));
        const QString summary = result.layout.isEmpty()
            ? tr("Profile %1 imported (%n variable(s)).", "", result.variables).arg(id)
            : tr("Profile %1 imported: %2, %n variable(s).", "", result.variables).arg(id, result.layout);
        m_facade->editConfigChecked(
            tr("The imported profile"),
            [result, name](LabConfig &c, QString *) {
                addProfile(c, result, name);
                return true;
            },
            [done, summary] { done(true, summary); },
            [done](const QString &why) { done(false, why); });
    });
    watcher->setFuture(efi::importFirmwareAsync(path, profilesDir, id));
}

void ProfileImporter::cancel()
{
    ++m_generation;
    if (m_watcher)
        m_watcher->cancel();
}
