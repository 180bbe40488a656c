// SPDX-License-Identifier: GPL-3.0-or-later
// SqlPreview: the script of a migration or a range is byte for byte what
// `retort-cli upgrade/downgrade FROM:TO --sql` prints; failures carry file:line.
#include "commands/cliarguments.h"
#include "commands/commandcontext.h"
#include "preview/sqlpreview.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;

namespace {

const QString cliPath = QStringLiteral(RETORT_BINARY_DIR "/bin/retort-cli");
const QString demoPath = QStringLiteral(RETORT_SOURCE_DIR "/resources/demo");

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

struct CliRun
{
    int exitCode = -1;
    QString out;
};

CliRun runCli(const QStringList &arguments)
{
    QProcess process;
    process.setProgram(cliPath);
    process.setArguments(arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    CliRun run;
    if (!process.waitForFinished(30000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    return run;
}

// The preview says what retort-cli says: the script, or the reason it has none.
void compareWithCli(const SqlPreviewResult &result, const CliRun &cli)
{
    QVERIFY2(cli.exitCode != -1, "retort-cli did not run");
    if (cli.exitCode == 0) {
        QVERIFY2(result.ok, qPrintable(result.errorString));
        QCOMPARE(result.sql, cli.out);
    } else {
        QVERIFY(!result.ok);
        QCOMPARE(QStringLiteral("FAILED: ") + result.errorString + QLatin1Char('\n'), cli.out);
    }
}

RevisionMap loadMap(const QString &project)
{
    CliArguments arguments;
    arguments.project = project;
    const Result<CommandContext> context = CommandContext::load(arguments);
    return context ? context->map() : RevisionMap();
}

SqlDialect dialectNamed(const QString &name)
{
    return sqlDialectFromName(name).value_or(SqlDialect::Sqlite);
}

MigrationStep::Direction directionNamed(const QString &name)
{
    return name == QLatin1String("downgrade") ? MigrationStep::Direction::Downgrade
                                              : MigrationStep::Direction::Upgrade;
}

} // namespace

class TestSqlPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rangeMatchesTheCommandLine_data();
    void rangeMatchesTheCommandLine();
    void singleMigrationMatchesTheCommandLine_data();
    void singleMigrationMatchesTheCommandLine();
    void singleMigrationPlanRunsOnlyThatMigration();
    void risksComeWithTheMigrationAndLine();
    void unrenderableMigrationGivesFileAndLine();
    void unknownRevisionIsAnError();
    void badRangeGivesAlembicsMessage();
    void generationIsHandedBack();

private:
    RevisionMap m_demo;
};

void TestSqlPreview::initTestCase()
{
    QVERIFY2(QFileInfo::exists(cliPath), qPrintable(cliPath));
    m_demo = loadMap(demoPath);
    QVERIFY(m_demo.isValid());
    QCOMPARE(m_demo.size(), 12);
}

void TestSqlPreview::rangeMatchesTheCommandLine_data()
{
    QTest::addColumn<QString>("direction");
    QTest::addColumn<QString>("from"); // "" = base
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("dialect");

    for (const char *dialect : {"sqlite", "postgresql", "mysql"}) {
        const QString d = QString::fromLatin1(dialect);
        QTest::addRow("base to shop head, %s", dialect)
            << "upgrade" << "" << "ac7c02654fe7" << d;
        QTest::addRow("through the merge, %s", dialect)
            << "upgrade" << "69e8a4e93b9f" << "8d937c7f0087" << d;
        QTest::addRow("audit branch with its dependency, %s", dialect)
            << "upgrade" << "" << "d82ef0e653bb" << d;
        QTest::addRow("downgrade across the merge, %s", dialect)
            << "downgrade" << "ac7c02654fe7" << "69e8a4e93b9f" << d;
        QTest::addRow("downgrade to base, %s", dialect)
            << "downgrade" << "466dded3ff0f" << "base" << d;
    }
}

void TestSqlPreview::rangeMatchesTheCommandLine()
{
    QFETCH(QString, direction);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, dialect);

    const QString range = (from.isEmpty() ? QStringLiteral("base") : from) + QLatin1Char(':') + to;
    const CliRun cli = runCli({QStringLiteral("--project"), demoPath, direction, range,
                               QStringLiteral("--sql"), QStringLiteral("--dialect"), dialect});
    const SqlPreviewResult result = SqlPreview::render(SqlPreviewRequest::range(
        m_demo, from.isEmpty() ? QStringList() : QStringList{from}, to, directionNamed(direction),
        dialectNamed(dialect)));
    compareWithCli(result, cli);
    QVERIFY(!result.scriptRevisions().isEmpty());
}

void TestSqlPreview::singleMigrationMatchesTheCommandLine_data()
{
    QTest::addColumn<QString>("revision");
    QTest::addColumn<QString>("direction");
    QTest::addColumn<QString>("cliRange");
    QTest::addColumn<QString>("dialect");

    QTest::newRow("upgrade one, postgresql")
        << "c98ba20b48db" << "upgrade" << "69e8a4e93b9f:c98ba20b48db" << "postgresql";
    QTest::newRow("downgrade one, sqlite")
        << "c98ba20b48db" << "downgrade" << "c98ba20b48db:69e8a4e93b9f" << "sqlite";
    QTest::newRow("upgrade a base, mysql")
        << "88653130d564" << "upgrade" << "base:88653130d564" << "mysql";
    QTest::newRow("downgrade a base, postgresql")
        << "88653130d564" << "downgrade" << "88653130d564:base" << "postgresql";
    QTest::newRow("downgrade with a batch, sqlite")
        << "d82ef0e653bb" << "downgrade" << "d82ef0e653bb:35cdf5e0e560" << "sqlite";
}

void TestSqlPreview::singleMigrationMatchesTheCommandLine()
{
    QFETCH(QString, revision);
    QFETCH(QString, direction);
    QFETCH(QString, cliRange);
    QFETCH(QString, dialect);

    const CliRun cli = runCli({QStringLiteral("--project"), demoPath, direction, cliRange,
                               QStringLiteral("--sql"), QStringLiteral("--dialect"), dialect});
    const SqlPreviewResult result = SqlPreview::render(SqlPreviewRequest::migration(
        m_demo, revision, directionNamed(direction), dialectNamed(dialect)));
    compareWithCli(result, cli);
    QCOMPARE(result.scriptRevisions(), QStringList{revision});
}

void TestSqlPreview::singleMigrationPlanRunsOnlyThatMigration()
{
    // The merge point: both parents are assumed applied, one step runs.
    const MigrationPlan up =
        SqlPreview::singleMigrationPlan(m_demo, QStringLiteral("8d937c7f0087"),
                                        MigrationStep::Direction::Upgrade);
    QCOMPARE(up.steps.size(), 1);
    QCOMPARE(up.startHeads,
             (QStringList{QStringLiteral("4c5f2939fc95"), QStringLiteral("679e969ce03d")}));
    QCOMPARE(up.steps.first().description(),
             QStringLiteral("upgrade 4c5f2939fc95, 679e969ce03d -> 8d937c7f0087"));
    // A dependency not reached through the parent is a row of its own.
    const MigrationPlan dependent =
        SqlPreview::singleMigrationPlan(m_demo, QStringLiteral("35cdf5e0e560"),
                                        MigrationStep::Direction::Upgrade);
    QCOMPARE(dependent.startHeads,
             (QStringList{QStringLiteral("42468521ca40"), QStringLiteral("69e8a4e93b9f")}));
    const SqlPreviewResult result = SqlPreview::render(SqlPreviewRequest::migration(
        m_demo, QStringLiteral("8d937c7f0087"), MigrationStep::Direction::Upgrade,
        SqlDialect::PostgreSql));
    QVERIFY2(result.ok, qPrintable(result.errorString));
    QVERIFY(result.sql.contains(QLatin1String("-- Running upgrade 4c5f2939fc95, 679e969ce03d -> 8d937c7f0087")));
    QVERIFY(!result.sql.contains(QLatin1String("CREATE TABLE alembic_version")));
}

void TestSqlPreview::risksComeWithTheMigrationAndLine()
{
    // The audit retention downgrade drops a table and rebuilds audit_log on SQLite. Its
    // batch has no copy_from, so there is no offline SQL, but the risks are known.
    const SqlPreviewResult result = SqlPreview::render(SqlPreviewRequest::migration(
        m_demo, QStringLiteral("d82ef0e653bb"), MigrationStep::Direction::Downgrade,
        SqlDialect::Sqlite));
    QVERIFY(!result.ok);
    QVERIFY(result.errorString.contains(QLatin1String("copy_from")));
    QStringList kinds;
    for (const SqlRisk &risk : result.risks) {
        kinds << SqlRisk::kindName(risk.kind);
        QCOMPARE(risk.revision, QStringLiteral("d82ef0e653bb"));
        QCOMPARE(risk.direction, MigrationStep::Direction::Downgrade);
        QVERIFY(risk.file.endsWith(QLatin1String("d82ef0e653bb_add_audit_retention.py")));
        QVERIFY(risk.line >= 44);
    }
    QCOMPARE(kinds, (QStringList{QStringLiteral("drop-table"), QStringLiteral("table-rewrite"),
                                 QStringLiteral("drop-column")}));
    QCOMPARE(result.risks.last().line, 46);
}

void TestSqlPreview::unrenderableMigrationGivesFileAndLine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("versions/aaaa_x.py"));
    QVERIFY(writeFile(path, "from alembic import op\nimport sqlalchemy as sa\n"
                            "revision = 'aaaa'\ndown_revision = None\n\n\ndef upgrade():\n"
                            "    op.create_table('t', sa.Column('id', sa.Integer()))\n"
                            "    op.get_bind().execute(sa.text('SELECT 1'))\n\n\n"
                            "def downgrade():\n    pass\n"));
    const RevisionMap map = loadMap(dir.filePath(QStringLiteral("versions")));
    QVERIFY(map.isValid());
    const SqlPreviewResult result = SqlPreview::render(SqlPreviewRequest::migration(
        map, QStringLiteral("aaaa"), MigrationStep::Direction::Upgrade, SqlDialect::PostgreSql));
    QVERIFY(!result.ok);
    QVERIFY(result.sql.isEmpty());
    QVERIFY(!result.diagnostics.isEmpty());
    QCOMPARE(QFileInfo(result.diagnostics.first().file).fileName(), QStringLiteral("aaaa_x.py"));
    QCOMPARE(result.diagnostics.first().line, 9);
    QVERIFY2(result.errorString.contains(QLatin1String("aaaa_x.py:9:")), qPrintable(result.errorString));
}

