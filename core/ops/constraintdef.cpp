// SPDX-License-Identifier: GPL-3.0-or-later
#include "ops/constraintdef.h"

namespace Retort {

ForeignKeyTarget ForeignKeyTarget::parse(const QString &spec)
{
    // SQLAlchemy splits on the last dot for the column and keeps the rest as
    // "schema.table" when more dots remain.
    ForeignKeyTarget target;
    const qsizetype columnDot = spec.lastIndexOf(QLatin1Char('.'));
    if (columnDot < 0) {
        target.column = spec;
        return target;
    }
    target.column = spec.mid(columnDot + 1);
    const QString tablePart = spec.left(columnDot);
    const qsizetype schemaDot = tablePart.lastIndexOf(QLatin1Char('.'));
    if (schemaDot < 0) {
        target.table = tablePart;
    } else {
        target.schema = tablePart.left(schemaDot);
        target.table = tablePart.mid(schemaDot + 1);
    }
    return target;
}

} // namespace Retort
