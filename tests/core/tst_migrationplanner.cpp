// SPDX-License-Identifier: GPL-3.0-or-later
#include "revision/migrationplanner.h"
#include "revision/revisionmap.h"
#include "specprojects.h"

#include <QTest>

using namespace Retort;
using SpecProjects::ids;
using SpecProjects::project;

namespace {

// The spec's short notation: step descriptions without the command name, "; "-joined.
QString shortSteps(const MigrationPlan &plan)
{
    QStringList out;
    for (const MigrationStep &step : plan.steps)
        out.append(step.description().mid(step.name().size() + 1).trimmed());
    return out.join(QLatin1String("; "));
}

const QString anyFailure = QStringLiteral("*");

} // namespace

class TestMigrationPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepDescriptionSpacing();
    void upgradeOrder_data();
    void upgradeOrder();
    void downgradeOrder_data();
    void downgradeOrder();
    void downgradeFromSeveralHeadsWarns();
    void offlineRangeErrors_data();
    void offlineRangeErrors();
    void offlineStartRevision_data();
    void offlineStartRevision();
    void stampPlans_data();
    void stampPlans();
    void offlineStampArguments_data();
    void offlineStampArguments();
};

void TestMigrationPlanner::stepDescriptionSpacing()
{
    const RevisionMap map = project(QStringLiteral("brm"));
    const MigrationPlanner planner(map);
    const auto up = planner.upgrade({}, QStringLiteral("heads"));
    QVERIFY2(up.ok(), qPrintable(up.errorString()));
    QCOMPARE(up->steps.first().description(), QStringLiteral("upgrade  -> 1975ea83b712"));
    QCOMPARE(up->steps.last().description(),
             QStringLiteral("upgrade 27c6a30d7c24, 4dc4e4b4c1b9 -> 3cac04ae8714"));
    QCOMPARE(up->steps.last().revision, QStringLiteral("3cac04ae8714"));

    const auto down = planner.downgrade({QStringLiteral("3cac04ae8714")}, QStringLiteral("base"));
    QVERIFY2(down.ok(), qPrintable(down.errorString()));
    QCOMPARE(down->steps.first().description(),
             QStringLiteral("downgrade 3cac04ae8714 -> 27c6a30d7c24, 4dc4e4b4c1b9"));
    QCOMPARE(down->steps.last().description(), QStringLiteral("downgrade 1975ea83b712 -> "));
    QCOMPARE(down->startHeads, QStringList{QStringLiteral("3cac04ae8714")});
}

