// SPDX-License-Identifier: GPL-3.0-or-later
//
// Tests for the Interpreter (core/ops): migration script -> typed operations.
//
// Reference files in tests/core/data/interpreter/:
//   input/<name>.py        a migration script
//   reference/<name>.ops   operationDump() of upgrade() and downgrade() (and any
//                          upgrade_<x>/downgrade_<x>) for sqlite, postgresql and mysql,
//                          one section per function (per dialect where they differ),
//                          with the diagnostics, if any, as `! line:col: message`.
// To regenerate after an intended change, run with RETORT_REGENERATE=1, review the
// diff and commit it.
//
// badInput: scripts that must give exactly the listed diagnostics.
//
// scanProjects (development aid, skipped by default): RETORT_INTERPRETER_SCAN is a
// ':'-separated list of directories; every *.py below them is interpreted for the
// three dialects and must give no diagnostic (RETORT_INTERPRETER_SCAN_DUMP=1 also prints
// every dump).

#include "ops/interpreter.h"
#include "ops/operationdump.h"
#include "python/pythonparser.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace Retort;

namespace {

const QStringList Dialects = {QStringLiteral("sqlite"), QStringLiteral("postgresql"),
                              QStringLiteral("mysql")};

QString dataDir()
{
    return QStringLiteral(RETORT_TESTS_SOURCE_DIR "/core/data/interpreter");
}

bool regenerating()
{
    return qEnvironmentVariableIntValue("RETORT_REGENERATE") == 1;
}

QString diagnosticsText(const Diagnostics &diagnostics)
{
    QString text;
    for (const Diagnostic &d : diagnostics)
        text += QStringLiteral("! %1:%2: %3\n").arg(d.line).arg(d.column).arg(d.message);
    return text;
}

QString functionText(const InterpretedFunction &result)
{
    return diagnosticsText(result.diagnostics) + operationDump(result.operations);
}

QStringList migrationFunctions(const PythonModule &module)
{
    QStringList names;
    for (const PythonAst::Stmt *statement : module.body()) {
        const auto *def = statement->as<PythonAst::FunctionDef>();
        if (def && (def->name == QLatin1String("upgrade") || def->name == QLatin1String("downgrade") ||
                    def->name.startsWith(QLatin1String("upgrade_")) ||
                    def->name.startsWith(QLatin1String("downgrade_"))))
            names.append(def->name);
    }
    return names;
}

QString dumpScript(const PythonModule &module)
{
    const Interpreter interpreter(module);
    QString text;
    for (const QString &function : migrationFunctions(module)) {
        QStringList perDialect;
        for (const QString &dialect : Dialects)
            perDialect.append(functionText(interpreter.interpret(function, dialect)));
        if (perDialect.count(perDialect.first()) == perDialect.size()) {
            text += QStringLiteral("## %1 (all dialects)\n").arg(function) + perDialect.first();
        } else {
            for (qsizetype i = 0; i < Dialects.size(); ++i)
                text += QStringLiteral("## %1 [%2]\n").arg(function, Dialects.at(i)) + perDialect.at(i);
        }
    }
    return text;
}

std::unique_ptr<PythonModule> parse(const QString &source, const QString &fileName)
{
    PythonParser parser(source, fileName);
    std::unique_ptr<PythonModule> module = parser.parse();
    if (!module)
        qWarning().noquote() << parser.error().toString();
    return module;
}

} // namespace

class TestInterpreter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void references_data();
    void references();
    void badInput_data();
    void badInput();
    void dialectDecidesBranches();
    void operationsCopyAcrossValues();
    void missingFunction();
    void scanProjects();
};

void TestInterpreter::references_data()
{
    QTest::addColumn<QString>("name");
    const QDir input(dataDir() + QStringLiteral("/input"));
    const QStringList files = input.entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << file.chopped(3);
}

