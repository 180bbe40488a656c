// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "python/sourcerange.h"
#include "util/diagnostic.h"

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Retort {

// What ScriptHeaderReader read from one migration script, before Alembic's rules are
// applied (ScriptHeaderReader::toRevision does that). Plain value type, safe to copy
// across threads.
struct ScriptHeader
{
    // One module-level variable: revision, down_revision, branch_labels or depends_on.
    struct Value
    {
        enum class Kind {
            Absent,      // never assigned at module level (an annotation alone does not count)
            NoneLiteral, // None
            String,      // a string literal (adjacent literals concatenated): strings has one entry
            Sequence,    // a tuple or list of string literals: strings in order (may be empty)
            Unsupported  // anything else (a name, a call, an f-string, ...): see diagnostics
        };

        Kind kind = Kind::Absent;
        QStringList strings;
        bool isList = false;   // Sequence written as [...] rather than a tuple
        SourceRange range;     // the value expression (for Absent: invalid)
        SourceRange nameRange; // the assigned name of the statement that won

        bool isPresent() const { return kind != Kind::Absent; }
    };

    Value revision;
    Value downRevision;
    Value branchLabels;
    Value dependsOn;

    bool hasDocstring = false;
    QString docstring; // the module docstring's value, decoded, as written
    SourceRange docstringRange;
    // The docstring as Alembic 1.13 on Python 3.13 sees it (the compiler's docstring
    // clean-up: tabs expanded, common indentation removed), then stripped. Empty if none.
    QString longDoc;
    QString createDate; // text after "Create Date:" in the docstring, trimmed; display only

    // Syntax errors and values that cannot be read statically, in source order.
    Diagnostics diagnostics;

    // longDoc up to the first "\n\n" (Revision::doc()).
    QString message() const
    {
        const qsizetype end = longDoc.indexOf(QLatin1String("\n\n"));
        return end < 0 ? longDoc : longDoc.left(end);
    }
    bool hasErrors() const
    {
        for (const Diagnostic &d : diagnostics) {
            if (d.severity == Diagnostic::Severity::Error)
                return true;
        }
        return false;
    }
};

} // namespace Retort

Q_DECLARE_METATYPE(Retort::ScriptHeader)
