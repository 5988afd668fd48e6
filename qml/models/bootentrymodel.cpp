#include "bootentrymodel.h"

#include "common/macaddress.h"

#include <QPointer>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

BootEntryModel::BootEntryModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int BootEntryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

static QString kindName(BootEntry::Kind k)
{
    switch (k) {
    case BootEntry::Kind::Pxe: return QStringLiteral("pxe");
    case BootEntry::Kind::Http: return QStringLiteral("http");
    case BootEntry::Kind::Disk: return QStringLiteral("disk");
    case BootEntry::Kind::Other: break;
    }
    return QStringLiteral("other");
}

QVariant BootEntryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case DescriptionRole: return r.entry.description;
    case NumberRole: return QString(QStringLiteral("Boot") + hex(r.entry.number));
    case DevicePathRole: return r.entry.devicePath;
    case ActiveRole: return r.entry.active;
    case InOrderRole: return r.inOrder;
    case BootNextRole: return m_bootNext && *m_bootNext == r.entry.number;
    case KindRole: return kindName(r.entry.kind);
    case ChangedRole: {
        const auto it = std::find_if(m_original.entries.cbegin(), m_original.entries.cend(),
                                     [&r](const BootEntry &e) { return e.number == r.entry.number; });
        return it == m_original.entries.cend() || !(*it == r.entry);
    }
    default: break;
    }
    return {};
}

QHash<int, QByteArray> BootEntryModel::roleNames() const
{
    return {{NumberRole, "number"}, {DescriptionRole, "description"}, {DevicePathRole, "devicePath"}, {ActiveRole, "active"},
            {InOrderRole, "inOrder"}, {BootNextRole, "isBootNext"}, {KindRole, "kind"}, {ChangedRole, "changed"}};
}

void BootEntryModel::setConfiguration(const QString &target, const BootConfiguration &configuration)
{
    beginResetModel();
    m_original = configuration;
    m_rows.clear();
    // BootOrder first (ignoring numbers without an entry), then the other entries by number.
    QList<BootEntry> rest = configuration.entries;
    for (quint16 n : configuration.order) {
        const auto it = std::find_if(rest.begin(), rest.end(), [n](const BootEntry &e) { return e.number == n; });
        if (it == rest.end())
            continue;
        m_rows.append(Row{*it, true});
        rest.erase(it);
    }
    std::sort(rest.begin(), rest.end(), [](const BootEntry &a, const BootEntry &b) { return a.number < b.number; });
    for (const auto &e : rest)
        m_rows.append(Row{e, false});
    m_bootNext = configuration.bootNext;
    m_timeout = configuration.timeoutSeconds;
    m_undo.clear();
    endResetModel();
    // The original, normalised (order without dangling numbers) so an unedited model is not dirty.
    m_original = this->configuration();
    if (target != m_target) {
        m_target = target;
        Q_EMIT targetChanged();
    }
    Q_EMIT countChanged();
    Q_EMIT editsChanged();
}

BootConfiguration BootEntryModel::configuration() const
{
    BootConfiguration c;
    for (const Row &r : m_rows) {
        c.entries.append(r.entry);
        if (r.inOrder)
            c.order.append(r.entry.number);
    }
    std::sort(c.entries.begin(), c.entries.end(), [](const BootEntry &a, const BootEntry &b) { return a.number < b.number; });
    c.bootNext = m_bootNext;
    c.timeoutSeconds = m_timeout;
    return c;
}

void BootEntryModel::setBackend(BootConfigurationBackend *backend)
{
    if (backend == m_backend)
        return;
    m_backend = backend;
    Q_EMIT applyAvailableChanged();
}

QString BootEntryModel::applyUnavailableReason() const
{
    return m_backend ? QString() : tr("Applying boot entries needs a running lab.");
}

void BootEntryModel::setPermissions(const QString &entriesLockedReason, const QString &bootNextLockedReason)
{
    if (entriesLockedReason == m_entriesLocked && bootNextLockedReason == m_bootNextLocked)
        return;
    m_entriesLocked = entriesLockedReason;
    m_bootNextLocked = bootNextLockedReason;
    Q_EMIT permissionsChanged();
}

int BootEntryModel::bootNextRow() const
{
    if (!m_bootNext)
        return -1;
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).entry.number == *m_bootNext)
            return i;
    return -1;
}

void BootEntryModel::remember()
{
    m_undo.append(Snapshot{m_rows, m_bootNext, m_timeout});
    if (m_undo.size() > 100)
        m_undo.removeFirst();
}

void BootEntryModel::edited()
{
    Q_EMIT editsChanged();
}

