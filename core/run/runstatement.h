// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace Retort {

// One statement an online run sends to the database, with where it comes from: the
// migration script and the line of the op.* call that produced it (body statements),
// or nothing for the version-table bookkeeping. Plain value type.
struct RunStatement
{
    enum class Kind { Body, VersionTable, CreateVersionTable, PurgeVersionTable };

    Kind kind = Kind::Body;
    QString sql;  // as rendered: no terminator
    QString file; // absolute script path; empty for version-table statements
    int line = 0; // 1-based line of the op.* call; 0 = unknown
    // Inside `with op.get_context().autocommit_block():` — runs outside the transaction.
    bool autocommit = false;

    // "path:line" (or just the path when the line is unknown; empty for bookkeeping).
    QString location() const
    {
        if (file.isEmpty())
            return QString();
        return line > 0 ? file + QLatin1Char(':') + QString::number(line) : file;
    }

    bool operator==(const RunStatement &other) const = default;
};

using RunStatements = QList<RunStatement>;

} // namespace Retort

Q_DECLARE_METATYPE(Retort::RunStatement)
