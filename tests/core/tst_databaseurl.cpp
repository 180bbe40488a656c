// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/databaseurl.h"

#include <QDir>
#include <QTest>

using namespace Retort;

// The expected parts are what SQLAlchemy 1.4.46 and 2.0.40 make_url() return for the same
// text (checked with both); the error rows are what create_engine() refuses.
class TestDatabaseUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitsLikeSqlAlchemy_data();
    void splitsLikeSqlAlchemy();
    void queryOptionsAreDecoded();
    void sqliteFiles_data();
    void sqliteFiles();
    void rejectsBadUrls_data();
    void rejectsBadUrls();
    void errorsNeverShowThePassword_data();
    void errorsNeverShowThePassword();
    void displayStringMasksPassword_data();
    void displayStringMasksPassword();
    void toStringKeepsPassword();
    void qtDriverPerDialect_data();
    void qtDriverPerDialect();
    void withDatabaseKeepsTheRest();
    void maskPasswordOfUnparsableText_data();
    void maskPasswordOfUnparsableText();
};

void TestDatabaseUrl::splitsLikeSqlAlchemy_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("driver");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");

    QTest::newRow("postgresql full") << "postgresql://scott:tiger@localhost:5432/mydb"
                                     << "postgresql" << "" << "scott" << "tiger" << "localhost" << 5432 << "mydb";
    QTest::newRow("postgresql+psycopg2") << "postgresql+psycopg2://scott:tiger@db.example.com/mydb"
                                         << "postgresql" << "psycopg2" << "scott" << "tiger"
                                         << "db.example.com" << -1 << "mydb";
    QTest::newRow("postgresql+psycopg") << "postgresql+psycopg://u@h/d"
                                        << "postgresql" << "psycopg" << "u" << "" << "h" << -1 << "d";
    QTest::newRow("postgresql+asyncpg") << "postgresql+asyncpg://u:p@h:6543/d"
                                        << "postgresql" << "asyncpg" << "u" << "p" << "h" << 6543 << "d";
    QTest::newRow("postgresql+pg8000") << "postgresql+pg8000://u:p@h/d"
                                       << "postgresql" << "pg8000" << "u" << "p" << "h" << -1 << "d";
    QTest::newRow("mysql+pymysql") << "mysql+pymysql://root:secret@127.0.0.1:3306/shop"
                                   << "mysql" << "pymysql" << "root" << "secret" << "127.0.0.1" << 3306 << "shop";
    QTest::newRow("mysql+mysqldb") << "mysql+mysqldb://u:p@h/d" << "mysql" << "mysqldb" << "u" << "p" << "h" << -1 << "d";
    QTest::newRow("mysql+mysqlconnector") << "mysql+mysqlconnector://u:p@h/d"
                                          << "mysql" << "mysqlconnector" << "u" << "p" << "h" << -1 << "d";
    QTest::newRow("mariadb") << "mariadb://u:p@h/d" << "mariadb" << "" << "u" << "p" << "h" << -1 << "d";
    QTest::newRow("mariadb+mariadbconnector") << "mariadb+mariadbconnector://u:p@h/d"
                                              << "mariadb" << "mariadbconnector" << "u" << "p" << "h" << -1 << "d";
    QTest::newRow("percent-decoded user and password")
        << "postgresql://us%40er:p%40ss%3Aw%2Fd@h/d" << "postgresql" << "" << "us@er" << "p@ss:w/d" << "h" << -1 << "d";
    QTest::newRow("database is not decoded (as SQLAlchemy)")
        << "postgresql://u@h/d%2Fb" << "postgresql" << "" << "u" << "" << "h" << -1 << "d%2Fb";
    QTest::newRow("ipv6 host") << "postgresql://u:p@[::1]:5432/d" << "postgresql" << "" << "u" << "p" << "::1" << 5432 << "d";
    QTest::newRow("ipv6 host without port") << "mysql://u@[fe80::1]/d" << "mysql" << "" << "u" << "" << "fe80::1" << -1 << "d";
    QTest::newRow("no user") << "postgresql://localhost/d" << "postgresql" << "" << "" << "" << "localhost" << -1 << "d";
    QTest::newRow("host only") << "postgresql://h" << "postgresql" << "" << "" << "" << "h" << -1 << "";
    QTest::newRow("no host, socket in query") << "postgresql://u@/d?host=/var/run/postgresql"
                                              << "postgresql" << "" << "u" << "" << "" << -1 << "d";
    QTest::newRow("empty password") << "mysql://u:@h/d" << "mysql" << "" << "u" << "" << "h" << -1 << "d";
    QTest::newRow("colon in password") << "mysql://u:a:b@h/d" << "mysql" << "" << "u" << "a:b" << "h" << -1 << "d";
    QTest::newRow("sqlite relative") << "sqlite:///app.db" << "sqlite" << "" << "" << "" << "" << -1 << "app.db";
    QTest::newRow("sqlite absolute") << "sqlite:////var/db/app.db" << "sqlite" << "" << "" << "" << "" << -1 << "/var/db/app.db";
    QTest::newRow("sqlite+pysqlite") << "sqlite+pysqlite:///x.db" << "sqlite" << "pysqlite" << "" << "" << "" << -1 << "x.db";
    QTest::newRow("sqlite memory") << "sqlite://" << "sqlite" << "" << "" << "" << "" << -1 << "";
    QTest::newRow("surrounding blanks are SQLAlchemy's problem too")
        << "sqlite:///a b.db" << "sqlite" << "" << "" << "" << "" << -1 << "a b.db";
}

