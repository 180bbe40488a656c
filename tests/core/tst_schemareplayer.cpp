// SPDX-License-Identifier: GPL-3.0-or-later
// SchemaReplayer: small projects written into a temporary folder, replayed to several
// revisions and dialects; the tables, columns, types and indexes are checked, and the
// diagnostics for operations on tables and columns the history never created.
#include "commands/cliarguments.h"
#include "commands/commandcontext.h"
#include "schema/migrationmodulecache.h"
#include "schema/nativecheck.h"
#include "schema/schemareplayer.h"
#include "schema/schemawriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;

namespace {

QByteArray migration(const char *id, const QByteArray &down, const QByteArray &upgrade,
                     const QByteArray &downgrade = QByteArrayLiteral("    pass\n"))
{
    return QByteArray("from alembic import op\nimport sqlalchemy as sa\n\nrevision = '") + id +
           "'\ndown_revision = " + down + "\nbranch_labels = None\ndepends_on = None\n\n\n"
           "def upgrade():\n" + upgrade + "\n\ndef downgrade():\n" + downgrade;
}

// Lines 1-10 are the header above: upgrade()'s body starts on line 11.
const QList<QPair<QString, QByteArray>> &historyFiles()
{
    static const QList<QPair<QString, QByteArray>> files = {
        {QStringLiteral("a1_users.py"),
         migration("a1", "None",
                   "    op.create_table('users',\n"
                   "        sa.Column('id', sa.Integer(), primary_key=True),\n"
                   "        sa.Column('name', sa.String(50), nullable=False),\n"
                   "        sa.Column('email', sa.String(100), index=True))\n"
                   "    op.create_index(op.f('ix_users_name'), 'users', ['name'])\n",
                   "    op.drop_table('users')\n")},
        {QStringLiteral("b2_posts.py"),
         migration("b2", "'a1'",
                   "    op.add_column('users', sa.Column('age', sa.Integer()))\n"
                   "    op.alter_column('users', 'name', new_column_name='full_name', type_=sa.String(100))\n"
                   "    op.create_table('posts',\n"
                   "        sa.Column('id', sa.Integer(), primary_key=True),\n"
                   "        sa.Column('user_id', sa.Integer(), sa.ForeignKey('users.id')))\n"
                   "    if op.get_context().dialect.name == 'postgresql':\n"
                   "        op.add_column('posts', sa.Column('tags', sa.String(20)))\n"
                   "    else:\n"
                   "        op.add_column('posts', sa.Column('tags', sa.Text()))\n",
                   "    op.drop_table('posts')\n")},
        {QStringLiteral("c3_articles.py"),
         migration("c3", "'b2'",
                   "    with op.batch_alter_table('posts') as batch_op:\n"
                   "        batch_op.drop_column('tags')\n"
                   "        batch_op.create_unique_constraint('uq_posts_user_id', ['user_id'])\n"
                   "    op.drop_index(op.f('ix_users_name'), table_name='users')\n"
                   "    op.rename_table('posts', 'articles')\n")},
        {QStringLiteral("d4_tags.py"),
         migration("d4", "'a1'",
                   "    op.create_table('tags', sa.Column('id', sa.Integer(), primary_key=True))\n"
                   "    op.drop_index('ix_users_email', table_name='users')\n")},
        {QStringLiteral("m5_merge.py"),
         migration("m5", "('c3', 'd4')", "    op.drop_column('users', 'age')\n")},
    };
    return files;
}

const QList<QPair<QString, QByteArray>> &brokenFiles()
{
    static const QList<QPair<QString, QByteArray>> files = {
        {QStringLiteral("e1_base.py"),
         migration("e1", "None", "    op.create_table('t', sa.Column('id', sa.Integer(), primary_key=True))\n",
                   "    op.drop_table('nope')\n")},
        {QStringLiteral("e2_ghost.py"),
         migration("e2", "'e1'",
                   "    with op.batch_alter_table('ghost') as batch_op:\n"
                   "        batch_op.drop_column('x')\n"
                   "    op.alter_column('t', 'missing', nullable=True)\n"
                   "    op.execute(op.get_bind().execute('select 1'))\n")},
    };
    return files;
}

bool writeProject(const QString &dir, const QList<QPair<QString, QByteArray>> &files)
{
    for (const auto &[name, bytes] : files) {
        QFile file(dir + QLatin1Char('/') + name);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return false;
    }
    return true;
}

QString typeText(const TypeSpec &type)
{
    return type.length ? QStringLiteral("%1(%2)").arg(type.name).arg(*type.length) : type.name;
}

// "name:Type(n),other:Type" for a table's columns in order.
QString columnsText(const TableDef &table)
{
    QStringList parts;
    for (const ColumnDef &column : table.columns)
        parts << column.name + QLatin1Char(':') + typeText(column.type);
    return parts.join(QLatin1Char(','));
}

// Named indexes, with Column(index=True) ones as ix_<table>_<column>.
QStringList indexNames(const TableDef &table)
{
    QStringList names;
    for (const IndexDef &index : table.indexes)
        names << index.name.text();
    for (const ColumnDef &column : table.columns) {
        if (column.index.value_or(false))
            names << QStringLiteral("ix_%1_%2").arg(table.name, column.name);
    }
    names.sort();
    return names;
}

} // namespace

