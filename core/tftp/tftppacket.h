#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

// Pure TFTP codec: RFC 1350 (RRQ/WRQ/DATA/ACK/ERROR), RFC 2347 (options, OACK), RFC 2348
// (blksize), RFC 2349 (tsize, timeout) and RFC 7440 (windowsize). No sockets, no files: bytes in,
// structs out and back. Every datagram is untrusted; parse() never reads past the buffer.
namespace tftp {

enum class Opcode : quint16 { Rrq = 1, Wrq = 2, Data = 3, Ack = 4, Error = 5, Oack = 6 };

enum class ErrorCode : quint16 {
    NotDefined = 0,
    FileNotFound = 1,
    AccessViolation = 2,
    DiskFull = 3,
    IllegalOperation = 4,
    UnknownTid = 5,
    FileExists = 6,
    NoSuchUser = 7,
    OptionRefused = 8,   // RFC 2347
};

enum class Mode { Octet, Netascii, Mail };

inline constexpr int DefaultBlockSize = 512;
inline constexpr int MinBlockSize = 8;        // RFC 2348
inline constexpr int MaxBlockSize = 65464;    // RFC 2348
inline constexpr int MaxWindowSize = 65535;   // RFC 7440
inline constexpr int HeaderSize = 4;          // opcode + block

struct Option
{
    QByteArray name;    // lower-case (option names are case-insensitive)
    QByteArray value;   // as sent
    friend bool operator==(const Option &a, const Option &b) { return a.name == b.name && a.value == b.value; }
};
using Options = QList<Option>;

struct Packet
{
    Opcode opcode = Opcode::Error;
    // RRQ / WRQ
    QByteArray filename;                 // raw bytes; see tftppath.h for what is acceptable
    Mode mode = Mode::Octet;
    Options options;                     // RRQ / WRQ / OACK, first occurrence of each name kept
    // DATA / ACK
    quint16 block = 0;
    QByteArrayView data;                 // DATA payload: a view into the parsed buffer
    // ERROR
    ErrorCode errorCode = ErrorCode::NotDefined;
    QString errorMessage;                // sanitised: printable ASCII only, at most 200 characters

    [[nodiscard]] QByteArray option(const char *name) const;   // empty if absent
    [[nodiscard]] bool hasOption(const char *name) const;
};

struct ParseResult
{
    bool ok = false;
    Packet packet;
    QString error;                       // English, for logs and ERROR 4 messages
};

// Parses one datagram. ACKs longer than 4 bytes (zero-padded by the Pi 5) are accepted.
ParseResult parse(QByteArrayView datagram);

// Reads only the opcode (0 if the datagram is shorter than 2 bytes).
quint16 peekOpcode(QByteArrayView datagram);

QByteArray buildRequest(Opcode op, const QByteArray &filename, Mode mode, const Options &options = {});
QByteArray buildData(quint16 block, QByteArrayView payload);
QByteArray buildAck(quint16 block);
QByteArray buildError(ErrorCode code, const QString &message);
QByteArray buildOack(const Options &options);
// Writes the 4-byte DATA header into `out`.
void writeDataHeader(char *out, quint16 block);

QByteArray modeName(Mode mode);
QString errorName(ErrorCode code);   // "file not found", ...
// Printable ASCII only (other bytes become '?'), at most `maxLength` characters: safe to log/echo.
QString sanitise(QByteArrayView text, int maxLength = 200);

// ---- option negotiation (RFC 2347/2348/2349/7440) ----

struct Limits
{
    int maxBlockSize = 1468;        // configured cap
    int mtuBlockSize = 1468;        // egress MTU - 32 (IP + UDP + TFTP headers)
    int maxWindowSize = 64;         // configured cap
    qint64 maxWindowBytes = 65536;  // window * blksize cap, so a burst fits the receiver's socket buffer
};

struct Negotiated
{
    int blockSize = DefaultBlockSize;
    int windowSize = 1;
    int timeoutSeconds = 0;         // 0 = not requested
    bool tsize = false;             // tsize was negotiated
    qint64 transferSize = -1;       // RRQ: our size; WRQ: the client's announced size (-1 = unknown)
    Options accepted;               // what goes into the OACK, in the client's order; empty = no OACK
};

// `fileSize` is the size to announce for a read (-1 if unknown), ignored for writes.
// Unknown options and invalid values are left out of the OACK (RFC 2347 lets the server ignore them);
// so is tsize for an empty file (curl treats "tsize 0" in an OACK as an illegal operation).
Negotiated negotiate(const Options &requested, const Limits &limits, qint64 fileSize, bool isWrite);

// Strict unsigned decimal (digits only, at most 18 of them); -1 if invalid.
qint64 parseDecimal(QByteArrayView text);

// The full block index whose 16-bit wire number is `wire`, searching [base, base + 65535].
// Block numbers roll over to 0 after 65535 (tftpd-hpa/dnsmasq convention).
inline quint64 unwrapBlock(quint64 base, quint16 wire)
{
    return base + quint16(wire - quint16(base));
}

} // namespace tftp
