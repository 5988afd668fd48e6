#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

// One problem in a configuration file, located by file:line:column (1-based).
struct ConfigError
{
    QString file;
    int line = 0;
    int column = 0;
    QString key;        // dotted path of the offending key, e.g. "services.tftp.port"
    QString message;    // what was expected

    // "lab.yaml:12:9: services.tftp.port: expected an integer between 1 and 65535"
    [[nodiscard]] QString toString() const;
};

using ConfigErrors = QList<ConfigError>;
Q_DECLARE_METATYPE(ConfigError)
