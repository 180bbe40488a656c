// SPDX-License-Identifier: GPL-3.0-or-later
// SchemaComparison, DialectSpelling and SchemaModelCanonicalizer without a database:
// what counts as a difference, how spellings are brought together, and what the
// migrations' schema looks like in canonical form per dialect.
#include "inspect/canonicalschema.h"
#include "inspect/dialectspelling.h"
#include "inspect/schemacomparison.h"
#include "inspect/schemamodelcanonicalizer.h"
#include "schema/schemamodel.h"

#include <QtTest>

using namespace Retort;

namespace {

using Kind = SchemaItem::Kind;

SchemaItem column(const QString &table, const QString &name, const QString &type, const QString &nullable = QStringLiteral("no"))
{
    SchemaItem item = SchemaItem::make(Kind::Column, table, name);
    item.setAttribute(QStringLiteral("type"), type);
    item.setAttribute(QStringLiteral("nullable"), nullable);
    return item;
}

CanonicalSchema usersSchema()
{
    CanonicalSchema schema;
    schema.add(SchemaItem::make(Kind::Table, QStringLiteral("users"), QStringLiteral("users")));
    schema.add(column(QStringLiteral("users"), QStringLiteral("id"), QStringLiteral("integer")));
    schema.add(column(QStringLiteral("users"), QStringLiteral("name"), QStringLiteral("character varying(50)")));
    return schema;
}

TypeSpec type(const QString &name, std::optional<int> length = std::nullopt)
{
    TypeSpec t;
    t.name = name;
    t.length = length;
    return t;
}

ColumnDef columnDef(const QString &name, const TypeSpec &type)
{
    ColumnDef c;
    c.name = name;
    c.type = type;
    return c;
}

// users(id Integer PK, org_id FK orgs.id, email String(255) unique=True,
// name String(50) NOT NULL index=True server_default 'x'), orgs(id PK).
SchemaModel model()
{
    TableDef orgs;
    orgs.name = QStringLiteral("orgs");
    ColumnDef orgId = columnDef(QStringLiteral("id"), type(QStringLiteral("Integer")));
    orgId.primaryKey = true;
    orgs.columns << orgId;

    TableDef users;
    users.name = QStringLiteral("users");
    ColumnDef id = columnDef(QStringLiteral("id"), type(QStringLiteral("Integer")));
    id.primaryKey = true;
    ColumnDef org = columnDef(QStringLiteral("org_id"), type(QStringLiteral("Integer")));
    ForeignKeyDef fk;
    fk.referredTable = QStringLiteral("orgs");
    fk.referredColumns = QStringList{QStringLiteral("id")};
    fk.onDelete = QStringLiteral("CASCADE");
    org.foreignKeys << fk;
    ColumnDef email = columnDef(QStringLiteral("email"), type(QStringLiteral("String"), 255));
    email.unique = true;
    ColumnDef name = columnDef(QStringLiteral("name"), type(QStringLiteral("String"), 50));
    name.nullable = false;
    name.index = true;
    name.serverDefault = SqlExpression::makeString(QStringLiteral("x"));
    users.columns << id << org << email << name;
    CheckDef unnamed;
    unnamed.sqltext = SqlExpression::makeString(QStringLiteral("length(email) > 3"));
    users.constraints << unnamed;

    SchemaModel schema;
    schema.insert(orgs);
    schema.insert(users);
    return schema;
}

} // namespace

class TestSchemaComparison : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identicalSchemasHaveNoDifferences();
    void missingTableIsOneDifference();
    void extraColumnIsReported();
    void changedAttributeNamesBothValues();
    void attributeOnlyOnOneSideIsNotCompared();
    void unverifiableExtrasAreNotReported();
    void itemsPrintOnOneLine();
    void typeSpelling_data();
    void typeSpelling();
    void defaultSpelling_data();
    void defaultSpelling();
    void canonicalModel_data();
    void canonicalModel();
};

void TestSchemaComparison::identicalSchemasHaveNoDifferences()
{
    QVERIFY(SchemaComparison().compare(usersSchema(), usersSchema()).isEmpty());
}

void TestSchemaComparison::missingTableIsOneDifference()
{
    CanonicalSchema empty;
    const QStringList lines = SchemaComparison(QStringLiteral("the migrations"), QStringLiteral("the database"))
                                  .lines(usersSchema(), empty);
    QCOMPARE(lines, QStringList{QStringLiteral("table users: only in the migrations, not in the database")});
    const QStringList reversed = SchemaComparison(QStringLiteral("the migrations"), QStringLiteral("the database"))
                                     .lines(empty, usersSchema());
    QCOMPARE(reversed, QStringList{QStringLiteral("table users: only in the database, not in the migrations")});
}

