// SPDX-License-Identifier: GPL-3.0-or-later
// retort-cli schema and check-native, run as a program (QProcess) on small projects
// written into a temporary folder.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString cliPath = QStringLiteral(RETORT_BINARY_DIR "/bin/retort-cli");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

QByteArray migration(const char *id, const char *down, const QByteArray &upgrade, const QByteArray &downgrade)
{
    return QByteArray("from alembic import op\nimport sqlalchemy as sa\n\nrevision = '") + id +
           "'\ndown_revision = " + down + "\nbranch_labels = None\ndepends_on = None\n\n\n"
           "def upgrade():\n" + upgrade + "\n\ndef downgrade():\n" + downgrade;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

Run runCli(const QStringList &arguments)
{
    QProcess process;
    process.setProgram(cliPath);
    process.setArguments(arguments);
    process.setStandardInputFile(QProcess::nullDevice());
    QStringList environment = QProcess::systemEnvironment();
    environment.removeIf([](const QString &v) { return v.startsWith(QLatin1String("ALEMBIC_CONFIG=")); });
    process.setEnvironment(environment);
    process.start();
    Run run;
    if (!process.waitForFinished(30000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestCliSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void commands_data();
    void commands();

private:
    QTemporaryDir m_good;
    QTemporaryDir m_bad;
};

void TestCliSchema::initTestCase()
{
    QVERIFY(m_good.isValid() && m_bad.isValid());
    QVERIFY(writeFile(m_good.filePath(QStringLiteral("a1_users.py")),
                      migration("a1", "None",
                                "    op.create_table('users',\n"
                                "        sa.Column('id', sa.Integer(), primary_key=True),\n"
                                "        sa.Column('name', sa.String(50), nullable=False, index=True))\n",
                                "    op.drop_table('users')\n")));
    QVERIFY(writeFile(m_good.filePath(QStringLiteral("b2_orders.py")),
                      migration("b2", "'a1'",
                                "    op.create_table('orders', sa.Column('id', sa.Integer(), primary_key=True))\n"
                                "    op.add_column('users', sa.Column('age', sa.Integer()))\n",
                                "    op.drop_column('users', 'age')\n    op.drop_table('orders')\n")));
    QVERIFY(writeFile(m_bad.filePath(QStringLiteral("c1_base.py")),
                      migration("c1", "None", "    op.create_table('t', sa.Column('id', sa.Integer(), primary_key=True))\n",
                                "    op.drop_table('nope')\n")));
}

void TestCliSchema::commands_data()
{
    QTest::addColumn<bool>("bad");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("err");

    QTest::newRow("schema at the first revision, sqlite")
        << false << QStringList{QStringLiteral("schema"), QStringLiteral("a1"), QStringLiteral("--dialect"), QStringLiteral("sqlite")}
        << 0
        << QStringLiteral("CREATE TABLE users (\n    id INTEGER NOT NULL, \n    name VARCHAR(50) NOT NULL, \n"
                          "    PRIMARY KEY (id)\n);\n\nCREATE INDEX ix_users_name ON users (name);\n\n")
        << QString();
    QTest::newRow("schema at heads, tables sorted by name, mysql")
        << false << QStringList{QStringLiteral("schema"), QStringLiteral("heads"), QStringLiteral("--dialect"), QStringLiteral("mysql")}
        << 0
        << QStringLiteral("CREATE TABLE orders (\n    id INTEGER NOT NULL AUTO_INCREMENT, \n    PRIMARY KEY (id)\n);\n\n"
                          "CREATE TABLE users (\n    id INTEGER NOT NULL AUTO_INCREMENT, \n    name VARCHAR(50) NOT NULL, \n"
                          "    age INTEGER, \n    PRIMARY KEY (id)\n);\n\nCREATE INDEX ix_users_name ON users (name);\n\n")
        << QString();
    QTest::newRow("schema at base is empty")
        << false << QStringList{QStringLiteral("schema"), QStringLiteral("base"), QStringLiteral("--dialect"), QStringLiteral("sqlite")}
        << 0 << QString() << QString();
    QTest::newRow("schema of an unknown revision")
        << false << QStringList{QStringLiteral("schema"), QStringLiteral("zz"), QStringLiteral("--dialect"), QStringLiteral("sqlite")}
        << 255 << QStringLiteral("FAILED: Can't locate revision identified by 'zz'\n") << QString();
    QTest::newRow("check-native of a native history, default range")
        << false << QStringList{QStringLiteral("check-native")} << 0
        << QStringLiteral("all 2 migrations can be rendered natively\n") << QString();
    QTest::newRow("check-native with a range")
        << false << QStringList{QStringLiteral("check-native"), QStringLiteral("base:a1"), QStringLiteral("--dialect"), QStringLiteral("postgresql")}
        << 0 << QStringLiteral("all 1 migrations can be rendered natively\n") << QString();
    QTest::newRow("check-native of a downgrade of a missing table")
        << true << QStringList{QStringLiteral("check-native")} << 1
        << QStringLiteral("%1/c1_base.py:15:5: table 'nope' does not exist in the schema replayed up to this migration "
                          "(downgrade: sqlite, postgresql, mysql)\n1 of 1 migrations cannot be rendered natively (1 problems)\n")
        << QString();
}

void TestCliSchema::commands()
{
    QFETCH(bool, bad);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    QFETCH(QString, err);

    const QString project = bad ? m_bad.path() : m_good.path();
    const Run run = runCli(QStringList{QStringLiteral("--project"), project} + arguments);
    QCOMPARE(run.out, out.contains(QLatin1String("%1")) ? out.arg(project) : out);
    QCOMPARE(run.err, err);
    QCOMPARE(run.exitCode, exitCode);
}

QTEST_GUILESS_MAIN(TestCliSchema)
#include "tst_clischema.moc"
