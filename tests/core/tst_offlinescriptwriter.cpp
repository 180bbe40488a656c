// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/migrationsqlsource.h"
#include "commands/offlinescriptwriter.h"
#include "revision/migrationplanner.h"
#include "revision/revisionmap.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;

namespace {

using Dialect = VersionTableSql::Dialect;

RevisionMap mapOf(const QStringList &lines)
{
    QList<Revision> revisions;
    for (const QString &line : lines) {
        const QStringList parts = line.split(QLatin1Char(' '));
        Revision r;
        r.id = parts.at(0);
        if (parts.at(1) != QLatin1String("-"))
            r.downRevisions = parts.at(1).split(QLatin1Char(','));
        r.path = QStringLiteral("/p/versions/") + r.id + QStringLiteral("_x.py");
        revisions.append(r);
    }
    return RevisionMap(revisions);
}

// offline-sql.md §6: account table, two migrations.
RevisionMap accountProject()
{
    return mapOf({QStringLiteral("1975ea83b712 -"), QStringLiteral("ae1027a6acf0 1975ea83b712")});
}

// revisions.md §8: branched + merged.
RevisionMap mergedProject()
{
    return mapOf({QStringLiteral("1975ea83b712 -"), QStringLiteral("27c6a30d7c24 ae1027a6acf0"),
                  QStringLiteral("3cac04ae8714 27c6a30d7c24,4dc4e4b4c1b9"),
                  QStringLiteral("4dc4e4b4c1b9 55af2cb1c267"),
                  QStringLiteral("55af2cb1c267 ae1027a6acf0"),
                  QStringLiteral("ae1027a6acf0 1975ea83b712")});
}

// The bodies of the §6 migrations as SQLAlchemy compiles them (TABs, surrounding
// newlines): the writer must post-process them exactly like Alembic.
Result<QStringList> accountBodies(Dialect dialect, const MigrationStep &step)
{
    const bool pg = dialect == Dialect::Postgresql;
    const bool my = dialect == Dialect::Mysql;
    if (step.revision == QLatin1String("1975ea83b712") && step.isUpgrade()) {
        const QString id = pg   ? QStringLiteral("id SERIAL NOT NULL")
                           : my ? QStringLiteral("id INTEGER NOT NULL AUTO_INCREMENT")
                                : QStringLiteral("id INTEGER NOT NULL");
        return QStringList{
            QStringLiteral("\nCREATE TABLE account (\n\t") + id +
                QStringLiteral(", \n\tname VARCHAR(50) NOT NULL, \n\tdescription VARCHAR(200), "
                               "\n\tPRIMARY KEY (id)\n)\n\n"),
            QStringLiteral(
                "INSERT INTO account (id, name, description) VALUES (1, 'O''Reilly', 'first')"),
            QStringLiteral(
                "INSERT INTO account (id, name, description) VALUES (2, 'Smith', NULL)")};
    }
    if (step.revision == QLatin1String("1975ea83b712"))
        return QStringList{QStringLiteral("\nDROP TABLE account")};
    if (step.isUpgrade()) {
        return QStringList{
            QStringLiteral("ALTER TABLE account ADD COLUMN last_transaction_date ") +
                (pg ? QStringLiteral("TIMESTAMP WITHOUT TIME ZONE") : QStringLiteral("DATETIME")),
            QStringLiteral("CREATE INDEX ix_account_name ON account (name)"),
            QStringLiteral("UPDATE account SET description = 'n/a' WHERE description IS NULL")};
    }
    return QStringList{my ? QStringLiteral("DROP INDEX ix_account_name ON account")
                          : QStringLiteral("DROP INDEX ix_account_name"),
                       QStringLiteral("ALTER TABLE account DROP COLUMN last_transaction_date")};
}

const QString createVersionTable =
    QStringLiteral("CREATE TABLE alembic_version (\n    version_num VARCHAR(32) NOT NULL, \n"
                   "    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n);");

QString chunks(const QStringList &parts)
{
    QString out;
    for (const QString &part : parts)
        out += part + QLatin1String("\n\n");
    return out;
}

QString insertStatement(Dialect dialect, const QString &revision)
{
    const QString base = QStringLiteral("INSERT INTO alembic_version (version_num) VALUES ('") +
                         revision + QStringLiteral("')");
    if (dialect == Dialect::Postgresql)
        return base + QStringLiteral(" RETURNING alembic_version.version_num;");
    if (dialect == Dialect::Sqlite)
        return base + QStringLiteral(" RETURNING version_num;");
    return base + QLatin1Char(';');
}

QString updateStatement(const QString &from, const QString &to)
{
    return QStringLiteral("UPDATE alembic_version SET version_num='") + to +
           QStringLiteral("' WHERE alembic_version.version_num = '") + from + QStringLiteral("';");
}

QString deleteStatement(const QString &revision)
{
    return QStringLiteral("DELETE FROM alembic_version WHERE alembic_version.version_num = '") +
           revision + QStringLiteral("';");
}

// sqlplan.py's whitespace collapsing, for comparing with the oracle's recorded plans.
QString collapsed(const QString &statement)
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    static const QRegularExpression afterParen(QStringLiteral("\\(\\s+"));
    static const QRegularExpression beforeParen(QStringLiteral("\\s+\\)"));
    static const QRegularExpression beforeComma(QStringLiteral("\\s+,"));
    QString s = statement.trimmed();
    s.replace(spaces, QStringLiteral(" "));
    s.replace(afterParen, QStringLiteral("("));
    s.replace(beforeParen, QStringLiteral(")"));
    s.replace(beforeComma, QStringLiteral(","));
    return s;
}

