#include "secureexec.h"

#include <cstdlib>
#include <cstring>

#ifdef Q_OS_LINUX
#include <sys/auxv.h>
#endif

namespace secureexec {

namespace {

// Environment variables that make Qt load code (plugins, QML) or cached compiled QML from a
// caller-chosen place. The dynamic loader and OpenSSL already ignore their equivalents
// (LD_PRELOAD, OPENSSL_CONF...) in secure-execution mode.
const char *const Variables[] = {
    "QT_PLUGIN_PATH", "QT_QPA_PLATFORM_PLUGIN_PATH", "QT_QPA_GENERIC_PLUGINS", "QML_IMPORT_PATH",
    "QML2_IMPORT_PATH", "QT_QUICK_CONTROLS_STYLE_PATH", "QML_DISK_CACHE_PATH", "QT_QUICK_CONTROLS_CONF",
};
// Command-line options of QGuiApplication that take a value and load plugins.
const char *const OptionsWithValue[] = {"-platformpluginpath", "-plugin", "-qmljsdebugger"};

bool takesValue(const char *arg, bool *inlineValue)
{
    for (const char *o : OptionsWithValue) {
        const size_t n = std::strlen(o);
        // "-plugin x", "--plugin x", "-plugin=x", "-qmljsdebugger=port:..."
        const char *a = (arg[0] == '-' && arg[1] == '-') ? arg + 1 : arg;
        if (std::strncmp(a, o, n) == 0 && (a[n] == '\0' || a[n] == '=')) {
            *inlineValue = a[n] == '=';
            return true;
        }
    }
    return false;
}

} // namespace

bool isSecureExecution()
{
#ifdef Q_OS_LINUX
    return getauxval(AT_SECURE) != 0;
#else
    return false;
#endif
}

QStringList dropUntrustedLoadPaths(int &argc, char **argv)
{
    QStringList dropped;
    for (const char *v : Variables)
        if (std::getenv(v)) {
            ::unsetenv(v);
            dropped.append(QString::fromLatin1(v));
        }
    int out = 1;
    for (int i = 1; i < argc; ++i) {
        bool inlineValue = false;
        if (takesValue(argv[i], &inlineValue)) {
            dropped.append(QString::fromLocal8Bit(argv[i]).section(QLatin1Char('='), 0, 0));
            if (!inlineValue && i + 1 < argc)
                ++i;
            continue;
        }
        argv[out++] = argv[i];
    }
    for (int i = out; i < argc; ++i)
        argv[i] = nullptr;
    argc = out;
    return dropped;
}

} // namespace secureexec
