// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/postgresqlschemareader.h"

#include "inspect/dialectspelling.h"
#include "inspect/queryrows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Retort {

namespace {

const QString postgresql = QStringLiteral("postgresql");

// json_agg(...) as a QStringList (names come back as JSON so that no separator can
// clash with a name).
QStringList jsonStrings(const QVariant &value)
{
    QStringList out;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const QJsonValue &v : array)
        out.append(v.isString() ? v.toString() : QString::number(v.toInteger()));
    return out;
}

// pg_get_indexdef() quotes a column name that needs it ("Order" DESC); the other side
// (and the other dialects) name the column bare.
QString unquotedColumn(const QString &term)
{
    static const QRegularExpression quoted(QStringLiteral("^\"((?:[^\"]|\"\")+)\"( DESC)?$"));
    const QRegularExpressionMatch m = quoted.match(term);
    if (!m.hasMatch())
        return term;
    return m.captured(1).replace(QStringLiteral("\"\""), QStringLiteral("\"")) + m.captured(2);
}

QString action(const QString &code)
{
    if (code == QLatin1String("r"))
        return QStringLiteral("RESTRICT");
    if (code == QLatin1String("c"))
        return QStringLiteral("CASCADE");
    if (code == QLatin1String("n"))
        return QStringLiteral("SET NULL");
    if (code == QLatin1String("d"))
        return QStringLiteral("SET DEFAULT");
    return QString(); // 'a': NO ACTION, what "none given" means
}

} // namespace

PostgreSqlSchemaReader::PostgreSqlSchemaReader(const QSqlDatabase &database, const QString &schema,
                                               const QStringList &skippedTables)
    : m_database(database)
    , m_schema(schema)
    , m_skipped(skippedTables)
{ }

Result<CanonicalSchema> PostgreSqlSchemaReader::read() const
{
    using Kind = SchemaItem::Kind;
    CanonicalSchema schema;
    schema.setDialect(postgresql);
    QString schemaName = m_schema;
    if (schemaName.isEmpty()) {
        const auto current = QueryRows::run(m_database, QStringLiteral("SELECT current_schema()"));
        if (!current)
            return Result<CanonicalSchema>::failure(current.error());
        schemaName = current->isEmpty() ? QStringLiteral("public") : current->first().at(0).toString();
    }

    const auto enums = QueryRows::run(
        m_database,
        QStringLiteral("SELECT t.typname, json_agg(e.enumlabel ORDER BY e.enumsortorder)::text "
                       "FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
                       "JOIN pg_enum e ON e.enumtypid = t.oid WHERE n.nspname = ? "
                       "GROUP BY t.typname ORDER BY t.typname"),
        {schemaName});
    if (!enums)
        return Result<CanonicalSchema>::failure(enums.error());
    for (const QVariantList &row : enums.value()) {
        SchemaItem item = SchemaItem::make(Kind::EnumType, QString(), row.at(0).toString());
        QStringList quoted;
        for (QString label : jsonStrings(row.at(1)))
            quoted.append(QLatin1Char('\'') + label.replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\''));
        item.setAttribute(QStringLiteral("values"), quoted.join(QLatin1Char(',')));
        schema.add(item);
    }

    const auto tables = QueryRows::run(
        m_database,
        QStringLiteral("SELECT c.oid::text, c.relname, obj_description(c.oid, 'pg_class') "
                       "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                       "WHERE n.nspname = ? AND c.relkind IN ('r', 'p') ORDER BY c.relname"),
        {schemaName});
    if (!tables)
        return Result<CanonicalSchema>::failure(tables.error());
    for (const QVariantList &row : tables.value()) {
        const QString name = row.at(1).toString();
        if (m_skipped.contains(name))
            continue;
        const Result<bool> ok = readTable(schema, schemaName, row.at(0).toString(), name, row.at(2).toString());
        if (!ok)
            return Result<CanonicalSchema>::failure(ok.error());
    }
    return schema;
}

