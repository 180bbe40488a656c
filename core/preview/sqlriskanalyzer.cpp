// SPDX-License-Identifier: GPL-3.0-or-later
#include "preview/sqlriskanalyzer.h"

#include "sql/sqlitebatchplanner.h"

#include <QSet>

namespace Retort {

namespace {

// What a column type can hold, coarsely, as far as narrowing is concerned.
enum class Family { Other, Text, Integer, Exact, Approximate, DateTime, Date, Boolean };

struct TypeInfo
{
    Family family = Family::Other;
    int rank = 0;               // integers: 1 tiny, 2 small, 3 int, 4 big
    std::optional<int> length;  // text: none = unbounded
    std::optional<int> precision;
    std::optional<int> scale;
};

TypeInfo typeInfo(const TypeSpec &type)
{
    static const QSet<QString> boundedText = {
        QStringLiteral("String"), QStringLiteral("Unicode"), QStringLiteral("VARCHAR"),
        QStringLiteral("NVARCHAR"), QStringLiteral("CHAR"), QStringLiteral("NCHAR"),
        QStringLiteral("CHARACTER")};
    static const QSet<QString> unboundedText = {
        QStringLiteral("Text"), QStringLiteral("UnicodeText"), QStringLiteral("TEXT"),
        QStringLiteral("CLOB"), QStringLiteral("LONGTEXT"), QStringLiteral("MEDIUMTEXT"),
        QStringLiteral("TINYTEXT"), QStringLiteral("CITEXT")};
    const QString &name = type.name;
    TypeInfo info;
    if (boundedText.contains(name)) {
        info.family = Family::Text;
        info.length = type.length;
    } else if (unboundedText.contains(name)) {
        info.family = Family::Text;
        // MySQL's TEXT types have fixed limits: TINYTEXT 255, TEXT 65535, ...
        if (name == QLatin1String("TINYTEXT"))
            info.length = 255;
    } else if (name == QLatin1String("TINYINT")) {
        info = {Family::Integer, 1, {}, {}, {}};
    } else if (name == QLatin1String("SmallInteger") || name == QLatin1String("SMALLINT")) {
        info = {Family::Integer, 2, {}, {}, {}};
    } else if (name == QLatin1String("Integer") || name == QLatin1String("INTEGER") ||
               name == QLatin1String("INT") || name == QLatin1String("MEDIUMINT")) {
        info = {Family::Integer, 3, {}, {}, {}};
    } else if (name == QLatin1String("BigInteger") || name == QLatin1String("BIGINT")) {
        info = {Family::Integer, 4, {}, {}, {}};
    } else if (name == QLatin1String("Numeric") || name == QLatin1String("NUMERIC") ||
               name == QLatin1String("DECIMAL")) {
        info.family = Family::Exact;
        info.precision = type.precision;
        info.scale = type.scale;
    } else if (name == QLatin1String("Float") || name == QLatin1String("FLOAT") ||
               name == QLatin1String("REAL") || name == QLatin1String("Double") ||
               name == QLatin1String("DOUBLE") || name == QLatin1String("DOUBLE_PRECISION")) {
        info.family = Family::Approximate;
    } else if (name == QLatin1String("DateTime") || name == QLatin1String("DATETIME") ||
               name == QLatin1String("TIMESTAMP")) {
        info.family = Family::DateTime;
    } else if (name == QLatin1String("Date") || name == QLatin1String("DATE")) {
        info.family = Family::Date;
    } else if (name == QLatin1String("Boolean") || name == QLatin1String("BOOLEAN")) {
        info.family = Family::Boolean;
    }
    return info;
}

// Why the new type holds less than the old one, or empty when it does not (or when
// Retort cannot tell).
QString narrowingReason(const TypeInfo &from, const TypeInfo &to)
{
    if (from.family == Family::Other || to.family == Family::Other)
        return QString();
    if (from.family == Family::Text) {
        if (to.family != Family::Text)
            return QStringLiteral("text values that do not convert make the migration fail");
        if (to.length && (!from.length || *to.length < *from.length))
            return QStringLiteral("longer values are cut or make the migration fail");
        return QString();
    }
    if (to.family == Family::Text)
        return to.length ? QStringLiteral("values longer than the new length make the migration fail")
                         : QString();
    if (from.family == Family::Integer) {
        if (to.family == Family::Integer && to.rank < from.rank)
            return QStringLiteral("larger numbers no longer fit");
        if (to.family == Family::Boolean)
            return QStringLiteral("numbers other than 0 and 1 no longer fit");
        return QString();
    }
    if (from.family == Family::Exact || from.family == Family::Approximate) {
        if (to.family == Family::Integer || to.family == Family::Boolean)
            return QStringLiteral("fractions are rounded away");
        if (from.family == Family::Exact && to.family == Family::Exact) {
            if (from.precision && to.precision && *to.precision < *from.precision)
                return QStringLiteral("numbers with more digits no longer fit");
            if (from.scale.value_or(0) > to.scale.value_or(0) && to.precision)
                return QStringLiteral("decimal places are rounded away");
        }
        if (from.family == Family::Exact && to.family == Family::Approximate)
            return QStringLiteral("exact decimals become approximate");
        return QString();
    }
    if (from.family == Family::DateTime && to.family == Family::Date)
        return QStringLiteral("the time of day is lost");
    return QString();
}

QString spelled(const TypeSpec &type)
{
    QString text = type.name;
    if (type.length)
        text += QLatin1Char('(') + QString::number(*type.length) + QLatin1Char(')');
    else if (type.precision) {
        text += QLatin1Char('(') + QString::number(*type.precision);
        if (type.scale)
            text += QLatin1String(", ") + QString::number(*type.scale);
        text += QLatin1Char(')');
    }
    return text;
}

QString qualified(const QString &schema, const QString &name)
{
    return schema.isEmpty() ? name : schema + QLatin1Char('.') + name;
}

// Walks the operations of one function and collects the risks.
class Collector
{
public:
    Collector(SqlDialect dialect, const SqlRiskAnalyzer::Origin &origin)
        : m_dialect(dialect)
        , m_dialectName(sqlDialectName(dialect))
        , m_origin(origin)
    {
    }