void TestDatabaseUrl::splitsLikeSqlAlchemy()
{
    QFETCH(QString, text);
    const Result<DatabaseUrl> url = DatabaseUrl::parse(text);
    QVERIFY2(url.ok(), qPrintable(url.error()));
    QTEST(url->dialectName(), "dialect");
    QTEST(url->driver(), "driver");
    QTEST(url->userName(), "user");
    QTEST(url->password(), "password");
    QTEST(url->host(), "host");
    QTEST(url->port(), "port");
    QTEST(url->database(), "database");
}

void TestDatabaseUrl::queryOptionsAreDecoded()
{
    const Result<DatabaseUrl> url = DatabaseUrl::parse(QStringLiteral(
        "postgresql://u@h/d?sslmode=require&options=-c%20search_path%3Dapp&application_name=a+b&empty="));
    QVERIFY2(url.ok(), qPrintable(url.error()));
    QCOMPARE(url->query().size(), 3); // parse_qsl drops items without a value
    QCOMPARE(url->queryItemValue(QStringLiteral("sslmode")), QStringLiteral("require"));
    QCOMPARE(url->queryItemValue(QStringLiteral("options")), QStringLiteral("-c search_path=app"));
    QCOMPARE(url->queryItemValue(QStringLiteral("application_name")), QStringLiteral("a b"));
    QVERIFY(!url->hasQueryItem(QStringLiteral("empty")));

    const Result<DatabaseUrl> mysql = DatabaseUrl::parse(
        QStringLiteral("mysql+pymysql://u:p@/d?unix_socket=%2Frun%2Fmysqld%2Fmysqld.sock&charset=utf8mb4"));
    QVERIFY2(mysql.ok(), qPrintable(mysql.error()));
    QCOMPARE(mysql->queryItemValue(QStringLiteral("unix_socket")), QStringLiteral("/run/mysqld/mysqld.sock"));
    QCOMPARE(mysql->queryItemValue(QStringLiteral("charset")), QStringLiteral("utf8mb4"));
}

void TestDatabaseUrl::sqliteFiles_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("memory");
    QTest::addColumn<QString>("file");

    QTest::newRow("sqlite://") << "sqlite://" << true << "";
    QTest::newRow("sqlite:///") << "sqlite:///" << true << "";
    QTest::newRow(":memory:") << "sqlite:///:memory:" << true << "";
    QTest::newRow("relative") << "sqlite:///app.db" << false << "/base/dir/app.db";
    QTest::newRow("relative subfolder") << "sqlite:///data/../app.db" << false << "/base/dir/app.db";
    QTest::newRow("absolute") << "sqlite:////tmp/x.db" << false << "/tmp/x.db";
    QTest::newRow("with timeout") << "sqlite:///app.db?timeout=2.5" << false << "/base/dir/app.db";
}

