// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/revisionmap/revisionprojects.h"
#include "revision/revisionmap.h"

#include <QTest>

#include <algorithm>

using namespace Retort;

// The history order of shared/spec/revisions.md §7 and the upgrade / downgrade orders
// of §8 and §9 built on it (Alembic's iterate_revisions), on the spec's projects.
class TestHistoryOrder : public QObject
{
    Q_OBJECT

private:
    static QStringList split(const QString &list)
    {
        return list.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    // Short ids of the spec ("27c6") -> full ids of the project.
    static QStringList expand(const RevisionMap &map, const QStringList &shortIds)
    {
        QStringList out;
        for (const QString &s : shortIds) {
            const QStringList all = map.ids();
            const auto it = std::find_if(all.cbegin(), all.cend(),
                                         [&](const QString &id) { return id.startsWith(s); });
            out.append(it == all.cend() ? s : *it);
        }
        return out;
    }

private Q_SLOTS:
    void workedExample()
    {
        const RevisionMap map(RevisionProjects::project(QStringLiteral("branched")));
        QVERIFY2(map.isValid(), qPrintable(map.errorString()));
        bool complete = false;
        const QStringList order = map.topologicalOrder(map.ids(), map.heads(), &complete);
        QVERIFY(complete);
        QCOMPARE(order, expand(map, split(QStringLiteral("27c6 4dc4 55af ae10 1975"))));
    }

    void historyOrder_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("expected");
        QTest::newRow("linear") << "linear"
                                << "27c6 ae10 1975";
        QTest::newRow("branched") << "branched"
                                  << "27c6 4dc4 55af ae10 1975";
        QTest::newRow("merged") << "merged"
                                << "3cac 27c6 4dc4 55af ae10 1975";
        QTest::newRow("ml") << "ml"
                            << "109e 3782 27c6 ae10 1975";
        QTest::newRow("dep") << "dep"
                             << "27c6 ae10 1975 109e 3782";
    }
    void historyOrder()
    {
        QFETCH(QString, project);
        QFETCH(QString, expected);
        const RevisionMap map(RevisionProjects::project(project));
        QVERIFY2(map.isValid(), qPrintable(map.errorString()));
        QCOMPARE(map.historyOrder(), expand(map, split(expected)));
        auto walked = map.walkRevisions(QStringLiteral("base"), QStringLiteral("heads"));
        QVERIFY2(walked.ok(), qPrintable(walked.errorString()));
        QCOMPARE(*walked, expand(map, split(expected)));
    }

    void incompleteOrderIsReported()
    {
        const RevisionMap map(RevisionProjects::project(QStringLiteral("linear")));
        bool complete = true;
        // 27c6 is not in todo, so no lane reaches 1975 from it.
        const QStringList order = map.topologicalOrder({QStringLiteral("1975ea83b712")},
                                                       {QStringLiteral("27c6a30d7c24")}, &complete);
        QVERIFY(!complete);
        QVERIFY(order.isEmpty());
    }

    void upgradeOrder_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("from"); // current revisions (short ids), "" = base
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("expected"); // short ids, or "!error text"

        QTest::newRow("branched heads") << "branched"
                                        << ""
                                        << "heads"
                                        << "1975 ae10 55af 4dc4 27c6";
        QTest::newRow("merged heads") << "merged"
                                      << ""
                                      << "heads"
                                      << "1975 ae10 55af 4dc4 27c6 3cac";
        QTest::newRow("merged base:27c6") << "merged"
                                          << ""
                                          << "27c6"
                                          << "1975 ae10 27c6";
        QTest::newRow("merged base:4dc4") << "merged"
                                          << ""
                                          << "4dc4"
                                          << "1975 ae10 55af 4dc4";
        QTest::newRow("merged 27c6:heads") << "merged"
                                           << "27c6"
                                           << "heads"
                                           << "55af 4dc4 3cac";
        QTest::newRow("merged 4dc4:3cac") << "merged"
                                          << "4dc4"
                                          << "3cac"
                                          << "27c6 3cac";
        QTest::newRow("merged base:+2") << "merged"
                                        << ""
                                        << "+2"
                                        << "1975 ae10";
        QTest::newRow("merged base:+3") << "merged"
                                        << ""
                                        << "+3"
                                        << "!Ambiguous walk";
        QTest::newRow("merged 27c6:+1") << "merged"
                                        << "27c6"
                                        << "+1"
                                        << "55af 4dc4 3cac";
        QTest::newRow("merged base:27c6+1") << "merged"
                                            << ""
                                            << "27c6+1"
                                            << "1975 ae10 55af 4dc4 27c6 3cac";
        QTest::newRow("merged base:3cac-1") << "merged"
                                            << ""
                                            << "3cac-1"
                                            << "!Ambiguous walk";

