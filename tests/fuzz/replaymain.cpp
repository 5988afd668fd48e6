// Driver for the fuzz harnesses in builds without libFuzzer (GCC, the normal build, ctest):
//
//   fuzz_<target> [-mutate=N] [-seed=S] [-max_seconds=T] FILE|DIR...
//
// Runs LLVMFuzzerTestOneInput() on every file (directories: every file inside, sorted), then, with
// -mutate, on N inputs derived from those files by a small deterministic mutator (bit flips,
// interesting integers, insertions, deletions, duplicated and spliced chunks), stopping early after
// T seconds. This is not a coverage-guided fuzzer: it replays the committed corpus (every crash
// found by libFuzzer is kept there as a regression input) and shakes it a little, so that
// regressions show up in every ctest run without a clang build. A crash or failed invariant saves
// the input to ./fuzz-crash-<target>-<n> before the process dies.

#include "fuzzsupport.h"

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace {

// The input being run, for the crash handler (async-signal-safe access only).
const char *g_current = nullptr;
size_t g_currentSize = 0;
char g_crashPath[512] = {};

void onCrash(int sig)
{
    if (g_current && g_crashPath[0]) {
        const int fd = ::open(g_crashPath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            size_t done = 0;
            while (done < g_currentSize) {
                const ssize_t n = ::write(fd, g_current + done, g_currentSize - done);
                if (n <= 0)
                    break;
                done += size_t(n);
            }
            ::close(fd);
            static const char msg[] = "\n*** crashing input saved to ";
            (void)!::write(2, msg, sizeof msg - 1);
            (void)!::write(2, g_crashPath, std::strlen(g_crashPath));
            (void)!::write(2, "\n", 1);
        }
    }
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

void run(const QByteArray &input)
{
    g_current = input.constData();
    g_currentSize = size_t(input.size());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size()));
    g_current = nullptr;
}

// xorshift64*: deterministic across platforms and runs.
class Random
{
public:
    explicit Random(quint64 seed) : m_state(seed ? seed : 0x9e3779b97f4a7c15ULL) {}
    quint64 next()
    {
        m_state ^= m_state >> 12;
        m_state ^= m_state << 25;
        m_state ^= m_state >> 27;
        return m_state * 0x2545f4914f6cdd1dULL;
    }
    qsizetype below(qsizetype n) { return n <= 0 ? 0 : qsizetype(next() % quint64(n)); }

private:
    quint64 m_state;
};

QByteArray mutate(QByteArray data, const std::vector<QByteArray> &pool, Random &rnd)
{
    static const quint32 interesting[] = {0, 1, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x10000,
                                          0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe, 64, 255, 256, 4096};
    const int rounds = 1 + int(rnd.below(4));
    for (int r = 0; r < rounds; ++r) {
        const qsizetype size = data.size();
        switch (rnd.below(9)) {
        case 0: // flip a bit
            if (size) {
                const qsizetype at = rnd.below(size);
                data[at] = char(data[at] ^ char(1 << rnd.below(8)));
            }
            break;
        case 1: // random byte
            if (size)
                data[rnd.below(size)] = char(rnd.next());
            break;
        case 2: { // interesting little-endian integer
            if (size < 1)
                break;
            const quint32 v = interesting[rnd.below(qsizetype(std::size(interesting)))];
            const qsizetype at = rnd.below(size);
            const int width = 1 << rnd.below(3);
            for (int i = 0; i < width && at + i < size; ++i)
                data[at + i] = char((v >> (8 * i)) & 0xff);
            break;
        }
        case 3: // insert random bytes
            data.insert(rnd.below(size + 1), QByteArray(1 + int(rnd.below(8)), char(rnd.next())));
            break;
        case 4: // delete a range
            if (size)
                data.remove(rnd.below(size), 1 + rnd.below(qMin<qsizetype>(size, 16)));
            break;
        case 5: { // duplicate a chunk
            if (!size)
                break;
            const qsizetype from = rnd.below(size);
            const QByteArray chunk = data.mid(from, 1 + rnd.below(qMin<qsizetype>(size - from, 64)));
            data.insert(rnd.below(size + 1), chunk);
            break;
        }
        case 6: // truncate
            if (size)
                data.truncate(rnd.below(size));
            break;
        case 7: { // splice with another input
            const QByteArray &other = pool.at(size_t(rnd.below(qsizetype(pool.size()))));
            if (other.isEmpty())
                break;
            const qsizetype from = rnd.below(other.size());
            data.insert(rnd.below(size + 1), other.mid(from, 1 + rnd.below(qMin<qsizetype>(other.size() - from, 128))));
            break;
        }
        default: { // ASCII tweak: digits and punctuation that parsers care about
            if (!size)
                break;
            static const char tokens[] = "0919-:./\\\"'{}[],#$%&\n\r\t \x1e\x00";
            data[rnd.below(size)] = tokens[rnd.below(qsizetype(sizeof tokens - 1))];
            break;
        }
        }
        if (data.size() > (1 << 20))
            data.truncate(1 << 20);
    }
    return data;
}

} // namespace