void TestDatabaseUrl::sqliteFiles()
{
    QFETCH(QString, text);
    QFETCH(bool, memory);
    QFETCH(QString, file);
    const Result<DatabaseUrl> url = DatabaseUrl::parse(text);
    QVERIFY2(url.ok(), qPrintable(url.error()));
    QCOMPARE(url->dialect(), SqlDialect::Sqlite);
    QCOMPARE(url->isSqliteMemory(), memory);
    QCOMPARE(url->sqliteFilePath(QDir(QStringLiteral("/base/dir"))), file);
}

void TestDatabaseUrl::rejectsBadUrls_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // a part of the message

    QTest::newRow("empty") << "" << "Could not parse SQLAlchemy URL from string ''";
    QTest::newRow("no scheme") << "not a url" << "Could not parse SQLAlchemy URL from string 'not a url'";
    QTest::newRow("single slash") << "postgresql:/x" << "Could not parse SQLAlchemy URL from string 'postgresql:/x'";
    QTest::newRow("what to do") << "localhost/mydb" << "e.g. postgresql://user:secret@localhost/mydb";
    QTest::newRow("port not a number") << "mysql://u:p@h:abc/db" << "the port 'abc' is not a number";
    QTest::newRow("empty port") << "postgresql://u:p@h:/db" << "the port '' is not a number";
    QTest::newRow("port out of range") << "postgresql://u:p@h:99999/db" << "the port 99999 is out of range";
    QTest::newRow("unclosed ipv6") << "postgresql://[::1/db" << "is not a number";
    QTest::newRow("@ in password") << "mysql://u:p@ss@h/db" << "write a '@' inside the user name or password as %40";
    QTest::newRow("unknown dialect") << "foo://x" << "Can't load plugin: sqlalchemy.dialects:foo";
    QTest::newRow("postgres alias") << "postgres://u:p@h/db" << "Can't load plugin: sqlalchemy.dialects:postgres";
    QTest::newRow("postgres alias hint") << "postgres://u:p@h/db" << "write 'postgresql://'";
    QTest::newRow("template placeholder") << "driver://user:pass@localhost/dbname"
                                          << "Can't load plugin: sqlalchemy.dialects:driver";
    QTest::newRow("unsupported dialect") << "mssql+pyodbc://u:p@h/db" << "Retort cannot connect to mssql databases";
    QTest::newRow("unknown driver") << "postgresql+foo://x" << "Can't load plugin: sqlalchemy.dialects:postgresql.foo";
    QTest::newRow("option twice") << "mysql://u@h/d?charset=utf8mb4&charset=utf8" << "the option 'charset' is given twice";
    QTest::newRow("latin1 charset") << "mysql://u@h/d?charset=latin1" << "charset=latin1";
    QTest::newRow("unknown mysql option") << "mysql://u@h/d?compress=true" << "MySQL option 'compress'";
    QTest::newRow("bad mysql timeout") << "mysql://u@h/d?connect_timeout=soon" << "connect_timeout=soon";
    QTest::newRow("unknown sqlite option") << "sqlite:///x.db?mode=ro" << "SQLite option 'mode'";
    QTest::newRow("bad sqlite timeout") << "sqlite:///x.db?timeout=x" << "timeout=x";
}

void TestDatabaseUrl::rejectsBadUrls()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const Result<DatabaseUrl> url = DatabaseUrl::parse(text);
    QVERIFY(!url.ok());
    QVERIFY2(url.error().contains(expected), qPrintable(url.error()));
}

void TestDatabaseUrl::errorsNeverShowThePassword_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("bad port") << "mysql://u:hunter2@h:abc/db";
    QTest::newRow("unknown dialect") << "foo://u:hunter2@h/db";
    QTest::newRow("unknown driver") << "postgresql+foo://u:hunter2@h/db";
    QTest::newRow("@ in password") << "mysql://u:hun@hunter2@h/db";
    QTest::newRow("bad option") << "mysql://u:hunter2@h/db?compress=1";
    QTest::newRow("postgres") << "postgres://u:hunter2@h/db";
}

void TestDatabaseUrl::errorsNeverShowThePassword()
{
    QFETCH(QString, text);
    const Result<DatabaseUrl> url = DatabaseUrl::parse(text);
    QVERIFY(!url.ok());
    QVERIFY2(!url.error().contains(QLatin1String("hunter2")), qPrintable(url.error()));
    QVERIFY2(url.error().contains(QLatin1String("***")), qPrintable(url.error()));
}