void TestSchemaComparison::extraColumnIsReported()
{
    CanonicalSchema live = usersSchema();
    live.add(column(QStringLiteral("users"), QStringLiteral("age"), QStringLiteral("integer"), QStringLiteral("yes")));
    const QList<SchemaDifference> differences = SchemaComparison().compare(usersSchema(), live);
    QCOMPARE(differences.size(), 1);
    QCOMPARE(differences.first().kind, SchemaDifference::Kind::Extra);
    QCOMPARE(differences.first().text, QStringLiteral("column users.age: only in actual, not in expected"));
}

void TestSchemaComparison::changedAttributeNamesBothValues()
{
    CanonicalSchema live = usersSchema();
    CanonicalSchema changed;
    for (SchemaItem item : live.items()) {
        if (item.key == QLatin1String("name")) {
            item.setAttribute(QStringLiteral("type"), QStringLiteral("character varying(100)"));
            item.setAttribute(QStringLiteral("nullable"), QStringLiteral("yes"));
        }
        changed.add(item);
    }
    const QList<SchemaDifference> differences = SchemaComparison(QStringLiteral("A"), QStringLiteral("B")).compare(usersSchema(), changed);
    QCOMPARE(differences.size(), 2);
    QCOMPARE(differences.at(0).attribute, QStringLiteral("type"));
    QCOMPARE(differences.at(0).text,
             QStringLiteral("column users.name: type is character varying(50) in A, character varying(100) in B"));
    QCOMPARE(differences.at(1).text, QStringLiteral("column users.name: nullable is no in A, yes in B"));
}

void TestSchemaComparison::attributeOnlyOnOneSideIsNotCompared()
{
    CanonicalSchema expected;
    SchemaItem pk = SchemaItem::make(Kind::PrimaryKey, QStringLiteral("t"), QString());
    pk.setAttribute(QStringLiteral("columns"), QStringLiteral("(id)"));
    expected.add(pk);
    CanonicalSchema live;
    pk.setAttribute(QStringLiteral("name"), QStringLiteral("t_pkey"));
    live.add(pk);
    QVERIFY(SchemaComparison().compare(expected, live).isEmpty());
    // ...but an empty value is a value: "no name" differs from "t_pkey".
    SchemaItem unnamed = SchemaItem::make(Kind::PrimaryKey, QStringLiteral("t"), QString());
    unnamed.setAttribute(QStringLiteral("name"), QString());
    CanonicalSchema withEmptyName;
    withEmptyName.add(unnamed);
    QCOMPARE(SchemaComparison().lines(withEmptyName, live),
             QStringList{QStringLiteral("primary_key t: name is (none) in expected, t_pkey in actual")});
}

void TestSchemaComparison::unverifiableExtrasAreNotReported()
{
    CanonicalSchema expected = usersSchema();
    CanonicalSchema live = usersSchema();
    SchemaItem check = SchemaItem::make(Kind::Check, QStringLiteral("users"), QStringLiteral("users_name_check"));
    live.add(check);
    QCOMPARE(SchemaComparison().compare(expected, live).size(), 1);
    expected.setUnverifiable(Kind::Check, QStringLiteral("users"));
    QVERIFY(SchemaComparison().compare(expected, live).isEmpty());
    // Only that kind, only that table.
    live.add(SchemaItem::make(Kind::Unique, QStringLiteral("users"), QStringLiteral("(name)")));
    QCOMPARE(SchemaComparison().compare(expected, live).size(), 1);
}

void TestSchemaComparison::itemsPrintOnOneLine()
{
    SchemaItem item = SchemaItem::make(Kind::Check, QStringLiteral("t"), QStringLiteral("ck"));
    item.setAttribute(QStringLiteral("expression"), QStringLiteral("a = 'x\"y'\nOR b"));
    QCOMPARE(item.toLine(), QStringLiteral("check t.ck expression=\"a = 'x\\\"y'\\nOR b\""));
    CanonicalSchema schema = usersSchema();
    QCOMPARE(schema.toText(),
             QStringLiteral("table users\n"
                            "column users.id type=integer nullable=no\n"
                            "column users.name type=character varying(50) nullable=no\n")
                 .replace(QStringLiteral("=character varying(50)"), QStringLiteral("=\"character varying(50)\"")));
}