// The plan part of an offline script in the oracle's notation (sqlplan.plan_lines):
// "step <log>" per step, "  <statement>" for each statement naming alembic_version.
QStringList planLines(const QString &script)
{
    QStringList out;
    for (const QString &chunk : script.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts)) {
        // sqlplan.py strips trailing whitespace ("downgrade x -> " ends in a space).
        if (chunk.startsWith(QLatin1String("-- Running ")))
            out.append(QStringLiteral("step ") + chunk.mid(11).trimmed());
        else if (chunk.contains(QLatin1String("alembic_version")))
            out.append(QStringLiteral("  ") + collapsed(chunk));
    }
    return out;
}

} // namespace

class TestOfflineScriptWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void alembicExamples_data();
    void alembicExamples();
    void branchesAndMerges();
    void noStepsFromBase();
    void stampScripts_data();
    void stampScripts();
    void hookFailureStopsTheScript();
    void versionTableSettings();
    void matchesRecordedAlembicPlans_data();
    void matchesRecordedAlembicPlans();
    void preparedBodiesMatchRenderingOnDemand_data();
    void preparedBodiesMatchRenderingOnDemand();
};

void TestOfflineScriptWriter::alembicExamples_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<bool>("upgrade");
    QTest::addColumn<QString>("argument");
    QTest::addColumn<bool>("perMigration");
    QTest::addColumn<QString>("expected");

    // offline-sql.md §6.1–6.3 as Alembic 1.13 / SQLAlchemy 2.0 print them.
    for (const Dialect dialect : {Dialect::Sqlite, Dialect::Postgresql, Dialect::Mysql}) {
        const bool pg = dialect == Dialect::Postgresql;
        const QString name = pg                          ? QStringLiteral("postgresql")
                             : dialect == Dialect::Mysql ? QStringLiteral("mysql")
                                                         : QStringLiteral("sqlite");
        Result<QStringList> up1 =
            accountBodies(dialect, MigrationStep{MigrationStep::Direction::Upgrade,
                                                 false,
                                                 false,
                                                 QStringLiteral("1975ea83b712"),
                                                 {},
                                                 {}});
        Result<QStringList> up2 =
            accountBodies(dialect, MigrationStep{MigrationStep::Direction::Upgrade,
                                                 false,
                                                 false,
                                                 QStringLiteral("ae1027a6acf0"),
                                                 {},
                                                 {}});
        Result<QStringList> down2 =
            accountBodies(dialect, MigrationStep{MigrationStep::Direction::Downgrade,
                                                 false,
                                                 false,
                                                 QStringLiteral("ae1027a6acf0"),
                                                 {},
                                                 {}});
        const auto processed = [](const QStringList &sql) {
            QStringList out;
            for (const QString &s : sql)
                out.append(QString(s).replace(QLatin1Char('\t'), QLatin1String("    ")).trimmed() +
                           QLatin1Char(';'));
            return out;
        };
        QStringList upgrade;
        upgrade << createVersionTable << QStringLiteral("-- Running upgrade  -> 1975ea83b712")
                << processed(up1.value())
                << insertStatement(dialect, QStringLiteral("1975ea83b712"))
                << QStringLiteral("-- Running upgrade 1975ea83b712 -> ae1027a6acf0")
                << processed(up2.value())
                << updateStatement(QStringLiteral("1975ea83b712"), QStringLiteral("ae1027a6acf0"));
        QStringList downgrade;
        downgrade << QStringLiteral("-- Running downgrade ae1027a6acf0 -> 1975ea83b712")
                  << processed(down2.value())
                  << updateStatement(QStringLiteral("ae1027a6acf0"), QStringLiteral("1975ea83b712"))
                  << QStringLiteral("-- Running downgrade 1975ea83b712 -> ")
                  << QStringLiteral("DROP TABLE account;")
                  << deleteStatement(QStringLiteral("1975ea83b712"))
                  << QStringLiteral("DROP TABLE alembic_version;");
        if (pg) {
            upgrade.prepend(QStringLiteral("BEGIN;"));
            upgrade.append(QStringLiteral("COMMIT;"));
            downgrade.prepend(QStringLiteral("BEGIN;"));
            downgrade.append(QStringLiteral("COMMIT;"));
        }
        QTest::addRow("%s upgrade head", qPrintable(name))
            << int(dialect) << true << "head" << false << chunks(upgrade);
        QTest::addRow("%s downgrade ae10:base", qPrintable(name))
            << int(dialect) << false << "ae1027a6acf0:base" << false << chunks(downgrade);
        if (pg) {
            QStringList range = upgrade.mid(
                upgrade.indexOf(QStringLiteral("-- Running upgrade 1975ea83b712 -> ae1027a6acf0")));
            range.prepend(QStringLiteral("BEGIN;"));
            QTest::newRow("postgresql upgrade 1975:ae10")
                << int(dialect) << true << "1975ea83b712:ae1027a6acf0" << false << chunks(range);
            QStringList perStep = upgrade;
            perStep.insert(
                perStep.indexOf(QStringLiteral("-- Running upgrade 1975ea83b712 -> ae1027a6acf0")),
                QStringLiteral("BEGIN;"));
            perStep.insert(perStep.indexOf(QStringLiteral("BEGIN;"), 1), QStringLiteral("COMMIT;"));
            QTest::newRow("postgresql upgrade head, transaction_per_migration")
                << int(dialect) << true << "head" << true << chunks(perStep);
        }
    }
}

