// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "python/pythonast.h"

#include <QString>

namespace Retort {

// A readable, stable text form of a syntax tree, one node per line, for reference
// tests and debugging:
//
//   Module @1:1-3:1
//     body[0]: ImportFrom module="alembic" level=0 @1:1-1:23
//       names[0]: alias name="op" @1:21-1:23
//     body[1]: Assign @2:1-2:17
//       targets[0]: Name id="revision" @2:1-2:9
//       value: Constant str "abc" @2:12-2:17
//
// Each line: the field the node fills in its parent, Python's `ast` name of the node,
// its scalar attributes, and @startLine:startColumn-endLine:endColumn (end exclusive).
// Fields that are absent (None in Python) are left out. Strings are quoted with
// \\ \" \n \r \t and \xNN escapes for other control characters. Stateless; thread-safe.
class PythonAstDump
{
public:
    static QString dump(const PythonModule &module);
    static QString dump(const PythonAst::Node *node);
    static QString quoted(const QString &text);
};

} // namespace Retort
