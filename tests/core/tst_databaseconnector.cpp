// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/databaseconnector.h"

#include "testservers.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;

namespace {

QVariant selectOne(const DatabaseConnection &connection, const QString &sql)
{
    QSqlQuery query(connection.database());
    if (!query.exec(sql) || !query.next())
        return QVariant();
    return query.value(0);
}

// Restores the working directory when a test that changes it ends, also on failure.
class WorkingDirectoryGuard
{
public:
    explicit WorkingDirectoryGuard(const QString &path)
        : m_previous(QDir::currentPath())
    {
        QDir::setCurrent(path);
    }
    ~WorkingDirectoryGuard() { QDir::setCurrent(m_previous); }

private:
    QString m_previous;
};

} // namespace

class TestDatabaseConnector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sqliteMemory_data();
    void sqliteMemory();
    void sqliteRelativeFileIsInWorkingDirectory();
    void sqliteRelativeFileAgainstGivenBase();
    void sqliteAbsoluteFileKeepsData();
    void sqliteMissingFolderIsAnError();
    void sqliteFileThatIsNotADatabase();
    void connectionIsRemovedWithLastCopy();
    void resetRemovesConnection();
    void connectionNamesAreUnique();
    void missingDriverNamesPluginAndPackage();
    void debianPackages_data();
    void debianPackages();
    void parseErrorsArePassedOn();
    void unreachableServerFails_data();
    void unreachableServerFails();
    void serverConnects_data();
    void serverConnects();
    void wrongPassword_data();
    void wrongPassword();
    void unknownDatabase_data();
    void unknownDatabase();
    void postgresqlUnixSocketFromQuery();
    void mariadbUnixSocketFromQuery();
};

void TestDatabaseConnector::sqliteMemory_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("sqlite://") << "sqlite://";
    QTest::newRow("sqlite:///:memory:") << "sqlite:///:memory:";
    QTest::newRow("sqlite:///") << "sqlite:///";
}

void TestDatabaseConnector::sqliteMemory()
{
    QFETCH(QString, url);
    const Result<DatabaseConnection> connection = DatabaseConnector::open(url);
    QVERIFY2(connection.ok(), qPrintable(connection.error()));
    QVERIFY(connection->isValid());
    QCOMPARE(connection->dialect(), SqlDialect::Sqlite);
    QCOMPARE(connection->database().databaseName(), QStringLiteral(":memory:"));
    QCOMPARE(selectOne(connection.value(), QStringLiteral("SELECT 1")).toInt(), 1);
    QVERIFY(connection->serverVersion().startsWith(QLatin1Char('3')));
}

void TestDatabaseConnector::sqliteRelativeFileIsInWorkingDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const WorkingDirectoryGuard guard(dir.path());
    const Result<DatabaseConnection> connection = DatabaseConnector::open(QStringLiteral("sqlite:///rel.db"));
    QVERIFY2(connection.ok(), qPrintable(connection.error()));
    QSqlQuery query(connection->database());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE t (x INTEGER)")));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("rel.db"))));
}

void TestDatabaseConnector::sqliteRelativeFileAgainstGivenBase()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    DatabaseConnector::Options options;
    options.sqliteBaseDirectory = dir.path();
    const Result<DatabaseConnection> connection = DatabaseConnector::open(QStringLiteral("sqlite:///sub/../based.db"), options);
    QVERIFY2(connection.ok(), qPrintable(connection.error()));
    QCOMPARE(connection->database().databaseName(), dir.filePath(QStringLiteral("based.db")));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("based.db"))));
}