void TestMigrationPlanner::upgradeOrder_data()
{
    QTest::addColumn<QString>("projectName");
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("expected"); // steps, or "FAILED: message", or "*"

    // revisions.md §4.6, linear project.
    QTest::newRow("lin base:+1") << "lin"
                                 << ""
                                 << "+1"
                                 << "-> 1975ea83b712";
    QTest::newRow("lin base:+3")
        << "lin"
        << ""
        << "+3"
        << "-> 1975ea83b712; 1975ea83b712 -> ae1027a6acf0; ae1027a6acf0 -> 27c6a30d7c24";
    QTest::newRow("lin base:+4") << "lin"
                                 << ""
                                 << "+4"
                                 << "FAILED: Relative revision +4 didn't produce 4 migrations";
    QTest::newRow("lin base:head-1") << "lin"
                                     << ""
                                     << "head-1"
                                     << "-> 1975ea83b712; 1975ea83b712 -> ae1027a6acf0";
    QTest::newRow("lin base:head-2") << "lin"
                                     << ""
                                     << "head-2"
                                     << "-> 1975ea83b712";
    QTest::newRow("lin base:head-3 (alembic crashes)") << "lin"
                                                       << ""
                                                       << "head-3" << anyFailure;
    QTest::newRow("lin base:1975+1") << "lin"
                                     << ""
                                     << "1975+1"
                                     << "-> 1975ea83b712; 1975ea83b712 -> ae1027a6acf0";
    QTest::newRow("lin 1975:+1") << "lin"
                                 << "1975ea83b712"
                                 << "+1"
                                 << "1975ea83b712 -> ae1027a6acf0";
    QTest::newRow("lin ae10:1975") << "lin"
                                   << "ae1027a6acf0"
                                   << "1975"
                                   << "";
    QTest::newRow("lin ae10:-1") << "lin"
                                 << "ae1027a6acf0"
                                 << "-1"
                                 << "FAILED: Relative revision -1 didn't produce 1 migrations";
    QTest::newRow("lin base:+0") << "lin"
                                 << ""
                                 << "+0"
                                 << "FAILED: Relative revision 0 didn't produce 0 migrations";
    QTest::newRow("lin base:1") << "lin"
                                << ""
                                << "1"
                                << "-> 1975ea83b712";

    // §4.6, branched + merged project.
    QTest::newRow("brm base:+2") << "brm"
                                 << ""
                                 << "+2"
                                 << "-> 1975ea83b712; 1975ea83b712 -> ae1027a6acf0";
    QTest::newRow("brm base:+3") << "brm"
                                 << ""
                                 << "+3"
                                 << "FAILED: Ambiguous walk";
    QTest::newRow("brm 27c6:+1") << "brm"
                                 << "27c6a30d7c24"
                                 << "+1"
                                 << "ae1027a6acf0 -> 55af2cb1c267; 55af2cb1c267 -> 4dc4e4b4c1b9; "
                                    "27c6a30d7c24, 4dc4e4b4c1b9 -> 3cac04ae8714";
    QTest::newRow("brm base:3cac-1") << "brm"
                                     << ""
                                     << "3cac-1"
                                     << "FAILED: Ambiguous walk";
    QTest::newRow("brm +1 from two heads")
        << "brm"
        << "27c6a30d7c24,4dc4e4b4c1b9"
        << "+1"
        << "FAILED: Ambiguous upgrade from multiple current revisions";

    // §8.
    const QString branchesUp = QStringLiteral(
        "-> 1975ea83b712; 1975ea83b712 -> ae1027a6acf0; ae1027a6acf0 -> 55af2cb1c267; "
        "55af2cb1c267 -> 4dc4e4b4c1b9; ae1027a6acf0 -> 27c6a30d7c24");
    QTest::newRow("br base:heads") << "br"
                                   << ""
                                   << "heads" << branchesUp;
    QTest::newRow("brm base:heads")
        << "brm"
        << ""
        << "heads" << branchesUp + QStringLiteral("; 27c6a30d7c24, 4dc4e4b4c1b9 -> 3cac04ae8714");
    QTest::newRow("brm base:27c6+1")
        << "brm"
        << ""
        << "27c6+1" << branchesUp + QStringLiteral("; 27c6a30d7c24, 4dc4e4b4c1b9 -> 3cac04ae8714");
    QTest::newRow("brm base:27c6")
        << "brm"
        << ""
        << "27c6"
        << "-> 1975ea83b712; 1975ea83b712 -> ae1027a6acf0; ae1027a6acf0 -> 27c6a30d7c24";
    QTest::newRow("brm base:4dc4") << "brm"
                                   << ""
                                   << "4dc4"
                                   << "-> 1975ea83b712; 1975ea83b712 -> ae1027a6acf0; ae1027a6acf0 "
                                      "-> 55af2cb1c267; 55af2cb1c267 -> 4dc4e4b4c1b9";
    QTest::newRow("brm 27c6:heads") << "brm"
                                    << "27c6a30d7c24"
                                    << "heads"
                                    << "ae1027a6acf0 -> 55af2cb1c267; 55af2cb1c267 -> "
                                       "4dc4e4b4c1b9; 27c6a30d7c24, 4dc4e4b4c1b9 -> 3cac04ae8714";
    QTest::newRow("brm 4dc4:3cac")
        << "brm"
        << "4dc4e4b4c1b9"
        << "3cac"
        << "ae1027a6acf0 -> 27c6a30d7c24; 27c6a30d7c24, 4dc4e4b4c1b9 -> 3cac04ae8714";
    QTest::newRow("brm 55af:27c6 (unrelated current left alone)") << "brm"
                                                                  << "55af2cb1c267"
                                                                  << "27c6"
                                                                  << "ae1027a6acf0 -> 27c6a30d7c24";

    QTest::newRow("ml base:heads")
        << "ml"
        << ""
        << "heads"
        << "-> 1975ea83b712; 1975ea83b712 -> ae1027a6acf0; ae1027a6acf0 -> 27c6a30d7c24; -> "
           "3782d9986ced; 3782d9986ced -> 109ec7d132bf";
    QTest::newRow("ml base:networking@head") << "ml"
                                             << ""
                                             << "networking@head"
                                             << "-> 3782d9986ced; 3782d9986ced -> 109ec7d132bf";
    QTest::newRow("ml base:networking@+1") << "ml"
                                           << ""
                                           << "networking@+1"
                                           << "-> 3782d9986ced";
    QTest::newRow("ml base:shoppingcart@+2") << "ml"
                                             << ""
                                             << "shoppingcart@+2"
                                             << "-> 1975ea83b712; 1975ea83b712 -> ae1027a6acf0";
    QTest::newRow("ml base:networking") << "ml"
                                        << ""
                                        << "networking"
                                        << "-> 3782d9986ced";
    QTest::newRow("ml base:netw") << "ml"
                                  << ""
                                  << "netw"
                                  << "-> 3782d9986ced";
    QTest::newRow("ml base:3782@head") << "ml"
                                       << ""
                                       << "3782@head"
                                       << "-> 3782d9986ced; 3782d9986ced -> 109ec7d132bf";
    QTest::newRow("ml base:networking@ae10")
        << "ml"
        << ""
        << "networking@ae10"
        << "FAILED: Can't locate revision identified by 'ae10'";
    QTest::newRow("ml base:+1") << "ml"
                                << ""
                                << "+1"
                                << "FAILED: Ambiguous walk";
    QTest::newRow("ml base:head") << "ml"
                                  << ""
                                  << "head"
                                  << "FAILED: Multiple head revisions are present for given "
                                     "argument 'head'; please specify a specific "
                                     "target revision, '<branchname>@head' to narrow to a specific "
                                     "head, or 'heads' for all heads";

    // §3.3: depends_on.
    QTest::newRow("dep base:heads")
        << "dep"
        << ""
        << "heads"
        << "-> 3782d9986ced; 3782d9986ced -> 109ec7d132bf; -> 1975ea83b712; 1975ea83b712 -> "
           "ae1027a6acf0; ae1027a6acf0 -> 27c6a30d7c24";
    QTest::newRow("dep base:head") << "dep"
                                   << ""
                                   << "head"
                                   << "FAILED: Multiple head revisions are present for given "
                                      "argument 'head'; please specify a specific "
                                      "target revision, '<branchname>@head' to narrow to a "
                                      "specific head, or 'heads' for all heads";
    QTest::newRow("unknown target") << "lin"
                                    << ""
                                    << "zzzz"
                                    << "FAILED: Can't locate revision identified by 'zzzz'";
}

