// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/migrationsqlsource.h"

#include "ops/interpreter.h"
#include "python/pythonast.h"
#include "revision/revisionmap.h"


namespace Retort {

MigrationSqlSource::MigrationSqlSource(const RevisionMap &map, SqlDialect dialect)
    : m_map(map)
    , m_dialect(dialect)
    , m_renderer(SqlRenderer::create(dialect))
{
}

MigrationSqlSource::~MigrationSqlSource() = default;

QString MigrationSqlSource::diagnosticsText(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &d : diagnostics)
        lines << d.toString();
    return lines.join(QLatin1Char('\n'));
}

Result<QStringList> MigrationSqlSource::statements(const MigrationStep &step) const
{
    if (step.stamp)
        return QStringList();
    const QString function = step.isUpgrade() ? QStringLiteral("upgrade") : QStringLiteral("downgrade");
    const QString key = function + QLatin1Char(':') + step.revision;
    if (const auto it = m_rendered.constFind(key); it != m_rendered.constEnd())
        return *it;
    const Revision *revision = m_map.revision(step.revision);
    if (!revision)
        return Result<QStringList>::failure(QStringLiteral("Can't locate revision identified by '%1'").arg(step.revision));
    Diagnostic error;
    const PythonModule *parsed = m_modules.module(revision->path, &error);
    if (!parsed)
        return Result<QStringList>::failure(error.toString());
    const Interpreter interpreter(*parsed);
    const InterpretedFunction interpreted = interpreter.interpret(function, sqlDialectName(m_dialect));
    if (!interpreted.renderable())
        return Result<QStringList>::failure(diagnosticsText(interpreted.diagnostics));
    const Result<QStringList> rendered = m_renderer->renderAll(interpreted.operations);
    if (!rendered)
        return rendered;
    m_rendered.insert(key, rendered.value());
    return rendered;
}

OfflineScriptWriter::StepStatements MigrationSqlSource::hook() const
{
    return [this](const MigrationStep &step) { return statements(step); };
}

} // namespace Retort