void TestInterpreter::references()
{
    QFETCH(QString, name);
    QFile input(dataDir() + QStringLiteral("/input/") + name + QStringLiteral(".py"));
    QVERIFY(input.open(QIODevice::ReadOnly));
    Diagnostic error;
    const std::unique_ptr<PythonModule> module =
        PythonParser::parseBytes(input.readAll(), name + QStringLiteral(".py"), &error);
    QVERIFY2(module, qPrintable(error.toString()));
    const QString actual = dumpScript(*module);
    const QString referencePath = dataDir() + QStringLiteral("/reference/") + name + QStringLiteral(".ops");
    if (regenerating()) {
        QFile out(referencePath);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(actual.toUtf8());
        return;
    }
    QFile reference(referencePath);
    QVERIFY2(reference.open(QIODevice::ReadOnly), qPrintable(referencePath));
    const QString expected = QString::fromUtf8(reference.readAll());
    if (actual != expected) {
        const QStringList a = actual.split(QLatin1Char('\n'));
        const QStringList e = expected.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < std::max(a.size(), e.size()); ++i) {
            const QString al = a.value(i);
            const QString el = e.value(i);
            QVERIFY2(al == el, qPrintable(QStringLiteral("line %1\n  actual:   %2\n  expected: %3")
                                              .arg(i + 1)
                                              .arg(al, el)));
        }
    }
    QCOMPARE(actual, expected);
}

void TestInterpreter::badInput_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("expected");

    // The body is placed inside `def upgrade():` after the usual imports, so the first
    // body line is line 6; columns count from 1 (the body is indented by 4).
    QTest::newRow("unknown directive")
        << QStringLiteral("op.create_tabel('t')")
        << QStringLiteral("! 6:5: 'op.create_tabel' is not an Alembic operation\n");
    QTest::newRow("unknown batch directive")
        << QStringLiteral("with op.batch_alter_table('t') as batch_op:\n        batch_op.rename_table('x')")
        << QStringLiteral("! 7:9: 'batch_op.rename_table' is not an Alembic operation\n");
    QTest::newRow("missing argument")
        << QStringLiteral("op.drop_column('t')")
        << QStringLiteral("! 6:5: op.drop_column() missing 1 required positional argument: 'column_name'\n");
    QTest::newRow("too many arguments")
        << QStringLiteral("op.drop_table('t', 'u')")
        << QStringLiteral("! 6:24: op.drop_table() takes 1 positional argument but 2 were given\n");
    QTest::newRow("unexpected keyword")
        << QStringLiteral("op.alter_column('t', 'c', nulable=True)")
        << QStringLiteral("! 6:31: op.alter_column() got an unexpected keyword argument 'nulable'\n");
    QTest::newRow("string length")
        << QStringLiteral("op.add_column('t', sa.Column('c', sa.String('x')))")
        << QStringLiteral("! 6:49: sa.String(): length must be an integer, not 'x'\n");
    QTest::newRow("unknown type")
        << QStringLiteral("op.add_column('t', sa.Column('c', sa.Strin(20)))")
        << QStringLiteral("! 6:39: sa.Strin() is not supported natively; this migration needs the "
                          "Python bridge to render natively\n");
    QTest::newRow("bind execute")
        << QStringLiteral("conn = op.get_bind()\n    rows = conn.execute(sa.text('SELECT id FROM t'))\n"
                          "    for row in rows:\n        op.execute('UPDATE t SET x = 1')")
        << QStringLiteral("! 7:12: op.get_bind().execute() runs SQL on the live database connection; "
                          "this migration needs the Python bridge to render natively\n");
    QTest::newRow("loop over query results")
        << QStringLiteral("for row in op.get_bind().execute(sa.text('SELECT id FROM t')):\n"
                          "        op.execute('UPDATE t SET x = 1')")
        << QStringLiteral("! 6:16: op.get_bind().execute() runs SQL on the live database connection; "
                          "this migration needs the Python bridge to render natively\n");
    QTest::newRow("if on data")
        << QStringLiteral("if op.get_bind().execute(sa.text('SELECT 1')).scalar():\n        pass")
        << QStringLiteral("! 6:8: op.get_bind().execute() runs SQL on the live database connection; "
                          "this migration needs the Python bridge to render natively\n");
    QTest::newRow("server version")
        << QStringLiteral("if op.get_bind().dialect.server_version_info >= (12,):\n        pass")
        << QStringLiteral("! 6:8: Dialect.server_version_info is not evaluated natively; this "
                          "migration needs the Python bridge to render natively\n");
    QTest::newRow("misspelt create_table keyword")
        << QStringLiteral("op.create_table('t', sa.Column('id', sa.Integer()), shema='app')")
        << QStringLiteral("! 6:57: op.create_table() got an unexpected keyword argument 'shema'\n");
    QTest::newRow("enum of an application class")
        << QStringLiteral("from myapp.enums import Status\n    op.add_column('t', sa.Column('s', sa.Enum(Status)))")
        << QStringLiteral("! 7:47: sa.Enum() of 'Status', imported from the application module "
                          "'myapp.enums' on line 6, needs the Python bridge to render natively\n");
    QTest::newRow("application import")
        << QStringLiteral("from myapp.models import User\n    op.bulk_insert(User.__table__, [])")
        << QStringLiteral("! 7:20: 'User', imported from the application module 'myapp.models' on "
                          "line 6, needs the Python bridge to render natively\n");
    QTest::newRow("orm session")
        << QStringLiteral("from sqlalchemy.orm import Session\n    session = Session(bind=op.get_bind())")
        << QStringLiteral("! 7:15: sa.orm.Session() works on the application's ORM models and a live "
                          "database; this migration needs the Python bridge to render natively\n");
    QTest::newRow("undefined name")
        << QStringLiteral("op.drop_table(TABLE)")
        << QStringLiteral("! 6:19: name 'TABLE' is not defined\n");
    QTest::newRow("f-string")
        << QStringLiteral("name = 't'\n    op.execute(f'DROP TABLE {name}')")
        << QStringLiteral("! 7:16: f-strings are not evaluated natively; this migration needs the "
                          "Python bridge to render natively\n");
    QTest::newRow("try statement")
        << QStringLiteral("try:\n        op.drop_table('t')\n    except Exception:\n        pass")
        << QStringLiteral("! 6:5: try statements are not evaluated natively; this migration needs "
                          "the Python bridge to render natively\n");
    QTest::newRow("one diagnostic per construct")
        << QStringLiteral("op.drop_tabel('a')\n    op.drop_table('b', 'c')\n    op.drop_table('d')")
        << QStringLiteral("! 6:5: 'op.drop_tabel' is not an Alembic operation\n"
                          "! 7:24: op.drop_table() takes 1 positional argument but 2 were given\n");
    QTest::newRow("bad constraint type")
        << QStringLiteral("op.drop_constraint('x', 't', type_='fk')")
        << QStringLiteral("! 6:34: op.drop_constraint(): type_ must be one of 'foreignkey', 'primary', "
                          "'unique', 'check', not 'fk'\n");
    QTest::newRow("copy_from not a table")
        << QStringLiteral("with op.batch_alter_table('t', copy_from='t') as batch_op:\n        "
                          "batch_op.drop_column('c')")
        << QStringLiteral("! 6:36: op.batch_alter_table(): copy_from must be a sa.Table(...), not str\n");
}

