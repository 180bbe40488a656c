// SPDX-License-Identifier: GPL-3.0-or-later
#include "data/revisionmap/revisionprojects.h"
#include "revision/revisionmap.h"

#include <QTest>

using namespace Retort;

// Identifier resolution (shared/spec/revisions.md §4) on the spec's projects: what
// get_revisions returns and the command-line message of each failure. Expected values
// were checked against Alembic 1.13 (`alembic show X`).
class TestRevisionIdentifiers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void getRevisions_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("identifier");
        QTest::addColumn<QString>("expected"); // ids, "base"/"none" markers, or "!error"

        const QString multipleHead = QStringLiteral(
            "!Multiple head revisions are present for given argument 'head'; please specify a "
            "specific target revision, '<branchname>@head' to narrow to a specific head, or "
            "'heads' for all heads");
        QTest::newRow("full id") << "linear"
                                 << "ae1027a6acf0"
                                 << "ae1027a6acf0";
        QTest::newRow("prefix") << "linear"
                                << "ae10"
                                << "ae1027a6acf0";
        QTest::newRow("one character") << "linear"
                                       << "1"
                                       << "1975ea83b712";
        QTest::newRow("head") << "linear"
                              << "head"
                              << "27c6a30d7c24";
        QTest::newRow("heads") << "merged"
                               << "heads"
                               << "3cac04ae8714";
        QTest::newRow("base") << "linear"
                              << "base"
                              << "";
        QTest::newRow("empty") << "linear"
                               << ""
                               << "";
        QTest::newRow("-1") << "linear"
                            << "-1"
                            << "ae1027a6acf0";
        QTest::newRow("-3 below base") << "linear"
                                       << "-3"
                                       << "base";
        QTest::newRow("-4 too far") << "linear"
                                    << "-4"
                                    << "none";
        QTest::newRow("unknown") << "linear"
                                 << "zz"
                                 << "!Can't locate revision identified by 'zz'";
        QTest::newRow("relative not understood") << "linear"
                                                 << "head-1"
                                                 << "!Can't locate revision identified by 'head-1'";
        QTest::newRow("two in one argument") << "linear"
                                             << "1975 ae10"
                                             << "!Can't locate revision identified by '1975 ae10'";
        QTest::newRow("several heads") << "ml"
                                       << "head" << multipleHead;
        QTest::newRow("real heads") << "dep"
                                    << "heads"
                                    << "27c6a30d7c24";
        QTest::newRow("head counts versioned heads") << "dep"
                                                     << "head" << multipleHead;
        QTest::newRow("label") << "ml"
                               << "networking"
                               << "3782d9986ced";
        QTest::newRow("label prefix") << "ml"
                                      << "netw"
                                      << "3782d9986ced";
        QTest::newRow("label@head") << "ml"
                                    << "networking@head"
                                    << "109ec7d132bf";
        QTest::newRow("label@heads") << "ml"
                                     << "shoppingcart@heads"
                                     << "27c6a30d7c24";
        QTest::newRow("label@base") << "ml"
                                    << "networking@base"
                                    << "";
        QTest::newRow("rev@head") << "ml"
                                  << "3782@head"
                                  << "109ec7d132bf";
        QTest::newRow("label@rev") << "ml"
                                   << "shoppingcart@ae10"
                                   << "ae1027a6acf0";
        QTest::newRow("label@-1") << "ml"
                                  << "networking@-1"
                                  << "3782d9986ced";
        QTest::newRow("rev not on label") << "ml"
                                          << "networking@ae10"
                                          << "!Can't locate revision identified by 'ae10'";
        QTest::newRow("unknown label") << "ml"
                                       << "nosuch@head"
                                       << "!Can't locate revision identified by 'nosuch'";
        QTest::newRow("unknown label on rev") << "ml"
                                              << "nosuch@ae10"
                                              << "!Can't locate revision identified by 'nosuch'";
        QTest::newRow("label@head of a dependency") << "dep"
                                                    << "networking@head"
                                                    << "109ec7d132bf";
    }
    void getRevisions()
    {
        QFETCH(QString, project);
        QFETCH(QString, identifier);
        QFETCH(QString, expected);
        const RevisionMap map(RevisionProjects::project(project));
        QVERIFY2(map.isValid(), qPrintable(map.errorString()));
        const auto result = map.getRevisions(identifier);
        if (expected.startsWith(QLatin1Char('!'))) {
            QVERIFY(!result.ok());
            QCOMPARE(result.errorString(), expected.mid(1));
            return;
        }
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QStringList got;
        for (const RevisionRef &ref : *result)
            got.append(ref.isRevision() ? ref.id
                       : ref.isBase()   ? QStringLiteral("base")
                                        : QStringLiteral("none"));
        QCOMPARE(got.join(QLatin1Char(' ')), expected);
    }

    void ambiguousPrefixMessage()
    {
        QList<Revision> revisions = RevisionProjects::project(QStringLiteral("linear"));
        Revision extra;
        extra.id = QStringLiteral("1975eb000000");
        extra.downRevisions = {QStringLiteral("27c6a30d7c24")};
        revisions.prepend(extra);
        const RevisionMap map(revisions);
        const auto result = map.getRevisions(QStringLiteral("1975"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, RevisionError::Kind::Resolution);
        QCOMPARE(result.error().message,
                 QStringLiteral("Multiple revisions start with '1975': '1975eb000000', "
                                "'1975ea83b712'..."));
        QCOMPARE(result.errorString(),
                 QStringLiteral("Can't locate revision identified by '1975'"));
        const auto shortOne = map.getRevisions(QStringLiteral("zz"));
        QCOMPARE(shortOne.error().message,
                 QStringLiteral("No such revision or branch 'zz'; please ensure at least four "
                                "characters are present for partial revision identifier matches"));
    }

    void shortIdsOnlyExactly()
    {
        QList<Revision> revisions;
        Revision abc;
        abc.id = QStringLiteral("abc");
        Revision long1;
        long1.id = QStringLiteral("abcdef000000");
        long1.downRevisions = {QStringLiteral("abc")};
        long1.branchLabels = {QStringLiteral("abx_label")};
        revisions << abc << long1;
        const RevisionMap map(revisions);
        QCOMPARE(map.getRevision(QStringLiteral("abc"))->id, QStringLiteral("abc"));
        QCOMPARE(map.getRevisions(QStringLiteral("ab")).error().message,
                 QStringLiteral("Multiple revisions start with 'ab': 'abcdef000000', "
                                "'abx_label'..."));
    }

    void relativeSyntax_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("relative");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("symbol");
        QTest::addColumn<QString>("digits");
        QTest::newRow("+2") << "+2" << true << ""
                            << ""
                            << "+2";
        QTest::newRow("-1") << "-1" << true << ""
                            << ""
                            << "-1";
        QTest::newRow("head-1") << "head-1" << true << ""
                                << "head"
                                << "-1";
        QTest::newRow("ae10+2") << "ae10+2" << true << ""
                                << "ae10"
                                << "+2";
        QTest::newRow("label@+1") << "networking@+1" << true << "networking"
                                  << ""
                                  << "+1";
        QTest::newRow("label@head-1") << "networking@head-1" << true << "networking"
                                      << "head"
                                      << "-1";
        QTest::newRow("not anchored at the end") << "ae10+2x" << true << ""
                                                 << "ae10"
                                                 << "+2";
        QTest::newRow("absolute") << "ae10" << false << ""
                                  << ""
                                  << "";
        QTest::newRow("label@rev") << "networking@ae10" << false << ""
                                   << ""
                                   << "";
    }
    void relativeSyntax()
    {
        QFETCH(QString, text);
        QFETCH(bool, relative);
        const auto parsed = RelativeIdentifier::parse(text);
        QCOMPARE(parsed.has_value(), relative);
        if (!parsed)
            return;
        QTEST(parsed->branchLabel, "label");
        QTEST(parsed->symbol, "symbol");
        QTEST(parsed->relativeText, "digits");
    }

    void walks()
    {
        const RevisionMap merged(RevisionProjects::project(QStringLiteral("merged")));
        QCOMPARE(merged.walk(RevisionRef::none(), 2)->id, QStringLiteral("ae1027a6acf0"));
        QCOMPARE(merged.walk(RevisionRef::none(), 3).errorString(),
                 QStringLiteral("Ambiguous walk"));
        QVERIFY(merged.walk(QStringLiteral("3cac"), 1)->isNone());
        QCOMPARE(merged.walk(QStringLiteral("3cac"), 1, QString(), false)->id,
                 QStringLiteral("3cac04ae8714"));
        QVERIFY(merged.walk(QStringLiteral("1975"), -1)->isBase());
        const RevisionMap ml(RevisionProjects::project(QStringLiteral("ml")));
        QCOMPARE(ml.walk(RevisionRef::none(), 1, QStringLiteral("networking"))->id,
                 QStringLiteral("3782d9986ced"));
    }

    void upgradeTargets_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("expected");
        QTest::newRow("+1 from base") << "linear"
                                      << ""
                                      << "+1"
                                      << "1975ea83b712";
        QTest::newRow("+4 too far") << "linear"
                                    << ""
                                    << "+4"
                                    << "!Relative revision +4 didn't produce 4 migrations";
        QTest::newRow("+1 from two heads") << "branched"
                                           << "27c6a30d7c24 4dc4e4b4c1b9"
                                           << "+1"
                                           << "!Ambiguous upgrade from multiple current revisions";
        QTest::newRow("label@+1 from other branch") << "ml"
                                                    << "27c6a30d7c24"
                                                    << "networking@+1"
                                                    << "3782d9986ced";
        QTest::newRow("label@+1 on branch") << "ml"
                                            << "3782d9986ced 27c6a30d7c24"
                                            << "networking@+1"
                                            << "109ec7d132bf";
    }
    void upgradeTargets()
    {
        QFETCH(QString, project);
        QFETCH(QString, current);
        QFETCH(QString, target);
        QFETCH(QString, expected);
        const RevisionMap map(RevisionProjects::project(project));
        const auto result = map.parseUpgradeTarget(
            current.split(QLatin1Char(' '), Qt::SkipEmptyParts), target, true);
        if (expected.startsWith(QLatin1Char('!'))) {
            QCOMPARE(result.errorString(), expected.mid(1));
            return;
        }
        QVERIFY2(result.ok(), qPrintable(result.errorString()));
        QCOMPARE(result->size(), 1);
        QCOMPARE(result->first().id, expected);
    }

    void historyRangeErrors_data()
    {
        QTest::addColumn<QString>("project");
        QTest::addColumn<QString>("range");
        QTest::addColumn<QString>("error");
        QTest::newRow("no colon") << "linear"
                                  << "ae10"
                                  << "History range requires [start]:[end], [start]:, or :[end]";
        QTest::newRow("unrelated") << "merged"
                                   << "27c6:4dc4"
                                   << "Requested range 27c6:4dc4 does not refer to "
                                      "ancestor/descendant revisions along the same branch";
        QTest::newRow("reversed") << "merged"
                                  << "27c6:ae10"
                                  << "Requested range 27c6:ae10 does not refer to "
                                     "ancestor/descendant revisions along the same branch";
        QTest::newRow("head as start names heads")
            << "ml"
            << "head:"
            << "Multiple head revisions are present for given argument 'heads'; please specify a "
               "specific target revision, '<branchname>@heads' to narrow to a specific head, or "
               "'heads' for all heads";
        QTest::newRow("unknown") << "linear"
                                 << "zz:"
                                 << "Can't locate revision identified by 'zz'";
        QTest::newRow("relative start below a lone base reports the overlap first")
            << "lonebase"
            << "-2:"
            << "Requested revision aaa1 overlaps with other requested revisions aaa0";
    }
    void historyRangeErrors()
    {
        QFETCH(QString, project);
        QFETCH(QString, range);
        const RevisionMap map(RevisionProjects::project(project));
        const auto result = map.historyRange(range);
        QVERIFY(!result.ok());
        QTEST(result.errorString(), "error");
    }
};

QTEST_GUILESS_MAIN(TestRevisionIdentifiers)
#include "tst_revisionidentifiers.moc"
