// SPDX-License-Identifier: GPL-3.0-or-later
#include "revision/versiontablesteps.h"

#include "revision/revisionmap.h"

namespace Retort {

VersionTableSteps::VersionTableSteps(const RevisionMap &map, const QStringList &heads)
    : m_map(map)
{
    for (const QString &head : heads) {
        if (!m_heads.contains(head))
            m_heads.append(head);
    }
}

VersionRowChange VersionTableSteps::purge()
{
    m_heads.clear();
    return VersionRowChange::removeAll();
}

// The current heads other than `excluded`, in row order.
QStringList VersionTableSteps::othersExcept(const QStringList &excluded) const
{
    QStringList others;
    for (const QString &head : m_heads) {
        if (!excluded.contains(head))
            others.append(head);
    }
    return others;
}

// `candidates` (order kept) minus every ancestor (with dependencies) of `others`.
QStringList VersionTableSteps::withoutAncestorsOf(const QStringList &candidates,
                                                  const QStringList &others) const
{
    QStringList kept;
    for (const QString &candidate : candidates) {
        if (!m_map.isAncestorOfAny(candidate, others, true))
            kept.append(candidate);
    }
    return kept;
}

// The rows that replace `revision` when it is downgraded. With other heads current,
// parents those heads still need stay implied by them; with none, Alembic 1.13 drops
// parents that are ancestors of another parent (they are implied by it).
QStringList VersionTableSteps::unmergeTargets(const QString &revision) const
{
    const QStringList up = m_map.normalizedDownRevisions(revision);
    const QStringList others = othersExcept({revision});
    if (!others.isEmpty())
        return withoutAncestorsOf(up, others);
    QStringList kept;
    for (const QString &candidate : up) {
        bool implied = false;
        for (const QString &other : up) {
            if (other != candidate && m_map.isAncestorOfAny(candidate, {other}, true)) {
                implied = true;
                break;
            }
        }
        if (!implied)
            kept.append(candidate);
    }
    return kept;
}

VersionRowChanges VersionTableSteps::scriptUpgrade(const MigrationStep &step) const
{
    const QString &revision = step.revision;
    const QStringList up = m_map.normalizedDownRevisions(revision);
    QStringList present;
    for (const QString &down : up) {
        if (m_heads.contains(down))
            present.append(down);
    }
    // A base, or a revision none of whose down revisions is a row: a new branch.
    if (present.isEmpty())
        return {VersionRowChange::insert(revision)};
    // Several of its down revisions are rows: they merge into this one.
    if (up.size() > 1 && present.size() > 1) {
        const QStringList others = othersExcept(up);
        const QStringList merged = others.isEmpty() ? up : withoutAncestorsOf(up, others);
        VersionRowChanges changes;
        for (qsizetype i = 0; i + 1 < merged.size(); ++i)
            changes.append(VersionRowChange::remove(merged.at(i)));
        if (!merged.isEmpty())
            changes.append(VersionRowChange::update(merged.last(), revision));
        return changes;
    }
    const QString from = up.size() == 1 ? up.first() : present.first();
    return {VersionRowChange::update(from, revision)};
}

VersionRowChanges VersionTableSteps::scriptDowngrade(const MigrationStep &step) const
{
    const QString &revision = step.revision;
    const QStringList up = m_map.normalizedDownRevisions(revision);
    const bool current = m_heads.contains(revision);
    if (current) {
        const QStringList targets = up.isEmpty() ? QStringList() : unmergeTargets(revision);
        // Nothing below needs a row of its own: the branch ends here.
        if (targets.isEmpty())
            return {VersionRowChange::remove(revision)};
        if (up.size() > 1) {
            VersionRowChanges changes;
            for (qsizetype i = 0; i + 1 < targets.size(); ++i)
                changes.append(VersionRowChange::insert(targets.at(i)));
            changes.append(VersionRowChange::update(revision, targets.last()));
            return changes;
        }
    }
    QString to = up.value(0);
    if (up.size() > 1) {
        for (const QString &down : up) {
            if (m_heads.contains(down)) {
                to = down;
                break;
            }
        }
    }
    return {VersionRowChange::update(revision, to)};
}

VersionRowChanges VersionTableSteps::stampChanges(const MigrationStep &step) const
{
    const QString to = step.toRevisions.value(0);
    if (step.isDowngrade() && step.branchMove)
        return {VersionRowChange::remove(step.fromRevisions.value(0))};
    // Alembic inserts when the destination is not a row yet and either the step starts a
    // new branch or one of the rows it would move has already been moved.
    bool fromMissing = false;
    for (const QString &from : step.fromRevisions) {
        if (!m_heads.contains(from))
            fromMissing = true;
    }
    if (step.isUpgrade() && (step.branchMove || fromMissing) && !m_heads.contains(to))
        return {VersionRowChange::insert(to)};
    // Alembic crashes when a downgrade stamp finds its rows already moved (e.g. both
    // parents of a current merge stamped at once); the rows that remain are used, and
    // with none left the destination becomes a new row.
    QStringList from;
    for (const QString &revision : step.fromRevisions) {
        if (m_heads.contains(revision))
            from.append(revision);
    }
    if (from.isEmpty())
        return {VersionRowChange::insert(to)};
    VersionRowChanges changes;
    for (qsizetype i = 0; i + 1 < from.size(); ++i)
        changes.append(VersionRowChange::remove(from.at(i)));
    changes.append(VersionRowChange::update(from.last(), to));
    return changes;
}

RevisionResult<VersionRowChanges> VersionTableSteps::apply(const MigrationStep &step)
{
    VersionRowChanges changes;
    if (step.stamp)
        changes = stampChanges(step);
    else if (step.isUpgrade())
        changes = scriptUpgrade(step);
    else
        changes = scriptDowngrade(step);

    // Replay on a copy first, so that a failing step leaves the heads as they were.
    QStringList heads = m_heads;
    const auto fail = [&step](const QString &what) {
        return RevisionError::unsupported(
            QStringLiteral("Cannot maintain the version table for %1: %2")
                .arg(step.description(), what));
    };
    for (const VersionRowChange &change : changes) {
        switch (change.kind) {
        case VersionRowChange::Kind::Insert:
            if (heads.contains(change.to))
                return fail(QStringLiteral("%1 is already a current revision").arg(change.to));
            heads.append(change.to);
            break;
        case VersionRowChange::Kind::Update: {
            const qsizetype index = heads.indexOf(change.from);
            if (index < 0)
                return fail(QStringLiteral("%1 is not a current revision").arg(change.from));
            if (heads.contains(change.to))
                return fail(QStringLiteral("%1 is already a current revision").arg(change.to));
            heads[index] = change.to;
            break;
        }
        case VersionRowChange::Kind::Delete:
            if (!heads.removeOne(change.from))
                return fail(QStringLiteral("%1 is not a current revision").arg(change.from));
            break;
        case VersionRowChange::Kind::DeleteAll:
            heads.clear();
            break;
        }
    }
    m_heads = heads;
    return changes;
}

} // namespace Retort
