// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace Retort {

// A value handed to a Mako template, with Python's str()/repr()/truth rules.
struct MakoValue
{
    enum class Kind {
        Undefined, // not passed (Mako's UNDEFINED: false, cannot be printed)
        None,
        String,
        Tuple,
        List,
        Text // printable with str() only (a datetime): text holds str(value)
    };

    Kind kind = Kind::Undefined;
    QString text;      // String, Text
    QStringList items; // Tuple, List (strings)

    static MakoValue none() { return {Kind::None, {}, {}}; }
    static MakoValue string(const QString &s) { return {Kind::String, s, {}}; }
    static MakoValue tuple(const QStringList &items) { return {Kind::Tuple, {}, items}; }
    static MakoValue list(const QStringList &items) { return {Kind::List, {}, items}; }
    static MakoValue printable(const QString &s) { return {Kind::Text, s, {}}; }
};

using MakoVariables = QHash<QString, MakoValue>;

// Renders the subset of Mako that Alembic's script.py.mako templates use:
// - `${expr}` and `${expr | filter,...}` with the default `str` filter (`n` turns it
//   off) and the filters `comma` (Alembic's: None -> "", a string as is, a sequence
//   joined with ", "), `str` and `trim`;
// - expressions: names, string literals, `repr(x)`, `str(x)`, `not x`, `x if c else y`,
//   parentheses;
// - control lines `% if expr:`, `% elif expr:`, `% else:`, `% endif`; `%%` for a literal %;
// - `## comment` lines, `<%text>...</%text>`, and a backslash at the end of a line,
//   which joins it to the next.
// Anything else (`<% %>` blocks, `<%! %>`, `% for`, attribute access, calls other than
// repr/str) is an error naming the template's line. Pure functions; thread-safe.
class MakoTemplate
{
public:
    // fileName is used in error messages only.
    static Result<QString> render(const QString &source, const MakoVariables &variables,
                                  const QString &fileName = QString());
};

} // namespace Retort