void TestOfflineScriptWriter::alembicExamples()
{
    QFETCH(int, dialect);
    QFETCH(bool, upgrade);
    QFETCH(QString, argument);
    QFETCH(bool, perMigration);
    QFETCH(QString, expected);
    const RevisionMap map = accountProject();
    QVERIFY2(map.isValid(), qPrintable(map.errorString()));
    const auto plan = MigrationPlanner(map).offline(upgrade ? MigrationStep::Direction::Upgrade
                                                            : MigrationStep::Direction::Downgrade,
                                                    argument);
    QVERIFY2(plan.ok(), qPrintable(plan.errorString()));
    OfflineScriptWriter writer(map, VersionTableSql(Dialect(dialect)));
    writer.setTransactionPerMigration(perMigration);
    writer.setStepStatements(
        [dialect](const MigrationStep &step) { return accountBodies(Dialect(dialect), step); });
    const Result<QString> script = writer.write(plan.value());
    QVERIFY2(script.ok(), qPrintable(script.error()));
    QCOMPARE(script.value(), expected);
}

void TestOfflineScriptWriter::branchesAndMerges()
{
    // offline-sql.md §6.4 (SQLite, SQLAlchemy 2.0 RETURNING), bodies empty.
    const RevisionMap map = mergedProject();
    const auto plan =
        MigrationPlanner(map).offline(MigrationStep::Direction::Upgrade, QStringLiteral("heads"));
    QVERIFY2(plan.ok(), qPrintable(plan.errorString()));
    const Result<QString> script =
        OfflineScriptWriter(map, VersionTableSql(Dialect::Sqlite)).write(plan.value());
    QVERIFY2(script.ok(), qPrintable(script.error()));
    const QString expected = chunks({
        createVersionTable,
        QStringLiteral("-- Running upgrade  -> 1975ea83b712"),
        insertStatement(Dialect::Sqlite, QStringLiteral("1975ea83b712")),
        QStringLiteral("-- Running upgrade 1975ea83b712 -> ae1027a6acf0"),
        updateStatement(QStringLiteral("1975ea83b712"), QStringLiteral("ae1027a6acf0")),
        QStringLiteral("-- Running upgrade ae1027a6acf0 -> 55af2cb1c267"),
        updateStatement(QStringLiteral("ae1027a6acf0"), QStringLiteral("55af2cb1c267")),
        QStringLiteral("-- Running upgrade 55af2cb1c267 -> 4dc4e4b4c1b9"),
        updateStatement(QStringLiteral("55af2cb1c267"), QStringLiteral("4dc4e4b4c1b9")),
        QStringLiteral("-- Running upgrade ae1027a6acf0 -> 27c6a30d7c24"),
        insertStatement(Dialect::Sqlite, QStringLiteral("27c6a30d7c24")),
        QStringLiteral("-- Running upgrade 27c6a30d7c24, 4dc4e4b4c1b9 -> 3cac04ae8714"),
        deleteStatement(QStringLiteral("27c6a30d7c24")),
        updateStatement(QStringLiteral("4dc4e4b4c1b9"), QStringLiteral("3cac04ae8714")),
    });
    QCOMPARE(script.value(), expected);
}

