// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqliterenderer.h"

namespace Retort {

namespace {

const char *const constraintError =
    "NotImplementedError: No support for ALTER of constraints in SQLite dialect. Please refer to the batch mode "
    "feature which allows for SQLite migrations using a copy-and-move strategy.";

// SQLite needs parentheses around a default that is an expression: anything with a
// non-word character that does not start as a literal or a parenthesized group.
bool needsParentheses(const QString &sql)
{
    const QString trimmed = sql.trimmed();
    if (trimmed.startsWith(QLatin1Char('\'')) || trimmed.startsWith(QLatin1Char('"')) || trimmed.startsWith(QLatin1Char('(')))
        return false;
    for (const QChar c : sql) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_')))
            return true;
    }
    return false;
}

} // namespace

SqliteRenderer::SqliteRenderer()
    : DdlCompiler(SqlDialect::Sqlite)
{
}

Result<QString> SqliteRenderer::columnSpecification(const ColumnDef &column, const TableDef *table) const
{
    const Result<QString> type = types().compile(column.type);
    if (!type)
        return type;
    QString spec = preparer().quote(column.name) + QLatin1Char(' ') + type.value();
    const Result<std::optional<QString>> def = defaultClause(column.serverDefault);
    if (!def)
        return Result<QString>::failure(def.error());
    if (def.value()) {
        const QString &sql = *def.value();
        spec += needsParentheses(sql) ? QString(QStringLiteral(" DEFAULT (") + sql + QLatin1Char(')'))
                                      : QString(QStringLiteral(" DEFAULT ") + sql);
    }
    if (!isNullable(column, table))
        spec += QStringLiteral(" NOT NULL");
    if (column.computed) {
        const Result<QString> text = expressions().compile(column.computed->sqltext, ExpressionCompiler::Context::Verbatim);
        if (!text)
            return text;
        spec += QStringLiteral(" GENERATED ALWAYS AS (") + text.value() + QLatin1Char(')');
        if (column.computed->persisted)
            spec += *column.computed->persisted ? QStringLiteral(" STORED") : QStringLiteral(" VIRTUAL");
    }
    return spec;
}

Result<QStringList> SqliteRenderer::addConstraint(const QString &, const QString &, const ConstraintDef &) const
{
    return Result<QStringList>::failure(QString::fromLatin1(constraintError));
}

Result<QStringList> SqliteRenderer::dropConstraint(const DropConstraint &) const
{
    return Result<QStringList>::failure(QString::fromLatin1(constraintError));
}

Result<QStringList> SqliteRenderer::columnComment(const QString &, const QString &, const QString &,
                                                  const std::optional<QString> &) const
{
    return Result<QStringList>::failure(QStringLiteral(
        "sqlalchemy.exc.UnsupportedCompilationError: Compiler <sqlalchemy.dialects.sqlite.base.SQLiteDDLCompiler> "
        "can't render element of type <class 'alembic.ddl.base.ColumnComment'>"));
}

} // namespace Retort