void TestSqlPreview::unknownRevisionIsAnError()
{
    const SqlPreviewResult result = SqlPreview::render(SqlPreviewRequest::migration(
        m_demo, QStringLiteral("ffff"), MigrationStep::Direction::Upgrade, SqlDialect::Sqlite));
    QVERIFY(!result.ok);
    QCOMPARE(result.errorString, QStringLiteral("Can't locate revision identified by 'ffff'"));
}

void TestSqlPreview::badRangeGivesAlembicsMessage()
{
    const SqlPreviewResult result = SqlPreview::render(SqlPreviewRequest::range(
        m_demo, {}, QStringLiteral("nosuch"), MigrationStep::Direction::Upgrade, SqlDialect::Sqlite));
    QVERIFY(!result.ok);
    QVERIFY2(result.errorString.contains(QLatin1String("nosuch")), qPrintable(result.errorString));
    QVERIFY(result.plan.steps.isEmpty());
}

void TestSqlPreview::generationIsHandedBack()
{
    SqlPreviewRequest request = SqlPreviewRequest::migration(
        m_demo, QStringLiteral("88653130d564"), MigrationStep::Direction::Upgrade, SqlDialect::Sqlite);
    request.generation = 42;
    QCOMPARE(SqlPreview::render(request).generation, quint64(42));
}

QTEST_GUILESS_MAIN(TestSqlPreview)
#include "tst_sqlpreview.moc"
