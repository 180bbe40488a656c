// SPDX-License-Identifier: GPL-3.0-or-later
#include "graphlayout.h"

#include "revision/revisionmap.h"

#include <QVarLengthArray>

#include <algorithm>
#include <functional>
#include <queue>
#include <vector>

namespace Retort {

namespace {

// A lane running straight through whole rows (a Top and a Bottom segment in each):
// kept once instead of per row, so that graphs with hundreds of parallel branches stay
// small; rows are assembled from their own segments and the spans covering them.
struct Span
{
    int lane = 0;
    int firstRow = 0;
    int lastRow = 0;
    quint16 colour = 0;
    GraphEdge::Kind kind = GraphEdge::Parent;
    int upperRow = 0;
    int lowerRow = 0;
};

constexpr int BlockRows = 32; // rows per bucket of the span index

} // namespace

struct GraphLayout::Data
{
    std::vector<GraphRow> rows; // each with only the segments touching its node or bending
    std::vector<Span> spans;
    std::vector<std::vector<int>> blocks; // row / BlockRows -> spans touching those rows
    QHash<QString, int> rowById;
    int maxWidth = 0;
    qint64 segments = 0;
};

namespace {

// The graph as index lists (map order), links to draw from each revision downwards:
// its parents (declared order) and then its dependencies that are not also parents.
struct Links
{
    std::vector<QVarLengthArray<int, 2>> parents;
    std::vector<QVarLengthArray<int, 1>> deps;
    std::vector<QVarLengthArray<int, 2>> up; // children and dependents
    std::vector<int> versionedChildren;
};

Links collectLinks(const RevisionMap &map)
{
    const QList<Revision> &revisions = map.revisions();
    const size_t n = size_t(revisions.size());
    Links links;
    links.parents.resize(n);
    links.deps.resize(n);
    links.up.resize(n);
    links.versionedChildren.assign(n, 0);
    for (size_t i = 0; i < n; ++i) {
        const QString &id = revisions.at(qsizetype(i)).id;
        for (const QString &parent : map.parents(id)) {
            const int p = int(map.indexOf(parent));
            if (p >= 0 && !links.parents[i].contains(p)) {
                links.parents[i].append(p);
                links.up[size_t(p)].append(int(i));
                ++links.versionedChildren[size_t(p)];
            }
        }
        for (const QString &dependency : map.dependencies(id)) {
            const int p = int(map.indexOf(dependency));
            if (p >= 0 && p != int(i) && !links.parents[i].contains(p) && !links.deps[i].contains(p)) {
                links.deps[i].append(p);
                links.up[size_t(p)].append(int(i));
            }
        }
    }
    return links;
}

// Rows, newest first: Kahn's algorithm over the links with a stack, which keeps each
// branch together (git's --topo-order). Heads start deepest first, so that a short
// side branch comes out right above the revision it forked from instead of stretching
// a lane over the whole history. After a merge its later parents' branches come first,
// the first parent's line continues below them.
std::vector<int> rowOrder(const Links &links)
{
    const size_t n = links.parents.size();
    // Depth: the longest path down to a base, computed bottom-up.
    std::vector<int> depth(n, 0);
    std::vector<int> pending(n, 0);
    std::vector<int> ready;
    for (size_t i = 0; i < n; ++i) {
        pending[i] = int(links.parents[i].size() + links.deps[i].size());
        if (pending[i] == 0)
            ready.push_back(int(i));
    }
    while (!ready.empty()) {
        const int r = ready.back();
        ready.pop_back();
        for (int u : links.up[size_t(r)]) {
            depth[size_t(u)] = std::max(depth[size_t(u)], depth[size_t(r)] + 1);
            if (--pending[size_t(u)] == 0)
                ready.push_back(u);
        }
    }

    std::vector<int> heads;
    std::vector<int> remainingUp(n, 0);
    for (size_t i = 0; i < n; ++i) {
        remainingUp[i] = int(links.up[i].size());
        if (remainingUp[i] == 0)
            heads.push_back(int(i));
    }
    std::stable_sort(heads.begin(), heads.end(),
                     [&depth](int a, int b) { return depth[size_t(a)] > depth[size_t(b)]; });

    std::vector<int> order;
    order.reserve(n);
    std::vector<int> stack(heads.rbegin(), heads.rend());
    while (!stack.empty()) {
        const int r = stack.back();
        stack.pop_back();
        order.push_back(r);
        const auto release = [&](int p) {
            if (--remainingUp[size_t(p)] == 0)
                stack.push_back(p);
        };
        for (int p : links.deps[size_t(r)])
            release(p);
        for (int p : links.parents[size_t(r)])
            release(p);
    }
    return order;
}

// The lanes: walks the rows top-down keeping, per lane, the revision the lane leads to.
class LaneAssigner
{
public:
    LaneAssigner(const Links &links, const std::vector<int> &order)
        : m_links(links)
        , m_order(order)
        , m_rowOf(order.size(), -1)
        , m_waiting(order.size())
    {
        for (size_t r = 0; r < order.size(); ++r)
            m_rowOf[size_t(order[r])] = int(r);
    }

