// SPDX-License-Identifier: GPL-3.0-or-later
#include "ops/dialectoptions.h"

#include "ops/sqlexpression.h"

namespace Retort {

bool DialectOption::operator==(const DialectOption &other) const
{
    if (key != other.key || kind != other.kind || !(value == other.value) ||
        list != other.list || dict != other.dict)
        return false;
    if (bool(expression) != bool(other.expression))
        return false;
    return !expression || *expression == *other.expression;
}

const DialectOption *DialectOptions::find(const QString &key) const
{
    for (const DialectOption &option : *this) {
        if (option.key == key)
            return &option;
    }
    return nullptr;
}

SqlValue DialectOptions::scalar(const QString &key) const
{
    const DialectOption *option = find(key);
    if (!option || option->kind != DialectOption::Kind::Scalar)
        return SqlValue();
    return option->value;
}

void DialectOptions::set(const DialectOption &option)
{
    for (DialectOption &existing : *this) {
        if (existing.key == option.key) {
            existing = option;
            return;
        }
    }
    append(option);
}

DialectOptions DialectOptions::forDialect(const QString &dialect) const
{
    DialectOptions result;
    const QString prefix = dialect + QLatin1Char('_');
    for (const DialectOption &option : *this) {
        if (option.key.startsWith(prefix))
            result.append(option);
    }
    return result;
}

} // namespace Retort
