// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlrenderer.h"

#include "sql/mysqlrenderer.h"
#include "sql/postgresqlrenderer.h"
#include "sql/sqliterenderer.h"

namespace Retort {

SqlRenderer::~SqlRenderer() = default;

Result<QStringList> SqlRenderer::renderAll(const Operations &operations) const
{
    QStringList statements;
    for (const Operation &operation : operations) {
        const Result<QStringList> rendered = render(operation);
        if (!rendered)
            return rendered;
        statements += rendered.value();
    }
    return statements;
}

std::unique_ptr<SqlRenderer> SqlRenderer::create(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::PostgreSql:
        return std::make_unique<PostgreSqlRenderer>();
    case SqlDialect::MySql:
        return std::make_unique<MySqlRenderer>();
    case SqlDialect::Sqlite:
        break;
    }
    return std::make_unique<SqliteRenderer>();
}

} // namespace Retort
