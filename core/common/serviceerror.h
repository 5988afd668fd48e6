#pragma once

#include <QMetaType>
#include <QString>

// What a service reports to the user when something goes wrong (bind failure, bad file, ...).
// `message` is already translated (tr()) because it ends up in the GUI; logs use English.
struct ServiceError
{
    QString service;   // "tftp", "dhcp", ...
    QString code;      // stable machine-readable id, e.g. "bind-failed"
    QString message;   // human readable
};
Q_DECLARE_METATYPE(ServiceError)
