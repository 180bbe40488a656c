// SPDX-License-Identifier: GPL-3.0-or-later
#include "ddlcompiler.h"

#include "sql/sqlitebatchrenderer.h"
#include "sql/textclause.h"

#include <algorithm>

namespace Retort {

namespace {

template<typename T>
Result<QStringList> one(const Result<T> &statement)
{
    if (!statement)
        return Result<QStringList>::failure(statement.error());
    return QStringList{statement.value()};
}

// The columns of the table's PRIMARY KEY: an explicit PrimaryKeyConstraint, else the
// columns flagged primary_key=True in table order.
QStringList primaryKeyColumns(const TableDef &table, const PrimaryKeyDef **explicitKey)
{
    for (const ConstraintDef &c : table.constraints) {
        if (const auto *pk = std::get_if<PrimaryKeyDef>(&c)) {
            if (explicitKey)
                *explicitKey = pk;
            return pk->columns;
        }
    }
    if (explicitKey)
        *explicitKey = nullptr;
    QStringList columns;
    for (const ColumnDef &column : table.columns) {
        if (column.primaryKey)
            columns << column.name;
    }
    return columns;
}

bool hasForeignKey(const TableDef &table, const ColumnDef &column)
{
    if (!column.foreignKeys.isEmpty())
        return true;
    for (const ConstraintDef &c : table.constraints) {
        if (const auto *fk = std::get_if<ForeignKeyDef>(&c); fk && fk->columns.contains(column.name))
            return true;
    }
    return false;
}

} // namespace

DdlCompiler::DdlCompiler(SqlDialect dialect)
    : m_preparer(dialect)
    , m_types(m_preparer)
    , m_expressions(m_preparer)
{
}

Result<QStringList> DdlCompiler::render(const Operation &operation) const
{
    return std::visit([this](const auto &op) { return dispatch(op); }, operation);
}

Result<QStringList> DdlCompiler::renderBatchOperation(const BatchOperation &operation) const
{
    return std::visit([this](const auto &op) { return dispatch(op); }, operation);
}

Result<QStringList> DdlCompiler::batch(const BatchAlterTable &op) const
{
    // In place (each operation as its plain ALTER) or "move and copy", per dialect.
    return SqliteBatchRenderer(*this).render(op);
}

Result<QStringList> DdlCompiler::autocommitBlock(bool) const
{
    return QStringList();
}

QString DdlCompiler::tableName(const QString &name, const QString &schema) const
{
    if (schema.isEmpty())
        return m_preparer.quote(name);
    return m_preparer.quote(schema) + QLatin1Char('.') + m_preparer.quote(name);
}

QString DdlCompiler::alterTable(const QString &table, const QString &schema) const
{
    return QStringLiteral("ALTER TABLE ") + tableName(table, schema);
}

QString DdlCompiler::columnList(const QStringList &columns) const
{
    QStringList quoted;
    for (const QString &c : columns)
        quoted << m_preparer.quote(c);
    return quoted.join(QStringLiteral(", "));
}

Result<QString> DdlCompiler::constraintName(const ObjectName &name) const
{
    return m_preparer.quote(name.text());
}

QString DdlCompiler::deferrability(const ConstraintOptions &options) const
{
    QString text;
    if (options.deferrable)
        text += *options.deferrable ? QStringLiteral(" DEFERRABLE") : QStringLiteral(" NOT DEFERRABLE");
    if (!options.initially.isEmpty())
        text += QStringLiteral(" INITIALLY ") + options.initially;
    return text;
}

bool DdlCompiler::isNullable(const ColumnDef &column, const TableDef *table)
{
    if (column.nullable)
        return *column.nullable;
    if (column.primaryKey || column.identity)
        return false;
    if (table) {
        const QStringList pk = primaryKeyColumns(*table, nullptr);
        if (pk.contains(column.name))
            return false;
    }
    return true;
}

const ColumnDef *DdlCompiler::autoincrementColumn(const TableDef &table)
{
    const QStringList pk = primaryKeyColumns(table, nullptr);
    const auto validates = [&table](const ColumnDef &column, bool explicitTrue) {
        if (!TypeCompiler::isIntegerType(column.type))
            return false;
        if (explicitTrue)
            return true;
        if (column.defaultValue || column.serverDefault)
            return false;
        return !hasForeignKey(table, column);
    };
    if (pk.size() == 1) {
        const ColumnDef *column = table.column(pk.front());
        if (!column)
            return nullptr;
        if (column->autoincrement == ColumnDef::Autoincrement::True)
            return validates(*column, true) ? column : nullptr;
        if (column->autoincrement == ColumnDef::Autoincrement::Auto && validates(*column, false))
            return column;
        return nullptr;
    }
    for (const QString &name : pk) {
        const ColumnDef *column = table.column(name);
        if (column && column->autoincrement == ColumnDef::Autoincrement::True)
            return column;
    }
    return nullptr;
}

Result<std::optional<QString>> DdlCompiler::defaultClause(const std::optional<SqlExpression> &serverDefault) const
{
    if (!serverDefault)
        return std::optional<QString>();
    const Result<QString> text = m_expressions.compile(*serverDefault, ExpressionCompiler::Context::ServerDefault);
    if (!text)
        return Result<std::optional<QString>>::failure(text.error());
    return std::optional<QString>(text.value());
}

// SQLAlchemy's generic get_column_specification (SQLite's differs only in DEFAULT
// parenthesizing and the position of GENERATED, see SqliteRenderer).
Result<QString> DdlCompiler::columnSpecification(const ColumnDef &column, const TableDef *table) const
{
    const Result<QString> type = m_types.compile(column.type);
    if (!type)
        return type;
    QString spec = m_preparer.quote(column.name) + QLatin1Char(' ') + type.value();
    const Result<std::optional<QString>> def = defaultClause(column.serverDefault);
    if (!def)
        return Result<QString>::failure(def.error());
    if (def.value())
        spec += QStringLiteral(" DEFAULT ") + *def.value();
    if (column.computed) {
        const Result<QString> text = m_expressions.compile(column.computed->sqltext, ExpressionCompiler::Context::Verbatim);
        if (!text)
            return text;
        spec += QStringLiteral(" GENERATED ALWAYS AS (") + text.value() + QLatin1Char(')');
        if (column.computed->persisted)
            spec += *column.computed->persisted ? QStringLiteral(" STORED") : QStringLiteral(" VIRTUAL");
    }
    if (!isNullable(column, table) && !column.identity)
        spec += QStringLiteral(" NOT NULL");
    return spec;
}

Result<QString> DdlCompiler::constraintClause(const ConstraintDef &constraint, const QString &) const
{
    const auto prefix = [this](const ObjectName &name) {
        return name.isSet() ? QStringLiteral("CONSTRAINT ") + m_preparer.quote(name.text()) + QLatin1Char(' ') : QString();
    };
    if (const auto *pk = std::get_if<PrimaryKeyDef>(&constraint))
        return QString(prefix(pk->name) + QStringLiteral("PRIMARY KEY (") + columnList(pk->columns) + QLatin1Char(')')
            + deferrability(pk->options));
    if (const auto *uq = std::get_if<UniqueDef>(&constraint))
        return QString(prefix(uq->name) + QStringLiteral("UNIQUE (") + columnList(uq->columns) + QLatin1Char(')')
            + deferrability(uq->options));
    if (const auto *ck = std::get_if<CheckDef>(&constraint)) {
        const Result<QString> text = m_expressions.compile(ck->sqltext, ExpressionCompiler::Context::Verbatim);
        if (!text)
            return text;
        return QString(prefix(ck->name) + QStringLiteral("CHECK (") + text.value() + QLatin1Char(')') + deferrability(ck->options));
    }
    const auto &fk = std::get<ForeignKeyDef>(constraint);
    QString text = prefix(fk.name) + QStringLiteral("FOREIGN KEY(") + columnList(fk.columns) + QStringLiteral(") REFERENCES ")
        + tableName(fk.referredTable, fk.referredSchema) + QStringLiteral(" (") + columnList(fk.referredColumns)
        + QLatin1Char(')');
    if (!fk.match.isEmpty())
        text += QStringLiteral(" MATCH ") + fk.match;
    if (!fk.onDelete.isEmpty())
        text += QStringLiteral(" ON DELETE ") + fk.onDelete;
    if (!fk.onUpdate.isEmpty())
        text += QStringLiteral(" ON UPDATE ") + fk.onUpdate;
    return QString(text + deferrability(fk.options));
}

Result<QStringList> DdlCompiler::constraintClauses(const TableDef &table) const
{
    QStringList clauses;
    const PrimaryKeyDef *explicitKey = nullptr;
    const QStringList pk = primaryKeyColumns(table, &explicitKey);
    if (!pk.isEmpty()) {
        PrimaryKeyDef key = explicitKey ? *explicitKey : PrimaryKeyDef();
        key.columns = pk;
        const Result<QString> clause = constraintClause(key, table.name);
        if (!clause)
            return Result<QStringList>::failure(clause.error());
        clauses << clause.value();
    }
    // Declared constraints come first (created before the Table), then the ones
    // SQLAlchemy derives from each column as it is attached: the type's CHECK,
    // unique=True, then ForeignKey.
    QList<ConstraintDef> ordered;
    for (const ConstraintDef &c : table.constraints) {
        if (!std::holds_alternative<PrimaryKeyDef>(c))
            ordered << c;
    }
    for (const ColumnDef &column : table.columns) {
        if (const std::optional<CheckDef> check = typeConstraint(column))
            ordered << *check;
        if (column.unique.value_or(false) && !column.index.value_or(false)) {
            UniqueDef uq;
            uq.columns = QStringList{column.name};
            ordered << uq;
        }
        for (const ForeignKeyDef &inlineKey : column.foreignKeys) {
            ForeignKeyDef fk = inlineKey;
            fk.columns = QStringList{column.name};
            ordered << fk;
        }
    }
    for (const ConstraintDef &c : ordered) {
        const Result<QString> clause = constraintClause(c, table.name);
        if (!clause)
            return Result<QStringList>::failure(clause.error());
        clauses << clause.value();
    }
    return clauses;
}

QString DdlCompiler::tableOptions(const TableDef &) const
{
    return QString();
}

Result<QString> DdlCompiler::createTable(const TableDef &table) const
{
    QStringList items;
    for (const ColumnDef &column : table.columns) {
        const Result<QString> spec = columnSpecification(column, &table);
        if (!spec) {
            // SQLAlchemy names the column after the exception class: "X: (in table ...): ...".
            const QString where = QStringLiteral("(in table '%1', column '%2'): ").arg(table.name, column.name);
            const qsizetype colon = spec.error().indexOf(QLatin1String(": "));
            const QString message = colon < 0 ? QString(where + spec.error())
                                              : QString(spec.error().left(colon + 2) + where + spec.error().mid(colon + 2));
            return Result<QString>::failure(message);
        }
        items << spec.value();
    }
    const Result<QStringList> constraints = constraintClauses(table);
    if (!constraints)
        return Result<QString>::failure(constraints.error());
    items += constraints.value();
    QString prefixes;
    for (const QString &p : table.prefixes)
        prefixes += p + QLatin1Char(' ');
    return QString(QStringLiteral("CREATE ") + prefixes + QStringLiteral("TABLE ") + tableName(table.name, table.schema)
        + QStringLiteral(" (\n\t") + items.join(QStringLiteral(", \n\t")) + QStringLiteral("\n)") + tableOptions(table));
}

QList<IndexDef> DdlCompiler::tableIndexes(const TableDef &table) const
{
    QList<IndexDef> indexes = table.indexes;
    for (IndexDef &index : indexes) {
        if (index.table.isEmpty())
            index.table = table.name;
        if (index.schema.isEmpty())
            index.schema = table.schema;
    }
    for (const ColumnDef &column : table.columns) {
        if (!column.index.value_or(false))
            continue;
        IndexDef index;
        index.name.name = QStringLiteral("ix_%1_%2").arg(table.name, column.name);
        index.table = table.name;
        index.schema = table.schema;
        index.expressions << SqlExpression::makeColumn(column.name);
        index.unique = column.unique.value_or(false);
        indexes << index;
    }
    std::stable_sort(indexes.begin(), indexes.end(),
                     [](const IndexDef &a, const IndexDef &b) { return a.name.text() < b.name.text(); });
    return indexes;
}

Result<QStringList> DdlCompiler::beforeCreateTable(const TableDef &) const
{
    return QStringList();
}

Result<QStringList> DdlCompiler::afterCreateTable(const TableDef &) const
{
    return QStringList();
}

Result<QStringList> DdlCompiler::createTableStatements(const TableDef &table) const
{
    Result<QStringList> statements = beforeCreateTable(table);
    if (!statements)
        return statements;
    const Result<QString> create = createTable(table);
    if (!create)
        return Result<QStringList>::failure(create.error());
    QStringList out = statements.value();
    out << create.value();
    for (const IndexDef &index : tableIndexes(table)) {
        const Result<QString> sql = createIndex(index);
        if (!sql)
            return Result<QStringList>::failure(sql.error());
        out << sql.value();
    }
    const Result<QStringList> after = afterCreateTable(table);
    if (!after)
        return after;
    out += after.value();
    return out;
}

QString DdlCompiler::indexColumn(const IndexDef &, const QString &sql, const SqlExpression &) const
{
    return sql;
}

std::optional<CheckDef> DdlCompiler::typeConstraint(const ColumnDef &column) const
{
    const TypeSpec &type = m_types.effective(column.type);
    if (!type.createConstraint.value_or(false))
        return std::nullopt;
    const QString name = m_preparer.quote(column.name);
    CheckDef check;
    if (type.enumName)
        check.name.name = *type.enumName;
    if (type.name == QLatin1String("Boolean") || type.name == QLatin1String("BOOLEAN")) {
        // Only dialects without a native boolean check the values.
        if (dialect() == SqlDialect::PostgreSql)
            return std::nullopt;
        check.sqltext = SqlExpression::makeText(name + QStringLiteral(" IN (0, 1)"));
        return check;
    }
    if (type.name != QLatin1String("Enum") || m_types.isNativeEnum(type)
        || (dialect() == SqlDialect::MySql && type.nativeEnum.value_or(true)))
        return std::nullopt;
    QStringList values;
    for (const QString &v : type.enumValues)
        values << m_preparer.stringLiteral(v);
    check.sqltext = SqlExpression::makeText(name + QStringLiteral(" IN (") + values.join(QStringLiteral(", ")) + QLatin1Char(')'));
    return check;
}

Result<QString> DdlCompiler::createIndex(const IndexDef &index, bool ifNotExists) const
{
    QStringList parts;
    for (const SqlExpression &e : index.expressions) {
        const Result<QString> sql = m_expressions.compile(e, ExpressionCompiler::Context::Verbatim);
        if (!sql)
            return sql;
        parts << indexColumn(index, sql.value(), e);
    }
    QString text = QStringLiteral("CREATE ");
    if (index.unique)
        text += QStringLiteral("UNIQUE ");
    text += QStringLiteral("INDEX ");
    if (ifNotExists)
        text += QStringLiteral("IF NOT EXISTS ");
    text += m_preparer.quote(index.name.text()) + QStringLiteral(" ON ") + tableName(index.table, index.schema)
        + QStringLiteral(" (") + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
    return text;
}

Result<QStringList> DdlCompiler::dispatch(const CreateTable &op) const
{
    return createTableStatements(op.table);
}

Result<QStringList> DdlCompiler::dispatch(const DropTable &op) const
{
    return QStringList{QStringLiteral("DROP TABLE ") + (op.ifExists ? QStringLiteral("IF EXISTS ") : QString())
                       + tableName(op.table, op.schema)};
}

Result<QStringList> DdlCompiler::addColumn(const AddColumn &op) const
{
    // Alembic attaches the column to a table of its own, so a lone integer primary key
    // column is that table's autoincrement column.
    TableDef table;
    table.name = op.table;
    table.schema = op.schema;
    table.columns << op.column;
    const Result<QString> spec = columnSpecification(table.columns.front(), &table);
    if (!spec)
        return Result<QStringList>::failure(spec.error());
    QStringList out{alterTable(op.table, op.schema) + QStringLiteral(" ADD COLUMN ") + spec.value()};
    // The column's own constraints and index follow, as separate statements.
    for (const ForeignKeyDef &inlineKey : op.column.foreignKeys) {
        ForeignKeyDef fk = inlineKey;
        fk.columns = QStringList{op.column.name};
        const Result<QStringList> added = addConstraint(op.table, op.schema, fk);
        if (!added)
            return added;
        out += added.value();
    }
    if (op.column.unique.value_or(false) && !op.column.index.value_or(false)) {
        UniqueDef uq;
        uq.columns = QStringList{op.column.name};
        const Result<QStringList> added = addConstraint(op.table, op.schema, uq);
        if (!added)
            return added;
        out += added.value();
    }
    if (op.column.index.value_or(false)) {
        for (const IndexDef &index : tableIndexes(table)) {
            const Result<QString> sql = createIndex(index);
            if (!sql)
                return Result<QStringList>::failure(sql.error());
            out << sql.value();
        }
    }
    if (commentsAsStatements() && op.column.comment && !op.column.comment->isEmpty()) {
        const Result<QStringList> comment = columnComment(op.table, op.schema, op.column.name, op.column.comment);
        if (!comment)
            return comment;
        out += comment.value();
    }
    return out;
}

Result<QStringList> DdlCompiler::dispatch(const DropColumn &op) const
{
    return QStringList{alterTable(op.table, op.schema) + QStringLiteral(" DROP COLUMN ") + m_preparer.quote(op.column)};
}

// Alembic's DefaultImpl.alter_column: one statement per changed aspect, the rename last.
Result<QStringList> DdlCompiler::alterColumn(const AlterColumn &op) const
{
    QStringList out;
    const QString prefix = alterTable(op.table, op.schema) + QStringLiteral(" ALTER COLUMN ") + m_preparer.quote(op.column);
    if (op.nullable.hasValue())
        out << prefix + (op.nullable.value ? QStringLiteral(" DROP NOT NULL") : QStringLiteral(" SET NOT NULL"));
    if (op.serverDefault.isSet()) {
        if (op.serverDefault.isNone()) {
            out << prefix + QStringLiteral(" DROP DEFAULT");
        } else {
            const Result<std::optional<QString>> def = defaultClause(op.serverDefault.value);
            if (!def)
                return Result<QStringList>::failure(def.error());
            out << prefix + QStringLiteral(" SET DEFAULT ") + def.value().value_or(QString());
        }
    }
    if (op.type.hasValue()) {
        const Result<QString> type = m_types.compile(op.type.value);
        if (!type)
            return Result<QStringList>::failure(type.error());
        out << prefix + QStringLiteral(" TYPE ") + type.value();
    }
    if (op.comment.isSet()) {
        const Result<QStringList> comment = columnComment(
            op.table, op.schema, op.column,
            op.comment.hasValue() ? std::optional<QString>(op.comment.value) : std::optional<QString>());
        if (!comment)
            return comment;
        out += comment.value();
    }
    if (op.newColumnName.hasValue())
        out << alterTable(op.table, op.schema) + QStringLiteral(" RENAME ") + m_preparer.quote(op.column)
                + QStringLiteral(" TO ") + m_preparer.quote(op.newColumnName.value);
    return out;
}

Result<QStringList> DdlCompiler::dispatch(const CreateIndex &op) const
{
    return one(createIndex(op.index, op.ifNotExists));
}

Result<QStringList> DdlCompiler::dropIndex(const DropIndex &op) const
{
    return QStringList{QStringLiteral("DROP INDEX ") + (op.ifExists ? QStringLiteral("IF EXISTS ") : QString())
                       + (op.schema.isEmpty() ? m_preparer.quote(op.name.text())
                                              : m_preparer.quote(op.schema) + QLatin1Char('.') + m_preparer.quote(op.name.text()))};
}

Result<QStringList> DdlCompiler::dispatch(const RenameTable &op) const
{
    return QStringList{alterTable(op.table, op.schema) + QStringLiteral(" RENAME TO ") + m_preparer.quote(op.newName)};
}

Result<QStringList> DdlCompiler::addConstraint(const QString &table, const QString &schema,
                                               const ConstraintDef &constraint) const
{
    const Result<QString> clause = constraintClause(constraint, table);
    if (!clause)
        return Result<QStringList>::failure(clause.error());
    return QStringList{alterTable(table, schema) + QStringLiteral(" ADD ") + clause.value()};
}

Result<QStringList> DdlCompiler::dispatch(const CreatePrimaryKey &op) const
{
    return addConstraint(op.table, op.schema, op.constraint);
}

Result<QStringList> DdlCompiler::dispatch(const CreateForeignKey &op) const
{
    return addConstraint(op.table, op.schema, op.constraint);
}

Result<QStringList> DdlCompiler::dispatch(const CreateUniqueConstraint &op) const
{
    return addConstraint(op.table, op.schema, op.constraint);
}

Result<QStringList> DdlCompiler::dispatch(const CreateCheckConstraint &op) const
{
    return addConstraint(op.table, op.schema, op.constraint);
}

Result<QStringList> DdlCompiler::dropConstraint(const DropConstraint &op) const
{
    return QStringList{alterTable(op.table, op.schema) + QStringLiteral(" DROP CONSTRAINT ") + m_preparer.quote(op.name.text())};
}

Result<QStringList> DdlCompiler::tableComment(const QString &table, const QString &schema,
                                              const std::optional<QString> &comment) const
{
    return QStringList{QStringLiteral("COMMENT ON TABLE ") + tableName(table, schema) + QStringLiteral(" IS ")
                       + (comment ? m_preparer.stringLiteral(*comment) : QStringLiteral("NULL"))};
}

Result<QStringList> DdlCompiler::columnComment(const QString &table, const QString &schema, const QString &column,
                                               const std::optional<QString> &comment) const
{
    return QStringList{QStringLiteral("COMMENT ON COLUMN ") + tableName(table, schema) + QLatin1Char('.')
                       + m_preparer.quote(column) + QStringLiteral(" IS ")
                       + (comment ? m_preparer.stringLiteral(*comment) : QStringLiteral("NULL"))};
}

Result<QStringList> DdlCompiler::dispatch(const CreateTableComment &op) const
{
    return tableComment(op.table, op.schema, op.comment);
}

Result<QStringList> DdlCompiler::dispatch(const DropTableComment &op) const
{
    return tableComment(op.table, op.schema, std::nullopt);
}

Result<QStringList> DdlCompiler::enumType(const TypeSpec &, bool) const
{
    return QStringList();
}

Result<QString> DdlCompiler::dml(const DmlStatement &statement) const
{
    const QString table = tableName(statement.table.name, statement.table.schema);
    const auto columnType = [&statement](const QString &name) {
        const TableClause::Column *column = statement.table.column(name);
        return column ? column->type : TypeSpec();
    };
    const auto valueSql = [&](const QString &name, const SqlExpression &e) -> Result<QString> {
        if (e.kind == SqlExpression::Kind::Literal)
            return m_expressions.literal(e.value, e.type.isNull() ? columnType(name) : e.type);
        return m_expressions.compile(e, ExpressionCompiler::Context::Dml);
    };
    // SQLAlchemy lists SET / VALUES columns in the table's column order.
    QList<QPair<QString, SqlExpression>> values;
    for (const TableClause::Column &column : statement.table.columns) {
        for (const auto &pair : statement.values) {
            if (pair.first == column.name)
                values << pair;
        }
    }
    for (const auto &pair : statement.values) {
        if (!statement.table.column(pair.first))
            values << pair;
    }
    QString where;
    if (statement.where) {
        SqlExpression condition = *statement.where;
        const Result<QString> sql = m_expressions.compile(condition, ExpressionCompiler::Context::Dml);
        if (!sql)
            return sql;
        where = QStringLiteral(" WHERE ") + sql.value();
    }
    switch (statement.kind) {
    case DmlStatement::Kind::Update: {
        QStringList sets;
        for (const auto &pair : values) {
            const Result<QString> v = valueSql(pair.first, pair.second);
            if (!v)
                return v;
            sets << m_preparer.quote(pair.first) + QLatin1Char('=') + v.value();
        }
        return QString(QStringLiteral("UPDATE ") + table + QStringLiteral(" SET ") + sets.join(QStringLiteral(", ")) + where);
    }
    case DmlStatement::Kind::Insert: {
        QStringList names;
        QStringList sqlValues;
        for (const auto &pair : values) {
            const Result<QString> v = valueSql(pair.first, pair.second);
            if (!v)
                return v;
            names << m_preparer.quote(pair.first);
            sqlValues << v.value();
        }
        return QString(QStringLiteral("INSERT INTO ") + table + QStringLiteral(" (") + names.join(QStringLiteral(", "))
            + QStringLiteral(") VALUES (") + sqlValues.join(QStringLiteral(", ")) + QLatin1Char(')'));
    }
    case DmlStatement::Kind::Delete:
        break;
    }
    return QString(QStringLiteral("DELETE FROM ") + table + where);
}

Result<QStringList> DdlCompiler::dispatch(const Execute &op) const
{
    switch (op.kind) {
    case Execute::Kind::RawString:
    case Execute::Kind::Text:
        return QStringList{TextClause::compile(op.sql)};
    case Execute::Kind::Dml:
        break;
    }
    return one(dml(op.dml));
}

Result<QStringList> DdlCompiler::dispatch(const BulkInsert &op) const
{
    QStringList out;
    for (const auto &row : op.rows) {
        DmlStatement insert;
        insert.kind = DmlStatement::Kind::Insert;
        insert.table = op.table;
        insert.values = row;
        const Result<QString> sql = dml(insert);
        if (!sql)
            return Result<QStringList>::failure(sql.error());
        out << sql.value();
    }
    return out;
}

} // namespace Retort
