// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/projectlayout.h"
#include "revision/revisionmap.h"
#include "util/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace Retort {

// What `alembic revision` / `alembic merge` are asked to create.
struct RevisionRequest
{
    std::optional<QString> message;            // -m; none -> "empty message"
    QStringList heads{QStringLiteral("head")}; // --head (one) or merge's REVISIONS
    bool merge = false;                        // heads are merge's REVISIONS (a tuple)
    bool splice = false;                       // --splice
    QString branchLabel;                       // --branch-label
    QStringList dependsOn;                     // --depends-on, repeatable
    QString revisionId;                        // --rev-id; empty -> random
    QString versionPath;                       // --version-path
    std::optional<QDateTime> createDate;       // for tests; none -> now (timezone rules)
};

// A new revision file, rendered but not yet written.
struct RevisionFile
{
    QString id;
    QString path;     // absolute
    QByteArray bytes; // the rendered template in the project's output_encoding (UTF-8)
};

// Creates revision files exactly as Alembic's `revision` (without --autogenerate) and
// `merge` commands do (config.md §5, commands.md §3-4): parents resolved like
// get_revisions(), Alembic's checks and messages (multiple heads, not a head, duplicate
// heads, version locations, forbidden id characters, a branch label already used — which
// Alembic only notices after writing), the id (12 random hex digits unless given), the
// file name from file_template and the slug of the message, the project's
// script.py.mako rendered by MakoTemplate. The file is written with QSaveFile.
// Value type over a loaded project; const functions are thread-safe.
class RevisionWriter
{
public:
    RevisionWriter(ProjectLayout layout, RevisionMap map);

    // Everything but writing: the checks, the name and the contents.
    Result<RevisionFile> prepare(const RevisionRequest &request) const;
    // prepare(), then writes the file (creating its directory); returns what was written.
    Result<RevisionFile> write(const RevisionRequest &request) const;

    // Alembic's slug of a message: the runs of word characters joined with '_',
    // lower-cased, cut to truncateLength at the last '_' (then '_' appended).
    static QString slug(const QString &message, int truncateLength);
    // The last 12 hex digits of a random UUID.
    static QString newRevisionId();
    // Python's str(datetime): "YYYY-MM-DD HH:MM:SS[.ffffff][+HH:MM]".
    static QString formatCreateDate(const QDateTime &date, bool aware);
    // Python's `template % tokens` for %(name)s / %(name)d / %(name).2d / %(name)02d / %%.
    static Result<QString> formatFileName(const QString &fileTemplate,
                                          const QHash<QString, QVariant> &tokens);

private:
    ProjectLayout m_layout;
    RevisionMap m_map;
};

} // namespace Retort