void TestDatabaseConnector::sqliteAbsoluteFileKeepsData()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString url = QStringLiteral("sqlite:///") + dir.filePath(QStringLiteral("abs.db"));
    QVERIFY(url.startsWith(QLatin1String("sqlite:////")));
    {
        const Result<DatabaseConnection> connection = DatabaseConnector::open(url);
        QVERIFY2(connection.ok(), qPrintable(connection.error()));
        QSqlQuery query(connection->database());
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE t (x INTEGER)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO t VALUES (42)")));
    }
    const Result<DatabaseConnection> again = DatabaseConnector::open(url);
    QVERIFY2(again.ok(), qPrintable(again.error()));
    QCOMPARE(selectOne(again.value(), QStringLiteral("SELECT x FROM t")).toInt(), 42);
}

void TestDatabaseConnector::sqliteMissingFolderIsAnError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no/such/folder/x.db"));
    const Result<DatabaseConnection> connection = DatabaseConnector::open(QStringLiteral("sqlite:///") + path);
    QVERIFY(!connection.ok());
    QVERIFY2(connection.error().contains(QLatin1String("does not exist")), qPrintable(connection.error()));
    QVERIFY2(connection.error().contains(dir.filePath(QStringLiteral("no/such/folder"))), qPrintable(connection.error()));
}

void TestDatabaseConnector::sqliteFileThatIsNotADatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("text.db"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    const Result<DatabaseConnection> connection = DatabaseConnector::open(QStringLiteral("sqlite:///") + path);
    QVERIFY(!connection.ok());
    QVERIFY2(connection.error().contains(path), qPrintable(connection.error()));
    QVERIFY2(connection.error().contains(QLatin1String("not a database")), qPrintable(connection.error()));
}

void TestDatabaseConnector::connectionIsRemovedWithLastCopy()
{
    QString name;
    {
        const Result<DatabaseConnection> connection = DatabaseConnector::open(QStringLiteral("sqlite://"));
        QVERIFY(connection.ok());
        name = connection->connectionName();
        QVERIFY(QSqlDatabase::contains(name));
        DatabaseConnection copy = connection.value();
        {
            const DatabaseConnection another = copy;
            QCOMPARE(another.connectionName(), name);
        }
        QVERIFY(QSqlDatabase::contains(name));
        QVERIFY(copy.database().isOpen());
    }
    QVERIFY(!QSqlDatabase::contains(name));
}

void TestDatabaseConnector::resetRemovesConnection()
{
    Result<DatabaseConnection> opened = DatabaseConnector::open(QStringLiteral("sqlite://"));
    QVERIFY(opened.ok());
    DatabaseConnection connection = std::move(opened).value();
    const QString name = connection.connectionName();
    DatabaseConnection copy = connection;
    connection.reset();
    QVERIFY(!connection.isValid());
    QVERIFY(QSqlDatabase::contains(name));
    copy.reset();
    QVERIFY(!QSqlDatabase::contains(name));
    QVERIFY(!copy.database().isValid());
}

void TestDatabaseConnector::connectionNamesAreUnique()
{
    const Result<DatabaseConnection> first = DatabaseConnector::open(QStringLiteral("sqlite://"));
    const Result<DatabaseConnection> second = DatabaseConnector::open(QStringLiteral("sqlite://"));
    QVERIFY(first.ok() && second.ok());
    QVERIFY(first->connectionName() != second->connectionName());
    // Two memory databases are two databases.
    QSqlQuery query(first->database());
    QVERIFY(query.exec(QStringLiteral("CREATE TABLE only_in_first (x INTEGER)")));
    QSqlQuery other(second->database());
    QVERIFY(!other.exec(QStringLiteral("SELECT * FROM only_in_first")));
}

