// SPDX-License-Identifier: GPL-3.0-or-later
#include "revision/revisionmap.h"
#include "python/scriptheaderreader.h"
#include "util/pythonrepr.h"

#include <QSet>
#include <queue>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace Retort {

namespace {

// Internal stand-ins for Alembic's None and "base" next to revision indices (>= 0).
constexpr int NoneRef = -1;
constexpr int BaseRef = -2;

using Indices = QList<int>;

// Python orders str by code point, QString by UTF-16 unit; they disagree only between a
// surrogate (a code point above U+FFFF) and a unit from U+E000 up.
bool pythonLess(const QString &a, const QString &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t x = a.at(i).unicode();
        const char16_t y = b.at(i).unicode();
        if (x == y)
            continue;
        const bool xs = x >= 0xD800 && x <= 0xDFFF;
        const bool ys = y >= 0xD800 && y <= 0xDFFF;
        if (xs != ys)
            return ys;
        return x < y;
    }
    return a.size() < b.size();
}

qsizetype codePointLength(const QString &s)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (!s.at(i).isLowSurrogate())
            ++n;
    }
    return n;
}

// Python's int() on a revision identifier: only a negative number matters here.
std::optional<qint64> negativeInteger(const QString &text)
{
    const QString t = text.trimmed();
    if (t.size() < 2 || t.at(0) != QLatin1Char('-'))
        return std::nullopt;
    qint64 value = 0;
    bool lastWasDigit = false;
    for (qsizetype i = 1; i < t.size(); ++i) {
        const QChar c = t.at(i);
        if (c == QLatin1Char('_') && lastWasDigit && i + 1 < t.size()) {
            lastWasDigit = false;
            continue;
        }
        const int digit = c.digitValue();
        if (digit < 0)
            return std::nullopt;
        value = value > (std::numeric_limits<qint64>::max() / 16) ? value : value * 10 + digit;
        lastWasDigit = true;
    }
    if (!lastWasDigit || value == 0)
        return std::nullopt;
    return -value;
}

} // namespace

QString RevisionArgument::toString() const
{
    if (!isTuple)
        return items.value(0);
    QStringList quoted;
    for (const QString &item : items)
        quoted.append(pythonRepr(item));
    if (quoted.size() == 1)
        return QLatin1Char('(') + quoted.first() + QLatin1String(",)");
    return QLatin1Char('(') + quoted.join(QLatin1String(", ")) + QLatin1Char(')');
}

struct RevisionMap::Data
{
    enum class Edge { Parents, Up, AllDown, Children, AllChildren };

    QList<Revision> revisions;
    QHash<QString, int> ids;
    QHash<QString, int> labels; // branch label -> declaring revision
    QStringList labelOrder;
    std::vector<Indices> parents;     // declared order (duplicates kept, as Alembic)
    std::vector<Indices> deps;        // resolved depends_on, deduplicated
    std::vector<Indices> ndeps;       // normalised dependencies, declared order
    std::vector<Indices> up;          // parents + ndeps, deduplicated
    std::vector<Indices> allDown;     // parents + deps, deduplicated
    std::vector<Indices> children;    // versioned, sorted by id
    std::vector<Indices> allChildren; // incl. dependents, sorted by id
    // Propagated labels: one bit per label and revision, bit k = k-th label in sorted
    // order. Top revisions of big projects carry hundreds of labels; lists would cost
    // gigabytes and quadratic set unions.
    QStringList sortedLabels;
    QHash<QString, int> labelRank;
    size_t labelWords = 0;
    std::vector<std::uint64_t> labelBits;
    // Length of the longest up() path down to a revision without up(): an ancestor
    // always has a smaller level, which bounds the ancestor searches of the history order.
    std::vector<int> levels;
    Indices heads, realHeads, bases, realBases;
    QString error;
    QString errorFile;
    // For errorDiagnostic(): the header variable at fault in errorFile, and what to do.
    QString errorField;
    QString errorHint;

    int count() const { return int(revisions.size()); }
    bool hasLabel(int rev, const QString &label) const
    {
        const int k = labelRank.value(label, -1);
        return k >= 0 && (labelBits[size_t(rev) * labelWords + size_t(k) / 64] >> (k % 64)) & 1u;
    }
    QStringList labelsOf(int rev) const
    {
        QStringList out;
        for (size_t w = 0; w < labelWords; ++w) {
            const std::uint64_t word = labelBits[size_t(rev) * labelWords + w];
            for (int b = 0; b < 64 && (word >> b) != 0; ++b) {
                if ((word >> b) & 1u)
                    out.append(sortedLabels.at(qsizetype(w * 64) + b));
            }
        }
        return out;
    }
    const QString &idAt(int i) const { return revisions.at(i).id; }
    int indexOfId(const QString &id) const { return ids.value(id, -1); }
    int key(const QString &k) const
    {
        const int i = ids.value(k, -1);
        return i >= 0 ? i : labels.value(k, -1);
    }
    QStringList toIds(const Indices &list) const
    {
        QStringList out;
        out.reserve(list.size());
        for (int i : list)
            out.append(idAt(i));
        return out;
    }
    Indices indicesOf(const QStringList &list) const
    {
        Indices out;
        for (const QString &id : list) {
            const int i = indexOfId(id);
            if (i >= 0)
                out.append(i);
        }
        return out;
    }
    int fromRef(const RevisionRef &ref) const
    {
        if (ref.isBase())
            return BaseRef;
        return ref.isNone() ? NoneRef : indexOfId(ref.id);
    }
    QStringList relation(const std::vector<Indices> Data::*member, const QString &id) const
    {
        const int i = indexOfId(id);
        return i < 0 ? QStringList() : toIds((this->*member)[size_t(i)]);
    }
    RevisionRef toRef(int r) const
    {
        if (r == BaseRef)
            return RevisionRef::base();
        if (r < 0)
            return RevisionRef::none();
        return RevisionRef::revision(idAt(r));
    }
    RevisionRefs toRefs(const Indices &list) const
    {
        RevisionRefs out;
        out.reserve(list.size());
        for (int r : list)
            out.append(toRef(r));
        return out;
    }

    const Indices &next(int i, Edge e) const
    {
        switch (e) {
        case Edge::Parents:
            return parents[size_t(i)];
        case Edge::Up:
            return up[size_t(i)];
        case Edge::AllDown:
            return allDown[size_t(i)];
        case Edge::Children:
            return children[size_t(i)];
        case Edge::AllChildren:
            break;
        }
        return allChildren[size_t(i)];
    }

    // Inclusive closure of starts along e: one mark per revision.
    std::vector<char> closure(const Indices &starts, Edge e) const
    {
        std::vector<char> mark(size_t(count()), 0);
        std::vector<int> stack;
        for (int s : starts) {
            if (s >= 0 && !mark[size_t(s)]) {
                mark[size_t(s)] = 1;
                stack.push_back(s);
            }
        }
        while (!stack.empty()) {
            const int c = stack.back();
            stack.pop_back();
            for (int n : next(c, e)) {
                if (!mark[size_t(n)]) {
                    mark[size_t(n)] = 1;
                    stack.push_back(n);
                }
            }
        }
        return mark;
    }
    Indices marked(const std::vector<char> &mark) const
    {
        Indices out;
        for (int i = 0; i < count(); ++i) {
            if (mark[size_t(i)])
                out.append(i);
        }
        return out;
    }
    bool fail(const QString &message, const QString &file, const QString &field = QString(),
              const QString &hint = QString())
    {
        error = message;
        errorFile = file;
        errorField = field;
        errorHint = hint;
        return false;
    }
    bool build();
    bool linkParentsAndDependencies();
    void normalizeDependencies();
    Indices parentsFirstOrder() const;
    bool detectCycles();
    void propagateBranchLabels();
    void computeLevels();

    // Alembic's identifier functions, on indices (NoneRef / BaseRef as Alembic's
    // None / "base").
    struct Resolved
    {
        QStringList ids; // empty = Alembic's ()
        QString branchLabel;
        bool hasBranchLabel = false; // `label@` given, even an empty label
        QStringList shares() const
        {
            QStringList out;
            if (!branchLabel.isEmpty())
                out.append(branchLabel);
            out.append(ids);
            return out;
        }
    };
    RevisionResult<Resolved> resolveRevisionNumber(const QString &identifier) const;
    RevisionResult<std::optional<int>> currentHead(const QString &branchLabel) const;
    RevisionResult<Indices> getRevisions(const RevisionArgument &argument) const;
    RevisionResult<Indices> getRevisionsOne(const QString &identifier) const;
    RevisionResult<int> getRevision(const QString &identifier) const;
    RevisionResult<int> resolveBranch(const QString &label) const;
    RevisionResult<int> revisionForIdent(const std::optional<QString> &resolvedId,
                                         const QString &checkBranch) const;
    // filter_for_lineage over items that are either revision indices or map keys.
    RevisionResult<Indices> filterForLineage(const Indices &targets, const QString &checkAgainst,
                                             bool includeDependencies) const;
    RevisionResult<QStringList> filterKeysForLineage(const QStringList &targets,
                                                     const QString &checkAgainst,
                                                     bool includeDependencies) const;
    RevisionResult<std::vector<char>> lineageMark(const QStringList &shares,
                                                  bool includeDependencies) const;
    RevisionResult<int> walk(int start, qint64 steps, const QString &branchLabel,
                             bool noOverwalk) const;
    RevisionResult<Indices> parseUpgradeTarget(const RevisionArgument &current,
                                               const RevisionArgument &target,
                                               bool assertRelativeLength) const;
    struct DowngradeTarget
    {
        QString branchLabel;
        int target = NoneRef;
    };
    RevisionResult<DowngradeTarget> parseDowngradeTarget(const RevisionArgument &current,
                                                         const QString &target,
                                                         bool assertRelativeLength) const;
    // walked: how many leading targets to walk (all when negative); the others still
    // count as targets that a walk may reach.
    std::optional<RevisionError> checkOverlaps(const Indices &targets, Edge e,
                                               qsizetype walked = -1) const;
    struct Collected
    {
        std::vector<char> revisions;
        Indices heads;
    };
    RevisionResult<Collected> collectUpgrade(const RevisionArgument &upper,
                                             const RevisionArgument &lower,
                                             const CollectOptions &options) const;
    RevisionResult<Collected> collectDowngrade(const RevisionArgument &upper,
                                               const RevisionArgument &lower,
                                               const CollectOptions &options) const;
    Indices topologicalSort(std::vector<char> todo, const Indices &heads, bool *complete) const;
    bool countingSortApplies(const std::vector<char> &todo, const Indices &heads,
                             qsizetype remaining) const;
    Indices countingSort(std::vector<char> todo, const Indices &heads, bool *complete) const;
    Indices laneSort(std::vector<char> todo, const Indices &heads, bool *complete) const;
    RevisionResult<Indices> allCurrent(const QStringList &ids) const;
};

