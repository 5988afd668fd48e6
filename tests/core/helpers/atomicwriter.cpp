// Test helper for tst_atomicsave: saves two alternating contents to a file in a tight loop
// through atomicfile::write (with backup) until killed.
#include "common/atomicfile.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2)
        return 2;
    const QString path = QString::fromLocal8Bit(argv[1]);
    // Large enough that a write takes several syscalls.
    const QByteArray a = QByteArray(256 * 1024, 'A') + "\nend-of-A\n";
    const QByteArray b = QByteArray(300 * 1024, 'B') + "\nend-of-B\n";
    std::fputs("ready\n", stdout);
    std::fflush(stdout);
    for (quint64 i = 0;; ++i) {
        QString error;
        if (!atomicfile::write(path, (i & 1) ? b : a, &error, atomicfile::Backup::KeepPrevious)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
    }
}