void TestDatabaseConnector::missingDriverNamesPluginAndPackage()
{
    DatabaseConnector::Options options;
    options.qtDriverOverride = QStringLiteral("QNOSUCHDRIVER");
    const Result<DatabaseConnection> connection =
        DatabaseConnector::open(QStringLiteral("postgresql://u:hunter2@h/d"), options);
    QVERIFY(!connection.ok());
    QVERIFY2(connection.error().contains(QLatin1String("Qt SQL driver plugin QNOSUCHDRIVER is not installed")),
             qPrintable(connection.error()));
    QVERIFY2(connection.error().contains(QLatin1String("postgresql://u:***@h/d")), qPrintable(connection.error()));
    QVERIFY2(!connection.error().contains(QLatin1String("hunter2")), qPrintable(connection.error()));
    QVERIFY2(connection.error().contains(QLatin1String("QSQLITE")), qPrintable(connection.error()));

    options.qtDriverOverride = QStringLiteral("QMARIADB_NOT_HERE");
    const Result<DatabaseConnection> other = DatabaseConnector::open(QStringLiteral("sqlite://"), options);
    QVERIFY(!other.ok());
    QVERIFY2(other.error().contains(QLatin1String("QMARIADB_NOT_HERE")), qPrintable(other.error()));
}

void TestDatabaseConnector::debianPackages_data()
{
    QTest::addColumn<QString>("driver");
    QTest::addColumn<QString>("package");
    QTest::newRow("sqlite") << "QSQLITE" << "libqt6sql6-sqlite";
    QTest::newRow("postgresql") << "QPSQL" << "libqt6sql6-psql";
    QTest::newRow("mysql") << "QMYSQL" << "libqt6sql6-mysql";
    QTest::newRow("unknown") << "QFOO" << "";
}

void TestDatabaseConnector::debianPackages()
{
    QFETCH(QString, driver);
    QTEST(DatabaseConnector::debianPackageForQtDriver(driver), "package");
}

void TestDatabaseConnector::parseErrorsArePassedOn()
{
    const Result<DatabaseConnection> connection = DatabaseConnector::open(QStringLiteral("nonsense"));
    QVERIFY(!connection.ok());
    QVERIFY2(connection.error().startsWith(QLatin1String("Could not parse SQLAlchemy URL from string 'nonsense'")),
             qPrintable(connection.error()));
}

void TestDatabaseConnector::unreachableServerFails_data()
{
    QTest::addColumn<QString>("url");
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    QTest::newRow("postgresql closed port") << "postgresql://u:hunter2@127.0.0.1:1/d";
    QTest::newRow("mysql closed port") << "mysql://u:hunter2@127.0.0.1:1/d";
    // A non-routable address: either no route at all, or no answer until the timeout.
    QTest::newRow("postgresql non-routable") << "postgresql://u:hunter2@10.255.255.1:5432/d";
    QTest::newRow("mysql non-routable") << "mysql://u:hunter2@10.255.255.1:3306/d";
}

void TestDatabaseConnector::unreachableServerFails()
{
    QFETCH(QString, url);
    DatabaseConnector::Options options;
    options.connectTimeoutSeconds = 2;
    const Result<DatabaseConnection> connection = DatabaseConnector::open(url, options);
    QVERIFY(!connection.ok());
    QVERIFY2(connection.error().startsWith(QLatin1String("Could not connect to ")), qPrintable(connection.error()));
    QVERIFY2(connection.error().contains(QLatin1String(":***@")), qPrintable(connection.error()));
    QVERIFY2(!connection.error().contains(QLatin1String("hunter2")), qPrintable(connection.error()));
}

void TestDatabaseConnector::serverConnects_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("mariadb");
    QTest::newRow("postgresql") << TestServers::postgresqlUrl() << false;
    QTest::newRow("mariadb") << TestServers::mariadbUrl() << true;
}

void TestDatabaseConnector::serverConnects()
{
    QFETCH(QString, url);
    QFETCH(bool, mariadb);
    RETORT_REQUIRE_SERVER(url);
    const Result<DatabaseConnection> connection = DatabaseConnector::open(url);
    QVERIFY2(connection.ok(), qPrintable(connection.error()));
    QCOMPARE(selectOne(connection.value(), QStringLiteral("SELECT 1")).toInt(), 1);
    QVERIFY(!connection->serverVersion().isEmpty());
    QCOMPARE(connection->isMariaDb(), mariadb);
    // A driver name in the URL changes nothing for Retort.
    const QString withDriver = QString(url).replace(QLatin1String("://"), mariadb ? QStringLiteral("+pymysql://")
                                                                                  : QStringLiteral("+psycopg2://"));
    const Result<DatabaseConnection> again = DatabaseConnector::open(withDriver);
    QVERIFY2(again.ok(), qPrintable(again.error()));
}

