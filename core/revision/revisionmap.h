// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "revision/relativeidentifier.h"
#include "revision/revision.h"
#include "revision/revisionerror.h"
#include "util/diagnostic.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Retort {

// One element of what Alembic's revision functions return: a revision, the string
// "base" (a downward walk stepped below a base), or None (nothing: "base" resolved by
// get_revision, a walk that went too far, a walk's start meaning "from the bottom").
struct RevisionRef
{
    enum class Kind { None, Base, Revision };
    Kind kind = Kind::None;
    QString id; // only for Kind::Revision

    static RevisionRef none() { return {}; }
    static RevisionRef base() { return {Kind::Base, {}}; }
    static RevisionRef revision(const QString &id) { return {Kind::Revision, id}; }
    bool isNone() const { return kind == Kind::None; }
    bool isBase() const { return kind == Kind::Base; }
    bool isRevision() const { return kind == Kind::Revision; }
    friend bool operator==(const RevisionRef &, const RevisionRef &) = default;
};
using RevisionRefs = QList<RevisionRef>;

// What Alembic's functions accept as "upper"/"lower"/"current": either ONE identifier
// string (e.g. "ae10", "heads", "networking@base", "-1", "") or a TUPLE of plain
// identifiers (e.g. the rows of alembic_version; an empty tuple means base). Some rules
// only apply to a single string (the `label@` restriction of history's start).
struct RevisionArgument
{
    QStringList items;
    bool isTuple = false;

    RevisionArgument()
        : isTuple(true)
    { }
    RevisionArgument(const QString &identifier)
        : items{identifier}
        , isTuple(false)
    { }
    RevisionArgument(const QStringList &ids)
        : items(ids)
        , isTuple(true)
    { }
    // Python's `x or "base"`-style emptiness: an empty tuple or an empty string.
    bool isEmpty() const { return isTuple ? items.isEmpty() : items.value(0).isEmpty(); }
    // How Alembic prints it in messages: the string, or the tuple's repr.
    QString toString() const;
};

// Alembic's RevisionMap: the graph of the revisions of one project, with Alembic's
// exact answers (heads, bases, labels, identifiers, walks, history order).
//
// Built once from the revisions in map (discovery) order; immutable afterwards, so a
// const RevisionMap may be shared between threads. Construction never throws: check
// isValid(); errorString() then holds Alembic's message (cycles, duplicate ids, ...).
// Queries on an invalid map return empty answers. Unknown ids passed to the plain
// accessors are ignored (empty answer); the identifier functions report errors as
// RevisionError with Alembic's texts.
//
// Orders follow shared/oracle/README.md §1: heads/bases/ancestor lists in map order,
// children and labels sorted (code-point order), normalised dependencies in declared
// order. Sets are computed per query (linear time), never all at once, so 50,000
// revisions load in milliseconds.
class RevisionMap
{
public:
    RevisionMap();
    explicit RevisionMap(const QList<Revision> &revisions);
    RevisionMap(const RevisionMap &);
    RevisionMap &operator=(const RevisionMap &);
    RevisionMap(RevisionMap &&) noexcept;
    RevisionMap &operator=(RevisionMap &&) noexcept;
    ~RevisionMap();

    // -- construction outcome ------------------------------------------------------
    bool isValid() const;
    QString errorString() const; // Alembic's text, e.g. "Cycle is detected in revisions (a, b)"
    // The same with the offending file, the line:column of the variable at fault (when the
    // file still says so) and what to do about it appended to the message.
    Diagnostic errorDiagnostic() const;

    // Alembic's id check: empty when id is allowed, else
    // "Character(s) '+, @' not allowed in revision identifier 'aa@b+b'" (1.13: @ - +).
    static QString checkRevisionId(const QString &id);

