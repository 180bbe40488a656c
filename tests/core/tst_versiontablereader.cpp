// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/databaseconnector.h"
#include "db/versiontablereader.h"
#include "revision/revisionmap.h"

#include "testservers.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace Retort;

namespace {

bool exec(const DatabaseConnection &connection, const QString &sql)
{
    QSqlQuery query(connection.database());
    if (query.exec(sql))
        return true;
    qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
    return false;
}

QStringList plainSelect(const DatabaseConnection &connection, const QString &sql)
{
    QStringList rows;
    QSqlQuery query(connection.database());
    if (query.exec(sql)) {
        while (query.next())
            rows.append(query.value(0).toString());
    }
    return rows;
}

// A scratch database on a server (PostgreSQL: a schema inside `retort`; MariaDB: a database,
// which MySQL calls a schema too), dropped when the test ends.
class ScratchSchema
{
public:
    ScratchSchema(const DatabaseConnection &connection)
        : m_connection(connection)
        , m_name(TestServers::scratchName())
    {
        m_created = exec(m_connection, QStringLiteral("CREATE SCHEMA ") + m_name);
    }
    ~ScratchSchema()
    {
        if (m_created)
            exec(m_connection, m_connection.dialect() == SqlDialect::PostgreSql
                                   ? QStringLiteral("DROP SCHEMA %1 CASCADE").arg(m_name)
                                   : QStringLiteral("DROP DATABASE %1").arg(m_name));
    }
    bool created() const { return m_created; }
    QString name() const { return m_name; }

private:
    DatabaseConnection m_connection;
    QString m_name;
    bool m_created = false;
};

VersionTableSql::Table table(const QString &name, const QString &schema = QString())
{
    VersionTableSql::Table result;
    result.name = name;
    result.schema = schema;
    return result;
}

} // namespace

class TestVersionTableReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sqliteMissingTableIsNoRows();
    void sqliteReadsRowsInDatabaseOrder();
    void sqliteCustomTableAndSchema();
    void sqliteTempTableIsFound();
    void sqliteUnreadableTableIsAnError();
    void serverMissingTableAndRows_data();
    void serverMissingTableAndRows();
    void serverSchemaIsHonoured_data();
    void serverSchemaIsHonoured();
    void unknownRevisions();
    void invalidConnection();
};

void TestVersionTableReader::sqliteMissingTableIsNoRows()
{
    const Result<DatabaseConnection> connection = DatabaseConnector::open(QStringLiteral("sqlite://"));
    QVERIFY(connection.ok());
    const Result<bool> exists = VersionTableReader::exists(connection.value());
    QVERIFY2(exists.ok(), qPrintable(exists.error()));
    QVERIFY(!exists.value());
    const Result<QStringList> rows = VersionTableReader::read(connection.value());
    QVERIFY2(rows.ok(), qPrintable(rows.error()));
    QVERIFY(rows->isEmpty());
}

void TestVersionTableReader::sqliteReadsRowsInDatabaseOrder()
{
    const Result<DatabaseConnection> connection = DatabaseConnector::open(QStringLiteral("sqlite://"));
    QVERIFY(connection.ok());
    const VersionTableSql sql(VersionTableSql::Dialect::Sqlite);
    QVERIFY(exec(connection.value(), sql.createTable()));
    QVERIFY(exec(connection.value(), QStringLiteral("INSERT INTO alembic_version VALUES ('4dc4e4b4c1b9')")));
    QVERIFY(exec(connection.value(), QStringLiteral("INSERT INTO alembic_version VALUES ('27c6a30d7c24')")));
    const Result<QStringList> rows = VersionTableReader::read(connection.value());
    QVERIFY2(rows.ok(), qPrintable(rows.error()));
    // Whatever order the database gives to Alembic's own SELECT (no ORDER BY).
    QCOMPARE(rows.value(), plainSelect(connection.value(), sql.selectVersions()));
    QCOMPARE(QSet<QString>(rows->cbegin(), rows->cend()),
             (QSet<QString>{QStringLiteral("4dc4e4b4c1b9"), QStringLiteral("27c6a30d7c24")}));
}

