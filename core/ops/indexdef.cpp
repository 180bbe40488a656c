// SPDX-License-Identifier: GPL-3.0-or-later
#include "ops/indexdef.h"

namespace Retort {

bool IndexDef::columnNames(QStringList *names) const
{
    QStringList result;
    for (const SqlExpression &expression : expressions) {
        if (expression.kind != SqlExpression::Kind::Column)
            return false;
        result.append(expression.text);
    }
    if (names)
        *names = result;
    return true;
}

} // namespace Retort
