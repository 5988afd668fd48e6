#include "varprinter.h"

#include "devicepath.h"
#include "efibytes.h"
#include "efiguid.h"
#include "loadoption.h"

#include <openssl/asn1.h>
#include <openssl/objects.h>
#include <openssl/x509.h>

#include <algorithm>

namespace efi {

namespace {

bool isOneOf(const QString &name, std::initializer_list<const char *> names)
{
    for (const char *n : names)
        if (name == QLatin1String(n))
            return true;
    return false;
}

QString pyStr(const QString &s, int width)
{
    return s.size() >= width ? s : s + QString(width - s.size(), QLatin1Char(' '));
}

QString timeText(const QByteArray &t)
{
    const char *p = t.constData();
    const quint32 micro = le32(p + 8) / 1000;
    QString s = QStringLiteral("%1-%2-%3 %4:%5:%6")
                    .arg(le16(p), 4, 10, QLatin1Char('0'))
                    .arg(quint8(p[2]), 2, 10, QLatin1Char('0'))
                    .arg(quint8(p[3]), 2, 10, QLatin1Char('0'))
                    .arg(quint8(p[4]), 2, 10, QLatin1Char('0'))
                    .arg(quint8(p[5]), 2, 10, QLatin1Char('0'))
                    .arg(quint8(p[6]), 2, 10, QLatin1Char('0'));
    if (micro)
        s += QStringLiteral(".%1").arg(micro, 6, 10, QLatin1Char('0'));
    return s;
}

QString certCommonName(X509_NAME *name)
{
    if (!name)
        return {};
    const int idx = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
    if (idx < 0)
        return {};
    ASN1_STRING *value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, idx));
    unsigned char *utf8 = nullptr;
    const int len = ASN1_STRING_to_UTF8(&utf8, value);
    if (len < 0)
        return {};
    QString out = QString::fromUtf8(reinterpret_cast<const char *>(utf8), len);
    OPENSSL_free(utf8);
    return out;
}

void printSignatureLists(const QByteArray &data, QStringList &out)
{
    qsizetype pos = 0;
    while (pos + 28 <= data.size()) {
        const char *p = data.constData() + pos;
        const QUuid type = guidFromBytes(p);
        const quint32 listSize = le32(p + 16);
        const quint32 headerSize = le32(p + 20);
        const quint32 sigSize = le32(p + 24);
        if (listSize < 28 || listSize > quint64(data.size() - pos) || quint64(headerSize) + 28 > listSize || sigSize < 16) {
            out.append(QStringLiteral("  siglist (malformed at offset %1)").arg(pos));
            return;
        }
        QList<QByteArray> sigs;
        for (qsizetype s = 28 + headerSize; s + sigSize <= listSize; s += sigSize)
            sigs.append(QByteArray(p + s + 16, sigSize - 16));
        out.append(QStringLiteral("  siglist type=%1 count=%2").arg(guidDisplayName(type)).arg(sigs.size()));
        if (type == guids::CertX509 && !sigs.isEmpty()) {
            const auto *der = reinterpret_cast<const unsigned char *>(sigs.first().constData());
            X509 *cert = d2i_X509(nullptr, &der, long(sigs.first().size()));
            if (cert) {
                const QString subject = certCommonName(X509_get_subject_name(cert));
                const QString issuer = certCommonName(X509_get_issuer_name(cert));
                out.append(subject.isEmpty() ? QStringLiteral("    no subject CN") : QStringLiteral("    subject CN=") + subject);
                out.append(issuer.isEmpty() ? QStringLiteral("    no issuer CN") : QStringLiteral("    issuer CN=") + issuer);
                X509_free(cert);
            }
        } else if (type == guids::CertSha256) {
            for (const auto &sig : sigs)
                out.append(QStringLiteral("    ") + QString::fromLatin1(sig.toHex()));
        }
        pos += listSize;
    }
}

