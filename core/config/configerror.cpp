#include "configerror.h"

QString ConfigError::toString() const
{
    QString out = file;
    if (line > 0) {
        out += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            out += QLatin1Char(':') + QString::number(column);
    }
    out += QStringLiteral(": ");
    if (!key.isEmpty())
        out += key + QStringLiteral(": ");
    out += message;
    return out;
}