class TestSchemaReplayer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void replaysTheUpgradeOrder_data();
    void replaysTheUpgradeOrder();
    void foreignKeysFollowTheRenamedTable();
    void foreignKeysOfOtherTablesFollowARenamedTable();
    void replayAtSeveralBranchesAppliesEachRevisionOnce();
    void writesCreateStatementsSortedByName();
    void missingObjectsAreDiagnosed_data();
    void missingObjectsAreDiagnosed();
    void uninterpretableMigrationIsDiagnosed();
    void unknownTargetFails();
    void nativeCheckFindsTheDowngradeOfAMissingTable();
    void nativeCheckPassesACleanHistory();
    void nativeCheckReportsWhatTheRendererRefuses();

private:
    CommandContext load(const QString &dir);

    QTemporaryDir m_history;
    QTemporaryDir m_broken;
};

void TestSchemaReplayer::initTestCase()
{
    QVERIFY(m_history.isValid() && m_broken.isValid());
    QVERIFY(writeProject(m_history.path(), historyFiles()));
    QVERIFY(writeProject(m_broken.path(), brokenFiles()));
}

CommandContext TestSchemaReplayer::load(const QString &dir)
{
    CliArguments arguments;
    arguments.project = dir;
    const Result<CommandContext> context = CommandContext::load(arguments);
    if (!context)
        qFatal("cannot load %s: %s", qPrintable(dir), qPrintable(context.error()));
    return context.value();
}

void TestSchemaReplayer::replaysTheUpgradeOrder_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QStringList>("tables");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("columns");
    QTest::addColumn<QStringList>("indexes");

    const QStringList bothUsersIndexes = {QStringLiteral("ix_users_email"), QStringLiteral("ix_users_name")};
    QTest::newRow("base") << QStringLiteral("base") << QStringLiteral("sqlite") << QStringList() << QString()
                          << QString() << QStringList();
    QTest::newRow("create table with index=True and op.f index")
        << QStringLiteral("a1") << QStringLiteral("sqlite") << QStringList{QStringLiteral("users")}
        << QStringLiteral("users") << QStringLiteral("id:Integer,name:String(50),email:String(100)")
        << bothUsersIndexes;
    QTest::newRow("add, rename and retype columns")
        << QStringLiteral("b2") << QStringLiteral("sqlite")
        << QStringList{QStringLiteral("posts"), QStringLiteral("users")} << QStringLiteral("users")
        << QStringLiteral("id:Integer,full_name:String(100),email:String(100),age:Integer") << bothUsersIndexes;
    QTest::newRow("dialect branch sqlite")
        << QStringLiteral("b2") << QStringLiteral("sqlite")
        << QStringList{QStringLiteral("posts"), QStringLiteral("users")} << QStringLiteral("posts")
        << QStringLiteral("id:Integer,user_id:Integer,tags:Text") << QStringList();
    QTest::newRow("dialect branch postgresql")
        << QStringLiteral("b2") << QStringLiteral("postgresql")
        << QStringList{QStringLiteral("posts"), QStringLiteral("users")} << QStringLiteral("posts")
        << QStringLiteral("id:Integer,user_id:Integer,tags:String(20)") << QStringList();
    QTest::newRow("batch, drop_index, rename_table")
        << QStringLiteral("c3") << QStringLiteral("mysql")
        << QStringList{QStringLiteral("articles"), QStringLiteral("users")} << QStringLiteral("articles")
        << QStringLiteral("id:Integer,user_id:Integer") << QStringList();
    QTest::newRow("drop of a Column(index=True) index")
        << QStringLiteral("d4") << QStringLiteral("sqlite")
        << QStringList{QStringLiteral("tags"), QStringLiteral("users")} << QStringLiteral("users")
        << QStringLiteral("id:Integer,name:String(50),email:String(100)") << QStringList{QStringLiteral("ix_users_name")};
    QTest::newRow("merge of both branches")
        << QStringLiteral("heads") << QStringLiteral("sqlite")
        << QStringList{QStringLiteral("articles"), QStringLiteral("tags"), QStringLiteral("users")}
        << QStringLiteral("users") << QStringLiteral("id:Integer,full_name:String(100),email:String(100)")
        << QStringList();
}

