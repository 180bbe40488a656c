// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/operations.h"
#include "python/pythonast.h"
#include "util/diagnostic.h"

#include <QString>

namespace Retort {

// What interpreting one migration function produced.
// renderable() is false as soon as one construct could not be decided natively; the
// operations are then incomplete and callers must not use them (no partial SQL).
struct InterpretedFunction
{
    QString functionName;
    QString dialect;
    Operations operations;
    Diagnostics diagnostics; // one per construct that needs the Python bridge

    bool renderable() const { return diagnostics.isEmpty(); }
};

// Evaluates the body of upgrade()/downgrade() (or upgrade_<name>() ...) of a parsed
// migration script into typed operations, for one dialect, without a database.
//
// It understands the migration-script subset: imports (to know what sa, op,
// postgresql, Column, Decimal, datetime ... stand for), module-level and local
// assignments of plain data and of sa.Table/sa.table helpers, calls of functions
// defined in the same file, `if` on the dialect name, `for` over literal sequences,
// batch_alter_table and autocommit_block `with` statements, op.f(), sa.text(),
// sa.func.*, Decimal/datetime literals. Anything else (op.get_bind().execute(),
// loops over query results, application imports used in the body, unknown types or
// directives, wrong arguments) becomes a Diagnostic at the construct's position.
//
// The module must outlive the Interpreter. Stateless between calls: interpret() may
// be called several times (for several functions or dialects); one instance is not
// meant to be shared between threads, but independent instances on the same module
// may run in parallel (the tree is only read).
class Interpreter
{
public:
    explicit Interpreter(const PythonModule &module);

    // dialect: the SQLAlchemy dialect name compared in `if` statements ("sqlite",
    // "postgresql", "mysql", "mariadb", ...). A missing function is a diagnostic.
    InterpretedFunction interpret(const QString &functionName, const QString &dialect) const;

    // Whether the module defines a top-level function of that name.
    bool hasFunction(const QString &functionName) const;

private:
    const PythonModule &m_module;
};

} // namespace Retort
