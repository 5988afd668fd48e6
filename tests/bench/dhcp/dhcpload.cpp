// DHCP DISCOVER -> OFFER load generator for the proxyDHCP benchmark (tests/bench/dhcp/run.sh).
// Plain C++17/POSIX, no Qt, so it loads Metal Boot and dnsmasq identically. Runs inside a network
// namespace: broadcasts Raspberry Pi 4 bootloader DISCOVERs (byte layout of
// shared/reference/netboot.md 1.1, one of --macs Pi MACs each) on --iface to port 67 and matches
// the broadcast OFFERs on port 68 by xid.
//
//   dhcpload --iface vcli --mode rate --rate 2000 --seconds 10   fixed rate: latency p50/p99/max
//   dhcpload --iface vcli --mode max --window 32 --seconds 5     closed loop: highest OFFER rate
// --macs N cycles through N Pi MACs starting at --mac-offset (0 = a new MAC for every request).
//
// Prints one line of key=value pairs.

#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options
{
    std::string iface = "vcli";
    std::string mode = "rate";
    int rate = 2000;
    int window = 32;
    double seconds = 10;
    int macs = 256;
    int macOffset = 0;
    uint16_t port = 67;
};

constexpr uint32_t XidBase = 0x4d420000;  // "MB" + counter
constexpr size_t Slots = 1 << 20;         // outstanding-request table, indexed by xid

int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

// Offsets patched per request in the template.
constexpr size_t ChaddrOffset = 28;
size_t guidOffset = 0;   // start of option 97's data

std::vector<uint8_t> discover(uint32_t xid, int macIndex)
{
    std::vector<uint8_t> p(240, 0);
    p[0] = 1;
    p[1] = 1;
    p[2] = 6;
    const uint32_t nx = htonl(xid);
    memcpy(&p[4], &nx, 4);
    const uint8_t mac[6] = {0xdc, 0xa6, 0x32, uint8_t(macIndex >> 16), uint8_t(macIndex >> 8), uint8_t(macIndex)};
    memcpy(&p[28], mac, 6);
    const uint8_t cookie[4] = {0x63, 0x82, 0x53, 0x63};
    memcpy(&p[236], cookie, 4);
    auto opt = [&p](uint8_t code, std::initializer_list<uint8_t> data) {
        p.push_back(code);
        p.push_back(uint8_t(data.size()));
        p.insert(p.end(), data.begin(), data.end());
    };
    opt(53, {1});
    opt(55, {1, 3, 43, 60, 66, 67, 128, 129, 130, 131, 132, 133, 134, 135});
    opt(93, {0, 0});
    opt(94, {1, 2, 1});
    // 97: 00 "RPi4" | revision 0x00c03111 LE | low 4 MAC bytes | serial LE
    guidOffset = p.size() + 2;
    const uint32_t serial = 0x10000000u + uint32_t(macIndex);
    opt(97, {0, 'R', 'P', 'i', '4', 0x11, 0x31, 0xc0, 0x00, mac[2], mac[3], mac[4], mac[5], uint8_t(serial), uint8_t(serial >> 8),
             uint8_t(serial >> 16), uint8_t(serial >> 24)});
    const char *vc = "PXEClient:Arch:00000:UNDI:002001";
    p.push_back(60);
    p.push_back(uint8_t(strlen(vc)));
    p.insert(p.end(), vc, vc + strlen(vc));
    p.push_back(255);
    return p;
}

bool isOffer(const uint8_t *b, ssize_t n, uint32_t *xid)
{
    if (n < 244 || b[0] != 2)
        return false;
    uint32_t x;
    memcpy(&x, b + 4, 4);
    *xid = ntohl(x);
    for (ssize_t i = 240; i + 2 < n;) {
        if (b[i] == 0) {
            ++i;
            continue;
        }
        if (b[i] == 255)
            break;
        if (b[i] == 53 && b[i + 1] == 1)
            return b[i + 2] == 2;
        i += 2 + b[i + 1];
    }
    return false;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t k = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
    return v[k];
}

} // namespace

