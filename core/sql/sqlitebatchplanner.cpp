// SPDX-License-Identifier: GPL-3.0-or-later
#include "sql/sqlitebatchplanner.h"

#include "sql/identifierpreparer.h"
#include "sql/sqlitebatchtypeaffinity.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <type_traits>
#include <variant>

namespace Retort {

namespace {

// A column of the table being rebuilt. `key` is how Alembic keeps addressing it for
// the whole batch: the copy_from name even after a rename (the new name is only in
// column.name), the given name for added columns.
struct ColumnState
{
    QString key;
    ColumnDef column;
    bool copied = false;       // filled from the old table
    bool typeReplaced = false; // alter_column(type_=) gave it a new type object
    QList<TypeSpec> casts;
};

// A constraint as Alembic collects it; column references are column keys.
struct ConstraintState
{
    ConstraintDef constraint;
    bool tablePrimaryKey = false; // copy_from's own primary key
};

QString constraintName(const ConstraintDef &constraint)
{
    return std::visit([](const auto &c) { return c.name.text(); }, constraint);
}

bool constraintNamed(const ConstraintDef &constraint)
{
    return std::visit([](const auto &c) { return c.name.isSet(); }, constraint);
}

void collectColumnNames(const SqlExpression &expression, QStringList *names)
{
    if (expression.kind == SqlExpression::Kind::Column)
        names->append(expression.text);
    for (const SqlExpression &operand : expression.operands)
        collectColumnNames(operand, names);
}

// The columns a constraint depends on; a CHECK written as text names none.
QStringList constraintColumns(const ConstraintDef &constraint)
{
    if (const auto *check = std::get_if<CheckDef>(&constraint)) {
        QStringList names;
        collectColumnNames(check->sqltext, &names);
        return names;
    }
    return std::visit(
        [](const auto &c) -> QStringList {
            if constexpr (std::is_same_v<std::decay_t<decltype(c)>, CheckDef>)
                return {};
            else
                return c.columns;
        },
        constraint);
}

bool isBooleanType(const TypeSpec &type)
{
    return type.name == QLatin1String("Boolean") || type.name == QLatin1String("BOOLEAN");
}

bool isGenericEnum(const TypeSpec &type)
{
    return type.dialect.isEmpty() && type.name == QLatin1String("Enum");
}

bool hasTypeBoundCheck(const TypeSpec &type)
{
    return type.createConstraint.value_or(false) && (isBooleanType(type) || isGenericEnum(type));
}

// Whether the dialect needs the CHECK of such a type (it has no native boolean / enum).
bool nonNativeTypeCheck(const TypeSpec &type, SqlDialect dialect)
{
    if (!hasTypeBoundCheck(type))
        return false;
    if (isBooleanType(type))
        return dialect != SqlDialect::PostgreSql;
    return dialect == SqlDialect::Sqlite || !type.nativeEnum.value_or(true);
}

// The CHECK constraint a Boolean or non-native Enum type attaches to its column when
// created with create_constraint=True (SQLite has neither a native boolean nor enum).
std::optional<CheckDef> typeBoundCheck(const TypeSpec &type, const QString &columnSql,
                                       const IdentifierPreparer &preparer)
{
    if (!type.createConstraint.value_or(false))
        return std::nullopt;
    CheckDef check;
    if (type.enumName)
        check.name.name = *type.enumName;
    if (isBooleanType(type)) {
        check.sqltext = SqlExpression::makeText(columnSql + QStringLiteral(" IN (0, 1)"));
        return check;
    }
    if (isGenericEnum(type)) {
        QStringList values;
        for (const QString &value : type.enumValues)
            values.append(preparer.stringLiteral(value));
        check.sqltext =
            SqlExpression::makeText(columnSql + QStringLiteral(" IN (") +
                                    values.join(QStringLiteral(", ")) + QLatin1Char(')'));
        return check;
    }
    return std::nullopt;
}

// A server default SQLAlchemy holds as a SQL expression (sa.text, sa.func.*, ...) and
// not as a plain string literal.
bool isExpressionDefault(const SqlExpression &expression)
{
    return expression.kind != SqlExpression::Kind::String &&
           expression.kind != SqlExpression::Kind::Literal;
}

// Whether one batch operation, as Alembic hands it to its SQLite implementation,
// needs the table rebuilt.
bool operationRequiresRecreate(const BatchOperation &operation)
{
    if (std::holds_alternative<CreateIndex>(operation) ||
        std::holds_alternative<DropIndex>(operation) || std::holds_alternative<Execute>(operation))
        return false;
    const auto *add = std::get_if<AddColumn>(&operation);
    if (!add)
        return true;
    const ColumnDef &column = add->column;
    if (column.serverDefault && isExpressionDefault(*column.serverDefault))
        return true;
    if (column.computed && column.computed->persisted.value_or(false))
        return true;
    // add_column also hands over the column's own constraints as add_constraint.
    const bool uniqueConstraint = column.unique.value_or(false) && !column.index.value_or(false);
    return uniqueConstraint || !column.foreignKeys.isEmpty() || hasTypeBoundCheck(column.type);
}

QString noSuchColumn(const QString &column, const QString &table)
{
    return QStringLiteral("KeyError: '%1' (the batch table \"%2\" has no such column)")
        .arg(column, table);
}

// Builds the plan step by step, keeping Alembic's bookkeeping: the columns by key,
// the named constraints as an insertion-ordered dict, the unnamed ones as a list, the
// copy_from indexes and the indexes created in the batch.
class PlanBuilder
{
public:
    PlanBuilder(const BatchAlterTable &batch, SqlDialect dialect)
        : m_batch(batch)
        , m_table(*batch.copyFrom)
        , m_preparer(dialect)
    { }

