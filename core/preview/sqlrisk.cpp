// SPDX-License-Identifier: GPL-3.0-or-later
#include "preview/sqlrisk.h"

namespace Retort {

QString SqlRisk::toString() const
{
    QString where = file;
    if (line > 0)
        where += QLatin1Char(':') + QString::number(line);
    if (!where.isEmpty())
        where += QLatin1String(": ");
    return where + QLatin1String("warning: ") + summary + QLatin1String(" (") + reason +
           QLatin1Char(')');
}

QString SqlRisk::kindName(Kind kind)
{
    switch (kind) {
    case Kind::DropTable:
        return QStringLiteral("drop-table");
    case Kind::DropColumn:
        return QStringLiteral("drop-column");
    case Kind::NarrowingType:
        return QStringLiteral("narrowing-type");
    case Kind::NotNullExisting:
        return QStringLiteral("not-null-existing");
    case Kind::NotNullNoDefault:
        return QStringLiteral("not-null-no-default");
    case Kind::IndexLocksTable:
        return QStringLiteral("index-locks-table");
    case Kind::TableRewrite:
        return QStringLiteral("table-rewrite");
    }
    return QString();
}

} // namespace Retort
