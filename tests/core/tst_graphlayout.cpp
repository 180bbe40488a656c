// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/graphlayout.h"
#include "revision/revisionmap.h"
#include "specprojects.h"

#include <QSet>
#include <QTest>

#include <map>
#include <set>
#include <tuple>

using namespace Retort;

namespace {

// "id down1,down2 [deps=a,b] [labels=x]" per line, "-" for no down revision.
RevisionMap fromLines(const QStringList &lines)
{
    QList<Revision> revisions;
    for (const QString &line : lines) {
        const QStringList parts = line.split(QLatin1Char(' '));
        Revision r;
        r.id = parts.at(0);
        if (parts.at(1) != QLatin1String("-"))
            r.downRevisions = parts.at(1).split(QLatin1Char(','));
        for (const QString &part : parts.mid(2)) {
            if (part.startsWith(QLatin1String("deps=")))
                r.dependsOn = part.mid(5).split(QLatin1Char(','));
            else if (part.startsWith(QLatin1String("labels=")))
                r.branchLabels = part.mid(7).split(QLatin1Char(','));
        }
        r.path = QStringLiteral("/p/versions/") + r.id + QStringLiteral(".py");
        revisions.append(r);
    }
    return RevisionMap(revisions);
}

RevisionMap chain(int length, const QString &prefix = QStringLiteral("r"))
{
    QStringList lines;
    for (int i = 0; i < length; ++i) {
        lines << prefix + QString::number(i) + QLatin1Char(' ')
                + (i == 0 ? QStringLiteral("-") : prefix + QString::number(i - 1));
    }
    return fromLines(lines);
}

// A long main line with a side branch off every tenth revision, merged back five later,
// and a few heads left open: many lanes opening and closing.
RevisionMap busy(int length)
{
    QStringList lines;
    for (int i = 0; i < length; ++i) {
        const QString id = QStringLiteral("m%1").arg(i, 5, 10, QLatin1Char('0'));
        QString parents = i == 0 ? QStringLiteral("-") : QStringLiteral("m%1").arg(i - 1, 5, 10, QLatin1Char('0'));
        if (i % 10 == 5 && i > 10)
            parents += QStringLiteral(",s%1").arg(i - 5, 5, 10, QLatin1Char('0'));
        lines << id + QLatin1Char(' ') + parents;
        if (i % 10 == 0 && i > 0) {
            lines << QStringLiteral("s%1 m%1").arg(i, 5, 10, QLatin1Char('0'));
            if (i % 30 == 0)
                lines << QStringLiteral("x%1 m%1 deps=m%2").arg(i, 5, 10, QLatin1Char('0'))
                             .arg(i - 20, 5, 10, QLatin1Char('0'));
        }
    }
    return fromLines(lines);
}

RevisionMap project(const QString &name)
{
    if (name == QLatin1String("single"))
        return fromLines({QStringLiteral("a -")});
    if (name == QLatin1String("chain"))
        return chain(50);
    if (name == QLatin1String("octopus"))
        return fromLines({QStringLiteral("a -"), QStringLiteral("b a"), QStringLiteral("c a"),
                          QStringLiteral("d a"), QStringLiteral("m b,c,d")});
    if (name == QLatin1String("multibase"))
        return fromLines({QStringLiteral("a -"), QStringLiteral("b a"), QStringLiteral("c -"),
                          QStringLiteral("d c"), QStringLiteral("e -"), QStringLiteral("m b,d")});
    if (name == QLatin1String("labels"))
        return fromLines({QStringLiteral("a - labels=core"), QStringLiteral("b a"),
                          QStringLiteral("c - labels=extra,more"), QStringLiteral("d c deps=b")});
    if (name == QLatin1String("basedep"))
        return fromLines({QStringLiteral("a -"), QStringLiteral("b a"), QStringLiteral("c - deps=a")});
    if (name == QLatin1String("busy"))
        return busy(600);
    return SpecProjects::project(name);
}

QString describe(const GraphEdge &e)
{
    return QStringLiteral("%1%2->%3 [%4..%5]%6")
        .arg(e.part == GraphEdge::Top ? QLatin1String("top ") : QLatin1String("bottom "))
        .arg(e.fromLane)
        .arg(e.toLane)
        .arg(e.upperRow)
        .arg(e.lowerRow)
        .arg(e.kind == GraphEdge::Dependency ? QLatin1String(" dashed") : QLatin1String(""));
}

// The layout as text, one line per row, for failure messages: "*" the node, "|" a lane
// passing by, "/" "\\" a lane bending towards the node, ":" a dashed lane.
QString sketch(const GraphLayout &layout)
{
    QString text;
    for (int r = 0; r < layout.rowCount(); ++r) {
        const GraphRow &row = layout.row(r);
        QString line(row.width * 2, QLatin1Char(' '));
        for (const GraphEdge &e : row.edges) {
            if (e.part != GraphEdge::Bottom)
                continue;
            const QChar c = e.fromLane == e.toLane
                ? (e.kind == GraphEdge::Dependency ? QLatin1Char(':') : QLatin1Char('|'))
                : (e.toLane > e.fromLane ? QLatin1Char('\\') : QLatin1Char('/'));
            line[e.toLane * 2 - (e.fromLane == e.toLane ? 0 : (e.toLane > e.fromLane ? 1 : -1))] = c;
        }
        line[row.lane * 2] = QLatin1Char('*');
        text += line + QLatin1Char(' ') + row.id + QLatin1Char('\n');
    }
    return text;
}

} // namespace

class TestGraphLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void invariants_data();
    void invariants();
    void rowOrder_data();
    void rowOrder();
    void lanes_data();
    void lanes();
    void glyphs_data();
    void glyphs();
    void dependencyIsDashedLane();
    void branchKeepsColourAndMergeStartsNew();
    void reusesFreedLanes();
    void invalidMapGivesEmptyLayout();
    void demoProject();
};

void TestGraphLayout::invariants_data()
{
    QTest::addColumn<QString>("name");
    for (const char *name : {"lin", "br", "brm", "ml", "dep", "redundant", "single", "chain",
                             "octopus", "multibase", "labels", "basedep", "busy"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

// The properties every layout must have: a topological row order; at each boundary
// between two rows the lanes leaving one row are exactly those entering the next (same
// lane, link and colour) and no lane carries two links; segments bend only at the node;
// every link of the graph is drawn from its child's node to its parent's node.
void TestGraphLayout::invariants()
{
    QFETCH(QString, name);
    const RevisionMap map = project(name);
    QVERIFY2(map.isValid(), qPrintable(map.errorString()));
    const GraphLayout layout(map);
    QCOMPARE(layout.rowCount(), int(map.size()));

    QSet<QString> seen;
    for (int r = 0; r < layout.rowCount(); ++r) {
        const QString id = layout.row(r).id;
        QVERIFY2(!seen.contains(id), qPrintable(id));
        seen.insert(id);
        QCOMPARE(layout.rowOf(id), r);
    }
    for (int r = 0; r < layout.rowCount(); ++r) {
        const QString id = layout.row(r).id;
        for (const QString &up : map.allDownRevisions(id))
            QVERIFY2(layout.rowOf(up) > r, qPrintable(id + QLatin1String(" above ") + up));
    }

    using Lane = std::pair<int, int>;          // what a lane leads to: lower row, kind
    std::map<int, Lane> leaving;               // lane -> target, below the previous row
    std::set<std::tuple<int, int, int>> drawn; // links leaving nodes: upper, lower, kind
    for (int r = 0; r < layout.rowCount(); ++r) {
        const GraphRow &row = layout.row(r);
        std::map<int, Lane> entering;
        std::map<int, Lane> below;
        QVERIFY(row.lane >= 0 && row.lane < row.width);
        for (const GraphEdge &e : row.edges) {
            const QString what = QStringLiteral("row %1 (%2): %3").arg(r).arg(row.id, describe(e));
            QVERIFY2(e.fromLane >= 0 && e.toLane >= 0, qPrintable(what));
            QVERIFY2(e.fromLane < row.width && e.toLane < row.width, qPrintable(what));
            QVERIFY2(e.upperRow < e.lowerRow, qPrintable(what));
            QVERIFY2(e.upperRow <= r && r <= e.lowerRow, qPrintable(what));
            const Lane lane{e.lowerRow, int(e.kind)};
            if (e.part == GraphEdge::Top) {
                QVERIFY2(e.upperRow < r, qPrintable(what));
                // Bends only into this row's node; otherwise straight past it.
                if (e.lowerRow == r)
                    QVERIFY2(e.toLane == row.lane, qPrintable(what));
                else
                    QVERIFY2(e.toLane == e.fromLane && e.fromLane != row.lane, qPrintable(what));
                QVERIFY2(entering.emplace(e.fromLane, lane).second,
                         qPrintable(what + QLatin1String(" collides")));
            } else {
                QVERIFY2(e.lowerRow > r, qPrintable(what));
                if (e.fromLane == row.lane) {
                    QCOMPARE(e.upperRow, r);
                    drawn.insert({e.upperRow, e.lowerRow, int(e.kind)});
                } else {
                    // A lane passing by: it may move into another lane leading to the
                    // same revision, never into the node.
                    QVERIFY2(e.upperRow < r, qPrintable(what));
                }
                // Segments may end in the same lane only when they lead to the same place.
                const auto [at, inserted] = below.emplace(e.toLane, lane);
                QVERIFY2(inserted || at->second == lane, qPrintable(what + QLatin1String(" collides")));
            }
        }
        // Every lane entering a row left the row above, leading to the same revision.
        QVERIFY2(entering == leaving, qPrintable(QStringLiteral("lanes broken above row %1\n").arg(r)
                                                 + sketch(layout)));
        leaving = below;
    }
    QVERIFY(leaving.empty());

    std::set<std::tuple<int, int, int>> expected;
    for (int r = 0; r < layout.rowCount(); ++r) {
        const QString id = layout.row(r).id;
        const QStringList parents = map.parents(id);
        for (const QString &p : parents)
            expected.insert({r, layout.rowOf(p), int(GraphEdge::Parent)});
        for (const QString &dep : map.dependencies(id)) {
            if (!parents.contains(dep))
                expected.insert({r, layout.rowOf(dep), int(GraphEdge::Dependency)});
        }
    }
    QVERIFY(drawn == expected);
}

void TestGraphLayout::rowOrder_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("order");
    QTest::newRow("linear") << "lin" << "27c6a30d7c24,ae1027a6acf0,1975ea83b712";
    // The deeper head first; the short branch right above the branch point.
    QTest::newRow("branch") << "br" << "4dc4e4b4c1b9,55af2cb1c267,27c6a30d7c24,ae1027a6acf0,1975ea83b712";
    // After a merge its second parent's branch, then the first parent's line.
    QTest::newRow("merge") << "brm"
                           << "3cac04ae8714,4dc4e4b4c1b9,55af2cb1c267,27c6a30d7c24,ae1027a6acf0,"
                              "1975ea83b712";
    QTest::newRow("multiple bases") << "ml" << "27c6a30d7c24,ae1027a6acf0,1975ea83b712,109ec7d132bf,3782d9986ced";
    // The dependency below its dependent.
    QTest::newRow("depends_on") << "dep" << "27c6a30d7c24,ae1027a6acf0,1975ea83b712,109ec7d132bf,3782d9986ced";
    QTest::newRow("redundant merge") << "redundant"
                                     << "dddd00000004,cccc00000003,bbbb00000002,aaaa00000001";
    QTest::newRow("octopus") << "octopus" << "m,d,c,b,a";
}

void TestGraphLayout::rowOrder()
{
    QFETCH(QString, name);
    QFETCH(QString, order);
    const GraphLayout layout(project(name));
    QStringList rows;
    for (int r = 0; r < layout.rowCount(); ++r)
        rows << layout.revisionId(r);
    QCOMPARE(rows.join(QLatin1Char(',')), order);
    // Deterministic: the same map gives the same layout.
    const GraphLayout again(project(name));
    for (int r = 0; r < layout.rowCount(); ++r) {
        QCOMPARE(again.row(r).lane, layout.row(r).lane);
        QCOMPARE(again.row(r).edges, layout.row(r).edges);
    }
}

void TestGraphLayout::lanes_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QList<int>>("lanes"); // node lane per row
    QTest::addColumn<int>("maxWidth");
    QTest::newRow("linear") << "lin" << QList<int>{0, 0, 0} << 1;
    QTest::newRow("branch") << "br" << QList<int>{0, 0, 1, 0, 0} << 2;
    QTest::newRow("merge") << "brm" << QList<int>{0, 1, 1, 0, 0, 0} << 2;
    // The second base's line reuses the lane the first one freed.
    QTest::newRow("multiple bases") << "ml" << QList<int>{0, 0, 0, 0, 0} << 1;
    QTest::newRow("depends_on") << "dep" << QList<int>{0, 0, 0, 1, 1} << 2;
    QTest::newRow("octopus") << "octopus" << QList<int>{0, 2, 1, 0, 0} << 3;
}

void TestGraphLayout::lanes()
{
    QFETCH(QString, name);
    QFETCH(QList<int>, lanes);
    QFETCH(int, maxWidth);
    const GraphLayout layout(project(name));
    QList<int> actual;
    for (int r = 0; r < layout.rowCount(); ++r)
        actual << layout.row(r).lane;
    QCOMPARE(actual, lanes);
    QCOMPARE(layout.maxWidth(), maxWidth);
}

void TestGraphLayout::glyphs_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("glyphs");
    QTest::newRow("plain") << "lin" << "ae1027a6acf0" << int(GraphRow::Plain);
    QTest::newRow("head") << "lin" << "27c6a30d7c24" << int(GraphRow::Head);
    QTest::newRow("base") << "lin" << "1975ea83b712" << int(GraphRow::Base);
    QTest::newRow("branch point") << "br" << "ae1027a6acf0" << int(GraphRow::BranchPoint);
    QTest::newRow("merge point and head") << "brm" << "3cac04ae8714"
                                          << int(GraphRow::MergePoint | GraphRow::Head);
    QTest::newRow("base and head") << "single" << "a" << int(GraphRow::Base | GraphRow::Head);
    // A dependency target with no versioned child is still a head.
    QTest::newRow("depended-on head") << "dep" << "109ec7d132bf" << int(GraphRow::Head);
    QTest::newRow("merge of three") << "octopus" << "m" << int(GraphRow::MergePoint | GraphRow::Head);
    QTest::newRow("branch point of three") << "octopus" << "a"
                                           << int(GraphRow::BranchPoint | GraphRow::Base);
}