void TestSchemaComparison::typeSpelling_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("spelling");
    QTest::addColumn<QString>("canonical");
    const QString pg = QStringLiteral("postgresql");
    const QString my = QStringLiteral("mysql");
    const QString lite = QStringLiteral("sqlite");
    QTest::newRow("pg varchar") << pg << "VARCHAR(50)" << "character varying(50)";
    QTest::newRow("pg reported varchar") << pg << "character varying(50)" << "character varying(50)";
    QTest::newRow("pg serial") << pg << "SERIAL" << "integer";
    QTest::newRow("pg bigserial") << pg << "BIGSERIAL" << "bigint";
    QTest::newRow("pg numeric") << pg << "NUMERIC(12, 2)" << "numeric(12,2)";
    QTest::newRow("pg timestamptz") << pg << "TIMESTAMP WITH TIME ZONE" << "timestamp with time zone";
    QTest::newRow("pg timestamp") << pg << "TIMESTAMP WITHOUT TIME ZONE" << "timestamp without time zone";
    QTest::newRow("pg bare timestamp") << pg << "TIMESTAMP" << "timestamp without time zone";
    QTest::newRow("pg timestamp precision") << pg << "TIMESTAMP(3) WITH TIME ZONE" << "timestamp(3) with time zone";
    QTest::newRow("pg float") << pg << "FLOAT" << "double precision";
    QTest::newRow("pg float 24") << pg << "FLOAT(24)" << "real";
    QTest::newRow("pg char") << pg << "CHAR" << "character(1)";
    QTest::newRow("pg array") << pg << "VARCHAR(20)[][]" << "character varying(20)[]";
    QTest::newRow("pg enum name kept") << pg << "\"Mood\"" << "\"Mood\"";
    QTest::newRow("pg jsonb") << pg << "JSONB" << "jsonb";
    QTest::newRow("my int") << my << "INTEGER" << "int";
    QTest::newRow("my int width") << my << "int(11)" << "int";
    QTest::newRow("my unsigned") << my << "INTEGER(11) UNSIGNED" << "int unsigned";
    QTest::newRow("my bool") << my << "BOOL" << "tinyint(1)";
    QTest::newRow("my numeric") << my << "NUMERIC(12, 2)" << "decimal(12,2)";
    QTest::newRow("my decimal bare") << my << "DECIMAL" << "decimal(10,0)";
    QTest::newRow("my varchar charset") << my << "VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" << "varchar(20)";
    QTest::newRow("my enum keeps values") << my << "ENUM('A','b c')" << "enum('A','b c')";
    QTest::newRow("my json") << my << "JSON" << "longtext";
    QTest::newRow("my float 53") << my << "FLOAT(53)" << "double";
    QTest::newRow("sqlite upper") << lite << "varchar (50)" << "VARCHAR(50)";
    QTest::newRow("sqlite numeric") << lite << "NUMERIC(12, 2)" << "NUMERIC(12,2)";
}

void TestSchemaComparison::typeSpelling()
{
    QFETCH(QString, dialect);
    QFETCH(QString, spelling);
    QFETCH(QString, canonical);
    QCOMPARE(DialectSpelling::type(dialect, spelling), canonical);
}

void TestSchemaComparison::defaultSpelling_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("canonical");
    const QString pg = QStringLiteral("postgresql");
    const QString my = QStringLiteral("mysql");
    const QString lite = QStringLiteral("sqlite");
    QTest::newRow("pg cast") << pg << "'x'::character varying" << "'x'";
    QTest::newRow("pg cast of date") << pg << "'2024-01-01'::date" << "'2024-01-01'";
    QTest::newRow("pg numeric cast") << pg << "(0)::numeric" << "0";
    QTest::newRow("pg null") << pg << "NULL::character varying" << "";
    QTest::newRow("pg function kept") << pg << "now()" << "now()";
    QTest::newRow("pg expression cast kept") << pg << "(a + b)::integer" << "a + b";
    QTest::newRow("pg no cast of a call") << pg << "lower('X'::text)" << "lower('X'::text)";
    QTest::newRow("my null") << my << "NULL" << "";
    QTest::newRow("my current_timestamp()") << my << "current_timestamp()" << "CURRENT_TIMESTAMP";
    QTest::newRow("my now") << my << "now()" << "CURRENT_TIMESTAMP";
    QTest::newRow("my true") << my << "true" << "1";
    QTest::newRow("my decimal") << my << "0.00" << "0";
    QTest::newRow("my quoted decimal") << my << "'1.50'" << "1.5";
    QTest::newRow("sqlite parenthesised") << lite << "(true)" << "true";
    QTest::newRow("sqlite quoted number") << lite << "'0'" << "0";
    QTest::newRow("sqlite text kept") << lite << "'0 items'" << "'0 items'";
    QTest::newRow("sqlite current_timestamp") << lite << "current_timestamp" << "CURRENT_TIMESTAMP";
}

void TestSchemaComparison::defaultSpelling()
{
    QFETCH(QString, dialect);
    QFETCH(QString, expression);
    QFETCH(QString, canonical);
    QCOMPARE(DialectSpelling::serverDefault(dialect, expression), canonical);
}

