#include "dhcp/dhcpleasepool.h"
#include "dhcp/dhcppacket.h"

#include <QTest>

using namespace dhcp;

namespace {

constexpr qint64 T0 = 1800000000;
constexpr quint32 Start = 0x0a4d0064;   // 10.77.0.100
constexpr quint32 End = 0x0a4d0067;     // 10.77.0.103 (4 addresses)

DhcpLeasePool::Client client(const char *mac, const QByteArray &clientId = {})
{
    return DhcpLeasePool::Client{1, MacAddress::parse(QLatin1String(mac))->toBytes(), clientId};
}

DhcpLeasePool::Settings settings()
{
    DhcpLeasePool::Settings s;
    s.rangeStart = Start;
    s.rangeEnd = End;
    s.netmask = 0xffffff00;
    s.leaseSeconds = 600;
    s.excluded = {0x0a4d0001};
    return s;
}

} // namespace

class TestDhcpLeasePool : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void offerAndCommit()
    {
        DhcpLeasePool pool;
        pool.setSettings(settings());
        const auto a = client("52:54:00:00:00:0a");
        const quint32 ip = pool.offer(a, 0, T0);
        QVERIFY(pool.inRange(ip));
        // The same client gets the same offer again; others do not get it while it is held.
        QCOMPARE(pool.offer(a, 0, T0 + 1), ip);
        const auto b = client("52:54:00:00:00:0b");
        QVERIFY(pool.offer(b, ip, T0 + 1) != ip);
        QVERIFY(!pool.canAssign(ip, b, T0 + 1));
        QVERIFY(pool.canAssign(ip, a, T0 + 1));
        const DhcpLease l = pool.commit(ip, a, QStringLiteral("host-a"), T0 + 2);
        QCOMPARE(l.expires, T0 + 2 + 600);
        QCOMPARE(pool.leaseOf(a)->address, ip);
        QCOMPARE(pool.leaseAt(ip)->hostname, QStringLiteral("host-a"));
        QCOMPARE(pool.nextExpiry(), T0 + 602);
        // Renewal extends; the lease stays with its client after restart-like reloads.
        pool.commit(ip, a, QStringLiteral("host-a"), T0 + 300);
        QCOMPARE(pool.leaseAt(ip)->expires, T0 + 900);
        QCOMPARE(pool.offer(a, 0, T0 + 301), ip);
    }

    void requestedAddress()
    {
        DhcpLeasePool pool;
        pool.setSettings(settings());
        QCOMPARE(pool.offer(client("52:54:00:00:00:0a"), Start + 2, T0), Start + 2);
        // Outside the range, the network/broadcast or an excluded address: not honoured.
        QVERIFY(pool.offer(client("52:54:00:00:00:0b"), 0x0a4d0090, T0) != 0x0a4d0090u);
        QVERIFY(!pool.canAssign(0x0a4d0001, client("52:54:00:00:00:0c"), T0));
        QVERIFY(!pool.canAssign(0x0a4e0065, client("52:54:00:00:00:0c"), T0));   // other subnet
    }

    void reservations()
    {
        DhcpLeasePool::Settings s = settings();
        s.reservations.insert(*MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01")), 0x0a4d0020);   // outside the range
        s.reservations.insert(*MacAddress::parse(QStringLiteral("dc:a6:32:00:00:02")), Start);         // inside
        DhcpLeasePool pool;
        pool.setSettings(s);
        QCOMPARE(pool.offer(client("dc:a6:32:00:00:01"), 0, T0), 0x0a4d0020u);
        QVERIFY(pool.canAssign(0x0a4d0020, client("dc:a6:32:00:00:01"), T0));
        // Nobody else gets a reserved address, even when asking for it.
        for (int i = 0; i < 3; ++i) {
            const auto c = client(QByteArray("52:54:00:00:01:0").append(char('0' + i)).constData());
            const quint32 ip = pool.offer(c, Start, T0);
            QVERIFY(ip != Start);
            QVERIFY(ip != 0);
            pool.commit(ip, c, {}, T0);
        }
        QCOMPARE(pool.offer(client("52:54:00:00:01:09"), 0, T0), 0u);   // range exhausted (Start is reserved)
        QVERIFY(!pool.canAssign(Start, client("52:54:00:00:01:09"), T0));
        QCOMPARE(pool.offer(client("dc:a6:32:00:00:02"), 0, T0), Start);
    }

    void exhaustionAndExpiry()
    {
        DhcpLeasePool pool;
        pool.setSettings(settings());
        QList<DhcpLeasePool::Client> clients;
        for (int i = 0; i < 4; ++i) {
            clients.append(client(QByteArray("52:54:00:00:02:0").append(char('0' + i)).constData()));
            const quint32 ip = pool.offer(clients.last(), 0, T0);
            QVERIFY(ip);
            pool.commit(ip, clients.last(), {}, T0);
        }
        QString why;
        QCOMPARE(pool.offer(client("52:54:00:00:02:09"), 0, T0, &why), 0u);
        QVERIFY(why.contains(QLatin1String("no free address")));
        QCOMPARE(pool.expire(T0 + 599), 0);
        QCOMPARE(pool.expire(T0 + 600), 4);
        QVERIFY(pool.leases().isEmpty());
        QVERIFY(pool.offer(client("52:54:00:00:02:09"), 0, T0 + 601));
        // Offers are only held for a while.
        DhcpLeasePool small;
        DhcpLeasePool::Settings one = settings();
        one.rangeEnd = Start;
        small.setSettings(one);
        QCOMPARE(small.offer(client("52:54:00:00:03:01"), 0, T0), Start);
        QCOMPARE(small.offer(client("52:54:00:00:03:02"), 0, T0 + 10), 0u);
        QCOMPARE(small.offer(client("52:54:00:00:03:02"), 0, T0 + DhcpLeasePool::OfferHoldSeconds + 1), Start);
    }

    void releaseAndDecline()
    {
        DhcpLeasePool pool;
        pool.setSettings(settings());
        const auto a = client("52:54:00:00:00:0a");
        const auto b = client("52:54:00:00:00:0b");
        const quint32 ip = pool.offer(a, 0, T0);
        pool.commit(ip, a, {}, T0);
        QVERIFY(!pool.release(ip, b));   // not b's lease
        QVERIFY(pool.release(ip, a));
        QVERIFY(!pool.leaseAt(ip));
        QVERIFY(!pool.release(ip, a));
        // Declined addresses are not handed out for a while.
        pool.decline(ip, a, T0);
        QVERIFY(!pool.canAssign(ip, b, T0 + 1));
        QVERIFY(pool.offer(b, ip, T0 + 1) != ip);
        QVERIFY(pool.canAssign(ip, b, T0 + DhcpLeasePool::DeclineSeconds + 1));
    }

    void clientIdentity()
    {
        DhcpLeasePool pool;
        pool.setSettings(settings());
        const auto withId = client("52:54:00:00:00:0a", QByteArray::fromHex("01525400000000aa"));
        const quint32 ip = pool.offer(withId, 0, T0);
        pool.commit(ip, withId, {}, T0);
        QCOMPARE(pool.leaseOf(withId)->address, ip);
        // Same MAC without client id (e.g. firmware vs. OS): dnsmasq matches MAC only if one side has none.
        QCOMPARE(pool.leaseOf(client("52:54:00:00:00:0a"))->address, ip);
        // A different client id on the same MAC is a different client.
        QVERIFY(!pool.leaseOf(client("52:54:00:00:00:0a", QByteArray::fromHex("01aa"))));
    }

    void clientIdOfTypeAndMacIsTheMac()
    {
        // OVMF's PXE DHCP has no option 61, the iPXE it loads sends 61 = 01 + MAC: one client,
        // one address (dnsmasq behaves so; the QEMU end-to-end test saw a second lease before).
        DhcpLeasePool pool;
        pool.setSettings(settings());
        const auto firmware = client("52:54:00:e2:e0:01");
        const auto ipxe = client("52:54:00:e2:e0:01", QByteArray::fromHex("01525400e2e001"));
        const quint32 ip = pool.offer(firmware, 0, T0);
        pool.commit(ip, firmware, {}, T0);
        QCOMPARE(pool.offer(ipxe, 0, T0 + 5), ip);
        QVERIFY(pool.canAssign(ip, ipxe, T0 + 5));
        pool.commit(ip, ipxe, {}, T0 + 6);
        QCOMPARE(pool.leases().size(), 1);
        QCOMPARE(pool.leaseOf(firmware)->address, ip);
        // Another hardware type in the id is another identity.
        const auto other = client("52:54:00:e2:e0:01", QByteArray::fromHex("06525400e2e001"));
        QVERIFY(pool.offer(other, 0, T0 + 7) != ip);
    }

    void load()
    {
        DhcpLeasePool::Settings s = settings();
        s.reservations.insert(*MacAddress::parse(QStringLiteral("dc:a6:32:00:00:01")), 0x0a4d0020);
        s.reservations.insert(*MacAddress::parse(QStringLiteral("dc:a6:32:00:00:02")), Start + 3);
        DhcpLeasePool pool;
        pool.setSettings(s);
        auto lease = [](const char *mac, quint32 ip, qint64 expires) {
            DhcpLease l;
            l.hwAddress = MacAddress::parse(QLatin1String(mac))->toBytes();
            l.address = ip;
            l.expires = expires;
            return l;
        };
        QStringList dropped;
        pool.load({lease("52:54:00:00:00:01", Start, T0 + 100),        // kept
                   lease("52:54:00:00:00:02", Start + 1, T0 - 1),      // expired
                   lease("52:54:00:00:00:03", 0x0a4e0001, T0 + 100),   // other subnet
                   lease("52:54:00:00:00:04", 0x0a4d0030, T0 + 100),   // outside the pool
                   lease("dc:a6:32:00:00:01", 0x0a4d0020, 0),          // reserved for it, infinite
                   lease("52:54:00:00:00:05", Start + 3, T0 + 100),    // reserved for someone else
                   lease("52:54:00:00:00:06", Start, T0 + 100)},       // duplicate address
                  T0, &dropped);
        QCOMPARE(pool.leases().size(), 2);
        QCOMPARE(dropped.size(), 5);
        QCOMPARE(pool.leaseAt(Start)->expires, T0 + 100);
        QCOMPARE(pool.leaseAt(0x0a4d0020)->expires, 0);
        QCOMPARE(pool.offer(client("52:54:00:00:00:01"), 0, T0), Start);   // a restored client keeps its address
    }
};

QTEST_GUILESS_MAIN(TestDhcpLeasePool)
#include "tst_dhcpleasepool.moc"