void TestGraphLayout::glyphs()
{
    QFETCH(QString, name);
    QFETCH(QString, id);
    QFETCH(int, glyphs);
    const GraphLayout layout(project(name));
    const int row = layout.rowOf(id);
    QVERIFY(row >= 0);
    QCOMPARE(int(layout.row(row).glyphs), glyphs);
}

void TestGraphLayout::dependencyIsDashedLane()
{
    const GraphLayout layout(project(QStringLiteral("dep")));
    const GraphRow &dependent = layout.row(layout.rowOf(QStringLiteral("27c6a30d7c24")));
    int dashed = 0;
    for (const GraphEdge &e : dependent.edges) {
        if (e.kind == GraphEdge::Dependency) {
            ++dashed;
            QCOMPARE(e.part, GraphEdge::Bottom);
            QCOMPARE(e.lowerRow, layout.rowOf(QStringLiteral("109ec7d132bf")));
        }
    }
    QCOMPARE(dashed, 1);
    // A base that only depends on something hands its lane to the dashed link.
    const GraphLayout baseDep(project(QStringLiteral("basedep")));
    const GraphRow &c = baseDep.row(baseDep.rowOf(QStringLiteral("c")));
    bool found = false;
    for (const GraphEdge &e : c.edges)
        found = found || (e.part == GraphEdge::Bottom && e.kind == GraphEdge::Dependency && e.toLane == c.lane);
    QVERIFY(found);
}