    // -- contents ----------------------------------------------------------------
    bool isEmpty() const;
    qsizetype size() const;
    QStringList ids() const;                           // map order
    const QList<Revision> &revisions() const;          // map order
    bool contains(const QString &id) const;            // exact revision id (not a label)
    qsizetype indexOf(const QString &id) const;        // map-order index, -1 if unknown
    const Revision *revision(const QString &id) const; // exact id; nullptr if unknown
    // The revision declaring a branch label (the map key a bare label resolves to).
    QString revisionForLabel(const QString &label) const;
    QStringList declaredLabels() const; // every label, in registration order

    // -- classification (§3.1) ------------------------------------------------------
    QStringList heads() const;          // versioned heads (no children), map order
    QStringList realHeads() const;      // no children and nothing depends on them, map order
    QStringList bases() const;          // no parents (dependencies allowed), map order
    QStringList realBases() const;      // no parents and no depends_on, map order
    QStringList effectiveHeads() const; // heads that are not real heads, map order
    QStringList branchPoints() const;   // >= 2 versioned children, map order
    QStringList mergePoints() const;    // >= 2 parents, map order

    bool isHead(const QString &id) const;
    bool isRealHead(const QString &id) const;
    bool isEffectiveHead(const QString &id) const;
    bool isBase(const QString &id) const;
    bool isRealBase(const QString &id) const;
    bool isBranchPoint(const QString &id) const;     // versioned children >= 2
    bool isRealBranchPoint(const QString &id) const; // children incl. dependents >= 2
    bool isMergePoint(const QString &id) const;

    // -- relations -------------------------------------------------------------------
    QStringList parents(const QString &id) const;      // down_revision, declared order
    QStringList dependencies(const QString &id) const; // depends_on resolved to ids, deduplicated
    QStringList normalizedDependencies(const QString &id) const;  // ndeps, declared order
    QStringList normalizedDownRevisions(const QString &id) const; // up(): parents + ndeps
    QStringList allDownRevisions(const QString &id) const;        // parents + all resolved deps
    QStringList children(const QString &id) const;                // versioned, sorted by id
    QStringList allChildren(const QString &id) const;             // incl. dependents, sorted by id
    QStringList branchLabels(const QString &id) const;            // propagated (§3.4), sorted

    // Inclusive closures, returned in map order. With dependencies: up()/allchildren.
    QStringList ancestors(const QStringList &ids, bool includeDependencies = true) const;
    QStringList descendants(const QStringList &ids, bool includeDependencies = true) const;
    bool isAncestorOf(const QString &ancestor, const QString &descendant,
                      bool includeDependencies = true) const; // inclusive
    // isAncestorOf() for any of `descendants`; explores only the revisions above the
    // ancestor's level, so it costs the size of the graph between them, not of the map.
    bool isAncestorOfAny(const QString &ancestor, const QStringList &descendants,
                         bool includeDependencies = true) const;
    // §4.4: target equals, is an ancestor of, or is a descendant of one of `against`
    // (revision ids; versioned edges only unless includeDependencies).
    bool sharesLineage(const QString &target, const QStringList &against,
                       bool includeDependencies = false) const;

    // -- identifiers (§4) --------------------------------------------------------------
    // get_revisions: one identifier (`heads`, `head`, `base`, "", `label@...`, `-N`,
    // full id, prefix) or a tuple (each element resolved, results concatenated).
    RevisionResult<RevisionRefs> getRevisions(const RevisionArgument &argument) const;
    // get_revision: exactly one revision or None (base/empty); several -> MultipleHeads.
    RevisionResult<RevisionRef> getRevision(const QString &identifier) const;
    // get_current_head: the single versioned head (on a label's lineage), or nullopt.
    RevisionResult<std::optional<QString>>
    currentHead(const QString &branchLabel = QString()) const;
    // filter_for_lineage: targets (revision ids) sharing lineage with `checkAgainst`
    // (an identifier such as a label, `label@head`, an id). Order kept.
    RevisionResult<QStringList> filterForLineage(const QStringList &targets,
                                                 const QString &checkAgainst,
                                                 bool includeDependencies = false) const;

