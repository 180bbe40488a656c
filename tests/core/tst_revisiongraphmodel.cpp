// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/revisiongraphmodel.h"
#include "specprojects.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Retort;

namespace {

// ml with a docstring on one revision, depends_on on another.
RevisionMap labelledProject()
{
    QList<Revision> revisions;
    const auto add = [&revisions](const char *id, QStringList down, QStringList labels = {},
                                  QStringList deps = {}, const char *doc = "") {
        Revision r;
        r.id = QString::fromLatin1(id);
        r.downRevisions = down;
        r.branchLabels = labels;
        r.dependsOn = deps;
        r.longDoc = QString::fromUtf8(doc);
        r.path = QStringLiteral("/p/versions/") + r.id + QStringLiteral("_x.py");
        revisions.append(r);
    };
    add("1975ea83b712", {}, {QStringLiteral("shoppingcart")}, {}, "create account table");
    add("ae1027a6acf0", {QStringLiteral("1975ea83b712")}, {}, {}, "add a column\n\nLonger text <b>.");
    add("27c6a30d7c24", {QStringLiteral("ae1027a6acf0")}, {}, {QStringLiteral("109ec7d132bf")},
        "add another column");
    add("3782d9986ced", {}, {QStringLiteral("networking")}, {}, "create networking branch");
    add("109ec7d132bf", {QStringLiteral("3782d9986ced")}, {}, {}, "add ip number table");
    return RevisionMap(revisions);
}

int rowOfId(const RevisionGraphModel &model, const char *id)
{
    return model.rowOf(QString::fromLatin1(id));
}

QVariant dataAt(const RevisionGraphModel &model, const char *id, int role, int column = 0)
{
    return model.index(rowOfId(model, id), column).data(role);
}

bool coversRow(const QSignalSpy &spy, int row)
{
    for (const QList<QVariant> &args : spy) {
        const QModelIndex from = args.at(0).toModelIndex();
        const QModelIndex to = args.at(1).toModelIndex();
        if (from.row() <= row && row <= to.row())
            return true;
    }
    return false;
}

} // namespace

class TestRevisionGraphModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowsFollowTheLayout();
    void roles();
    void toolTipShowsTheHeader();
    void currentRevisionsEmitDataChanged();
    void ghostRowsForUnknownRevisions();
    void highlightedPathMarksNodesAndLinks();
    void diagnosticsEmitDataChanged();
    void staleLayoutIsRecomputed();
    void clearEmptiesTheModel();
};

void TestRevisionGraphModel::rowsFollowTheLayout()
{
    RevisionGraphModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProject(SpecProjects::project(QStringLiteral("brm")));
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.columnCount(), int(RevisionGraphModel::ColumnCount));
    for (int r = 0; r < model.rowCount(); ++r) {
        QCOMPARE(model.revisionId(r), model.layout().revisionId(r));
        QCOMPARE(model.rowOf(model.revisionId(r)), r);
    }
    QCOMPARE(model.revisionId(0), QStringLiteral("3cac04ae8714"));
    QCOMPARE(model.rowOf(QStringLiteral("nope")), -1);
    QCOMPARE(model.headerData(RevisionGraphModel::IdColumn, Qt::Horizontal).toString(),
             QStringLiteral("Id"));
}

void TestRevisionGraphModel::roles()
{
    RevisionGraphModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProject(labelledProject());

    QCOMPARE(dataAt(model, "ae1027a6acf0", Qt::DisplayRole).toString(), QStringLiteral("add a column"));
    QCOMPARE(dataAt(model, "ae1027a6acf0", Qt::DisplayRole, RevisionGraphModel::IdColumn).toString(),
             QStringLiteral("ae1027a6acf0"));
    QCOMPARE(dataAt(model, "ae1027a6acf0", RevisionGraphModel::MessageRole).toString(),
             QStringLiteral("add a column"));
    QCOMPARE(dataAt(model, "ae1027a6acf0", RevisionGraphModel::RevisionIdRole).toString(),
             QStringLiteral("ae1027a6acf0"));
    QCOMPARE(dataAt(model, "1975ea83b712", RevisionGraphModel::BranchLabelsRole).toStringList(),
             QStringList{QStringLiteral("shoppingcart")});
    // Labels are chips on the revision that declares them, not on every one they cover.
    QCOMPARE(dataAt(model, "ae1027a6acf0", RevisionGraphModel::BranchLabelsRole).toStringList(),
             QStringList());
    QVERIFY(dataAt(model, "27c6a30d7c24", RevisionGraphModel::IsHeadRole).toBool());
    QVERIFY(!dataAt(model, "ae1027a6acf0", RevisionGraphModel::IsHeadRole).toBool());
    QCOMPARE(dataAt(model, "1975ea83b712", RevisionGraphModel::GlyphsRole).toInt(),
             int(GraphRow::Base));
    QCOMPARE(dataAt(model, "1975ea83b712", RevisionGraphModel::PathRole).toString(),
             QStringLiteral("/p/versions/1975ea83b712_x.py"));
    const GraphRow row =
        dataAt(model, "27c6a30d7c24", RevisionGraphModel::GraphRowRole).value<GraphRow>();
    QCOMPARE(row.id, QStringLiteral("27c6a30d7c24"));
    QVERIFY(!row.edges.isEmpty());
    QVERIFY(!dataAt(model, "27c6a30d7c24", RevisionGraphModel::IsCurrentRole).toBool());
    QVERIFY(!dataAt(model, "27c6a30d7c24", RevisionGraphModel::IsGhostRole).toBool());
    QVERIFY(!dataAt(model, "27c6a30d7c24", RevisionGraphModel::IsHighlightedRole).toBool());
    QVERIFY(dataAt(model, "27c6a30d7c24", RevisionGraphModel::DiagnosticRole).toString().isEmpty());
    QVERIFY(dataAt(model, "3782d9986ced", RevisionGraphModel::SearchTextRole).toString().contains(
        QStringLiteral("networking")));
    QCOMPARE(RevisionGraphModel::shortId(QStringLiteral("0123456789abcdef")),
             QStringLiteral("0123456789ab"));
}

