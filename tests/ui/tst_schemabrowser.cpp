// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectloader.h"
#include "schema/schemabrowser.h"
#include "schema/schemadiff.h"

#include <QAbstractItemModelTester>
#include <QStandardItemModel>
#include <QTest>

using namespace Retort;

namespace {

const QString demoProject = QStringLiteral(RETORT_SOURCE_DIR "/resources/demo");

QStringList tableNames(const QList<TableDescription> &tables)
{
    QStringList names;
    for (const TableDescription &table : tables)
        names << table.name;
    return names;
}

QStringList changeTexts(const QList<SchemaChange> &changes)
{
    QStringList texts;
    for (const SchemaChange &change : changes) {
        const char *sign = change.change == SchemaChange::Change::Added
                               ? "+"
                               : (change.change == SchemaChange::Change::Removed ? "-" : "~");
        texts << QLatin1String(sign) + change.table +
                     (change.isTable ? QString() : QLatin1Char('.') + change.object);
    }
    return texts;
}

} // namespace

class TestSchemaBrowser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsTheTablesAtARevision();
    void listsTheDifferenceBetweenTwoRevisions();
    void comparesDescribedSchemas();

private:
    LoadedProject m_demo;
};

void TestSchemaBrowser::initTestCase()
{
    m_demo = ProjectLoader::loadNow(demoProject);
    QVERIFY(m_demo.isOpen());
}

void TestSchemaBrowser::showsTheTablesAtARevision()
{
    SchemaBrowser browser;
    QAbstractItemModelTester tester(browser.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    browser.setProject(m_demo.map);
    browser.showRevision(QStringLiteral("466dded3ff0f"));
    QTRY_VERIFY_WITH_TIMEOUT(!browser.isBusy() && browser.snapshot().revision == QLatin1String("466dded3ff0f"), 30000);
    QVERIFY2(browser.snapshot().errorString.isEmpty(), qPrintable(browser.snapshot().errorString));
    QCOMPARE(tableNames(browser.snapshot().tables), (QStringList{QStringLiteral("products"), QStringLiteral("users")}));

    // The tree: one row per table, its columns below it.
    QStandardItemModel *model = browser.model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->item(1)->text(), QStringLiteral("users"));
    QStringList columns;
    for (int row = 0; row < model->item(1)->rowCount(); ++row)
        columns << model->item(1)->child(row)->text();
    QVERIFY2(columns.contains(QLatin1String("id")) && columns.contains(QLatin1String("email")),
             qPrintable(columns.join(QLatin1String(", "))));
}

void TestSchemaBrowser::listsTheDifferenceBetweenTwoRevisions()
{
    SchemaBrowser browser;
    QAbstractItemModelTester tester(browser.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    browser.setProject(m_demo.map);
    browser.showRevision(QStringLiteral("69e8a4e93b9f"));
    browser.compareWith(QStringLiteral("466dded3ff0f"));
    QTRY_VERIFY_WITH_TIMEOUT(!browser.isBusy() && browser.snapshot().compareWith == QLatin1String("466dded3ff0f"), 30000);
    QVERIFY2(browser.snapshot().errorString.isEmpty(), qPrintable(browser.snapshot().errorString));
    const QStringList changes = changeTexts(browser.snapshot().changes);
    QVERIFY2(changes.contains(QLatin1String("+orders")) && changes.contains(QLatin1String("+order_items")),
             qPrintable(changes.join(QLatin1String(", "))));
    QVERIFY(!changes.contains(QLatin1String("+users")));
    QVERIFY(browser.model()->rowCount() >= 2);
}

void TestSchemaBrowser::comparesDescribedSchemas()
{
    const TableDescription usersBefore{QStringLiteral("users"),
                                       {{SchemaObject::Kind::Column, QStringLiteral("id"), QStringLiteral("INTEGER NOT NULL")},
                                        {SchemaObject::Kind::Column, QStringLiteral("name"), QStringLiteral("VARCHAR(50)")},
                                        {SchemaObject::Kind::Column, QStringLiteral("age"), QStringLiteral("INTEGER")}},
                                       {}};
    const TableDescription usersAfter{QStringLiteral("users"),
                                      {{SchemaObject::Kind::Column, QStringLiteral("id"), QStringLiteral("INTEGER NOT NULL")},
                                       {SchemaObject::Kind::Column, QStringLiteral("name"), QStringLiteral("VARCHAR(100)")},
                                       {SchemaObject::Kind::Index, QStringLiteral("ix_users_name"), QStringLiteral("INDEX (name)")}},
                                      {}};
    const TableDescription logs{QStringLiteral("logs"), {}, {}};
    const TableDescription tags{QStringLiteral("tags"), {}, {}};
    const QList<SchemaChange> changes = SchemaDiff::compare({usersBefore, logs}, {tags, usersAfter});
    QCOMPARE(changeTexts(changes), (QStringList{QStringLiteral("-logs"), QStringLiteral("+tags"),
                                                QStringLiteral("~users.name"), QStringLiteral("+users.ix_users_name"),
                                                QStringLiteral("-users.age")}));
    QCOMPARE(changes.at(2).before, QStringLiteral("VARCHAR(50)"));
    QCOMPARE(changes.at(2).after, QStringLiteral("VARCHAR(100)"));
}

QTEST_MAIN(TestSchemaBrowser)
#include "tst_schemabrowser.moc"
