// SPDX-License-Identifier: GPL-3.0-or-later
#include "learn/alembiccommand.h"
#include "learn/glossarywidget.h"
#include "learn/guidedtour.h"
#include "learn/learnpanel.h"
#include "projectloader.h"

#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

using namespace Retort;

namespace {

const QString demoProject = QStringLiteral(RETORT_SOURCE_DIR "/resources/demo");

} // namespace

class TestLearnPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void spellsTheAlembicCommand_data();
    void spellsTheAlembicCommand();
    void namesTheIniFileWhenItIsNotTheDefault();
    void showsNewestCommandFirst();
    void glossaryExplainsEveryMarkOfTheGraph();
    void tourWorksOnACopyOfTheDemo();
};

void TestLearnPanel::spellsTheAlembicCommand_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("expected");
    QTest::newRow("run upgrade") << "run-upgrade" << "alembic upgrade 1975ea83b712";
    QTest::newRow("run downgrade") << "run-downgrade" << "alembic downgrade 1975ea83b712";
    QTest::newRow("stamp") << "stamp" << "alembic stamp 1975ea83b712";
    QTest::newRow("range from one current") << "range-one" << "alembic upgrade ae1027a6acf:1975ea83b712 --sql";
    QTest::newRow("range from nothing") << "range-none" << "alembic upgrade base:1975ea83b712 --sql";
    QTest::newRow("range from two heads") << "range-two" << "alembic upgrade 1975ea83b712";
    QTest::newRow("migration upgrade") << "migration-up" << "alembic upgrade 88653130d564:466dded3ff0f --sql";
    QTest::newRow("migration downgrade") << "migration-down" << "alembic downgrade 466dded3ff0f:88653130d564 --sql";
    QTest::newRow("base migration") << "migration-base" << "alembic upgrade base:88653130d564 --sql";
    QTest::newRow("merge migration") << "migration-merge" << "alembic show 8d937c7f0087";
}

void TestLearnPanel::spellsTheAlembicCommand()
{
    QFETCH(QString, action);
    QFETCH(QString, expected);
    const LoadedProject demo = ProjectLoader::loadNow(demoProject);
    QVERIFY(demo.isOpen());
    const AlembicCommand command;
    const auto up = MigrationStep::Direction::Upgrade;
    const auto down = MigrationStep::Direction::Downgrade;
    const QString target = QStringLiteral("1975ea83b712");
    QString actual;
    if (action == QLatin1String("run-upgrade"))
        actual = command.run(up, target);
    else if (action == QLatin1String("run-downgrade"))
        actual = command.run(down, target);
    else if (action == QLatin1String("stamp"))
        actual = command.stamp(target);
    else if (action == QLatin1String("range-one"))
        actual = command.previewRange(up, {QStringLiteral("ae1027a6acf")}, target);
    else if (action == QLatin1String("range-none"))
        actual = command.previewRange(up, {}, target);
    else if (action == QLatin1String("range-two"))
        actual = command.previewRange(up, {QStringLiteral("a"), QStringLiteral("b")}, target);
    else if (action == QLatin1String("migration-up"))
        actual = command.previewMigration(demo.map, QStringLiteral("466dded3ff0f"), up);
    else if (action == QLatin1String("migration-down"))
        actual = command.previewMigration(demo.map, QStringLiteral("466dded3ff0f"), down);
    else if (action == QLatin1String("migration-base"))
        actual = command.previewMigration(demo.map, QStringLiteral("88653130d564"), up);
    else if (action == QLatin1String("migration-merge"))
        actual = command.previewMigration(demo.map, QStringLiteral("8d937c7f0087"), up);
    QCOMPARE(actual, expected);
}

void TestLearnPanel::namesTheIniFileWhenItIsNotTheDefault()
{
    QCOMPARE(AlembicCommand(QStringLiteral("alembic.ini")).heads(), QStringLiteral("alembic heads"));
    QCOMPARE(AlembicCommand(QStringLiteral("staging.ini")).current(), QStringLiteral("alembic -c staging.ini current"));
}

void TestLearnPanel::showsNewestCommandFirst()
{
    LearnPanel panel;
    panel.showCommand(QStringLiteral("alembic history"), QStringLiteral("List the revisions."));
    panel.showCommand(QStringLiteral("alembic upgrade ae10:1975 --sql"), QStringLiteral("Preview."));
    panel.showCommand(QStringLiteral("alembic upgrade ae10:1975 --sql"), QStringLiteral("Preview."));
    QCOMPARE(panel.commands(), (QStringList{QStringLiteral("alembic upgrade ae10:1975 --sql"),
                                            QStringLiteral("alembic history")}));
    QCOMPARE(panel.lastCommand(), QStringLiteral("alembic upgrade ae10:1975 --sql"));
    const auto *label = qobject_cast<QLabel *>(panel.commandList()->itemWidget(panel.commandList()->item(0)));
    QVERIFY(label);
    QVERIFY2(label->text().contains(QLatin1String("$ alembic upgrade ae10:1975 --sql")), qPrintable(label->text()));
    QVERIFY(label->text().contains(QLatin1String("Preview.")));
}

void TestLearnPanel::glossaryExplainsEveryMarkOfTheGraph()
{
    GlossaryWidget glossary;
    const QStringList expected = {QStringLiteral("head"),         QStringLiteral("base"),
                                  QStringLiteral("branch point"), QStringLiteral("merge point"),
                                  QStringLiteral("branch label"), QStringLiteral("depends_on"),
                                  QStringLiteral("current"),      QStringLiteral("stamp")};
    QCOMPARE(glossary.terms(), expected);
}

void TestLearnPanel::tourWorksOnACopyOfTheDemo()
{
    GuidedTour tour;
    QSignalSpy open(&tour, &GuidedTour::openProjectRequested);
    QSignalSpy steps(&tour, &GuidedTour::stepShown);
    QVERIFY2(tour.start(), qPrintable(tour.errorString()));
    QCOMPARE(open.size(), 1);
    const QString ini = open.constFirst().constFirst().toString();
    QVERIFY(QFile::exists(ini));
    QVERIFY(!ini.startsWith(QLatin1String(RETORT_SOURCE_DIR)));
    const LoadedProject copy = ProjectLoader::loadNow(ini);
    QVERIFY(copy.isOpen());
    QCOMPARE(copy.map.size(), 12);

    QCOMPARE(tour.currentStep(), 0);
    for (int i = 1; i < tour.stepCount(); ++i)
        tour.next();
    QCOMPARE(steps.size(), tour.stepCount());
    QCOMPARE(steps.at(2).at(1).toString(), QStringLiteral("editorDock"));
    tour.next();
    QVERIFY(!tour.isRunning());
    QVERIFY(!QFile::exists(ini));
}

QTEST_MAIN(TestLearnPanel)
#include "tst_learnpanel.moc"