void TestOfflineScriptWriter::noStepsFromBase()
{
    // oracle README §6: upgrade base:base prints only the DROP; a no-op range on
    // PostgreSQL only BEGIN/COMMIT (offline-sql.md §3).
    const RevisionMap map = accountProject();
    const MigrationPlanner planner(map);
    const auto empty =
        planner.offline(MigrationStep::Direction::Upgrade, QStringLiteral("base:base"));
    QVERIFY2(empty.ok(), qPrintable(empty.errorString()));
    QCOMPARE(OfflineScriptWriter(map, VersionTableSql(Dialect::Mysql)).write(empty.value()).value(),
             chunks({QStringLiteral("DROP TABLE alembic_version;")}));
    QCOMPARE(
        OfflineScriptWriter(map, VersionTableSql(Dialect::Postgresql)).write(empty.value()).value(),
        chunks({QStringLiteral("BEGIN;"), QStringLiteral("DROP TABLE alembic_version;"),
                QStringLiteral("COMMIT;")}));

    const auto same =
        planner.offline(MigrationStep::Direction::Upgrade, QStringLiteral("ae10:ae10"));
    QVERIFY2(same.ok(), qPrintable(same.errorString()));
    QCOMPARE(
        OfflineScriptWriter(map, VersionTableSql(Dialect::Postgresql)).write(same.value()).value(),
        chunks({QStringLiteral("BEGIN;"), QStringLiteral("COMMIT;")}));

    // Alembic >= 1.19 leaves the table alone.
    OfflineScriptWriter newer(map, VersionTableSql(Dialect::Sqlite));
    newer.setDropEmptyVersionTable(false);
    QCOMPARE(newer.write(empty.value()).value(), QString());
}

