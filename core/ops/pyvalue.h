// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/operations.h"
#include "python/sourcerange.h"

#include <QList>
#include <QString>

#include <memory>
#include <variant>

namespace Retort {

namespace PythonAst {
struct FunctionDef;
}

// A value while the Interpreter evaluates Python: a plain Python value, a module or
// name it knows (sa, sa.Integer, op.create_table, ...), a SQLAlchemy object under
// construction (type, column, constraint, table, expression, ...), or an opaque value
// it cannot know without running the application (with the reason).
// Internal to core/ops. Value type; payloads are shared and never mutated in place.
struct PyValue
{
    enum class Kind {
        Scalar,      // scalar: None, bool, int, float, str, bytes, Decimal, date/time
        List,
        Tuple,
        Dict,        // items: key, value, key, value, ...
        Module,      // name: "sqlalchemy", "alembic.op", "sqlalchemy.dialects.postgresql", ...
        Symbol,      // name: a qualified name inside a known module: "sqlalchemy.Integer"
        Object,      // object: a SQLAlchemy object
        Method,      // items[0] the receiver, name the method
        Function,    // function: a function defined in the migration file
        BatchOp,     // the batch_op of the innermost `with op.batch_alter_table()`
        Bind,        // op.get_bind()
        Context,     // op.get_context() / context.get_context()
        Dialect,     // <bind or context>.dialect
        ColumnsOf,   // <table>.c: items[0] the table
        Opaque,      // name: why it cannot be known; reported: a diagnostic was given
    };

    struct MetaData
    {
        bool hasNamingConvention = false;
        QString schema;
    };
    struct ColumnClause
    {
        QString name;
        TypeSpec type;
    };
    using Object = std::variant<TypeSpec,
                                ColumnDef,
                                ConstraintDef,
                                IndexDef,
                                TableDef,
                                TableClause,
                                ColumnClause,
                                SqlExpression,
                                DmlStatement,
                                IdentityDef,
                                ComputedDef,
                                ForeignKeyDef,
                                MetaData,
                                ObjectName>; // op.f('name')

    Kind kind = Kind::Scalar;
    SqlValue scalar;
    QString name;
    QList<PyValue> items;
    std::shared_ptr<const Object> object;
    const PythonAst::FunctionDef *function = nullptr;
    bool reported = false;
    SourceRange origin; // Opaque: where the value came from

    static PyValue none() { return PyValue(); }
    static PyValue fromScalar(const SqlValue &v)
    {
        PyValue p;
        p.scalar = v;
        return p;
    }
    static PyValue fromString(const QString &s) { return fromScalar(SqlValue::fromString(s)); }
    static PyValue fromBool(bool b) { return fromScalar(SqlValue::fromBool(b)); }
    static PyValue named(Kind kind, const QString &name)
    {
        PyValue p;
        p.kind = kind;
        p.name = name;
        return p;
    }
    template<typename T>
    static PyValue fromObject(T value)
    {
        PyValue p;
        p.kind = Kind::Object;
        p.object = std::make_shared<const Object>(std::move(value));
        return p;
    }
    static PyValue opaque(const QString &reason, const SourceRange &origin, bool reported)
    {
        PyValue p = named(Kind::Opaque, reason);
        p.origin = origin;
        p.reported = reported;
        return p;
    }

    template<typename T>
    const T *get() const
    {
        return kind == Kind::Object && object ? std::get_if<T>(object.get()) : nullptr;
    }

    bool isNone() const { return kind == Kind::Scalar && scalar.kind == SqlValue::Kind::None; }
    bool isString() const { return kind == Kind::Scalar && scalar.kind == SqlValue::Kind::String; }
    bool isBool() const { return kind == Kind::Scalar && scalar.kind == SqlValue::Kind::Bool; }
    bool isInt() const { return kind == Kind::Scalar && scalar.kind == SqlValue::Kind::Int; }
    bool isSequence() const { return kind == Kind::List || kind == Kind::Tuple; }

    // Python's type name for messages: "str", "int", "list", "Column", ...
    QString typeName() const;
    // A short Python-like rendering for messages.
    QString repr() const;
};

// Thrown inside the Interpreter to abandon the statement being evaluated; becomes
// one Diagnostic (or none when silent: the cause was already reported).
struct InterpretError
{
    SourceRange range;
    QString message;
    bool silent = false;
};

} // namespace Retort
