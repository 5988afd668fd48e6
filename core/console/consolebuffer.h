#pragma once

#include "consoleline.h"

#include <QHash>
#include <QList>

#include <deque>

// Per-device scrollback: one bounded ring per device, plus rings for senders that are not (yet)
// known devices (bounded in number too: the oldest such sender is forgotten first).
class ConsoleBuffer
{
public:
    explicit ConsoleBuffer(int linesPerSource = 2000, int maxUnknownSources = 64);

    void append(const ConsoleLine &line);
    // Newest last; limit <= 0 = all kept.
    [[nodiscard]] QList<ConsoleLine> lines(const MacAddress &mac, int limit = 0) const;
    [[nodiscard]] QList<ConsoleLine> unknownLines(const QHostAddress &source, int limit = 0) const;
    [[nodiscard]] QList<QHostAddress> unknownSources() const { return m_unknownOrder; }
    [[nodiscard]] int linesPerSource() const { return m_perSource; }
    void forget(const MacAddress &mac);

private:
    static QList<ConsoleLine> tail(const std::deque<ConsoleLine> &ring, int limit);
    int m_perSource;
    int m_maxUnknown;
    QHash<MacAddress, std::deque<ConsoleLine>> m_devices;
    QHash<QString, std::deque<ConsoleLine>> m_unknown;
    QList<QHostAddress> m_unknownOrder;
};
