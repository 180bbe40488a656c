// SPDX-License-Identifier: GPL-3.0-or-later
// retort-cli inspect and check-drift (in-process, CliRunner) on the demo project: a
// database upgraded by Retort has no drift; an ALTER behind the migrations' back is
// reported; missing version tables and unknown revisions are clear errors. SQLite always,
// PostgreSQL and MariaDB on the throw-away servers.
#include "commands/clirunner.h"
#include "db/databaseconnector.h"
#include "db/databaseurl.h"
#include "testservers.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Retort;

namespace {

const QString demo = QStringLiteral(RETORT_SOURCE_DIR "/resources/demo");

QString execute(const QString &url, const QStringList &statements)
{
    const Result<DatabaseConnection> connection = DatabaseConnector::open(url);
    if (!connection)
        return connection.error();
    for (const QString &sql : statements) {
        QSqlQuery query(connection->database());
        if (!query.exec(sql))
            return sql + QStringLiteral(": ") + query.lastError().text();
    }
    return QString();
}

CommandOutput cli(const QString &url, const QStringList &arguments)
{
    return CliRunner::run(QStringList{QStringLiteral("--project"), demo, QStringLiteral("--url"), url} + arguments);
}

// A fresh, empty database of one dialect, dropped when the object goes away.
class ScratchDatabase
{
public:
    explicit ScratchDatabase(const QString &dialect)
    {
        if (dialect == QLatin1String("sqlite")) {
            m_url = QStringLiteral("sqlite:///") + m_dir.filePath(QStringLiteral("drift.db"));
            return;
        }
        m_server = dialect == QLatin1String("postgresql") ? TestServers::postgresqlUrl() : TestServers::mariadbUrl();
        if (m_server.isEmpty())
            return;
        m_name = TestServers::scratchName();
        m_error = execute(m_server, {QStringLiteral("CREATE DATABASE ") + m_name});
        if (m_error.isEmpty())
            m_url = DatabaseUrl::parse(m_server)->withDatabase(m_name).toString();
    }
    ~ScratchDatabase()
    {
        if (!m_name.isEmpty())
            execute(m_server, {QStringLiteral("DROP DATABASE ") + m_name});
    }
    QString url() const { return m_url; }
    QString server() const { return m_server; }
    QString error() const { return m_error; }

private:
    QTemporaryDir m_dir;
    QString m_server;
    QString m_name;
    QString m_url;
    QString m_error;
};

} // namespace

class TestCliCheckDrift : public QObject
{
    Q_OBJECT

    // The rows of the data-driven tests: every dialect (servers may be missing).
    static void dialects_data();

private Q_SLOTS:
    void upgradedDatabaseHasNoDrift_data() { dialects_data(); }
    void upgradedDatabaseHasNoDrift();
    void alterAfterUpgradeIsReported_data() { dialects_data(); }
    void alterAfterUpgradeIsReported();
    void inspectPrintsSchemaAndVersions();
    void inspectNeedsNoProject();
    void missingVersionTableIsAnError();
    void unknownRevisionSuggestsStamp();
    void baseDatabaseHasNoDrift();
    void renamedTableKeepsForeignKeysPointingAtIt();
};

void TestCliCheckDrift::dialects_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
    QTest::newRow("mariadb") << QStringLiteral("mysql");
}

void TestCliCheckDrift::upgradedDatabaseHasNoDrift()
{
    QFETCH(QString, dialect);
    ScratchDatabase db(dialect);
    if (dialect != QLatin1String("sqlite"))
        RETORT_REQUIRE_SERVER(db.server());
    QVERIFY2(db.error().isEmpty(), qPrintable(db.error()));
    const CommandOutput upgrade = cli(db.url(), {QStringLiteral("upgrade"), QStringLiteral("heads")});
    QVERIFY2(upgrade.succeeded(), qPrintable(upgrade.standardOutput + upgrade.standardError));
    const CommandOutput drift = cli(db.url(), {QStringLiteral("check-drift")});
    QVERIFY2(drift.exitCode == 0, qPrintable(drift.standardOutput + drift.standardError));
    QVERIFY2(drift.standardOutput.startsWith(QLatin1String("No drift: the database matches the migrations at ")),
             qPrintable(drift.standardOutput));
}