void TestGraphLayout::branchKeepsColourAndMergeStartsNew()
{
    const GraphLayout layout(project(QStringLiteral("brm")));
    const auto colourOf = [&](const char *id) {
        return layout.row(layout.rowOf(QString::fromLatin1(id))).colour;
    };
    // The first parent's line keeps the merge's colour down to the base ...
    QCOMPARE(colourOf("27c6a30d7c24"), colourOf("3cac04ae8714"));
    QCOMPARE(colourOf("ae1027a6acf0"), colourOf("3cac04ae8714"));
    QCOMPARE(colourOf("1975ea83b712"), colourOf("3cac04ae8714"));
    // ... the merged branch has its own, the same along it.
    QVERIFY(colourOf("4dc4e4b4c1b9") != colourOf("3cac04ae8714"));
    QCOMPARE(colourOf("55af2cb1c267"), colourOf("4dc4e4b4c1b9"));
}

void TestGraphLayout::reusesFreedLanes()
{
    // 600 revisions with a side branch every ten and a head with a dependency every
    // thirty: the lanes they free are taken again, so never more than a few.
    const GraphLayout layout(project(QStringLiteral("busy")));
    QVERIFY2(layout.maxWidth() <= 4, qPrintable(sketch(layout)));
}

void TestGraphLayout::invalidMapGivesEmptyLayout()
{
    const RevisionMap cycle = fromLines({QStringLiteral("a b"), QStringLiteral("b a")});
    QVERIFY(!cycle.isValid());
    const GraphLayout layout(cycle);
    QVERIFY(layout.isEmpty());
    QCOMPARE(layout.rowCount(), 0);
    QCOMPARE(layout.rowOf(QStringLiteral("a")), -1);
    QCOMPARE(layout.revisionId(0), QString());
    QVERIFY(GraphLayout().isEmpty());
}