void TestVersionTableReader::sqliteCustomTableAndSchema()
{
    const Result<DatabaseConnection> connection = DatabaseConnector::open(QStringLiteral("sqlite://"));
    QVERIFY(connection.ok());
    QVERIFY(exec(connection.value(), QStringLiteral("CREATE TABLE \"MyVersion\" (version_num VARCHAR(32) NOT NULL)")));
    QVERIFY(exec(connection.value(), QStringLiteral("INSERT INTO \"MyVersion\" VALUES ('1975ea83b712')")));
    QCOMPARE(VersionTableReader::read(connection.value(), table(QStringLiteral("MyVersion"))).value(),
             QStringList{QStringLiteral("1975ea83b712")});
    QCOMPARE(VersionTableReader::read(connection.value(), table(QStringLiteral("MyVersion"), QStringLiteral("main"))).value(),
             QStringList{QStringLiteral("1975ea83b712")});
    QVERIFY(VersionTableReader::read(connection.value()).value().isEmpty());
}

void TestVersionTableReader::sqliteTempTableIsFound()
{
    const Result<DatabaseConnection> connection = DatabaseConnector::open(QStringLiteral("sqlite://"));
    QVERIFY(connection.ok());
    QVERIFY(exec(connection.value(), QStringLiteral("CREATE TEMP TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")));
    QVERIFY(exec(connection.value(), QStringLiteral("INSERT INTO alembic_version VALUES ('ae1027a6acf0')")));
    QVERIFY(VersionTableReader::exists(connection.value()).value());
    QCOMPARE(VersionTableReader::read(connection.value()).value(), QStringList{QStringLiteral("ae1027a6acf0")});
}

void TestVersionTableReader::sqliteUnreadableTableIsAnError()
{
    const Result<DatabaseConnection> connection = DatabaseConnector::open(QStringLiteral("sqlite://"));
    QVERIFY(connection.ok());
    // A table of that name without the column Alembic reads.
    QVERIFY(exec(connection.value(), QStringLiteral("CREATE TABLE alembic_version (something INTEGER)")));
    const Result<QStringList> rows = VersionTableReader::read(connection.value());
    QVERIFY(!rows.ok());
    QVERIFY2(rows.error().contains(QLatin1String("alembic_version")), qPrintable(rows.error()));
    QVERIFY2(rows.error().contains(QLatin1String("sqlite://")), qPrintable(rows.error()));
}

void TestVersionTableReader::serverMissingTableAndRows_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("postgresql") << TestServers::postgresqlUrl();
    QTest::newRow("mariadb") << TestServers::mariadbUrl();
}

void TestVersionTableReader::serverMissingTableAndRows()
{
    QFETCH(QString, url);
    RETORT_REQUIRE_SERVER(url);
    const Result<DatabaseConnection> admin = DatabaseConnector::open(url);
    QVERIFY2(admin.ok(), qPrintable(admin.error()));
    const ScratchSchema schema(admin.value());
    QVERIFY(schema.created());
    const VersionTableSql::Table versions = table(QStringLiteral("alembic_version"), schema.name());
    // Missing: no rows, and on PostgreSQL the surrounding transaction stays usable.
    QVERIFY(admin->database().transaction());
    const Result<QStringList> none = VersionTableReader::read(admin.value(), versions);
    QVERIFY2(none.ok(), qPrintable(none.error()));
    QVERIFY(none->isEmpty());
    QVERIFY(exec(admin.value(), QStringLiteral("SELECT 1")));
    QVERIFY(admin->database().commit());

    const VersionTableSql sql(VersionTableReader::versionTableDialect(admin->dialect()), versions);
    QVERIFY(exec(admin.value(), sql.createTable()));
    QVERIFY(exec(admin.value(), QStringLiteral("INSERT INTO %1.alembic_version VALUES ('27c6a30d7c24')").arg(schema.name())));
    QVERIFY(exec(admin.value(), QStringLiteral("INSERT INTO %1.alembic_version VALUES ('4dc4e4b4c1b9')").arg(schema.name())));
    const Result<QStringList> rows = VersionTableReader::read(admin.value(), versions);
    QVERIFY2(rows.ok(), qPrintable(rows.error()));
    QCOMPARE(rows.value(), plainSelect(admin.value(), sql.selectVersions()));
    QCOMPARE(rows->size(), 2);
}

