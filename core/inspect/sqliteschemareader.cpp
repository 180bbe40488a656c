// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/sqliteschemareader.h"

#include "inspect/dialectspelling.h"
#include "inspect/queryrows.h"
#include "inspect/sqlitetablesql.h"

#include <QMap>

namespace Retort {

namespace {

const QString sqlite = QStringLiteral("sqlite");

QString quotedName(const QString &name)
{
    QString escaped = name;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

SqliteSchemaReader::SqliteSchemaReader(const QSqlDatabase &database, const QStringList &skippedTables)
    : m_database(database)
    , m_skipped(skippedTables)
{ }

QString SqliteSchemaReader::pragma(const QString &name, const QString &argument) const
{
    return QStringLiteral("PRAGMA ") + name + QLatin1Char('(') + quotedName(argument) + QLatin1Char(')');
}

Result<CanonicalSchema> SqliteSchemaReader::read() const
{
    CanonicalSchema schema;
    schema.setDialect(sqlite);
    const auto tables = QueryRows::run(m_database,
                                       QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                                                      "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"));
    if (!tables)
        return Result<CanonicalSchema>::failure(tables.error());
    for (const QVariantList &row : tables.value()) {
        const QString name = row.at(0).toString();
        if (m_skipped.contains(name))
            continue;
        const Result<bool> ok = readTable(schema, name, row.at(1).toString());
        if (!ok)
            return Result<CanonicalSchema>::failure(ok.error());
    }
    return schema;
}

Result<bool> SqliteSchemaReader::readTable(CanonicalSchema &schema, const QString &table, const QString &sql) const
{
    using Kind = SchemaItem::Kind;
    const SqliteTableSql parsed = SqliteTableSql::parse(sql);
    schema.add(SchemaItem::make(Kind::Table, table, table));

    const auto columns = QueryRows::run(m_database, pragma(QStringLiteral("table_info"), table));
    if (!columns)
        return Result<bool>::failure(columns.error());
    QMap<int, QString> primaryKey; // position in the key -> column
    int position = 0;
    for (const QVariantList &c : columns.value()) {
        // cid, name, type, notnull, dflt_value, pk
        const QString name = c.at(1).toString();
        SchemaItem item = SchemaItem::make(Kind::Column, table, name);
        item.setAttribute(QStringLiteral("position"), QString::number(++position));
        item.setAttribute(QStringLiteral("type"), DialectSpelling::type(sqlite, c.at(2).toString()));
        item.setAttribute(QStringLiteral("nullable"), SchemaItem::yesNo(c.at(3).toInt() == 0));
        item.setAttribute(QStringLiteral("default"),
                          c.at(4).isNull() ? QString() : DialectSpelling::serverDefault(sqlite, c.at(4).toString()));
        item.setAttribute(QStringLiteral("autoincrement"),
                          parsed.autoincrementColumns.contains(name) ? QStringLiteral("yes") : QString());
        schema.add(item);
        if (c.at(5).toInt() > 0)
            primaryKey.insert(c.at(5).toInt(), name);
    }
    if (!primaryKey.isEmpty()) {
        SchemaItem pk = SchemaItem::make(Kind::PrimaryKey, table, QString());
        pk.setAttribute(QStringLiteral("name"), parsed.primaryKeyName);
        pk.setAttribute(QStringLiteral("columns"), SchemaItem::columnsKey(primaryKey.values()));
        schema.add(pk);
    }

    const auto foreignKeys = QueryRows::run(m_database, pragma(QStringLiteral("foreign_key_list"), table));
    if (!foreignKeys)
        return Result<bool>::failure(foreignKeys.error());
    // id, seq, table, from, to, on_update, on_delete, match; one row per column.
    struct Fk
    {
        QString table;
        QStringList from;
        QStringList to;
        QString onUpdate;
        QString onDelete;
    };
    QMap<int, Fk> fks;
    for (const QVariantList &f : foreignKeys.value()) {
        Fk &fk = fks[f.at(0).toInt()];
        fk.table = f.at(2).toString();
        fk.from.append(f.at(3).toString());
        fk.to.append(f.at(4).toString());
        fk.onUpdate = f.at(5).toString();
        fk.onDelete = f.at(6).toString();
    }
    for (const Fk &fk : std::as_const(fks)) {
        SchemaItem item = SchemaItem::make(Kind::ForeignKey, table, SchemaItem::foreignKeyKey(fk.from, fk.table, fk.to));
        item.setAttribute(QStringLiteral("name"), SqliteTableSql::nameFor(parsed.foreignKeys, fk.from));
        item.setAttribute(QStringLiteral("ondelete"), DialectSpelling::referentialAction(sqlite, fk.onDelete));
        item.setAttribute(QStringLiteral("onupdate"), DialectSpelling::referentialAction(sqlite, fk.onUpdate));
        schema.add(item);
    }

    for (const SqliteTableSql::Constraint &check : parsed.checks) {
        const QString expression = DialectSpelling::checkExpression(check.expression);
        SchemaItem item = SchemaItem::make(Kind::Check, table,
                                           check.name.isEmpty() ? QLatin1Char('#') + expression : check.name);
        item.setAttribute(QStringLiteral("expression"), expression);
        schema.add(item);
    }

    const auto indexes = QueryRows::run(m_database, pragma(QStringLiteral("index_list"), table));
    if (!indexes)
        return Result<bool>::failure(indexes.error());
    for (const QVariantList &ix : indexes.value()) {
        // seq, name, unique, origin, partial
        const QString name = ix.at(1).toString();
        const QString origin = ix.at(3).toString();
        if (origin == QLatin1String("pk"))
            continue;
        const auto info = QueryRows::run(m_database, pragma(QStringLiteral("index_info"), name));
        if (!info)
            return Result<bool>::failure(info.error());
        QStringList indexColumns;
        for (const QVariantList &i : info.value())
            indexColumns.append(i.at(2).toString()); // seqno, cid, name
        if (origin == QLatin1String("u")) {
            SchemaItem item = SchemaItem::make(Kind::Unique, table, SchemaItem::columnsKey(indexColumns));
            item.setAttribute(QStringLiteral("name"), SqliteTableSql::nameFor(parsed.uniques, indexColumns));
            schema.add(item);
            continue;
        }
        const auto indexSql = QueryRows::run(
            m_database, QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?"), {name});
        if (!indexSql)
            return Result<bool>::failure(indexSql.error());
        const SqliteIndexSql parsedIndex =
            SqliteIndexSql::parse(indexSql->isEmpty() ? QString() : indexSql->first().at(0).toString());
        QStringList expressions;
        for (const QString &e : parsedIndex.expressions)
            expressions.append(DialectSpelling::expression(e));
        SchemaItem item = SchemaItem::make(Kind::Index, table, name);
        item.setAttribute(QStringLiteral("columns"),
                          expressions.isEmpty() ? indexColumns.join(QLatin1Char(',')) : expressions.join(QLatin1Char(',')));
        item.setAttribute(QStringLiteral("unique"), SchemaItem::yesNo(ix.at(2).toInt() != 0));
        item.setAttribute(QStringLiteral("where"), DialectSpelling::expression(parsedIndex.where));
        schema.add(item);
    }
    return true;
}

} // namespace Retort
