// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/projectlocator.h"
#include "db/databaseurlresolver.h"
#include "db/envpyscanner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;

namespace {

// A minimal project: alembic.ini (with the given sqlalchemy.url line, if any), env.py with
// the given text, an empty versions/ folder.
struct ProjectFixture
{
    QTemporaryDir dir;
    QString iniPath;

    ProjectFixture(const QString &envPy, const QString &iniUrl)
    {
        QDir root(dir.path());
        root.mkpath(QStringLiteral("migrations/versions"));
        iniPath = root.filePath(QStringLiteral("alembic.ini"));
        write(iniPath, QStringLiteral("[alembic]\nscript_location = %(here)s/migrations\n")
                           + (iniUrl.isNull() ? QString() : QStringLiteral("sqlalchemy.url = ") + iniUrl + QLatin1Char('\n')));
        write(root.filePath(QStringLiteral("migrations/env.py")), envPy);
    }

    static void write(const QString &path, const QString &text)
    {
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(text.toUtf8());
    }

    Result<ProjectLayout> layout(const QStringList &xArguments = {}) const
    {
        return ProjectLocator::fromConfigFile(iniPath, AlembicConfig::defaultSection(), xArguments);
    }
};

QProcessEnvironment environmentWith(const QList<std::pair<QString, QString>> &variables)
{
    QProcessEnvironment environment;
    for (const auto &[name, value] : variables)
        environment.insert(name, value);
    return environment;
}

} // namespace

class TestDatabaseUrlResolver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsEnvironmentReads_data();
    void findsEnvironmentReads();
    void ignoresOtherVariables();
    void syntaxErrorIsAWarning();
    void versionTableFromConfigure_data();
    void versionTableFromConfigure();
    void order_data();
    void order();
    void explicitOriginIsDescribed();
    void noUrlAnywhereSaysWhereToPutOne();
    void badUrlSaysWhereItCameFrom();
    void versionTableOverride();
    void demoProject();
};

void TestDatabaseUrlResolver::findsEnvironmentReads_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("defaultValue"); // null = no literal default

    QTest::newRow("os.environ[]") << "import os\nurl = os.environ[\"DATABASE_URL\"]\n"
                                  << "DATABASE_URL" << QString();
    QTest::newRow("os.environ.get with default")
        << "import os\nconfig.set_main_option('sqlalchemy.url', os.environ.get('APP_DB', 'sqlite:///app.db'))\n"
        << "APP_DB" << "sqlite:///app.db";
    QTest::newRow("os.environ.get without default") << "import os\nurl = os.environ.get('DATABASE_URL')\n"
                                                    << "DATABASE_URL" << QString();
    QTest::newRow("os.getenv with default") << "import os\nengine = create_engine(os.getenv('PGURL', 'postgresql://h/d'))\n"
                                            << "PGURL" << "postgresql://h/d";
    QTest::newRow("os.getenv default keyword") << "import os\nu = os.getenv('DB_URL', default='sqlite://')\n"
                                               << "DB_URL" << "sqlite://";
    QTest::newRow("from os import environ") << "from os import environ\nurl = environ['DSN']\n" << "DSN" << QString();
    QTest::newRow("from os import getenv as g") << "from os import getenv as g\nurl = g('SQLALCHEMY_URL', 'sqlite:///x.db')\n"
                                                << "SQLALCHEMY_URL" << "sqlite:///x.db";
    QTest::newRow("import os as system") << "import os as system\nurl = system.environ['DATABASE_URL']\n"
                                         << "DATABASE_URL" << QString();
    QTest::newRow("inside a function, any name in a URL position")
        << "import os\n\ndef run_migrations_online():\n    engine = create_engine(os.environ['SECRET_THING'])\n"
        << "SECRET_THING" << QString();
    QTest::newRow("returned by a function used as the URL")
        << "import os\n\ndef target():\n    return os.environ.get('WHERE', 'sqlite:///w.db')\n\n"
           "def run_migrations_offline():\n    context.configure(url=target())\n"
        << "WHERE" << "sqlite:///w.db";
    QTest::newRow("or-fallback to the ini")
        << "import os\nurl = os.environ.get('DATABASE_URL') or config.get_main_option('sqlalchemy.url')\n"
        << "DATABASE_URL" << QString();
    QTest::newRow("non-literal default does not count")
        << "import os\nurl = os.getenv('DATABASE_URL', config.get_main_option('sqlalchemy.url'))\n"
        << "DATABASE_URL" << QString();
}

