#pragma once

#include <QByteArray>
#include <QHashFunctions>
#include <QMetaType>
#include <QString>

#include <array>
#include <cstdint>
#include <optional>

// An Ethernet MAC address. Canonical text form is lower-case with colons (dc:a6:32:01:36:c2).
class MacAddress
{
public:
    MacAddress() = default;
    explicit MacAddress(const std::array<std::uint8_t, 6> &bytes) : m_bytes(bytes), m_valid(true) {}

    // Accepts aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff, aabb.ccdd.eeff and aabbccddeeff (any case).
    static std::optional<MacAddress> parse(const QString &text);
    // From the first 6 bytes of a buffer (e.g. DHCP chaddr); invalid if shorter.
    static MacAddress fromBytes(const QByteArray &bytes);

    [[nodiscard]] bool isValid() const { return m_valid; }
    [[nodiscard]] QString toString() const;        // dc:a6:32:01:36:c2
    [[nodiscard]] QString toDashed() const;        // dc-a6-32-01-36-c2 (Pi TFTP prefix, file names)
    [[nodiscard]] QString toHexUpper() const;      // DCA6320136C2 (EDK2 boot entry titles)
    [[nodiscard]] QByteArray toBytes() const;
    [[nodiscard]] const std::array<std::uint8_t, 6> &bytes() const { return m_bytes; }
    // True if the first three bytes equal the given OUI prefix ("dc:a6:32").
    [[nodiscard]] bool hasPrefix(const MacAddress &prefix, int prefixBytes) const;

    friend bool operator==(const MacAddress &a, const MacAddress &b)
    {
        return a.m_valid == b.m_valid && a.m_bytes == b.m_bytes;
    }
    friend bool operator!=(const MacAddress &a, const MacAddress &b) { return !(a == b); }
    friend bool operator<(const MacAddress &a, const MacAddress &b)
    {
        return a.m_valid != b.m_valid ? !a.m_valid : a.m_bytes < b.m_bytes;
    }

private:
    std::array<std::uint8_t, 6> m_bytes{};
    bool m_valid = false;
};

inline size_t qHash(const MacAddress &mac, size_t seed = 0)
{
    return qHashBits(mac.bytes().data(), mac.bytes().size(), seed);
}

Q_DECLARE_METATYPE(MacAddress)
