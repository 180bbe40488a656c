// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/schemamodelcanonicalizer.h"

#include "inspect/dialectspelling.h"

namespace Retort {

namespace {

using Kind = SchemaItem::Kind;

QStringList primaryKeyColumns(const TableDef &table, const PrimaryKeyDef **explicitKey)
{
    *explicitKey = nullptr;
    for (const ConstraintDef &c : table.constraints) {
        if (const auto *pk = std::get_if<PrimaryKeyDef>(&c)) {
            *explicitKey = pk;
            return pk->columns;
        }
    }
    QStringList columns;
    for (const ColumnDef &column : table.columns) {
        if (column.primaryKey)
            columns << column.name;
    }
    return columns;
}

QString referredTable(const ForeignKeyDef &fk)
{
    return fk.referredSchema.isEmpty() ? fk.referredTable : fk.referredSchema + QLatin1Char('.') + fk.referredTable;
}

// PostgreSQL and MySQL identifiers are cut at 63 / 64 characters.
constexpr int postgresqlNameLength = 63;

} // namespace

SchemaModelCanonicalizer::SchemaModelCanonicalizer(SqlDialect dialect)
    : m_dialect(dialect)
    , m_ddl(dialect)
{ }

QString SchemaModelCanonicalizer::dialectName() const
{
    return sqlDialectName(m_dialect);
}

CanonicalSchema SchemaModelCanonicalizer::canonicalize(const SchemaModel &model) const
{
    CanonicalSchema schema;
    schema.setDialect(dialectName());
    for (const TableDef &table : model.tables()) {
        if (!table.schema.isEmpty())
            continue;
        addTable(schema, table);
    }
    return schema;
}

QString SchemaModelCanonicalizer::compiledExpression(const SqlExpression &expression, bool asDefault) const
{
    const Result<QString> text = m_ddl.expressions().compile(
        expression, asDefault ? ExpressionCompiler::Context::ServerDefault : ExpressionCompiler::Context::Verbatim);
    return text ? text.value() : QString();
}

QString SchemaModelCanonicalizer::indexTerm(const SqlExpression &expression) const
{
    if (expression.kind == SqlExpression::Kind::Column)
        return expression.text;
    if (expression.kind == SqlExpression::Kind::Desc && !expression.operands.empty() &&
        expression.operands.front().kind == SqlExpression::Kind::Column)
        return expression.operands.front().text + QStringLiteral(" DESC");
    if (expression.kind == SqlExpression::Kind::Asc && !expression.operands.empty() &&
        expression.operands.front().kind == SqlExpression::Kind::Column)
        return expression.operands.front().text;
    return DialectSpelling::expression(compiledExpression(expression, false));
}

QString SchemaModelCanonicalizer::postgresqlName(const QString &table, const QStringList &columns,
                                                 const QString &suffix) const
{
    QString name = table;
    for (const QString &column : columns)
        name += QLatin1Char('_') + column;
    name += QLatin1Char('_') + suffix;
    // Longer names are truncated by a rule that also looks for collisions: not predicted.
    return name.toUtf8().size() <= postgresqlNameLength ? name : QString();
}

void SchemaModelCanonicalizer::addTable(CanonicalSchema &schema, const TableDef &table) const
{
    const QString dialect = dialectName();
    const bool sqlite = m_dialect == SqlDialect::Sqlite;
    const bool postgresql = m_dialect == SqlDialect::PostgreSql;
    const bool mysql = m_dialect == SqlDialect::MySql;
    const QString name = table.name;

    SchemaItem tableItem = SchemaItem::make(Kind::Table, name, name);
    if (!sqlite)
        tableItem.setAttribute(QStringLiteral("comment"), table.comment.value_or(QString()));
    schema.add(tableItem);

    const ColumnDef *autoincrement = DdlCompiler::autoincrementColumn(table);
    const bool sqliteAutoincrement = table.dialectOptions.scalar(QStringLiteral("sqlite_autoincrement")).boolean;
    int position = 0;
    for (const ColumnDef &column : table.columns) {
        SchemaItem item = SchemaItem::make(Kind::Column, name, column.name);
        item.setAttribute(QStringLiteral("position"), QString::number(++position));
        const TypeSpec &type = m_ddl.types().effective(column.type);
        if (const Result<QString> compiled = m_ddl.types().compile(column.type))
            item.setAttribute(QStringLiteral("type"), DialectSpelling::type(dialect, compiled.value()));
        item.setAttribute(QStringLiteral("nullable"), SchemaItem::yesNo(DdlCompiler::isNullable(column, &table)));

        QString autoincrementValue;
        const bool isAutoincrementColumn = autoincrement == &column && !column.serverDefault;
        if (postgresql && column.identity)
            autoincrementValue = column.identity->always ? QStringLiteral("identity always")
                                                         : QStringLiteral("identity by default");
        else if ((postgresql || mysql) && isAutoincrementColumn)
            autoincrementValue = QStringLiteral("yes");
        else if (sqlite && sqliteAutoincrement && autoincrement == &column)
            autoincrementValue = QStringLiteral("yes");
        QString defaultValue;
        if (column.serverDefault && !column.computed)
            defaultValue = DialectSpelling::serverDefault(dialect, compiledExpression(*column.serverDefault, true));
        item.setAttribute(QStringLiteral("default"), defaultValue);
        item.setAttribute(QStringLiteral("autoincrement"), autoincrementValue);
        if (!sqlite)
            item.setAttribute(QStringLiteral("comment"), column.comment.value_or(QString()));
        schema.add(item);

        if (postgresql && m_ddl.types().isNativeEnum(column.type) && type.enumName &&
            !schema.find(Kind::EnumType, QString(), *type.enumName)) {
            SchemaItem enumItem = SchemaItem::make(Kind::EnumType, QString(), *type.enumName);
            QStringList values;
            for (QString v : type.enumValues)
                values << QLatin1Char('\'') + v.replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
            enumItem.setAttribute(QStringLiteral("values"), values.join(QLatin1Char(',')));
            schema.add(enumItem);
        }
        // The CHECK a Boolean/Enum(create_constraint=True) adds is named by the type or
        // by the server: not predicted.
        if (type.createConstraint.value_or(false) && !postgresql)
            schema.setUnverifiable(Kind::Check, name);
    }

    const PrimaryKeyDef *explicitKey = nullptr;
    const QStringList pkColumns = primaryKeyColumns(table, &explicitKey);
    if (!pkColumns.isEmpty()) {
        SchemaItem item = SchemaItem::make(Kind::PrimaryKey, name, QString());
        if (explicitKey && explicitKey->name.isSet() && !mysql)
            item.setAttribute(QStringLiteral("name"), explicitKey->name.text());
        else if (sqlite)
            item.setAttribute(QStringLiteral("name"), QString());
        else if (postgresql) {
            const QString predicted = postgresqlName(name, {}, QStringLiteral("pkey"));
            if (!predicted.isEmpty())
                item.setAttribute(QStringLiteral("name"), predicted);
        }
        item.setAttribute(QStringLiteral("columns"), SchemaItem::columnsKey(pkColumns));
        schema.add(item);
    }

    // Unique constraints, in the order SQLAlchemy emits them; on MySQL they become the
    // unique indexes the server reports.
    QList<UniqueDef> uniques;
    QList<ForeignKeyDef> foreignKeys;
    for (const ConstraintDef &c : table.constraints) {
        if (const auto *uq = std::get_if<UniqueDef>(&c))
            uniques << *uq;
        else if (const auto *fk = std::get_if<ForeignKeyDef>(&c))
            foreignKeys << *fk;
        else if (const auto *ck = std::get_if<CheckDef>(&c)) {
            if (!ck->name.isSet() && !sqlite) {
                schema.setUnverifiable(Kind::Check, name);
                continue;
            }
            const QString expression = DialectSpelling::checkExpression(compiledExpression(ck->sqltext, false));
            SchemaItem item = SchemaItem::make(Kind::Check, name,
                                               ck->name.isSet() ? ck->name.text() : QLatin1Char('#') + expression);
            if (sqlite)
                item.setAttribute(QStringLiteral("expression"), expression);
            schema.add(item);
        }
    }
    for (const ColumnDef &column : table.columns) {
        if (column.unique.value_or(false) && !column.index.value_or(false)) {
            UniqueDef uq;
            uq.columns = QStringList{column.name};
            uniques << uq;
        }
        for (ForeignKeyDef fk : column.foreignKeys) {
            fk.columns = QStringList{column.name};
            foreignKeys << fk;
        }
    }

    QList<SchemaItem> indexItems;
    for (const IndexDef &index : m_ddl.tableIndexes(table)) {
        SchemaItem item = SchemaItem::make(Kind::Index, name, index.name.text());
        bool lengths = false;
        if (mysql) {
            const DialectOption *length = index.dialectOptions.find(QStringLiteral("mysql_length"));
            lengths = length != nullptr;
        }
        QStringList terms;
        for (const SqlExpression &e : index.expressions)
            terms << indexTerm(e);
        if (!lengths)
            item.setAttribute(QStringLiteral("columns"), terms.join(QLatin1Char(',')));
        item.setAttribute(QStringLiteral("unique"), SchemaItem::yesNo(index.unique));
        if (!mysql) {
            const DialectOption *where = index.dialectOptions.find(dialect + QStringLiteral("_where"));
            QString condition;
            if (where && where->kind == DialectOption::Kind::Expression && where->expression)
                condition = DialectSpelling::expression(compiledExpression(*where->expression, false));
            else if (where && where->kind == DialectOption::Kind::Scalar && !where->value.isNone())
                condition = DialectSpelling::expression(where->value.text);
            item.setAttribute(QStringLiteral("where"), condition);
        }
        if (postgresql) {
            const SqlValue method = index.dialectOptions.scalar(QStringLiteral("postgresql_using"));
            item.setAttribute(QStringLiteral("using"), method.isNone() ? QStringLiteral("btree") : method.text.toLower());
        } else if (mysql) {
            const QString prefix = index.dialectOptions.scalar(QStringLiteral("mysql_prefix")).text.toLower();
            const SqlValue method = index.dialectOptions.scalar(QStringLiteral("mysql_using"));
            item.setAttribute(QStringLiteral("using"), !prefix.isEmpty() ? prefix
                                                       : method.isNone() ? QStringLiteral("btree")
                                                                         : method.text.toLower());
        }
        indexItems << item;
    }

    for (const UniqueDef &uq : uniques) {
        if (mysql) {
            // MySQL names an unnamed unique key after its first column.
            QString indexName = uq.name.isSet() ? uq.name.text() : uq.columns.value(0);
            for (int n = 2; !uq.name.isSet() && std::any_of(indexItems.cbegin(), indexItems.cend(),
                                                            [&](const SchemaItem &i) { return i.key == indexName; });
                 ++n)
                indexName = uq.columns.value(0) + QLatin1Char('_') + QString::number(n);
            SchemaItem item = SchemaItem::make(Kind::Index, name, indexName);
            item.setAttribute(QStringLiteral("columns"), uq.columns.join(QLatin1Char(',')));
            item.setAttribute(QStringLiteral("unique"), QStringLiteral("yes"));
            item.setAttribute(QStringLiteral("using"), QStringLiteral("btree"));
            indexItems << item;
            continue;
        }
        SchemaItem item = SchemaItem::make(Kind::Unique, name, SchemaItem::columnsKey(uq.columns));
        if (uq.name.isSet())
            item.setAttribute(QStringLiteral("name"), uq.name.text());
        else if (sqlite)
            item.setAttribute(QStringLiteral("name"), QString());
        else if (const QString predicted = postgresqlName(name, uq.columns, QStringLiteral("key")); !predicted.isEmpty())
            item.setAttribute(QStringLiteral("name"), predicted);
        schema.add(item);
    }

    for (const ForeignKeyDef &fk : foreignKeys) {
        SchemaItem item = SchemaItem::make(Kind::ForeignKey, name,
                                           SchemaItem::foreignKeyKey(fk.columns, referredTable(fk), fk.referredColumns));
        if (fk.name.isSet())
            item.setAttribute(QStringLiteral("name"), fk.name.text());
        else if (sqlite)
            item.setAttribute(QStringLiteral("name"), QString());
        else if (postgresql) {
            if (const QString predicted = postgresqlName(name, fk.columns, QStringLiteral("fkey")); !predicted.isEmpty())
                item.setAttribute(QStringLiteral("name"), predicted);
        }
        item.setAttribute(QStringLiteral("ondelete"), DialectSpelling::referentialAction(dialect, fk.onDelete));
        item.setAttribute(QStringLiteral("onupdate"), DialectSpelling::referentialAction(dialect, fk.onUpdate));
        schema.add(item);

        if (mysql) {
            // InnoDB needs an index whose leading columns are the foreign key's; it
            // creates one, named after the constraint (or the first column), when the
            // primary key or another index does not already start with them.
            const auto covers = [&](const QStringList &columns) {
                return columns.mid(0, fk.columns.size()) == fk.columns;
            };
            bool covered = covers(pkColumns);
            for (const SchemaItem &index : std::as_const(indexItems)) {
                if (index.hasAttribute(QStringLiteral("columns")) &&
                    covers(index.attribute(QStringLiteral("columns")).split(QLatin1Char(','))))
                    covered = true;
            }
            if (!covered) {
                SchemaItem index = SchemaItem::make(Kind::Index, name,
                                                    fk.name.isSet() ? fk.name.text() : fk.columns.value(0));
                index.setAttribute(QStringLiteral("columns"), fk.columns.join(QLatin1Char(',')));
                index.setAttribute(QStringLiteral("unique"), QStringLiteral("no"));
                index.setAttribute(QStringLiteral("using"), QStringLiteral("btree"));
                indexItems << index;
            }
        }
    }
    for (const SchemaItem &item : std::as_const(indexItems))
        schema.add(item);
}

} // namespace Retort