// ---------------------------------------------------------------------------------------
// construction

bool RevisionMap::Data::build()
{
    const int n = count();
    ids.reserve(n);
    for (int i = 0; i < n; ++i) {
        const Revision &r = revisions.at(i);
        if (r.downRevisions.contains(r.id))
            return fail(QStringLiteral("Self-loop is detected in revisions (") + r.id +
                            QLatin1Char(')'),
                        r.path, QStringLiteral("down_revision"),
                        QStringLiteral("down_revision must name the revision this one follows, "
                                       "not the revision itself"));
        if (r.dependsOn.contains(r.id))
            return fail(QStringLiteral("Dependency self-loop is detected in revisions (") + r.id +
                            QLatin1Char(')'),
                        r.path, QStringLiteral("depends_on"),
                        QStringLiteral("remove the revision's own id from depends_on"));
        const QString idProblem = RevisionMap::checkRevisionId(r.id);
        if (!idProblem.isEmpty())
            return fail(idProblem, r.path, QStringLiteral("revision"),
                        QStringLiteral("choose an id without '@', '-' or '+'"));
        // Alembic only warns and lets the later file win; a port must not guess which
        // file the user meant.
        const int earlier = ids.value(r.id, -1);
        if (earlier >= 0)
            return fail(QStringLiteral("Revision %1 is present more than once (in %2 and %3)")
                            .arg(r.id, revisions.at(earlier).path, r.path),
                        r.path, QStringLiteral("revision"),
                        QStringLiteral("give one of the two files a new id (or delete the copy)"));
        ids.insert(r.id, i);
    }

    for (int i = 0; i < n; ++i) {
        for (const QString &label : revisions.at(i).branchLabels) {
            const int owner = key(label);
            if (owner >= 0)
                return fail(QStringLiteral("Branch name '%1' in revision %2 already used by "
                                           "revision %3")
                                .arg(label, idAt(i), idAt(owner)),
                            revisions.at(i).path, QStringLiteral("branch_labels"),
                            QStringLiteral("branch labels must be unique and differ from every "
                                           "revision id: rename one of them"));
            labels.insert(label, i);
            labelOrder.append(label);
        }
    }

    deps.assign(size_t(n), {});
    for (int i = 0; i < n; ++i) {
        for (const QString &dep : revisions.at(i).dependsOn) {
            const int target = key(dep);
            // Alembic crashes here with KeyError.
            if (target < 0)
                return fail(QStringLiteral("Revision %1 depends on '%2', which is not a revision "
                                           "id or branch label")
                                .arg(idAt(i), dep),
                            revisions.at(i).path, QStringLiteral("depends_on"),
                            QStringLiteral("name an existing revision id or branch label, or "
                                           "remove the entry"));
            if (!deps[size_t(i)].contains(target))
                deps[size_t(i)].append(target);
        }
    }

    if (!linkParentsAndDependencies())
        return false;
    normalizeDependencies();
    if (!detectCycles())
        return false;
    propagateBranchLabels();
    computeLevels();
    return true;
}

bool RevisionMap::Data::linkParentsAndDependencies()
{
    const int n = count();
    parents.assign(size_t(n), {});
    allDown.assign(size_t(n), {});
    children.assign(size_t(n), {});
    allChildren.assign(size_t(n), {});
    int missingFrom = -1;
    QString missing;
    for (int i = 0; i < n; ++i) {
        for (const QString &p : revisions.at(i).downRevisions) {
            const int pi = indexOfId(p);
            if (pi < 0) {
                if (missingFrom < 0) {
                    missingFrom = i;
                    missing = p;
                }
                continue;
            }
            parents[size_t(i)].append(pi);
            if (!allDown[size_t(i)].contains(pi))
                allDown[size_t(i)].append(pi);
        }
        for (int d : deps[size_t(i)]) {
            if (!allDown[size_t(i)].contains(d))
                allDown[size_t(i)].append(d);
        }
    }
    for (int i = 0; i < n; ++i) {
        for (int p : allDown[size_t(i)]) {
            allChildren[size_t(p)].append(i);
            if (parents[size_t(i)].contains(p))
                children[size_t(p)].append(i);
        }
    }
    const auto byId = [this](int a, int b) {
        return pythonLess(idAt(a), idAt(b));
    };
    for (int i = 0; i < n; ++i) {
        std::sort(children[size_t(i)].begin(), children[size_t(i)].end(), byId);
        std::sort(allChildren[size_t(i)].begin(), allChildren[size_t(i)].end(), byId);
        if (children[size_t(i)].isEmpty())
            heads.append(i);
        if (allChildren[size_t(i)].isEmpty())
            realHeads.append(i);
        if (revisions.at(i).downRevisions.isEmpty()) {
            bases.append(i);
            if (revisions.at(i).dependsOn.isEmpty())
                realBases.append(i);
        }
    }
    if (missingFrom >= 0) {
        // Alembic warns "Revision X referenced from <str(rev)> is not present", then
        // crashes with KeyError.
        const Revision &r = revisions.at(missingFrom);
        QString line = r.downRevisions.join(QLatin1String(", ")) + QLatin1String(" -> ") + r.id;
        if (children[size_t(missingFrom)].isEmpty())
            line += QLatin1String(" (head)");
        if (children[size_t(missingFrom)].size() > 1)
            line += QLatin1String(" (branchpoint)");
        if (r.downRevisions.size() > 1)
            line += QLatin1String(" (mergepoint)");
        line += QLatin1String(", ") + r.doc();
        return fail(
            QStringLiteral("Revision %1 referenced from %2 is not present").arg(missing, line),
            r.path, QStringLiteral("down_revision"),
            QStringLiteral("restore the missing revision file, or make down_revision name an "
                           "existing revision"));
    }
    return true;
}

void RevisionMap::Data::normalizeDependencies()
{
    // ndeps(R) = deps(R) minus the deps of R's strict versioned ancestors. Only targets
    // declared by two or more revisions can be dropped. One pass in topological order
    // carries, per revision, a bitset of those targets declared by a strict ancestor;
    // targets go in chunks so that the bitsets stay small whatever the project.
    const int n = count();
    QHash<int, int> shared; // dependency target -> number of declarers, then its bit
    for (int i = 0; i < n; ++i) {
        for (int d : deps[size_t(i)])
            ++shared[d];
    }
    Indices targets;
    for (auto it = shared.begin(); it != shared.end(); ++it) {
        if (it.value() >= 2) {
            it.value() = int(targets.size());
            targets.append(it.key());
        } else {
            it.value() = -1;
        }
    }
    std::vector<QSet<int>> dropped(static_cast<size_t>(n));
    if (!targets.isEmpty()) {
        const Indices order = parentsFirstOrder();
        constexpr int chunkWords = 16;
        constexpr int chunkBits = chunkWords * 64;
        std::vector<std::uint64_t> below(size_t(n) * chunkWords);
        std::uint64_t mine[chunkWords];
        for (qsizetype first = 0; first < targets.size(); first += chunkBits) {
            std::fill(below.begin(), below.end(), 0);
            const auto bitOf = [&](int target) {
                const int bit = shared.value(target, -1);
                return bit >= first && bit < first + chunkBits ? int(bit - first) : -1;
            };
            for (int v : order) {
                const std::uint64_t *ancestors = below.data() + size_t(v) * chunkWords;
                std::copy(ancestors, ancestors + chunkWords, mine);
                for (int d : deps[size_t(v)]) {
                    const int bit = bitOf(d);
                    if (bit < 0)
                        continue;
                    if ((ancestors[bit / 64] >> (bit % 64)) & 1u)
                        dropped[size_t(v)].insert(d);
                    mine[bit / 64] |= std::uint64_t(1) << (bit % 64);
                }
                for (int child : children[size_t(v)]) {
                    std::uint64_t *target = below.data() + size_t(child) * chunkWords;
                    for (int w = 0; w < chunkWords; ++w)
                        target[w] |= mine[w];
                }
            }
        }
    }
    ndeps.assign(size_t(n), {});
    up.assign(size_t(n), {});
    for (int i = 0; i < n; ++i) {
        for (int d : deps[size_t(i)]) {
            if (!dropped[size_t(i)].contains(d))
                ndeps[size_t(i)].append(d);
        }
        for (int p : parents[size_t(i)]) {
            if (!up[size_t(i)].contains(p))
                up[size_t(i)].append(p);
        }
        for (int d : ndeps[size_t(i)]) {
            if (!up[size_t(i)].contains(d))
                up[size_t(i)].append(d);
        }
    }
}

Indices RevisionMap::Data::parentsFirstOrder() const
{
    // Kahn's algorithm on the versioned edges; revisions on a cycle are left out (the
    // cycle check reports them right after).
    const int n = count();
    std::vector<int> pending(size_t(n), 0);
    for (int i = 0; i < n; ++i) {
        for (int child : children[size_t(i)])
            ++pending[size_t(child)];
    }
    Indices order;
    order.reserve(n);
    for (int i = 0; i < n; ++i) {
        if (pending[size_t(i)] == 0)
            order.append(i);
    }
    for (qsizetype k = 0; k < order.size(); ++k) {
        for (int child : children[size_t(order.at(k))]) {
            if (--pending[size_t(child)] == 0)
                order.append(child);
        }
    }
    return order;
}