void TestMigrationPlanner::upgradeOrder()
{
    QFETCH(QString, projectName);
    QFETCH(QString, current);
    QFETCH(QString, target);
    QFETCH(QString, expected);
    const RevisionMap map = project(projectName);
    QVERIFY2(map.isValid(), qPrintable(map.errorString()));
    const auto plan = MigrationPlanner(map).upgrade(ids(current), target);
    if (expected == anyFailure) {
        QVERIFY(!plan.ok());
    } else if (expected.startsWith(QLatin1String("FAILED: "))) {
        QVERIFY(!plan.ok());
        QCOMPARE(QStringLiteral("FAILED: ") + plan.errorString(), expected);
    } else {
        QVERIFY2(plan.ok(), qPrintable(plan.errorString()));
        QCOMPARE(shortSteps(plan.value()), expected);
        for (const MigrationStep &step : plan->steps)
            QVERIFY(step.isUpgrade() && !step.stamp);
    }
}

void TestMigrationPlanner::downgradeOrder_data()
{
    QTest::addColumn<QString>("projectName");
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("expected");

    // revisions.md §4.7, linear project from 27c6.
    const QString top = QStringLiteral("27c6a30d7c24");
    QTest::newRow("lin 27c6:-1") << "lin" << top << "-1"
                                 << "27c6a30d7c24 -> ae1027a6acf0";
    QTest::newRow("lin 27c6:-3")
        << "lin" << top << "-3"
        << "27c6a30d7c24 -> ae1027a6acf0; ae1027a6acf0 -> 1975ea83b712; 1975ea83b712 ->";
    QTest::newRow("lin 27c6:-4") << "lin" << top << "-4"
                                 << "FAILED: Relative revision -4 didn't produce 4 migrations";
    QTest::newRow("lin 27c6:ae10-1")
        << "lin" << top << "ae10-1"
        << "27c6a30d7c24 -> ae1027a6acf0; ae1027a6acf0 -> 1975ea83b712";
    QTest::newRow("lin 27c6:+1") << "lin" << top << "+1"
                                 << "FAILED: Relative revision +1 didn't produce 1 migrations";
    QTest::newRow("lin 27c6:ae10+1") << "lin" << top << "ae10+1"
                                     << "";
    QTest::newRow("lin 27c6:27c6") << "lin" << top << "27c6"
                                   << "";
    QTest::newRow("lin ae10:27c6")
        << "lin"
        << "ae1027a6acf0"
        << "27c6"
        << "FAILED: Destination 27c6 is not a valid downgrade target from current head(s)";
    QTest::newRow("lin 27c6:1975+5") << "lin" << top << "1975+5"
                                     << "FAILED: Walked too far";

    // §9, branched + merged project from the merge.
    const QString merge = QStringLiteral("3cac04ae8714");
    const QString toBranchPoint =
        QStringLiteral("3cac04ae8714 -> 27c6a30d7c24, 4dc4e4b4c1b9; 27c6a30d7c24 -> ae1027a6acf0; "
                       "4dc4e4b4c1b9 -> 55af2cb1c267; 55af2cb1c267 -> ae1027a6acf0");
    QTest::newRow("brm 3cac:ae10") << "brm" << merge << "ae10" << toBranchPoint;
    QTest::newRow("brm 3cac:55af")
        << "brm" << merge << "55af"
        << "3cac04ae8714 -> 27c6a30d7c24, 4dc4e4b4c1b9; 4dc4e4b4c1b9 -> 55af2cb1c267";
    QTest::newRow("brm 3cac:base")
        << "brm" << merge << "base"
        << toBranchPoint + QStringLiteral("; ae1027a6acf0 -> 1975ea83b712; 1975ea83b712 ->");
    QTest::newRow("brm 3cac:-1") << "brm" << merge << "-1"
                                 << "FAILED: Ambiguous walk";
    QTest::newRow("brm 3cac:27c6 (only the merge)") << "brm" << merge << "27c6a30d7c24"
                                                    << "3cac04ae8714 -> 27c6a30d7c24, 4dc4e4b4c1b9";

    // §9, consequences verified online (several current heads).
    QTest::newRow("br two heads to 27c6-1") << "br"
                                            << "27c6a30d7c24,4dc4e4b4c1b9"
                                            << "27c6-1"
                                            << "27c6a30d7c24 -> ae1027a6acf0; 4dc4e4b4c1b9 -> "
                                               "55af2cb1c267; 55af2cb1c267 -> ae1027a6acf0";
    QTest::newRow("br two heads -1 steps back the first") << "br"
                                                          << "27c6a30d7c24,4dc4e4b4c1b9"
                                                          << "-1"
                                                          << "27c6a30d7c24 -> ae1027a6acf0";
    QTest::newRow("ml networking@-1") << "ml"
                                      << "27c6a30d7c24,109ec7d132bf"
                                      << "networking@-1"
                                      << "109ec7d132bf -> 3782d9986ced";
    QTest::newRow("ml networking@base") << "ml"
                                        << "27c6a30d7c24,3782d9986ced"
                                        << "networking@base"
                                        << "3782d9986ced ->";
    QTest::newRow("ml shoppingcart@base")
        << "ml"
        << "27c6a30d7c24,109ec7d132bf"
        << "shoppingcart@base"
        << "27c6a30d7c24 -> ae1027a6acf0; ae1027a6acf0 -> 1975ea83b712; 1975ea83b712 ->";
    QTest::newRow("ml base takes everything down")
        << "ml"
        << "27c6a30d7c24,109ec7d132bf"
        << "base"
        << "109ec7d132bf -> 3782d9986ced; 3782d9986ced ->; 27c6a30d7c24 -> ae1027a6acf0; "
           "ae1027a6acf0 -> 1975ea83b712; 1975ea83b712 ->";
    QTest::newRow("dep networking@base")
        << "dep"
        << "27c6a30d7c24"
        << "networking@base"
        << "27c6a30d7c24 -> ae1027a6acf0; 109ec7d132bf -> 3782d9986ced; 3782d9986ced ->";
}

