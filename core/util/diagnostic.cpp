// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/diagnostic.h"

namespace Retort {

QString Diagnostic::toString() const
{
    QString where = file;
    if (line > 0) {
        where += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            where += QLatin1Char(':') + QString::number(column);
    }
    if (where.isEmpty())
        return message;
    return where + QLatin1String(": ") + message;
}

} // namespace Retort