bool RevisionMap::Data::detectCycles()
{
    const int n = count();
    if (n == 0)
        return true;
    const auto allIds = [this]() {
        QStringList all;
        for (const Revision &r : std::as_const(revisions))
            all.append(r.id);
        return all.join(QLatin1String(", "));
    };
    const QString cycleHint =
        QStringLiteral("follow down_revision and depends_on from here: they lead back to where "
                       "they started; make one of them name an older revision");
    const auto check = [&](const Indices &tops, const Indices &bottoms, Edge downward, Edge upward,
                           const QString &kind) {
        const QString field = kind == QLatin1String("Cycle") ? QStringLiteral("down_revision")
                                                             : QStringLiteral("depends_on");
        if (tops.isEmpty() || bottoms.isEmpty())
            return fail(kind + QLatin1String(" is detected in revisions (") + allIds() +
                            QLatin1Char(')'),
                        revisions.first().path, field, cycleHint);
        const std::vector<char> fromTop = closure(tops, downward);
        const std::vector<char> fromBottom = closure(bottoms, upward);
        QStringList outside;
        for (int i = 0; i < n; ++i) {
            if (!fromTop[size_t(i)] || !fromBottom[size_t(i)])
                outside.append(idAt(i));
        }
        if (outside.isEmpty())
            return true;
        std::sort(outside.begin(), outside.end(), pythonLess);
        return fail(kind + QLatin1String(" is detected in revisions (") +
                        outside.join(QLatin1String(", ")) + QLatin1Char(')'),
                    revisions.at(indexOfId(outside.first())).path, field, cycleHint);
    };
    return check(heads, bases, Edge::Parents, Edge::Children, QStringLiteral("Cycle")) &&
           check(realHeads, realBases, Edge::AllDown, Edge::AllChildren,
                 QStringLiteral("Dependency cycle"));
}

void RevisionMap::Data::propagateBranchLabels()
{
    const int n = count();
    sortedLabels = labelOrder;
    std::sort(sortedLabels.begin(), sortedLabels.end(), pythonLess);
    for (int k = 0; k < sortedLabels.size(); ++k)
        labelRank.insert(sortedLabels.at(k), k);
    labelWords = size_t((sortedLabels.size() + 63) / 64);
    labelBits.assign(size_t(n) * labelWords, 0);
    const auto row = [this](int rev) {
        return labelBits.data() + size_t(rev) * labelWords;
    };
    for (int i = 0; i < n; ++i) {
        for (const QString &label : revisions.at(i).branchLabels) {
            const int k = labelRank.value(label);
            row(i)[k / 64] |= std::uint64_t(1) << (k % 64);
        }
    }
    // Alembic walks, for every revision declaring labels (map order), all its versioned
    // descendants, then from the last revision of that walk down the single-parent chain
    // until a branch point (dependents counted), a merge point or a base. The walk gives
    // every revision the labels of all its versioned ancestors; the chain reaches below
    // the labelled revision only inside a "tail": a run of revisions with at most one
    // child (dependents counted) and at most one parent that ends in a versioned head.
    // A tail holding a labelled revision therefore ends up with its head's labels
    // throughout. Both steps together are linear, whatever the order Alembic used.
    for (int v : parentsFirstOrder()) {
        const std::uint64_t *source = row(v);
        for (int child : children[size_t(v)]) {
            std::uint64_t *target = row(child);
            for (size_t w = 0; w < labelWords; ++w)
                target[w] |= source[w];
        }
    }
    const auto inTail = [this](int rev) {
        return allChildren[size_t(rev)].size() <= 1 && parents[size_t(rev)].size() <= 1;
    };
    for (int top = 0; top < n; ++top) {
        if (!children[size_t(top)].isEmpty() || !inTail(top))
            continue;
        bool labelled = false;
        for (int node = top;;) {
            labelled = labelled || !revisions.at(node).branchLabels.isEmpty();
            if (parents[size_t(node)].isEmpty() || !inTail(parents[size_t(node)].first()))
                break;
            node = parents[size_t(node)].first();
        }
        if (!labelled)
            continue;
        for (int node = top;
             !parents[size_t(node)].isEmpty() && inTail(parents[size_t(node)].first());) {
            node = parents[size_t(node)].first();
            std::copy(row(top), row(top) + labelWords, row(node));
        }
    }
}

void RevisionMap::Data::computeLevels()
{
    const int n = count();
    std::vector<Indices> above(static_cast<size_t>(n));
    std::vector<int> pending(static_cast<size_t>(n), 0);
    std::vector<int> ready;
    for (int i = 0; i < n; ++i) {
        pending[size_t(i)] = int(up[size_t(i)].size());
        for (int d : up[size_t(i)])
            above[size_t(d)].append(i);
        if (up[size_t(i)].isEmpty())
            ready.push_back(i);
    }
    levels.assign(size_t(n), 0);
    while (!ready.empty()) {
        const int v = ready.back();
        ready.pop_back();
        for (int a : above[size_t(v)]) {
            levels[size_t(a)] = std::max(levels[size_t(a)], levels[size_t(v)] + 1);
            if (--pending[size_t(a)] == 0)
                ready.push_back(a);
        }
    }
}

// ---------------------------------------------------------------------------------------
// identifiers

RevisionResult<RevisionMap::Data::Resolved>
RevisionMap::Data::resolveRevisionNumber(const QString &identifier) const
{
    Resolved out;
    QString id = identifier;
    const qsizetype at = id.indexOf(QLatin1Char('@'));
    if (at >= 0) {
        out.branchLabel = id.left(at);
        out.hasBranchLabel = true;
        id = id.mid(at + 1);
    }
    if (id == QLatin1String("heads")) {
        if (!out.branchLabel.isEmpty()) {
            auto filtered = filterForLineage(heads, out.branchLabel, false);
            if (!filtered)
                return filtered.error();
            out.ids = toIds(*filtered);
        } else {
            out.ids = toIds(realHeads);
        }
    } else if (id == QLatin1String("head")) {
        auto head = currentHead(out.branchLabel);
        if (!head)
            return head.error();
        if (head->has_value())
            out.ids.append(idAt(**head));
    } else if (id != QLatin1String("base") && !id.isEmpty()) {
        // Alembic crashes on an empty identifier; Retort treats it as base.
        out.ids.append(id);
    }
    return out;
}

RevisionResult<std::optional<int>> RevisionMap::Data::currentHead(const QString &branchLabel) const
{
    Indices current = heads;
    if (!branchLabel.isEmpty()) {
        auto filtered = filterForLineage(heads, branchLabel, false);
        if (!filtered)
            return filtered.error();
        current = *filtered;
    }
    if (current.size() > 1) {
        RevisionError e;
        e.kind = RevisionError::Kind::MultipleHeads;
        e.heads = toIds(current);
        e.argument =
            branchLabel.isEmpty() ? QStringLiteral("head") : branchLabel + QLatin1String("@head");
        e.message = QStringLiteral("Multiple heads are present for given argument '%1'; %2")
                        .arg(e.argument, e.heads.join(QLatin1String(", ")));
        return e;
    }
    if (current.isEmpty())
        return std::optional<int>();
    return std::optional<int>(current.first());
}

RevisionResult<Indices> RevisionMap::Data::getRevisions(const RevisionArgument &argument) const
{
    if (!argument.isTuple)
        return getRevisionsOne(argument.items.value(0));
    Indices out;
    for (const QString &item : argument.items) {
        auto one = getRevisionsOne(item);
        if (!one)
            return one.error();
        out.append(*one);
    }
    return out;
}

RevisionResult<Indices> RevisionMap::Data::getRevisionsOne(const QString &identifier) const
{
    auto resolved = resolveRevisionNumber(identifier);
    if (!resolved)
        return resolved.error();
    const QString label = resolved->branchLabel;
    const bool labelGiven = resolved->hasBranchLabel;
    if (resolved->ids.size() == 1) {
        if (const auto steps = negativeInteger(resolved->ids.first())) {
            // `[label@]-N`: walk down N from each real head (carrying the label).
            Indices out;
            for (int head : realHeads) {
                if (labelGiven && !hasLabel(head, label))
                    continue;
                auto walked = walk(head, *steps, QString(), true);
                if (!walked)
                    return walked.error();
                out.append(*walked);
            }
            return out;
        }
    }
    Indices out;
    for (const QString &id : resolved->ids) {
        auto rev = revisionForIdent(id, label);
        if (!rev)
            return rev.error();
        out.append(*rev);
    }
    return out;
}

RevisionResult<int> RevisionMap::Data::getRevision(const QString &identifier) const
{
    auto resolved = resolveRevisionNumber(identifier);
    if (!resolved)
        return resolved.error();
    if (resolved->ids.size() > 1) {
        RevisionError e;
        e.kind = RevisionError::Kind::MultipleHeads;
        e.heads = resolved->ids;
        e.argument = identifier;
        e.message = QStringLiteral("Multiple heads are present for given argument '%1'; %2")
                        .arg(identifier, e.heads.join(QLatin1String(", ")));
        return e;
    }
    if (resolved->ids.isEmpty())
        return revisionForIdent(std::nullopt, resolved->branchLabel);
    return revisionForIdent(resolved->ids.first(), resolved->branchLabel);
}

RevisionResult<int> RevisionMap::Data::resolveBranch(const QString &label) const
{
    const int k = key(label);
    if (k >= 0)
        return k;
    auto rev = revisionForIdent(label, QString());
    if (!rev)
        return RevisionError::resolution(QStringLiteral("No such branch: '%1'").arg(label), label);
    return rev;
}