void TestMigrationPlanner::downgradeOrder()
{
    QFETCH(QString, projectName);
    QFETCH(QString, current);
    QFETCH(QString, target);
    QFETCH(QString, expected);
    const RevisionMap map = project(projectName);
    QVERIFY2(map.isValid(), qPrintable(map.errorString()));
    const auto plan = MigrationPlanner(map).downgrade(ids(current), target);
    if (expected.startsWith(QLatin1String("FAILED: "))) {
        QVERIFY(!plan.ok());
        QCOMPARE(QStringLiteral("FAILED: ") + plan.errorString(), expected);
    } else {
        QVERIFY2(plan.ok(), qPrintable(plan.errorString()));
        QCOMPARE(shortSteps(plan.value()), expected);
        for (const MigrationStep &step : plan->steps)
            QVERIFY(step.isDowngrade() && !step.stamp);
    }
}

void TestMigrationPlanner::downgradeFromSeveralHeadsWarns()
{
    // revisions.md §4.7: `-N` steps back from the first row only, with a UserWarning.
    const RevisionMap map = project(QStringLiteral("br"));
    const MigrationPlanner planner(map);
    const QStringList twoHeads{QStringLiteral("27c6a30d7c24"), QStringLiteral("4dc4e4b4c1b9")};
    const auto plan = planner.downgrade(twoHeads, QStringLiteral("-1"));
    QVERIFY2(plan.ok(), qPrintable(plan.errorString()));
    QCOMPARE(plan->warnings,
             QStringList{
                 QStringLiteral("downgrade -1 from multiple heads is ambiguous; this usage will be "
                                "disallowed in a future release.")});
    const auto single = planner.downgrade({QStringLiteral("27c6a30d7c24")}, QStringLiteral("-1"));
    QVERIFY2(single.ok(), qPrintable(single.errorString()));
    QVERIFY(single->warnings.isEmpty());
    const auto absolute = planner.downgrade(twoHeads, QStringLiteral("ae10"));
    QVERIFY2(absolute.ok(), qPrintable(absolute.errorString()));
    QVERIFY(absolute->warnings.isEmpty());
}