void TestSchemaComparison::canonicalModel_data()
{
    QTest::addColumn<int>("dialect");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("postgresql") << int(SqlDialect::PostgreSql) << QStringList{
        QStringLiteral("table orgs comment=\"\""),
        QStringLiteral("column orgs.id position=1 type=integer nullable=no default=\"\" autoincrement=yes comment=\"\""),
        QStringLiteral("primary_key orgs name=orgs_pkey columns=(id)"),
        QStringLiteral("table users comment=\"\""),
        QStringLiteral("column users.id position=1 type=integer nullable=no default=\"\" autoincrement=yes comment=\"\""),
        QStringLiteral("column users.org_id position=2 type=integer nullable=yes default=\"\" autoincrement=\"\" comment=\"\""),
        QStringLiteral("column users.email position=3 type=\"character varying(255)\" nullable=yes default=\"\" autoincrement=\"\" comment=\"\""),
        QStringLiteral("column users.name position=4 type=\"character varying(50)\" nullable=no default=\"'x'\" autoincrement=\"\" comment=\"\""),
        QStringLiteral("primary_key users name=users_pkey columns=(id)"),
        QStringLiteral("unique users.(email) name=users_email_key"),
        QStringLiteral("foreign_key users.(org_id)->orgs(id) name=users_org_id_fkey ondelete=CASCADE onupdate=\"\""),
        QStringLiteral("index users.ix_users_name columns=name unique=no where=\"\" using=btree"),
    };
    QTest::newRow("mysql") << int(SqlDialect::MySql) << QStringList{
        QStringLiteral("table orgs comment=\"\""),
        QStringLiteral("column orgs.id position=1 type=int nullable=no default=\"\" autoincrement=yes comment=\"\""),
        QStringLiteral("primary_key orgs columns=(id)"),
        QStringLiteral("table users comment=\"\""),
        QStringLiteral("column users.id position=1 type=int nullable=no default=\"\" autoincrement=yes comment=\"\""),
        QStringLiteral("column users.org_id position=2 type=int nullable=yes default=\"\" autoincrement=\"\" comment=\"\""),
        QStringLiteral("column users.email position=3 type=varchar(255) nullable=yes default=\"\" autoincrement=\"\" comment=\"\""),
        QStringLiteral("column users.name position=4 type=varchar(50) nullable=no default=\"'x'\" autoincrement=\"\" comment=\"\""),
        QStringLiteral("primary_key users columns=(id)"),
        QStringLiteral("foreign_key users.(org_id)->orgs(id) ondelete=CASCADE onupdate=\"\""),
        QStringLiteral("index users.email columns=email unique=yes using=btree"),
        QStringLiteral("index users.ix_users_name columns=name unique=no using=btree"),
        QStringLiteral("index users.org_id columns=org_id unique=no using=btree"),
    };
    QTest::newRow("sqlite") << int(SqlDialect::Sqlite) << QStringList{
        QStringLiteral("table orgs"),
        QStringLiteral("column orgs.id position=1 type=INTEGER nullable=no default=\"\" autoincrement=\"\""),
        QStringLiteral("primary_key orgs name=\"\" columns=(id)"),
        QStringLiteral("table users"),
        QStringLiteral("column users.id position=1 type=INTEGER nullable=no default=\"\" autoincrement=\"\""),
        QStringLiteral("column users.org_id position=2 type=INTEGER nullable=yes default=\"\" autoincrement=\"\""),
        QStringLiteral("column users.email position=3 type=VARCHAR(255) nullable=yes default=\"\" autoincrement=\"\""),
        QStringLiteral("column users.name position=4 type=VARCHAR(50) nullable=no default=\"'x'\" autoincrement=\"\""),
        QStringLiteral("primary_key users name=\"\" columns=(id)"),
        QStringLiteral("unique users.(email) name=\"\""),
        QStringLiteral("foreign_key users.(org_id)->orgs(id) name=\"\" ondelete=CASCADE onupdate=\"\""),
        QStringLiteral("check \"users.#length(email) > 3\" expression=\"length(email) > 3\""),
        QStringLiteral("index users.ix_users_name columns=name unique=no where=\"\""),
    };
}

void TestSchemaComparison::canonicalModel()
{
    QFETCH(int, dialect);
    QFETCH(QStringList, expected);
    const CanonicalSchema schema = SchemaModelCanonicalizer(SqlDialect(dialect)).canonicalize(model());
    QCOMPARE(schema.toText().split(QLatin1Char('\n'), Qt::SkipEmptyParts), expected);
    // The unnamed CHECK is named by PostgreSQL and MariaDB: their checks on users are not
    // compared; SQLite keeps it nameless, keyed by its text.
    QCOMPARE(schema.isUnverifiable(Kind::Check, QStringLiteral("users")), SqlDialect(dialect) != SqlDialect::Sqlite);
}

QTEST_GUILESS_MAIN(TestSchemaComparison)
#include "tst_schemacomparison.moc"
