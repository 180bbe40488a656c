// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/pythoninterpreter.h"

#include <QStringList>

namespace Retort {

bool PythonInterpreter::alembicAtLeast(int major, int minor) const
{
    if (!hasAlembic())
        return false;
    const QStringList parts = alembicVersion.split(QLatin1Char('.'));
    const int haveMajor = parts.value(0).toInt();
    // "1.13.0" / "1.9.0rc1": the leading digits of the minor part are the number.
    int haveMinor = 0;
    for (QChar c : parts.value(1)) {
        if (!c.isDigit())
            break;
        haveMinor = haveMinor * 10 + c.digitValue();
    }
    return haveMajor > major || (haveMajor == major && haveMinor >= minor);
}

} // namespace Retort
