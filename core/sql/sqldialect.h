// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace Retort {

// The SQL dialects Retort renders offline SQL for (MariaDB uses MySql, as in Alembic).
enum class SqlDialect { Sqlite, PostgreSql, MySql };

// Alembic's dialect name ("sqlite", "postgresql", "mysql"), as `dialect.name` reads.
QString sqlDialectName(SqlDialect dialect);
// The dialect for a URL scheme or dialect name ("postgresql+psycopg2" -> PostgreSql,
// "mariadb" -> MySql); nullopt when Retort does not render that dialect.
std::optional<SqlDialect> sqlDialectFromName(const QString &name);

} // namespace Retort
