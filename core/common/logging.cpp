#include "logging.h"

#include <QRegularExpression>

#include <cstdio>

Q_LOGGING_CATEGORY(lcCore, "metalboot.core", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConfig, "metalboot.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDevices, "metalboot.devices", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "metalboot.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDhcp, "metalboot.dhcp", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTftp, "metalboot.tftp", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "metalboot.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEfi, "metalboot.efi", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPoe, "metalboot.poe", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRedfish, "metalboot.redfish", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLab, "metalboot.lab", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProvision, "metalboot.provision", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConsole, "metalboot.console", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "metalboot.ui", QtInfoMsg)

namespace logging {

QString redactSecrets(const QString &text)
{
    // key=value / key: value / "key":"value" forms for the usual secret names, and HTTP auth headers.
    static const QRegularExpression keyValue(
        QStringLiteral(R"((password|passwd|secret|token|api[_-]?key|community|auth[_-]?key|priv[_-]?key)(\"?\s*[=:]\s*\"?)([^\s\",;&]+))"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression authHeader(
        QStringLiteral(R"((authorization|x-auth-token|cookie)(\s*:\s*)([^\r\n]+))"),
        QRegularExpression::CaseInsensitiveOption);
    QString out = text;
    out.replace(keyValue, QStringLiteral("\\1\\2***"));
    out.replace(authHeader, QStringLiteral("\\1\\2***"));
    return out;
}

static int syslogPriority(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return 7;
    case QtInfoMsg: return 6;
    case QtWarningMsg: return 4;
    case QtCriticalMsg: return 3;
    case QtFatalMsg: return 2;
    }
    return 6;
}

static void journaldHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray category = context.category ? QByteArray(context.category) : QByteArray("default");
    const QByteArray line = "<" + QByteArray::number(syslogPriority(type)) + ">" + category + ": "
        + redactSecrets(message).toUtf8() + "\n";
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

void installJournaldHandler()
{
    qInstallMessageHandler(journaldHandler);
}

} // namespace logging
