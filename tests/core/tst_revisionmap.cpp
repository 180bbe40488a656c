// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/revisionmap/revisionprojects.h"
#include "revision/revisionmap.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Retort;

namespace {

Revision make(const QString &id, const QStringList &parents, const QStringList &deps = {},
              const QStringList &labels = {})
{
    Revision r;
    r.id = id;
    r.downRevisions = parents;
    r.dependsOn = deps;
    r.branchLabels = labels;
    r.longDoc = QStringLiteral("doc of ") + id;
    r.path = QStringLiteral("/v/") + id + QStringLiteral("_x.py");
    return r;
}

QStringList list(const QString &spaceSeparated)
{
    return spaceSeparated.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

// Construction of the revision map (shared/spec/revisions.md §3): classification,
// normalised dependencies, branch-label propagation and every construction error.
class TestRevisionMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyMapIsValid()
    {
        const RevisionMap map{QList<Revision>()};
        QVERIFY(map.isValid());
        QVERIFY(map.heads().isEmpty());
        QVERIFY(map.historyOrder().isEmpty());
    }

    void classification_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("heads");
        QTest::addColumn<QString>("realHeads");
        QTest::addColumn<QString>("bases");
        QTest::addColumn<QString>("realBases");
        QTest::addColumn<QString>("branchPoints");
        QTest::addColumn<QString>("mergePoints");
        QTest::newRow("merged") << "merged"
                                << "3cac04ae8714"
                                << "3cac04ae8714"
                                << "1975ea83b712"
                                << "1975ea83b712"
                                << "ae1027a6acf0"
                                << "3cac04ae8714";
        QTest::newRow("ml") << "ml"
                            << "109ec7d132bf 27c6a30d7c24"
                            << "109ec7d132bf 27c6a30d7c24"
                            << "1975ea83b712 3782d9986ced"
                            << "1975ea83b712 3782d9986ced"
                            << ""
                            << "";
        QTest::newRow("dep") << "dep"
                             << "109ec7d132bf 27c6a30d7c24"
                             << "27c6a30d7c24"
                             << "1975ea83b712 3782d9986ced"
                             << "1975ea83b712 3782d9986ced"
                             << ""
                             << "";
        QTest::newRow("nd") << "nd"
                            << "bbbb eeee ffff gggg"
                            << "ffff"
                            << "aaaa bbbb eeee gggg"
                            << "aaaa bbbb eeee gggg"
                            << ""
                            << "";
    }
    void classification()
    {
        QFETCH(QString, project);
        const RevisionMap map(RevisionProjects::project(project));
        QVERIFY2(map.isValid(), qPrintable(map.errorString()));
        QTEST(map.heads().join(QLatin1Char(' ')), "heads");
        QTEST(map.realHeads().join(QLatin1Char(' ')), "realHeads");
        QTEST(map.bases().join(QLatin1Char(' ')), "bases");
        QTEST(map.realBases().join(QLatin1Char(' ')), "realBases");
        QTEST(map.branchPoints().join(QLatin1Char(' ')), "branchPoints");
        QTEST(map.mergePoints().join(QLatin1Char(' ')), "mergePoints");
    }

    void effectiveHead()
    {
        const RevisionMap map(RevisionProjects::project(QStringLiteral("dep")));
        QCOMPARE(map.effectiveHeads(), list(QStringLiteral("109ec7d132bf")));
        QVERIFY(map.isHead(QStringLiteral("109ec7d132bf")));
        QVERIFY(!map.isRealHead(QStringLiteral("109ec7d132bf")));
        QVERIFY(map.isEffectiveHead(QStringLiteral("109ec7d132bf")));
        QCOMPARE(map.allChildren(QStringLiteral("109ec7d132bf")),
                 list(QStringLiteral("27c6a30d7c24")));
        QVERIFY(map.children(QStringLiteral("109ec7d132bf")).isEmpty());
    }