void TestDatabaseUrlResolver::findsEnvironmentReads()
{
    QFETCH(QString, source);
    QFETCH(QString, variable);
    QFETCH(QString, defaultValue);
    const EnvPyScanner::Settings settings = EnvPyScanner::scan(source, QStringLiteral("env.py"));
    QVERIFY(settings.warnings.isEmpty());
    const QList<EnvPyScanner::EnvironmentRead> urls = settings.urlVariables();
    QCOMPARE(urls.size(), 1);
    QCOMPARE(urls.first().variable, variable);
    QCOMPARE(urls.first().defaultValue.has_value(), !defaultValue.isNull());
    if (!defaultValue.isNull())
        QCOMPARE(*urls.first().defaultValue, defaultValue);
    QVERIFY(urls.first().line > 0);
}

void TestDatabaseUrlResolver::ignoresOtherVariables()
{
    const EnvPyScanner::Settings settings = EnvPyScanner::scan(QStringLiteral(
        "import os\nlevel = os.environ.get('LOG_LEVEL', 'INFO')\nurl = os.environ['DATABASE_URL']\n"
        "name = 'os.environ[\"NOT_CODE\"]'\n"));
    QCOMPARE(settings.environmentReads.size(), 2);
    const QList<EnvPyScanner::EnvironmentRead> urls = settings.urlVariables();
    QCOMPARE(urls.size(), 1);
    QCOMPARE(urls.first().variable, QStringLiteral("DATABASE_URL"));
}

void TestDatabaseUrlResolver::syntaxErrorIsAWarning()
{
    const EnvPyScanner::Settings settings =
        EnvPyScanner::scan(QStringLiteral("import os\nurl = os.environ['X'\n"), QStringLiteral("/p/env.py"));
    QCOMPARE(settings.warnings.size(), 1);
    QCOMPARE(settings.warnings.first().file, QStringLiteral("/p/env.py"));
    QVERIFY(settings.warnings.first().line > 0);
    QVERIFY2(settings.warnings.first().message.contains(QLatin1String("does not parse")),
             qPrintable(settings.warnings.first().message));
    QVERIFY(settings.environmentReads.isEmpty());
}

void TestDatabaseUrlResolver::versionTableFromConfigure_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("table");   // null = not configured
    QTest::addColumn<QString>("schema");  // null = not configured
    QTest::addColumn<int>("primaryKey");  // -1 = not configured

    QTest::newRow("none") << "context.configure(url=url)\n" << QString() << QString() << -1;
    QTest::newRow("literals") << "context.configure(connection=c, version_table='my_version', "
                                 "version_table_schema='audit', version_table_pk=False)\n"
                              << "my_version" << "audit" << 0;
    QTest::newRow("schema None") << "context.configure(version_table_schema=None)\n" << QString() << "" << -1;
    QTest::newRow("module constant") << "VERSION_TABLE = 'shop_version'\ncontext.configure(version_table=VERSION_TABLE)\n"
                                     << "shop_version" << QString() << -1;
    QTest::newRow("online wins")
        << "def run_migrations_offline():\n    context.configure(url=u, version_table='offline_v')\n\n"
           "def run_migrations_online():\n    context.configure(connection=c, version_table='online_v')\n"
        << "online_v" << QString() << -1;
    QTest::newRow("non-literal is not guessed") << "context.configure(version_table=settings.table)\n"
                                                << QString() << QString() << -1;
}

void TestDatabaseUrlResolver::versionTableFromConfigure()
{
    QFETCH(QString, source);
    QFETCH(QString, table);
    QFETCH(QString, schema);
    QFETCH(int, primaryKey);
    const EnvPyScanner::Settings settings = EnvPyScanner::scan(QStringLiteral("from alembic import context\n") + source);
    QVERIFY(settings.warnings.isEmpty());
    QCOMPARE(settings.versionTable.has_value(), !table.isNull());
    if (!table.isNull())
        QCOMPARE(*settings.versionTable, table);
    QCOMPARE(settings.versionTableSchema.has_value(), !schema.isNull());
    if (!schema.isNull())
        QCOMPARE(*settings.versionTableSchema, schema);
    QCOMPARE(settings.versionTablePrimaryKey.has_value(), primaryKey >= 0);
    if (primaryKey >= 0)
        QCOMPARE(*settings.versionTablePrimaryKey, primaryKey == 1);
}

