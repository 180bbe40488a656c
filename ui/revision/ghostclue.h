// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/projectlayout.h"
#include "revision/revisionmap.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Retort {

// A trace of a revision the version table names but no loaded script defines: a file in
// the version folders that still mentions it — a migration renamed so that Alembic no
// longer reads it (`…py.bak`, `…py.disabled`), one that failed to load, or the compiled
// copy a deleted script left in __pycache__. From it, the revision the missing one was
// built on (its likely parent): the place to stamp to when the migration was deleted
// before its changes were undone by hand. Reads files; call it off the GUI thread for
// big projects (it is bounded: files over 1 MiB are skipped). Pure otherwise.
struct GhostClue
{
    QString path;            // the file that mentions the revision
    bool compiled = false;   // a .pyc: the parents are guessed from the ids it contains
    QStringList parents;     // known revisions the missing one was built on
    QString message;         // its docstring's first line, when readable

    static std::optional<GhostClue> find(const ProjectLayout &layout, const RevisionMap &map,
                                         const QString &revision);
};

} // namespace Retort