RevisionResult<int> RevisionMap::Data::revisionForIdent(const std::optional<QString> &resolvedId,
                                                        const QString &checkBranch) const
{
    int branchRev = NoneRef;
    if (!checkBranch.isEmpty()) {
        auto branch = resolveBranch(checkBranch);
        if (!branch)
            return branch.error();
        branchRev = *branch;
    }
    if (!resolvedId)
        return NoneRef;
    const QString &rid = *resolvedId;
    int revision = key(rid);
    if (revision < 0) {
        // Partial match over every key longer than three characters: ids, then labels,
        // each in map order.
        QStringList candidates;
        for (const Revision &r : std::as_const(revisions)) {
            if (r.id.startsWith(rid) && codePointLength(r.id) > 3)
                candidates.append(r.id);
        }
        for (const QString &label : labelOrder) {
            if (label.startsWith(rid) && codePointLength(label) > 3)
                candidates.append(label);
        }
        if (branchRev >= 0) {
            auto filtered = filterKeysForLineage(candidates, checkBranch, false);
            if (!filtered)
                return filtered.error();
            candidates = *filtered;
        }
        if (candidates.isEmpty()) {
            return RevisionError::resolution(
                QStringLiteral("No such revision or branch '%1'%2")
                    .arg(rid, codePointLength(rid) < 4
                                  ? QStringLiteral("; please ensure at least four characters "
                                                   "are present for partial revision "
                                                   "identifier matches")
                                  : QString()),
                rid);
        }
        if (candidates.size() > 1) {
            QStringList quoted;
            for (const QString &c : candidates.mid(0, 3))
                quoted.append(pythonRepr(c));
            return RevisionError::resolution(
                QStringLiteral("Multiple revisions start with '%1': %2...")
                    .arg(rid, quoted.join(QLatin1String(", "))),
                rid);
        }
        revision = key(candidates.first());
    }
    if (!checkBranch.isEmpty()) {
        const std::vector<char> lineage = closure({branchRev}, Edge::Parents);
        const std::vector<char> below = closure({branchRev}, Edge::Children);
        if (!lineage[size_t(revision)] && !below[size_t(revision)])
            return RevisionError::resolution(
                QStringLiteral("Revision %1 is not a member of branch '%2'")
                    .arg(idAt(revision), checkBranch),
                rid);
    }
    return revision;
}

RevisionResult<std::vector<char>> RevisionMap::Data::lineageMark(const QStringList &shares,
                                                                 bool includeDependencies) const
{
    Indices against;
    for (const QString &s : shares) {
        auto rev = revisionForIdent(s, QString());
        if (!rev)
            return rev.error();
        if (*rev >= 0)
            against.append(*rev);
    }
    // T shares lineage with X iff T is an ancestor or a descendant of (or is) some x:
    // one closure of X in each direction answers it for every T.
    std::vector<char> mark = closure(against, includeDependencies ? Edge::Up : Edge::Parents);
    const std::vector<char> below =
        closure(against, includeDependencies ? Edge::AllChildren : Edge::Children);
    for (size_t i = 0; i < mark.size(); ++i)
        mark[i] = mark[i] || below[i];
    return mark;
}

RevisionResult<Indices> RevisionMap::Data::filterForLineage(const Indices &targets,
                                                            const QString &checkAgainst,
                                                            bool includeDependencies) const
{
    auto resolved = resolveRevisionNumber(checkAgainst);
    if (!resolved)
        return resolved.error();
    const QStringList shares = resolved->shares();
    if (targets.isEmpty() || shares.isEmpty())
        return targets;
    auto mark = lineageMark(shares, includeDependencies);
    if (!mark)
        return mark.error();
    Indices out;
    for (int t : targets) {
        if (t >= 0 && (*mark)[size_t(t)])
            out.append(t);
    }
    return out;
}

RevisionResult<QStringList> RevisionMap::Data::filterKeysForLineage(const QStringList &targets,
                                                                    const QString &checkAgainst,
                                                                    bool includeDependencies) const
{
    auto resolved = resolveRevisionNumber(checkAgainst);
    if (!resolved)
        return resolved.error();
    const QStringList shares = resolved->shares();
    if (targets.isEmpty() || shares.isEmpty())
        return targets;
    auto mark = lineageMark(shares, includeDependencies);
    if (!mark)
        return mark.error();
    QStringList out;
    for (const QString &t : targets) {
        auto rev = revisionForIdent(t, QString());
        if (!rev)
            return rev.error();
        if (*rev >= 0 && (*mark)[size_t(*rev)])
            out.append(t);
    }
    return out;
}

RevisionResult<int> RevisionMap::Data::walk(int start, qint64 steps, const QString &branchLabel,
                                            bool noOverwalk) const
{
    int initial = start;
    const qint64 count = steps < 0 ? -steps : steps;
    for (qint64 step = 0; step < count; ++step) {
        Indices candidates;
        if (steps > 0) {
            if (initial == BaseRef)
                return RevisionError::unsupported(
                    QStringLiteral("Cannot walk up from below the base revisions"));
            candidates = initial == NoneRef ? bases : children[size_t(initial)];
            if (!branchLabel.isEmpty()) {
                auto filtered = filterForLineage(candidates, branchLabel, false);
                if (!filtered)
                    return filtered.error();
                candidates = *filtered;
            }
        } else if (initial != BaseRef) {
            candidates = initial == NoneRef ? heads : parents[size_t(initial)];
            if (candidates.isEmpty())
                candidates.append(BaseRef);
        }
        if (candidates.isEmpty())
            return noOverwalk ? NoneRef : initial;
        if (candidates.size() > 1)
            return RevisionError::revision(QStringLiteral("Ambiguous walk"));
        initial = candidates.first();
    }
    return initial;
}

namespace {

QString didNotProduce(const QString &relative, qint64 count)
{
    return QStringLiteral("Relative revision %1 didn't produce %2 migrations")
        .arg(relative, QString::number(count < 0 ? -count : count));
}

} // namespace

RevisionResult<Indices> RevisionMap::Data::parseUpgradeTarget(const RevisionArgument &current,
                                                              const RevisionArgument &target,
                                                              bool assertRelativeLength) const
{
    const std::optional<RelativeIdentifier> rel =
        target.isTuple ? std::nullopt : RelativeIdentifier::parse(target.items.value(0));
    if (!rel)
        return getRevisions(target);

    const QString &label = rel->branchLabel;
    if (rel->relative > 0) {
        if (rel->hasSymbol()) {
            auto start = getRevision(rel->symbol);
            if (!start)
                return start.error();
            auto walked = walk(*start, rel->relative, label, assertRelativeLength);
            if (!walked)
                return walked.error();
            return Indices{*walked};
        }
        // Relative to the current state: start from the single current revision (on
        // the label's lineage), else from the tips of that lineage below it, else base.
        const QStringList currentIds = current.items;
        int start = NoneRef;
        qsizetype starts = 1;
        if (!label.isEmpty()) {
            auto revs = getRevisions(RevisionArgument(currentIds));
            if (!revs)
                return revs.error();
            Indices plain;
            for (int r : std::as_const(*revs)) {
                if (r >= 0)
                    plain.append(r);
            }
            auto onBranch = filterForLineage(plain, label, false);
            if (!onBranch)
                return onBranch.error();
            if (!onBranch->isEmpty()) {
                starts = onBranch->size();
                start = onBranch->first();
            } else {
                const Indices below = marked(closure(plain, Edge::Up));
                auto active = filterForLineage(below, label, false);
                if (!active)
                    return active.error();
                std::vector<char> inActive(size_t(count()), 0);
                for (int a : std::as_const(*active))
                    inActive[size_t(a)] = 1;
                for (int a : std::as_const(*active)) {
                    for (int d : up[size_t(a)])
                        inActive[size_t(d)] = 0;
                }
                const Indices tips = marked(inActive);
                if (!tips.isEmpty()) {
                    starts = tips.size();
                    start = tips.first();
                }
            }
            if (starts > 1)
                return RevisionError::revision(
                    QStringLiteral("Ambiguous upgrade from multiple current revisions"));
        } else {
            if (currentIds.size() > 1)
                return RevisionError::revision(
                    QStringLiteral("Ambiguous upgrade from multiple current revisions"));
            if (!currentIds.isEmpty()) {
                auto resolved = getRevision(currentIds.first());
                if (!resolved)
                    return resolved.error();
                start = *resolved;
            }
        }
        auto walked = walk(start, rel->relative, label, assertRelativeLength);
        if (!walked)
            return walked.error();
        if (*walked == NoneRef)
            return RevisionError::revision(didNotProduce(rel->relativeText, rel->relative));
        return Indices{*walked};
    }
    if (!rel->hasSymbol())
        return RevisionError::revision(
            didNotProduce(QString::number(rel->relative), rel->relative));
    auto start =
        getRevision(label.isEmpty() ? rel->symbol : label + QLatin1Char('@') + rel->symbol);
    if (!start)
        return start.error();
    auto walked = walk(*start, rel->relative, QString(), assertRelativeLength);
    if (!walked)
        return walked.error();
    return Indices{*walked};
}

RevisionResult<RevisionMap::Data::DowngradeTarget>
RevisionMap::Data::parseDowngradeTarget(const RevisionArgument &current, const QString &target,
                                        bool assertRelativeLength) const
{
    DowngradeTarget out;
    const std::optional<RelativeIdentifier> rel = RelativeIdentifier::parse(target);
    if (!rel) {
        const qsizetype at = target.lastIndexOf(QLatin1Char('@'));
        if (at > 0)
            out.branchLabel = target.left(at);
        auto rev = getRevision(target.mid(at + 1));
        if (!rev)
            return rev.error();
        out.target = *rev;
        return out;
    }
    out.branchLabel = rel->branchLabel;
    if (rel->relative >= 0) {
        if (!rel->hasSymbol())
            return RevisionError::revision(didNotProduce(rel->relativeText, rel->relative));
        auto start = getRevision(rel->symbol);
        if (!start)
            return start.error();
        auto walked = walk(*start, rel->relative, rel->branchLabel, assertRelativeLength);
        if (!walked)
            return walked.error();
        if (*walked == NoneRef)
            return RevisionError::revision(QStringLiteral("Walked too far"));
        out.target = *walked;
        return out;
    }
    const bool relativeToCurrent = !rel->hasSymbol();
    QString symbol = rel->symbol;
    if (relativeToCurrent) {
        const QStringList currentIds = current.items;
        if (!out.branchLabel.isEmpty()) {
            auto onBranch = filterKeysForLineage(currentIds, out.branchLabel, false);
            if (!onBranch)
                return onBranch.error();
            QStringList symbols = *onBranch;
            if (symbols.isEmpty()) {
                auto all = allCurrent(currentIds);
                if (!all)
                    return all.error();
                auto filtered = filterForLineage(*all, out.branchLabel, false);
                if (!filtered)
                    return filtered.error();
                symbols = toIds(*filtered);
            }
            // Alembic asserts exactly one here.
            if (symbols.size() != 1)
                return RevisionError::unsupported(
                    QStringLiteral("Relative revision %1 does not name exactly one current "
                                   "revision on branch '%2'")
                        .arg(target, out.branchLabel));
            symbol = symbols.first();
        } else {
            if (currentIds.isEmpty())
                return RevisionError::revision(didNotProduce(rel->relativeText, rel->relative));
            symbol = currentIds.first();
            out.branchLabel = symbol;
        }
    }
    auto start = getRevision(
        out.branchLabel.isEmpty() ? symbol : out.branchLabel + QLatin1Char('@') + symbol);
    if (!start)
        return start.error();
    auto walked = walk(*start, rel->relative, QString(), assertRelativeLength);
    if (!walked)
        return walked.error();
    if (*walked == NoneRef)
        return RevisionError::revision(relativeToCurrent
                                           ? didNotProduce(rel->relativeText, rel->relative)
                                           : QStringLiteral("Walked too far"));
    out.target = *walked;
    return out;
}