void TestVersionTableReader::serverSchemaIsHonoured_data()
{
    serverMissingTableAndRows_data();
}

void TestVersionTableReader::serverSchemaIsHonoured()
{
    QFETCH(QString, url);
    RETORT_REQUIRE_SERVER(url);
    const Result<DatabaseConnection> admin = DatabaseConnector::open(url);
    QVERIFY2(admin.ok(), qPrintable(admin.error()));
    const ScratchSchema schema(admin.value());
    QVERIFY(schema.created());
    QVERIFY(exec(admin.value(), QStringLiteral("CREATE TABLE %1.my_version (version_num VARCHAR(32) NOT NULL)").arg(schema.name())));
    QVERIFY(exec(admin.value(), QStringLiteral("INSERT INTO %1.my_version VALUES ('1975ea83b712')").arg(schema.name())));
    // In the schema: found. Unqualified: not found (not on the search path / not the current database).
    QCOMPARE(VersionTableReader::read(admin.value(), table(QStringLiteral("my_version"), schema.name())).value(),
             QStringList{QStringLiteral("1975ea83b712")});
    const Result<bool> unqualified = VersionTableReader::exists(admin.value(), table(QStringLiteral("my_version")));
    QVERIFY2(unqualified.ok(), qPrintable(unqualified.error()));
    QVERIFY(!unqualified.value());

    // Connected to that schema (MariaDB: as the database; PostgreSQL: on the search path),
    // the unqualified name is found.
    const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
    QVERIFY(parsed.ok());
    const DatabaseUrl inside = admin->dialect() == SqlDialect::MySql
                                   ? parsed->withDatabase(schema.name())
                                   : DatabaseUrl::parse(url + QStringLiteral("?options=-csearch_path%3D") + schema.name()).value();
    const Result<DatabaseConnection> connection = DatabaseConnector::open(inside);
    QVERIFY2(connection.ok(), qPrintable(connection.error()));
    QCOMPARE(VersionTableReader::read(connection.value(), table(QStringLiteral("my_version"))).value(),
             QStringList{QStringLiteral("1975ea83b712")});
}

void TestVersionTableReader::unknownRevisions()
{
    Revision base;
    base.id = QStringLiteral("1975ea83b712");
    Revision next;
    next.id = QStringLiteral("ae1027a6acf0");
    next.downRevisions = {base.id};
    const RevisionMap map({base, next});
    QVERIFY(map.isValid());
    QCOMPARE(VersionTableReader::firstUnknownRevision({next.id}, map), QString());
    QCOMPARE(VersionTableReader::firstUnknownRevision({}, map), QString());
    QCOMPARE(VersionTableReader::firstUnknownRevision({next.id, QStringLiteral("zzzzzzzz")}, map),
             QStringLiteral("zzzzzzzz"));
    const QString hint = VersionTableReader::unknownRevisionHint(QStringLiteral("zzzzzzzz"), table(QStringLiteral("v"), QStringLiteral("s")));
    QVERIFY2(hint.contains(QLatin1String("'zzzzzzzz'")), qPrintable(hint));
    QVERIFY2(hint.contains(QLatin1String("s.v")), qPrintable(hint));
    QVERIFY2(hint.contains(QLatin1String("stamp")), qPrintable(hint));
}

void TestVersionTableReader::invalidConnection()
{
    const Result<QStringList> rows = VersionTableReader::read(DatabaseConnection());
    QVERIFY(!rows.ok());
}

QTEST_GUILESS_MAIN(TestVersionTableReader)
#include "tst_versiontablereader.moc"