void TestCliCheckDrift::alterAfterUpgradeIsReported()
{
    QFETCH(QString, dialect);
    ScratchDatabase db(dialect);
    if (dialect != QLatin1String("sqlite"))
        RETORT_REQUIRE_SERVER(db.server());
    QVERIFY2(db.error().isEmpty(), qPrintable(db.error()));
    const CommandOutput upgrade = cli(db.url(), {QStringLiteral("upgrade"), QStringLiteral("heads")});
    QVERIFY2(upgrade.succeeded(), qPrintable(upgrade.standardOutput + upgrade.standardError));
    const QString dropIndex = dialect == QLatin1String("mysql") ? QStringLiteral("DROP INDEX ix_products_name ON products")
                                                                : QStringLiteral("DROP INDEX ix_products_name");
    const QString failed = execute(db.url(), {QStringLiteral("ALTER TABLE users ADD COLUMN nickname VARCHAR(20)"), dropIndex});
    QVERIFY2(failed.isEmpty(), qPrintable(failed));

    const CommandOutput drift = cli(db.url(), {QStringLiteral("check-drift")});
    QCOMPARE(drift.exitCode, 1);
    const QStringList lines = drift.standardOutput.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.value(0).startsWith(QLatin1String("Drift: the database differs from the migrations at ")) &&
                 lines.value(0).endsWith(QLatin1String("(2 differences):")),
             qPrintable(drift.standardOutput));
    QCOMPARE(lines.mid(1), (QStringList{
                               QStringLiteral("  index products.ix_products_name: only in the migrations, not in the database"),
                               QStringLiteral("  column users.nickname: only in the database, not in the migrations"),
                           }));
}

void TestCliCheckDrift::inspectPrintsSchemaAndVersions()
{
    ScratchDatabase db(QStringLiteral("sqlite"));
    QVERIFY(cli(db.url(), {QStringLiteral("upgrade"), QStringLiteral("heads")}).succeeded());
    const CommandOutput out = cli(db.url(), {QStringLiteral("inspect")});
    QVERIFY2(out.succeeded(), qPrintable(out.standardOutput));
    QVERIFY(out.standardOutput.contains(QLatin1String("\ntable users\n")));
    QVERIFY(out.standardOutput.contains(QLatin1String(
        "\ncolumn users.email position=2 type=VARCHAR(255) nullable=no default=\"\" autoincrement=\"\"\n")));
    QVERIFY(!out.standardOutput.contains(QLatin1String("alembic_version")));
    QVERIFY2(out.standardOutput.endsWith(QLatin1String("\nversion ac7c02654fe7\nversion d82ef0e653bb\n")),
             qPrintable(out.standardOutput.right(200)));
}

void TestCliCheckDrift::inspectNeedsNoProject()
{
    ScratchDatabase db(QStringLiteral("sqlite"));
    QVERIFY(execute(db.url(), {QStringLiteral("CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY)")}).isEmpty());
    const QString elsewhere = QDir::currentPath();
    QTemporaryDir empty;
    QDir::setCurrent(empty.path()); // no alembic.ini here
    const CommandOutput out = CliRunner::run({QStringLiteral("inspect"), QStringLiteral("--url"), db.url()});
    QDir::setCurrent(elsewhere);
    QVERIFY2(out.succeeded(), qPrintable(out.standardOutput));
    QCOMPARE(out.standardOutput,
             QStringLiteral("table t\n"
                            "column t.id position=1 type=INTEGER nullable=no default=\"\" autoincrement=\"\"\n"
                            "primary_key t name=\"\" columns=(id)\n"));
}

void TestCliCheckDrift::missingVersionTableIsAnError()
{
    ScratchDatabase db(QStringLiteral("sqlite"));
    QVERIFY(execute(db.url(), {QStringLiteral("CREATE TABLE t (id INTEGER)")}).isEmpty());
    const CommandOutput drift = cli(db.url(), {QStringLiteral("check-drift")});
    QCOMPARE(drift.exitCode, CommandOutput::failureExitCode);
    QVERIFY2(drift.standardOutput.startsWith(QLatin1String("FAILED: ")) &&
                 drift.standardOutput.contains(QLatin1String("has no version table (alembic_version)")) &&
                 drift.standardOutput.contains(QLatin1String("stamp REVISION")),
             qPrintable(drift.standardOutput));
}

void TestCliCheckDrift::unknownRevisionSuggestsStamp()
{
    ScratchDatabase db(QStringLiteral("sqlite"));
    QVERIFY(execute(db.url(), {QStringLiteral("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"),
                               QStringLiteral("INSERT INTO alembic_version VALUES ('deadbeef0000')")})
                .isEmpty());
    const CommandOutput drift = cli(db.url(), {QStringLiteral("check-drift")});
    QCOMPARE(drift.exitCode, CommandOutput::failureExitCode);
    QCOMPARE(drift.standardOutput, QStringLiteral("FAILED: Can't locate revision identified by 'deadbeef0000'\n"));
    QVERIFY2(drift.standardError.contains(QLatin1String("stamp")), qPrintable(drift.standardError));
}

