// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace Retort {

// A place in a source file. line and column are 1-based (0 = unknown); the column
// counts characters (Unicode code points, a tab is one character), as compilers do.
// offset is the index into the decoded source text (a QString, so UTF-16 code units,
// without the UTF-8 byte order mark), usable directly with QTextCursor positions.
struct SourcePosition
{
    int line = 0;
    int column = 0;
    qsizetype offset = -1;

    bool isValid() const { return line > 0; }
    friend bool operator==(const SourcePosition &, const SourcePosition &) = default;
};

// A half-open range: end is the position just past the last character.
struct SourceRange
{
    SourcePosition start;
    SourcePosition end;

    bool isValid() const { return start.isValid(); }
    friend bool operator==(const SourceRange &, const SourceRange &) = default;
};

} // namespace Retort
