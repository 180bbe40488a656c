// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFlags>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>

#include <memory>

namespace Retort {

class RevisionMap;

// One line segment of the revision graph inside one row. A row is split at the node's
// centre line: a Top segment runs from the row's top edge (at fromLane) to the centre
// line (at toLane), a Bottom segment from the centre line (fromLane) to the bottom edge
// (toLane). A pass-through of a lane is a Top and a Bottom segment not touching the
// node's lane (a Bottom one may bend into another lane when lanes join). lowerRow is
// the row the lane leads to; upperRow the row of the child that opened the lane (for
// the segments that leave a node: that node's row). Links to the same revision share a
// lane below the point where they join.
struct GraphEdge
{
    enum Part : quint8 { Top, Bottom };
    enum Kind : quint8 {
        Parent,     // a down_revision link: drawn solid
        Dependency, // a depends_on link: drawn dashed
    };

    qint16 fromLane = 0;
    qint16 toLane = 0;
    Part part = Top;
    Kind kind = Parent;
    quint16 colour = 0; // index into the painter's lane colours (stable along a branch)
    int upperRow = 0;   // row of the link's child (the revision that names the other)
    int lowerRow = 0;   // row of the link's parent / dependency

    friend bool operator==(const GraphEdge &, const GraphEdge &) = default;
};

// What the graph shows for one revision: its lane, its glyph and the segments drawn in
// its row. Plain value type; the delegate paints from it without any layout work.
struct GraphRow
{
    enum Glyph {
        Plain = 0,
        Base = 1 << 0,        // no down_revision
        BranchPoint = 1 << 1, // two or more versioned children
        MergePoint = 1 << 2,  // two or more down_revisions
        Head = 1 << 3,        // no versioned children
    };
    Q_DECLARE_FLAGS(Glyphs, Glyph)

    QString id;
    int lane = 0;
    quint16 colour = 0; // the node's lane colour
    Glyphs glyphs = Plain;
    int width = 0; // lanes this row uses: every lane index in it is < width
    QList<GraphEdge> edges;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(GraphRow::Glyphs)

// The lanes of a revision graph, computed once per load, like `git log --graph
// --topo-order`: rows newest first (each revision above its down revisions and its
// dependencies; the branches of a fork kept together; the deepest head first, ties in
// map order), a lane per row (a branch keeps its lane and colour; a merge opens a lane
// for each further parent; one lane per revision still to come, so links to the same
// parent join as soon as they meet, the leftmost lane surviving), and depends_on links
// as separate dashed lanes.
//
// Pure and immutable: construct it from a RevisionMap on any thread (the project
// loader's, for big projects) and pass it by value (implicitly shared). O(n log n) in
// the number of revisions and links (lanes passing straight through rows are stored as
// spans, not per row). An invalid map gives an empty layout.
class GraphLayout
{
public:
    GraphLayout();
    explicit GraphLayout(const RevisionMap &map);

    bool isEmpty() const;
    int rowCount() const;
    // The row with all its segments, assembled from compact storage (a lookup, not a
    // layout: O(lanes passing by)). 0 <= row < rowCount().
    GraphRow row(int row) const;
    GraphRow::Glyphs glyphs(int row) const; // cheap, 0 <= row < rowCount()
    QString revisionId(int row) const;      // empty when out of range
    int rowOf(const QString &id) const; // -1 when not laid out
    int maxWidth() const;               // the widest row's width
    qint64 segmentCount() const;        // all rows' edges

private:
    struct Data;
    std::shared_ptr<const Data> d;
};

} // namespace Retort

Q_DECLARE_METATYPE(Retort::GraphRow)
Q_DECLARE_METATYPE(Retort::GraphLayout)