void TestDatabaseConnector::wrongPassword_data()
{
    serverConnects_data();
}

void TestDatabaseConnector::wrongPassword()
{
    QFETCH(QString, url);
    RETORT_REQUIRE_SERVER(url);
    const QString bad = QString(url).replace(QLatin1String("retort:retort@"), QLatin1String("retort:hunter2@"));
    const Result<DatabaseConnection> connection = DatabaseConnector::open(bad);
    QVERIFY(!connection.ok());
    QVERIFY2(connection.error().contains(QLatin1String("wrong user name or password")), qPrintable(connection.error()));
    QVERIFY2(connection.error().contains(QLatin1String("retort:***@127.0.0.1")), qPrintable(connection.error()));
    QVERIFY2(!connection.error().contains(QLatin1String("hunter2")), qPrintable(connection.error()));
}

void TestDatabaseConnector::unknownDatabase_data()
{
    serverConnects_data();
}

void TestDatabaseConnector::unknownDatabase()
{
    QFETCH(QString, url);
    RETORT_REQUIRE_SERVER(url);
    const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
    QVERIFY(parsed.ok());
    const QString missing = TestServers::scratchName(QStringLiteral("missing_"));
    const Result<DatabaseConnection> connection = DatabaseConnector::open(parsed->withDatabase(missing));
    QVERIFY(!connection.ok());
    QVERIFY2(connection.error().contains(QStringLiteral("the database '%1' does not exist").arg(missing)),
             qPrintable(connection.error()));
    QVERIFY2(connection.error().contains(QLatin1String("***")), qPrintable(connection.error()));
}

void TestDatabaseConnector::postgresqlUnixSocketFromQuery()
{
    const QString url = TestServers::postgresqlUrl();
    RETORT_REQUIRE_SERVER(url);
    const Result<DatabaseUrl> tcp = DatabaseUrl::parse(url);
    QVERIFY(tcp.ok());
    const QString socketUrl = QStringLiteral("postgresql://retort:retort@/retort?host=%1&port=%2")
                                  .arg(TestServers::postgresqlSocketDirectory())
                                  .arg(tcp->port());
    const Result<DatabaseConnection> connection = DatabaseConnector::open(socketUrl);
    QVERIFY2(connection.ok(), qPrintable(connection.error()));
    QCOMPARE(selectOne(connection.value(), QStringLiteral("SELECT 1")).toInt(), 1);
    // The unix socket really was used: the server sees no client address.
    QVERIFY(selectOne(connection.value(), QStringLiteral("SELECT inet_client_addr()")).isNull());
}

void TestDatabaseConnector::mariadbUnixSocketFromQuery()
{
    const QString url = TestServers::mariadbUrl();
    RETORT_REQUIRE_SERVER(url);
    const QString socketUrl = QStringLiteral("mysql+pymysql://retort:retort@localhost/retort?unix_socket=%1&charset=utf8mb4")
                                  .arg(TestServers::mariadbSocket());
    const Result<DatabaseConnection> connection = DatabaseConnector::open(socketUrl);
    QVERIFY2(connection.ok(), qPrintable(connection.error()));
    QCOMPARE(selectOne(connection.value(), QStringLiteral("SELECT 1")).toInt(), 1);
    QVERIFY(connection->isMariaDb());
}

QTEST_GUILESS_MAIN(TestDatabaseConnector)
#include "tst_databaseconnector.moc"