void TestRevisionGraphModel::toolTipShowsTheHeader()
{
    RevisionGraphModel model;
    model.setProject(labelledProject());
    const QString tip = dataAt(model, "27c6a30d7c24", Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("27c6a30d7c24")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("ae1027a6acf0")), qPrintable(tip));   // parent
    QVERIFY2(tip.contains(QStringLiteral("109ec7d132bf")), qPrintable(tip));   // depends_on
    QVERIFY2(tip.contains(QStringLiteral("shoppingcart")), qPrintable(tip));   // propagated label
    QVERIFY2(tip.contains(QStringLiteral("/p/versions/27c6a30d7c24_x.py")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("head")), qPrintable(tip));
    // The whole docstring, escaped.
    const QString other = dataAt(model, "ae1027a6acf0", Qt::ToolTipRole).toString();
    QVERIFY2(other.contains(QStringLiteral("Longer text &lt;b&gt;.")), qPrintable(other));
}

void TestRevisionGraphModel::currentRevisionsEmitDataChanged()
{
    RevisionGraphModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProject(labelledProject());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setCurrentRevisions({QStringLiteral("ae1027a6acf0")});
    QVERIFY(coversRow(changed, rowOfId(model, "ae1027a6acf0")));
    QVERIFY(dataAt(model, "ae1027a6acf0", RevisionGraphModel::IsCurrentRole).toBool());
    QCOMPARE(model.ghostCount(), 0);

    changed.clear();
    model.setCurrentRevisions({QStringLiteral("27c6a30d7c24"), QStringLiteral("109ec7d132bf")});
    QVERIFY(coversRow(changed, rowOfId(model, "ae1027a6acf0"))); // no longer current
    QVERIFY(coversRow(changed, rowOfId(model, "27c6a30d7c24")));
    QVERIFY(coversRow(changed, rowOfId(model, "109ec7d132bf")));
    QVERIFY(!dataAt(model, "ae1027a6acf0", RevisionGraphModel::IsCurrentRole).toBool());
    QVERIFY(dataAt(model, "27c6a30d7c24", RevisionGraphModel::IsCurrentRole).toBool());
    QCOMPARE(model.currentRevisions().size(), 2);

    changed.clear();
    model.setCurrentRevisions({QStringLiteral("27c6a30d7c24"), QStringLiteral("109ec7d132bf")});
    QCOMPARE(changed.size(), 0); // nothing changed, nothing said
}

void TestRevisionGraphModel::ghostRowsForUnknownRevisions()
{
    RevisionGraphModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProject(SpecProjects::project(QStringLiteral("lin")));
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setCurrentRevisions({QStringLiteral("deadbeef0001"), QStringLiteral("ae1027a6acf0")});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.ghostCount(), 1);
    const QModelIndex ghost = model.index(0, 0);
    QCOMPARE(ghost.data(RevisionGraphModel::RevisionIdRole).toString(), QStringLiteral("deadbeef0001"));
    QVERIFY(ghost.data(RevisionGraphModel::IsGhostRole).toBool());
    QVERIFY(ghost.data(RevisionGraphModel::IsCurrentRole).toBool());
    const QString guidance = ghost.data(RevisionGraphModel::GuidanceRole).toString();
    QVERIFY2(guidance.contains(QStringLiteral("Stamp to 27c6a30d7c24")), qPrintable(guidance));
    QVERIFY(ghost.data(Qt::ToolTipRole).toString().contains(QStringLiteral("deadbeef0001")));
    // Real rows moved down by one and still answer by id.
    QCOMPARE(model.rowOf(QStringLiteral("27c6a30d7c24")), 1);
    QCOMPARE(model.revisionId(1), QStringLiteral("27c6a30d7c24"));
    QVERIFY(dataAt(model, "ae1027a6acf0", RevisionGraphModel::IsCurrentRole).toBool());

    model.setCurrentRevisions({QStringLiteral("27c6a30d7c24")});
    QCOMPARE(removed.size(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.ghostCount(), 0);
}