void TestMigrationPlanner::offlineRangeErrors_data()
{
    QTest::addColumn<bool>("upgrade");
    QTest::addColumn<QString>("argument");
    QTest::addColumn<bool>("sql");
    QTest::addColumn<QString>("expected"); // "from|to" or "FAILED: ..." or "*"

    QTest::newRow("upgrade TO --sql") << true << "heads" << true << "|heads";
    QTest::newRow("upgrade FROM:TO --sql") << true << "1975:ae10" << true << "1975|ae10";
    QTest::newRow("upgrade online TO") << true << "heads" << false << "|heads";
    QTest::newRow("upgrade range without --sql")
        << true << "1975:ae10" << false << "FAILED: Range revision not allowed";
    QTest::newRow("downgrade range without --sql")
        << false << "ae10:1975" << false << "FAILED: Range revision not allowed";
    QTest::newRow("downgrade --sql without FROM")
        << false << "base" << true << "FAILED: downgrade with --sql requires <fromrev>:<torev>";
    QTest::newRow("downgrade FROM:TO --sql") << false << "heads:base" << true << "heads|base";
    QTest::newRow("two colons (alembic crashes)") << true << "a:b:c" << true << anyFailure;
}

void TestMigrationPlanner::offlineRangeErrors()
{
    QFETCH(bool, upgrade);
    QFETCH(QString, argument);
    QFETCH(bool, sql);
    QFETCH(QString, expected);
    const auto range = MigrationPlanner::parseRange(upgrade ? MigrationStep::Direction::Upgrade
                                                            : MigrationStep::Direction::Downgrade,
                                                    argument, sql);
    if (expected == anyFailure) {
        QVERIFY(!range.ok());
    } else if (expected.startsWith(QLatin1String("FAILED: "))) {
        QVERIFY(!range.ok());
        QCOMPARE(QStringLiteral("FAILED: ") + range.errorString(), expected);
    } else {
        QVERIFY2(range.ok(), qPrintable(range.errorString()));
        QCOMPARE(range->hasFrom, argument.contains(QLatin1Char(':')));
        QCOMPARE(range->from + QLatin1Char('|') + range->to, expected);
    }
}