void TestSchemaReplayer::replaysTheUpgradeOrder()
{
    QFETCH(QString, target);
    QFETCH(QString, dialect);
    QFETCH(QStringList, tables);
    QFETCH(QString, table);
    QFETCH(QString, columns);
    QFETCH(QStringList, indexes);

    const CommandContext context = load(m_history.path());
    MigrationModuleCache cache;
    const Result<SchemaReplay> replay = SchemaReplayer(context.map(), dialect, cache).replay(target);
    QVERIFY2(replay.ok(), qPrintable(replay.error()));
    QVERIFY2(replay->isComplete(), qPrintable(replay->diagnostics.value(0).toString()));
    QCOMPARE(replay->schema.tableNames(), tables);
    if (table.isEmpty())
        return;
    const TableDef *def = replay->schema.table(table);
    QVERIFY(def);
    QCOMPARE(columnsText(*def), columns);
    QCOMPARE(indexNames(*def), indexes);
}

void TestSchemaReplayer::foreignKeysFollowTheRenamedTable()
{
    const CommandContext context = load(m_history.path());
    MigrationModuleCache cache;
    const Result<SchemaReplay> replay = SchemaReplayer(context.map(), QStringLiteral("sqlite"), cache).replay(QStringLiteral("c3"));
    QVERIFY(replay.ok());
    const TableDef *articles = replay->schema.table(QStringLiteral("articles"));
    QVERIFY(articles);
    QCOMPARE(articles->constraints.size(), 1);
    const auto *unique = std::get_if<UniqueDef>(&articles->constraints.first());
    QVERIFY(unique);
    QCOMPARE(unique->name.text(), QStringLiteral("uq_posts_user_id"));
    QCOMPARE(articles->columns.at(1).foreignKeys.size(), 1);
    QCOMPARE(replay->revisions, (QStringList{QStringLiteral("a1"), QStringLiteral("b2"), QStringLiteral("c3")}));
}

// The databases point other tables' foreign keys at the new name (SQLite since 3.26).
void TestSchemaReplayer::foreignKeysOfOtherTablesFollowARenamedTable()
{
    QTemporaryDir dir;
    QVERIFY(writeProject(dir.path(),
                         {{QStringLiteral("a1.py"),
                           migration("a1", "None",
                                     "    op.create_table('users', sa.Column('id', sa.Integer(), primary_key=True))\n"
                                     "    op.create_table('posts',\n"
                                     "        sa.Column('id', sa.Integer(), primary_key=True),\n"
                                     "        sa.Column('user_id', sa.Integer(), sa.ForeignKey('users.id')),\n"
                                     "        sa.Column('editor_id', sa.Integer()),\n"
                                     "        sa.ForeignKeyConstraint(['editor_id'], ['users.id']))\n")},
                          {QStringLiteral("b2.py"),
                           migration("b2", "'a1'", "    op.rename_table('users', 'accounts')\n")}}));
    MigrationModuleCache cache;
    const CommandContext context = load(dir.path());
    const Result<SchemaReplay> replay =
        SchemaReplayer(context.map(), QStringLiteral("sqlite"), cache).replay(QStringLiteral("b2"));
    QVERIFY(replay.ok());
    QVERIFY(replay->isComplete());
    const TableDef *posts = replay->schema.table(QStringLiteral("posts"));
    QVERIFY(posts);
    QCOMPARE(posts->column(QStringLiteral("user_id"))->foreignKeys.first().referredTable, QStringLiteral("accounts"));
    const auto *constraint = std::get_if<ForeignKeyDef>(&posts->constraints.first());
    QVERIFY(constraint);
    QCOMPARE(constraint->referredTable, QStringLiteral("accounts"));
}

