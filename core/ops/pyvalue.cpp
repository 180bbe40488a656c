// SPDX-License-Identifier: GPL-3.0-or-later
#include "ops/pyvalue.h"

#include <QStringList>

namespace Retort {

namespace {

template<typename... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template<typename... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

QString lastPart(const QString &name)
{
    return name.mid(name.lastIndexOf(QLatin1Char('.')) + 1);
}

} // namespace

QString PyValue::typeName() const
{
    switch (kind) {
    case Kind::Scalar:
        switch (scalar.kind) {
        case SqlValue::Kind::None:
            return QStringLiteral("NoneType");
        case SqlValue::Kind::Bool:
            return QStringLiteral("bool");
        case SqlValue::Kind::Int:
            return QStringLiteral("int");
        case SqlValue::Kind::Decimal:
            return QStringLiteral("Decimal");
        case SqlValue::Kind::Float:
            return QStringLiteral("float");
        case SqlValue::Kind::String:
            return QStringLiteral("str");
        case SqlValue::Kind::Bytes:
            return QStringLiteral("bytes");
        case SqlValue::Kind::Date:
            return QStringLiteral("date");
        case SqlValue::Kind::Time:
            return QStringLiteral("time");
        case SqlValue::Kind::DateTime:
            return QStringLiteral("datetime");
        }
        break;
    case Kind::List:
        return QStringLiteral("list");
    case Kind::Tuple:
        return QStringLiteral("tuple");
    case Kind::Dict:
        return QStringLiteral("dict");
    case Kind::Module:
        return QStringLiteral("module");
    case Kind::Symbol:
        return lastPart(name);
    case Kind::Object:
        return std::visit(Overloaded{
                              [](const TypeSpec &t) { return t.name; },
                              [](const ColumnDef &) { return QStringLiteral("Column"); },
                              [](const ConstraintDef &) { return QStringLiteral("Constraint"); },
                              [](const IndexDef &) { return QStringLiteral("Index"); },
                              [](const TableDef &) { return QStringLiteral("Table"); },
                              [](const TableClause &) { return QStringLiteral("TableClause"); },
                              [](const ColumnClause &) { return QStringLiteral("ColumnClause"); },
                              [](const SqlExpression &) { return QStringLiteral("expression"); },
                              [](const DmlStatement &) { return QStringLiteral("statement"); },
                              [](const IdentityDef &) { return QStringLiteral("Identity"); },
                              [](const ComputedDef &) { return QStringLiteral("Computed"); },
                              [](const ForeignKeyDef &) { return QStringLiteral("ForeignKey"); },
                              [](const MetaData &) { return QStringLiteral("MetaData"); },
                              [](const ObjectName &) { return QStringLiteral("conv"); },
                          },
                          *object);
    case Kind::Method:
        return QStringLiteral("method");
    case Kind::Function:
        return QStringLiteral("function");
    case Kind::BatchOp:
        return QStringLiteral("BatchOperations");
    case Kind::Bind:
        return QStringLiteral("Connection");
    case Kind::Context:
        return QStringLiteral("MigrationContext");
    case Kind::Dialect:
        return QStringLiteral("Dialect");
    case Kind::ColumnsOf:
        return QStringLiteral("ColumnCollection");
    case Kind::Opaque:
        return QStringLiteral("object");
    }
    return QStringLiteral("object");
}

QString PyValue::repr() const
{
    switch (kind) {
    case Kind::Scalar:
        return scalar.pythonRepr();
    case Kind::List:
    case Kind::Tuple: {
        QStringList parts;
        for (const PyValue &item : items)
            parts.append(item.repr());
        const QString joined = parts.join(QLatin1String(", "));
        if (kind == Kind::List)
            return QLatin1Char('[') + joined + QLatin1Char(']');
        return QLatin1Char('(') + joined + (parts.size() == 1 ? QStringLiteral(",)") : QStringLiteral(")"));
    }
    case Kind::Module:
    case Kind::Symbol:
        return name;
    default:
        return typeName();
    }
}

} // namespace Retort
