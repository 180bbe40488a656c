// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: the ops interpreter on the upgrade()/downgrade() bodies of a parsed
// script, for each dialect, and the SQL renderer on every result it calls renderable.
#include "fuzzentry.h"

#include "ops/interpreter.h"
#include "python/pythonparser.h"
#include "sql/sqlrenderer.h"

#include <QByteArray>

using namespace Retort;

bool Retort::Fuzz::interpreter(const QByteArray &bytes)
{
    const std::unique_ptr<PythonModule> module =
        PythonParser::parseBytes(bytes, QStringLiteral("fuzz.py"));
    if (!module)
        return true;
    const Interpreter interpreter(*module);
    for (const SqlDialect dialect : {SqlDialect::Sqlite, SqlDialect::PostgreSql, SqlDialect::MySql}) {
        const std::unique_ptr<SqlRenderer> renderer = SqlRenderer::create(dialect);
        for (const QString &function : {QStringLiteral("upgrade"), QStringLiteral("downgrade")}) {
            if (!interpreter.hasFunction(function))
                continue;
            const InterpretedFunction result =
                interpreter.interpret(function, sqlDialectName(dialect));
            if (result.renderable())
                renderer->renderAll(result.operations);
            else if (result.diagnostics.isEmpty())
                return Fuzz::fail("interpreter", "not renderable, without a diagnostic");
        }
    }
    return true;
}
