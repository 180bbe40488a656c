// SPDX-License-Identifier: GPL-3.0-or-later
// Offline SQL of single migrations per dialect, against statements recorded with the
// reference Alembic 1.13.2 / SQLAlchemy 2.0.40 (tests/core/data/sql/regenerate.py).

#include "ops/interpreter.h"
#include "python/pythonast.h"
#include "python/pythonparser.h"
#include "sql/identifierpreparer.h"
#include "sql/sqlrenderer.h"
#include "sql/textclause.h"
#include "sql/typecompiler.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <optional>

using namespace Retort;

namespace {

QString dataDir()
{
    return QStringLiteral(RETORT_TESTS_SOURCE_DIR "/core/data/sql");
}

std::optional<QString> readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return QString::fromUtf8(file.readAll());
}

// What Alembic writes for a compiled statement (offline-sql.md §3).
QString postProcess(const QString &statement)
{
    QString text = statement;
    text.replace(QLatin1Char('\t'), QStringLiteral("    "));
    return text.trimmed() + QLatin1Char(';');
}

} // namespace

class TestSqlRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void migrationMatchesAlembic_data();
    void migrationMatchesAlembic();
    void quotesIdentifiers_data();
    void quotesIdentifiers();
    void compilesTypes_data();
    void compilesTypes();
    void compilesTextClauses_data();
    void compilesTextClauses();
};

void TestSqlRender::migrationMatchesAlembic_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("function");
    QTest::addColumn<QString>("reference");

    const QDir inputs(dataDir() + QStringLiteral("/input"));
    const QStringList files = inputs.entryList(QStringList{QStringLiteral("*.py")}, QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QString &file : files) {
        const QString stem = file.chopped(3);
        for (const char *dialect : {"sqlite", "postgresql", "mysql"}) {
            for (const char *function : {"upgrade", "downgrade"}) {
                const QString reference = QStringLiteral("%1/reference/%2.%3.%4.sql")
                                              .arg(dataDir(), stem, QLatin1String(dialect), QLatin1String(function));
                QTest::addRow("%s-%s-%s", qPrintable(stem), dialect, function)
                    << inputs.filePath(file) << QString::fromLatin1(dialect) << QString::fromLatin1(function) << reference;
            }
        }
    }
}

void TestSqlRender::migrationMatchesAlembic()
{
    QFETCH(QString, input);
    QFETCH(QString, dialect);
    QFETCH(QString, function);
    QFETCH(QString, reference);

    QFile file(input);
    QVERIFY(file.open(QIODevice::ReadOnly));
    Diagnostic error;
    const std::unique_ptr<PythonModule> module = PythonParser::parseBytes(file.readAll(), input, &error);
    QVERIFY2(module, qPrintable(error.toString()));
    const InterpretedFunction interpreted = Interpreter(*module).interpret(function, dialect);
    QVERIFY2(interpreted.renderable(),
             qPrintable(interpreted.diagnostics.isEmpty() ? QString() : interpreted.diagnostics.first().toString()));

    const std::unique_ptr<SqlRenderer> renderer = SqlRenderer::create(*sqlDialectFromName(dialect));
    const Result<QStringList> rendered = renderer->renderAll(interpreted.operations);

    const std::optional<QString> recorded = readText(reference);
    QVERIFY2(recorded, qPrintable(reference));
    const QString expected = *recorded;
    if (expected.startsWith(QLatin1String("FAILED: "))) {
        QVERIFY2(!rendered, "Alembic refuses this migration offline");
        const QString message = expected.mid(8).trimmed();
        // Alembic's own errors (CommandError) must match exactly; for Python exceptions
        // (which name object addresses) the exception class must.
        static const QRegularExpression exception(QStringLiteral("^([A-Za-z_.]*(Error|NotImplementedError)): "));
        const QRegularExpressionMatch match = exception.match(message);
        if (match.hasMatch())
            QVERIFY2(rendered.error().startsWith(match.captured(1)), qPrintable(rendered.error()));
        else
            QCOMPARE(rendered.error(), message);
        return;
    }
    QVERIFY2(rendered, qPrintable(rendered.error()));
    QStringList actual;
    for (const QString &statement : rendered.value())
        actual << postProcess(statement);
    const QStringList wanted = expected.trimmed().isEmpty() ? QStringList() : expected.trimmed().split(QStringLiteral("\n\n"));
    QCOMPARE(actual, wanted);
}