        QTest::newRow("linear base:+1") << "linear"
                                        << ""
                                        << "+1"
                                        << "1975";
        QTest::newRow("linear base:+3") << "linear"
                                        << ""
                                        << "+3"
                                        << "1975 ae10 27c6";
        QTest::newRow("linear base:+4") << "linear"
                                        << ""
                                        << "+4"
                                        << "!Relative revision +4 didn't produce 4 migrations";
        QTest::newRow("linear base:head-1") << "linear"
                                            << ""
                                            << "head-1"
                                            << "1975 ae10";
        QTest::newRow("linear base:head-2") << "linear"
                                            << ""
                                            << "head-2"
                                            << "1975";
        QTest::newRow("linear base:1975+1") << "linear"
                                            << ""
                                            << "1975+1"
                                            << "1975 ae10";
        QTest::newRow("linear 1975:+1") << "linear"
                                        << "1975"
                                        << "+1"
                                        << "ae10";
        QTest::newRow("linear ae10:1975") << "linear"
                                          << "ae10"
                                          << "1975"
                                          << "";
        QTest::newRow("linear ae10:-1") << "linear"
                                        << "ae10"
                                        << "-1"
                                        << "!Relative revision -1 didn't produce 1 migrations";
        QTest::newRow("linear ae10:+0") << "linear"
                                        << "ae10"
                                        << "+0"
                                        << "!Relative revision 0 didn't produce 0 migrations";
        QTest::newRow("linear base:1") << "linear"
                                       << ""
                                       << "1"
                                       << "1975";

        QTest::newRow("ml base:heads") << "ml"
                                       << ""
                                       << "heads"
                                       << "1975 ae10 27c6 3782 109e";
        QTest::newRow("ml base:networking@head") << "ml"
                                                 << ""
                                                 << "networking@head"
                                                 << "3782 109e";
        QTest::newRow("ml base:networking@+1") << "ml"
                                               << ""
                                               << "networking@+1"
                                               << "3782";
        QTest::newRow("ml base:shoppingcart@+2") << "ml"
                                                 << ""
                                                 << "shoppingcart@+2"
                                                 << "1975 ae10";
        QTest::newRow("ml base:networking") << "ml"
                                            << ""
                                            << "networking"
                                            << "3782";
        QTest::newRow("ml base:netw") << "ml"
                                      << ""
                                      << "netw"
                                      << "3782";
        QTest::newRow("ml base:3782@head") << "ml"
                                           << ""
                                           << "3782@head"
                                           << "3782 109e";
        QTest::newRow("ml base:networking@ae10") << "ml"
                                                 << ""
                                                 << "networking@ae10"
                                                 << "!Can't locate revision identified by 'ae10'";
        QTest::newRow("ml base:+1") << "ml"
                                    << ""
                                    << "+1"
                                    << "!Ambiguous walk";
        QTest::newRow("ml base:head")
            << "ml"
            << ""
            << "head"
            << "!Multiple head revisions are present for given argument 'head'; please specify "
               "a specific target revision, '<branchname>@head' to narrow to a specific head, "
               "or 'heads' for all heads";