void TestGraphLayout::demoProject()
{
    // resources/demo: two bases (shop, audit), a branch, a merge, a depends_on.
    const RevisionMap map = fromLines({
        QStringLiteral("88653130d564 - labels=shop"), QStringLiteral("466dded3ff0f 88653130d564"),
        QStringLiteral("69e8a4e93b9f 466dded3ff0f"), QStringLiteral("ca4659ad9d88 69e8a4e93b9f"),
        QStringLiteral("4c5f2939fc95 ca4659ad9d88"), QStringLiteral("c98ba20b48db 69e8a4e93b9f"),
        QStringLiteral("679e969ce03d c98ba20b48db"),
        QStringLiteral("8d937c7f0087 4c5f2939fc95,679e969ce03d"),
        QStringLiteral("ac7c02654fe7 8d937c7f0087"), QStringLiteral("42468521ca40 - labels=audit"),
        QStringLiteral("35cdf5e0e560 42468521ca40 deps=69e8a4e93b9f"),
        QStringLiteral("d82ef0e653bb 35cdf5e0e560"),
    });
    const GraphLayout layout(map);
    QCOMPARE(layout.revisionId(0), QStringLiteral("ac7c02654fe7"));
    QCOMPARE(layout.row(0).lane, 0);
    // The audit branch beside the shop's branch and merge, its dashed link to the orders.
    QVERIFY2(layout.maxWidth() <= 4, qPrintable(sketch(layout)));
    QVERIFY(layout.row(layout.rowOf(QStringLiteral("69e8a4e93b9f"))).glyphs.testFlag(GraphRow::BranchPoint));
}

QTEST_GUILESS_MAIN(TestGraphLayout)
#include "tst_graphlayout.moc"