void TestDatabaseUrl::displayStringMasksPassword_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("display"); // SQLAlchemy 1.4's repr(make_url(text))

    QTest::newRow("plain") << "postgresql://scott:tiger@localhost:5432/mydb"
                           << "postgresql://scott:***@localhost:5432/mydb";
    QTest::newRow("no password") << "postgresql://scott@localhost/mydb" << "postgresql://scott@localhost/mydb";
    QTest::newRow("quoted user, ipv6, sorted query")
        << "postgresql://us%40er:p%40ss@[::1]:5432/d%2Fb?sslmode=require&options=-c%20search_path%3Dx"
        << "postgresql://us%40er:***@[::1]:5432/d%2Fb?options=-c+search_path%3Dx&sslmode=require";
    QTest::newRow("driver") << "mysql+pymysql://u:p@h/d" << "mysql+pymysql://u:***@h/d";
    QTest::newRow("sqlite") << "sqlite:////tmp/x.db" << "sqlite:////tmp/x.db";
    QTest::newRow("sqlite memory") << "sqlite://" << "sqlite://";
}

void TestDatabaseUrl::displayStringMasksPassword()
{
    QFETCH(QString, text);
    const Result<DatabaseUrl> url = DatabaseUrl::parse(text);
    QVERIFY2(url.ok(), qPrintable(url.error()));
    QTEST(url->toDisplayString(), "display");
}

void TestDatabaseUrl::toStringKeepsPassword()
{
    const QString text = QStringLiteral("postgresql+psycopg2://us%40er:p%40ss%3Aword@db:5433/app?sslmode=disable");
    const Result<DatabaseUrl> url = DatabaseUrl::parse(text);
    QVERIFY2(url.ok(), qPrintable(url.error()));
    QCOMPARE(url->toString(), QStringLiteral("postgresql+psycopg2://us%40er:p%40ss%3Aword@db:5433/app?sslmode=disable"));
    const Result<DatabaseUrl> again = DatabaseUrl::parse(url->toString());
    QVERIFY(again.ok());
    QCOMPARE(again->password(), QStringLiteral("p@ss:word"));
    QCOMPARE(again->userName(), QStringLiteral("us@er"));
}

void TestDatabaseUrl::qtDriverPerDialect_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("qtDriver");
    QTest::addColumn<int>("dialect");
    QTest::newRow("sqlite") << "sqlite://" << "QSQLITE" << int(SqlDialect::Sqlite);
    QTest::newRow("postgresql") << "postgresql://h/d" << "QPSQL" << int(SqlDialect::PostgreSql);
    QTest::newRow("mysql") << "mysql://h/d" << "QMYSQL" << int(SqlDialect::MySql);
    QTest::newRow("mariadb") << "mariadb+pymysql://h/d" << "QMYSQL" << int(SqlDialect::MySql);
}

void TestDatabaseUrl::qtDriverPerDialect()
{
    QFETCH(QString, text);
    const Result<DatabaseUrl> url = DatabaseUrl::parse(text);
    QVERIFY2(url.ok(), qPrintable(url.error()));
    QTEST(url->qtDriverName(), "qtDriver");
    QTEST(int(url->dialect()), "dialect");
}

void TestDatabaseUrl::withDatabaseKeepsTheRest()
{
    const Result<DatabaseUrl> url = DatabaseUrl::parse(QStringLiteral("postgresql://u:p@h:1234/retort?sslmode=disable"));
    QVERIFY(url.ok());
    const DatabaseUrl scratch = url->withDatabase(QStringLiteral("t_123"));
    QCOMPARE(scratch.toString(), QStringLiteral("postgresql://u:p@h:1234/t_123?sslmode=disable"));
}

void TestDatabaseUrl::maskPasswordOfUnparsableText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("masked");
    QTest::newRow("password") << "x://u:secret@h" << "x://u:***@h";
    QTest::newRow("@ in password") << "x://u:se@cret@h/d" << "x://u:***@h/d";
    QTest::newRow("no password") << "x://u@h" << "x://u@h";
    QTest::newRow("no scheme") << "u:secret@h/d" << "u:***@h/d";
}

void TestDatabaseUrl::maskPasswordOfUnparsableText()
{
    QFETCH(QString, text);
    QTEST(DatabaseUrl::maskPassword(text), "masked");
}

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
