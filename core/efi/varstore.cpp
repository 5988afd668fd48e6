#include "varstore.h"

#include "efibytes.h"
#include "efiguid.h"

#include <QHash>

#include <cstring>

namespace efi {

namespace {

constexpr quint16 StartId = 0x55aa;
constexpr quint8 VarAdded = 0x3f;
constexpr quint8 VarAddedInTransition = 0x3e;

QString hex(quint64 v)
{
    return QStringLiteral("0x") + QString::number(v, 16);
}

// Bits are only ever cleared: 0x80 header valid, 0x40 added, 0x02 deleted, 0x01 in deleted
// transition. Bits 2..5 are never touched, and "added" implies "header valid".
bool isValidState(quint8 s)
{
    if ((s & 0x3c) != 0x3c)
        return false;
    const quint8 top = s & 0xc0;
    return top == 0x40 || top == 0x00;
}

VariableRecord::Status classify(quint8 s)
{
    if ((s & 0xc0) == 0x40)
        return VariableRecord::Status::HeaderOnly;
    if (s == VarAdded || s == VarAddedInTransition)
        return VariableRecord::Status::Live;
    return VariableRecord::Status::Deleted;
}

StoreLimits defaultLimits(const StoreLayout &layout)
{
    // RPi4.dsc and OVMF 2M: 0x2000 / 0x2800. OVMF 4M builds raise both to 0x8400.
    if (layout.storeSize > 0xe000)
        return {0x8400, 0x8400};
    return {0x2000, 0x2800};
}

bool isAuthWrite(quint32 attributes)
{
    return attributes & (attr::AuthenticatedWriteAccess | attr::TimeBasedAuthenticatedWriteAccess);
}

} // namespace

Result<VarStore> VarStore::parse(const QByteArray &image)
{
    auto layout = locateStore(image);
    if (!layout.ok())
        return Result<VarStore>::failure(layout.error());
    return parseWithLayout(image, layout.value());
}

Result<VarStore> VarStore::parseWithLayout(const QByteArray &image, const StoreLayout &layout)
{
    VarStore store;
    store.m_image = image;
    store.m_layout = layout;
    store.m_limits = defaultLimits(layout);
    const bool auth = layout.isAuthenticated();
    const qsizetype hdr = layout.variableHeaderSize();
    const qsizetype end = layout.variablesEnd();
    const char *base = image.constData();

    // Pass 1: walk the records (IsValidVariableHeader: stop at the first StartId != 0x55AA).
    struct Raw
    {
        qsizetype offset;
        quint8 state;
        const char *name;
        quint32 nameSize;
        quint32 dataSize;
        qsizetype dataOffset;
    };
    QList<Raw> raws;
    qsizetype pos = layout.variablesBegin();
    while (pos + hdr <= end) {
        const char *h = base + pos;
        if (le16(h) != StartId)
            break;
        const quint8 state = quint8(h[2]);
        const quint32 attributes = le32(h + 4);
        const quint32 nameSize = le32(h + (auth ? 36 : 8));
        const quint32 dataSize = le32(h + (auth ? 40 : 12));
        const QUuid guid = guidFromBytes(h + (auth ? 44 : 16));
        if (quint64(nameSize) + quint64(dataSize) > quint64(end - pos - hdr))
            return Result<VarStore>::failure(QStringLiteral("variable record at %1 (state %2) claims %3 name and %4 data bytes, "
                                                            "which runs past the end of the store at %5")
                                                 .arg(hex(quint64(pos)), hex(state), QString::number(nameSize),
                                                      QString::number(dataSize), hex(quint64(end))));
        if (!isValidState(state))
            return Result<VarStore>::failure(QStringLiteral("variable record at %1 has an invalid state byte %2")
                                                 .arg(hex(quint64(pos)), hex(state)));
        VariableRecord rec;
        rec.offset = pos;
        rec.state = state;
        rec.status = classify(state);
        rec.guid = guid;
        rec.attributes = attributes;
        rec.nameSize = nameSize;
        rec.dataSize = dataSize;
        bool terminated = false;
        qsizetype used = 0;
        rec.name = decodeUcs2(h + hdr, nameSize, &terminated, &used);
        if (rec.status == VariableRecord::Status::Live && (nameSize < 2 || (nameSize & 1) || !terminated || used != qsizetype(nameSize)))
            return Result<VarStore>::failure(QStringLiteral("variable record at %1 has a malformed name (%2 bytes)")
                                                 .arg(hex(quint64(pos)), QString::number(nameSize)));
        store.m_records.append(rec);
        raws.append({pos, state, h + hdr, nameSize, dataSize, pos + hdr + nameSize});
        pos = align4(pos + hdr + nameSize + dataSize);
    }
    store.m_recordEnd = qMin(pos, end);

    // Pass 2: pick the live copy per (name, GUID) like edk2 FindVariableEx: the first VAR_ADDED
    // wins; an IN_DELETED_TRANSITION copy counts only when no VAR_ADDED copy exists (the last one).
    QHash<VariableKey, int> added;
    QHash<VariableKey, int> transition;
    for (int i = 0; i < store.m_records.size(); ++i) {
        const auto &r = store.m_records.at(i);
        if (r.status != VariableRecord::Status::Live)
            continue;
        const VariableKey key{r.name, r.guid};
        if (r.state == VarAdded) {
            if (!added.contains(key))
                added.insert(key, i);
        } else {
            transition.insert(key, i);
        }
    }
    for (int i = 0; i < store.m_records.size(); ++i) {
        auto &r = store.m_records[i];
        if (r.status != VariableRecord::Status::Live)
            continue;
        const VariableKey key{r.name, r.guid};
        const bool chosen = added.contains(key) ? added.value(key) == i : transition.value(key) == i;
        if (!chosen) {
            r.status = VariableRecord::Status::Superseded;
            continue;
        }
        const Raw &raw = raws.at(i);
        Variable v;
        v.name = r.name;
        v.guid = r.guid;
        v.attributes = r.attributes;
        v.data = QByteArray(base + raw.dataOffset, raw.dataSize);
        if (auth) {
            const char *h = base + raw.offset;
            v.monotonicCount = le64(h + 8);
            v.timeStamp = QByteArray(h + 16, 16);
            v.pubKeyIndex = le32(h + 32);
        }
        // Whatever the firmware accepted is within its limits.
        const auto size = quint32(hdr + raw.nameSize + raw.dataSize);
        quint32 &limit = isAuthWrite(v.attributes) ? store.m_limits.maxAuthVariableSize : store.m_limits.maxVariableSize;
        limit = qMax(limit, size);
        store.m_variables.append(v);
    }
    return store;
}

const Variable *VarStore::find(const QString &name, const QUuid &guid) const
{
    for (const auto &v : m_variables)
        if (v.guid == guid && v.name == name)
            return &v;
    return nullptr;
}

QList<const Variable *> VarStore::findByName(const QString &name) const
{
    QList<const Variable *> out;
    for (const auto &v : m_variables)
        if (v.name == name)
            out.append(&v);
    return out;
}

void VarStore::set(const Variable &variable)
{
    for (auto &v : m_variables)
        if (v.guid == variable.guid && v.name == variable.name) {
            v = variable;
            return;
        }
    m_variables.append(variable);
}

void VarStore::setData(const QString &name, const QUuid &guid, const QByteArray &data, quint32 attributes)
{
    for (auto &v : m_variables)
        if (v.guid == guid && v.name == name) {
            v.data = data;
            v.attributes = attributes;
            return;
        }
    Variable v;
    v.name = name;
    v.guid = guid;
    v.attributes = attributes;
    v.data = data;
    m_variables.append(v);
}

bool VarStore::remove(const QString &name, const QUuid &guid)
{
    for (qsizetype i = 0; i < m_variables.size(); ++i)
        if (m_variables.at(i).guid == guid && m_variables.at(i).name == name) {
            m_variables.removeAt(i);
            return true;
        }
    return false;
}

qsizetype VarStore::recordSize(const Variable &variable) const
{
    return m_layout.variableHeaderSize() + (variable.name.size() + 1) * 2 + variable.data.size();
}

qsizetype VarStore::usedBytes() const
{
    qsizetype used = 0;
    for (const auto &v : m_variables)
        used += align4(recordSize(v));
    return used;
}

qsizetype VarStore::capacity() const
{
    return m_layout.variablesEnd() - m_layout.variablesBegin();
}

Result<QByteArray> VarStore::serialize() const
{
    using R = Result<QByteArray>;
    if (m_layout.ftwQueue == FtwQueue::Pending)
        return R::failure(QStringLiteral("the fault-tolerant-write queue at %1 holds a pending write that the firmware would replay "
                                         "over an edited store; boot the firmware once to let it finish, then edit")
                              .arg(hex(quint64(m_layout.ftwOffset))));
    if (m_layout.ftwQueue == FtwQueue::Corrupt)
        return R::failure(QStringLiteral("the fault-tolerant-write working block at %1 is invalid (bad CRC or queue); "
                                         "refusing to write a store the firmware may try to recover over")
                              .arg(hex(quint64(m_layout.ftwOffset))));
    const bool auth = m_layout.isAuthenticated();
    const qsizetype hdr = m_layout.variableHeaderSize();
    QHash<VariableKey, int> seen;
    for (const auto &v : m_variables) {
        if (v.name.isEmpty())
            return R::failure(QStringLiteral("a variable under %1 has an empty name").arg(guidToString(v.guid)));
        if (v.name.contains(QChar(0)))
            return R::failure(QStringLiteral("variable name '%1' contains a NUL character").arg(v.name.left(64)));
        if (seen.contains(v.key()))
            return R::failure(QStringLiteral("variable %1 (%2) is listed twice").arg(v.name, guidToString(v.guid)));
        seen.insert(v.key(), 1);
        const qsizetype size = recordSize(v);
        const quint32 limit = isAuthWrite(v.attributes) ? m_limits.maxAuthVariableSize : m_limits.maxVariableSize;
        if (size > qsizetype(limit))
            return R::failure(QStringLiteral("variable %1 (%2) needs %3 bytes with its header; the firmware accepts at most %4 per variable")
                                  .arg(v.name, guidToString(v.guid), QString::number(size), QString::number(limit)));
    }
    const qsizetype used = usedBytes();
    if (used > capacity())
        return R::failure(QStringLiteral("the variables need %1 bytes but the store holds only %2 (%3 bytes too many)")
                              .arg(used).arg(capacity()).arg(used - capacity()));

    QByteArray out = m_image;
    char *base = out.data();
    const qsizetype begin = m_layout.variablesBegin();
    std::memset(base + begin, 0xff, size_t(capacity()));
    qsizetype pos = begin;
    static const QByteArray zeroTime(16, '\0');
    for (const auto &v : m_variables) {
        char *h = base + pos;
        const QByteArray name = encodeUcs2(v.name);
        put16(h, StartId);
        h[2] = char(VarAdded);
        h[3] = 0;
        put32(h + 4, v.attributes);
        if (auth) {
            put64(h + 8, v.monotonicCount);
            const QByteArray &ts = v.timeStamp.size() == 16 ? v.timeStamp : zeroTime;
            std::memcpy(h + 16, ts.constData(), 16);
            put32(h + 32, v.pubKeyIndex);
            put32(h + 36, quint32(name.size()));
            put32(h + 40, quint32(v.data.size()));
            writeGuid(h + 44, v.guid);
        } else {
            put32(h + 8, quint32(name.size()));
            put32(h + 12, quint32(v.data.size()));
            writeGuid(h + 16, v.guid);
        }
        std::memcpy(h + hdr, name.constData(), size_t(name.size()));
        if (!v.data.isEmpty())
            std::memcpy(h + hdr + name.size(), v.data.constData(), size_t(v.data.size()));
        pos = align4(pos + hdr + name.size() + v.data.size());
    }

    // Re-parse what we built; it must decode to exactly our variables.
    auto layout = m_layout.fvOffset >= 0 ? validateStoreAt(out, m_layout.fvOffset) : locateStore(out);
    if (!layout.ok())
        return R::failure(QStringLiteral("internal error: the rewritten image does not validate: ") + layout.error());
    auto check = parseWithLayout(out, layout.value());
    if (!check.ok())
        return R::failure(QStringLiteral("internal error: the rewritten store does not parse: ") + check.error());
    if (check->variables().size() != m_variables.size())
        return R::failure(QStringLiteral("internal error: the rewritten store holds %1 variables instead of %2")
                              .arg(check->variables().size())
                              .arg(m_variables.size()));
    for (qsizetype i = 0; i < m_variables.size(); ++i) {
        Variable expected = m_variables.at(i);
        if (!auth) {
            expected.monotonicCount = 0;
            expected.timeStamp.clear();
            expected.pubKeyIndex = 0;
        }
        if (check->variables().at(i) != expected)
            return R::failure(QStringLiteral("internal error: variable %1 did not survive the rewrite").arg(expected.name));
    }
    return out;
}

} // namespace efi
