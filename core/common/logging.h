#pragma once

#include <QLoggingCategory>

// One category per subsystem; control with QT_LOGGING_RULES="metalboot.tftp.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcCore)
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
Q_DECLARE_LOGGING_CATEGORY(lcDevices)
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcDhcp)
Q_DECLARE_LOGGING_CATEGORY(lcTftp)
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcEfi)
Q_DECLARE_LOGGING_CATEGORY(lcPoe)
Q_DECLARE_LOGGING_CATEGORY(lcRedfish)
Q_DECLARE_LOGGING_CATEGORY(lcLab)
Q_DECLARE_LOGGING_CATEGORY(lcProvision)
Q_DECLARE_LOGGING_CATEGORY(lcConsole)
Q_DECLARE_LOGGING_CATEGORY(lcUi)

namespace logging {
// Headless mode: one line per message on stderr, prefixed with a syslog priority ("<6>") that
// journald understands, followed by the category. Installs a Qt message handler.
void installJournaldHandler();
// Replaces "password=...", "token ..." style secrets with "***" (used by the handler and by
// anyone echoing user input into logs).
QString redactSecrets(const QString &text);
} // namespace logging
