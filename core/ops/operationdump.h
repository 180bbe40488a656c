// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/operations.h"

#include <QString>

namespace Retort {

// A readable, stable text form of operations, one block per operation with its
// source line, every field that was given; used by the interpreter's reference tests
// and for debugging renderers. Not a format to parse.
QString operationDump(const Operations &operations);
QString operationDump(const Operation &operation);
QString typeSpecDump(const TypeSpec &type);

} // namespace Retort