int main(int argc, char **argv)
{
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--iface") o.iface = v;
        else if (k == "--mode") o.mode = v;
        else if (k == "--rate") o.rate = std::atoi(v.c_str());
        else if (k == "--window") o.window = std::atoi(v.c_str());
        else if (k == "--seconds") o.seconds = std::atof(v.c_str());
        else if (k == "--macs") o.macs = std::atoi(v.c_str());
        else if (k == "--mac-offset") o.macOffset = std::atoi(v.c_str());
        else if (k == "--port") o.port = uint16_t(std::atoi(v.c_str()));
        else {
            fprintf(stderr, "unknown option %s\n", k.c_str());
            return 2;
        }
    }
    const int fd = socket(AF_INET, SOCK_DGRAM, 0);
    const int one = 1, buf = 8 << 20;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    setsockopt(fd, SOL_SOCKET, SO_BROADCAST, &one, sizeof one);
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &buf, sizeof buf);
    setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &buf, sizeof buf);
    if (setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, o.iface.c_str(), socklen_t(o.iface.size())) < 0) {
        perror("SO_BINDTODEVICE");
        return 1;
    }
    sockaddr_in me{};
    me.sin_family = AF_INET;
    me.sin_port = htons(68);
    if (bind(fd, reinterpret_cast<sockaddr *>(&me), sizeof me) < 0) {
        perror("bind :68");
        return 1;
    }
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(o.port);
    to.sin_addr.s_addr = htonl(INADDR_BROADCAST);

    std::vector<uint8_t> packet = discover(0, 0);

    std::vector<std::atomic<int64_t>> sentAt(Slots);
    std::atomic<uint64_t> sent{0}, answered{0}, duplicates{0};
    std::atomic<bool> done{false};
    std::vector<double> latenciesUs;
    latenciesUs.reserve(1 << 20);
    std::atomic<int> inflight{0};

    auto sendOne = [&](uint64_t n) {
        const uint32_t xid = XidBase + uint32_t(n);
        std::vector<uint8_t> &p = packet;
        const uint32_t nx = htonl(xid);
        memcpy(&p[4], &nx, 4);
        // MAC dc:a6:32:xx:xx:xx and the matching option 97 (MAC bytes, serial).
        const uint32_t m = uint32_t(o.macOffset) + (o.macs > 0 ? uint32_t(n % uint64_t(o.macs)) : uint32_t(n));
        const uint8_t low[3] = {uint8_t(m >> 16), uint8_t(m >> 8), uint8_t(m)};
        memcpy(&p[ChaddrOffset + 3], low, 3);
        memcpy(&p[guidOffset + 10], low, 3);
        const uint32_t serial = 0x10000000u + m;
        const uint8_t ser[4] = {uint8_t(serial), uint8_t(serial >> 8), uint8_t(serial >> 16), uint8_t(serial >> 24)};
        memcpy(&p[guidOffset + 13], ser, 4);
        sentAt[xid % Slots].store(nowNs(), std::memory_order_relaxed);
        if (sendto(fd, p.data(), p.size(), 0, reinterpret_cast<sockaddr *>(&to), sizeof to) < 0)
            return false;
        sent.fetch_add(1);
        return true;
    };

    const int64_t start = nowNs();
    const int64_t stopAt = start + int64_t(o.seconds * 1e9);
    std::thread receiver([&] {
        uint8_t b[4096];
        pollfd pfd{fd, POLLIN, 0};
        while (!done.load()) {
            if (poll(&pfd, 1, 50) <= 0)
                continue;
            for (;;) {
                const ssize_t n = recv(fd, b, sizeof b, MSG_DONTWAIT);
                if (n < 0)
                    break;
                uint32_t xid;
                if (!isOffer(b, n, &xid) || xid - XidBase >= sent.load() + 1)
                    continue;
                const int64_t t0 = sentAt[xid % Slots].exchange(0);
                if (t0 == 0) {
                    duplicates.fetch_add(1);
                    continue;
                }
                const int64_t t = nowNs();
                if (t0 >= start && t <= stopAt + 1000000000LL)
                    latenciesUs.push_back(double(t - t0) / 1000.0);
                answered.fetch_add(1);
                inflight.fetch_sub(1);
            }
        }
    });

    uint64_t n = 0;
    if (o.mode == "rate") {
        const int64_t interval = int64_t(1e9 / o.rate);
        int64_t next = start;
        while (next < stopAt) {
            while (nowNs() < next)
                if (next - nowNs() > 200000)
                    std::this_thread::sleep_for(std::chrono::microseconds(100));
            sendOne(n++);
            next += interval;
        }
    } else {
        // Closed loop: keep `window` requests outstanding; a request unanswered for 200 ms is
        // counted lost and replaced.
        std::vector<int64_t> windowStart;
        while (nowNs() < stopAt) {
            while (inflight.load() < o.window) {
                inflight.fetch_add(1);
                sendOne(n++);
            }
            std::this_thread::sleep_for(std::chrono::microseconds(20));
            // Reap lost requests (rare) so the window does not shrink.
            static int64_t lastReap = nowNs();
            if (nowNs() - lastReap > 200000000LL) {
                lastReap = nowNs();
                const int64_t cutoff = nowNs() - 200000000LL;
                for (uint64_t k = (n > 200000 ? n - 200000 : 0); k < n; ++k) {
                    auto &slot = sentAt[(XidBase + uint32_t(k)) % Slots];
                    int64_t t0 = slot.load();
                    if (t0 != 0 && t0 < cutoff && slot.compare_exchange_strong(t0, 0))
                        inflight.fetch_sub(1);
                }
            }
        }
    }
    const int64_t sendEnd = nowNs();
    std::this_thread::sleep_for(std::chrono::milliseconds(500));   // late answers
    done.store(true);
    receiver.join();
    close(fd);

    const double elapsed = double(sendEnd - start) / 1e9;
    printf("mode=%s sent=%llu answered=%llu lost=%llu duplicates=%llu seconds=%.2f offer_rate=%.0f p50_us=%.0f p99_us=%.0f max_us=%.0f\n",
           o.mode.c_str(), (unsigned long long)sent.load(), (unsigned long long)answered.load(),
           (unsigned long long)(sent.load() - answered.load()), (unsigned long long)duplicates.load(), elapsed,
           double(answered.load()) / elapsed, percentile(latenciesUs, 0.50), percentile(latenciesUs, 0.99),
           latenciesUs.empty() ? 0.0 : *std::max_element(latenciesUs.begin(), latenciesUs.end()));
    return 0;
}
