// SPDX-License-Identifier: GPL-3.0-or-later
// SqlRiskAnalyzer: which operations of a migration are flagged as destructive or
// locking, per dialect, and where (the op.* call's line).
#include "ops/interpreter.h"
#include "preview/sqlriskanalyzer.h"
#include "python/pythonast.h"
#include "schema/migrationmodulecache.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Retort;

class TestSqlRiskAnalyzer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void flagsRiskyOperations_data();
    void flagsRiskyOperations();
    void riskNamesMigrationFileAndReason();

private:
    // The risks of `def upgrade():` with the given body (its first line is line 8).
    SqlRisks analyze(const QByteArray &body, SqlDialect dialect, QString *error);
    QTemporaryDir m_dir;
    int m_files = 0;
};

SqlRisks TestSqlRiskAnalyzer::analyze(const QByteArray &body, SqlDialect dialect, QString *error)
{
    const QString path = m_dir.filePath(QStringLiteral("m%1.py").arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return {};
    }
    file.write("from alembic import op\nimport sqlalchemy as sa\nrevision = 'aaaa'\n"
               "down_revision = None\n\n\ndef upgrade():\n" + body + "\n");
    file.close();
    MigrationModuleCache modules;
    Diagnostic parseError;
    const PythonModule *module = modules.module(path, &parseError);
    if (!module) {
        *error = parseError.toString();
        return {};
    }
    const InterpretedFunction function =
        Interpreter(*module).interpret(QStringLiteral("upgrade"), sqlDialectName(dialect));
    if (!function.renderable()) {
        *error = function.diagnostics.first().toString();
        return {};
    }
    return SqlRiskAnalyzer::analyze(function.operations, dialect,
                                    {QStringLiteral("aaaa"), MigrationStep::Direction::Upgrade, path});
}