        QTest::newRow("dep heads") << "dep"
                                   << ""
                                   << "heads"
                                   << "3782 109e 1975 ae10 27c6";
        QTest::newRow("dep head")
            << "dep"
            << ""
            << "head"
            << "!Multiple head revisions are present for given argument 'head'; please specify "
               "a specific target revision, '<branchname>@head' to narrow to a specific head, "
               "or 'heads' for all heads";
    }
    void upgradeOrder()
    {
        QFETCH(QString, project);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, expected);
        const RevisionMap map(RevisionProjects::project(project));
        QVERIFY2(map.isValid(), qPrintable(map.errorString()));
        RevisionMap::CollectOptions options;
        options.implicitBase = true;
        auto order = map.iterateRevisions(to, expand(map, split(from)), options);
        if (expected.startsWith(QLatin1Char('!'))) {
            QVERIFY(!order.ok());
            QCOMPARE(order.errorString(), expected.mid(1));
            return;
        }
        QVERIFY2(order.ok(), qPrintable(order.errorString()));
        QStringList upgrade = *order;
        std::reverse(upgrade.begin(), upgrade.end());
        QCOMPARE(upgrade, expand(map, split(expected)));
    }

    void downgradeOrder_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("from"); // current revisions (short ids)
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("expected"); // short ids, or "!error text"

        QTest::newRow("linear 27c6:-1") << "linear"
                                        << "27c6"
                                        << "-1"
                                        << "27c6";
        QTest::newRow("linear 27c6:-3") << "linear"
                                        << "27c6"
                                        << "-3"
                                        << "27c6 ae10 1975";
        QTest::newRow("linear 27c6:-4") << "linear"
                                        << "27c6"
                                        << "-4"
                                        << "!Relative revision -4 didn't produce 4 migrations";
        QTest::newRow("linear 27c6:ae10-1") << "linear"
                                            << "27c6"
                                            << "ae10-1"
                                            << "27c6 ae10";
        QTest::newRow("linear 27c6:+1") << "linear"
                                        << "27c6"
                                        << "+1"
                                        << "!Relative revision +1 didn't produce 1 migrations";
        QTest::newRow("linear 27c6:ae10+1") << "linear"
                                            << "27c6"
                                            << "ae10+1"
                                            << "";
        QTest::newRow("linear 27c6:27c6") << "linear"
                                          << "27c6"
                                          << "27c6"
                                          << "";
        QTest::newRow("linear ae10:27c6")
            << "linear"
            << "ae10"
            << "27c6"
            << "!Requested range Nothing to drop:('ae1027a6acf0',) does not refer to "
               "ancestor/descendant revisions along the same branch";
        QTest::newRow("linear 27c6:1975+9") << "linear"
                                            << "27c6"
                                            << "1975+9"
                                            << "!Walked too far";

        QTest::newRow("merged 3cac:ae10") << "merged"
                                          << "3cac"
                                          << "ae10"
                                          << "3cac 27c6 4dc4 55af";
        QTest::newRow("merged 3cac:55af") << "merged"
                                          << "3cac"
                                          << "55af"
                                          << "3cac 4dc4";
        QTest::newRow("merged 3cac:base") << "merged"
                                          << "3cac"
                                          << "base"
                                          << "3cac 27c6 4dc4 55af ae10 1975";
        QTest::newRow("merged 3cac:-1") << "merged"
                                        << "3cac"
                                        << "-1"
                                        << "!Ambiguous walk";
        QTest::newRow("merged 3cac:27c6") << "merged"
                                          << "3cac"
                                          << "27c6"
                                          << "3cac";
        QTest::newRow("branched two heads:27c6-1") << "branched"
                                                   << "27c6 4dc4"
                                                   << "27c6-1"
                                                   << "27c6 4dc4 55af";

        QTest::newRow("ml networking@-1") << "ml"
                                          << "27c6 109e"
                                          << "networking@-1"
                                          << "109e";
        QTest::newRow("ml networking@base") << "ml"
                                            << "27c6 3782"
                                            << "networking@base"
                                            << "3782";
        QTest::newRow("ml shoppingcart@base") << "ml"
                                              << "27c6 109e"
                                              << "shoppingcart@base"
                                              << "27c6 ae10 1975";
        QTest::newRow("dep networking@base") << "dep"
                                             << "27c6"
                                             << "networking@base"
                                             << "27c6 109e 3782";
    }
    void downgradeOrder()
    {
        QFETCH(QString, project);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, expected);
        const RevisionMap map(RevisionProjects::project(project));
        QVERIFY2(map.isValid(), qPrintable(map.errorString()));
        auto order =
            map.iterateRevisions(expand(map, split(from)), to, RevisionMap::CollectOptions(), true);
        if (expected.startsWith(QLatin1Char('!'))) {
            QVERIFY(!order.ok());
            QCOMPARE(order.errorString(), expected.mid(1));
            return;
        }
        QVERIFY2(order.ok(), qPrintable(order.errorString()));
        QCOMPARE(*order, expand(map, split(expected)));
    }
};

QTEST_GUILESS_MAIN(TestHistoryOrder)
#include "tst_historyorder.moc"