int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);

    qint64 mutations = 0;
    quint64 seed = 1;
    qint64 maxSeconds = 0;
    QStringList paths;
    for (int i = 1; i < argc; ++i) {
        const QByteArray a = argv[i];
        if (a.startsWith("-mutate="))
            mutations = a.mid(8).toLongLong();
        else if (a.startsWith("-seed="))
            seed = a.mid(6).toULongLong();
        else if (a.startsWith("-max_seconds="))
            maxSeconds = a.mid(13).toLongLong();
        else if (a.startsWith('-'))
            std::fprintf(stderr, "ignoring libFuzzer option %s (replay driver)\n", argv[i]);
        else
            paths.append(QString::fromLocal8Bit(a));
    }
    if (paths.isEmpty()) {
        std::fprintf(stderr, "usage: %s [-mutate=N] [-seed=S] [-max_seconds=T] FILE|DIR...\n", argv[0]);
        return 2;
    }

    const QByteArray target = QFileInfo(QString::fromLocal8Bit(argv[0])).fileName().toLocal8Bit();
    std::snprintf(g_crashPath, sizeof g_crashPath, "fuzz-crash-%s-%d", target.constData(), int(::getpid()));
    for (int sig : {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL})
        std::signal(sig, onCrash);

    QStringList files;
    for (const QString &p : std::as_const(paths)) {
        const QFileInfo info(p);
        if (info.isDir()) {
            QStringList inDir;
            QDirIterator it(p, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext())
                inDir.append(it.next());
            inDir.sort();
            files += inDir;
        } else if (info.isFile()) {
            files.append(p);
        } else {
            std::fprintf(stderr, "%s: no such file or directory\n", qUtf8Printable(p));
            return 2;
        }
    }

    QElapsedTimer clock;
    clock.start();
    std::vector<QByteArray> pool;
    for (const QString &f : std::as_const(files)) {
        QFile file(f);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "%s: cannot read\n", qUtf8Printable(f));
            return 2;
        }
        pool.push_back(file.readAll());
        run(pool.back());
    }
    std::printf("%s: replayed %zu inputs\n", target.constData(), pool.size());
    if (pool.empty())
        pool.emplace_back();

    Random rnd(seed);
    qint64 done = 0;
    for (; done < mutations; ++done) {
        if (maxSeconds > 0 && (done & 63) == 0 && clock.elapsed() > maxSeconds * 1000)
            break;
        run(mutate(pool.at(size_t(rnd.below(qsizetype(pool.size())))), pool, rnd));
    }
    if (mutations)
        std::printf("%s: %lld mutated inputs (seed %llu) in %.1f s, no crash\n", target.constData(), done,
                    static_cast<unsigned long long>(seed), double(clock.elapsed()) / 1000.0);
    return 0;
}