    void layRow(int row, GraphRow &out)
    {
        const int revision = m_order[size_t(row)];
        const QVarLengthArray<int, 2> incoming = m_waiting[size_t(revision)];
        m_waiting[size_t(revision)].clear();

        int lane;
        quint16 colour;
        if (incoming.isEmpty()) {
            lane = allocate();
            colour = m_nextColour++;
        } else {
            lane = *std::min_element(incoming.cbegin(), incoming.cend());
            colour = m_lanes[size_t(lane)].colour;
        }
        out.lane = lane;
        out.colour = colour;

        // Top half: the lanes leading to this revision bend into its node; the others
        // pass by, recorded as spans when they next change.
        int width = std::max(lane + 1, int(m_lanes.size()));
        const auto add = [&out, &width](const GraphEdge &edge) {
            out.edges.append(edge);
            width = std::max(width, int(std::max(edge.fromLane, edge.toLane)) + 1);
        };
        for (int i : incoming) {
            closeSpan(i, row - 1);
            GraphEdge edge = segment(m_lanes[size_t(i)], GraphEdge::Top, i);
            edge.toLane = qint16(lane);
            add(edge);
        }

        // Lanes that ended here are freed after this row, so that no new lane starts in
        // a slot a line just left (which would read as a link).
        QVarLengthArray<int, 4> freed;
        for (int i : incoming) {
            m_lanes[size_t(i)].target = -1;
            if (i != lane)
                freed.append(i);
        }

        // Bottom half: one lane per revision still to come (and kind of link), as git
        // keeps one column per commit: a link whose target has a lane already joins it.
        // The first link continues the node's lane, and takes the target's lane over
        // when that one lies further right, so that a main line stays on the left.
        const auto &parents = m_links.parents[size_t(revision)];
        const auto &deps = m_links.deps[size_t(revision)];
        const qsizetype linkCount = parents.size() + deps.size();
        bool laneContinues = false;
        QVarLengthArray<int, 2> shifted;
        for (qsizetype k = 0; k < linkCount; ++k) {
            const bool isDep = k >= parents.size();
            const int target = isDep ? deps[k - parents.size()] : parents[k];
            const int existing = laneFor(target, isDep);
            if (existing >= 0 && (k > 0 || existing < lane)) {
                GraphEdge edge = segment(m_lanes[size_t(existing)], GraphEdge::Bottom, lane);
                edge.toLane = qint16(existing);
                edge.colour = colour;
                edge.upperRow = row;
                add(edge);
                continue;
            }
            const int into = k == 0 ? lane : allocate();
            laneContinues = laneContinues || k == 0;
            Lane &l = m_lanes[size_t(into)];
            l.target = target;
            l.dependency = isDep;
            l.upperRow = row;
            l.spanStart = row + 1;
            // A branch keeps its colour; a merge's further parents start their own.
            l.colour = k == 0 || isDep ? colour : m_nextColour++;
            if (existing >= 0) {
                m_lanes[size_t(existing)].shiftTo = into;
                shifted.append(existing);
                std::replace(m_waiting[size_t(target)].begin(), m_waiting[size_t(target)].end(),
                             existing, into);
            } else {
                m_waiting[size_t(target)].append(into);
            }
            GraphEdge edge = segment(l, GraphEdge::Bottom, lane);
            edge.toLane = qint16(into);
            add(edge);
        }
        if (!laneContinues)
            freed.append(lane);

        // A lane taken over passes this row's top and bends into its new lane.
        for (int i : shifted) {
            closeSpan(i, row - 1);
            const Lane &l = m_lanes[size_t(i)];
            add(segment(l, GraphEdge::Top, i));
            GraphEdge edge = segment(l, GraphEdge::Bottom, i);
            edge.toLane = qint16(l.shiftTo);
            add(edge);
            m_lanes[size_t(i)].target = -1;
            m_lanes[size_t(i)].shiftTo = -1;
            freed.append(i);
        }
        width = std::max(width, int(m_lanes.size()));

        for (int i : freed)
            m_free.push(i);
        while (!m_lanes.empty() && m_lanes.back().target < 0)
            m_lanes.pop_back();
        out.width = width;
    }

private:
    struct Lane
    {
        int target = -1;  // revision index the lane leads to; -1: free
        int shiftTo = -1; // in the row being laid: the lane this one moves into
        int spanStart = 0; // first row the lane passes straight through
        int upperRow = 0;
        quint16 colour = 0;
        bool dependency = false;
    };

    GraphEdge segment(const Lane &l, GraphEdge::Part part, int fromLane) const
    {
        GraphEdge edge;
        edge.fromLane = qint16(fromLane);
        edge.toLane = qint16(fromLane);
        edge.part = part;
        edge.kind = l.dependency ? GraphEdge::Dependency : GraphEdge::Parent;
        edge.colour = l.colour;
        edge.upperRow = l.upperRow;
        edge.lowerRow = m_rowOf[size_t(l.target)];
        return edge;
    }