void TestSqlRiskAnalyzer::flagsRiskyOperations_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("expected"); // "kind:line,..." in order; "" = nothing flagged

    const QByteArray copyFrom =
        "    t = sa.Table('users', sa.MetaData(), sa.Column('id', sa.Integer(), primary_key=True),"
        " sa.Column('email', sa.String(100)))\n";

    QTest::newRow("drop table") << QByteArray("    op.drop_table('users')") << "sqlite"
                                << "drop-table:8";
    QTest::newRow("drop column") << QByteArray("    op.drop_column('users', 'email')")
                                 << "mysql" << "drop-column:8";
    QTest::newRow("string shortened, mysql")
        << QByteArray("    op.alter_column('users', 'name', type_=sa.String(50), "
                      "existing_type=sa.String(100))")
        << "mysql" << "narrowing-type:8";
    QTest::newRow("string shortened, postgresql rewrites")
        << QByteArray("    op.alter_column('users', 'name', type_=sa.String(50), "
                      "existing_type=sa.String(100))")
        << "postgresql" << "narrowing-type:8,table-rewrite:8";
    QTest::newRow("string lengthened, postgresql keeps rows")
        << QByteArray("    op.alter_column('users', 'name', type_=sa.String(200), "
                      "existing_type=sa.String(100))")
        << "postgresql" << "";
    QTest::newRow("string to text, postgresql keeps rows")
        << QByteArray("    op.alter_column('users', 'name', type_=sa.Text(), "
                      "existing_type=sa.String(100))")
        << "postgresql" << "";
    QTest::newRow("text to string")
        << QByteArray("    op.alter_column('users', 'bio', type_=sa.String(length=500), "
                      "existing_type=sa.Text())")
        << "mysql" << "narrowing-type:8";
    QTest::newRow("integer to smallinteger")
        << QByteArray("    op.alter_column('users', 'age', type_=sa.SmallInteger(), "
                      "existing_type=sa.Integer())")
        << "mysql" << "narrowing-type:8";
    QTest::newRow("integer to biginteger")
        << QByteArray("    op.alter_column('users', 'age', type_=sa.BigInteger(), "
                      "existing_type=sa.Integer())")
        << "mysql" << "";
    QTest::newRow("numeric precision lowered")
        << QByteArray("    op.alter_column('t', 'price', type_=sa.Numeric(10, 2), "
                      "existing_type=sa.Numeric(12, 2))")
        << "mysql" << "narrowing-type:8";
    QTest::newRow("type change without existing type, postgresql")
        << QByteArray("    op.alter_column('users', 'age', type_=sa.BigInteger())") << "postgresql"
        << "table-rewrite:8";
    QTest::newRow("type change without existing type, mysql")
        << QByteArray("    op.alter_column('users', 'age', type_=sa.BigInteger())") << "mysql"
        << "";
    QTest::newRow("not null on an existing column")
        << QByteArray("    op.alter_column('users', 'email', nullable=False)") << "postgresql"
        << "not-null-existing:8";
    QTest::newRow("already not null")
        << QByteArray("    op.alter_column('users', 'email', nullable=False, "
                      "existing_nullable=False, new_column_name='mail')")
        << "postgresql" << "";
    QTest::newRow("not null column without default")
        << QByteArray("    pass\n    op.add_column('users', sa.Column('age', sa.Integer(), "
                      "nullable=False))")
        << "sqlite" << "not-null-no-default:9";
    QTest::newRow("not null column with server default")
        << QByteArray("    op.add_column('users', sa.Column('age', sa.Integer(), "
                      "nullable=False, server_default='0'))")
        << "sqlite" << "";
    QTest::newRow("nullable column") << QByteArray("    op.add_column('users', sa.Column('age', "
                                                   "sa.Integer()))")
                                     << "postgresql" << "";
    QTest::newRow("index on postgresql")
        << QByteArray("    op.create_index('ix_users_email', 'users', ['email'])") << "postgresql"
        << "index-locks-table:8";
    QTest::newRow("index concurrently")
        << QByteArray("    with op.get_context().autocommit_block():\n"
                      "        op.create_index('ix_users_email', 'users', ['email'], "
                      "postgresql_concurrently=True)")
        << "postgresql" << "";
    QTest::newRow("index on sqlite")
        << QByteArray("    op.create_index('ix_users_email', 'users', ['email'])") << "sqlite"
        << "";
    QTest::newRow("new table is harmless")
        << QByteArray("    op.create_table('t', sa.Column('id', sa.Integer(), primary_key=True),"
                      " sa.Column('n', sa.Integer(), nullable=False))")
        << "postgresql" << "";
    QTest::newRow("sqlite batch rebuilds the table")
        << copyFrom + "    with op.batch_alter_table('users', copy_from=t) as batch_op:\n"
                      "        batch_op.drop_column('email')"
        << "sqlite" << "table-rewrite:9,drop-column:10";
    QTest::newRow("batch on postgresql alters in place")
        << copyFrom + "    with op.batch_alter_table('users', copy_from=t) as batch_op:\n"
                      "        batch_op.drop_column('email')"
        << "postgresql" << "drop-column:10";
    QTest::newRow("sqlite batch that only adds an index")
        << copyFrom + "    with op.batch_alter_table('users', copy_from=t) as batch_op:\n"
                      "        batch_op.create_index('ix_e', ['email'])"
        << "sqlite" << "";
    QTest::newRow("batch recreate always on postgresql")
        << copyFrom + "    with op.batch_alter_table('users', copy_from=t, recreate='always') "
                      "as batch_op:\n"
                      "        batch_op.alter_column('email', type_=sa.String(50), "
                      "existing_type=sa.String(100))"
        << "postgresql" << "table-rewrite:9,narrowing-type:10";
}

void TestSqlRiskAnalyzer::flagsRiskyOperations()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, dialect);
    QFETCH(QString, expected);

    QString error;
    const SqlRisks risks = analyze(body, sqlDialectFromName(dialect).value(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList found;
    for (const SqlRisk &risk : risks)
        found << SqlRisk::kindName(risk.kind) + QLatin1Char(':') + QString::number(risk.line);
    QCOMPARE(found.join(QLatin1Char(',')), expected);
}

void TestSqlRiskAnalyzer::riskNamesMigrationFileAndReason()
{
    QString error;
    const SqlRisks risks = analyze("    op.drop_column('users', 'email', schema='shop')",
                                   SqlDialect::PostgreSql, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(risks.size(), 1);
    const SqlRisk &risk = risks.first();
    QCOMPARE(risk.revision, QStringLiteral("aaaa"));
    QCOMPARE(risk.operation, QStringLiteral("drop_column"));
    QCOMPARE(risk.target, QStringLiteral("shop.users.email"));
    QCOMPARE(risk.column, 5);
    QVERIFY(risk.file.endsWith(QLatin1String(".py")));
    QCOMPARE(risk.toString(), risk.file + QStringLiteral(":8: warning: drops column shop.users.email "
                                                         "(the column's values are deleted)"));
}

QTEST_GUILESS_MAIN(TestSqlRiskAnalyzer)
#include "tst_sqlriskanalyzer.moc"
