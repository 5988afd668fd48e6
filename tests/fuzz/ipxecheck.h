#pragma once

// The iPXE injection invariant shared by the harnesses whose input ends up in a device script
// (fuzz_ipxe_script, fuzz_redfish: virtual media and HttpBootUri).

#include "fuzzsupport.h"

#include "boot/ipxescript.h"

#include <QRegularExpression>

inline const QStringList &ipxeCommands()
{
    static const QStringList c = {QStringLiteral("echo"), QStringLiteral("sleep"),   QStringLiteral("exit"),
                                  QStringLiteral("chain"), QStringLiteral("reboot"), QStringLiteral("kernel"),
                                  QStringLiteral("initrd"), QStringLiteral("boot"),  QStringLiteral("sanboot")};
    return c;
}

inline void checkIpxeScript(const ipxe::Script &s)
{
    const QString text = QString::fromUtf8(s.text);
    FUZZ_CHECK(text.startsWith(QLatin1String("#!ipxe\n")), QStringLiteral("script without #!ipxe"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        for (const QChar c : line)
            FUZZ_CHECK(c.unicode() >= 0x20 && c.unicode() < 0x7f, QStringLiteral("non-printable character in: %1").arg(line));
        FUZZ_CHECK(!line.endsWith(QLatin1Char('\\')), QStringLiteral("line continuation: %1").arg(line));
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line == QLatin1String(":failed"))
            continue;
        const QStringList tokens = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        FUZZ_CHECK(ipxeCommands().contains(tokens.first()), QStringLiteral("unexpected command: %1").arg(line));
        for (qsizetype i = 1; i < tokens.size(); ++i) {
            const QString &t = tokens.at(i);
            if (t == QLatin1String("||")) {
                const QString tail = tokens.mid(i + 1).join(QLatin1Char(' '));
                FUZZ_CHECK(tail == QLatin1String("goto failed") || tail == QLatin1String("reboot"),
                           QStringLiteral("injected terminator: %1").arg(line));
                break;
            }
            FUZZ_CHECK(t != QLatin1String("&&") && t != QLatin1String(";") && !t.startsWith(QLatin1Char('#')),
                       QStringLiteral("injected terminator or comment: %1").arg(line));
        }
        static const QRegularExpression badDollar(QStringLiteral("\\$(?!\\{[A-Za-z0-9_.:/-]+\\})"));
        FUZZ_CHECK(!badDollar.match(line).hasMatch(), QStringLiteral("'$' outside ${setting}: %1").arg(line));
    }
}