std::optional<RevisionError> RevisionMap::Data::checkOverlaps(const Indices &targets, Edge e,
                                                              qsizetype walked) const
{
    // Alembic's _iterate_related_revisions(check=True): each target's walk (sharing the
    // visited set with the earlier ones) must not reach another target.
    if (targets.size() < 2)
        return std::nullopt;
    QSet<int> targetSet(targets.cbegin(), targets.cend());
    std::vector<char> seen(size_t(count()), 0);
    for (int t : targets.first(walked < 0 ? targets.size() : walked)) {
        QSet<int> overlaps;
        std::vector<int> stack{t};
        while (!stack.empty()) {
            const int c = stack.back();
            stack.pop_back();
            if (c != t && targetSet.contains(c))
                overlaps.insert(c);
            if (seen[size_t(c)])
                continue;
            seen[size_t(c)] = 1;
            for (int n : next(c, e))
                stack.push_back(n);
        }
        if (!overlaps.isEmpty()) {
            Indices sorted(overlaps.cbegin(), overlaps.cend());
            std::sort(sorted.begin(), sorted.end());
            return RevisionError::revision(
                QStringLiteral("Requested revision %1 overlaps with other requested revisions %2")
                    .arg(idAt(t), toIds(sorted).join(QLatin1String(", "))));
        }
    }
    return std::nullopt;
}

RevisionResult<RevisionMap::Data::Collected>
RevisionMap::Data::collectUpgrade(const RevisionArgument &upper, const RevisionArgument &lower,
                                  const CollectOptions &options) const
{
    auto parsed = parseUpgradeTarget(lower, upper, options.assertRelativeLength);
    if (!parsed)
        return parsed.error();
    Indices targets;
    for (int t : std::as_const(*parsed)) {
        // Alembic fails an assertion here (e.g. `head-3` walking below base).
        if (t < 0)
            return RevisionError::unsupported(
                QStringLiteral("Relative revision %1 does not lead to a revision")
                    .arg(upper.toString()));
        targets.append(t);
    }

    if (!lower.isTuple && lower.items.value(0).contains(QLatin1Char('@'))) {
        // `label@...` as the start keeps only the targets carrying that label.
        QString branch = lower.items.value(0).section(QLatin1Char('@'), 0, 0);
        auto branchRev = getRevision(branch);
        if (!branchRev)
            return branchRev.error();
        if (*branchRev >= 0 && idAt(*branchRev) == branch) {
            const QStringList own = labelsOf(*branchRev);
            if (own.size() != 1)
                return RevisionError::unsupported(
                    QStringLiteral("Revision %1 does not carry exactly one branch label")
                        .arg(branch));
            branch = own.first();
        }
        Indices kept;
        for (int t : std::as_const(targets)) {
            if (hasLabel(t, branch) && !kept.contains(t))
                kept.append(t);
        }
        targets = kept;
    }

    if (const auto overlap = checkOverlaps(targets, Edge::Up))
        return *overlap;
    const std::vector<char> required = closure(targets, Edge::Up);

    auto currentRevs = getRevisions(lower);
    if (!currentRevs)
        return currentRevs.error();
    Indices current = *currentRevs;
    if (!options.implicitBase) {
        for (int c : std::as_const(current)) {
            if (c == BaseRef || (c >= 0 && !required[size_t(c)])) {
                RevisionError e;
                e.kind = RevisionError::Kind::RangeNotAncestor;
                e.lower = lower.toString();
                e.upper = upper.toString();
                e.message = QStringLiteral("Revision %1 is not an ancestor of revision %2")
                                .arg(e.lower.isEmpty() ? QStringLiteral("base") : e.lower,
                                     e.upper.isEmpty() ? QStringLiteral("base") : e.upper);
                return e;
            }
        }
    }

    RevisionArgument lowerNow = lower;
    if (!current.isEmpty() && current.first() == NoneRef) {
        // A relative lower end that get_revisions could not walk: Alembic re-reads it as
        // a downgrade target from the upper end.
        auto down = parseDowngradeTarget(upper, lower.items.value(0), options.assertRelativeLength);
        if (!down)
            return down.error();
        if (down->target == NoneRef)
            return RevisionError::unsupported(
                QStringLiteral("Relative revision %1 does not lead to a revision")
                    .arg(lower.toString()));
        if (down->target == BaseRef) {
            current.clear();
            lowerNow = RevisionArgument(QStringList());
        } else {
            current = {down->target};
            lowerNow = RevisionArgument(idAt(down->target));
        }
    }
    // A None or "base" among several current revisions makes Alembic fail an assertion
    // when its turn comes, unless the walks of the revisions before it already found an
    // overlap (e.g. `-2` when one head is also a base).
    const auto unusable =
        std::find_if(current.cbegin(), current.cend(), [](int c) { return c < 0; });
    if (unusable != current.cend()) {
        if (const auto overlap =
                checkOverlaps(current, Edge::Up, qsizetype(unusable - current.cbegin())))
            return *overlap;
        return RevisionError::unsupported(
            QStringLiteral("Relative revision %1 does not lead to a revision")
                .arg(lower.toString()));
    }
    if (const auto overlap = checkOverlaps(current, Edge::Up))
        return *overlap;
    const std::vector<char> applied = closure(current, Edge::Up);

    Collected out;
    out.revisions.assign(size_t(count()), 0);
    for (int i = 0; i < count(); ++i)
        out.revisions[size_t(i)] = required[size_t(i)] && !applied[size_t(i)];
    if (options.inclusive) {
        auto lowerRevs = getRevisions(lowerNow);
        if (!lowerRevs)
            return lowerRevs.error();
        for (int l : std::as_const(*lowerRevs)) {
            if (l < 0)
                return RevisionError::unsupported(
                    QStringLiteral("Relative revision %1 does not lead to a revision")
                        .arg(lower.toString()));
            out.revisions[size_t(l)] = 1;
        }
    }
    if (!current.isEmpty() && !options.implicitBase) {
        const std::vector<char> above = closure(current, Edge::Children);
        for (int i = 0; i < count(); ++i)
            out.revisions[size_t(i)] = out.revisions[size_t(i)] && above[size_t(i)];
    }
    out.heads = targets;
    return out;
}

RevisionResult<RevisionMap::Data::Collected>
RevisionMap::Data::collectDowngrade(const RevisionArgument &upper, const RevisionArgument &lower,
                                    const CollectOptions &options) const
{
    if (lower.isTuple)
        return RevisionError::unsupported(
            QStringLiteral("A downgrade target must be one identifier"));
    auto parsed = parseDowngradeTarget(upper, lower.items.value(0), options.assertRelativeLength);
    if (!parsed)
        return parsed.error();
    const QString label = parsed->branchLabel;
    const int target = parsed->target == BaseRef ? NoneRef : parsed->target;

    Indices roots;
    if (target == NoneRef) {
        // Alembic scans its map's values, where a labelled revision appears once per key:
        // the duplicates matter for the "more than one root" test below.
        roots = bases;
        for (const QString &l : labelOrder) {
            const int owner = labels.value(l);
            if (revisions.at(owner).downRevisions.isEmpty())
                roots.append(owner);
        }
    } else if (options.inclusive) {
        roots = {target};
    } else {
        roots = children[size_t(target)];
    }
    if (!label.isEmpty() && roots.size() > 1) {
        auto branch = resolveBranch(label);
        if (!branch)
            return branch.error();
        const std::vector<char> lineage = closure({*branch}, Edge::Parents);
        Indices kept;
        for (int r : std::as_const(roots)) {
            if (lineage[size_t(r)] && !kept.contains(r))
                kept.append(r);
        }
        if (kept.isEmpty())
            return RevisionError::revision(
                QStringLiteral("Not a valid downgrade target from current heads"));
        roots = kept;
    }

    auto headRevs = getRevisions(upper);
    if (!headRevs)
        return headRevs.error();
    for (int h : std::as_const(*headRevs)) {
        if (h < 0)
            return RevisionError::unsupported(
                QStringLiteral("Relative revision %1 does not lead to a revision")
                    .arg(upper.toString()));
    }
    const std::vector<char> dependents = closure(roots, Edge::AllChildren);
    const std::vector<char> active = closure(*headRevs, Edge::Up);
    Collected out;
    out.revisions.assign(size_t(count()), 0);
    bool any = false;
    for (int i = 0; i < count(); ++i) {
        out.revisions[size_t(i)] = dependents[size_t(i)] && active[size_t(i)];
        any = any || out.revisions[size_t(i)];
    }
    if (options.implicitBase) {
        const std::vector<char> keep = closure(roots, Edge::Up);
        for (int i = 0; i < count(); ++i) {
            if (active[size_t(i)] && !keep[size_t(i)]) {
                out.revisions[size_t(i)] = 1;
                any = true;
            }
        }
    }
    if (target != NoneRef && !any && !headRevs->contains(target)) {
        RevisionError e;
        e.kind = RevisionError::Kind::RangeNotAncestor;
        e.lower = QStringLiteral("Nothing to drop");
        e.upper = upper.toString();
        e.message = QStringLiteral("Revision Nothing to drop is not an ancestor of revision %1")
                        .arg(e.upper.isEmpty() ? QStringLiteral("base") : e.upper);
        return e;
    }
    out.heads = *headRevs;
    return out;
}

