#include "macaddress.h"

#include <QStringList>

std::optional<MacAddress> MacAddress::parse(const QString &text)
{
    QString hex;
    hex.reserve(12);
    const QString trimmed = text.trimmed();
    if (trimmed.size() > 17)
        return std::nullopt;
    QChar separator;
    for (const QChar c : trimmed) {
        if (c == QLatin1Char(':') || c == QLatin1Char('-') || c == QLatin1Char('.')) {
            if (separator.isNull())
                separator = c;
            else if (separator != c)
                return std::nullopt;
            continue;
        }
        if (!isxdigit(c.toLatin1()) || c.unicode() > 0x7f)
            return std::nullopt;
        hex.append(c);
    }
    if (hex.size() != 12)
        return std::nullopt;
    // With ':' or '-' separators every group must be exactly two digits.
    if (separator == QLatin1Char(':') || separator == QLatin1Char('-')) {
        const auto groups = trimmed.split(separator);
        if (groups.size() != 6)
            return std::nullopt;
        for (const auto &g : groups)
            if (g.size() != 2)
                return std::nullopt;
    } else if (separator == QLatin1Char('.')) {
        const auto groups = trimmed.split(separator);
        if (groups.size() != 3)
            return std::nullopt;
        for (const auto &g : groups)
            if (g.size() != 4)
                return std::nullopt;
    }
    std::array<std::uint8_t, 6> bytes{};
    for (int i = 0; i < 6; ++i)
        bytes[size_t(i)] = std::uint8_t(hex.mid(i * 2, 2).toUInt(nullptr, 16));
    return MacAddress(bytes);
}

MacAddress MacAddress::fromBytes(const QByteArray &bytes)
{
    if (bytes.size() < 6)
        return {};
    std::array<std::uint8_t, 6> b{};
    for (int i = 0; i < 6; ++i)
        b[size_t(i)] = std::uint8_t(bytes[i]);
    return MacAddress(b);
}

static QString join(const std::array<std::uint8_t, 6> &bytes, QLatin1Char sep, bool upper)
{
    QString out;
    out.reserve(17);
    for (size_t i = 0; i < bytes.size(); ++i) {
        if (i && sep != QLatin1Char('\0'))
            out.append(sep);
        QString h = QString::number(bytes[i], 16).rightJustified(2, QLatin1Char('0'));
        out.append(upper ? h.toUpper() : h);
    }
    return out;
}

QString MacAddress::toString() const
{
    return m_valid ? join(m_bytes, QLatin1Char(':'), false) : QString();
}

QString MacAddress::toDashed() const
{
    return m_valid ? join(m_bytes, QLatin1Char('-'), false) : QString();
}

QString MacAddress::toHexUpper() const
{
    return m_valid ? join(m_bytes, QLatin1Char('\0'), true) : QString();
}

QByteArray MacAddress::toBytes() const
{
    return m_valid ? QByteArray(reinterpret_cast<const char *>(m_bytes.data()), 6) : QByteArray();
}

bool MacAddress::hasPrefix(const MacAddress &prefix, int prefixBytes) const
{
    if (!m_valid || !prefix.m_valid || prefixBytes < 0 || prefixBytes > 6)
        return false;
    for (int i = 0; i < prefixBytes; ++i)
        if (m_bytes[size_t(i)] != prefix.m_bytes[size_t(i)])
            return false;
    return true;
}