    // _walk (§4.5): steps > 0 up (children; from None: the bases; filtered by label
    // lineage), steps < 0 down (parents; from None: the heads; a base steps to Base).
    // No candidate: None when noOverwalk, else the position reached. Several:
    // "Ambiguous walk".
    RevisionResult<RevisionRef> walk(const RevisionRef &start, qint64 steps,
                                     const QString &branchLabel = QString(),
                                     bool noOverwalk = true) const;
    // The same from an identifier (resolved with getRevision first).
    RevisionResult<RevisionRef> walk(const QString &start, qint64 steps,
                                     const QString &branchLabel = QString(),
                                     bool noOverwalk = true) const;

    // §4.6: _parse_upgrade_target (relative forms included).
    RevisionResult<RevisionRefs> parseUpgradeTarget(const RevisionArgument &current,
                                                    const RevisionArgument &target,
                                                    bool assertRelativeLength) const;
    // §4.7: _parse_downgrade_target. branchLabel is null when none applies.
    struct DowngradeTarget
    {
        QString branchLabel;
        RevisionRef target;
    };
    RevisionResult<DowngradeTarget> parseDowngradeTarget(const RevisionArgument &current,
                                                         const QString &target,
                                                         bool assertRelativeLength) const;

    // _collect_upgrade_revisions / _collect_downgrade_revisions: the set of revisions to
    // visit (map order) and the heads to start the topological order from.
    struct Collection
    {
        QStringList revisions;
        QStringList heads;
    };
    struct CollectOptions
    {
        bool inclusive = false;
        bool implicitBase = false;
        bool assertRelativeLength = true;
    };
    RevisionResult<Collection> collectUpgradeRevisions(const RevisionArgument &upper,
                                                       const RevisionArgument &lower,
                                                       const CollectOptions &options) const;
    RevisionResult<Collection> collectDowngradeRevisions(const RevisionArgument &upper,
                                                         const RevisionArgument &lower,
                                                         const CollectOptions &options) const;

    // iterate_revisions: the collected set in topological order (newest first).
    RevisionResult<QStringList> iterateRevisions(const RevisionArgument &upper,
                                                 const RevisionArgument &lower,
                                                 const CollectOptions &options,
                                                 bool selectForDowngrade = false) const;

    // -- history order (§7) -------------------------------------------------------------
    // Alembic's _topological_sort: todo in an order where each revision precedes its
    // up(); lanes start at `heads` (those in todo, map order). Listings and downgrades
    // use it as is, upgrades reversed. `complete` is set to false when some of todo is
    // not reachable from the heads inside todo (Alembic asserts there); those are left out.
    QStringList topologicalOrder(const QStringList &todo, const QStringList &heads,
                                 bool *complete = nullptr) const;

    // All revisions in history order (history without a range): topological order of
    // everything from the real heads.
    QStringList historyOrder() const;

    // ScriptDirectory.walk_revisions(base, head) as `history -r` uses it (§6.4):
    // empty base = "base", empty head = "heads"; errors already worded for the command
    // line (Requested range ..., Can't locate ..., Multiple head revisions ...).
    RevisionResult<QStringList> walkRevisions(const RevisionArgument &base,
                                              const RevisionArgument &head) const;

    // `history -r RANGE`: splits at ':' ("History range requires [start]:[end], [start]:,
    // or :[end]"), then walkRevisions. `current` on either side is replaced by
    // currentHeads (the database's heads), as Alembic does.
    RevisionResult<QStringList> historyRange(const QString &range,
                                             const QStringList &currentHeads = {}) const;

    // _get_all_current (the `current` command): the given ids plus all their ancestors
    // (with dependencies), reduced to those with no versioned descendant in that set.
    // Returned in map order.
    RevisionResult<QStringList> allCurrent(const QStringList &ids) const;

private:
    struct Data;
    std::shared_ptr<const Data> d;
};

} // namespace Retort