namespace {

// The ancestors (with dependencies, inclusive) of one lane head of the history order,
// explored only as deep as the questions asked so far need: to decide whether c is an
// ancestor it suffices to expand the nodes above c's level. Alembic recomputes whole
// ancestor sets instead, which is quadratic on long histories with many merges.
class LaneAncestors
{
public:
    LaneAncestors(const std::vector<int> &levels, const std::vector<Indices> &up, int root)
        : m_levels(&levels)
        , m_up(&up)
        , m_root(root)
    {
        m_found.insert(root);
        m_frontier.push({levels[size_t(root)], root});
    }
    int root() const { return m_root; }
    bool contains(int c)
    {
        const int level = (*m_levels)[size_t(c)];
        if (level >= (*m_levels)[size_t(m_root)])
            return c == m_root;
        while (!m_frontier.empty() && m_frontier.top().first > level) {
            const int v = m_frontier.top().second;
            m_frontier.pop();
            for (int u : (*m_up)[size_t(v)]) {
                if (!m_found.contains(u)) {
                    m_found.insert(u);
                    m_frontier.push({(*m_levels)[size_t(u)], u});
                }
            }
        }
        return m_found.contains(c);
    }
    // The lane stepped from its root to the root's only up(): the ancestors of the new
    // root are exactly the old set without the old root.
    void stepDown(int parent)
    {
        if (m_frontier.size() == 1 && m_frontier.top().second == m_root) {
            *this = LaneAncestors(*m_levels, *m_up, parent);
            return;
        }
        m_found.remove(m_root);
        m_root = parent;
    }

private:
    const std::vector<int> *m_levels;
    const std::vector<Indices> *m_up;
    int m_root;
    QSet<int> m_found;
    std::priority_queue<std::pair<int, int>> m_frontier;
};

} // namespace

// Alembic's history order: a walk down from the heads in map order along "lanes" (one
// per head still to visit); a lane's head is emitted only when no other lane's head
// descends from it, else the walk switches to the first such lane; an emitted head is
// replaced by its up() revisions still to do, the first in its lane, the others as new
// lanes at the end.
Indices RevisionMap::Data::topologicalSort(std::vector<char> todo, const Indices &startHeads,
                                           bool *complete) const
{
    const qsizetype remaining = std::count(todo.cbegin(), todo.cend(), char(1));
    std::vector<char> isHead(todo.size(), 0);
    Indices heads;
    for (int h : startHeads) {
        if (h >= 0 && todo[size_t(h)] && !isHead[size_t(h)]) {
            isHead[size_t(h)] = 1;
            heads.append(h);
        }
    }
    std::sort(heads.begin(), heads.end()); // map order
    if (countingSortApplies(todo, heads, remaining))
        return countingSort(std::move(todo), heads, complete);
    return laneSort(std::move(todo), heads, complete);
}

// countingSort() is exact when every revision to do lies on a path of revisions to do
// below one of the heads, and no revision outside the set lies between two inside it
// (true of every upgrade/downgrade range and of the whole history). Then "another lane's
// head descends from the candidate" is the same as "the candidate still has a child to
// do", and the revisions between them are all still to do. Linear.
bool RevisionMap::Data::countingSortApplies(const std::vector<char> &todo, const Indices &heads,
                                            qsizetype remaining) const
{
    const size_t n = todo.size();
    std::vector<char> reached(n, 0);
    std::vector<int> stack;
    qsizetype reachedCount = 0;
    for (int h : heads) {
        reached[size_t(h)] = 1;
        ++reachedCount;
        stack.push_back(h);
    }
    while (!stack.empty()) {
        const int v = stack.back();
        stack.pop_back();
        for (int u : up[size_t(v)]) {
            if (todo[size_t(u)] && !reached[size_t(u)]) {
                reached[size_t(u)] = 1;
                ++reachedCount;
                stack.push_back(u);
            }
        }
    }
    if (reachedCount != remaining)
        return false;

    // Convexity: no revision outside the set has both an ancestor and a descendant in it.
    // Levels order ancestors before descendants.
    int maxLevel = 0;
    for (int l : levels)
        maxLevel = std::max(maxLevel, l);
    std::vector<int> start(size_t(maxLevel) + 2, 0);
    for (int l : levels)
        ++start[size_t(l) + 1];
    for (size_t l = 1; l < start.size(); ++l)
        start[l] += start[l - 1];
    std::vector<int> byLevel(n);
    {
        std::vector<int> fill(start.begin(), start.end() - 1);
        for (size_t v = 0; v < n; ++v)
            byLevel[size_t(fill[size_t(levels[v])]++)] = int(v);
    }
    std::vector<char> hasAncestorInSet(n, 0);
    for (int v : byLevel) {
        for (int u : up[size_t(v)]) {
            if (todo[size_t(u)] || hasAncestorInSet[size_t(u)]) {
                hasAncestorInSet[size_t(v)] = 1;
                break;
            }
        }
    }
    std::vector<char> belowSet(n, 0);
    for (auto it = byLevel.crbegin(); it != byLevel.crend(); ++it) {
        const int v = *it;
        if (!todo[size_t(v)] && belowSet[size_t(v)] && hasAncestorInSet[size_t(v)])
            return false;
        if (todo[size_t(v)] || belowSet[size_t(v)]) {
            for (int u : up[size_t(v)])
                belowSet[size_t(u)] = 1;
        }
    }
    return true;
}

Indices RevisionMap::Data::countingSort(std::vector<char> todo, const Indices &heads,
                                        bool *complete) const
{
    const size_t n = todo.size();
    qsizetype remaining = std::count(todo.cbegin(), todo.cend(), char(1));
    // above[aboveStart[v] .. aboveStart[v + 1]): the revisions to do that have v in up(),
    // in one flat array (the searches below walk it a lot); pending[v]: how many of them
    // are not emitted yet.
    std::vector<int> pending(n, 0);
    for (size_t x = 0; x < n; ++x) {
        if (todo[x]) {
            for (int v : std::as_const(up[x]))
                ++pending[size_t(v)];
        }
    }
    std::vector<int> aboveStart(n + 1, 0);
    for (size_t v = 0; v < n; ++v)
        aboveStart[v + 1] = aboveStart[v] + pending[v];
    std::vector<int> above(static_cast<size_t>(aboveStart[n]));
    {
        std::vector<int> fill(aboveStart.cbegin(), aboveStart.cend() - 1);
        for (size_t x = 0; x < n; ++x) {
            if (todo[x]) {
                for (int v : std::as_const(up[x]))
                    above[size_t(fill[size_t(v)]++)] = int(x);
            }
        }
    }
    // Lanes in order, each with a rank: a lane keeps its rank when its head moves down
    // and new lanes are appended with higher ranks, so positions and ranks sort alike
    // and a position is found by binary search.
    std::vector<int> lanes(heads.cbegin(), heads.cend());
    std::vector<qint64> ranks;
    qint64 nextRank = 0;
    std::vector<qint64> rankOf(n, -1); // the rank of the lane a revision heads, or -1
    for (int h : lanes) {
        rankOf[size_t(h)] = nextRank;
        ranks.push_back(nextRank++);
    }
    const auto positionOf = [&ranks](qint64 rank) {
        return size_t(std::lower_bound(ranks.cbegin(), ranks.cend(), rank) - ranks.cbegin());
    };

    // The first lane other than `current` whose head descends from `candidate`. The
    // revisions between them are exactly the unemitted ones above the candidate, and
    // that set only shrinks as the walk goes on (emitted revisions are closed upwards),
    // so the set collected for a candidate stays valid for later questions about it:
    // a lane blocked below a long branch asks again after each step of that branch.
    // The last few candidates' sets are kept (one stamp array each), with the rank of
    // the lane last found: lanes only ever leave such a set, or join it with a higher
    // rank, so that lane stays the answer for as long as it is in the set.
    struct Above
    {
        int candidate = -1;
        int stamp = 0;
        quint64 used = 0;
        qint64 answer = -1;
        std::vector<int> seen;
    };
    std::array<Above, 16> aboveSets;
    int stamps = 0;
    quint64 uses = 0;
    std::vector<int> queue; // breadth-first, kept between searches for its capacity
    const auto firstLaneAbove = [&](int candidate) -> std::optional<size_t> {
        Above *set = nullptr;
        for (Above &a : aboveSets) {
            if (a.candidate == candidate)
                set = &a;
        }
        if (set) {
            const size_t at = positionOf(set->answer);
            if (at < ranks.size() && ranks[at] == set->answer &&
                set->seen[size_t(lanes[at])] == set->stamp) {
                set->used = ++uses;
                return at;
            }
        } else {
            set = &*std::min_element(aboveSets.begin(), aboveSets.end(),
                                     [](const Above &a, const Above &b) { return a.used < b.used; });
            if (set->seen.empty())
                set->seen.assign(n, 0);
            set->candidate = candidate;
        }
        set->used = ++uses;
        // The best answer possible: the first lane whose head lies above the candidate's
        // level (a descendant always has a greater level). The search stops when it finds
        // that lane, so that many open branches off a long line cost the distance to the
        // next branch each, not the whole graph each. None such: no lane is above.
        qint64 bound = -1;
        for (const int head : lanes) {
            if (head != candidate && levels[size_t(head)] > levels[size_t(candidate)] &&
                (bound < 0 || rankOf[size_t(head)] < bound))
                bound = rankOf[size_t(head)];
        }
        // (Re)collect the set breadth first; its lane heads give the answer directly. A
        // set cut short at the bound is still a part of the set, which keeps the cached
        // answer valid (see above).
        std::vector<int> &seen = set->seen;
        const int stamp = ++stamps;
        set->stamp = stamp;
        qint64 best = -1;
        queue.assign(1, candidate);
        seen[size_t(candidate)] = stamp;
        for (size_t next = 0; bound >= 0 && best != bound && next < queue.size(); ++next) {
            const int v = queue[next];
            for (int k = aboveStart[size_t(v)]; k < aboveStart[size_t(v) + 1]; ++k) {
                const int x = above[size_t(k)];
                if (todo[size_t(x)] && seen[size_t(x)] != stamp) {
                    seen[size_t(x)] = stamp;
                    const qint64 rank = rankOf[size_t(x)];
                    if (rank >= 0 && (best < 0 || rank < best))
                        best = rank;
                    queue.push_back(x);
                }
            }
        }
        set->answer = best;
        if (best < 0)
            return std::nullopt; // not under countingSortApplies()
        return positionOf(best);
    };

    Indices output;
    output.reserve(remaining);
    size_t current = 0;
    while (!lanes.empty()) {
        const int candidate = lanes[current];
        if (pending[size_t(candidate)] > 0) {
            if (const std::optional<size_t> next = firstLaneAbove(candidate)) {
                current = *next;
                continue;
            }
        }
        if (todo[size_t(candidate)]) {
            output.append(candidate);
            todo[size_t(candidate)] = 0;
            --remaining;
            for (int v : std::as_const(up[size_t(candidate)]))
                --pending[size_t(v)];
        }
        Indices toAdd;
        for (int r : std::as_const(up[size_t(candidate)])) {
            if (todo[size_t(r)] && rankOf[size_t(r)] < 0)
                toAdd.append(r);
        }
        const qint64 rank = ranks[current];
        rankOf[size_t(candidate)] = -1;
        if (toAdd.isEmpty()) {
            lanes.erase(lanes.begin() + qsizetype(current));
            ranks.erase(ranks.begin() + qsizetype(current));
            current = current > 0 ? current - 1 : 0;
            continue;
        }
        lanes[current] = toAdd.first();
        rankOf[size_t(toAdd.first())] = rank;
        for (qsizetype k = 1; k < toAdd.size(); ++k) {
            lanes.push_back(toAdd.at(k));
            rankOf[size_t(toAdd.at(k))] = nextRank;
            ranks.push_back(nextRank++);
        }
    }
    if (complete)
        *complete = remaining == 0;
    return output;
}

