// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/callarguments.h"
#include "ops/operations.h"
#include "ops/pyvalue.h"
#include "python/pythonast.h"
#include "util/diagnostic.h"

#include <QHash>
#include <QString>

#include <vector>

namespace Retort {

// The tree walker behind Interpreter: evaluates the module's top level, then one
// function body, statement by statement, collecting operations and diagnostics.
// A statement that cannot be evaluated becomes one diagnostic and evaluation goes
// on with the next statement, so every problem of a function is reported at once.
// Internal to core/ops; one instance per interpret() call.
class Evaluator
{
public:
    Evaluator(const PythonModule &module, const QString &dialect);

    void run(const QString &functionName, Operations *operations, Diagnostics *diagnostics);

private:
    enum class Flow { Normal, Break, Continue, Return };
    using Scope = QHash<QString, PyValue>;

    void runModuleLevel();
    PyValue evaluateDeferred(const QString &name);
    Flow execBlock(const PythonAst::StmtList &body);
    Flow execStatement(const PythonAst::Stmt *statement);
    Flow execStatementUnguarded(const PythonAst::Stmt *statement);
    void execImport(const PythonAst::Stmt *statement);
    Flow execIf(const PythonAst::If *node);
    Flow execFor(const PythonAst::For *node);
    Flow execWith(const PythonAst::With *node);
    void execExpressionStatement(const PythonAst::ExprStmt *node);
    void assign(const PythonAst::Expr *target, const PyValue &value);

    PyValue eval(const PythonAst::Expr *expr);
    PyValue evalConstant(const PythonAst::Constant *node);
    PyValue evalName(const PythonAst::Name *node);
    PyValue evalAttribute(const PythonAst::Attribute *node);
    PyValue evalCall(const PythonAst::Call *node);
    PyValue evalCompare(const PythonAst::Compare *node);
    PyValue evalBinOp(const PythonAst::BinOp *node);
    PyValue evalSequence(const PythonAst::ExprList &elts, PyValue::Kind kind);
    PyValue evalDict(const PythonAst::Dict *node);
    PyValue evalBoolOp(const PythonAst::BoolOp *node);
    PyValue evalUnaryOp(const PythonAst::UnaryOp *node);
    PyValue evalIfExp(const PythonAst::IfExp *node);
    PyValue binaryOperation(const PyValue &left, PythonAst::BinaryOperator op, const PyValue &right,
                            const SourceRange &leftRange, const SourceRange &rightRange,
                            const SourceRange &range);
    PyValue evalSubscript(const PythonAst::Subscript *node);
    PyValue evalComprehension(const PythonAst::Comp *node);
    PyValue attribute(const PyValue &value, const QString &attr, const SourceRange &range);
    PyValue callValue(const PyValue &callee, CallArguments &args, const PythonAst::Call *node);
    PyValue callMethod(const PyValue &receiver, const QString &method, CallArguments &args,
                       const PythonAst::Call *node);
    PyValue callSymbol(const QString &name, CallArguments &args, const PythonAst::Call *node);
    PyValue callFunction(const PythonAst::FunctionDef *function, CallArguments &args);
    PyValue callBuiltin(const QString &name, CallArguments &args);
    PyValue callOp(const QString &name, CallArguments &args, const PythonAst::Call *node, int batch);
    CallArguments evaluateArguments(const QString &callee, const PythonAst::Call *node);

    bool truth(const PyValue &value, const SourceRange &range);
    QList<PyValue> iterate(const PyValue &value, const SourceRange &range);
    bool equals(const PyValue &a, const PyValue &b);
    [[noreturn]] void failOpaque(const PyValue &value, const SourceRange &range);
    [[noreturn]] void fail(const SourceRange &range, const QString &message);
    [[noreturn]] void failUnsupported(const PythonAst::Expr *expr);
    void report(const InterpretError &error);
    void addOperation(Operation operation);

    const PythonModule &m_module;
    QString m_dialect;
    Scope m_globals;
    // Module-level `name = sa.Table(...)`-like assignments not evaluated yet: pure
    // SQLAlchemy expressions, evaluated on the name's first use (most helpers serve
    // only the other direction's function). See runModuleLevel().
    QHash<QString, const PythonAst::Assign *> m_deferred;
    std::vector<Scope> m_locals;
    struct BatchFrame
    {
        BatchAlterTable batch;
        bool open = true;
    };
    std::vector<BatchFrame> m_batches;
    PyValue m_returnValue;
    int m_callDepth = 0;
    Operations *m_operations = nullptr;
    Diagnostics *m_diagnostics = nullptr;
};

} // namespace Retort
