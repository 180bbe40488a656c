// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "python/sourcerange.h"

#include <QString>

namespace Retort {

// One token of Python 3 source, as produced by PythonTokenizer. Plain value type.
struct PythonToken
{
    enum class Kind {
        Name,    // identifier or keyword (keywords are not distinguished here)
        Number,  // int, float or imaginary literal
        String,  // one string or bytes literal, prefix and quotes included in text
        Op,      // operator or delimiter
        Comment, // '#' up to (not including) the line end
        Newline, // end of a logical line
        Nl, // a line end that does not end a logical line (blank line, inside brackets, after a
            // comment-only line)
        Indent,
        Dedent,    // zero width
        EndMarker, // zero width, always the last token
        Error      // tokenizing stopped here; PythonTokenizer::error() says why
    };

    // Flags of a String token, from its prefix.
    enum StringFlag {
        Raw = 0x1,       // r / R: backslashes are kept
        Bytes = 0x2,     // b / B
        Unicode = 0x4,   // u / U (no effect in Python 3)
        Formatted = 0x8, // f / F: an f-string (computed at run time)
        TripleQuoted = 0x10
    };

    Kind kind = Kind::EndMarker;
    // The source text of the token exactly as written (for Newline/Nl the line end
    // characters, for Indent the indentation, empty for Dedent/EndMarker/Error).
    QString text;
    // Name: the NFKC-normalised identifier (what Python compares), equal to text for ASCII.
    // String: the decoded contents (escapes processed unless raw; line ends as "\n").
    //   For bytes each byte is one character U+0000..U+00FF. For f-strings, the
    //   template text with escapes processed ("{x}" is kept as written, not evaluated).
    // Other kinds: same as text.
    QString value;
    int stringFlags = 0;
    SourceRange range;

    bool is(Kind k) const { return kind == k; }
    bool isOp(QLatin1String op) const { return kind == Kind::Op && text == op; }
    bool isName(QLatin1String name) const { return kind == Kind::Name && value == name; }

    static QString
    kindName(Kind kind); // "NAME", "NUMBER", ... as Python's tokenize module names them
};

} // namespace Retort
