// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/offlinescriptwriter.h"

#include "revision/revisionmap.h"
#include "revision/versiontablesteps.h"

namespace Retort {

namespace {

// Every piece of offline output is followed by one empty line.
void emit(QString &out, const QString &text)
{
    out += text;
    out += QLatin1String("\n\n");
}

// Alembic's static output: tabs become four spaces, surrounding whitespace goes, and
// the dialect's terminator is appended (even after an existing ';'). Appended in place:
// a script has thousands of statements, and most have no tab to replace.
void appendStatement(QString &out, const QString &sql)
{
    if (sql.contains(QLatin1Char('\t')))
        out += QString(sql).replace(QLatin1Char('\t'), QLatin1String("    ")).trimmed();
    else
        out += QStringView(sql).trimmed();
    out += QLatin1String(";\n\n");
}

} // namespace

OfflineScriptWriter::OfflineScriptWriter(const RevisionMap &map, VersionTableSql versionTable)
    : m_map(map)
    , m_versionTable(std::move(versionTable))
{ }

Result<QString> OfflineScriptWriter::write(const MigrationPlan &plan) const
{
    if (plan.purge)
        return Result<QString>::failure(QStringLiteral("Can't use --purge with --sql mode"));

    const bool transactional = m_versionTable.transactionalDdl();
    const bool perRun = transactional && !m_transactionPerMigration;
    const bool perStep = transactional && m_transactionPerMigration;
    VersionTableSteps versions(m_map, plan.startHeads);

    QString out;
    if (perRun)
        emit(out, QStringLiteral("BEGIN;"));
    for (const MigrationStep &step : plan.steps) {
        if (perStep)
            emit(out, QStringLiteral("BEGIN;"));
        if (versions.heads().isEmpty())
            appendStatement(out, m_versionTable.createTable());
        emit(out, QLatin1String("-- Running ") + step.description());
        if (m_stepStatements && !step.stamp) {
            const Result<QStringList> body = m_stepStatements(step);
            if (!body)
                return Result<QString>::failure(body.error());
            for (const QString &sql : body.value())
                appendStatement(out, sql);
        }
        const auto changes = versions.apply(step);
        if (!changes)
            return Result<QString>::failure(changes.errorString());
        for (const VersionRowChange &change : changes.value())
            appendStatement(out, m_versionTable.statement(change));
        if (perStep)
            emit(out, QStringLiteral("COMMIT;"));
    }
    if (m_dropEmptyVersionTable && versions.heads().isEmpty())
        appendStatement(out, m_versionTable.dropTable());
    if (perRun)
        emit(out, QStringLiteral("COMMIT;"));
    return out;
}

} // namespace Retort