void TestRevisionGraphModel::highlightedPathMarksNodesAndLinks()
{
    RevisionGraphModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProject(SpecProjects::project(QStringLiteral("brm")));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // Upgrading from 27c6 to the merge runs 55af, 4dc4, 3cac.
    const QStringList path{QStringLiteral("55af2cb1c267"), QStringLiteral("4dc4e4b4c1b9"),
                           QStringLiteral("3cac04ae8714")};
    model.setHighlightedPath(path);
    for (const QString &id : path) {
        QVERIFY(coversRow(changed, model.rowOf(id)));
        QVERIFY(model.index(model.rowOf(id), 0).data(RevisionGraphModel::IsHighlightedRole).toBool());
    }
    QVERIFY(!dataAt(model, "27c6a30d7c24", RevisionGraphModel::IsHighlightedRole).toBool());

    // Exactly the links between two path revisions are lit.
    const GraphLayout &layout = model.layout();
    const QSet<int> pathRows{model.rowOf(path.at(0)), model.rowOf(path.at(1)), model.rowOf(path.at(2))};
    int lit = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QBitArray bits = model.index(r, 0).data(RevisionGraphModel::HighlightedEdgesRole).toBitArray();
        const GraphRow &row = layout.row(r);
        for (qsizetype e = 0; e < row.edges.size(); ++e) {
            const GraphEdge &edge = row.edges.at(e);
            const bool expected = pathRows.contains(edge.upperRow) && pathRows.contains(edge.lowerRow);
            const bool actual = e < bits.size() && bits.testBit(e);
            QCOMPARE(actual, expected);
            lit += actual ? 1 : 0;
        }
    }
    QVERIFY(lit >= 4); // two links, at least a top and a bottom half each

    changed.clear();
    model.setHighlightedPath({});
    for (const QString &id : path)
        QVERIFY(coversRow(changed, model.rowOf(id)));
    QVERIFY(!dataAt(model, "3cac04ae8714", RevisionGraphModel::IsHighlightedRole).toBool());
    QVERIFY(dataAt(model, "3cac04ae8714", RevisionGraphModel::HighlightedEdgesRole).toBitArray().isEmpty());
}

void TestRevisionGraphModel::diagnosticsEmitDataChanged()
{
    RevisionGraphModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProject(SpecProjects::project(QStringLiteral("lin")));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QString text = QStringLiteral("op.execute() with a Python expression");
    model.setDiagnostics({{QStringLiteral("ae1027a6acf0"), text}});
    QCOMPARE(changed.size(), 1);
    QVERIFY(coversRow(changed, rowOfId(model, "ae1027a6acf0")));
    QCOMPARE(dataAt(model, "ae1027a6acf0", RevisionGraphModel::DiagnosticRole).toString(), text);
    QVERIFY(dataAt(model, "ae1027a6acf0", Qt::ToolTipRole).toString().contains(text));
    changed.clear();
    model.setDiagnostics({});
    QVERIFY(coversRow(changed, rowOfId(model, "ae1027a6acf0")));
    QVERIFY(dataAt(model, "ae1027a6acf0", RevisionGraphModel::DiagnosticRole).toString().isEmpty());
}

void TestRevisionGraphModel::staleLayoutIsRecomputed()
{
    RevisionGraphModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const RevisionMap map = SpecProjects::project(QStringLiteral("br"));
    model.setProject(map, GraphLayout(SpecProjects::project(QStringLiteral("lin"))));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.revisionId(0), QStringLiteral("4dc4e4b4c1b9"));
    const GraphLayout precomputed(map);
    model.setProject(map, precomputed);
    QCOMPARE(model.layout().rowCount(), 5);
}

void TestRevisionGraphModel::clearEmptiesTheModel()
{
    RevisionGraphModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setProject(SpecProjects::project(QStringLiteral("lin")));
    model.setCurrentRevisions({QStringLiteral("ffff")});
    QCOMPARE(model.rowCount(), 4);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.ghostCount(), 0);
    // Current revisions set before a project is loaded turn into markers on load.
    model.setCurrentRevisions({QStringLiteral("ae1027a6acf0")});
    QCOMPARE(model.rowCount(), 1); // a ghost until the project arrives
    model.setProject(SpecProjects::project(QStringLiteral("lin")));
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(dataAt(model, "ae1027a6acf0", RevisionGraphModel::IsCurrentRole).toBool());
}

QTEST_GUILESS_MAIN(TestRevisionGraphModel)
#include "tst_revisiongraphmodel.moc"
