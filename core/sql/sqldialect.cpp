// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqldialect.h"

namespace Retort {

QString sqlDialectName(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::PostgreSql:
        return QStringLiteral("postgresql");
    case SqlDialect::MySql:
        return QStringLiteral("mysql");
    case SqlDialect::Sqlite:
        break;
    }
    return QStringLiteral("sqlite");
}

std::optional<SqlDialect> sqlDialectFromName(const QString &name)
{
    const QString base = name.section(QLatin1Char('+'), 0, 0).toLower();
    if (base == QLatin1String("sqlite"))
        return SqlDialect::Sqlite;
    if (base == QLatin1String("postgresql") || base == QLatin1String("postgres"))
        return SqlDialect::PostgreSql;
    if (base == QLatin1String("mysql") || base == QLatin1String("mariadb"))
        return SqlDialect::MySql;
    return std::nullopt;
}

} // namespace Retort