void TestMigrationPlanner::offlineStartRevision_data()
{
    QTest::addColumn<QString>("projectName");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("expected");

    QTest::newRow("base") << "lin"
                          << "base"
                          << "";
    QTest::newRow("prefix") << "lin"
                            << "ae10"
                            << "ae1027a6acf0";
    QTest::newRow("head") << "lin"
                          << "head"
                          << "27c6a30d7c24";
    QTest::newRow("heads, one head") << "lin"
                                     << "heads"
                                     << "27c6a30d7c24";
    QTest::newRow("label@head") << "ml"
                                << "networking@head"
                                << "109ec7d132bf";
    QTest::newRow("heads, several heads") << "br"
                                          << "heads"
                                          << "FAILED: Multiple head revisions are present for "
                                             "given argument 'heads'; please specify a specific "
                                             "target revision, '<branchname>@heads' to narrow to a "
                                             "specific head, or 'heads' for all heads";
    QTest::newRow("unknown") << "lin"
                             << "zzzz"
                             << "FAILED: Can't locate revision identified by 'zzzz'";
    QTest::newRow("empty (alembic crashes)") << "lin"
                                             << "" << anyFailure;
}

void TestMigrationPlanner::offlineStartRevision()
{
    QFETCH(QString, projectName);
    QFETCH(QString, from);
    QFETCH(QString, expected);
    const RevisionMap map = project(projectName);
    const auto heads = MigrationPlanner(map).offlineStartHeads(from);
    if (expected == anyFailure) {
        QVERIFY(!heads.ok());
    } else if (expected.startsWith(QLatin1String("FAILED: "))) {
        QVERIFY(!heads.ok());
        QCOMPARE(QStringLiteral("FAILED: ") + heads.errorString(), expected);
    } else {
        QVERIFY2(heads.ok(), qPrintable(heads.errorString()));
        QCOMPARE(heads->join(QLatin1Char(',')), expected);
    }
}

void TestMigrationPlanner::stampPlans_data()
{
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("targets");
    QTest::addColumn<bool>("purge");
    QTest::addColumn<QString>("expected"); // "direction/branch from -> to" per step, "; "-joined

    // versioning.md §6, project brm: the verified online sequence, one row per command.
    QTest::newRow("stamp 27c6 4dc4 from empty")
        << ""
        << "27c6,4dc4" << false << "up/new  -> 27c6a30d7c24; up/new  -> 4dc4e4b4c1b9";
    QTest::newRow("stamp ae10 from two heads")
        << "27c6a30d7c24,4dc4e4b4c1b9"
        << "ae10" << false << "down 27c6a30d7c24, 4dc4e4b4c1b9 -> ae1027a6acf0";
    QTest::newRow("stamp 27c6 4dc4 from ae10")
        << "ae1027a6acf0"
        << "27c6,4dc4" << false
        << "up ae1027a6acf0 -> 27c6a30d7c24; up ae1027a6acf0 -> 4dc4e4b4c1b9";
    QTest::newRow("stamp 3cac from two heads")
        << "27c6a30d7c24,4dc4e4b4c1b9"
        << "3cac" << false << "up 27c6a30d7c24, 4dc4e4b4c1b9 -> 3cac04ae8714";
    QTest::newRow("stamp 27c6 4dc4 --purge")
        << "3cac04ae8714"
        << "27c6,4dc4" << true << "up/new  -> 27c6a30d7c24; up/new  -> 4dc4e4b4c1b9";
    QTest::newRow("stamp 55af leaves the unrelated head")
        << "27c6a30d7c24,4dc4e4b4c1b9"
        << "55af" << false << "down 4dc4e4b4c1b9 -> 55af2cb1c267";
    QTest::newRow("stamp heads") << "27c6a30d7c24,55af2cb1c267"
                                 << "heads" << false
                                 << "up 27c6a30d7c24, 55af2cb1c267 -> 3cac04ae8714";
    QTest::newRow("stamp base") << "27c6a30d7c24"
                                << "base" << false << "down/delete 27c6a30d7c24 -> ";
    QTest::newRow("stamp 1975 from the merge")
        << "3cac04ae8714"
        << "1975" << false << "down 3cac04ae8714 -> 1975ea83b712";
    QTest::newRow("stamp 27c6 55af from 1975")
        << "1975ea83b712"
        << "27c6,55af" << false
        << "up 1975ea83b712 -> 27c6a30d7c24; up 1975ea83b712 -> 55af2cb1c267";
    QTest::newRow("stamp the current head") << "27c6a30d7c24"
                                            << "27c6" << false << "";
    QTest::newRow("stamp base from empty") << ""
                                           << "base" << false << "";
}