void printHexdump(const QByteArray &data, QStringList &out)
{
    const qsizetype shown = qMin<qsizetype>(data.size(), 256);
    for (qsizetype line = 0; line < shown; line += 16) {
        QString hexPart, ascii;
        for (qsizetype i = line; i < qMin(line + 16, shown); ++i) {
            const auto c = quint8(data.at(i));
            hexPart += QStringLiteral("%1 ").arg(c, 2, 16, QLatin1Char('0'));
            ascii += (c > 0x20 && c < 0x7f) ? QLatin1Char(char(c)) : QLatin1Char('.');
            if ((i + 1) % 4 == 0) {
                hexPart += QLatin1Char(' ');
                ascii += QLatin1Char(' ');
            }
        }
        out.append(QStringLiteral("  %1:  %2 %3").arg(line, 6, 16, QLatin1Char('0')).arg(pyStr(hexPart, 52), ascii));
    }
    if (shown < data.size())
        out.append(QStringLiteral("  %1:  [ ... ]").arg(shown, 6, 16, QLatin1Char('0')));
}

} // namespace

std::optional<QString> describeVariable(const Variable &v)
{
    const QString &name = v.name;
    const QByteArray &d = v.data;
    if (isOneOf(name, {"SecureBootEnable", "CustomMode"}))
        return QStringLiteral("bool: ") + ((!d.isEmpty() && d.at(0)) ? QStringLiteral("ON") : QStringLiteral("off"));
    if (isOneOf(name, {"Lang", "PlatformLang", "SbatLevel"})) {
        QString s = QString::fromUtf8(d);
        while (s.endsWith(QChar(0)))
            s.chop(1);
        s.replace(QLatin1Char('\n'), QLatin1String("\\n"));
        return QStringLiteral("ascii: \"%1\"").arg(s);
    }
    if (isOneOf(name, {"BootOrder", "BootNext"})) {
        QStringList items;
        for (qsizetype i = 0; i + 1 < d.size(); i += 2)
            items.append(QStringLiteral("%1").arg(le16(d.constData() + i), 4, 16, QLatin1Char('0')));
        return QStringLiteral("boot order: ") + items.join(QLatin1String(", "));
    }
    if (isOneOf(name, {"ConIn", "ConOut", "ErrOut"}))
        return QStringLiteral("devpath: ") + virtDevicePathText(d);
    if (name.startsWith(QLatin1String("Boot0"))) {
        const auto option = LoadOption::decode(d);
        if (!option.ok())
            return QStringLiteral("boot entry: (invalid: %1)").arg(option.error());
        return QStringLiteral("boot entry: ") + option->virtText();
    }
    static const char *const widths[] = {nullptr, "byte", "word", nullptr, "dword", nullptr, nullptr, nullptr, "qword"};
    if (d.size() == 1 || d.size() == 2 || d.size() == 4 || d.size() == 8) {
        QByteArray reversed(d);
        std::reverse(reversed.begin(), reversed.end());
        return QStringLiteral("%1: 0x%2").arg(QLatin1String(widths[d.size()]), QString::fromLatin1(reversed.toHex()));
    }
    return std::nullopt;
}

QList<Variable> sortedByName(QList<Variable> variables)
{
    std::stable_sort(variables.begin(), variables.end(),
                     [](const Variable &a, const Variable &b) { return a.name < b.name; });
    return variables;
}

QString printCompact(const QList<Variable> &variables)
{
    QString out;
    for (const auto &v : sortedByName(variables)) {
        const auto desc = describeVariable(v);
        out += pyStr(v.name, 20) + QStringLiteral(": ")
            + (desc ? *desc : QStringLiteral("blob: %1 bytes").arg(v.data.size())) + QLatin1Char('\n');
    }
    return out;
}

QString printVerbose(const QList<Variable> &variables, bool hexdump)
{
    QStringList lines;
    for (const auto &v : sortedByName(variables)) {
        QString head = QStringLiteral("name=%1 guid=%2 size=%3").arg(v.name, guidDisplayName(v.guid)).arg(v.data.size());
        if (v.monotonicCount)
            head += QStringLiteral(" count=%1").arg(v.monotonicCount);
        if (v.pubKeyIndex)
            head += QStringLiteral(" pkidx=%1").arg(v.pubKeyIndex);
        if (v.hasTimeStamp())
            head += QStringLiteral(" time=") + timeText(v.timeStamp);
        lines.append(head);
        if (const auto desc = describeVariable(v))
            lines.append(QStringLiteral("  ") + *desc);
        if (isOneOf(v.name, {"PK", "KEK", "db", "dbx", "MokList", "MokListX", "TlsCaCertificate", "MokListRT", "MokListXRT"}))
            printSignatureLists(v.data, lines);
        if (hexdump)
            printHexdump(v.data, lines);
        lines.append(QString());
    }
    return lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace efi