    // Records the rows lane i passed straight through, up to lastRow.
    void closeSpan(int i, int lastRow)
    {
        const Lane &l = m_lanes[size_t(i)];
        if (lastRow < l.spanStart)
            return;
        Span span;
        span.lane = i;
        span.firstRow = l.spanStart;
        span.lastRow = lastRow;
        span.colour = l.colour;
        span.kind = l.dependency ? GraphEdge::Dependency : GraphEdge::Parent;
        span.upperRow = l.upperRow;
        span.lowerRow = m_rowOf[size_t(l.target)];
        m_spans.push_back(span);
    }

public:
    std::vector<Span> takeSpans() { return std::move(m_spans); }

private:
    // The lane already leading to target with that kind of link, or -1.
    int laneFor(int target, bool dependency) const
    {
        for (int i : m_waiting[size_t(target)]) {
            if (m_lanes[size_t(i)].dependency == dependency)
                return i;
        }
        return -1;
    }

    // The leftmost free lane. The heap may hold stale entries (lanes trimmed off the
    // end, or taken again since): they are skipped.
    int allocate()
    {
        while (!m_free.empty()) {
            const int i = m_free.top();
            m_free.pop();
            if (size_t(i) < m_lanes.size() && m_lanes[size_t(i)].target < 0)
                return i;
        }
        m_lanes.emplace_back();
        return int(m_lanes.size()) - 1;
    }

    const Links &m_links;
    const std::vector<int> &m_order;
    std::vector<int> m_rowOf;
    std::vector<QVarLengthArray<int, 2>> m_waiting; // revision -> lanes leading to it
    std::vector<Lane> m_lanes;
    std::vector<Span> m_spans;
    std::priority_queue<int, std::vector<int>, std::greater<int>> m_free;
    quint16 m_nextColour = 0;
};

} // namespace

GraphLayout::GraphLayout()
    : d(std::make_shared<const Data>())
{ }

GraphLayout::GraphLayout(const RevisionMap &map)
{
    auto data = std::make_shared<Data>();
    if (map.isValid() && !map.isEmpty()) {
        const Links links = collectLinks(map);
        const std::vector<int> order = rowOrder(links);
        const QList<Revision> &revisions = map.revisions();
        LaneAssigner lanes(links, order);
        data->rows.resize(order.size());
        data->rowById.reserve(qsizetype(order.size()));
        for (size_t r = 0; r < order.size(); ++r) {
            GraphRow &row = data->rows[r];
            const int i = order[r];
            row.id = revisions.at(i).id;
            lanes.layRow(int(r), row);
            const auto &parents = links.parents[size_t(i)];
            if (parents.isEmpty())
                row.glyphs |= GraphRow::Base;
            if (parents.size() > 1)
                row.glyphs |= GraphRow::MergePoint;
            if (links.versionedChildren[size_t(i)] > 1)
                row.glyphs |= GraphRow::BranchPoint;
            if (links.versionedChildren[size_t(i)] == 0)
                row.glyphs |= GraphRow::Head;
            data->rowById.insert(row.id, int(r));
            data->maxWidth = std::max(data->maxWidth, row.width);
            data->segments += row.edges.size();
        }
        data->spans = lanes.takeSpans();
        data->blocks.resize((order.size() + BlockRows - 1) / BlockRows);
        for (size_t i = 0; i < data->spans.size(); ++i) {
            const Span &span = data->spans[i];
            for (int b = span.firstRow / BlockRows; b <= span.lastRow / BlockRows; ++b)
                data->blocks[size_t(b)].push_back(int(i));
            data->segments += 2 * qint64(span.lastRow - span.firstRow + 1);
        }
    }
    d = std::move(data);
}

bool GraphLayout::isEmpty() const
{
    return d->rows.empty();
}

int GraphLayout::rowCount() const
{
    return int(d->rows.size());
}

GraphRow GraphLayout::row(int row) const
{
    GraphRow out = d->rows[size_t(row)];
    for (int i : d->blocks[size_t(row / BlockRows)]) {
        const Span &span = d->spans[size_t(i)];
        if (span.firstRow > row || span.lastRow < row)
            continue;
        GraphEdge edge;
        edge.fromLane = qint16(span.lane);
        edge.toLane = qint16(span.lane);
        edge.kind = span.kind;
        edge.colour = span.colour;
        edge.upperRow = span.upperRow;
        edge.lowerRow = span.lowerRow;
        edge.part = GraphEdge::Top;
        out.edges.append(edge);
        edge.part = GraphEdge::Bottom;
        out.edges.append(edge);
    }
    return out;
}

GraphRow::Glyphs GraphLayout::glyphs(int row) const
{
    return d->rows[size_t(row)].glyphs;
}

QString GraphLayout::revisionId(int row) const
{
    return row >= 0 && row < rowCount() ? d->rows[size_t(row)].id : QString();
}

int GraphLayout::rowOf(const QString &id) const
{
    return d->rowById.value(id, -1);
}

int GraphLayout::maxWidth() const
{
    return d->maxWidth;
}

qint64 GraphLayout::segmentCount() const
{
    return d->segments;
}

} // namespace Retort
