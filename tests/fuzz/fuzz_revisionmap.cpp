// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target, structured: the input is a small text language that builds a set of
// revision headers (so mutations make cycles, duplicate ids and labels, dangling
// parents and dependencies, huge fan-in and fan-out, long chains), then RevisionMap is
// built from them and asked for heads, bases, history order, identifiers, walks and
// upgrade/downgrade/stamp plans. One line each, fields separated by blanks:
//
//   r ID DOWN DEPS LABELS   a revision; DOWN, DEPS, LABELS are comma lists or '-'
//   fan N PARENT            N revisions PARENT_fI whose down_revision is PARENT
//   merge N ID              N bases ID_bI and a revision ID merging all of them
//   chain N PARENT          a chain of N revisions PARENT_cI above PARENT
//   up CURRENT TARGET       plan `upgrade TARGET` from CURRENT (comma list or '-')
//   down CURRENT TARGET     plan `downgrade TARGET` from CURRENT
//   stamp CURRENT TARGETS   plan `stamp TARGETS` from CURRENT
//   sql up|down RANGE       plan an offline run (`FROM:TO`)
//   walk START STEPS        RevisionMap::walk
//   history RANGE           `history -r RANGE`
//   id IDENTIFIER           getRevisions / getRevision / currentHead for the identifier
//
// Anything else is ignored. Without query lines, upgrade base -> heads and downgrade
// heads -> base are planned. Sizes are capped so that one input stays fast.
#include "fuzzentry.h"

#include "revision/migrationplanner.h"
#include "revision/revisionmap.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

using namespace Retort;

namespace {

constexpr int MaxRevisions = 6000;
constexpr int MaxCount = 3000;

QStringList list(const QString &field)
{
    if (field == QLatin1String("-"))
        return {};
    return field.split(QLatin1Char(','), Qt::SkipEmptyParts);
}

int count(const QString &field)
{
    bool ok = false;
    const int n = field.toInt(&ok);
    return ok ? qBound(0, n, MaxCount) : 0;
}

Revision revision(const QString &id, const QStringList &down)
{
    Revision r;
    r.id = id;
    r.downRevisions = down;
    r.path = QStringLiteral("/fuzz/versions/%1.py").arg(id);
    return r;
}

struct Input
{
    QList<Revision> revisions;
    QList<QStringList> queries;
};

Input decode(const QString &text)
{
    Input input;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QStringList f = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (f.isEmpty())
            continue;
        const QString &verb = f.first();
        if (verb == QLatin1String("r") && f.size() >= 2) {
            Revision r = revision(f.at(1), list(f.value(2, QStringLiteral("-"))));
            r.dependsOn = list(f.value(3, QStringLiteral("-")));
            r.branchLabels = list(f.value(4, QStringLiteral("-")));
            input.revisions << r;
        } else if (verb == QLatin1String("fan") && f.size() >= 3) {
            const int n = count(f.at(1));
            for (int i = 0; i < n; ++i)
                input.revisions << revision(f.at(2) + QStringLiteral("_f%1").arg(i), {f.at(2)});
        } else if (verb == QLatin1String("merge") && f.size() >= 3) {
            const int n = count(f.at(1));
            QStringList parents;
            for (int i = 0; i < n; ++i) {
                parents << f.at(2) + QStringLiteral("_b%1").arg(i);
                input.revisions << revision(parents.last(), {});
            }
            input.revisions << revision(f.at(2), parents);
        } else if (verb == QLatin1String("chain") && f.size() >= 3) {
            const int n = count(f.at(1));
            QString previous = f.at(2);
            for (int i = 0; i < n; ++i) {
                const QString id = f.at(2) + QStringLiteral("_c%1").arg(i);
                input.revisions << revision(id, {previous});
                previous = id;
            }
        } else {
            input.queries << f;
        }
        if (input.revisions.size() > MaxRevisions)
            input.revisions.resize(MaxRevisions);
    }
    return input;
}

RevisionArgument current(const QString &field)
{
    return RevisionArgument(list(field));
}

void query(const RevisionMap &map, const MigrationPlanner &planner, const QStringList &f)
{
    const QString &verb = f.first();
    const QString a = f.value(1);
    const QString b = f.value(2);
    if (verb == QLatin1String("up") && f.size() >= 3) {
        planner.upgrade(list(a), b);
    } else if (verb == QLatin1String("down") && f.size() >= 3) {
        planner.downgrade(list(a), b);
    } else if (verb == QLatin1String("stamp") && f.size() >= 3) {
        planner.stamp(list(a), list(b), f.size() > 3);
    } else if (verb == QLatin1String("sql") && f.size() >= 3) {
        planner.offline(a == QLatin1String("down") ? MigrationStep::Direction::Downgrade
                                                   : MigrationStep::Direction::Upgrade,
                        b);
    } else if (verb == QLatin1String("walk") && f.size() >= 3) {
        map.walk(a, b.toLongLong(), f.value(3), f.size() > 4);
    } else if (verb == QLatin1String("history") && f.size() >= 2) {
        map.historyRange(a, map.heads());
    } else if (verb == QLatin1String("id") && f.size() >= 2) {
        map.getRevisions(RevisionArgument(a));
        map.getRevision(a);
        map.currentHead(b);
        map.filterForLineage(map.heads(), a);
        map.parseUpgradeTarget(current(b), RevisionArgument(a), true);
        map.parseDowngradeTarget(current(b), a, true);
        map.iterateRevisions(RevisionArgument(a), current(b), {});
    }
}

} // namespace

bool Retort::Fuzz::revisionMap(const QByteArray &bytes)
{
    const Input input =
        decode(QString::fromUtf8(bytes));
    const RevisionMap map(input.revisions);
    if (!map.isValid()) {
        if (map.errorString().isEmpty())
            return Fuzz::fail("revisionmap", "invalid map without a message");
        return true;
    }
    const QStringList heads = map.heads();
    map.bases();
    map.realHeads();
    map.realBases();
    map.branchPoints();
    map.mergePoints();
    map.effectiveHeads();
    bool complete = true;
    const QStringList order = map.historyOrder();
    if (order.size() > map.size())
        return Fuzz::fail("revisionmap", "history order longer than the map");
    map.allCurrent(heads);
    // Per-revision queries are linear each: a sample keeps huge maps fast.
    const QStringList ids = map.ids();
    for (const QString &id : ids.mid(0, 300)) {
        map.branchLabels(id);
        map.normalizedDownRevisions(id);
        map.children(id);
    }
    map.topologicalOrder(ids, heads, &complete);

    const MigrationPlanner planner(map);
    if (input.queries.isEmpty()) {
        planner.upgrade({}, QStringLiteral("heads"));
        planner.downgrade(heads, QStringLiteral("base"));
        planner.offline(MigrationStep::Direction::Upgrade, QStringLiteral("base:heads"));
        return true;
    }
    for (const QStringList &q : input.queries)
        query(map, planner, q);
    return true;
}