// Alembic's walk as it is written: every lane keeps (lazily) the ancestor set of its
// head. Used only where countingSort()'s shortcut does not apply.
Indices RevisionMap::Data::laneSort(std::vector<char> todo, const Indices &heads,
                                    bool *complete) const
{
    qsizetype remaining = std::count(todo.cbegin(), todo.cend(), char(1));
    std::vector<LaneAncestors> lanes;
    lanes.reserve(size_t(heads.size()));
    for (int h : std::as_const(heads))
        lanes.emplace_back(levels, up, h);
    const auto isLane = [&lanes](int r) {
        return std::any_of(lanes.cbegin(), lanes.cend(),
                           [r](const LaneAncestors &l) { return l.root() == r; });
    };

    Indices output;
    output.reserve(remaining);
    size_t current = 0;
    while (!lanes.empty()) {
        const int candidate = lanes[current].root();
        bool switched = false;
        for (size_t j = 0; j < lanes.size(); ++j) {
            if (j != current && lanes[j].contains(candidate)) {
                // Another lane still leads to the candidate: finish that one first.
                current = j;
                switched = true;
                break;
            }
        }
        if (switched)
            continue;
        if (todo[size_t(candidate)]) {
            output.append(candidate);
            todo[size_t(candidate)] = 0;
            --remaining;
        }
        Indices toAdd;
        for (int r : up[size_t(candidate)]) {
            if (todo[size_t(r)] && !isLane(r))
                toAdd.append(r);
        }
        if (toAdd.isEmpty()) {
            lanes.erase(lanes.begin() + qsizetype(current));
            current = current > 0 ? current - 1 : 0;
        } else if (ndeps[size_t(candidate)].isEmpty() && parents[size_t(candidate)].size() == 1) {
            lanes[current].stepDown(toAdd.first());
        } else {
            lanes[current] = LaneAncestors(levels, up, toAdd.first());
            for (qsizetype k = 1; k < toAdd.size(); ++k)
                lanes.emplace_back(levels, up, toAdd.at(k));
        }
    }
    if (complete)
        *complete = remaining == 0;
    return output;
}

RevisionResult<Indices> RevisionMap::Data::allCurrent(const QStringList &currentIds) const
{
    auto top = getRevisions(RevisionArgument(currentIds));
    if (!top)
        return top.error();
    const std::vector<char> all = closure(*top, Edge::Up);
    Indices out;
    for (int i = 0; i < count(); ++i) {
        if (!all[size_t(i)])
            continue;
        bool hasChildInSet = false;
        for (int c : children[size_t(i)])
            hasChildInSet = hasChildInSet || all[size_t(c)];
        if (!hasChildInSet)
            out.append(i);
    }
    return out;
}

// ---------------------------------------------------------------------------------------
// public API

RevisionMap::RevisionMap()
    : d(std::make_shared<Data>())
{ }

RevisionMap::RevisionMap(const QList<Revision> &revisions)
{
    auto data = std::make_shared<Data>();
    data->revisions = revisions;
    if (!data->build()) {
        // An invalid map answers nothing: keep only the error.
        auto failed = std::make_shared<Data>();
        failed->error = data->error;
        failed->errorFile = data->errorFile;
        failed->errorField = data->errorField;
        failed->errorHint = data->errorHint;
        d = failed;
        return;
    }
    d = data;
}

RevisionMap::RevisionMap(const RevisionMap &) = default;
RevisionMap &RevisionMap::operator=(const RevisionMap &) = default;
RevisionMap::RevisionMap(RevisionMap &&) noexcept = default;
RevisionMap &RevisionMap::operator=(RevisionMap &&) noexcept = default;
RevisionMap::~RevisionMap() = default;

bool RevisionMap::isValid() const
{
    return d->error.isEmpty();
}
QString RevisionMap::errorString() const
{
    return d->error;
}

Diagnostic RevisionMap::errorDiagnostic() const
{
    Diagnostic diagnostic;
    diagnostic.file = d->errorFile;
    diagnostic.message = d->error;
    if (!d->errorHint.isEmpty())
        diagnostic.message += QStringLiteral(": ") + d->errorHint;
    // Revisions do not keep source positions; an error is rare, so read the one file
    // again to point at the variable.
    if (!d->errorFile.isEmpty() && !d->errorField.isEmpty()) {
        const ScriptHeader header = ScriptHeaderReader::readFile(d->errorFile);
        const ScriptHeader::Value *value = d->errorField == QLatin1String("revision")
                                               ? &header.revision
                                           : d->errorField == QLatin1String("down_revision")
                                               ? &header.downRevision
                                           : d->errorField == QLatin1String("depends_on")
                                               ? &header.dependsOn
                                               : &header.branchLabels;
        if (value->isPresent() && value->range.isValid()) {
            diagnostic.line = value->range.start.line;
            diagnostic.column = value->range.start.column;
        }
    }
    return diagnostic;
}

QString RevisionMap::checkRevisionId(const QString &id)
{
    QStringList found;
    for (const QChar c : {QLatin1Char('+'), QLatin1Char('-'), QLatin1Char('@')}) {
        if (id.contains(c))
            found.append(QString(c));
    }
    if (found.isEmpty())
        return QString();
    return QStringLiteral("Character(s) '%1' not allowed in revision identifier '%2'")
        .arg(found.join(QLatin1String(", ")), id);
}

bool RevisionMap::isEmpty() const
{
    return d->revisions.isEmpty();
}
qsizetype RevisionMap::size() const
{
    return d->revisions.size();
}

QStringList RevisionMap::ids() const
{
    QStringList out;
    out.reserve(d->revisions.size());
    for (const Revision &r : std::as_const(d->revisions))
        out.append(r.id);
    return out;
}

const QList<Revision> &RevisionMap::revisions() const
{
    return d->revisions;
}
bool RevisionMap::contains(const QString &id) const
{
    return d->ids.contains(id);
}
qsizetype RevisionMap::indexOf(const QString &id) const
{
    return d->indexOfId(id);
}

const Revision *RevisionMap::revision(const QString &id) const
{
    const int i = d->indexOfId(id);
    return i < 0 ? nullptr : &d->revisions.at(i);
}

QString RevisionMap::revisionForLabel(const QString &label) const
{
    const int i = d->labels.value(label, -1);
    return i < 0 ? QString() : d->idAt(i);
}

QStringList RevisionMap::declaredLabels() const
{
    return d->labelOrder;
}

QStringList RevisionMap::heads() const
{
    return d->toIds(d->heads);
}
QStringList RevisionMap::realHeads() const
{
    return d->toIds(d->realHeads);
}
QStringList RevisionMap::bases() const
{
    return d->toIds(d->bases);
}
QStringList RevisionMap::realBases() const
{
    return d->toIds(d->realBases);
}

QStringList RevisionMap::effectiveHeads() const
{
    QStringList out;
    for (int h : std::as_const(d->heads)) {
        if (!d->allChildren[size_t(h)].isEmpty())
            out.append(d->idAt(h));
    }
    return out;
}

QStringList RevisionMap::branchPoints() const
{
    QStringList out;
    for (int i = 0; i < d->count(); ++i) {
        if (d->children[size_t(i)].size() > 1)
            out.append(d->idAt(i));
    }
    return out;
}

QStringList RevisionMap::mergePoints() const
{
    QStringList out;
    for (int i = 0; i < d->count(); ++i) {
        if (d->parents[size_t(i)].size() > 1)
            out.append(d->idAt(i));
    }
    return out;
}

bool RevisionMap::isHead(const QString &id) const
{
    const int i = d->indexOfId(id);
    return i >= 0 && d->children[size_t(i)].isEmpty();
}

bool RevisionMap::isRealHead(const QString &id) const
{
    const int i = d->indexOfId(id);
    return i >= 0 && d->allChildren[size_t(i)].isEmpty();
}

bool RevisionMap::isEffectiveHead(const QString &id) const
{
    const int i = d->indexOfId(id);
    return i >= 0 && d->children[size_t(i)].isEmpty() && !d->allChildren[size_t(i)].isEmpty();
}

bool RevisionMap::isBase(const QString &id) const
{
    const int i = d->indexOfId(id);
    return i >= 0 && d->revisions.at(i).downRevisions.isEmpty();
}

bool RevisionMap::isRealBase(const QString &id) const
{
    const int i = d->indexOfId(id);
    return i >= 0 && d->revisions.at(i).downRevisions.isEmpty() &&
           d->revisions.at(i).dependsOn.isEmpty();
}

bool RevisionMap::isBranchPoint(const QString &id) const
{
    const int i = d->indexOfId(id);
    return i >= 0 && d->children[size_t(i)].size() > 1;
}

bool RevisionMap::isRealBranchPoint(const QString &id) const
{
    const int i = d->indexOfId(id);
    return i >= 0 && d->allChildren[size_t(i)].size() > 1;
}

