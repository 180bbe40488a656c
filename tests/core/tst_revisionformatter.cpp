// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/revisionmap/revisionprojects.h"
#include "revision/revisionformatter.h"
#include "revision/revisionmap.h"

#include <QTest>

using namespace Retort;

// The listing commands' text (shared/spec/revisions.md §6), byte for byte as Alembic 1.13
// prints it with the oracle's ordering rules (checked with `alembic` on the same files).
class TestRevisionFormatter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commands_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("expected");
        QTest::newRow("dep heads") << "dep"
                                   << "heads"
                                   << "109ec7d132bf (networking) (effective head)\n"
                                      "27c6a30d7c24 (head)\n";
        QTest::newRow("dep heads --resolve-dependencies") << "dep"
                                                          << "heads-resolve"
                                                          << "27c6a30d7c24 (head)\n";
        QTest::newRow("dep history")
            << "dep"
            << "history"
            << "ae1027a6acf0 (109ec7d132bf) -> 27c6a30d7c24 (head), main 3 needs net\n"
               "1975ea83b712 -> ae1027a6acf0, main 2\n"
               "<base> -> 1975ea83b712, main base\n"
               "3782d9986ced -> 109ec7d132bf (networking) (effective head), net 2\n"
               "<base> -> 3782d9986ced (networking), net base\n";
        QTest::newRow("merged history")
            << "merged"
            << "history"
            << "27c6a30d7c24, 4dc4e4b4c1b9 -> 3cac04ae8714 (head) (mergepoint), merge branches\n"
               "ae1027a6acf0 -> 27c6a30d7c24, branch one\n"
               "55af2cb1c267 -> 4dc4e4b4c1b9, branch two second\n"
               "ae1027a6acf0 -> 55af2cb1c267, branch two\n"
               "1975ea83b712 -> ae1027a6acf0 (branchpoint), add a column\n"
               "<base> -> 1975ea83b712, create account table\n";
        QTest::newRow("ml history (labels propagate)")
            << "ml"
            << "history"
            << "3782d9986ced -> 109ec7d132bf (networking) (head), net 2\n"
               "<base> -> 3782d9986ced (networking), net base\n"
               "ae1027a6acf0 -> 27c6a30d7c24 (shoppingcart) (head), cart 3\n"
               "1975ea83b712 -> ae1027a6acf0 (shoppingcart), cart 2\n"
               "<base> -> 1975ea83b712 (shoppingcart), cart base\n";
        QTest::newRow("branched branches") << "branched"
                                           << "branches"
                                           << "ae1027a6acf0 (branchpoint)\n"
                                              "             -> 27c6a30d7c24 (head)\n"
                                              "             -> 55af2cb1c267\n\n";
        QTest::newRow("branched branches -v") << "branched"
                                              << "branches-v"
                                              << "Rev: ae1027a6acf0 (branchpoint)\n"
                                                 "Parent: 1975ea83b712\n"
                                                 "Branches into: 27c6a30d7c24, 55af2cb1c267\n"
                                                 "Path: /p/branched/ae1027a6acf0_x.py\n\n"
                                                 "    add a column\n\n"
                                                 "             -> 27c6a30d7c24 (head), branch one\n"
                                                 "             -> 55af2cb1c267, branch two\n\n";
        QTest::newRow("merged show merge") << "merged"
                                           << "show 3cac"
                                           << "Rev: 3cac04ae8714 (head) (mergepoint)\n"
                                              "Merges: 27c6a30d7c24, 4dc4e4b4c1b9\n"
                                              "Path: /p/merged/3cac04ae8714_x.py\n\n"
                                              "    merge branches\n\n";
        QTest::newRow("dep show dependent") << "dep"
                                            << "show 27c6"
                                            << "Rev: 27c6a30d7c24 (head)\n"
                                               "Parent: ae1027a6acf0\n"
                                               "Also depends on: 109ec7d132bf\n"
                                               "Path: /p/dep/27c6a30d7c24_x.py\n\n"
                                               "    main 3 needs net\n\n";
        QTest::newRow("dep show effective head is a head in verbose form")
            << "dep"
            << "show networking@head"
            << "Rev: 109ec7d132bf (head)\n"
               "Parent: 3782d9986ced\n"
               "Branch names: networking\n"
               "Path: /p/dep/109ec7d132bf_x.py\n\n"
               "    net 2\n\n";
        QTest::newRow("show base") << "linear"
                                   << "show base"
                                   << "";
        QTest::newRow("range ae10:27c6")
            << "merged"
            << "history -r ae10:27c6"
            << "ae1027a6acf0 -> 27c6a30d7c24, branch one\n"
               "1975ea83b712 -> ae1027a6acf0 (branchpoint), add a column\n";
        QTest::newRow("range 55af:") << "merged"
                                     << "history -r 55af:"
                                     << "27c6a30d7c24, 4dc4e4b4c1b9 -> 3cac04ae8714 (head) "
                                        "(mergepoint), merge branches\n"
                                        "55af2cb1c267 -> 4dc4e4b4c1b9, branch two second\n"
                                        "ae1027a6acf0 -> 55af2cb1c267, branch two\n";
        QTest::newRow("range :55af") << "merged"
                                     << "history -r :55af"
                                     << "ae1027a6acf0 -> 55af2cb1c267, branch two\n"
                                        "1975ea83b712 -> ae1027a6acf0 (branchpoint), add a column\n"
                                        "<base> -> 1975ea83b712, create account table\n";
        QTest::newRow("range heads:heads")
            << "merged"
            << "history -r heads:heads"
            << "27c6a30d7c24, 4dc4e4b4c1b9 -> 3cac04ae8714 (head) (mergepoint), merge branches\n";
        QTest::newRow("range base:base") << "merged"
                                         << "history -r base:base"
                                         << "";
        QTest::newRow("range 1975:+1") << "linear"
                                       << "history -r 1975:+1"
                                       << "1975ea83b712 -> ae1027a6acf0, add a column\n"
                                          "<base> -> 1975ea83b712, create account table\n";
        QTest::newRow("range -1:") << "linear"
                                   << "history -r -1:"
                                   << "ae1027a6acf0 -> 27c6a30d7c24 (head), add another column\n"
                                      "1975ea83b712 -> ae1027a6acf0, add a column\n";
        QTest::newRow("range networking@base:")
            << "ml"
            << "history -r networking@base:"
            << "3782d9986ced -> 109ec7d132bf (networking) (head), net 2\n"
               "<base> -> 3782d9986ced (networking), net base\n";
        QTest::newRow("indicate current")
            << "linear"
            << "history -i"
            << "ae1027a6acf0 -> 27c6a30d7c24 (head), add another column\n"
               "1975ea83b712 -> ae1027a6acf0 (current), add a column\n"
               "<base> -> 1975ea83b712, create account table\n";
    }
    void commands()
    {
        QFETCH(QString, project);
        QFETCH(QString, command);
        const RevisionMap map(RevisionProjects::project(project));
        QVERIFY2(map.isValid(), qPrintable(map.errorString()));
        const RevisionFormatter formatter(map);
        QString text;
        if (command == QLatin1String("heads")) {
            text = formatter.heads(false, false);
        } else if (command == QLatin1String("heads-resolve")) {
            text = formatter.heads(false, true);
        } else if (command == QLatin1String("branches")) {
            text = formatter.branches(false);
        } else if (command == QLatin1String("branches-v")) {
            text = formatter.branches(true);
        } else if (command == QLatin1String("history")) {
            text = *formatter.history(QString(), false);
        } else if (command == QLatin1String("history -i")) {
            text = *formatter.history(QString(), false, true, {QStringLiteral("ae1027a6acf0")});
        } else if (command.startsWith(QLatin1String("history -r "))) {
            const auto result = formatter.history(command.mid(11), false);
            QVERIFY2(result.ok(), qPrintable(result.errorString()));
            text = *result;
        } else {
            const auto result = formatter.show(command.mid(5));
            QVERIFY2(result.ok(), qPrintable(result.errorString()));
            text = *result;
        }
        QTEST(text, "expected");
    }

    // `heads -v | cat -A` of the spec: the docstring lines indented, blank ones as four
    // spaces, and an empty line after the entry.
    void verboseSample()
    {
        QList<Revision> revisions = RevisionProjects::project(QStringLiteral("linear"));
        revisions.last().longDoc = QStringLiteral(
            "add another column\n\nRevision ID: 27c6a30d7c24\nRevises:\nCreate Date: "
            "2024-01-01 00:00:00");
        revisions.last().path =
            QStringLiteral("/tmp/exp/lin/migrations/versions/27c6a30d7c24_x.py");
        const RevisionMap map(revisions);
        QCOMPARE(RevisionFormatter(map).heads(true, false),
                 QStringLiteral("Rev: 27c6a30d7c24 (head)\n"
                                "Parent: ae1027a6acf0\n"
                                "Path: /tmp/exp/lin/migrations/versions/27c6a30d7c24_x.py\n"
                                "\n"
                                "    add another column\n"
                                "    \n"
                                "    Revision ID: 27c6a30d7c24\n"
                                "    Revises:\n"
                                "    Create Date: 2024-01-01 00:00:00\n"
                                "\n"));
    }

    void scriptString()
    {
        const RevisionMap map(RevisionProjects::project(QStringLiteral("merged")));
        QCOMPARE(RevisionFormatter(map).scriptString(QStringLiteral("3cac04ae8714")),
                 QStringLiteral("27c6a30d7c24, 4dc4e4b4c1b9 -> 3cac04ae8714 (head) (mergepoint), "
                                "merge branches"));
    }
};

QTEST_GUILESS_MAIN(TestRevisionFormatter)
#include "tst_revisionformatter.moc"
