#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// Turns a byte stream (plain netconsole datagrams, a serial port) into text lines: '\n' ends a
// line, '\r' is dropped, ANSI escape sequences (colours, cursor movement) are removed, invalid
// UTF-8 becomes U+FFFD, and a line longer than MaxLine is cut. Pure and bounded.
class LineAssembler
{
public:
    static constexpr int MaxLine = 4096;

    QStringList feed(const QByteArray &bytes);
    // The incomplete last line, if any (after a quiet period).
    QStringList flush();
    [[nodiscard]] bool hasPartial() const { return !m_partial.isEmpty(); }

private:
    enum class Escape { None, Esc, Csi, Osc };
    QStringList take();
    QByteArray m_partial;
    Escape m_escape = Escape::None;
};
