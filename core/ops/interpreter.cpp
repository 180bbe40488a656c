// SPDX-License-Identifier: GPL-3.0-or-later
#include "ops/interpreter.h"

#include "ops/evaluator.h"

namespace Retort {

Interpreter::Interpreter(const PythonModule &module)
    : m_module(module)
{ }

bool Interpreter::hasFunction(const QString &functionName) const
{
    for (const PythonAst::Stmt *statement : m_module.body()) {
        if (const auto *def = statement->as<PythonAst::FunctionDef>(); def && def->name == functionName)
            return true;
    }
    return false;
}

InterpretedFunction Interpreter::interpret(const QString &functionName, const QString &dialect) const
{
    Evaluator evaluator(m_module, dialect);
    InterpretedFunction result;
    result.functionName = functionName;
    result.dialect = dialect;
    evaluator.run(functionName, &result.operations, &result.diagnostics);
    return result;
}

} // namespace Retort