void TestDatabaseUrlResolver::order_data()
{
    QTest::addColumn<QString>("envPy");
    QTest::addColumn<QString>("iniUrl"); // null = no sqlalchemy.url line
    QTest::addColumn<QStringList>("environment"); // NAME=VALUE
    QTest::addColumn<QStringList>("xArguments");
    QTest::addColumn<QString>("explicitUrl");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("description");

    const QString readsVariable = QStringLiteral("import os\nurl = os.environ.get('DATABASE_URL', 'sqlite:///default.db')\n");
    const QString readsX = QStringLiteral("import os\nx = context.get_x_argument(as_dictionary=True)\n"
                                          "url = x.get('url') or os.environ['DATABASE_URL']\n");
    QTest::newRow("explicit first") << readsVariable << "sqlite:///ini.db" << QStringList{QStringLiteral("DATABASE_URL=sqlite:///env.db")}
                                    << QStringList() << "sqlite:///explicit.db" << "sqlite:///explicit.db" << "from --url";
    QTest::newRow("environment before ini") << readsVariable << "sqlite:///ini.db"
                                            << QStringList{QStringLiteral("DATABASE_URL=sqlite:///env.db")} << QStringList() << ""
                                            << "sqlite:///env.db" << "from $DATABASE_URL";
    QTest::newRow("env.py default when unset") << readsVariable << "sqlite:///ini.db" << QStringList() << QStringList()
                                               << "" << "sqlite:///default.db"
                                               << "from env.py's default for $DATABASE_URL";
    QTest::newRow("empty variable counts as unset") << readsVariable << "sqlite:///ini.db" << QStringList{QStringLiteral("DATABASE_URL=")}
                                                    << QStringList() << "" << "sqlite:///default.db"
                                                    << "from env.py's default for $DATABASE_URL";
    QTest::newRow("ini when env.py reads nothing") << "print('hi')\n" << "sqlite:///ini.db"
                                                   << QStringList{QStringLiteral("DATABASE_URL=sqlite:///env.db")} << QStringList() << ""
                                                   << "sqlite:///ini.db" << "from alembic.ini";
    QTest::newRow("ini when the variable is unset and has no default")
        << "import os\nurl = os.environ['DATABASE_URL']\n" << "sqlite:///ini.db" << QStringList() << QStringList() << ""
        << "sqlite:///ini.db" << "from alembic.ini";
    QTest::newRow("-x url before the environment") << readsX << "sqlite:///ini.db"
                                                   << QStringList{QStringLiteral("DATABASE_URL=sqlite:///env.db")}
                                                   << QStringList{QStringLiteral("url=sqlite:///x.db")} << "" << "sqlite:///x.db"
                                                   << "from -x url";
    QTest::newRow("-x ignored when env.py does not read it") << readsVariable << "sqlite:///ini.db" << QStringList()
                                                             << QStringList{QStringLiteral("url=sqlite:///x.db")} << ""
                                                             << "sqlite:///default.db"
                                                             << "from env.py's default for $DATABASE_URL";
}

void TestDatabaseUrlResolver::order()
{
    QFETCH(QString, envPy);
    QFETCH(QString, iniUrl);
    QFETCH(QStringList, environment);
    QFETCH(QStringList, xArguments);
    QFETCH(QString, explicitUrl);
    const ProjectFixture project(envPy, iniUrl);
    const Result<ProjectLayout> layout = project.layout(xArguments);
    QVERIFY2(layout.ok(), qPrintable(layout.error()));
    DatabaseUrlResolver resolver(layout.value());
    QProcessEnvironment variables;
    for (const QString &entry : environment)
        variables.insert(entry.section(QLatin1Char('='), 0, 0), entry.section(QLatin1Char('='), 1));
    resolver.setEnvironment(variables);
    resolver.setExplicitUrl(explicitUrl);
    const Result<DatabaseUrlResolver::Resolved> resolved = resolver.resolve();
    QVERIFY2(resolved.ok(), qPrintable(resolved.error()));
    QTEST(resolved->url, "url");
    QTEST(resolved->source.description(), "description");
}

void TestDatabaseUrlResolver::explicitOriginIsDescribed()
{
    const ProjectFixture project(QStringLiteral("pass\n"), QString());
    DatabaseUrlResolver resolver(project.layout().value());
    resolver.setExplicitUrl(QStringLiteral("sqlite://"), QStringLiteral("profile 'staging'"));
    QCOMPARE(resolver.resolve()->source.description(), QStringLiteral("from profile 'staging'"));
    QCOMPARE(resolver.resolve()->source.kind, DatabaseUrlResolver::Source::Kind::Explicit);
}

void TestDatabaseUrlResolver::noUrlAnywhereSaysWhereToPutOne()
{
    const ProjectFixture project(QStringLiteral("import os\nurl = os.environ['APP_DATABASE_URL']\n"), QString());
    DatabaseUrlResolver resolver(project.layout().value());
    resolver.setEnvironment(QProcessEnvironment());
    const Result<DatabaseUrlResolver::Resolved> resolved = resolver.resolve();
    QVERIFY(!resolved.ok());
    QVERIFY2(resolved.error().contains(QLatin1String("--url")), qPrintable(resolved.error()));
    QVERIFY2(resolved.error().contains(QLatin1String("$APP_DATABASE_URL")), qPrintable(resolved.error()));
    QVERIFY2(resolved.error().contains(QLatin1String("sqlalchemy.url")), qPrintable(resolved.error()));
}

