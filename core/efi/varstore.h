#pragma once

#include "common/result.h"
#include "firmwarevolume.h"
#include "variable.h"

#include <QByteArray>
#include <QList>

#include <optional>

// An EDK2 NV variable store inside a firmware image (RPI_EFI.fd, OVMF/AAVMF *_VARS.fd, or a bare
// store). parse() validates everything and never reads out of bounds; edits work on the decoded
// live variables; serialize() builds a complete new image (compacted store, every byte outside
// the variable area unchanged), re-parses it and checks that it decodes to exactly the intended
// variables before returning it. Nothing here touches files.
namespace efi {

// Per-record information for diagnostics (print --verbose, the GUI's store view).
struct VariableRecord
{
    enum class Status { Live, Superseded, Deleted, HeaderOnly };
    qsizetype offset = 0;           // in the image
    quint8 state = 0;
    Status status = Status::Deleted;
    QString name;
    QUuid guid;
    quint32 attributes = 0;
    quint32 nameSize = 0;
    quint32 dataSize = 0;
};

struct StoreLimits
{
    quint32 maxVariableSize = 0x2000;       // PcdMaxVariableSize (header + name + data)
    quint32 maxAuthVariableSize = 0x2800;   // PcdMaxAuthVariableSize (authenticated-write variables)
};

class VarStore
{
public:
    static Result<VarStore> parse(const QByteArray &image);

    [[nodiscard]] const QByteArray &image() const { return m_image; }
    [[nodiscard]] const StoreLayout &layout() const { return m_layout; }
    [[nodiscard]] const StoreLimits &limits() const { return m_limits; }
    void setLimits(const StoreLimits &limits) { m_limits = limits; }
    [[nodiscard]] const QList<VariableRecord> &records() const { return m_records; }
    [[nodiscard]] qsizetype recordEnd() const { return m_recordEnd; }   // first byte after the last record

    // Live variables in store order.
    [[nodiscard]] const QList<Variable> &variables() const { return m_variables; }
    [[nodiscard]] const Variable *find(const QString &name, const QUuid &guid) const;
    [[nodiscard]] QList<const Variable *> findByName(const QString &name) const;

    // Adds or replaces by (name, GUID); a replaced variable keeps its position. When replacing,
    // the authenticated-header fields of `variable` are used as given.
    void set(const Variable &variable);
    // set() that keeps MonotonicCount/TimeStamp/PubKeyIndex of an existing variable.
    void setData(const QString &name, const QUuid &guid, const QByteArray &data, quint32 attributes);
    bool remove(const QString &name, const QUuid &guid);

    // Bytes the live variables occupy when compacted, and the room the store offers.
    [[nodiscard]] qsizetype usedBytes() const;
    [[nodiscard]] qsizetype capacity() const;
    [[nodiscard]] qsizetype recordSize(const Variable &variable) const;

    // The whole image with the store rewritten. Fails (and explains) when the FTW queue holds a
    // pending write, when a variable exceeds the per-variable limit, or when the store overflows.
    [[nodiscard]] Result<QByteArray> serialize() const;

private:
    static Result<VarStore> parseWithLayout(const QByteArray &image, const StoreLayout &layout);

    QByteArray m_image;
    StoreLayout m_layout;
    StoreLimits m_limits;
    QList<VariableRecord> m_records;
    QList<Variable> m_variables;
    qsizetype m_recordEnd = 0;
};

} // namespace efi
