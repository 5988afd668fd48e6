#include "consolebuffer.h"

ConsoleBuffer::ConsoleBuffer(int linesPerSource, int maxUnknownSources)
    : m_perSource(qMax(1, linesPerSource))
    , m_maxUnknown(qMax(1, maxUnknownSources))
{
}

void ConsoleBuffer::append(const ConsoleLine &line)
{
    std::deque<ConsoleLine> *ring = nullptr;
    if (line.mac.isValid()) {
        ring = &m_devices[line.mac];
    } else {
        const QString key = line.source.toString();
        if (!m_unknown.contains(key)) {
            while (m_unknownOrder.size() >= m_maxUnknown)
                m_unknown.remove(m_unknownOrder.takeFirst().toString());
            m_unknownOrder.append(line.source);
        }
        ring = &m_unknown[key];
    }
    ring->push_back(line);
    while (int(ring->size()) > m_perSource)
        ring->pop_front();
}

QList<ConsoleLine> ConsoleBuffer::tail(const std::deque<ConsoleLine> &ring, int limit)
{
    const int n = int(ring.size());
    const int start = limit > 0 && limit < n ? n - limit : 0;
    QList<ConsoleLine> out;
    out.reserve(n - start);
    for (int i = start; i < n; ++i)
        out.append(ring[size_t(i)]);
    return out;
}

QList<ConsoleLine> ConsoleBuffer::lines(const MacAddress &mac, int limit) const
{
    const auto it = m_devices.constFind(mac);
    return it == m_devices.cend() ? QList<ConsoleLine>() : tail(*it, limit);
}

QList<ConsoleLine> ConsoleBuffer::unknownLines(const QHostAddress &source, int limit) const
{
    const auto it = m_unknown.constFind(source.toString());
    return it == m_unknown.cend() ? QList<ConsoleLine>() : tail(*it, limit);
}

void ConsoleBuffer::forget(const MacAddress &mac)
{
    m_devices.remove(mac);
}
