#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>

#include <vector>

// Bounded ring of (time, watts) samples of one port, for the GUI's power plots and Redfish
// PowerControl readings. Oldest samples are dropped first.
class WattHistory
{
public:
    struct Sample
    {
        qint64 msecsSinceEpoch = 0;
        float watts = 0;
    };

    explicit WattHistory(int capacity = 720) : m_capacity(qMax(1, capacity)) {}

    void append(qint64 msecsSinceEpoch, double watts)
    {
        const Sample s{msecsSinceEpoch, float(watts)};
        if (int(m_ring.size()) < m_capacity) {
            m_ring.push_back(s);
        } else {
            m_ring[size_t(m_next)] = s;
            m_next = (m_next + 1) % m_capacity;
        }
    }
    [[nodiscard]] int size() const { return int(m_ring.size()); }
    [[nodiscard]] int capacity() const { return m_capacity; }
    // Oldest first.
    [[nodiscard]] QList<Sample> samples() const
    {
        QList<Sample> out;
        out.reserve(qsizetype(m_ring.size()));
        for (size_t i = 0; i < m_ring.size(); ++i)
            out.append(m_ring[(size_t(m_next) + i) % m_ring.size()]);
        return out;
    }
    [[nodiscard]] const Sample *last() const
    {
        if (m_ring.empty())
            return nullptr;
        return &m_ring[(size_t(m_next) + m_ring.size() - 1) % m_ring.size()];
    }

private:
    int m_capacity;
    int m_next = 0;   // index of the oldest sample once full
    std::vector<Sample> m_ring;
};

Q_DECLARE_METATYPE(WattHistory::Sample)
