// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

namespace Retort {

// Compiles the text of `op.execute("...")` / `sa.text("...")` with literal binds, as
// SQLAlchemy's text() construct does: every `:name` that is not preceded by a word
// character, a colon or a backslash and whose name is not followed by a colon is a
// bind parameter
// (also inside quotes) and becomes its literal (NULL when no value was bound); `\:`
// becomes a plain colon. `%` is not special (the named paramstyle).
class TextClause
{
public:
    // boundLiterals: parameter name -> the already rendered SQL literal.
    static QString compile(const QString &text, const QHash<QString, QString> &boundLiterals = {});
};

} // namespace Retort