    Result<SqliteBatchPlan> build()
    {
        collectTable();
        for (const BatchOperation &operation : m_batch.operations) {
            const QString error =
                std::visit([this](const auto &op) { return apply(op); }, operation);
            if (!error.isEmpty())
                return Result<SqliteBatchPlan>::failure(error);
        }
        const QString error = reorderColumns();
        if (!error.isEmpty())
            return Result<SqliteBatchPlan>::failure(error);
        return assemble();
    }

private:
    void collectTable();
    QString apply(const AddColumn &op);
    QString apply(const DropColumn &op);
    QString apply(const AlterColumn &op);
    QString apply(const CreateIndex &op);
    QString apply(const DropIndex &op);
    QString apply(const CreatePrimaryKey &op) { return addConstraint(op.constraint); }
    QString apply(const CreateForeignKey &op) { return addConstraint(op.constraint); }
    QString apply(const CreateUniqueConstraint &op) { return addConstraint(op.constraint); }
    QString apply(const CreateCheckConstraint &op) { return addConstraint(op.constraint); }
    QString apply(const DropConstraint &op);
    // The table comment is not carried over by Alembic's rebuild; the operations
    // still force it (see requiresRecreate).
    QString apply(const CreateTableComment &) { return {}; }
    QString apply(const DropTableComment &) { return {}; }
    // Executed at once, outside the rebuild (SqliteBatchRenderer emits it first).
    QString apply(const Execute &) { return {}; }

    // typeBound: the CHECK of a Boolean/Enum type, which SQLAlchemy names with its
    // "no name" marker when the type has none, so it is accepted without a name.
    QString addConstraint(const ConstraintDef &constraint, bool typeBound = false);
    void setNamedConstraint(const QString &name, const ConstraintState &state);
    bool removeNamedConstraint(const QString &name);
    void addOrderingFor(const QString &column, QString before, QString after);
    QString reorderColumns();
    Result<SqliteBatchPlan> assemble() const;