void TestMigrationPlanner::stampPlans()
{
    QFETCH(QString, current);
    QFETCH(QString, targets);
    QFETCH(bool, purge);
    QFETCH(QString, expected);
    const RevisionMap map = project(QStringLiteral("brm"));
    const auto plan = MigrationPlanner(map).stamp(ids(current), ids(targets), purge);
    QVERIFY2(plan.ok(), qPrintable(plan.errorString()));
    QCOMPARE(plan->purge, purge);
    QStringList steps;
    for (const MigrationStep &step : plan->steps) {
        QVERIFY(step.stamp);
        QVERIFY(step.revision.isEmpty());
        QString kind = step.isUpgrade() ? QStringLiteral("up") : QStringLiteral("down");
        if (step.branchMove)
            kind += step.isUpgrade() ? QStringLiteral("/new") : QStringLiteral("/delete");
        QVERIFY(step.description().startsWith(QLatin1String("stamp_revision ")));
        steps.append(kind + QLatin1Char(' ') + step.description().mid(15));
    }
    QCOMPARE(steps.join(QLatin1String("; ")), expected);
}

void TestMigrationPlanner::offlineStampArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("purge");
    QTest::addColumn<QString>("expected"); // start heads | step descriptions, or FAILED

    QTest::newRow("no FROM") << QStringList{QStringLiteral("27c6")} << false
                             << "|stamp_revision  -> 27c6a30d7c24";
    QTest::newRow("FROM:TO") << QStringList{QStringLiteral("27c6:3cac")} << false
                             << "27c6a30d7c24|stamp_revision 27c6a30d7c24 -> 3cac04ae8714";
    QTest::newRow("FROM:base") << QStringList{QStringLiteral("27c6:base")} << false
                               << "27c6a30d7c24|stamp_revision 27c6a30d7c24 -> ";
    QTest::newRow("same FROM twice")
        << QStringList{QStringLiteral("1975:27c6"), QStringLiteral("1975:55af")} << false
        << "1975ea83b712|stamp_revision 1975ea83b712 -> 27c6a30d7c24; stamp_revision 1975ea83b712 "
           "-> 55af2cb1c267";
    QTest::newRow("different FROMs")
        << QStringList{QStringLiteral("27c6:3cac"), QStringLiteral("4dc4:3cac")} << false
        << "FAILED: Stamp operation with --sql only supports a single starting revision at a time";
    QTest::newRow("--purge") << QStringList{QStringLiteral("head")} << true
                             << "FAILED: Can't use --purge with --sql mode";
    QTest::newRow("head is the merge")
        << QStringList{QStringLiteral("head")} << false << "|stamp_revision  -> 3cac04ae8714";
}

void TestMigrationPlanner::offlineStampArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, purge);
    QFETCH(QString, expected);
    const RevisionMap map = project(QStringLiteral("brm"));
    const auto plan = MigrationPlanner(map).offlineStamp(arguments, purge);
    if (expected.startsWith(QLatin1String("FAILED: "))) {
        QVERIFY(!plan.ok());
        QCOMPARE(QStringLiteral("FAILED: ") + plan.errorString(), expected);
        return;
    }
    QVERIFY2(plan.ok(), qPrintable(plan.errorString()));
    QStringList steps;
    for (const MigrationStep &step : plan->steps)
        steps.append(step.description());
    QCOMPARE(plan->startHeads.join(QLatin1Char(',')) + QLatin1Char('|') +
                 steps.join(QLatin1String("; ")),
             expected);
}

QTEST_GUILESS_MAIN(TestMigrationPlanner)
#include "tst_migrationplanner.moc"