    SqlRisks risks() const { return m_risks; }

    void visit(const Operation &operation)
    {
        std::visit([this](const auto &op) { this->on(op, false); }, operation);
    }

private:
    void add(SqlRisk::Kind kind, const SourceRange &range, const QString &operation,
             const QString &target, const QString &summary, const QString &reason)
    {
        SqlRisk risk;
        risk.kind = kind;
        risk.revision = m_origin.revision;
        risk.direction = m_origin.direction;
        risk.file = m_origin.file;
        risk.line = range.start.line;
        risk.column = range.start.column;
        risk.operation = operation;
        risk.target = target;
        risk.summary = summary;
        risk.reason = reason;
        m_risks.append(risk);
    }

    void on(const DropTable &op, bool)
    {
        const QString table = qualified(op.schema, op.table);
        add(SqlRisk::Kind::DropTable, op.range, QStringLiteral("drop_table"), table,
            QStringLiteral("drops table %1").arg(table),
            QStringLiteral("every row of the table is deleted"));
    }

    void on(const DropColumn &op, bool)
    {
        const QString column = qualified(op.schema, op.table) + QLatin1Char('.') + op.column;
        add(SqlRisk::Kind::DropColumn, op.range, QStringLiteral("drop_column"), column,
            QStringLiteral("drops column %1").arg(column),
            QStringLiteral("the column's values are deleted"));
    }

    void on(const AddColumn &op, bool)
    {
        const ColumnDef &c = op.column;
        if (c.effectiveNullable() || c.serverDefault || c.identity || c.computed)
            return;
        const QString column = qualified(op.schema, op.table) + QLatin1Char('.') + c.name;
        add(SqlRisk::Kind::NotNullNoDefault, op.range, QStringLiteral("add_column"), column,
            QStringLiteral("adds NOT NULL column %1 without a server default").arg(column),
            QStringLiteral("fails when the table already has rows; give it a server_default"));
    }