bool RevisionMap::isMergePoint(const QString &id) const
{
    const int i = d->indexOfId(id);
    return i >= 0 && d->parents[size_t(i)].size() > 1;
}

QStringList RevisionMap::parents(const QString &id) const
{
    return d->relation(&Data::parents, id);
}

QStringList RevisionMap::dependencies(const QString &id) const
{
    return d->relation(&Data::deps, id);
}

QStringList RevisionMap::normalizedDependencies(const QString &id) const
{
    return d->relation(&Data::ndeps, id);
}

QStringList RevisionMap::normalizedDownRevisions(const QString &id) const
{
    return d->relation(&Data::up, id);
}

QStringList RevisionMap::allDownRevisions(const QString &id) const
{
    return d->relation(&Data::allDown, id);
}

QStringList RevisionMap::children(const QString &id) const
{
    return d->relation(&Data::children, id);
}

QStringList RevisionMap::allChildren(const QString &id) const
{
    return d->relation(&Data::allChildren, id);
}

QStringList RevisionMap::branchLabels(const QString &id) const
{
    const int i = d->indexOfId(id);
    return i < 0 ? QStringList() : d->labelsOf(i);
}

QStringList RevisionMap::ancestors(const QStringList &ids, bool includeDependencies) const
{
    return d->toIds(d->marked(
        d->closure(d->indicesOf(ids), includeDependencies ? Data::Edge::Up : Data::Edge::Parents)));
}

QStringList RevisionMap::descendants(const QStringList &ids, bool includeDependencies) const
{
    return d->toIds(d->marked(d->closure(
        d->indicesOf(ids), includeDependencies ? Data::Edge::AllChildren : Data::Edge::Children)));
}

bool RevisionMap::isAncestorOfAny(const QString &ancestor, const QStringList &descendants,
                                  bool includeDependencies) const
{
    const int a = d->indexOfId(ancestor);
    if (a < 0)
        return false;
    // An ancestor has a smaller level than each of its descendants (levels follow up(),
    // which contains the parents), so nothing at or below a's level needs expanding.
    const int floor = d->levels[size_t(a)];
    const std::vector<Indices> &edges = includeDependencies ? d->up : d->parents;
    QSet<int> seen;
    std::vector<int> stack;
    for (int b : d->indicesOf(descendants)) {
        if (b >= 0 && !seen.contains(b)) {
            seen.insert(b);
            stack.push_back(b);
        }
    }
    while (!stack.empty()) {
        const int v = stack.back();
        stack.pop_back();
        if (v == a)
            return true;
        if (d->levels[size_t(v)] <= floor)
            continue;
        for (int u : edges[size_t(v)]) {
            if (!seen.contains(u)) {
                seen.insert(u);
                stack.push_back(u);
            }
        }
    }
    return false;
}

bool RevisionMap::isAncestorOf(const QString &ancestor, const QString &descendant,
                               bool includeDependencies) const
{
    const int a = d->indexOfId(ancestor);
    const int b = d->indexOfId(descendant);
    if (a < 0 || b < 0)
        return false;
    return d->closure({b}, includeDependencies ? Data::Edge::Up : Data::Edge::Parents)[size_t(a)];
}

bool RevisionMap::sharesLineage(const QString &target, const QStringList &against,
                                bool includeDependencies) const
{
    if (against.isEmpty())
        return true;
    const int t = d->indexOfId(target);
    if (t < 0)
        return false;
    const Indices others = d->indicesOf(against);
    const std::vector<char> below =
        d->closure({t}, includeDependencies ? Data::Edge::Up : Data::Edge::Parents);
    const std::vector<char> above =
        d->closure({t}, includeDependencies ? Data::Edge::AllChildren : Data::Edge::Children);
    for (int o : others) {
        if (below[size_t(o)] || above[size_t(o)])
            return true;
    }
    return false;
}

RevisionResult<RevisionRefs> RevisionMap::getRevisions(const RevisionArgument &argument) const
{
    auto result = d->getRevisions(argument);
    if (!result)
        return result.error();
    return d->toRefs(*result);
}

RevisionResult<RevisionRef> RevisionMap::getRevision(const QString &identifier) const
{
    auto result = d->getRevision(identifier);
    if (!result)
        return result.error();
    return d->toRef(*result);
}

RevisionResult<std::optional<QString>> RevisionMap::currentHead(const QString &branchLabel) const
{
    auto result = d->currentHead(branchLabel);
    if (!result)
        return result.error();
    if (!result->has_value())
        return std::optional<QString>();
    return std::optional<QString>(d->idAt(**result));
}

RevisionResult<QStringList> RevisionMap::filterForLineage(const QStringList &targets,
                                                          const QString &checkAgainst,
                                                          bool includeDependencies) const
{
    return d->filterKeysForLineage(targets, checkAgainst, includeDependencies);
}

RevisionResult<RevisionRef> RevisionMap::walk(const RevisionRef &start, qint64 steps,
                                              const QString &branchLabel, bool noOverwalk) const
{
    const int s = d->fromRef(start);
    if (start.isRevision() && s < 0)
        return RevisionError::resolution(
            QStringLiteral("No such revision or branch '%1'").arg(start.id), start.id);
    auto result = d->walk(s, steps, branchLabel, noOverwalk);
    if (!result)
        return result.error();
    return d->toRef(*result);
}

RevisionResult<RevisionRef> RevisionMap::walk(const QString &start, qint64 steps,
                                              const QString &branchLabel, bool noOverwalk) const
{
    auto s = d->getRevision(start);
    if (!s)
        return s.error();
    auto result = d->walk(*s, steps, branchLabel, noOverwalk);
    if (!result)
        return result.error();
    return d->toRef(*result);
}

RevisionResult<RevisionRefs> RevisionMap::parseUpgradeTarget(const RevisionArgument &current,
                                                             const RevisionArgument &target,
                                                             bool assertRelativeLength) const
{
    auto result = d->parseUpgradeTarget(current, target, assertRelativeLength);
    if (!result)
        return result.error();
    return d->toRefs(*result);
}

RevisionResult<RevisionMap::DowngradeTarget>
RevisionMap::parseDowngradeTarget(const RevisionArgument &current, const QString &target,
                                  bool assertRelativeLength) const
{
    auto result = d->parseDowngradeTarget(current, target, assertRelativeLength);
    if (!result)
        return result.error();
    return DowngradeTarget{result->branchLabel, d->toRef(result->target)};
}

RevisionResult<RevisionMap::Collection>
RevisionMap::collectUpgradeRevisions(const RevisionArgument &upper, const RevisionArgument &lower,
                                     const CollectOptions &options) const
{
    auto result = d->collectUpgrade(upper, lower, options);
    if (!result)
        return result.error();
    return Collection{d->toIds(d->marked(result->revisions)), d->toIds(result->heads)};
}

RevisionResult<RevisionMap::Collection>
RevisionMap::collectDowngradeRevisions(const RevisionArgument &upper, const RevisionArgument &lower,
                                       const CollectOptions &options) const
{
    auto result = d->collectDowngrade(upper, lower, options);
    if (!result)
        return result.error();
    return Collection{d->toIds(d->marked(result->revisions)), d->toIds(result->heads)};
}

RevisionResult<QStringList> RevisionMap::iterateRevisions(const RevisionArgument &upper,
                                                          const RevisionArgument &lower,
                                                          const CollectOptions &options,
                                                          bool selectForDowngrade) const
{
    auto result = selectForDowngrade ? d->collectDowngrade(upper, lower, options)
                                     : d->collectUpgrade(upper, lower, options);
    if (!result)
        return result.error();
    bool complete = true;
    const Indices order = d->topologicalSort(result->revisions, result->heads, &complete);
    // Alembic fails `assert not todo` here.
    if (!complete)
        return RevisionError::unsupported(
            QStringLiteral("Revisions between %1 and %2 cannot be put in order from the "
                           "requested heads")
                .arg(lower.toString(), upper.toString()));
    return d->toIds(order);
}

QStringList RevisionMap::topologicalOrder(const QStringList &todo, const QStringList &heads,
                                          bool *complete) const
{
    std::vector<char> mark(size_t(d->count()), 0);
    for (int i : d->indicesOf(todo))
        mark[size_t(i)] = 1;
    return d->toIds(d->topologicalSort(std::move(mark), d->indicesOf(heads), complete));
}

QStringList RevisionMap::historyOrder() const
{
    return d->toIds(
        d->topologicalSort(std::vector<char>(size_t(d->count()), 1), d->realHeads, nullptr));
}

RevisionResult<QStringList> RevisionMap::walkRevisions(const RevisionArgument &base,
                                                       const RevisionArgument &head) const
{
    const RevisionArgument lower = base.isEmpty() ? RevisionArgument(QStringLiteral("base")) : base;
    const RevisionArgument upper =
        head.isEmpty() ? RevisionArgument(QStringLiteral("heads")) : head;
    CollectOptions options;
    options.inclusive = true;
    options.assertRelativeLength = false;
    auto result = iterateRevisions(upper, lower, options);
    if (!result) {
        RevisionError::Context context;
        context.start = lower.toString();
        context.end = upper.toString();
        RevisionError worded = result.error();
        worded.message = worded.commandMessage(context);
        if (worded.kind != RevisionError::Kind::Unsupported)
            worded.kind = RevisionError::Kind::Revision;
        return worded;
    }
    return result;
}

RevisionResult<QStringList> RevisionMap::historyRange(const QString &range,
                                                      const QStringList &currentHeads) const
{
    const QStringList parts = range.trimmed().split(QLatin1Char(':'));
    if (parts.size() != 2)
        return RevisionError::revision(
            QStringLiteral("History range requires [start]:[end], [start]:, or :[end]"));
    RevisionArgument base(parts.at(0));
    RevisionArgument head(parts.at(1));
    if (parts.at(1) == QLatin1String("current"))
        head = RevisionArgument(currentHeads);
    else if (parts.at(0) == QLatin1String("current"))
        base = RevisionArgument(currentHeads);
    return walkRevisions(base, head);
}

RevisionResult<QStringList> RevisionMap::allCurrent(const QStringList &ids) const
{
    auto result = d->allCurrent(ids);
    if (!result)
        return result.error();
    return d->toIds(*result);
}

} // namespace Retort