void TestInterpreter::badInput()
{
    QFETCH(QString, body);
    QFETCH(QString, expected);
    const QString source = QStringLiteral("from alembic import op\nimport sqlalchemy as sa\n\n\n"
                                          "def upgrade():\n    ") +
                           body + QLatin1Char('\n');
    const std::unique_ptr<PythonModule> module = parse(source, QStringLiteral("bad.py"));
    QVERIFY(module);
    const InterpretedFunction result = Interpreter(*module).interpret(QStringLiteral("upgrade"),
                                                                       QStringLiteral("sqlite"));
    QCOMPARE(diagnosticsText(result.diagnostics), expected);
    QVERIFY(!result.renderable());
    for (const Diagnostic &d : result.diagnostics)
        QCOMPARE(d.file, QStringLiteral("bad.py"));
}

void TestInterpreter::dialectDecidesBranches()
{
    const QString source = QStringLiteral(
        "from alembic import op\n"
        "def upgrade():\n"
        "    if op.get_context().dialect.name == 'postgresql':\n"
        "        op.execute('CREATE EXTENSION x')\n"
        "    elif op.get_bind().dialect.name in ('mysql', 'mariadb'):\n"
        "        op.execute('SET x = 1')\n"
        "    if op.get_bind().dialect.name != 'sqlite':\n"
        "        op.drop_table('t')\n");
    const std::unique_ptr<PythonModule> module = parse(source, QStringLiteral("d.py"));
    QVERIFY(module);
    const Interpreter interpreter(*module);
    QCOMPARE(interpreter.interpret(QStringLiteral("upgrade"), QStringLiteral("sqlite")).operations.size(), 0);
    const Operations pg = interpreter.interpret(QStringLiteral("upgrade"), QStringLiteral("postgresql")).operations;
    QCOMPARE(pg.size(), 2);
    QCOMPARE(std::get<Execute>(pg.at(0)).sql, QStringLiteral("CREATE EXTENSION x"));
    const Operations my = interpreter.interpret(QStringLiteral("upgrade"), QStringLiteral("mariadb")).operations;
    QCOMPARE(my.size(), 2);
    QCOMPARE(std::get<Execute>(my.at(0)).sql, QStringLiteral("SET x = 1"));
    QCOMPARE(operationName(my.at(1)), QStringLiteral("drop_table"));
    QCOMPARE(operationRange(my.at(1)).start.line, 8);
    QCOMPARE(operationRange(my.at(1)).start.column, 9);
}

