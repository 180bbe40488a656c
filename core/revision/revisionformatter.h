// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "revision/revisionerror.h"

#include <QString>
#include <QStringList>

namespace Retort {

class RevisionMap;

// The text of Alembic's listing commands (`heads`, `branches`, `history`, `show`) and
// the one-line / verbose forms of a revision (shared/spec/revisions.md §6), byte for
// byte as `alembic` 1.13 prints them with the oracle's ordering rules (sorted labels and
// children). Every returned command text is the complete stdout, each line ending in
// "\n". Holds a reference to the map, which must outlive the formatter; stateless
// otherwise (safe to use from several threads on a const map).
class RevisionFormatter
{
public:
    explicit RevisionFormatter(const RevisionMap &map);

    // Script._head_only's switches.
    struct LineOptions
    {
        bool includeBranches = false;
        bool includeDoc = false;
        bool includeParents = false;
        bool treeIndicators = true;
        bool headIndicators = true;
    };

    // `[<parents> [(<deps>) ]-> ]<id>[ (<labels>)][ (head)| (effective head)][ (current)]`
    // `[ (branchpoint)][ (mergepoint)][, <doc>]`
    QString oneLine(const QString &id, const LineOptions &options, bool current = false) const;
    // Script.log_entry: "Rev: ...\n" ... "Path: ...\n\n    <doc lines>\n" (no trailing
    // blank line: the commands add it).
    QString verbose(const QString &id, bool current = false) const;
    // Script.__str__: "<parents> -> <id>[ (head)][ (branchpoint)][ (mergepoint)], <doc>"
    // (used in Alembic's "missing parent" warning).
    QString scriptString(const QString &id) const;

    // `alembic heads [-v] [--resolve-dependencies]`
    QString heads(bool verbose, bool resolveDependencies) const;
    // `alembic branches [-v]`
    QString branches(bool verbose) const;
    // `alembic history [-r range] [-v] [-i]`: range null = no -r. currentHeads are the
    // database's heads (needed for `current` in the range and for -i).
    RevisionResult<QString> history(const QString &range, bool verbose,
                                    bool indicateCurrent = false,
                                    const QStringList &currentHeads = {}) const;
    // `alembic show REV` (REV != current; for `show current` pass the database heads
    // to showRevisions).
    RevisionResult<QString> show(const QString &identifier) const;
    QString showRevisions(const QStringList &ids) const;

private:
    const RevisionMap &m_map;
};

} // namespace Retort
