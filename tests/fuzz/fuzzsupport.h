#pragma once

// Shared by every fuzz harness (tests/fuzz/fuzz_*.cpp):
//  - FuzzInput: splits the fuzzer's bytes into typed fields (integers, flags, strings) so one
//    flat input can drive a structured API; running out of bytes yields zeros / empty strings.
//  - fuzzCheck(): an invariant that must hold for *every* input (round trips, bounds). A failure
//    aborts, so libFuzzer and the replay driver report it like a crash, with the input saved.
//  - quietQtLogging(): parsers log what they reject; at millions of inputs per minute that would
//    drown the fuzzer, so messages are dropped (fatal ones still abort).
//
// Every harness defines LLVMFuzzerTestOneInput() and calls fuzzsupport::init() once (from
// LLVMFuzzerInitialize); the same source builds against libFuzzer (clang, METALBOOT_FUZZ=ON) and
// against replaymain.cpp (any compiler, the normal build and ctest).

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);

namespace fuzzsupport {

// Drops every Qt message except fatal ones (which abort as usual). Idempotent.
void quietQtLogging();

// One-time set-up shared by all harnesses (logging, environment that makes runs reproducible).
void init();

[[noreturn]] void fail(const char *file, int line, const char *what, const QString &detail);

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Reads typed fields from the front of the input. Strings are terminated by the field separator
// 0x1E (ASCII "record separator") so seed files stay readable and the fuzzer can grow or shrink
// one field without shifting the meaning of the others.
class FuzzInput
{
public:
    static constexpr char Separator = '\x1e';

    FuzzInput(const uint8_t *data, size_t size) : m_data(reinterpret_cast<const char *>(data)), m_size(qsizetype(size)) {}

    [[nodiscard]] bool atEnd() const { return m_pos >= m_size; }
    [[nodiscard]] qsizetype remainingSize() const { return m_size - m_pos; }

    quint8 u8()
    {
        return atEnd() ? 0 : quint8(m_data[m_pos++]);
    }
    quint16 u16() { return quint16(u8() | (quint16(u8()) << 8)); }
    quint32 u32() { return quint32(u16()) | (quint32(u16()) << 16); }
    bool flag() { return u8() & 1; }
    // Up to the next separator (not included) or the end.
    QByteArray field()
    {
        if (atEnd())
            return {};
        qsizetype end = m_pos;
        while (end < m_size && m_data[end] != Separator)
            ++end;
        QByteArray out(m_data + m_pos, end - m_pos);
        m_pos = end < m_size ? end + 1 : end;
        return out;
    }
    QString text() { return QString::fromUtf8(field()); }
    QByteArray rest()
    {
        QByteArray out(m_data + m_pos, m_size - m_pos);
        m_pos = m_size;
        return out;
    }

private:
    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
};

} // namespace fuzzsupport

#define FUZZ_CHECK(cond, detail)                                                                  \
    do {                                                                                          \
        if (!(cond))                                                                              \
            ::fuzzsupport::fail(__FILE__, __LINE__, #cond, (detail));                             \
    } while (false)
