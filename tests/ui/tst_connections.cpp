// SPDX-License-Identifier: GPL-3.0-or-later
#include "connections/connectionprofile.h"
#include "connections/connectionprofilestore.h"
#include "connections/connectionsdialog.h"
#include "connections/databaseprobe.h"
#include "connections/passwordstore.h"

#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;

namespace {

QByteArray settingsFileContents()
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestConnections : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void stripsAndInsertsPasswords_data();
    void stripsAndInsertsPasswords();
    void storesProfilesWithoutPasswords();
    void dialogMovesATypedPasswordOutOfTheUrl();
    void testConnectionReadsTheVersionTable();
    void probingAMissingSqliteFileDoesNotCreateIt();
    void probeReportsBadUrlsWithoutThePassword();

private:
    QTemporaryDir m_settings;
};

void TestConnections::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_settings.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    QCoreApplication::setOrganizationName(QStringLiteral("RetortTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_connections"));
}

void TestConnections::init()
{
    QSettings().clear();
}

void TestConnections::stripsAndInsertsPasswords_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("stripped");
    QTest::addColumn<QString>("password");
    QTest::newRow("postgresql") << "postgresql://app:s3cret@db.example.com:5432/shop"
                                << "postgresql://app@db.example.com:5432/shop" << "s3cret";
    QTest::newRow("driver and encoded") << "mysql+pymysql://root:p%40ss%3Aw@127.0.0.1/x"
                                        << "mysql+pymysql://root@127.0.0.1/x" << "p%40ss%3Aw";
    QTest::newRow("no password") << "postgresql://app@host/db" << "postgresql://app@host/db" << "";
    QTest::newRow("sqlite") << "sqlite:////tmp/a.db" << "sqlite:////tmp/a.db" << "";
}

void TestConnections::stripsAndInsertsPasswords()
{
    QFETCH(QString, url);
    QFETCH(QString, stripped);
    QFETCH(QString, password);
    QString found;
    QCOMPARE(UrlPassword::strip(url, &found), stripped);
    QCOMPARE(found, password);
    QCOMPARE(UrlPassword::insert(stripped, password), url);
}

void TestConnections::storesProfilesWithoutPasswords()
{
    ConnectionProfile staging{ConnectionProfileStore::newId(), QStringLiteral("staging"),
                              QStringLiteral("postgresql://app:hunter2@staging/shop"), false};
    ConnectionProfile production{ConnectionProfileStore::newId(), QStringLiteral("production"),
                                 QStringLiteral("postgresql://app@prod/shop"), true};
    ConnectionProfileStore::save({staging, production});
    ConnectionProfileStore::setSelectedId(production.id);

    const QList<ConnectionProfile> loaded = ConnectionProfileStore::load();
    QCOMPARE(loaded.size(), 2);
    QCOMPARE(loaded.at(0).url, QStringLiteral("postgresql://app@staging/shop"));
    QCOMPARE(loaded.at(1), production);
    QCOMPARE(ConnectionProfileStore::selectedId(), production.id);
    const QByteArray file = settingsFileContents();
    QVERIFY(file.contains("staging"));
    QVERIFY(!file.contains("hunter2"));
}

void TestConnections::dialogMovesATypedPasswordOutOfTheUrl()
{
    PasswordStore passwords;
    ConnectionsDialog dialog(&passwords);
    dialog.setProjectDefault(QStringLiteral("postgresql://app:fromproject@localhost/shop"),
                             QStringLiteral("from $DATABASE_URL"));
    dialog.addProfile();
    QCOMPARE(dialog.urlField()->text(), QStringLiteral("postgresql://app@localhost/shop"));

    dialog.nameField()->clear();
    QTest::keyClicks(dialog.nameField(), QStringLiteral("local"));
    dialog.urlField()->clear();
    QTest::keyClicks(dialog.urlField(), QStringLiteral("postgresql://app:t0psecret@localhost/shop"));
    QCOMPARE(dialog.urlField()->text(), QStringLiteral("postgresql://app@localhost/shop"));
    QCOMPARE(dialog.passwordField()->text(), QStringLiteral("t0psecret"));
    QTest::mouseClick(dialog.productionBox(), Qt::LeftButton);
    dialog.apply();

    const QList<ConnectionProfile> saved = ConnectionProfileStore::load();
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.constFirst().name, QStringLiteral("local"));
    QCOMPARE(saved.constFirst().url, QStringLiteral("postgresql://app@localhost/shop"));
    QVERIFY(saved.constFirst().production);
    QCOMPARE(passwords.cached(saved.constFirst().id), QStringLiteral("t0psecret"));
    const QByteArray file = settingsFileContents();
    QVERIFY(!file.contains("t0psecret"));
    QVERIFY(!file.contains("fromproject"));
}

void TestConnections::testConnectionReadsTheVersionTable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("shop.db"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("setup"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO alembic_version VALUES ('ae1027a6acf')")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("setup"));

    PasswordStore passwords;
    ConnectionsDialog dialog(&passwords);
    dialog.addProfile();
    dialog.urlField()->setText(QStringLiteral("sqlite:///") + path);
    QSignalSpy tested(&dialog, &ConnectionsDialog::testFinished);
    QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
    QVERIFY(tested.wait(20000));
    const auto result = tested.constFirst().constFirst().value<DatabaseProbeResult>();
    QVERIFY2(result.ok, qPrintable(result.errorString));
    QCOMPARE(result.revisions, QStringList{QStringLiteral("ae1027a6acf")});
    QVERIFY2(dialog.testResultLabel()->text().contains(QLatin1String("ae1027a6acf")),
             qPrintable(dialog.testResultLabel()->text()));
}

void TestConnections::probingAMissingSqliteFileDoesNotCreateIt()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("absent.db"));
    const DatabaseProbeResult result =
        DatabaseProbe::probeNow(QStringLiteral("sqlite:///") + path, {}, QString());
    QVERIFY(result.ok);
    QVERIFY(result.noDatabaseYet);
    QVERIFY(result.revisions.isEmpty());
    QVERIFY(!QFile::exists(path));
}

void TestConnections::probeReportsBadUrlsWithoutThePassword()
{
    const DatabaseProbeResult result =
        DatabaseProbe::probeNow(QStringLiteral("nosuchdb://app:hunter2@host/db"), {}, QString());
    QVERIFY(!result.ok);
    QVERIFY(!result.errorString.isEmpty());
    QVERIFY(!result.errorString.contains(QLatin1String("hunter2")));
    QVERIFY(!result.displayUrl.contains(QLatin1String("hunter2")));
}

QTEST_MAIN(TestConnections)
#include "tst_connections.moc"