void TestDatabaseUrlResolver::badUrlSaysWhereItCameFrom()
{
    // The placeholder `alembic init` writes into alembic.ini.
    const ProjectFixture project(QStringLiteral("pass\n"), QStringLiteral("driver://user:pass@localhost/dbname"));
    DatabaseUrlResolver resolver(project.layout().value());
    resolver.setEnvironment(QProcessEnvironment());
    DatabaseUrlResolver::Source source;
    const Result<DatabaseUrl> url = resolver.resolveDatabaseUrl(&source);
    QVERIFY(!url.ok());
    QVERIFY2(url.error().contains(QLatin1String("Can't load plugin: sqlalchemy.dialects:driver")), qPrintable(url.error()));
    QVERIFY2(url.error().contains(QLatin1String("from alembic.ini")), qPrintable(url.error()));
    QVERIFY2(!url.error().contains(QLatin1String("pass@")), qPrintable(url.error()));
    QCOMPARE(source.kind, DatabaseUrlResolver::Source::Kind::IniFile);
}

void TestDatabaseUrlResolver::versionTableOverride()
{
    const ProjectFixture project(QStringLiteral("context.configure(version_table='from_env', version_table_schema='s')\n"),
                                 QStringLiteral("sqlite://"));
    DatabaseUrlResolver resolver(project.layout().value());
    QCOMPARE(resolver.versionTable().name, QStringLiteral("from_env"));
    QCOMPARE(resolver.versionTable().schema, QStringLiteral("s"));
    VersionTableSql::Table table;
    table.name = QStringLiteral("chosen");
    resolver.setVersionTableOverride(table);
    QCOMPARE(resolver.versionTable().name, QStringLiteral("chosen"));
    QCOMPARE(resolver.versionTable().schema, QString());

    const ProjectFixture plain(QStringLiteral("pass\n"), QStringLiteral("sqlite://"));
    QCOMPARE(DatabaseUrlResolver(plain.layout().value()).versionTable().name, QStringLiteral("alembic_version"));
}

void TestDatabaseUrlResolver::demoProject()
{
    const QString ini = QStringLiteral(RETORT_SOURCE_DIR "/resources/demo/alembic.ini");
    const Result<ProjectLayout> layout = ProjectLocator::fromConfigFile(ini);
    QVERIFY2(layout.ok(), qPrintable(layout.error()));
    DatabaseUrlResolver resolver(layout.value());
    QVERIFY(resolver.envPy().warnings.isEmpty());
    QCOMPARE(resolver.envPy().urlXArgumentKeys, QStringList{QStringLiteral("url")});
    QCOMPARE(resolver.envPy().urlVariables().size(), 1);
    QCOMPARE(resolver.envPy().urlVariables().first().variable, QStringLiteral("DATABASE_URL"));

    resolver.setEnvironment(environmentWith({{QStringLiteral("DATABASE_URL"), QStringLiteral("postgresql://u@h/shop")}}));
    QCOMPARE(resolver.resolve()->url, QStringLiteral("postgresql://u@h/shop"));
    QCOMPARE(resolver.resolve()->source.description(), QStringLiteral("from $DATABASE_URL"));

    resolver.setEnvironment(QProcessEnvironment());
    QCOMPARE(resolver.resolve()->url, QStringLiteral("sqlite:///") + QFileInfo(ini).absolutePath() + QStringLiteral("/demo.db"));
    QCOMPARE(resolver.resolve()->source.description(), QStringLiteral("from alembic.ini"));

    const Result<ProjectLayout> withX = ProjectLocator::fromConfigFile(ini, AlembicConfig::defaultSection(),
                                                                     {QStringLiteral("url=sqlite:///x.db")});
    DatabaseUrlResolver xResolver(withX.value());
    xResolver.setEnvironment(environmentWith({{QStringLiteral("DATABASE_URL"), QStringLiteral("postgresql://u@h/shop")}}));
    QCOMPARE(xResolver.resolve()->url, QStringLiteral("sqlite:///x.db"));
    QCOMPARE(xResolver.versionTable().name, QStringLiteral("alembic_version"));
}

QTEST_GUILESS_MAIN(TestDatabaseUrlResolver)
#include "tst_databaseurlresolver.moc"