    void on(const AlterColumn &op, bool inRecreatedBatch)
    {
        const QString column = qualified(op.schema, op.table) + QLatin1Char('.') + op.column;
        if (op.nullable.hasValue() && !op.nullable.value &&
            !(op.existingNullable.hasValue() && !op.existingNullable.value)) {
            add(SqlRisk::Kind::NotNullExisting, op.range, QStringLiteral("alter_column"), column,
                QStringLiteral("makes existing column %1 NOT NULL").arg(column),
                QStringLiteral("fails if a row holds NULL, and the whole table is checked "
                               "under a lock"));
        }
        if (!op.type.hasValue())
            return;
        const TypeSpec &to = op.type.value.forDialect(m_dialectName);
        const TypeInfo toInfo = typeInfo(to);
        if (op.existingType.hasValue()) {
            const TypeSpec &from = op.existingType.value.forDialect(m_dialectName);
            const TypeInfo fromInfo = typeInfo(from);
            const QString why = narrowingReason(fromInfo, toInfo);
            if (!why.isEmpty()) {
                add(SqlRisk::Kind::NarrowingType, op.range, QStringLiteral("alter_column"), column,
                    QStringLiteral("narrows %1 from %2 to %3").arg(column, spelled(from), spelled(to)),
                    why);
            }
            if (m_dialect == SqlDialect::PostgreSql && !inRecreatedBatch &&
                !postgresqlKeepsRows(fromInfo, toInfo)) {
                addTypeRewrite(op, column);
            }
        } else if (m_dialect == SqlDialect::PostgreSql && !inRecreatedBatch) {
            addTypeRewrite(op, column);
        }
    }

    void addTypeRewrite(const AlterColumn &op, const QString &column)
    {
        add(SqlRisk::Kind::TableRewrite, op.range, QStringLiteral("alter_column"), column,
            QStringLiteral("changes the type of %1 (ALTER COLUMN ... TYPE)").arg(column),
            QStringLiteral("PostgreSQL may rewrite the whole table and holds an ACCESS "
                           "EXCLUSIVE lock meanwhile"));
    }

    // PostgreSQL changes these types without touching the rows: a longer or unbounded
    // varchar, varchar -> text.
    static bool postgresqlKeepsRows(const TypeInfo &from, const TypeInfo &to)
    {
        if (from.family != Family::Text || to.family != Family::Text)
            return false;
        return !to.length || (from.length && *to.length >= *from.length);
    }

    void on(const CreateIndex &op, bool)
    {
        if (m_dialect != SqlDialect::PostgreSql)
            return;
        const SqlValue concurrently =
            op.index.dialectOptions.scalar(QStringLiteral("postgresql_concurrently"));
        if (concurrently.kind == SqlValue::Kind::Bool && concurrently.boolean)
            return;
        const QString name = op.index.name.text();
        const QString table = qualified(op.index.schema, op.index.table);
        add(SqlRisk::Kind::IndexLocksTable, op.range, QStringLiteral("create_index"),
            name.isEmpty() ? table : name,
            QStringLiteral("creates index %1 on %2 without CONCURRENTLY").arg(name, table),
            QStringLiteral("writes to the table are blocked until the index is built; "
                           "consider postgresql_concurrently=True in an autocommit_block"));
    }

    void on(const BatchAlterTable &op, bool)
    {
        const bool recreated = SqliteBatchPlanner::requiresRecreate(op, m_dialect);
        const QString table = qualified(op.schema, op.table);
        if (recreated) {
            add(SqlRisk::Kind::TableRewrite, op.range, QStringLiteral("batch_alter_table"), table,
                QStringLiteral("rebuilds table %1 (batch \"move and copy\")").arg(table),
                QStringLiteral("every row is copied into a new table, which is slow on large "
                               "tables and locks the database meanwhile"));
        }
        for (const BatchOperation &inner : op.operations)
            std::visit([this, recreated](const auto &o) { this->on(o, recreated); }, inner);
    }

    template<typename T>
    void on(const T &, bool)
    {
    }

    SqlDialect m_dialect;
    QString m_dialectName;
    SqlRiskAnalyzer::Origin m_origin;
    SqlRisks m_risks;
};

} // namespace

SqlRisks SqlRiskAnalyzer::analyze(const Operations &operations, SqlDialect dialect,
                                  const Origin &origin)
{
    Collector collector(dialect, origin);
    for (const Operation &operation : operations)
        collector.visit(operation);
    return collector.risks();
}

} // namespace Retort
