// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/mysqlschemareader.h"

#include "inspect/dialectspelling.h"
#include "inspect/queryrows.h"

#include <QMap>

namespace Retort {

namespace {

const QString mysql = QStringLiteral("mysql");

QString text(const QVariant &value)
{
    return value.isNull() ? QString() : QString::fromUtf8(value.toByteArray());
}

} // namespace

MySqlSchemaReader::MySqlSchemaReader(const QSqlDatabase &database, const QString &schema,
                                     const QStringList &skippedTables)
    : m_database(database)
    , m_schema(schema)
    , m_skipped(skippedTables)
{ }

Result<CanonicalSchema> MySqlSchemaReader::read() const
{
    CanonicalSchema schema;
    schema.setDialect(mysql);
    QString schemaName = m_schema;
    if (schemaName.isEmpty()) {
        const auto current = QueryRows::run(m_database, QStringLiteral("SELECT DATABASE()"));
        if (!current)
            return Result<CanonicalSchema>::failure(current.error());
        schemaName = current->isEmpty() ? QString() : text(current->first().at(0));
        if (schemaName.isEmpty())
            return Result<CanonicalSchema>::failure(
                QStringLiteral("cannot read the schema: the connection has no database selected "
                               "(add the database name to the URL)"));
    }
    const auto tables = QueryRows::run(
        m_database,
        QStringLiteral("SELECT TABLE_NAME, TABLE_COMMENT FROM information_schema.TABLES "
                       "WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME"),
        {schemaName});
    if (!tables)
        return Result<CanonicalSchema>::failure(tables.error());
    for (const QVariantList &row : tables.value()) {
        const QString name = text(row.at(0));
        if (m_skipped.contains(name))
            continue;
        const Result<bool> ok = readTable(schema, schemaName, name, text(row.at(1)));
        if (!ok)
            return Result<CanonicalSchema>::failure(ok.error());
    }
    return schema;
}

Result<bool> MySqlSchemaReader::readTable(CanonicalSchema &schema, const QString &schemaName,
                                          const QString &table, const QString &comment) const
{
    using Kind = SchemaItem::Kind;
    SchemaItem tableItem = SchemaItem::make(Kind::Table, table, table);
    tableItem.setAttribute(QStringLiteral("comment"), comment);
    schema.add(tableItem);

    const auto columns = QueryRows::run(
        m_database,
        QStringLiteral("SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, COLUMN_COMMENT, "
                       "GENERATION_EXPRESSION FROM information_schema.COLUMNS "
                       "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION"),
        {schemaName, table});
    if (!columns)
        return Result<bool>::failure(columns.error());
    int position = 0;
    QStringList jsonColumns;
    for (const QVariantList &c : columns.value()) {
        const QString name = text(c.at(0));
        const QString extra = text(c.at(4)).toLower();
        SchemaItem item = SchemaItem::make(Kind::Column, table, name);
        item.setAttribute(QStringLiteral("position"), QString::number(++position));
        const QString type = DialectSpelling::type(mysql, text(c.at(1)));
        if (type == QLatin1String("longtext"))
            jsonColumns.append(name);
        item.setAttribute(QStringLiteral("type"), type);
        item.setAttribute(QStringLiteral("nullable"), SchemaItem::yesNo(text(c.at(2)) == QLatin1String("YES")));
        const bool generated = extra.contains(QLatin1String("generated"));
        item.setAttribute(QStringLiteral("default"),
                          generated ? QString() : DialectSpelling::serverDefault(mysql, text(c.at(3))));
        item.setAttribute(QStringLiteral("autoincrement"),
                          extra.contains(QLatin1String("auto_increment")) ? QStringLiteral("yes") : QString());
        item.setAttribute(QStringLiteral("comment"), text(c.at(5)));
        if (generated)
            item.setAttribute(QStringLiteral("computed"), DialectSpelling::expression(text(c.at(6))));
        schema.add(item);
    }

    const auto keyColumns = QueryRows::run(
        m_database,
        QStringLiteral("SELECT k.CONSTRAINT_NAME, t.CONSTRAINT_TYPE, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA, "
                       "k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME "
                       "FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.TABLE_CONSTRAINTS t "
                       "ON t.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND t.TABLE_NAME = k.TABLE_NAME "
                       "AND t.CONSTRAINT_NAME = k.CONSTRAINT_NAME "
                       "WHERE k.TABLE_SCHEMA = ? AND k.TABLE_NAME = ? "
                       "AND t.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'FOREIGN KEY') "
                       "ORDER BY k.CONSTRAINT_NAME, k.ORDINAL_POSITION"),
        {schemaName, table});
    if (!keyColumns)
        return Result<bool>::failure(keyColumns.error());
    struct Key
    {
        QString type;
        QStringList columns;
        QString referredTable;
        QStringList referredColumns;
    };
    QMap<QString, Key> keys;
    for (const QVariantList &k : keyColumns.value()) {
        Key &key = keys[text(k.at(0))];
        key.type = text(k.at(1));
        key.columns.append(text(k.at(2)));
        key.referredTable = text(k.at(3)) == schemaName || text(k.at(3)).isEmpty()
                                ? text(k.at(4))
                                : text(k.at(3)) + QLatin1Char('.') + text(k.at(4));
        key.referredColumns.append(text(k.at(5)));
    }
    const auto rules = QueryRows::run(
        m_database,
        QStringLiteral("SELECT CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS "
                       "WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?"),
        {schemaName, table});
    if (!rules)
        return Result<bool>::failure(rules.error());
    QMap<QString, std::pair<QString, QString>> actions; // name -> (update, delete)
    for (const QVariantList &r : rules.value())
        actions.insert(text(r.at(0)), {text(r.at(1)), text(r.at(2))});
    for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
        if (it->type == QLatin1String("PRIMARY KEY")) {
            // Always named PRIMARY: no name to compare.
            SchemaItem item = SchemaItem::make(Kind::PrimaryKey, table, QString());
            item.setAttribute(QStringLiteral("columns"), SchemaItem::columnsKey(it->columns));
            schema.add(item);
            continue;
        }
        SchemaItem item = SchemaItem::make(Kind::ForeignKey, table,
                                           SchemaItem::foreignKeyKey(it->columns, it->referredTable, it->referredColumns));
        item.setAttribute(QStringLiteral("name"), it.key());
        item.setAttribute(QStringLiteral("ondelete"), DialectSpelling::referentialAction(mysql, actions.value(it.key()).second));
        item.setAttribute(QStringLiteral("onupdate"), DialectSpelling::referentialAction(mysql, actions.value(it.key()).first));
        schema.add(item);
    }