Result<bool> PostgreSqlSchemaReader::readTable(CanonicalSchema &schema, const QString &schemaName,
                                               const QString &oid, const QString &table,
                                               const QString &comment) const
{
    using Kind = SchemaItem::Kind;
    SchemaItem tableItem = SchemaItem::make(Kind::Table, table, table);
    tableItem.setAttribute(QStringLiteral("comment"), comment);
    schema.add(tableItem);

    const auto columns = QueryRows::run(
        m_database,
        QStringLiteral("SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                       "pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, a.attgenerated::text, "
                       "col_description(a.attrelid, a.attnum) "
                       "FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                       "WHERE a.attrelid = ?::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum"),
        {oid});
    if (!columns)
        return Result<bool>::failure(columns.error());
    int position = 0;
    for (const QVariantList &c : columns.value()) {
        SchemaItem item = SchemaItem::make(Kind::Column, table, c.at(0).toString());
        item.setAttribute(QStringLiteral("position"), QString::number(++position));
        item.setAttribute(QStringLiteral("type"), DialectSpelling::type(postgresql, c.at(1).toString()));
        item.setAttribute(QStringLiteral("nullable"), SchemaItem::yesNo(!c.at(2).toBool()));
        QString defaultValue = c.at(3).isNull() ? QString() : c.at(3).toString();
        QString autoincrement;
        const QString identity = c.at(4).toString();
        if (identity == QLatin1String("a"))
            autoincrement = QStringLiteral("identity always");
        else if (identity == QLatin1String("d"))
            autoincrement = QStringLiteral("identity by default");
        else if (defaultValue.startsWith(QLatin1String("nextval("))) {
            // SERIAL: the sequence's name is derived from table and column, so the
            // default says nothing more than "autoincrement".
            autoincrement = QStringLiteral("yes");
            defaultValue.clear();
        }
        QString computed;
        if (c.at(5).toString() == QLatin1String("s")) {
            computed = DialectSpelling::expression(defaultValue);
            defaultValue.clear();
        }
        item.setAttribute(QStringLiteral("default"), DialectSpelling::serverDefault(postgresql, defaultValue));
        item.setAttribute(QStringLiteral("autoincrement"), autoincrement);
        item.setAttribute(QStringLiteral("comment"), c.at(6).toString());
        if (!computed.isEmpty())
            item.setAttribute(QStringLiteral("computed"), computed);
        schema.add(item);
    }

    const auto constraints = QueryRows::run(
        m_database,
        QStringLiteral(
            "SELECT con.conname, con.contype::text, pg_get_constraintdef(con.oid, true), "
            "(SELECT json_agg(a.attname ORDER BY k.i)::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i) "
            "  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n), "
            "(SELECT json_agg(a.attname ORDER BY k.i)::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i) "
            "  JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n), "
            "cf.relname, nf.nspname, con.confupdtype::text, con.confdeltype::text "
            "FROM pg_constraint con LEFT JOIN pg_class cf ON cf.oid = con.confrelid "
            "LEFT JOIN pg_namespace nf ON nf.oid = cf.relnamespace "
            "WHERE con.conrelid = ?::oid ORDER BY con.conname"),
        {oid});
    if (!constraints)
        return Result<bool>::failure(constraints.error());
    for (const QVariantList &c : constraints.value()) {
        const QString name = c.at(0).toString();
        const QString type = c.at(1).toString();
        const QStringList keyColumns = jsonStrings(c.at(3));
        if (type == QLatin1String("p")) {
            SchemaItem item = SchemaItem::make(Kind::PrimaryKey, table, QString());
            item.setAttribute(QStringLiteral("name"), name);
            item.setAttribute(QStringLiteral("columns"), SchemaItem::columnsKey(keyColumns));
            schema.add(item);
        } else if (type == QLatin1String("u")) {
            SchemaItem item = SchemaItem::make(Kind::Unique, table, SchemaItem::columnsKey(keyColumns));
            item.setAttribute(QStringLiteral("name"), name);
            schema.add(item);
        } else if (type == QLatin1String("f")) {
            QString referred = c.at(5).toString();
            if (c.at(6).toString() != schemaName)
                referred = c.at(6).toString() + QLatin1Char('.') + referred;
            SchemaItem item = SchemaItem::make(Kind::ForeignKey, table,
                                               SchemaItem::foreignKeyKey(keyColumns, referred, jsonStrings(c.at(4))));
            item.setAttribute(QStringLiteral("name"), name);
            item.setAttribute(QStringLiteral("ondelete"), action(c.at(8).toString()));
            item.setAttribute(QStringLiteral("onupdate"), action(c.at(7).toString()));
            schema.add(item);
        } else if (type == QLatin1String("c")) {
            SchemaItem item = SchemaItem::make(Kind::Check, table, name);
            item.setAttribute(QStringLiteral("expression"), DialectSpelling::checkExpression(c.at(2).toString()));
            schema.add(item);
        }
    }

    const auto indexes = QueryRows::run(
        m_database,
        QStringLiteral(
            "SELECT ic.relname, i.indisunique, pg_get_expr(i.indpred, i.indrelid, true), am.amname, "
            "(SELECT json_agg(pg_get_indexdef(i.indexrelid, k, true) || "
            "   CASE WHEN (i.indoption[k - 1] & 1) = 1 THEN ' DESC' ELSE '' END ORDER BY k)::text "
            "  FROM generate_series(1, i.indnkeyatts) k) "
            "FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam "
            "WHERE i.indrelid = ?::oid AND NOT EXISTS (SELECT 1 FROM pg_constraint con "
            "  WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')) "
            "ORDER BY ic.relname"),
        {oid});
    if (!indexes)
        return Result<bool>::failure(indexes.error());
    for (const QVariantList &ix : indexes.value()) {
        QStringList expressions;
        for (const QString &e : jsonStrings(ix.at(4)))
            expressions.append(DialectSpelling::expression(unquotedColumn(e)));
        SchemaItem item = SchemaItem::make(Kind::Index, table, ix.at(0).toString());
        item.setAttribute(QStringLiteral("columns"), expressions.join(QLatin1Char(',')));
        item.setAttribute(QStringLiteral("unique"), SchemaItem::yesNo(ix.at(1).toBool()));
        item.setAttribute(QStringLiteral("where"), DialectSpelling::expression(ix.at(2).toString()));
        item.setAttribute(QStringLiteral("using"), ix.at(3).toString());
        schema.add(item);
    }
    return true;
}

} // namespace Retort