// A database at c3 and d4 (two rows) has both branches but not the merge m5.
void TestSchemaReplayer::replayAtSeveralBranchesAppliesEachRevisionOnce()
{
    const CommandContext context = load(m_history.path());
    MigrationModuleCache cache;
    const SchemaReplayer replayer(context.map(), QStringLiteral("sqlite"), cache);
    const Result<SchemaReplay> replay = replayer.replayAt({QStringLiteral("c3"), QStringLiteral("d4")});
    QVERIFY(replay.ok());
    QStringList revisions = replay->revisions;
    revisions.sort();
    QCOMPARE(revisions, (QStringList{QStringLiteral("a1"), QStringLiteral("b2"), QStringLiteral("c3"),
                                     QStringLiteral("d4")}));
    QVERIFY(replay->schema.contains(QStringLiteral("tags")));
    QVERIFY(replay->schema.contains(QStringLiteral("articles")));
    QVERIFY(replay->schema.table(QStringLiteral("users"))->column(QStringLiteral("age")));
    QVERIFY(replayer.replayAt({})->schema.isEmpty());
}

void TestSchemaReplayer::writesCreateStatementsSortedByName()
{
    const CommandContext context = load(m_history.path());
    MigrationModuleCache cache;
    const Result<SchemaReplay> replay = SchemaReplayer(context.map(), QStringLiteral("sqlite"), cache).replay(QStringLiteral("d4"));
    QVERIFY(replay.ok());
    const Result<QString> script = SchemaWriter::script(replay->schema, SqlDialect::Sqlite);
    QVERIFY2(script.ok(), qPrintable(script.error()));
    QCOMPARE(script.value(),
             QStringLiteral("CREATE TABLE tags (\n    id INTEGER NOT NULL, \n    PRIMARY KEY (id)\n);\n\n"
                            "CREATE TABLE users (\n    id INTEGER NOT NULL, \n    name VARCHAR(50) NOT NULL, \n"
                            "    email VARCHAR(100), \n    PRIMARY KEY (id)\n);\n\n"
                            "CREATE INDEX ix_users_name ON users (name);\n\n"));
}

void TestSchemaReplayer::missingObjectsAreDiagnosed_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("diagnostics");

    QTest::newRow("batch on a table never created, alter of a missing column")
        << QStringLiteral("e2")
        << QStringList{QStringLiteral("e2_ghost.py:11:10: table 'ghost' does not exist in the schema replayed up to "
                                      "this migration"),
                       QStringLiteral("e2_ghost.py:13:5: column 'missing' does not exist in table 't' in the schema "
                                      "replayed up to this migration")};
}

void TestSchemaReplayer::missingObjectsAreDiagnosed()
{
    QFETCH(QString, target);
    QFETCH(QStringList, diagnostics);

    QTemporaryDir dir;
    QVERIFY(writeProject(dir.path(), {brokenFiles().at(0),
                                      {QStringLiteral("e2_ghost.py"),
                                       migration("e2", "'e1'",
                                                 "    with op.batch_alter_table('ghost') as batch_op:\n"
                                                 "        batch_op.drop_column('x')\n"
                                                 "    op.alter_column('t', 'missing', nullable=True)\n")}}));
    const CommandContext context = load(dir.path());
    MigrationModuleCache cache;
    const Result<SchemaReplay> replay = SchemaReplayer(context.map(), QStringLiteral("sqlite"), cache).replay(target);
    QVERIFY(replay.ok());
    QStringList actual;
    for (Diagnostic d : replay->diagnostics) {
        d.file = QFileInfo(d.file).fileName();
        actual << d.toString();
    }
    QCOMPARE(actual, diagnostics);
    QVERIFY(replay->schema.contains(QStringLiteral("t")));
}

