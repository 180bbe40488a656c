// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/callarguments.h"
#include "ops/operations.h"

#include <QString>

#include <optional>

namespace Retort {

// The Alembic operation directives: binds the arguments of op.<name>(...) and
// batch_op.<name>(...) to Alembic 1.13's signatures and builds the operation.
// Internal to core/ops; errors are thrown as InterpretError.
class Directives
{
public:
    // Whether op.<name> / batch_op.<name> is a directive that produces an operation.
    static bool isOperation(const QString &name);
    static bool isBatchOperation(const QString &name);

    static Operation operation(const QString &name, CallArguments &args);
    static BatchOperation batchOperation(const QString &name, CallArguments &args,
                                         const BatchAlterTable &batch);
    // The header of `with op.batch_alter_table(...)`.
    static BatchAlterTable batchAlterTable(CallArguments &args);
};

} // namespace Retort
