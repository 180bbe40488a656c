// SPDX-License-Identifier: GPL-3.0-or-later
#include "run/stepstatementsource.h"

#include "ops/interpreter.h"
#include "python/pythonast.h"
#include "revision/revisionmap.h"
#include "schema/schemaapplier.h"
#include "schema/schemareplayer.h"

namespace Retort {

StepStatementSource::StepStatementSource(const RevisionMap &map, SqlDialect dialect,
                                         VersionTableSql versionTable)
    : m_map(map)
    , m_dialect(dialect)
    , m_versionTable(std::move(versionTable))
    , m_renderer(SqlRenderer::create(dialect))
{
}

StepStatementSource::~StepStatementSource() = default;

void StepStatementSource::setStartHeads(const QStringList &heads)
{
    m_schema = SchemaModel();
    if (m_dialect != SqlDialect::Sqlite || heads.isEmpty())
        return;
    const SchemaReplayer replayer(m_map, sqlDialectName(m_dialect), m_modules);
    if (const Result<SchemaReplay> replay = replayer.replayAt(heads))
        m_schema = replay->schema;
}

Result<RunStatements> StepStatementSource::bodyStatements(const MigrationStep &step) const
{
    if (step.stamp)
        return RunStatements();
    const QString function = step.name();
    const Revision *revision = m_map.revision(step.revision);
    if (!revision)
        return Result<RunStatements>::failure(
            QStringLiteral("Can't locate revision identified by '%1'").arg(step.revision));
    Diagnostic error;
    const PythonModule *parsed = m_modules.module(revision->path, &error);
    if (!parsed)
        return Result<RunStatements>::failure(error.toString());
    const InterpretedFunction interpreted =
        Interpreter(*parsed).interpret(function, sqlDialectName(m_dialect));
    if (!interpreted.renderable()) {
        QStringList lines;
        for (const Diagnostic &d : interpreted.diagnostics)
            lines << d.toString();
        return Result<RunStatements>::failure(lines.join(QLatin1Char('\n')));
    }

    RunStatements statements;
    bool autocommit = false;
    SchemaApplier applier(m_schema, revision->path);
    for (Operation operation : interpreted.operations) {
        if (auto *batch = std::get_if<BatchAlterTable>(&operation); batch && !batch->copyFrom &&
                                                                     m_dialect == SqlDialect::Sqlite)
            if (const TableDef *table = m_schema.table(batch->table, batch->schema))
                batch->copyFrom = *table;
        if (std::holds_alternative<AutocommitBlockBegin>(operation)) {
            autocommit = true;
            continue;
        }
        if (std::holds_alternative<AutocommitBlockEnd>(operation)) {
            autocommit = false;
            continue;
        }
        const int line = operationRange(operation).start.line;
        const Result<QStringList> rendered = m_renderer->render(operation);
        if (!rendered)
            return Result<RunStatements>::failure(revision->path + QLatin1Char(':') +
                                                  QString::number(line) + QLatin1String(": ") +
                                                  rendered.error());
        for (const QString &sql : rendered.value())
            statements.append({RunStatement::Kind::Body, sql, revision->path, line, autocommit});
        if (m_dialect == SqlDialect::Sqlite)
            applier.apply(operation);
    }
    return statements;
}

RunStatement StepStatementSource::versionStatement(const VersionRowChange &change) const
{
    RunStatement statement;
    statement.kind = change.kind == VersionRowChange::Kind::DeleteAll
                         ? RunStatement::Kind::PurgeVersionTable
                         : RunStatement::Kind::VersionTable;
    statement.sql = m_versionTable.statement(change);
    return statement;
}

RunStatement StepStatementSource::createVersionTable() const
{
    RunStatement statement;
    statement.kind = RunStatement::Kind::CreateVersionTable;
    statement.sql = m_versionTable.createTable();
    return statement;
}

RunStatement StepStatementSource::purgeVersionTable() const
{
    return versionStatement(VersionRowChange::removeAll());
}

} // namespace Retort
