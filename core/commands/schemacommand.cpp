// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/schemacommand.h"

#include "schema/migrationmodulecache.h"
#include "schema/schemareplayer.h"
#include "schema/schemawriter.h"
#include "sql/sqldialect.h"

namespace Retort {

CommandOutput SchemaCommand::run(const CommandContext &context, const CliArguments &arguments)
{
    QString dialectName = QStringLiteral("sqlite");
    if (!arguments.dialect.isEmpty()) {
        const Result<QString> named = CommandContext::dialectFromName(arguments.dialect);
        if (!named)
            return CommandOutput::failure(named.error());
        dialectName = named.value();
    } else if (const Result<QString> configured = context.offlineDialect(arguments)) {
        // A project without a usable URL still has a schema: sqlite shows it.
        dialectName = configured.value();
    }
    const std::optional<SqlDialect> dialect = sqlDialectFromName(dialectName);
    if (!dialect)
        return CommandOutput::failure(QStringLiteral("unknown dialect '%1'").arg(dialectName));

    MigrationModuleCache cache;
    const Result<SchemaReplay> replay = SchemaReplayer(context.map(), dialectName, cache).replay(arguments.revision());
    if (!replay)
        return CommandOutput::failure(replay.error());
    const Result<QString> script = SchemaWriter::script(replay->schema, *dialect);
    if (!script)
        return CommandOutput::failure(script.error());

    CommandOutput out = CommandOutput::success(script.value());
    for (const Diagnostic &d : replay->diagnostics)
        out.standardError += d.toString() + QLatin1Char('\n');
    if (!replay->isComplete())
        out.exitCode = 1;
    return out;
}

} // namespace Retort