    qsizetype columnIndex(const QString &key) const
    {
        for (qsizetype i = 0; i < m_columns.size(); ++i) {
            if (m_columns.at(i).key == key)
                return i;
        }
        return -1;
    }
    // Column key -> its name in the new table; unknown keys stay as they are.
    QString currentName(const QString &key) const
    {
        const qsizetype i = columnIndex(key);
        return i < 0 ? key : m_columns.at(i).column.name;
    }
    QStringList currentNames(const QStringList &keys) const
    {
        QStringList names;
        for (const QString &key : keys)
            names.append(currentName(key));
        return names;
    }
    ConstraintDef renamed(const ConstraintDef &constraint) const;
    IndexDef renamed(const IndexDef &index) const;

    const BatchAlterTable &m_batch;
    const TableDef &m_table;
    IdentifierPreparer m_preparer;

    QList<ColumnState> m_columns;
    QStringList m_existingOrdering;               // copy_from column keys still present
    QList<QPair<QString, QString>> m_addOrdering; // (earlier, later) column keys
    QList<QPair<QString, ConstraintState>> m_named;
    QList<ConstraintState> m_unnamed;
    QStringList m_copyFromNames;  // copy_from's named constraints, creation order
    QList<IndexDef> m_indexes;    // copy_from's, sorted by name
    QList<IndexDef> m_newIndexes; // created in the batch, by name, first call's position
};

void PlanBuilder::collectTable()
{
    bool explicitPrimaryKey = false;
    QList<ConstraintState> constraints;
    // Constraint objects written as Table arguments exist before the Table does, so
    // they come first; those SQLAlchemy derives from the columns follow, column by
    // column (the oracle's "creation order" rule).
    for (const ConstraintDef &constraint : m_table.constraints) {
        ConstraintState state{constraint, std::holds_alternative<PrimaryKeyDef>(constraint)};
        explicitPrimaryKey = explicitPrimaryKey || state.tablePrimaryKey;
        constraints.append(state);
    }
    if (!explicitPrimaryKey) {
        PrimaryKeyDef primaryKey;
        for (const ColumnDef &column : m_table.columns) {
            if (column.primaryKey)
                primaryKey.columns.append(column.name);
        }
        constraints.prepend(ConstraintState{primaryKey, true});
    }
    for (const ColumnDef &column : m_table.columns) {
        if (column.unique.value_or(false) && !column.index.value_or(false)) {
            UniqueDef unique;
            unique.columns = QStringList{column.name};
            constraints.append(ConstraintState{unique, false});
        }
        for (const ForeignKeyDef &foreignKey : column.foreignKeys)
            constraints.append(ConstraintState{foreignKey, false});
    }
    for (const ConstraintState &state : std::as_const(constraints)) {
        if (constraintNamed(state.constraint)) {
            setNamedConstraint(constraintName(state.constraint), state);
            m_copyFromNames.append(constraintName(state.constraint));
        } else
            m_unnamed.append(state);
    }

    for (const ColumnDef &column : m_table.columns) {
        ColumnState state;
        state.key = column.name;
        state.column = column;
        state.column.unique.reset();
        state.column.index.reset();
        state.column.foreignKeys.clear();
        state.column.nullable = column.effectiveNullable();
        state.copied = true;
        m_columns.append(state);
        m_existingOrdering.append(column.name);
    }

    m_indexes = m_table.indexes;
    std::stable_sort(m_indexes.begin(), m_indexes.end(), [](const IndexDef &a, const IndexDef &b) {
        if (a.name.isSet() != b.name.isSet())
            return a.name.isSet();
        return a.name.text() < b.name.text();
    });
}

void PlanBuilder::setNamedConstraint(const QString &name, const ConstraintState &state)
{
    for (auto &entry : m_named) {
        if (entry.first == name) {
            entry.second = state;
            return;
        }
    }
    m_named.append({name, state});
}

bool PlanBuilder::removeNamedConstraint(const QString &name)
{
    for (qsizetype i = 0; i < m_named.size(); ++i) {
        if (m_named.at(i).first == name) {
            m_named.removeAt(i);
            return true;
        }
    }
    return false;
}

// Alembic places an added column after the last copy_from column, or next to the
// column insert_before / insert_after names, by recording (earlier, later) pairs.
void PlanBuilder::addOrderingFor(const QString &column, QString before, QString after)
{
    const QStringList &existing = m_existingOrdering;
    const bool partial = !m_batch.partialReordering.isEmpty();
    if (!partial) {
        if (!after.isEmpty() && before.isEmpty()) {
            const qsizetype at = existing.indexOf(after);
            if (at >= 0) {
                if (at + 1 < existing.size())
                    before = existing.at(at + 1);
            } else {
                for (const auto &pair : std::as_const(m_addOrdering)) {
                    if (pair.first == after)
                        before = pair.second;
                }
            }
        }
        if (!before.isEmpty() && after.isEmpty()) {
            const qsizetype at = existing.indexOf(before);
            if (at >= 0) {
                if (at > 0)
                    after = existing.at(at - 1);
            } else {
                for (const auto &pair : std::as_const(m_addOrdering)) {
                    if (pair.second == before)
                        after = pair.first;
                }
            }
        }
    }
    if (!before.isEmpty())
        m_addOrdering.append({column, before});
    if (!after.isEmpty())
        m_addOrdering.append({after, column});
    if (!partial && before.isEmpty() && after.isEmpty() && !existing.isEmpty())
        m_addOrdering.append({existing.last(), column});
}

QString PlanBuilder::apply(const AddColumn &op)
{
    addOrderingFor(op.column.name, op.insertBefore, op.insertAfter);
    ColumnState state;
    state.key = op.column.name;
    state.column = op.column;
    state.column.unique.reset();
    state.column.index.reset();
    state.column.foreignKeys.clear();
    state.column.nullable = op.column.effectiveNullable();
    const qsizetype at = columnIndex(state.key);
    if (at >= 0)
        m_columns[at] = state;
    else
        m_columns.append(state);

    // What add_column hands on besides the column: its UNIQUE / FOREIGN KEY / type
    // CHECK as add_constraint, its index=True as create_index.
    const bool index = op.column.index.value_or(false);
    if (op.column.unique.value_or(false) && !index) {
        UniqueDef unique;
        unique.columns = QStringList{op.column.name};
        const QString error = addConstraint(unique);
        if (!error.isEmpty())
            return error;
    }
    for (const ForeignKeyDef &foreignKey : op.column.foreignKeys) {
        const QString error = addConstraint(foreignKey);
        if (!error.isEmpty())
            return error;
    }
    if (const auto check =
            typeBoundCheck(op.column.type, m_preparer.quote(op.column.name), m_preparer)) {
        const QString error = addConstraint(*check, true);
        if (!error.isEmpty())
            return error;
        m_columns[columnIndex(state.key)].column.type.createConstraint = false;
    }
    if (index) {
        IndexDef created;
        created.name.name = QStringLiteral("ix_%1_%2").arg(m_batch.table, op.column.name);
        created.table = m_batch.table;
        created.schema = m_batch.schema;
        created.expressions.push_back(SqlExpression::makeColumn(op.column.name));
        created.unique = op.column.unique.value_or(false);
        return apply(CreateIndex{{}, created, false});
    }
    return {};
}

QString PlanBuilder::apply(const DropColumn &op)
{
    const qsizetype at = columnIndex(op.column);
    if (at < 0)
        return noSuchColumn(op.column, m_batch.table);
    // The column leaves copy_from's primary key, whatever constraint holds it.
    auto dropFromPrimaryKey = [&op](ConstraintState &state) {
        if (auto *primaryKey = std::get_if<PrimaryKeyDef>(&state.constraint);
            primaryKey && state.tablePrimaryKey)
            primaryKey->columns.removeAll(op.column);
    };
    for (auto &entry : m_named)
        dropFromPrimaryKey(entry.second);
    for (ConstraintState &state : m_unnamed)
        dropFromPrimaryKey(state);
    m_columns.removeAt(at);
    if (!m_existingOrdering.removeOne(op.column))
        return QStringLiteral("ValueError: list.remove(x): x not in list");
    return {};
}

QString PlanBuilder::apply(const AlterColumn &op)
{
    const qsizetype at = columnIndex(op.column);
    if (at < 0)
        return noSuchColumn(op.column, m_batch.table);
    ColumnState &state = m_columns[at];

    if (op.type.hasValue() && op.existingType.hasValue()) {
        // Alembic first drops the CHECK the old type carried; one that is not there
        // (it was only implied by the type) is ignored.
        if (const auto old = typeBoundCheck(op.existingType.value, QString(), m_preparer);
            old && old->name.isSet())
            removeNamedConstraint(old->name.text());
    }
    if (op.newColumnName.hasValue() && op.newColumnName.value != op.column) {
        state.column.name = op.newColumnName.value;
        if (op.existingType.hasValue()) {
            const TypeSpec &existing = op.existingType.value;
            if ((isBooleanType(existing) || isGenericEnum(existing)) && existing.enumName)
                removeNamedConstraint(*existing.enumName);
        }
    }
    if (op.type.hasValue()) {
        const TypeSpec &newType = op.type.value;
        if (SqliteBatchTypeAffinity::of(state.column.type) !=
                SqliteBatchTypeAffinity::of(newType) &&
            !SqliteBatchTypeAffinity::isJson(newType) && state.copied)
            state.casts.append(newType);
        state.column.type = newType;
        state.typeReplaced = true;
        // The new type's own CHECK arrives as a separate add_constraint; the column
        // itself must not create it a second time.
        state.column.type.createConstraint = false;
    }
    if (op.nullable.hasValue())
        state.column.nullable = op.nullable.value;
    if (op.serverDefault.isNone())
        state.column.serverDefault.reset();
    else if (op.serverDefault.hasValue())
        state.column.serverDefault = op.serverDefault.value;
    if (op.autoincrement.hasValue())
        state.column.autoincrement = op.autoincrement.value ? ColumnDef::Autoincrement::True
                                                            : ColumnDef::Autoincrement::False;
    if (op.comment.isNone())
        state.column.comment.reset();
    else if (op.comment.hasValue())
        state.column.comment = op.comment.value;

    if (op.type.hasValue()) {
        if (const auto check =
                typeBoundCheck(op.type.value, m_preparer.quote(state.column.name), m_preparer)) {
            const QString error = addConstraint(*check, true);
            if (!error.isEmpty())
                return error;
        }
    }
    return {};
}

QString PlanBuilder::apply(const CreateIndex &op)
{
    for (IndexDef &index : m_newIndexes) {
        if (index.name == op.index.name) {
            index = op.index;
            return {};
        }
    }
    m_newIndexes.append(op.index);
    return {};
}

QString PlanBuilder::apply(const DropIndex &op)
{
    for (qsizetype i = 0; i < m_indexes.size(); ++i) {
        if (m_indexes.at(i).name.name == op.name.name) {
            m_indexes.removeAt(i);
            return {};
        }
    }
    return QStringLiteral("ValueError: No such index: '%1'").arg(op.name.text());
}

QString PlanBuilder::addConstraint(const ConstraintDef &constraint, bool typeBound)
{
    if (!constraintNamed(constraint)) {
        if (!typeBound)
            return QStringLiteral("ValueError: Constraint must have a name");
        m_unnamed.append(ConstraintState{constraint, false});
        return {};
    }
    if (std::holds_alternative<PrimaryKeyDef>(constraint)) {
        // A new primary key replaces an unnamed one of copy_from.
        for (qsizetype i = 0; i < m_unnamed.size(); ++i) {
            if (m_unnamed.at(i).tablePrimaryKey) {
                m_unnamed.removeAt(i);
                break;
            }
        }
    }
    setNamedConstraint(constraintName(constraint), ConstraintState{constraint, false});
    return {};
}

QString PlanBuilder::apply(const DropConstraint &op)
{
    if (!op.name.isSet() || op.name.text().isEmpty())
        return QStringLiteral("ValueError: Constraint must have a name");
    if (!removeNamedConstraint(op.name.text()))
        return QStringLiteral("ValueError: No such constraint: '%1'").arg(op.name.text());
    return {};
}

// Alembic's column order after adds: a topological sort of the (earlier, later) pairs
// taken layer by layer, each layer in the current column order.
QString PlanBuilder::reorderColumns()
{
    if (m_batch.partialReordering.isEmpty() && m_addOrdering.isEmpty())
        return {};
    QStringList keys;
    for (const ColumnState &state : std::as_const(m_columns))
        keys.append(state.key);

    QList<QPair<QString, QString>> pairs;
    if (!m_batch.partialReordering.isEmpty()) {
        for (const QStringList &sequence : m_batch.partialReordering) {
            for (qsizetype i = 1; i < sequence.size(); ++i)
                pairs.append({sequence.at(i - 1), sequence.at(i)});
        }
    } else {
        for (qsizetype i = 1; i < m_existingOrdering.size() && i - 1 < keys.size(); ++i)
            pairs.append({keys.at(i - 1), m_existingOrdering.at(i)});
    }
    pairs.append(m_addOrdering);

    QHash<QString, QSet<QString>> parents;
    for (const auto &pair : std::as_const(pairs)) {
        if (pair.first != pair.second)
            parents[pair.second].insert(pair.first);
    }
    QStringList todo = keys;
    QSet<QString> pending(keys.cbegin(), keys.cend());
    QStringList sorted;
    while (!pending.isEmpty()) {
        QStringList layer;
        for (const QString &key : std::as_const(todo)) {
            if (!parents.value(key).intersects(pending))
                layer.append(key);
        }
        if (layer.isEmpty())
            return QStringLiteral(
                "CircularDependencyError: Circular dependency detected in the column order");
        for (const QString &key : std::as_const(layer))
            pending.remove(key);
        todo.removeIf([&pending](const QString &key) { return !pending.contains(key); });
        sorted.append(layer);
    }
    QList<ColumnState> reordered;
    for (const QString &key : std::as_const(sorted))
        reordered.append(m_columns.at(columnIndex(key)));
    m_columns = reordered;
    return {};
}

ConstraintDef PlanBuilder::renamed(const ConstraintDef &constraint) const
{
    ConstraintDef result = constraint;
    std::visit(
        [this](auto &c) {
            if constexpr (!std::is_same_v<std::decay_t<decltype(c)>, CheckDef>)
                c.columns = currentNames(c.columns);
        },
        result);
    return result;
}

IndexDef PlanBuilder::renamed(const IndexDef &index) const
{
    IndexDef result = index;
    result.table = m_table.name;
    result.schema = m_table.schema;
    for (SqlExpression &expression : result.expressions) {
        if (expression.kind == SqlExpression::Kind::Column)
            expression.text = currentName(expression.text);
    }
    return result;
}

Result<SqliteBatchPlan> PlanBuilder::assemble() const
{
    SqliteBatchPlan plan;
    plan.originalTable = m_table;

    QSet<QString> keys;
    for (const ColumnState &state : m_columns)
        keys.insert(state.key);
    auto survives = [&keys](const ConstraintState &state) {
        const QStringList columns = constraintColumns(state.constraint);
        return std::all_of(columns.cbegin(), columns.cend(),
                           [&keys](const QString &c) { return keys.contains(c); });
    };

    QList<ConstraintState> kept;
    for (const auto &entry : m_named) {
        if (survives(entry.second))
            kept.append(entry.second);
    }
    for (const ConstraintState &state : m_unnamed) {
        if (survives(state))
            kept.append(state);
    }
    // Each primary key appended to a Table replaces the one before: the last one wins.
    std::optional<PrimaryKeyDef> primaryKey;
    QList<ConstraintDef> others;
    for (const ConstraintState &state : std::as_const(kept)) {
        if (const auto *pk = std::get_if<PrimaryKeyDef>(&state.constraint))
            primaryKey = std::get<PrimaryKeyDef>(renamed(*pk));
        else
            others.append(renamed(state.constraint));
    }

    TableDef &table = plan.newTable;
    table.name = SqliteBatchPlanner::temporaryTableName(m_table.name);
    table.schema = m_table.schema;
    table.dialectOptions = m_batch.tableKwargs;
    for (const DialectOption &option : m_table.dialectOptions) {
        if (!table.dialectOptions.contains(option.key))
            table.dialectOptions.append(option);
    }
    const QStringList primaryKeyColumns = primaryKey ? primaryKey->columns : QStringList();
    for (const ColumnState &state : m_columns) {
        ColumnDef column = state.column;
        column.primaryKey = primaryKeyColumns.contains(column.name);
        table.columns.append(column);
    }
    if (primaryKey && !primaryKey->columns.isEmpty())
        table.constraints.append(*primaryKey);
    table.constraints.append(m_batch.tableArgs);
    // A copied column whose type carries a CHECK (Boolean / non-native Enum with
    // create_constraint=True) re-creates it while the new Table is built: before the
    // copied constraints. The column then must not add it a second time.
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        const ColumnState &state = m_columns.at(i);
        if (!state.copied || state.typeReplaced ||
            !nonNativeTypeCheck(state.column.type, m_preparer.dialect()))
            continue;
        if (const auto check = typeBoundCheck(state.column.type,
                                              m_preparer.quote(state.column.name), m_preparer)) {
            table.constraints.append(*check);
            table.columns[i].type.createConstraint = false;
        }
    }
    table.constraints.append(others);