void TestSchemaReplayer::uninterpretableMigrationIsDiagnosed()
{
    const CommandContext context = load(m_broken.path());
    MigrationModuleCache cache;
    const Result<SchemaReplay> replay = SchemaReplayer(context.map(), QStringLiteral("sqlite"), cache).replay(QStringLiteral("heads"));
    QVERIFY(replay.ok());
    QVERIFY(!replay->isComplete());
    // No operation of a migration that is not interpretable is applied.
    QCOMPARE(replay->diagnostics.size(), 1);
    QCOMPARE(QFileInfo(replay->diagnostics.first().file).fileName(), QStringLiteral("e2_ghost.py"));
    QCOMPARE(replay->diagnostics.first().line, 14);
    QCOMPARE(replay->schema.tableNames(), QStringList{QStringLiteral("t")});
}

void TestSchemaReplayer::unknownTargetFails()
{
    const CommandContext context = load(m_history.path());
    MigrationModuleCache cache;
    const Result<SchemaReplay> replay = SchemaReplayer(context.map(), QStringLiteral("sqlite"), cache).replay(QStringLiteral("zz"));
    QVERIFY(!replay.ok());
    QCOMPARE(replay.error(), QStringLiteral("Can't locate revision identified by 'zz'"));
}

void TestSchemaReplayer::nativeCheckFindsTheDowngradeOfAMissingTable()
{
    const CommandContext context = load(m_broken.path());
    const Result<NativeCheckReport> report =
        NativeCheck(context.map()).check(QStringLiteral("base:e1"), {QStringLiteral("sqlite"), QStringLiteral("mysql")});
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QCOMPARE(report->revisions, QStringList{QStringLiteral("e1")});
    QCOMPARE(report->failing, QStringList{QStringLiteral("e1")});
    QCOMPARE(report->diagnostics.size(), 1);
    Diagnostic d = report->diagnostics.first();
    d.file = QFileInfo(d.file).fileName();
    QCOMPARE(d.toString(), QStringLiteral("e1_base.py:15:5: table 'nope' does not exist in the schema replayed up to "
                                          "this migration (downgrade: sqlite, mysql)"));
}

void TestSchemaReplayer::nativeCheckPassesACleanHistory()
{
    const CommandContext context = load(m_history.path());
    const Result<NativeCheckReport> report = NativeCheck(context.map())
                                                 .check(QStringLiteral("base:heads"),
                                                        {QStringLiteral("postgresql"), QStringLiteral("mysql")});
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QCOMPARE(report->revisions.size(), 5);
    QVERIFY2(report->allNative(), qPrintable(report->diagnostics.value(0).toString()));
}

void TestSchemaReplayer::nativeCheckReportsWhatTheRendererRefuses()
{
    // SQLite rebuilds the table for drop_column: offline that needs copy_from.
    const CommandContext context = load(m_history.path());
    const Result<NativeCheckReport> report = NativeCheck(context.map()).check(QStringLiteral("base:heads"));
    QVERIFY2(report.ok(), qPrintable(report.error()));
    QCOMPARE(report->failing, QStringList{QStringLiteral("c3")});
    QCOMPARE(report->diagnostics.size(), 1);
    const Diagnostic &d = report->diagnostics.first();
    QCOMPARE(QFileInfo(d.file).fileName(), QStringLiteral("c3_articles.py"));
    QCOMPARE(d.line, 11);
    QCOMPARE(d.column, 10);
    QVERIFY2(d.message.startsWith(QLatin1String("This operation cannot proceed in --sql mode; batch mode with dialect "
                                                "sqlite requires a live database connection")),
             qPrintable(d.message));
    QVERIFY2(d.message.endsWith(QLatin1String(" (upgrade: sqlite)")), qPrintable(d.message));
}

QTEST_GUILESS_MAIN(TestSchemaReplayer)
#include "tst_schemareplayer.moc"