void TestInterpreter::operationsCopyAcrossValues()
{
    const QString source = QStringLiteral(
        "from alembic import op\nimport sqlalchemy as sa\n"
        "def upgrade():\n"
        "    with op.batch_alter_table('t') as batch_op:\n"
        "        batch_op.add_column(sa.Column('c', sa.JSON().with_variant(sa.Text(), 'mysql')))\n");
    const std::unique_ptr<PythonModule> module = parse(source, QStringLiteral("c.py"));
    QVERIFY(module);
    Operations operations =
        Interpreter(*module).interpret(QStringLiteral("upgrade"), QStringLiteral("mysql")).operations;
    const Operations copy = operations;
    QCOMPARE(copy, operations);
    const auto &batch = std::get<BatchAlterTable>(copy.first());
    const auto &add = std::get<AddColumn>(batch.operations.first());
    QCOMPARE(add.table, QStringLiteral("t"));
    QCOMPARE(add.column.type.forDialect(QStringLiteral("mysql")).name, QStringLiteral("Text"));
    QCOMPARE(add.column.type.forDialect(QStringLiteral("sqlite")).name, QStringLiteral("JSON"));
    std::get<BatchAlterTable>(operations.first()).table = QStringLiteral("u");
    QVERIFY(!(copy == operations));
}

void TestInterpreter::missingFunction()
{
    const std::unique_ptr<PythonModule> module =
        parse(QStringLiteral("def upgrade():\n    pass\n"), QStringLiteral("m.py"));
    QVERIFY(module);
    const Interpreter interpreter(*module);
    QVERIFY(interpreter.hasFunction(QStringLiteral("upgrade")));
    QVERIFY(!interpreter.hasFunction(QStringLiteral("downgrade")));
    const InterpretedFunction result = interpreter.interpret(QStringLiteral("downgrade"), QStringLiteral("sqlite"));
    QCOMPARE(diagnosticsText(result.diagnostics),
             QStringLiteral("! 0:0: the script has no function downgrade()\n"));
    QVERIFY(interpreter.interpret(QStringLiteral("upgrade"), QStringLiteral("sqlite")).renderable());
}

void TestInterpreter::scanProjects()
{
    const QString roots = qEnvironmentVariable("RETORT_INTERPRETER_SCAN");
    if (roots.isEmpty())
        QSKIP("set RETORT_INTERPRETER_SCAN to directories of migration scripts to scan them");
    int files = 0;
    QStringList problems;
    for (const QString &root : roots.split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
        QDirIterator it(root, {QStringLiteral("*.py")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!path.contains(QLatin1String("/versions/")))
                continue;
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            Diagnostic error;
            const std::unique_ptr<PythonModule> module = PythonParser::parseBytes(file.readAll(), path, &error);
            if (!module) {
                problems.append(error.toString());
                continue;
            }
            ++files;
            const Interpreter interpreter(*module);
            for (const QString &function : migrationFunctions(*module)) {
                for (const QString &dialect : Dialects) {
                    const InterpretedFunction result = interpreter.interpret(function, dialect);
                    if (qEnvironmentVariableIntValue("RETORT_INTERPRETER_SCAN_DUMP") == 1)
                        qInfo().noquote() << QStringLiteral("## %1 %2 [%3]\n").arg(path, function, dialect)
                                                 + operationDump(result.operations);
                    for (const Diagnostic &d : result.diagnostics)
                        problems.append(QStringLiteral("[%1 %2] ").arg(dialect, function) + d.toString());
                }
            }
        }
    }
    qInfo("scanned %d scripts", files);
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 40).join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestInterpreter)

#include "tst_interpreter.moc"
