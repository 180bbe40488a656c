// SPDX-License-Identifier: GPL-3.0-or-later
// LiveSchemaReader against real databases: tables created with raw SQL that use every
// feature the reader reports, and the canonical text it must produce. SQLite always;
// PostgreSQL and MariaDB on the throw-away servers (tests/servers).
#include "db/databaseconnector.h"
#include "db/databaseurl.h"
#include "inspect/liveschemareader.h"
#include "testservers.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace Retort;

namespace {

// Runs each statement; the first failure is returned as text ("" = all ran).
QString execute(const QSqlDatabase &db, const QStringList &statements)
{
    for (const QString &sql : statements) {
        QSqlQuery query(db);
        if (!query.exec(sql))
            return sql + QStringLiteral(": ") + query.lastError().text();
    }
    return QString();
}

QStringList lines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestLiveSchemaReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sqliteReportsEveryFeature();
    void sqliteSkipsTheVersionTable();
    void sqliteOrderIsDeterministic();
    void closedConnectionIsAnError();
    void postgresqlReportsEveryFeature();
    void mariadbReportsEveryFeature();
};

void TestLiveSchemaReader::sqliteReportsEveryFeature()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Result<DatabaseConnection> connection = DatabaseConnector::open(DatabaseUrl::sqliteFile(dir.filePath(QStringLiteral("t.db"))));
    QVERIFY2(connection, qPrintable(connection.error()));
    const QSqlDatabase db = connection->database();
    const QString failed = execute(db, {
        QStringLiteral("CREATE TABLE orgs (\n\tid INTEGER NOT NULL, \n\tname VARCHAR(50) NOT NULL, \n"
                       "\tCONSTRAINT pk_orgs PRIMARY KEY (id), \n\tCONSTRAINT uq_orgs_name UNIQUE (name)\n)"),
        QStringLiteral("CREATE TABLE \"users\" (\n"
                       "\tid INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, \n"
                       "\torg_id INTEGER, \n"
                       "\temail VARCHAR (255) NOT NULL, \n"
                       "\tstatus VARCHAR(10) DEFAULT 'new' CONSTRAINT ck_status CHECK (status IN ('new', 'old')), \n"
                       "\tscore NUMERIC(12, 2) DEFAULT '0', \n"
                       "\tactive BOOLEAN DEFAULT (true) NOT NULL, \n"
                       "\tcreated_at DATETIME DEFAULT CURRENT_TIMESTAMP, \n"
                       "\t\"Display Name\" TEXT, \n"
                       "\tCONSTRAINT fk_users_org FOREIGN KEY(org_id) REFERENCES orgs (id) ON DELETE CASCADE, \n"
                       "\tUNIQUE (email), \n"
                       "\tCHECK (score >= 0), \n"
                       "\tCONSTRAINT ck_users_email CHECK (length(email)  >  3)\n)"),
        QStringLiteral("CREATE INDEX ix_users_org ON users (org_id)"),
        QStringLiteral("CREATE UNIQUE INDEX ix_users_lower_email ON users (lower(email), \"Display Name\" DESC)"),
        QStringLiteral("CREATE INDEX ix_users_active ON users (created_at) WHERE active = 1"),
    });
    QVERIFY2(failed.isEmpty(), qPrintable(failed));

    const Result<CanonicalSchema> schema = LiveSchemaReader(db).read();
    QVERIFY2(schema, qPrintable(schema.error()));
    QCOMPARE(schema->dialect(), QStringLiteral("sqlite"));
    const QStringList expected = {
        QStringLiteral("table orgs"),
        QStringLiteral("column orgs.id position=1 type=INTEGER nullable=no default=\"\" autoincrement=\"\""),
        QStringLiteral("column orgs.name position=2 type=VARCHAR(50) nullable=no default=\"\" autoincrement=\"\""),
        QStringLiteral("primary_key orgs name=pk_orgs columns=(id)"),
        QStringLiteral("unique orgs.(name) name=uq_orgs_name"),
        QStringLiteral("table users"),
        QStringLiteral("column users.id position=1 type=INTEGER nullable=no default=\"\" autoincrement=yes"),
        QStringLiteral("column users.org_id position=2 type=INTEGER nullable=yes default=\"\" autoincrement=\"\""),
        QStringLiteral("column users.email position=3 type=VARCHAR(255) nullable=no default=\"\" autoincrement=\"\""),
        QStringLiteral("column users.status position=4 type=VARCHAR(10) nullable=yes default=\"'new'\" autoincrement=\"\""),
        QStringLiteral("column users.score position=5 type=NUMERIC(12,2) nullable=yes default=0 autoincrement=\"\""),
        QStringLiteral("column users.active position=6 type=BOOLEAN nullable=no default=true autoincrement=\"\""),
        QStringLiteral("column users.created_at position=7 type=DATETIME nullable=yes default=CURRENT_TIMESTAMP autoincrement=\"\""),
        QStringLiteral("column \"users.Display Name\" position=8 type=TEXT nullable=yes default=\"\" autoincrement=\"\""),
        QStringLiteral("primary_key users name=\"\" columns=(id)"),
        QStringLiteral("unique users.(email) name=\"\""),
        QStringLiteral("foreign_key users.(org_id)->orgs(id) name=fk_users_org ondelete=CASCADE onupdate=\"\""),
        QStringLiteral("check \"users.#score >= 0\" expression=\"score >= 0\""),
        QStringLiteral("check users.ck_status expression=\"status IN('new','old')\""),
        QStringLiteral("check users.ck_users_email expression=\"length(email) > 3\""),
        QStringLiteral("index users.ix_users_active columns=created_at unique=no where=\"active = 1\""),
        QStringLiteral("index users.ix_users_lower_email columns=\"lower(email),Display Name DESC\" unique=yes where=\"\""),
        QStringLiteral("index users.ix_users_org columns=org_id unique=no where=\"\""),
    };
    QCOMPARE(lines(schema->toText()), expected);
}

