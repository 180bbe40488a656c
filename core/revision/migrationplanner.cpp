// SPDX-License-Identifier: GPL-3.0-or-later
#include "revision/migrationplanner.h"

#include "revision/relativeidentifier.h"
#include "revision/revisionmap.h"

#include <QSet>

#include <algorithm>

namespace Retort {

namespace {

// ScriptDirectory._catch_revision_errors as upgrade/downgrade use it: the error worded
// for the command line. Alembic crashes stay Unsupported so that callers can tell.
RevisionError forCommand(const RevisionError &error, const RevisionError::Context &context)
{
    if (error.kind == RevisionError::Kind::Unsupported)
        return error;
    return RevisionError::revision(error.commandMessage(context));
}

RevisionError::Context destinationContext(MigrationStep::Direction direction, const QString &target)
{
    RevisionError::Context context;
    context.end = target;
    context.ancestorFormat =
        direction == MigrationStep::Direction::Upgrade
            ? QStringLiteral(
                  "Destination %(end)s is not a valid upgrade target from current head(s)")
            : QStringLiteral(
                  "Destination %(end)s is not a valid downgrade target from current head(s)");
    return context;
}

} // namespace

MigrationPlanner::MigrationPlanner(const RevisionMap &map)
    : m_map(map)
{ }

MigrationStep MigrationPlanner::scriptStep(MigrationStep::Direction direction,
                                           const QString &revision) const
{
    MigrationStep step;
    step.direction = direction;
    step.revision = revision;
    // The log line names versioned parents only, never dependencies.
    if (direction == MigrationStep::Direction::Upgrade) {
        step.fromRevisions = m_map.parents(revision);
        step.toRevisions = {revision};
    } else {
        step.fromRevisions = {revision};
        step.toRevisions = m_map.parents(revision);
    }
    return step;
}

RevisionResult<MigrationPlan> MigrationPlanner::plan(MigrationStep::Direction direction,
                                                     const QStringList &current,
                                                     const QString &target) const
{
    const bool upgrading = direction == MigrationStep::Direction::Upgrade;
    const RevisionError::Context context = destinationContext(direction, target);
    // Alembic: upgrade collects from the target down to the current heads with an
    // implicit base; downgrade from the current heads down to the target.
    RevisionMap::CollectOptions options;
    options.implicitBase = upgrading;
    const auto collected = upgrading
                               ? m_map.collectUpgradeRevisions(RevisionArgument(target),
                                                               RevisionArgument(current), options)
                               : m_map.collectDowngradeRevisions(RevisionArgument(current),
                                                                 RevisionArgument(target), options);
    if (!collected)
        return forCommand(collected.error(), context);

    bool complete = true;
    QStringList order = m_map.topologicalOrder(collected->revisions, collected->heads, &complete);
    if (!complete) {
        return RevisionError::unsupported(
            QStringLiteral(
                "Cannot order the revisions to %1 to %2 (Alembic fails an assertion here)")
                .arg(upgrading ? QStringLiteral("upgrade") : QStringLiteral("downgrade"), target));
    }
    if (upgrading)
        std::reverse(order.begin(), order.end());

    MigrationPlan result;
    result.startHeads = current;
    // Alembic steps back from the first row only, and says so.
    const auto relative = RelativeIdentifier::parse(target);
    const QSet<QString> distinct(current.cbegin(), current.cend());
    if (!upgrading && relative && !relative->hasSymbol() && !relative->hasBranchLabel() &&
        relative->relative < 0 && distinct.size() > 1) {
        result.warnings.append(QStringLiteral("downgrade -1 from multiple heads is ambiguous; this "
                                              "usage will be disallowed in a future release."));
    }
    for (const QString &revision : std::as_const(order))
        result.steps.append(scriptStep(direction, revision));
    return result;
}

RevisionResult<MigrationPlan> MigrationPlanner::upgrade(const QStringList &current,
                                                        const QString &target) const
{
    return plan(MigrationStep::Direction::Upgrade, current, target);
}

RevisionResult<MigrationPlan> MigrationPlanner::downgrade(const QStringList &current,
                                                          const QString &target) const
{
    return plan(MigrationStep::Direction::Downgrade, current, target);
}

RevisionResult<MigrationPlan> MigrationPlanner::stamp(const QStringList &current,
                                                      const QStringList &targets, bool purge) const
{
    RevisionError::Context context;
    context.multipleHeadsFormat =
        QStringLiteral("Multiple heads are present; please specify a single target revision");

    MigrationPlan result;
    result.purge = purge;
    // --purge empties the table before anything is compared.
    const QStringList heads = purge ? QStringList() : current;
    result.startHeads = heads;

    const QStringList destinations =
        targets.isEmpty() ? QStringList{QStringLiteral("base")} : targets;

    // The current heads related (with dependencies) to any of the destinations.
    QStringList filtered;
    for (const QString &destination : destinations) {
        if (destination.isEmpty())
            continue;
        const auto related = m_map.filterForLineage(heads, destination, true);
        if (!related)
            return forCommand(related.error(), context);
        for (const QString &head : related.value()) {
            if (!filtered.contains(head))
                filtered.append(head);
        }
    }

    const auto resolved = m_map.getRevisions(RevisionArgument(destinations));
    if (!resolved)
        return forCommand(resolved.error(), context);
    RevisionRefs refs = resolved.value();
    if (refs.isEmpty())
        refs.append(RevisionRef::none());

    for (const RevisionRef &ref : std::as_const(refs)) {
        MigrationStep step;
        step.stamp = true;
        if (!ref.isRevision()) {
            // To base: every related row goes.
            for (const QString &head : std::as_const(filtered)) {
                step.direction = MigrationStep::Direction::Downgrade;
                step.branchMove = true;
                step.fromRevisions = {head};
                step.toRevisions.clear();
                result.steps.append(step);
            }
            continue;
        }
        const QString &destination = ref.id;
        if (filtered.contains(destination))
            continue;
        step.toRevisions = {destination};
        const QStringList aboveList = m_map.descendants({destination}, true);
        const QSet<QString> above(aboveList.cbegin(), aboveList.cend());
        const QStringList belowList = m_map.ancestors({destination}, true);
        const QSet<QString> below(belowList.cbegin(), belowList.cend());
        QStringList higher;
        QStringList lower;
        for (const QString &head : std::as_const(filtered)) {
            if (above.contains(head))
                higher.append(head);
            if (below.contains(head))
                lower.append(head);
        }
        if (!higher.isEmpty()) {
            step.direction = MigrationStep::Direction::Downgrade;
            step.fromRevisions = higher;
        } else if (!lower.isEmpty()) {
            step.direction = MigrationStep::Direction::Upgrade;
            step.fromRevisions = lower;
        } else {
            // A branch none of the current rows is on: a new row.
            step.direction = MigrationStep::Direction::Upgrade;
            step.branchMove = true;
        }
        result.steps.append(step);
    }
    return result;
}

RevisionResult<MigrationPlanner::Range>
MigrationPlanner::parseRange(MigrationStep::Direction direction, const QString &argument, bool sql)
{
    Range range;
    const qsizetype colon = argument.indexOf(QLatin1Char(':'));
    if (colon >= 0) {
        if (!sql)
            return RevisionError::revision(QStringLiteral("Range revision not allowed"));
        if (argument.indexOf(QLatin1Char(':'), colon + 1) >= 0) {
            // Alembic unpacks split(":", 2) into two names and crashes on a third part.
            return RevisionError::unsupported(
                QStringLiteral("Revision range '%1' has more than one ':'").arg(argument));
        }
        range.hasFrom = true;
        range.from = argument.left(colon);
        range.to = argument.mid(colon + 1);
    } else if (sql && direction == MigrationStep::Direction::Downgrade) {
        return RevisionError::revision(
            QStringLiteral("downgrade with --sql requires <fromrev>:<torev>"));
    } else {
        range.to = argument;
    }
    return range;
}

RevisionResult<QStringList> MigrationPlanner::offlineStartHeads(const QString &from) const
{
    if (from == QLatin1String("base"))
        return QStringList();
    if (from.isEmpty()) {
        // Alembic fails an assertion on an empty identifier.
        return RevisionError::unsupported(QStringLiteral("Can't locate revision identified by ''"));
    }
    const auto resolved = m_map.getRevision(from);
    if (!resolved)
        return forCommand(resolved.error(), RevisionError::Context());
    if (resolved->isBase()) {
        return RevisionError::unsupported(
            QStringLiteral("The starting revision '%1' resolves to base; use base instead")
                .arg(from));
    }
    if (resolved->isNone())
        return QStringList();
    return QStringList{resolved->id};
}

RevisionResult<MigrationPlan> MigrationPlanner::offline(MigrationStep::Direction direction,
                                                        const QString &argument) const
{
    const auto range = parseRange(direction, argument, true);
    if (!range)
        return range.error();
    if (range->to.isEmpty()) {
        return RevisionError::unsupported(
            QStringLiteral("Revision range '%1' has no destination").arg(argument));
    }
    QStringList current;
    if (range->hasFrom) {
        const auto start = offlineStartHeads(range->from);
        if (!start)
            return start.error();
        current = start.value();
    }
    return plan(direction, current, range->to);
}

RevisionResult<MigrationPlan> MigrationPlanner::offlineStamp(const QStringList &arguments,
                                                             bool purge) const
{
    QString start;
    bool hasStart = false;
    QStringList destinations;
    for (const QString &argument : arguments) {
        QString destination = argument;
        const qsizetype colon = argument.indexOf(QLatin1Char(':'));
        if (colon >= 0) {
            if (argument.indexOf(QLatin1Char(':'), colon + 1) >= 0) {
                return RevisionError::unsupported(
                    QStringLiteral("Revision range '%1' has more than one ':'").arg(argument));
            }
            const QString from = argument.left(colon);
            if (!hasStart) {
                start = from;
                hasStart = true;
            } else if (start != from) {
                return RevisionError::revision(
                    QStringLiteral("Stamp operation with --sql only supports a single starting "
                                   "revision at a time"));
            }
            destination = argument.mid(colon + 1);
        }
        destinations.append(destination);
    }
    if (purge)
        return RevisionError::revision(QStringLiteral("Can't use --purge with --sql mode"));
    QStringList current;
    if (hasStart) {
        const auto heads = offlineStartHeads(start);
        if (!heads)
            return heads.error();
        current = heads.value();
    }
    return stamp(current, destinations, false);
}

} // namespace Retort
