// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "python/pythonast.h"
#include "util/diagnostic.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace Retort {

// Parses Python 3 source (the 3.12 grammar without `match`, `type` aliases and
// generic parameter lists, which migration scripts do not use) into a PythonModule.
//
// A recursive-descent parser with precedence climbing for binary operators, over
// the tokens of PythonTokenizer (comments and non-logical line ends are dropped).
// It reads tokens as a stream with a small lookahead, so memory stays proportional
// to the tree, and runs in time linear in the input.
//
// Errors: parsing stops at the first syntax error. parse() then returns nullptr and
// error() describes it as Python would: the same message for the common cases
// ("invalid syntax", "expected ':'", "'(' was never closed", "unexpected indent",
// "expected an indented block after 'if' statement on line 3", "cannot assign to
// function call here. Maybe you meant '==' instead of '='?", "invalid syntax. Perhaps
// you forgot a comma?", ...) at the same line and column (1-based, in characters),
// and Python's priority between tokenizer and parser errors (a tokenizer error
// later in the file usually wins over a generic parser error). Checks that Python
// makes only when compiling (e.g. `return` outside a function, repeated keyword
// arguments) are not made: what ast.parse() accepts, this parser accepts.
//
// Nesting: brackets, calls, subscripts, unary operators, `not`, lambdas, conditional
// expressions, `**`, decorators and compound statements nested more than MaxNesting
// levels deep (counted together) are refused with "too deeply nested: ..." at the token
// that goes too deep, so hostile input cannot overflow the stack (about a dozen
// small frames per level).
//
// Tree depth: chains that the parser reads in a loop rather than by recursion (binary
// operators, attribute accesses, calls, subscripts: `a + b + c ...`) still make the tree
// deep; a tree deeper than MaxTreeDepth is refused with "expression nested deeper than
// 1000 levels ..." at the start of the expression, so that the consumers' recursive
// walks are bounded too.
//
// Statements Python accepts but this parser does not (`match`, `type X = ...`) are
// reported as "'match' statements are not supported" and "'type' alias statements
// are not supported".
//
// Threading: one instance per parse; independent instances may run on different
// threads.
class PythonParser
{
public:
    static constexpr int MaxNesting = 200;
    static constexpr int MaxTreeDepth = 1000;

    explicit PythonParser(const QString &source, const QString &fileName = QString());

    // The module, or nullptr on a syntax error (see error()). Call once.
    std::unique_ptr<PythonModule> parse();

    bool hasError() const { return m_hasError; }
    const Diagnostic &error() const { return m_error; }

    // Decodes a file's bytes (PythonTokenizer::decode) and parses them. On failure
    // returns nullptr and sets *error if given.
    static std::unique_ptr<PythonModule>
    parseBytes(const QByteArray &bytes, const QString &fileName, Diagnostic *error = nullptr);

private:
    QString m_source;
    QString m_fileName;
    bool m_hasError = false;
    Diagnostic m_error;
};

} // namespace Retort