void TestCliCheckDrift::baseDatabaseHasNoDrift()
{
    ScratchDatabase db(QStringLiteral("sqlite"));
    QVERIFY(cli(db.url(), {QStringLiteral("upgrade"), QStringLiteral("heads")}).succeeded());
    const CommandOutput down = cli(db.url(), {QStringLiteral("downgrade"), QStringLiteral("base")});
    QVERIFY2(down.succeeded(), qPrintable(down.standardOutput + down.standardError));
    const CommandOutput drift = cli(db.url(), {QStringLiteral("check-drift")});
    QCOMPARE(drift.standardOutput, QStringLiteral("No drift: the database matches the migrations at base.\n"));
    QCOMPARE(drift.exitCode, 0);
    // A table the migrations never made is drift even at base.
    QVERIFY(execute(db.url(), {QStringLiteral("CREATE TABLE stray (id INTEGER)")}).isEmpty());
    const CommandOutput stray = cli(db.url(), {QStringLiteral("check-drift")});
    QCOMPARE(stray.exitCode, 1);
    QVERIFY2(stray.standardOutput.contains(QLatin1String("  table stray: only in the database, not in the migrations\n")),
             qPrintable(stray.standardOutput));
}

void TestCliCheckDrift::renamedTableKeepsForeignKeysPointingAtIt()
{
    // The database retargets users.org_id's key from orgs to teams: no drift.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&](const QString &path, const QString &text) {
        QFile file(dir.filePath(path));
        return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) == text.toUtf8().size();
    };
    const QString header = QStringLiteral("from alembic import op\nimport sqlalchemy as sa\n"
                                          "branch_labels = None\ndepends_on = None\n");
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("migrations/versions")));
    QVERIFY(write(QStringLiteral("alembic.ini"), QStringLiteral("[alembic]\nscript_location = migrations\n")));
    QVERIFY(write(QStringLiteral("migrations/env.py"), QStringLiteral("# not run by Retort\n")));
    QVERIFY(write(QStringLiteral("migrations/versions/a1_create.py"),
                  header + QStringLiteral("revision = 'a1'\ndown_revision = None\n\n"
                                          "def upgrade():\n"
                                          "    op.create_table('orgs', sa.Column('id', sa.Integer(), nullable=False),\n"
                                          "                    sa.PrimaryKeyConstraint('id'))\n"
                                          "    op.create_table('users', sa.Column('id', sa.Integer(), nullable=False),\n"
                                          "                    sa.Column('org_id', sa.Integer(), sa.ForeignKey('orgs.id')),\n"
                                          "                    sa.PrimaryKeyConstraint('id'))\n\n"
                                          "def downgrade():\n    op.drop_table('users')\n    op.drop_table('orgs')\n")));
    QVERIFY(write(QStringLiteral("migrations/versions/b2_rename.py"),
                  header + QStringLiteral("revision = 'b2'\ndown_revision = 'a1'\n\n"
                                          "def upgrade():\n    op.rename_table('orgs', 'teams')\n\n"
                                          "def downgrade():\n    op.rename_table('teams', 'orgs')\n")));
    const QString url = QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("r.db"));
    const QStringList project = {QStringLiteral("--project"), dir.path(), QStringLiteral("--url"), url};
    const CommandOutput upgrade = CliRunner::run(project + QStringList{QStringLiteral("upgrade"), QStringLiteral("heads")});
    QVERIFY2(upgrade.succeeded(), qPrintable(upgrade.standardOutput + upgrade.standardError));
    const CommandOutput inspect = CliRunner::run(project + QStringList{QStringLiteral("inspect")});
    QVERIFY2(inspect.standardOutput.contains(QLatin1String("foreign_key users.(org_id)->teams(id) ")),
             qPrintable(inspect.standardOutput));
    const CommandOutput drift = CliRunner::run(project + QStringList{QStringLiteral("check-drift")});
    QCOMPARE(drift.standardOutput, QStringLiteral("No drift: the database matches the migrations at b2.\n"));
    QCOMPARE(drift.exitCode, 0);
}

QTEST_GUILESS_MAIN(TestCliCheckDrift)
#include "tst_clicheckdrift.moc"
