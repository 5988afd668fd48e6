#include "fuzzsupport.h"

#include <QtGlobal>

namespace fuzzsupport {

namespace {

void dropMessage(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "qFatal: %s\n", qUtf8Printable(message));
        std::abort();
    }
}

} // namespace

void quietQtLogging()
{
    qInstallMessageHandler(dropMessage);
}

void init()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    // METALBOOT_FUZZ_VERBOSE=1 keeps Qt's messages (useful when minimising a crash).
    if (qEnvironmentVariableIntValue("METALBOOT_FUZZ_VERBOSE") == 0)
        quietQtLogging();
}

void fail(const char *file, int line, const char *what, const QString &detail)
{
    std::fprintf(stderr, "\n%s:%d: invariant violated: %s\n  %s\n", file, line, what, qUtf8Printable(detail.left(2000)));
    std::fflush(stderr);
    std::abort();
}

} // namespace fuzzsupport

// Harnesses that need more set-up define their own LLVMFuzzerInitialize; most use this one.
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int *, char ***)
{
    fuzzsupport::init();
    return 0;
}