void BootEntryModel::setTimeout(int seconds)
{
    seconds = qBound(0, seconds, 0xFFFF);
    if (seconds == m_timeout || !entriesEditable())
        return;
    remember();
    m_timeout = seconds;
    edited();
}

bool BootEntryModel::move(int from, int to)
{
    if (from < 0 || from >= count() || to < 0 || to >= count() || from == to || !entriesEditable())
        return false;
    remember();
    // beginMoveRows wants the destination as "insert before" in the pre-move numbering.
    beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
    m_rows.move(from, to);
    endMoveRows();
    // Rows placed among ordered rows join BootOrder.
    Row &moved = m_rows[to];
    const bool neighbourOrdered = (to > 0 && m_rows.at(to - 1).inOrder) || (to + 1 < count() && m_rows.at(to + 1).inOrder);
    if (!moved.inOrder && neighbourOrdered) {
        moved.inOrder = true;
        Q_EMIT dataChanged(index(to), index(to), {InOrderRole});
    }
    edited();
    return true;
}

void BootEntryModel::setActive(int row, bool active)
{
    if (row < 0 || row >= count() || m_rows.at(row).entry.active == active || !entriesEditable())
        return;
    remember();
    m_rows[row].entry.active = active;
    Q_EMIT dataChanged(index(row), index(row), {ActiveRole, ChangedRole});
    edited();
}

void BootEntryModel::setDescription(int row, const QString &description)
{
    const QString d = description.trimmed().left(200);
    if (row < 0 || row >= count() || d.isEmpty() || m_rows.at(row).entry.description == d || !entriesEditable())
        return;
    remember();
    m_rows[row].entry.description = d;
    Q_EMIT dataChanged(index(row), index(row), {DescriptionRole, ChangedRole});
    edited();
}

void BootEntryModel::setBootNext(int row)
{
    const std::optional<quint16> next = row >= 0 && row < count() ? std::optional<quint16>(m_rows.at(row).entry.number) : std::nullopt;
    if (next == m_bootNext || !bootNextEditable())
        return;
    remember();
    const int before = bootNextRow();
    m_bootNext = next;
    if (before >= 0)
        Q_EMIT dataChanged(index(before), index(before), {BootNextRole});
    if (row >= 0 && row < count())
        Q_EMIT dataChanged(index(row), index(row), {BootNextRole});
    edited();
}

quint16 BootEntryModel::freeNumber() const
{
    for (quint16 n = 0;; ++n) {
        const bool used = std::any_of(m_rows.cbegin(), m_rows.cend(), [n](const Row &r) { return r.entry.number == n; })
            || std::any_of(m_original.entries.cbegin(), m_original.entries.cend(), [n](const BootEntry &e) { return e.number == n; });
        if (!used)
            return n;
    }
}

QString BootEntryModel::macHex(const QString &mac)
{
    const auto m = MacAddress::parse(mac);
    return m ? m->toHexUpper() : QString();
}

int BootEntryModel::addEntry(const BootEntry &entry)
{
    if (count() >= 0xFFFF || !entriesEditable())
        return -1;
    remember();
    // After the last ordered row.
    int at = 0;
    while (at < count() && m_rows.at(at).inOrder)
        ++at;
    beginInsertRows({}, at, at);
    m_rows.insert(at, Row{entry, true});
    endInsertRows();
    Q_EMIT countChanged();
    edited();
    return at;
}

// EDK2 DevicePathToText forms of a PXE / HTTP boot over the device's NIC; the firmware engine
// builds the binary device path from the same parts.
int BootEntryModel::addPxeEntry(const QString &mac)
{
    const QString hexMac = macHex(mac);
    if (hexMac.isEmpty())
        return -1;
    BootEntry e;
    e.number = freeNumber();
    e.kind = BootEntry::Kind::Pxe;
    e.description = QStringLiteral("UEFI PXEv4 (MAC:%1)").arg(hexMac);
    e.devicePath = QStringLiteral("MAC(%1,0x1)/IPv4(0.0.0.0,0x0,DHCP,0.0.0.0,0.0.0.0,0.0.0.0)").arg(hexMac);
    return addEntry(e);
}

int BootEntryModel::addHttpEntry(const QString &mac, const QString &uri)
{
    const QString hexMac = macHex(mac);
    const QUrl url(uri.trimmed(), QUrl::StrictMode);
    if (hexMac.isEmpty() || !url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty())
        return -1;
    BootEntry e;
    e.number = freeNumber();
    e.kind = BootEntry::Kind::Http;
    e.description = QStringLiteral("UEFI HTTPv4 (MAC:%1)").arg(hexMac);
    e.devicePath = QStringLiteral("MAC(%1,0x1)/IPv4(0.0.0.0,0x0,DHCP,0.0.0.0,0.0.0.0,0.0.0.0)/Uri(%2)")
                       .arg(hexMac, url.toString(QUrl::FullyEncoded));
    return addEntry(e);
}