    void childrenAreSorted()
    {
        const RevisionMap map(RevisionProjects::project(QStringLiteral("merged")));
        QCOMPARE(map.children(QStringLiteral("ae1027a6acf0")),
                 list(QStringLiteral("27c6a30d7c24 55af2cb1c267")));
    }

    void normalisedDependencies_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("dependencies");
        QTest::addColumn<QString>("normalized");
        QTest::addColumn<QString>("up");
        // cccc declares bbbb, so dddd (above cccc) drops it; eeee and aaaa stay, in
        // declared order, although aaaa is already an ancestor.
        QTest::newRow("re-declared dependency dropped") << "dddd"
                                                        << "bbbb eeee aaaa"
                                                        << "eeee aaaa"
                                                        << "cccc eeee aaaa";
        QTest::newRow("declared order kept") << "ffff"
                                             << "gggg eeee"
                                             << "gggg"
                                             << "dddd gggg";
        QTest::newRow("single") << "cccc"
                                << "bbbb"
                                << "bbbb"
                                << "aaaa bbbb";
        QTest::newRow("none") << "aaaa"
                              << ""
                              << ""
                              << "";
    }
    void normalisedDependencies()
    {
        QFETCH(QString, id);
        const RevisionMap map(RevisionProjects::project(QStringLiteral("nd")));
        QVERIFY2(map.isValid(), qPrintable(map.errorString()));
        QTEST(map.dependencies(id).join(QLatin1Char(' ')), "dependencies");
        QTEST(map.normalizedDependencies(id).join(QLatin1Char(' ')), "normalized");
        QTEST(map.normalizedDownRevisions(id).join(QLatin1Char(' ')), "up");
    }

    void labelResolvesAsDependency()
    {
        const RevisionMap map(
            QList<Revision>{make(QStringLiteral("aaaa"), {}, {}, {QStringLiteral("net")}),
                            make(QStringLiteral("bbbb"), {}, {QStringLiteral("net")})});
        QVERIFY(map.isValid());
        QCOMPARE(map.dependencies(QStringLiteral("bbbb")), list(QStringLiteral("aaaa")));
        QCOMPARE(map.revisionForLabel(QStringLiteral("net")), QStringLiteral("aaaa"));
    }

    void labelPropagation_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("labels");
        // A label on the middle of a straight chain also labels what is below (quirk).
        QTest::newRow("chain above") << "prop"
                                     << "cccc"
                                     << "mid";
        QTest::newRow("chain declaring") << "prop"
                                         << "bbbb"
                                         << "mid";
        QTest::newRow("chain below") << "prop"
                                     << "aaaa"
                                     << "mid";
        // Descendants through a merge carry the label; the walk down then starts at a
        // merge point and labels nothing below the declaring revision.
        QTest::newRow("merge carries label") << "prop2"
                                             << "eeee"
                                             << "feat";
        QTest::newRow("after merge") << "prop2"
                                     << "ffff"
                                     << "feat";
        QTest::newRow("other parent not labelled") << "prop2"
                                                   << "bbbb"
                                                   << "";
        QTest::newRow("branch point not labelled") << "prop2"
                                                   << "aaaa"
                                                   << "";
        // Two labels: sorted; the walk down stops at the branch point eeee.
        QTest::newRow("two labels") << "prop3"
                                    << "gggg"
                                    << "x y";
        QTest::newRow("sibling") << "prop3"
                                 << "ffff"
                                 << "x";
        QTest::newRow("below branch point") << "prop3"
                                            << "eeee"
                                            << "x";
        QTest::newRow("unlabelled branch") << "prop3"
                                           << "cccc"
                                           << "";
        QTest::newRow("ml base") << "ml"
                                 << "27c6a30d7c24"
                                 << "shoppingcart";
    }
    void labelPropagation()
    {
        QFETCH(QString, project);
        QFETCH(QString, id);
        const RevisionMap map(RevisionProjects::project(project));
        QVERIFY2(map.isValid(), qPrintable(map.errorString()));
        QTEST(map.branchLabels(id).join(QLatin1Char(' ')), "labels");
    }

    void ancestorsAndDescendants()
    {
        const RevisionMap map(RevisionProjects::project(QStringLiteral("dep")));
        QCOMPARE(map.ancestors({QStringLiteral("27c6a30d7c24")}),
                 list(QStringLiteral(
                     "109ec7d132bf 1975ea83b712 27c6a30d7c24 3782d9986ced ae1027a6acf0")));
        QCOMPARE(map.ancestors({QStringLiteral("27c6a30d7c24")}, false),
                 list(QStringLiteral("1975ea83b712 27c6a30d7c24 ae1027a6acf0")));
        QCOMPARE(map.descendants({QStringLiteral("3782d9986ced")}),
                 list(QStringLiteral("109ec7d132bf 27c6a30d7c24 3782d9986ced")));
        QCOMPARE(map.descendants({QStringLiteral("3782d9986ced")}, false),
                 list(QStringLiteral("109ec7d132bf 3782d9986ced")));
        QVERIFY(map.isAncestorOf(QStringLiteral("3782d9986ced"), QStringLiteral("27c6a30d7c24")));
        QVERIFY(!map.isAncestorOf(QStringLiteral("3782d9986ced"), QStringLiteral("27c6a30d7c24"),
                                  false));
        QVERIFY(
            map.sharesLineage(QStringLiteral("1975ea83b712"), {QStringLiteral("27c6a30d7c24")}));
        QVERIFY(
            !map.sharesLineage(QStringLiteral("3782d9986ced"), {QStringLiteral("27c6a30d7c24")}));
        QVERIFY(map.sharesLineage(QStringLiteral("3782d9986ced"), {QStringLiteral("27c6a30d7c24")},
                                  true));
    }

    void projectErrors_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("error");
        QTest::newRow("loop off nothing")
            << "cyc1"
            << "Cycle is detected in revisions (aaaa00000001, aaaa00000002)";
        QTest::newRow("loop swallows base")
            << "cyc2"
            << "Cycle is detected in revisions (1975ea83b712, aaaa00000001, aaaa00000002, "
               "ae1027a6acf0)";
        QTest::newRow("no real head")
            << "dcyc"
            << "Dependency cycle is detected in revisions (aaaa, bbbb, cccc)";
        QTest::newRow("dependency loop")
            << "dcyc2"
            << "Dependency cycle is detected in revisions (dddd, eeee)";
        QTest::newRow("label equals id")
            << "lab"
            << "Branch name 'aaaa' in revision bbbb already used by revision aaaa";
        QTest::newRow("label used twice")
            << "lab2"
            << "Branch name 'foo' in revision bbbb already used by revision aaaa";
    }
    void projectErrors()
    {
        QFETCH(QString, project);
        const RevisionMap map(RevisionProjects::project(project));
        QVERIFY(!map.isValid());
        QTEST(map.errorString(), "error");
        QVERIFY(map.heads().isEmpty());
    }

    void constructionErrors_data()
    {
        QTest::addColumn<QList<Revision>>("revisions");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("file");
        const QString a = QStringLiteral("aaaa");
        const QString b = QStringLiteral("bbbb");
        QTest::newRow("self-loop")
            << QList<Revision>{make(a, {a})} << "Self-loop is detected in revisions (aaaa)"
            << "/v/aaaa_x.py";
        QTest::newRow("dependency self-loop")
            << QList<Revision>{make(a, {}, {a})}
            << "Dependency self-loop is detected in revisions (aaaa)"
            << "/v/aaaa_x.py";
        QTest::newRow("forbidden characters")
            << QList<Revision>{make(QStringLiteral("aa@b+b"), {})}
            << "Character(s) '+, @' not allowed in revision identifier 'aa@b+b'"
            << "/v/aa@b+b_x.py";
        QTest::newRow("dash") << QList<Revision>{make(QStringLiteral("aa-bb"), {})}
                              << "Character(s) '-' not allowed in revision identifier 'aa-bb'"
                              << "/v/aa-bb_x.py";
        Revision copy = make(a, {});
        copy.path = QStringLiteral("/v/copy.py");
        QTest::newRow("duplicate")
            << QList<Revision>{make(a, {}), make(b, {a}), copy}
            << "Revision aaaa is present more than once (in /v/aaaa_x.py and /v/copy.py)"
            << "/v/copy.py";
        QTest::newRow("unknown dependency")
            << QList<Revision>{make(a, {}), make(b, {a}, {QStringLiteral("nosuch")})}
            << "Revision bbbb depends on 'nosuch', which is not a revision id or branch label"
            << "/v/bbbb_x.py";
        QTest::newRow("missing parent")
            << QList<Revision>{make(a, {}), make(b, {QStringLiteral("ffff")})}
            << "Revision ffff referenced from ffff -> bbbb (head), doc of bbbb is not present"
            << "/v/bbbb_x.py";
        QTest::newRow("empty parent")
            << QList<Revision>{make(a, {QString()})}
            << "Revision  referenced from  -> aaaa (head), doc of aaaa is not present"
            << "/v/aaaa_x.py";
    }
    void constructionErrors()
    {
        QFETCH(QList<Revision>, revisions);
        QFETCH(QString, file);
        const RevisionMap map(revisions);
        QVERIFY(!map.isValid());
        QTEST(map.errorString(), "error");
        QCOMPARE(map.errorDiagnostic().file, file);
    }

    void checkRevisionId()
    {
        QVERIFY(RevisionMap::checkRevisionId(QStringLiteral("abc")).isEmpty());
        QVERIFY(RevisionMap::checkRevisionId(QStringLiteral("a:b")).isEmpty()); // 1.13 allows ':'
        QCOMPARE(RevisionMap::checkRevisionId(QStringLiteral("a-b@c")),
                 QStringLiteral("Character(s) '-, @' not allowed in revision identifier 'a-b@c'"));
    }

    // 10,000 revisions: a trunk with a side branch every 50 revisions that merges back,
    // labels and dependencies. Guards against quadratic construction or history order.
    void scale()
    {
        QList<Revision> revisions;
        const int n = 10000;
        QString previous;
        for (int i = 0; i < n; ++i) {
            const QString id = QStringLiteral("r%1").arg(i, 6, 10, QLatin1Char('0'));
            QStringList parents;
            if (!previous.isEmpty())
                parents.append(previous);
            QStringList labels;
            QStringList deps;
            if (i % 50 == 10)
                labels.append(QStringLiteral("l%1").arg(i));
            if (i % 50 == 20)
                deps.append(QStringLiteral("r%1").arg(i - 15, 6, 10, QLatin1Char('0')));
            if (i % 50 == 30) {
                const QString side = QStringLiteral("s%1").arg(i);
                revisions.append(make(side, {previous}));
                parents.append(side);
            }
            revisions.append(make(id, parents, deps, labels));
            previous = id;
        }
        QElapsedTimer timer;
        timer.start();
        const RevisionMap map(revisions);
        const qint64 built = timer.elapsed();
        const QStringList order = map.historyOrder();
        const qint64 elapsed = timer.elapsed();
        qInfo("built in %lld ms", built);
        QVERIFY2(map.isValid(), qPrintable(map.errorString()));
        QCOMPARE(map.heads(), list(QStringLiteral("r009999")));
        QCOMPARE(order.size(), revisions.size());
        QCOMPARE(order.first(), QStringLiteral("r009999"));
        QCOMPARE(order.last(), QStringLiteral("r000000"));
        qInfo("10,000 revisions: map and history order in %lld ms", elapsed);
        QVERIFY2(elapsed < 3000, "quadratic behaviour?");
    }
};

QTEST_GUILESS_MAIN(TestRevisionMap)
#include "tst_revisionmap.moc"