void TestOfflineScriptWriter::stampScripts_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");

    // versioning.md §6 offline stamps (brm, SQLite with SQLAlchemy 2.0, Alembic 1.13).
    QTest::newRow("stamp 27c6")
        << QStringList{QStringLiteral("27c6")}
        << chunks({createVersionTable, QStringLiteral("-- Running stamp_revision  -> 27c6a30d7c24"),
                   insertStatement(Dialect::Sqlite, QStringLiteral("27c6a30d7c24"))});
    QTest::newRow("stamp 27c6:3cac")
        << QStringList{QStringLiteral("27c6:3cac")}
        << chunks(
               {QStringLiteral("-- Running stamp_revision 27c6a30d7c24 -> 3cac04ae8714"),
                updateStatement(QStringLiteral("27c6a30d7c24"), QStringLiteral("3cac04ae8714"))});
    QTest::newRow("stamp 27c6:base")
        << QStringList{QStringLiteral("27c6:base")}
        << chunks({QStringLiteral("-- Running stamp_revision 27c6a30d7c24 -> "),
                   deleteStatement(QStringLiteral("27c6a30d7c24")),
                   QStringLiteral("DROP TABLE alembic_version;")});
    QTest::newRow("stamp base") << QStringList{QStringLiteral("base")}
                                << chunks({QStringLiteral("DROP TABLE alembic_version;")});
    QTest::newRow("stamp 1975:27c6 1975:55af")
        << QStringList{QStringLiteral("1975:27c6"), QStringLiteral("1975:55af")}
        << chunks({QStringLiteral("-- Running stamp_revision 1975ea83b712 -> 27c6a30d7c24"),
                   updateStatement(QStringLiteral("1975ea83b712"), QStringLiteral("27c6a30d7c24")),
                   QStringLiteral("-- Running stamp_revision 1975ea83b712 -> 55af2cb1c267"),
                   insertStatement(Dialect::Sqlite, QStringLiteral("55af2cb1c267"))});
    QTest::newRow("stamp 27c6 4dc4")
        << QStringList{QStringLiteral("27c6"), QStringLiteral("4dc4")}
        << chunks({createVersionTable, QStringLiteral("-- Running stamp_revision  -> 27c6a30d7c24"),
                   insertStatement(Dialect::Sqlite, QStringLiteral("27c6a30d7c24")),
                   QStringLiteral("-- Running stamp_revision  -> 4dc4e4b4c1b9"),
                   insertStatement(Dialect::Sqlite, QStringLiteral("4dc4e4b4c1b9"))});
    QTest::newRow("stamp heads")
        << QStringList{QStringLiteral("heads")}
        << chunks({createVersionTable, QStringLiteral("-- Running stamp_revision  -> 3cac04ae8714"),
                   insertStatement(Dialect::Sqlite, QStringLiteral("3cac04ae8714"))});
}

void TestOfflineScriptWriter::stampScripts()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const RevisionMap map = mergedProject();
    const auto plan = MigrationPlanner(map).offlineStamp(arguments);
    QVERIFY2(plan.ok(), qPrintable(plan.errorString()));
    OfflineScriptWriter writer(map, VersionTableSql(Dialect::Sqlite));
    bool hookCalled = false;
    writer.setStepStatements([&hookCalled](const MigrationStep &) {
        hookCalled = true;
        return Result<QStringList>(QStringList{QStringLiteral("SELECT 1")});
    });
    const Result<QString> script = writer.write(plan.value());
    QVERIFY2(script.ok(), qPrintable(script.error()));
    QCOMPARE(script.value(), expected);
    QVERIFY(!hookCalled); // stamps run no migration body
}