void TestLiveSchemaReader::sqliteSkipsTheVersionTable()
{
    QTemporaryDir dir;
    const Result<DatabaseConnection> connection = DatabaseConnector::open(DatabaseUrl::sqliteFile(dir.filePath(QStringLiteral("t.db"))));
    QVERIFY2(connection, qPrintable(connection.error()));
    const QString failed = execute(connection->database(), {
        QStringLiteral("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                       "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"),
        QStringLiteral("CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY)"),
    });
    QVERIFY2(failed.isEmpty(), qPrintable(failed));
    LiveSchemaReader reader(connection->database());
    QCOMPARE(reader.read()->tableNames(), (QStringList{QStringLiteral("alembic_version"), QStringLiteral("t")}));
    reader.setSkippedTables({QStringLiteral("alembic_version")});
    QCOMPARE(reader.read()->tableNames(), QStringList{QStringLiteral("t")});
}

void TestLiveSchemaReader::sqliteOrderIsDeterministic()
{
    // The same schema created in another order reads back as the same text.
    QTemporaryDir dir;
    const QStringList tables = {
        QStringLiteral("CREATE TABLE b (id INTEGER NOT NULL PRIMARY KEY, x INTEGER)"),
        QStringLiteral("CREATE TABLE a (id INTEGER NOT NULL PRIMARY KEY, y INTEGER)"),
        QStringLiteral("CREATE INDEX ix_b_x ON b (x)"),
        QStringLiteral("CREATE INDEX ix_a_y ON a (y)"),
    };
    QStringList reversed = tables;
    std::reverse(reversed.begin(), reversed.end());
    std::swap(reversed[0], reversed[2]);
    std::swap(reversed[1], reversed[3]);
    QString texts[2];
    for (int i = 0; i < 2; ++i) {
        const Result<DatabaseConnection> connection =
            DatabaseConnector::open(DatabaseUrl::sqliteFile(dir.filePath(QStringLiteral("t%1.db").arg(i))));
        QVERIFY2(connection, qPrintable(connection.error()));
        const QString failed = execute(connection->database(), i == 0 ? tables : reversed);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        texts[i] = LiveSchemaReader(connection->database()).read()->toText();
    }
    QVERIFY(texts[0].startsWith(QLatin1String("table a\n")));
    QCOMPARE(texts[1], texts[0]);
}

void TestLiveSchemaReader::closedConnectionIsAnError()
{
    const Result<CanonicalSchema> schema = LiveSchemaReader(QSqlDatabase()).read();
    QVERIFY(!schema);
    QVERIFY2(schema.error().contains(QLatin1String("not open")), qPrintable(schema.error()));
}

void TestLiveSchemaReader::postgresqlReportsEveryFeature()
{
    const QString url = TestServers::postgresqlUrl();
    RETORT_REQUIRE_SERVER(url);
    const Result<DatabaseConnection> connection = DatabaseConnector::open(url);
    QVERIFY2(connection, qPrintable(connection.error()));
    const QSqlDatabase db = connection->database();
    const QString schemaName = TestServers::scratchName();
    const QString s = schemaName + QLatin1Char('.');
    const QString failed = execute(db, {
        QStringLiteral("CREATE SCHEMA ") + schemaName,
        QStringLiteral("CREATE TYPE ") + s + QStringLiteral("mood AS ENUM ('sad', 'it''s ok', 'happy')"),
        QStringLiteral("CREATE TABLE ") + s + QStringLiteral("orgs (id SERIAL NOT NULL, name VARCHAR(50) NOT NULL, "
                                                             "PRIMARY KEY (id), UNIQUE (name))"),
        QStringLiteral("CREATE TABLE ") + s + QStringLiteral(
            "users (id INTEGER GENERATED BY DEFAULT AS IDENTITY, org_id INTEGER, "
            "email VARCHAR(255) NOT NULL, feeling ") + s + QStringLiteral("mood DEFAULT 'happy', "
            "score NUMERIC(12, 2) DEFAULT '0', active BOOLEAN DEFAULT true NOT NULL, "
            "created_at TIMESTAMP WITH TIME ZONE DEFAULT now(), seen TIMESTAMP WITHOUT TIME ZONE, "
            "label VARCHAR(20) DEFAULT 'x', tags TEXT[], data JSONB, "
            "CONSTRAINT pk_users PRIMARY KEY (id), "
            "CONSTRAINT fk_users_org FOREIGN KEY (org_id) REFERENCES ") + s + QStringLiteral("orgs (id) ON DELETE SET NULL ON UPDATE CASCADE, "
            "CONSTRAINT uq_users_email UNIQUE (email), "
            "CONSTRAINT ck_users_score CHECK (score >= 0))"),
        QStringLiteral("COMMENT ON TABLE ") + s + QStringLiteral("users IS 'people'"),
        QStringLiteral("COMMENT ON COLUMN ") + s + QStringLiteral("users.email IS 'where to write'"),
        QStringLiteral("CREATE INDEX ix_users_active ON ") + s + QStringLiteral("users (created_at DESC) WHERE active"),
        QStringLiteral("CREATE UNIQUE INDEX ix_users_lower ON ") + s + QStringLiteral("users (lower(email))"),
        QStringLiteral("CREATE INDEX ix_users_data ON ") + s + QStringLiteral("users USING gin (data)"),
        QStringLiteral("CREATE TABLE ") + s + QStringLiteral("alembic_version (version_num VARCHAR(32) NOT NULL)"),
    });
    const auto dropSchema = qScopeGuard([&] { execute(db, {QStringLiteral("DROP SCHEMA ") + schemaName + QStringLiteral(" CASCADE")}); });
    QVERIFY2(failed.isEmpty(), qPrintable(failed));

    LiveSchemaReader reader(db);
    reader.setSchema(schemaName);
    reader.setSkippedTables({QStringLiteral("alembic_version")});
    const Result<CanonicalSchema> schema = reader.read();
    QVERIFY2(schema, qPrintable(schema.error()));
    const QString moodType = schemaName + QStringLiteral(".mood");
    const QStringList expected = {
        QStringLiteral("enum mood values=\"'sad','it''s ok','happy'\""),
        QStringLiteral("table orgs comment=\"\""),
        QStringLiteral("column orgs.id position=1 type=integer nullable=no default=\"\" autoincrement=yes comment=\"\""),
        QStringLiteral("column orgs.name position=2 type=\"character varying(50)\" nullable=no default=\"\" autoincrement=\"\" comment=\"\""),
        QStringLiteral("primary_key orgs name=orgs_pkey columns=(id)"),
        QStringLiteral("unique orgs.(name) name=orgs_name_key"),
        QStringLiteral("table users comment=people"),
        QStringLiteral("column users.id position=1 type=integer nullable=no default=\"\" autoincrement=\"identity by default\" comment=\"\""),
        QStringLiteral("column users.org_id position=2 type=integer nullable=yes default=\"\" autoincrement=\"\" comment=\"\""),
        QStringLiteral("column users.email position=3 type=\"character varying(255)\" nullable=no default=\"\" autoincrement=\"\" comment=\"where to write\""),
        QStringLiteral("column users.feeling position=4 type=%1 nullable=yes default=\"'happy'\" autoincrement=\"\" comment=\"\"").arg(moodType),
        QStringLiteral("column users.score position=5 type=numeric(12,2) nullable=yes default=0 autoincrement=\"\" comment=\"\""),
        QStringLiteral("column users.active position=6 type=boolean nullable=no default=true autoincrement=\"\" comment=\"\""),
        QStringLiteral("column users.created_at position=7 type=\"timestamp with time zone\" nullable=yes default=now() autoincrement=\"\" comment=\"\""),
        QStringLiteral("column users.seen position=8 type=\"timestamp without time zone\" nullable=yes default=\"\" autoincrement=\"\" comment=\"\""),
        QStringLiteral("column users.label position=9 type=\"character varying(20)\" nullable=yes default=\"'x'\" autoincrement=\"\" comment=\"\""),
        QStringLiteral("column users.tags position=10 type=text[] nullable=yes default=\"\" autoincrement=\"\" comment=\"\""),
        QStringLiteral("column users.data position=11 type=jsonb nullable=yes default=\"\" autoincrement=\"\" comment=\"\""),
        QStringLiteral("primary_key users name=pk_users columns=(id)"),
        QStringLiteral("unique users.(email) name=uq_users_email"),
        QStringLiteral("foreign_key users.(org_id)->orgs(id) name=fk_users_org ondelete=\"SET NULL\" onupdate=CASCADE"),
        QStringLiteral("check users.ck_users_score expression=\"score >= 0::numeric\""),
        QStringLiteral("index users.ix_users_active columns=\"created_at DESC\" unique=no where=active using=btree"),
        QStringLiteral("index users.ix_users_data columns=data unique=no where=\"\" using=gin"),
        QStringLiteral("index users.ix_users_lower columns=lower(email::text) unique=yes where=\"\" using=btree"),
    };
    QCOMPARE(lines(schema->toText()), expected);
}

void TestLiveSchemaReader::mariadbReportsEveryFeature()
{
    const QString url = TestServers::mariadbUrl();
    RETORT_REQUIRE_SERVER(url);
    const Result<DatabaseConnection> connection = DatabaseConnector::open(url);
    QVERIFY2(connection, qPrintable(connection.error()));
    const QSqlDatabase db = connection->database();
    const QString database = TestServers::scratchName();
    const QString s = database + QLatin1Char('.');
    const QString failed = execute(db, {
        QStringLiteral("CREATE DATABASE ") + database,
        QStringLiteral("CREATE TABLE ") + s + QStringLiteral("orgs (id INTEGER NOT NULL AUTO_INCREMENT, "
                                                             "name VARCHAR(50) NOT NULL, PRIMARY KEY (id), UNIQUE (name)) "
                                                             "COMMENT 'organisations'"),
        QStringLiteral("CREATE TABLE ") + s + QStringLiteral(
            "users (id BIGINT NOT NULL, org_id INTEGER, email VARCHAR(255) NOT NULL COMMENT 'where to write', "
            "status ENUM('new','old') DEFAULT 'new', score NUMERIC(12, 2) DEFAULT '0', "
            "active BOOL NOT NULL DEFAULT true, created_at DATETIME DEFAULT CURRENT_TIMESTAMP, "
            "notes TEXT, data JSON, "
            "PRIMARY KEY (id), "
            "CONSTRAINT fk_users_org FOREIGN KEY (org_id) REFERENCES ") + s + QStringLiteral("orgs (id) ON DELETE CASCADE, "
            "CONSTRAINT uq_users_email UNIQUE (email), "
            "CONSTRAINT ck_users_score CHECK (score >= 0))"),
        QStringLiteral("CREATE INDEX ix_users_created ON ") + s + QStringLiteral("users (created_at, notes(20))"),
    });
    const auto dropDatabase = qScopeGuard([&] { execute(db, {QStringLiteral("DROP DATABASE ") + database}); });
    QVERIFY2(failed.isEmpty(), qPrintable(failed));

    LiveSchemaReader reader(db);
    reader.setSchema(database);
    const Result<CanonicalSchema> schema = reader.read();
    QVERIFY2(schema, qPrintable(schema.error()));
    const QStringList expected = {
        QStringLiteral("table orgs comment=organisations"),
        QStringLiteral("column orgs.id position=1 type=int nullable=no default=\"\" autoincrement=yes comment=\"\""),
        QStringLiteral("column orgs.name position=2 type=varchar(50) nullable=no default=\"\" autoincrement=\"\" comment=\"\""),
        QStringLiteral("primary_key orgs columns=(id)"),
        QStringLiteral("index orgs.name columns=name unique=yes using=btree"),
        QStringLiteral("table users comment=\"\""),
        QStringLiteral("column users.id position=1 type=bigint nullable=no default=\"\" autoincrement=\"\" comment=\"\""),
        QStringLiteral("column users.org_id position=2 type=int nullable=yes default=\"\" autoincrement=\"\" comment=\"\""),
        QStringLiteral("column users.email position=3 type=varchar(255) nullable=no default=\"\" autoincrement=\"\" comment=\"where to write\""),
        QStringLiteral("column users.status position=4 type=\"enum('new','old')\" nullable=yes default=\"'new'\" autoincrement=\"\" comment=\"\""),
        QStringLiteral("column users.score position=5 type=decimal(12,2) nullable=yes default=0 autoincrement=\"\" comment=\"\""),
        QStringLiteral("column users.active position=6 type=tinyint(1) nullable=no default=1 autoincrement=\"\" comment=\"\""),
        QStringLiteral("column users.created_at position=7 type=datetime nullable=yes default=CURRENT_TIMESTAMP autoincrement=\"\" comment=\"\""),
        QStringLiteral("column users.notes position=8 type=text nullable=yes default=\"\" autoincrement=\"\" comment=\"\""),
        QStringLiteral("column users.data position=9 type=longtext nullable=yes default=\"\" autoincrement=\"\" comment=\"\""),
        QStringLiteral("primary_key users columns=(id)"),
        QStringLiteral("foreign_key users.(org_id)->orgs(id) name=fk_users_org ondelete=CASCADE onupdate=\"\""),
        QStringLiteral("check users.ck_users_score expression=\"`score` >= 0\""),
        QStringLiteral("index users.fk_users_org columns=org_id unique=no using=btree"),
        QStringLiteral("index users.ix_users_created columns=created_at,notes(20) unique=no using=btree"),
        QStringLiteral("index users.uq_users_email columns=email unique=yes using=btree"),
    };
    QCOMPARE(lines(schema->toText()), expected);
}

QTEST_GUILESS_MAIN(TestLiveSchemaReader)
#include "tst_liveschemareader.moc"