void TestSqlRender::quotesIdentifiers_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << int(SqlDialect::PostgreSql) << QStringLiteral("account") << QStringLiteral("account");
    QTest::newRow("mixed case") << int(SqlDialect::PostgreSql) << QStringLiteral("Users") << QStringLiteral("\"Users\"");
    QTest::newRow("reserved postgresql") << int(SqlDialect::PostgreSql) << QStringLiteral("user") << QStringLiteral("\"user\"");
    QTest::newRow("not reserved sqlite") << int(SqlDialect::Sqlite) << QStringLiteral("user") << QStringLiteral("user");
    QTest::newRow("reserved mysql backtick") << int(SqlDialect::MySql) << QStringLiteral("select") << QStringLiteral("`select`");
    QTest::newRow("leading digit") << int(SqlDialect::Sqlite) << QStringLiteral("1st") << QStringLiteral("\"1st\"");
    QTest::newRow("dollar inside") << int(SqlDialect::Sqlite) << QStringLiteral("a$b") << QStringLiteral("a$b");
    QTest::newRow("space") << int(SqlDialect::MySql) << QStringLiteral("a b") << QStringLiteral("`a b`");
    QTest::newRow("quote doubled") << int(SqlDialect::PostgreSql) << QStringLiteral("a\"b") << QStringLiteral("\"a\"\"b\"");
    QTest::newRow("non-ascii") << int(SqlDialect::PostgreSql) << QStringLiteral("straße") << QStringLiteral("\"straße\"");
}

void TestSqlRender::quotesIdentifiers()
{
    QFETCH(int, dialect);
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(IdentifierPreparer(SqlDialect(dialect)).quote(name), expected);
}

void TestSqlRender::compilesTypes_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QString>("typeName");
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("expected");

    // Recorded with SQLAlchemy 2.0.40's type compilers.
    QTest::newRow("pg datetime") << int(SqlDialect::PostgreSql) << QStringLiteral("DateTime") << -1 << QStringLiteral("TIMESTAMP WITHOUT TIME ZONE");
    QTest::newRow("pg time") << int(SqlDialect::PostgreSql) << QStringLiteral("Time") << -1 << QStringLiteral("TIME WITHOUT TIME ZONE");
    QTest::newRow("pg binary") << int(SqlDialect::PostgreSql) << QStringLiteral("LargeBinary") << -1 << QStringLiteral("BYTEA");
    QTest::newRow("pg double") << int(SqlDialect::PostgreSql) << QStringLiteral("Double") << -1 << QStringLiteral("DOUBLE PRECISION");
    QTest::newRow("pg uuid") << int(SqlDialect::PostgreSql) << QStringLiteral("Uuid") << -1 << QStringLiteral("UUID");
    QTest::newRow("mysql bool") << int(SqlDialect::MySql) << QStringLiteral("Boolean") << -1 << QStringLiteral("BOOL");
    QTest::newRow("mysql interval") << int(SqlDialect::MySql) << QStringLiteral("Interval") << -1 << QStringLiteral("DATETIME");
    QTest::newRow("mysql blob length") << int(SqlDialect::MySql) << QStringLiteral("LargeBinary") << 100 << QStringLiteral("BLOB(100)");
    QTest::newRow("mysql uuid") << int(SqlDialect::MySql) << QStringLiteral("Uuid") << -1 << QStringLiteral("CHAR(32)");
    QTest::newRow("mysql nvarchar") << int(SqlDialect::MySql) << QStringLiteral("NVARCHAR") << 4 << QStringLiteral("NATIONAL VARCHAR(4)");
    QTest::newRow("sqlite double") << int(SqlDialect::Sqlite) << QStringLiteral("Double") << -1 << QStringLiteral("DOUBLE");
    QTest::newRow("sqlite varchar") << int(SqlDialect::Sqlite) << QStringLiteral("String") << -1 << QStringLiteral("VARCHAR");
    QTest::newRow("sqlite unicode") << int(SqlDialect::Sqlite) << QStringLiteral("Unicode") << 5 << QStringLiteral("VARCHAR(5)");
}

void TestSqlRender::compilesTypes()
{
    QFETCH(int, dialect);
    QFETCH(QString, typeName);
    QFETCH(int, length);
    QFETCH(QString, expected);
    TypeSpec type;
    type.name = typeName;
    if (length >= 0)
        type.length = length;
    const IdentifierPreparer preparer{SqlDialect(dialect)};
    const Result<QString> compiled = TypeCompiler(preparer).compile(type);
    QVERIFY2(compiled, qPrintable(compiled.error()));
    QCOMPARE(compiled.value(), expected);
}

void TestSqlRender::compilesTextClauses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << QStringLiteral("UPDATE t SET a = 1") << QStringLiteral("UPDATE t SET a = 1");
    QTest::newRow("bind in quotes") << QStringLiteral("SELECT ':foo'") << QStringLiteral("SELECT 'NULL'");
    QTest::newRow("cast kept") << QStringLiteral("SELECT a::int") << QStringLiteral("SELECT a::int");
    QTest::newRow("time kept") << QStringLiteral("SELECT '12:30'") << QStringLiteral("SELECT '12:30'");
    QTest::newRow("escaped colon") << QStringLiteral("SELECT 'a\\:b'") << QStringLiteral("SELECT 'a:b'");
    QTest::newRow("percent") << QStringLiteral("SELECT '100%'") << QStringLiteral("SELECT '100%'");
    QTest::newRow("bind before colon") << QStringLiteral("SELECT :ab:") << QStringLiteral("SELECT :ab:");
}

void TestSqlRender::compilesTextClauses()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(TextClause::compile(text), expected);
}

QTEST_GUILESS_MAIN(TestSqlRender)
#include "tst_sqlrender.moc"