void TestOfflineScriptWriter::hookFailureStopsTheScript()
{
    const RevisionMap map = accountProject();
    const auto plan =
        MigrationPlanner(map).offline(MigrationStep::Direction::Upgrade, QStringLiteral("heads"));
    QVERIFY2(plan.ok(), qPrintable(plan.errorString()));
    OfflineScriptWriter writer(map, VersionTableSql(Dialect::Sqlite));
    writer.setStepStatements([](const MigrationStep &step) {
        if (step.revision == QLatin1String("ae1027a6acf0"))
            return Result<QStringList>::failure(
                QStringLiteral("This operation cannot proceed in --sql mode"));
        return Result<QStringList>(QStringList());
    });
    const Result<QString> script = writer.write(plan.value());
    QVERIFY(!script.ok());
    QCOMPARE(script.error(), QStringLiteral("This operation cannot proceed in --sql mode"));

    MigrationPlan purge = plan.value();
    purge.purge = true;
    QCOMPARE(OfflineScriptWriter(map, VersionTableSql(Dialect::Sqlite)).write(purge).error(),
             QStringLiteral("Can't use --purge with --sql mode"));
}

void TestOfflineScriptWriter::versionTableSettings()
{
    // versioning.md §2.1 and §3: schema, quoting, no primary key.
    VersionTableSql::Table custom;
    custom.name = QStringLiteral("my_version");
    custom.schema = QStringLiteral("myschema");
    const VersionTableSql pg(Dialect::Postgresql, custom);
    QCOMPARE(
        pg.createTable(),
        QStringLiteral("CREATE TABLE myschema.my_version (\n\tversion_num VARCHAR(32) NOT NULL, "
                       "\n\tCONSTRAINT my_version_pkc PRIMARY KEY (version_num)\n)"));
    QCOMPARE(pg.statement(VersionRowChange::insert(QStringLiteral("1975ea83b712"))),
             QStringLiteral("INSERT INTO myschema.my_version (version_num) VALUES ('1975ea83b712') "
                            "RETURNING myschema.my_version.version_num"));

    VersionTableSql::Table quoted;
    quoted.name = QStringLiteral("MyVersion");
    quoted.schema = QStringLiteral("Sch");
    QCOMPARE(VersionTableSql(Dialect::Postgresql, quoted)
                 .statement(VersionRowChange::insert(QStringLiteral("x"))),
             QStringLiteral("INSERT INTO \"Sch\".\"MyVersion\" (version_num) VALUES ('x') "
                            "RETURNING \"Sch\".\"MyVersion\".version_num"));
    QVERIFY(VersionTableSql(Dialect::Mysql, quoted)
                .createTable()
                .startsWith(QLatin1String("CREATE TABLE `Sch`.`MyVersion` (")));
    QVERIFY(VersionTableSql(Dialect::Mysql, quoted)
                .createTable()
                .contains(QLatin1String("CONSTRAINT `MyVersion_pkc`")));

    VersionTableSql::Table noKey;
    noKey.primaryKey = false;
    const VersionTableSql bare(Dialect::Postgresql, noKey);
    QCOMPARE(
        bare.createTable(),
        QStringLiteral("CREATE TABLE alembic_version (\n\tversion_num VARCHAR(32) NOT NULL\n)"));
    QCOMPARE(bare.statement(VersionRowChange::insert(QStringLiteral("x"))),
             QStringLiteral("INSERT INTO alembic_version (version_num) VALUES ('x')"));
    QCOMPARE(bare.statement(VersionRowChange::removeAll()),
             QStringLiteral("DELETE FROM alembic_version"));
    QCOMPARE(bare.selectVersions(),
             QStringLiteral("SELECT alembic_version.version_num \nFROM alembic_version"));

    QCOMPARE(VersionTableSql::dialectFromName(QStringLiteral("postgresql+psycopg2")),
             Dialect::Postgresql);
    QCOMPARE(VersionTableSql::dialectFromName(QStringLiteral("mariadb")), Dialect::Mysql);
    QCOMPARE(VersionTableSql::dialectFromName(QStringLiteral("oracle")), std::nullopt);
}