    for (const ColumnState &state : m_columns) {
        if (!state.copied)
            continue;
        plan.transfers.append(SqliteBatchPlan::Transfer{state.column.name, state.key, state.casts});
    }

    for (const IndexDef &index : m_indexes)
        plan.indexes.append(renamed(index));
    for (const IndexDef &index : m_newIndexes) {
        QStringList names;
        if (index.columnNames(&names)) {
            for (const QString &name : std::as_const(names)) {
                if (!keys.contains(name))
                    return Result<SqliteBatchPlan>::failure(noSuchColumn(name, m_batch.table));
            }
        }
        plan.indexes.append(renamed(index));
    }

    for (const QString &name : m_copyFromNames) {
        const bool kept = std::any_of(m_named.cbegin(), m_named.cend(),
                                      [&name](const auto &entry) { return entry.first == name; });
        if (kept && !plan.keptConstraintNames.contains(name))
            plan.keptConstraintNames.append(name);
    }
    return plan;
}

} // namespace

bool SqliteBatchPlanner::requiresRecreate(const BatchAlterTable &batch, SqlDialect dialect)
{
    return requiresRecreate(batch, dialect, batch.operations.size());
}

bool SqliteBatchPlanner::requiresRecreate(const BatchAlterTable &batch, SqlDialect dialect,
                                          qsizetype count)
{
    if (batch.recreate == QLatin1String("always"))
        return true;
    if (batch.recreate == QLatin1String("never") || dialect != SqlDialect::Sqlite)
        return false;
    const qsizetype end = std::min(count, batch.operations.size());
    for (qsizetype i = 0; i < end; ++i) {
        if (operationRequiresRecreate(batch.operations.at(i)))
            return true;
    }
    return false;
}

QString SqliteBatchPlanner::reflectionRequiredMessage(const QString &dialectName,
                                                      const QString &table)
{
    return QStringLiteral(
               "This operation cannot proceed in --sql mode; batch mode with dialect %1 requires a "
               "live database connection with which to reflect the table \"%2\". To generate a "
               "batch SQL migration script using table \"move and copy\", a complete Table object "
               "should be passed to the \"copy_from\" argument of the batch_alter_table() method "
               "so "
               "that table reflection can be skipped.")
        .arg(dialectName, table);
}

QString SqliteBatchPlanner::temporaryTableName(const QString &table)
{
    return QString(QStringLiteral("_alembic_tmp_") + table).left(50);
}

Result<SqliteBatchPlan> SqliteBatchPlanner::plan(const BatchAlterTable &batch, SqlDialect dialect)
{
    if (!batch.copyFrom)
        return Result<SqliteBatchPlan>::failure(
            reflectionRequiredMessage(sqlDialectName(dialect), batch.table));
    return PlanBuilder(batch, dialect).build();
}

} // namespace Retort