int BootEntryModel::addDiskEntry(const QString &description, const QString &devicePath)
{
    const QString d = description.trimmed().left(200);
    QString p = devicePath.trimmed();
    p.replace(QLatin1Char('/'), QLatin1Char('\\'));
    if (!p.startsWith(QLatin1Char('\\')))
        p.prepend(QLatin1Char('\\'));
    // A file-path entry: the firmware looks for the loader on every disk (edk2 expands
    // short-form file paths).
    static const QRegularExpression valid(QStringLiteral("^(\\\\[A-Za-z0-9._ -]+)+$"));
    if (d.isEmpty() || p.size() > 255 || !valid.match(p).hasMatch())
        return -1;
    BootEntry e;
    e.number = freeNumber();
    e.kind = BootEntry::Kind::Disk;
    e.description = d;
    e.devicePath = p;
    return addEntry(e);
}

void BootEntryModel::removeEntry(int row)
{
    if (row < 0 || row >= count() || !entriesEditable())
        return;
    remember();
    const quint16 number = m_rows.at(row).entry.number;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
    if (m_bootNext == number)
        m_bootNext.reset();
    Q_EMIT countChanged();
    edited();
}

void BootEntryModel::restore(const Snapshot &s)
{
    // Undo restores a whole state (one edit back): rows may have moved, been added or removed.
    beginResetModel();
    m_rows = s.rows;
    m_bootNext = s.bootNext;
    m_timeout = s.timeout;
    endResetModel();
    Q_EMIT countChanged();
    edited();
}

void BootEntryModel::undo()
{
    if (m_undo.isEmpty())
        return;
    restore(m_undo.takeLast());
}

void BootEntryModel::revert()
{
    if (!isDirty())
        return;
    remember();
    const QString target = m_target;
    const auto undo = m_undo;
    setConfiguration(target, m_original);
    m_undo = undo;   // revert itself can be undone
    edited();
}

QStringList BootEntryModel::diff() const
{
    QStringList out;
    const BootConfiguration now = configuration();
    auto orderText = [](const QList<quint16> &order) {
        QStringList parts;
        for (quint16 n : order)
            parts.append(hex(n));
        return parts.isEmpty() ? tr("(empty)") : parts.join(QStringLiteral(", "));
    };
    if (now.order != m_original.order)
        out << tr("BootOrder: %1 → %2").arg(orderText(m_original.order), orderText(now.order));
    for (const BootEntry &e : now.entries) {
        const auto it = std::find_if(m_original.entries.cbegin(), m_original.entries.cend(),
                                     [&e](const BootEntry &o) { return o.number == e.number; });
        const QString name = QStringLiteral("Boot") + hex(e.number);
        if (it == m_original.entries.cend()) {
            out << tr("%1 added: \"%2\" %3").arg(name, e.description, e.devicePath);
            continue;
        }
        if (it->description != e.description)
            out << tr("%1 description: \"%2\" → \"%3\"").arg(name, it->description, e.description);
        if (it->active != e.active)
            out << (e.active ? tr("%1 activated").arg(name) : tr("%1 deactivated").arg(name));
    }
    for (const BootEntry &o : m_original.entries)
        if (std::none_of(now.entries.cbegin(), now.entries.cend(), [&o](const BootEntry &e) { return e.number == o.number; }))
            out << tr("Boot%1 removed (\"%2\")").arg(hex(o.number), o.description);
    if (now.bootNext != m_original.bootNext)
        out << tr("BootNext: %1 → %2")
                   .arg(m_original.bootNext ? hex(*m_original.bootNext) : tr("none"), now.bootNext ? hex(*now.bootNext) : tr("none"));
    if (now.timeoutSeconds != m_original.timeoutSeconds)
        out << tr("Timeout: %1 s → %2 s").arg(m_original.timeoutSeconds).arg(now.timeoutSeconds);
    return out;
}

void BootEntryModel::apply()
{
    if (!m_backend || m_applying || !isDirty())
        return;
    m_applying = true;
    Q_EMIT applyingChanged();
    const BootConfiguration wanted = configuration();
    QPointer<BootEntryModel> self(this);
    m_backend->apply(m_target, wanted, [self, wanted](bool ok, const QString &message) {
        if (!self)
            return;
        self->m_applying = false;
        Q_EMIT self->applyingChanged();
        if (ok) {
            // What the firmware now holds is the new original.
            self->setConfiguration(self->m_target, wanted);
        }
        Q_EMIT self->applied(ok, message);
    });
}