// Plans recorded from real Alembic 1.13 on generated projects (data/plans/*.json, made
// by data/plans/make_reference.py): every `-- Running` line and version-table statement.
void TestOfflineScriptWriter::matchesRecordedAlembicPlans_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("index");

    QStringList folders{QStringLiteral(RETORT_TESTS_SOURCE_DIR "/core/data/plans")};
    // Extra reference folders (e.g. freshly recorded seeds) can be checked without
    // copying them into the source tree.
    const QString extra = qEnvironmentVariable("RETORT_PLAN_REFERENCES");
    if (!extra.isEmpty())
        folders.append(extra);
    int files = 0;
    for (const QString &folder : std::as_const(folders)) {
        const QDir dir(folder);
        for (const QString &name :
             dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            QFile f(dir.filePath(name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QJsonArray cases = QJsonDocument::fromJson(f.readAll())
                                         .object()
                                         .value(QLatin1String("cases"))
                                         .toArray();
            QVERIFY(!cases.isEmpty());
            ++files;
            for (int i = 0; i < cases.size(); ++i) {
                const QJsonObject c = cases.at(i).toObject();
                QTest::addRow("%s %s %s", qPrintable(name),
                              qPrintable(c.value(QLatin1String("name")).toString()),
                              qPrintable(c.value(QLatin1String("args")).toArray().at(1).toString()))
                    << dir.filePath(name) << i;
            }
        }
    }
    QVERIFY(files > 0);
}

void TestOfflineScriptWriter::matchesRecordedAlembicPlans()
{
    QFETCH(QString, file);
    QFETCH(int, index);
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    QList<Revision> revisions;
    const auto toList = [](const QJsonValue &value) {
        QStringList out;
        for (const QJsonValue &v : value.toArray())
            out.append(v.toString());
        return out;
    };
    for (const QJsonValue &value : root.value(QLatin1String("revisions")).toArray()) {
        const QJsonObject o = value.toObject();
        Revision r;
        r.id = o.value(QLatin1String("id")).toString();
        r.downRevisions = toList(o.value(QLatin1String("down")));
        r.dependsOn = toList(o.value(QLatin1String("depends_on")));
        r.branchLabels = toList(o.value(QLatin1String("branch_labels")));
        r.path = QStringLiteral("/p/versions/") + r.id + QStringLiteral(".py");
        revisions.append(r);
    }
    const RevisionMap map(revisions);
    QVERIFY2(map.isValid(), qPrintable(map.errorString()));

    const QJsonObject c = root.value(QLatin1String("cases")).toArray().at(index).toObject();
    const QStringList args = toList(c.value(QLatin1String("args")));
    const auto direction = args.at(0) == QLatin1String("upgrade")
                               ? MigrationStep::Direction::Upgrade
                               : MigrationStep::Direction::Downgrade;
    const auto dialect =
        VersionTableSql::dialectFromName(args.at(args.indexOf(QStringLiteral("--dialect")) + 1));
    QVERIFY(dialect.has_value());

    const auto plan = MigrationPlanner(map).offline(direction, args.at(1));
    Result<QString> script = Result<QString>::failure(plan.ok() ? QString() : plan.errorString());
    if (plan.ok())
        script = OfflineScriptWriter(map, VersionTableSql(*dialect)).write(plan.value());

    if (c.value(QLatin1String("crash")).toBool()) {
        QVERIFY2(!script.ok(), "Alembic crashes here: Retort must fail cleanly");
    } else if (c.contains(QLatin1String("error"))) {
        QVERIFY2(!script.ok(), "Alembic fails here");
        QCOMPARE(script.error(), c.value(QLatin1String("error")).toString());
    } else {
        QVERIFY2(script.ok(), qPrintable(script.error()));
        QCOMPARE(planLines(script.value()), toList(c.value(QLatin1String("plan"))));
    }
}

QTEST_GUILESS_MAIN(TestOfflineScriptWriter)
void TestOfflineScriptWriter::preparedBodiesMatchRenderingOnDemand_data()
{
    QTest::addColumn<int>("direction");
    QTest::addColumn<QString>("range");
    QTest::addColumn<QString>("expectedFragment"); // in the script, or in the error

    const int up = int(MigrationStep::Direction::Upgrade);
    const int down = int(MigrationStep::Direction::Downgrade);
    QTest::newRow("upgrade renders every body in plan order")
        << up << QStringLiteral("base:r08") << QStringLiteral("CREATE TABLE t8");
    QTest::newRow("upgrade stops at the body that cannot be rendered")
        << up << QStringLiteral("base:heads") << QStringLiteral("r09.py:6:");
    QTest::newRow("downgrade renders every body in plan order")
        << down << QStringLiteral("r11:base") << QStringLiteral("DROP TABLE t0");
}

// MigrationSqlSource::prepare() renders a plan's steps on worker threads; the script
// (or the first failure) must be exactly what rendering step by step gives.
void TestOfflineScriptWriter::preparedBodiesMatchRenderingOnDemand()
{
    QFETCH(int, direction);
    QFETCH(QString, range);
    QFETCH(QString, expectedFragment);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QList<Revision> revisions;
    for (int i = 0; i < 12; ++i) {
        Revision r;
        r.id = QStringLiteral("r%1").arg(i, 2, 10, QLatin1Char('0'));
        if (i > 0)
            r.downRevisions = {QStringLiteral("r%1").arg(i - 1, 2, 10, QLatin1Char('0'))};
        r.path = dir.filePath(r.id + QStringLiteral(".py"));
        const QString body =
            i == 9 ? QStringLiteral("    op.get_bind().execute(sa.text('SELECT 1'))\n")
                   : QStringLiteral("    op.create_table('t%1', sa.Column('id', sa.Integer(), "
                                    "nullable=False))\n")
                         .arg(i);
        QFile file(r.path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("from alembic import op\nimport sqlalchemy as sa\n\n\n"
                                  "def upgrade():\n%1\n\ndef downgrade():\n"
                                  "    op.drop_table('t%2')\n")
                       .arg(body)
                       .arg(i)
                       .toUtf8());
        revisions.append(r);
    }
    const RevisionMap map(revisions);
    QVERIFY2(map.isValid(), qPrintable(map.errorString()));
    const auto plan = MigrationPlanner(map).offline(MigrationStep::Direction(direction), range);
    QVERIFY2(plan.ok(), qPrintable(plan.errorString()));

    const auto write = [&map, &plan](bool prepared) {
        const MigrationSqlSource bodies(map, SqlDialect::Sqlite);
        if (prepared)
            bodies.prepare(plan->steps);
        OfflineScriptWriter writer(map, VersionTableSql(Dialect::Sqlite));
        writer.setStepStatements(bodies.hook());
        return writer.write(plan.value());
    };
    const Result<QString> onDemand = write(false);
    const Result<QString> prepared = write(true);
    QCOMPARE(prepared.ok(), onDemand.ok());
    if (onDemand.ok()) {
        QVERIFY2(onDemand.value().contains(expectedFragment), qPrintable(onDemand.value()));
        QCOMPARE(prepared.value(), onDemand.value());
    } else {
        QVERIFY2(onDemand.error().contains(expectedFragment), qPrintable(onDemand.error()));
        QCOMPARE(prepared.error(), onDemand.error());
    }
}

#include "tst_offlinescriptwriter.moc"
