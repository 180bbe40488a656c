// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "python/scriptheader.h"
#include "revision/revision.h"
#include "util/diagnostic.h"

#include <QByteArray>
#include <QString>

namespace Retort {

// Reads the header of an Alembic migration script statically, with PythonTokenizer:
// the module-level (indentation level 0, outside def/class/if/...) assignments of
// revision, down_revision, branch_labels and depends_on (plain `x = ...` or annotated
// `x: T = ...`; None, string literals, tuples/lists of string literals; the last
// assignment wins) and the module docstring. Never throws and never fails: every
// problem becomes a Diagnostic (file:line:column) in ScriptHeader::diagnostics. A syntax
// error stops reading at the error; what came before it is kept.
// Stateless; all functions are reentrant and safe to call from worker threads.
class ScriptHeaderReader
{
public:
    // path is used for diagnostics only.
    static ScriptHeader read(const QByteArray &bytes, const QString &path);
    // The same result as read(), always through PythonTokenizer (read() takes a faster
    // way through plain-ASCII files and falls back to this one); for tests and checks.
    static ScriptHeader readWithTokenizer(const QByteArray &bytes, const QString &path);
    // Reads the file; an unreadable file gives a header with one diagnostic.
    static ScriptHeader readFile(const QString &path);

    // Applies Alembic's rules (revisions.md §2.2/§2.3) to a header read from `path`:
    // the id from `revision` or else the legacy hex file name, normalised down
    // revisions, branch labels, depends_on, longDoc, path. Appends to *diagnostics the
    // header's own diagnostics followed by the problems found here (no id, no
    // down_revision, forbidden characters, '' as a down revision, unreadable values),
    // with Alembic's messages where it has one. Returns true when no error-severity
    // diagnostic was appended (the revision is usable); *revision is filled as far as
    // possible either way.
    static bool toRevision(const ScriptHeader &header, const QString &path, Revision *revision,
                           Diagnostics *diagnostics);
};

} // namespace Retort