    const auto checks = QueryRows::run(
        m_database,
        QStringLiteral("SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS "
                       "WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ? ORDER BY CONSTRAINT_NAME"),
        {schemaName, table});
    if (!checks)
        return Result<bool>::failure(checks.error());
    for (const QVariantList &c : checks.value()) {
        const QString name = text(c.at(0));
        const QString clause = DialectSpelling::checkExpression(text(c.at(1)));
        // MariaDB's JSON is LONGTEXT plus this column CHECK: part of the type, not a
        // constraint anyone declared.
        if (jsonColumns.contains(name) &&
            clause == QStringLiteral("json_valid(`") + name + QStringLiteral("`)"))
            continue;
        SchemaItem item = SchemaItem::make(Kind::Check, table, name);
        item.setAttribute(QStringLiteral("expression"), clause);
        schema.add(item);
    }

    const auto indexes = QueryRows::run(
        m_database,
        QStringLiteral("SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, COLLATION, INDEX_TYPE "
                       "FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? "
                       "ORDER BY INDEX_NAME, SEQ_IN_INDEX"),
        {schemaName, table});
    if (!indexes)
        return Result<bool>::failure(indexes.error());
    QMap<QString, SchemaItem> indexItems;
    for (const QVariantList &ix : indexes.value()) {
        const QString name = text(ix.at(0));
        if (name == QLatin1String("PRIMARY"))
            continue;
        QString term = text(ix.at(2));
        if (!ix.at(3).isNull())
            term += QLatin1Char('(') + text(ix.at(3)) + QLatin1Char(')');
        if (text(ix.at(4)) == QLatin1String("D"))
            term += QStringLiteral(" DESC");
        auto it = indexItems.find(name);
        if (it == indexItems.end()) {
            SchemaItem item = SchemaItem::make(Kind::Index, table, name);
            item.setAttribute(QStringLiteral("columns"), term);
            item.setAttribute(QStringLiteral("unique"), SchemaItem::yesNo(text(ix.at(1)) == QLatin1String("0")));
            item.setAttribute(QStringLiteral("using"), text(ix.at(5)).toLower());
            indexItems.insert(name, item);
        } else {
            it->setAttribute(QStringLiteral("columns"), it->attribute(QStringLiteral("columns")) + QLatin1Char(',') + term);
        }
    }
    for (const SchemaItem &item : std::as_const(indexItems))
        schema.add(item);
    return true;
}

} // namespace Retort
