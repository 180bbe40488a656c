// SPDX-License-Identifier: GPL-3.0-or-later
#include "ops/evaluator.h"

#include "ops/directives.h"
#include "ops/sqlalchemycalls.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <functional>

namespace Retort {

using namespace PythonAst;

namespace {

const QString Bridge = QStringLiteral("; this migration needs the Python bridge to render natively");

// Helper functions may call each other; Python's own limit is far above what a
// migration needs, and a low one keeps runaway recursion cheap.
constexpr int MaxCallDepth = 64;
// A loop over a literal list is short; this only stops `for` over huge ranges.
constexpr int MaxIterations = 100000;

bool isKnownModule(const QString &name)
{
    static const QSet<QString> modules = {
        QStringLiteral("sqlalchemy"),
        QStringLiteral("sqlalchemy.dialects"),
        QStringLiteral("sqlalchemy.dialects.postgresql"),
        QStringLiteral("sqlalchemy.dialects.mysql"),
        QStringLiteral("sqlalchemy.dialects.sqlite"),
        QStringLiteral("sqlalchemy.dialects.mssql"),
        QStringLiteral("sqlalchemy.dialects.oracle"),
        QStringLiteral("sqlalchemy.types"),
        QStringLiteral("sqlalchemy.sql"),
        QStringLiteral("sqlalchemy.sql.expression"),
        QStringLiteral("sqlalchemy.sql.sqltypes"),
        QStringLiteral("sqlalchemy.sql.functions"),
        QStringLiteral("sqlalchemy.schema"),
        QStringLiteral("sqlalchemy.orm"),
        QStringLiteral("sqlalchemy.engine"),
        QStringLiteral("alembic"),
        QStringLiteral("alembic.op"),
        QStringLiteral("alembic.context"),
        QStringLiteral("datetime"),
        QStringLiteral("decimal"),
        QStringLiteral("typing"),
        QStringLiteral("typing_extensions"),
        QStringLiteral("collections"),
        QStringLiteral("collections.abc"),
        QStringLiteral("__future__"),
    };
    return modules.contains(name);
}

bool isKnownRoot(const QString &module)
{
    const QString root = module.section(QLatin1Char('.'), 0, 0);
    return root == QLatin1String("sqlalchemy") || root == QLatin1String("alembic") ||
           isKnownModule(module);
}

// "sqlalchemy.Integer" -> "sa.Integer", "alembic.op.foo" -> "op.foo", for messages.
QString displayName(const QString &qualified)
{
    if (qualified.startsWith(QLatin1String("sqlalchemy.dialects.")))
        return qualified.mid(20);
    if (qualified.startsWith(QLatin1String("sqlalchemy.")))
        return QStringLiteral("sa.") + qualified.mid(11);
    if (qualified.startsWith(QLatin1String("alembic.")))
        return qualified.mid(8);
    if (qualified.startsWith(QLatin1String("builtins.")))
        return qualified.mid(9);
    return qualified;
}

PyValue moduleMember(const QString &module, const QString &attr)
{
    const QString qualified = module + QLatin1Char('.') + attr;
    if (isKnownModule(qualified))
        return PyValue::named(PyValue::Kind::Module, qualified);
    return PyValue::named(PyValue::Kind::Symbol, SqlAlchemyCalls::normalize(qualified));
}

bool isExpressionLike(const PyValue &value)
{
    return value.get<SqlExpression>() || value.get<PyValue::ColumnClause>();
}

QString compareOperator(CompareOperator op)
{
    switch (op) {
    case CompareOperator::Eq:
        return QStringLiteral("=");
    case CompareOperator::NotEq:
        return QStringLiteral("!=");
    case CompareOperator::Lt:
        return QStringLiteral("<");
    case CompareOperator::LtE:
        return QStringLiteral("<=");
    case CompareOperator::Gt:
        return QStringLiteral(">");
    case CompareOperator::GtE:
        return QStringLiteral(">=");
    case CompareOperator::Is:
        return QStringLiteral("IS");
    case CompareOperator::IsNot:
        return QStringLiteral("IS NOT");
    case CompareOperator::In:
        return QStringLiteral("IN");
    case CompareOperator::NotIn:
        return QStringLiteral("NOT IN");
    }
    return QString();
}

SqlExpression binary(const QString &op, SqlExpression left, SqlExpression right)
{
    // Comparing with None is IS / IS NOT in SQLAlchemy.
    QString sqlOp = op;
    if (right.kind == SqlExpression::Kind::Null) {
        if (op == QLatin1String("="))
            sqlOp = QStringLiteral("IS");
        else if (op == QLatin1String("!="))
            sqlOp = QStringLiteral("IS NOT");
    }
    SqlExpression e;
    e.kind = SqlExpression::Kind::Binary;
    e.text = sqlOp;
    e.operands.push_back(std::move(left));
    e.operands.push_back(std::move(right));
    return e;
}

int compareScalars(const SqlValue &a, const SqlValue &b, bool *ok)
{
    *ok = true;
    const bool aNum = a.kind == SqlValue::Kind::Int || a.kind == SqlValue::Kind::Float ||
                      a.kind == SqlValue::Kind::Bool;
    const bool bNum = b.kind == SqlValue::Kind::Int || b.kind == SqlValue::Kind::Float ||
                      b.kind == SqlValue::Kind::Bool;
    if (aNum && bNum) {
        auto number = [](const SqlValue &v) {
            return v.kind == SqlValue::Kind::Float ? v.real
                   : v.kind == SqlValue::Kind::Bool ? double(v.boolean)
                                                    : double(v.integer);
        };
        const double x = number(a);
        const double y = number(b);
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (a.kind == SqlValue::Kind::String && b.kind == SqlValue::Kind::String)
        return a.text.compare(b.text);
    *ok = false;
    return 0;
}

// printf-style `'...' % values` with the conversions migrations use: %s, %r, %d, %%.
QString percentFormat(const QString &format, const PyValue &values, const SourceRange &range)
{
    const QList<PyValue> items = values.kind == PyValue::Kind::Tuple ? values.items
                                                                     : QList<PyValue>{values};
    QString out;
    qsizetype next = 0;
    for (qsizetype i = 0; i < format.size(); ++i) {
        const QChar c = format.at(i);
        if (c != QLatin1Char('%')) {
            out += c;
            continue;
        }
        const QChar conversion = i + 1 < format.size() ? format.at(i + 1) : QChar();
        ++i;
        if (conversion == QLatin1Char('%')) {
            out += conversion;
            continue;
        }
        if (conversion != QLatin1Char('s') && conversion != QLatin1Char('r') &&
            conversion != QLatin1Char('d'))
            throw InterpretError{range,
                                 QStringLiteral("the %-format '%%%1' is not evaluated natively")
                                         .arg(conversion) +
                                     Bridge,
                                 false};
        if (next >= items.size())
            throw InterpretError{range, QStringLiteral("not enough arguments for format string"), false};
        const PyValue &value = items.at(next++);
        if (value.kind != PyValue::Kind::Scalar)
            throw InterpretError{range,
                                 QStringLiteral("%-formatting of %1 is not evaluated natively")
                                         .arg(value.typeName()) +
                                     Bridge,
                                 false};
        if (conversion == QLatin1Char('d') && !value.isInt())
            throw InterpretError{range,
                                 QStringLiteral("%d format: a real number is required, not %1")
                                     .arg(value.typeName()),
                                 false};
        out += conversion == QLatin1Char('s') && value.isString() ? value.scalar.text
                                                                  : value.scalar.pythonRepr();
    }
    if (next < items.size())
        throw InterpretError{range,
                             QStringLiteral("not all arguments converted during string formatting"),
                             false};
    return out;
}

QString compareSymbol(CompareOperator op)
{
    switch (op) {
    case CompareOperator::Lt:
        return QStringLiteral("<");
    case CompareOperator::LtE:
        return QStringLiteral("<=");
    case CompareOperator::Gt:
        return QStringLiteral(">");
    default:
        return QStringLiteral(">=");
    }
}

QString formatString(const QString &format, const CallArguments &args)
{
    QString out;
    int autoIndex = 0;
    for (qsizetype i = 0; i < format.size(); ++i) {
        const QChar c = format.at(i);
        if (c == QLatin1Char('{')) {
            if (i + 1 < format.size() && format.at(i + 1) == QLatin1Char('{')) {
                out += c;
                ++i;
                continue;
            }
            const qsizetype end = format.indexOf(QLatin1Char('}'), i);
            if (end < 0)
                args.fail(QStringLiteral("Single '{' encountered in format string"));
            const QString field = format.mid(i + 1, end - i - 1);
            if (field.contains(QLatin1Char(':')) || field.contains(QLatin1Char('!')) ||
                field.contains(QLatin1Char('.')) || field.contains(QLatin1Char('[')))
                args.fail(QStringLiteral("str.format() with conversions or format specs is not "
                                         "evaluated natively") +
                          Bridge);
            const CallArguments::Argument *value = nullptr;
            bool isIndex = false;
            const int index = field.isEmpty() ? autoIndex++ : field.toInt(&isIndex);
            if (field.isEmpty() || isIndex) {
                if (index < args.positional().size())
                    value = &args.positional().at(index);
                else
                    args.fail(QStringLiteral("Replacement index %1 out of range for positional "
                                             "args tuple")
                                  .arg(index));
            } else {
                for (const auto &keyword : args.keywords()) {
                    if (keyword.first == field)
                        value = &keyword.second;
                }
                if (!value)
                    args.fail(QStringLiteral("KeyError: '%1'").arg(field));
            }
            if (value->value.kind != PyValue::Kind::Scalar)
                args.fail(*value, QStringLiteral("str.format() of %1 is not evaluated natively")
                                      .arg(value->value.typeName()) +
                                      Bridge);
            out += value->value.isString() ? value->value.scalar.text : value->value.scalar.pythonRepr();
            i = end;
        } else if (c == QLatin1Char('}') && i + 1 < format.size() && format.at(i + 1) == c) {
            out += c;
            ++i;
        } else {
            out += c;
        }
    }
    return out;
}

// How often each name is bound by the top-level statements runModuleLevel() executes.
void countTargetNames(const Expr *target, QHash<QString, int> *bindings)
{
    if (const auto *name = target->as<Name>()) {
        ++(*bindings)[name->id];
    } else if (const auto *tuple = target->as<Tuple>()) {
        for (const Expr *element : tuple->elts)
            countTargetNames(element, bindings);
    } else if (const auto *list = target->as<List>()) {
        for (const Expr *element : list->elts)
            countTargetNames(element, bindings);
    } else if (const auto *starred = target->as<Starred>()) {
        countTargetNames(starred->value, bindings);
    }
}

QHash<QString, int> moduleBindings(const StmtList &body)
{
    QHash<QString, int> bindings;
    for (const Stmt *statement : body) {
        if (const auto *node = statement->as<Import>()) {
            for (const Alias *alias : node->names)
                ++bindings[alias->asName.isEmpty() ? alias->name.section(QLatin1Char('.'), 0, 0)
                                                   : alias->asName];
        } else if (const auto *node = statement->as<ImportFrom>()) {
            for (const Alias *alias : node->names)
                ++bindings[alias->asName.isEmpty() ? alias->name : alias->asName];
        } else if (const auto *node = statement->as<FunctionDef>()) {
            ++bindings[node->name];
        } else if (const auto *node = statement->as<ClassDef>()) {
            ++bindings[node->name];
        } else if (const auto *node = statement->as<Assign>()) {
            for (const Expr *target : node->targets)
                countTargetNames(target, &bindings);
        } else if (const auto *node = statement->as<AnnAssign>()) {
            countTargetNames(node->target, &bindings);
        }
    }
    return bindings;
}

bool isSqlAlchemyModule(const QString &module)
{
    return module == QLatin1String("sqlalchemy") || module.startsWith(QLatin1String("sqlalchemy."));
}

// Whether evaluating expr has no effect but its value and gives the same value at any
// later point: calls, attributes and literals over names bound once, earlier, by
// imports from SQLAlchemy (whose constructors are side-effect free here).
bool isPureSqlAlchemy(const Expr *expr, const QSet<QString> &sqlAlchemyNames)
{
    switch (expr->kind) {
    case Kind::Constant:
        return true;
    case Kind::Name:
        return sqlAlchemyNames.contains(static_cast<const Name *>(expr)->id);
    case Kind::Attribute:
        return isPureSqlAlchemy(static_cast<const Attribute *>(expr)->value, sqlAlchemyNames);
    case Kind::UnaryOp:
        return isPureSqlAlchemy(static_cast<const UnaryOp *>(expr)->operand, sqlAlchemyNames);
    case Kind::List:
    case Kind::Tuple: {
        const ExprList &elements = expr->kind == Kind::List ? static_cast<const List *>(expr)->elts
                                                            : static_cast<const Tuple *>(expr)->elts;
        return std::all_of(elements.cbegin(), elements.cend(), [&](const Expr *element) {
            return isPureSqlAlchemy(element, sqlAlchemyNames);
        });
    }
    case Kind::Call: {
        const auto *call = static_cast<const Call *>(expr);
        if (!isPureSqlAlchemy(call->func, sqlAlchemyNames))
            return false;
        for (const Expr *argument : call->args) {
            if (!isPureSqlAlchemy(argument, sqlAlchemyNames))
                return false;
        }
        for (const Keyword *keyword : call->keywords) {
            if (keyword->arg.isEmpty() || !isPureSqlAlchemy(keyword->value, sqlAlchemyNames))
                return false;
        }
        return true;
    }
    default:
        return false;
    }
}

PyValue moduleAssignmentFailure(const Stmt *statement, const InterpretError &error)
{
    // Only a problem if the function uses it: remember why.
    return PyValue::opaque(QStringLiteral("the value assigned on line %1 (%2)")
                               .arg(statement->range.start.line)
                               .arg(error.message),
                           error.range, false);
}

} // namespace

Evaluator::Evaluator(const PythonModule &module, const QString &dialect)
    : m_module(module)
    , m_dialect(dialect)
{ }

void Evaluator::run(const QString &functionName, Operations *operations, Diagnostics *diagnostics)
{
    m_operations = operations;
    m_diagnostics = diagnostics;
    runModuleLevel();
    const FunctionDef *function = nullptr;
    for (const Stmt *statement : m_module.body()) {
        if (const auto *def = statement->as<FunctionDef>(); def && def->name == functionName)
            function = def;
    }
    if (!function) {
        Diagnostic d;
        d.file = m_module.fileName();
        d.message = QStringLiteral("the script has no function %1()").arg(functionName);
        m_diagnostics->append(d);
        return;
    }
    CallArguments none(functionName, function->range);
    try {
        callFunction(function, none);
    } catch (const InterpretError &error) {
        report(error);
    }
}

void Evaluator::runModuleLevel()
{
    const QHash<QString, int> bindings = moduleBindings(m_module.body());
    QSet<QString> sqlAlchemyNames; // bound once, so far, by an import from SQLAlchemy
    for (const Stmt *statement : m_module.body()) {
        switch (statement->kind) {
        case Kind::Import:
            for (const Alias *alias : static_cast<const Import *>(statement)->names) {
                const QString bound = alias->asName.isEmpty()
                                          ? alias->name.section(QLatin1Char('.'), 0, 0)
                                          : alias->asName;
                if (isSqlAlchemyModule(alias->name) && bindings.value(bound) == 1)
                    sqlAlchemyNames.insert(bound);
            }
            execImport(statement);
            break;
        case Kind::ImportFrom: {
            const auto *node = static_cast<const ImportFrom *>(statement);
            for (const Alias *alias : node->names) {
                const QString bound = alias->asName.isEmpty() ? alias->name : alias->asName;
                if (node->level == 0 && isSqlAlchemyModule(node->module)
                    && alias->name != QLatin1String("*") && bindings.value(bound) == 1)
                    sqlAlchemyNames.insert(bound);
            }
            execImport(statement);
            break;
        }
        case Kind::FunctionDef: {
            const auto *def = static_cast<const FunctionDef *>(statement);
            PyValue function = PyValue::named(PyValue::Kind::Function, def->name);
            function.function = def;
            m_globals.insert(def->name, function);
            break;
        }
        case Kind::ClassDef: {
            const auto *def = static_cast<const ClassDef *>(statement);
            m_globals.insert(def->name,
                             PyValue::opaque(QStringLiteral("the class %1 defined in the script")
                                                 .arg(def->name),
                                             def->range, false));
            break;
        }
        case Kind::Assign:
        case Kind::AnnAssign: {
            const Expr *value = nullptr;
            ExprList targets;
            if (const auto *assignment = statement->as<Assign>()) {
                value = assignment->value;
                targets = assignment->targets;
            } else {
                const auto *annotated = static_cast<const AnnAssign *>(statement);
                value = annotated->value;
                targets = {annotated->target};
            }
            if (!value)
                break;
            if (targets.size() == 1 && statement->kind == Kind::Assign) {
                const auto *name = targets.constFirst()->as<Name>();
                if (name && bindings.value(name->id) == 1 && isPureSqlAlchemy(value, sqlAlchemyNames)) {
                    m_deferred.insert(name->id, static_cast<const Assign *>(statement));
                    break;
                }
            }
            try {
                const PyValue result = eval(value);
                for (const Expr *target : targets)
                    assign(target, result);
            } catch (const InterpretError &error) {
                const PyValue opaque = moduleAssignmentFailure(statement, error);
                for (const Expr *target : targets) {
                    if (const auto *name = target->as<Name>())
                        m_globals.insert(name->id, opaque);
                }
            }
            break;
        }
        default:
            break;
        }
    }
}

// Evaluated as at module level (no locals), where runModuleLevel() would have.
PyValue Evaluator::evaluateDeferred(const QString &name)
{
    const Assign *assignment = m_deferred.take(name);
    struct ModuleLevel
    {
        std::vector<Scope> &locals;
        std::vector<Scope> saved;
        explicit ModuleLevel(std::vector<Scope> &l) : locals(l), saved(std::move(l)) { locals.clear(); }
        ~ModuleLevel() { locals = std::move(saved); }
    };
    PyValue value;
    {
        const ModuleLevel moduleLevel(m_locals);
        try {
            value = eval(assignment->value);
        } catch (const InterpretError &error) {
            value = moduleAssignmentFailure(assignment, error);
        }
    }
    m_globals.insert(name, value);
    return value;
}

Evaluator::Flow Evaluator::execBlock(const StmtList &body)
{
    for (const Stmt *statement : body) {
        const Flow flow = execStatement(statement);
        if (flow != Flow::Normal)
            return flow;
    }
    return Flow::Normal;
}

Evaluator::Flow Evaluator::execStatement(const Stmt *statement)
{
    try {
        return execStatementUnguarded(statement);
    } catch (const InterpretError &error) {
        report(error);
        // Names this statement would have bound are unknown now; their uses must not
        // repeat the diagnostic.
        ExprList targets;
        if (const auto *assignment = statement->as<Assign>())
            targets = assignment->targets;
        else if (const auto *annotated = statement->as<AnnAssign>())
            targets = {annotated->target};
        else if (const auto *augmented = statement->as<AugAssign>())
            targets = {augmented->target};
        for (const Expr *target : targets) {
            if (const auto *name = target->as<Name>())
                (m_locals.empty() ? m_globals : m_locals.back())
                    .insert(name->id, PyValue::opaque(error.message, error.range, true));
        }
        return Flow::Normal;
    }
}

Evaluator::Flow Evaluator::execStatementUnguarded(const Stmt *statement)
{
    switch (statement->kind) {
    case Kind::Pass:
        return Flow::Normal;
    case Kind::Break:
        return Flow::Break;
    case Kind::Continue:
        return Flow::Continue;
    case Kind::ExprStmt:
        execExpressionStatement(static_cast<const ExprStmt *>(statement));
        return Flow::Normal;
    case Kind::Assign: {
        const auto *node = static_cast<const Assign *>(statement);
        const PyValue value = eval(node->value);
        for (const Expr *target : node->targets)
            assign(target, value);
        return Flow::Normal;
    }
    case Kind::AnnAssign: {
        const auto *node = static_cast<const AnnAssign *>(statement);
        if (node->value)
            assign(node->target, eval(node->value));
        return Flow::Normal;
    }
    case Kind::AugAssign: {
        const auto *node = static_cast<const AugAssign *>(statement);
        if (!node->target->as<Name>())
            fail(node->range, QStringLiteral("augmented assignment to %1 is not evaluated natively")
                                  .arg(kindName(node->target->kind)) +
                                  Bridge);
        assign(node->target, binaryOperation(eval(node->target), node->op, eval(node->value),
                                             node->target->range, node->value->range, node->range));
        return Flow::Normal;
    }
    case Kind::Return: {
        const auto *node = static_cast<const Return *>(statement);
        m_returnValue = node->value ? eval(node->value) : PyValue::none();
        return Flow::Return;
    }
    case Kind::If:
        return execIf(static_cast<const If *>(statement));
    case Kind::For:
        return execFor(static_cast<const For *>(statement));
    case Kind::With:
        return execWith(static_cast<const With *>(statement));
    case Kind::Import:
    case Kind::ImportFrom:
        execImport(statement);
        return Flow::Normal;
    case Kind::FunctionDef: {
        const auto *def = static_cast<const FunctionDef *>(statement);
        PyValue function = PyValue::named(PyValue::Kind::Function, def->name);
        function.function = def;
        m_locals.back().insert(def->name, function);
        return Flow::Normal;
    }
    case Kind::Assert: {
        const auto *node = static_cast<const Assert *>(statement);
        if (!truth(eval(node->test), node->test->range))
            fail(node->range, QStringLiteral("assertion failed"));
        return Flow::Normal;
    }
    case Kind::Raise:
        fail(statement->range, QStringLiteral("the function raises an exception here"));
    case Kind::Try:
        fail(statement->range, QStringLiteral("try statements are not evaluated natively") + Bridge);
    case Kind::While:
        fail(statement->range, QStringLiteral("while loops are not evaluated natively") + Bridge);
    default:
        fail(statement->range, QStringLiteral("'%1' statements are not evaluated natively")
                                       .arg(kindName(statement->kind)) +
                                   Bridge);
    }
}

void Evaluator::execImport(const Stmt *statement)
{
    if (const auto *node = statement->as<Import>()) {
        for (const Alias *alias : node->names) {
            PyValue module = isKnownRoot(alias->name)
                                 ? PyValue::named(PyValue::Kind::Module, alias->name)
                                 : PyValue::opaque(QStringLiteral("the module '%1' (imported on "
                                                                  "line %2)")
                                                       .arg(alias->name)
                                                       .arg(alias->range.start.line),
                                                   alias->range, false);
            if (!alias->asName.isEmpty()) {
                (m_locals.empty() ? m_globals : m_locals.back()).insert(alias->asName, module);
            } else {
                const QString root = alias->name.section(QLatin1Char('.'), 0, 0);
                if (module.kind == PyValue::Kind::Module)
                    module.name = root;
                (m_locals.empty() ? m_globals : m_locals.back()).insert(root, module);
            }
        }
        return;
    }
    const auto *node = static_cast<const ImportFrom *>(statement);
    const bool known = node->level == 0 && isKnownRoot(node->module);
    for (const Alias *alias : node->names) {
        const QString bound = alias->asName.isEmpty() ? alias->name : alias->asName;
        PyValue value;
        if (known) {
            value = moduleMember(node->module, alias->name);
        } else {
            const QString from = QString(node->level, QLatin1Char('.')) + node->module;
            value = PyValue::opaque(QStringLiteral("'%1', imported from the application module "
                                                   "'%2' on line %3,")
                                        .arg(alias->name, from)
                                        .arg(alias->range.start.line),
                                    alias->range, false);
        }
        if (alias->name == QLatin1String("*"))
            continue;
        (m_locals.empty() ? m_globals : m_locals.back()).insert(bound, value);
    }
}

Evaluator::Flow Evaluator::execIf(const If *node)
{
    const bool condition = truth(eval(node->test), node->test->range);
    return execBlock(condition ? node->body : node->orelse);
}

Evaluator::Flow Evaluator::execFor(const For *node)
{
    const QList<PyValue> items = iterate(eval(node->iter), node->iter->range);
    for (const PyValue &item : items) {
        assign(node->target, item);
        const Flow flow = execBlock(node->body);
        if (flow == Flow::Break)
            return Flow::Normal;
        if (flow == Flow::Return)
            return flow;
    }
    return execBlock(node->orelse);
}

Evaluator::Flow Evaluator::execWith(const With *node)
{
    if (node->items.size() != 1)
        fail(node->range, QStringLiteral("a with statement with several context managers is not "
                                         "evaluated natively") +
                              Bridge);
    const WithItem *item = node->items.first();
    const Expr *context = item->contextExpr;
    const auto *call = context->as<Call>();
    if (call) {
        const PyValue callee = eval(call->func);
        if (callee.kind == PyValue::Kind::Symbol &&
            callee.name == QLatin1String("alembic.op.batch_alter_table")) {
            if (!m_batches.empty() && m_batches.back().open)
                fail(call->range, QStringLiteral("op.batch_alter_table() inside another "
                                                 "batch_alter_table block is not supported"));
            CallArguments args = evaluateArguments(QStringLiteral("op.batch_alter_table"), call);
            BatchFrame frame;
            frame.batch = Directives::batchAlterTable(args);
            m_batches.push_back(frame);
            const int index = int(m_batches.size()) - 1;
            if (item->optionalVars) {
                PyValue batchOp = PyValue::named(PyValue::Kind::BatchOp, QString::number(index));
                assign(item->optionalVars, batchOp);
            }
            const Flow flow = execBlock(node->body);
            m_batches[index].open = false;
            BatchAlterTable batch = m_batches[index].batch;
            m_batches.pop_back();
            addOperation(batch);
            return flow;
        }
        if (callee.kind == PyValue::Kind::Method &&
            callee.name == QLatin1String("autocommit_block") &&
            callee.items.first().kind == PyValue::Kind::Context) {
            if (!call->args.isEmpty() || !call->keywords.isEmpty())
                fail(call->range, QStringLiteral("autocommit_block() takes no arguments"));
            AutocommitBlockBegin begin;
            begin.range = call->range;
            addOperation(begin);
            const Flow flow = execBlock(node->body);
            AutocommitBlockEnd end;
            end.range = call->range;
            addOperation(end);
            return flow;
        }
        if (callee.kind == PyValue::Kind::Opaque)
            failOpaque(callee, call->func->range);
    }
    fail(context->range, QStringLiteral("only `with op.batch_alter_table(...)` and `with "
                                        "op.get_context().autocommit_block()` are evaluated "
                                        "natively") +
                             Bridge);
}

void Evaluator::execExpressionStatement(const ExprStmt *node)
{
    // Docstrings and other bare constants do nothing.
    if (node->value->kind == Kind::Constant)
        return;
    // list.append / extend on a variable: rebind the variable.
    if (const auto *call = node->value->as<Call>()) {
        if (const auto *attr = call->func->as<Attribute>()) {
            if (const auto *target = attr->value->as<Name>();
                target && (attr->attr == QLatin1String("append") ||
                           attr->attr == QLatin1String("extend"))) {
                PyValue list = evalName(target);
                if (list.kind == PyValue::Kind::List) {
                    if (call->args.size() != 1 || !call->keywords.isEmpty())
                        fail(call->range, QStringLiteral("%1() takes exactly one argument").arg(attr->attr));
                    const PyValue value = eval(call->args.first());
                    if (attr->attr == QLatin1String("append"))
                        list.items.append(value);
                    else
                        list.items.append(iterate(value, call->args.first()->range));
                    assign(target, list);
                    return;
                }
            }
        }
    }
    eval(node->value);
}

void Evaluator::assign(const Expr *target, const PyValue &value)
{
    if (!target)
        return;
    if (const auto *name = target->as<Name>()) {
        (m_locals.empty() ? m_globals : m_locals.back()).insert(name->id, value);
        return;
    }
    if (target->kind == Kind::Tuple || target->kind == Kind::List) {
        const ExprList &elts = target->kind == Kind::Tuple ? static_cast<const Tuple *>(target)->elts
                                                           : static_cast<const List *>(target)->elts;
        const QList<PyValue> items = iterate(value, target->range);
        if (items.size() != elts.size())
            fail(target->range, items.size() > elts.size()
                                    ? QStringLiteral("too many values to unpack (expected %1)").arg(elts.size())
                                    : QStringLiteral("not enough values to unpack (expected %1, got %2)")
                                          .arg(elts.size())
                                          .arg(items.size()));
        for (qsizetype i = 0; i < elts.size(); ++i)
            assign(elts.at(i), items.at(i));
        return;
    }
    fail(target->range, QStringLiteral("assignment to %1 is not evaluated natively")
                            .arg(kindName(target->kind)) +
                            Bridge);
}

// A thin dispatcher on purpose: every level of a nested expression costs one frame
// of eval() plus one of the node's own function, so eval() keeps no locals of its own.
// With the work inlined here a level took ~12 KB of stack in a sanitizer build, and the
// 1000 levels the parser allows overflowed the 8 MB main-thread stack.
PyValue Evaluator::eval(const Expr *expr)
{
    switch (expr->kind) {
    case Kind::Constant:
        return evalConstant(static_cast<const Constant *>(expr));
    case Kind::Name:
        return evalName(static_cast<const Name *>(expr));
    case Kind::Attribute:
        return evalAttribute(static_cast<const Attribute *>(expr));
    case Kind::Call:
        return evalCall(static_cast<const Call *>(expr));
    case Kind::Compare:
        return evalCompare(static_cast<const Compare *>(expr));
    case Kind::BinOp:
        return evalBinOp(static_cast<const BinOp *>(expr));
    case Kind::Subscript:
        return evalSubscript(static_cast<const Subscript *>(expr));
    case Kind::List:
        return evalSequence(static_cast<const List *>(expr)->elts, PyValue::Kind::List);
    case Kind::Set:
        return evalSequence(static_cast<const Set *>(expr)->elts, PyValue::Kind::List);
    case Kind::Tuple:
        return evalSequence(static_cast<const Tuple *>(expr)->elts, PyValue::Kind::Tuple);
    case Kind::Dict:
        return evalDict(static_cast<const Dict *>(expr));
    case Kind::BoolOp:
        return evalBoolOp(static_cast<const BoolOp *>(expr));
    case Kind::UnaryOp:
        return evalUnaryOp(static_cast<const UnaryOp *>(expr));
    case Kind::IfExp:
        return evalIfExp(static_cast<const IfExp *>(expr));
    case Kind::ListComp:
    case Kind::GeneratorExp:
        return evalComprehension(static_cast<const Comp *>(expr));
    case Kind::JoinedStr:
        fail(expr->range, QStringLiteral("f-strings are not evaluated natively") + Bridge);
    default:
        failUnsupported(expr);
    }
}

void Evaluator::failUnsupported(const Expr *expr)
{
    fail(expr->range, QStringLiteral("'%1' expressions are not evaluated natively")
                          .arg(kindName(expr->kind)) +
                          Bridge);
}

PyValue Evaluator::evalSequence(const ExprList &elts, PyValue::Kind kind)
{
    PyValue value;
    value.kind = kind;
    for (const Expr *elt : elts) {
        if (const auto *starred = elt->as<Starred>())
            value.items.append(iterate(eval(starred->value), starred->range));
        else
            value.items.append(eval(elt));
    }
    return value;
}

PyValue Evaluator::evalDict(const Dict *node)
{
    PyValue value;
    value.kind = PyValue::Kind::Dict;
    auto put = [&value, this](const PyValue &key, const PyValue &item) {
        for (qsizetype i = 0; i + 1 < value.items.size(); i += 2) {
            if (equals(value.items.at(i), key)) {
                value.items[i + 1] = item;
                return;
            }
        }
        value.items.append(key);
        value.items.append(item);
    };
    for (qsizetype i = 0; i < node->keys.size(); ++i) {
        if (!node->keys.at(i)) {
            const PyValue other = eval(node->values.at(i));
            if (other.kind != PyValue::Kind::Dict)
                fail(node->values.at(i)->range, QStringLiteral("'%1' object is not a mapping")
                                                    .arg(other.typeName()));
            for (qsizetype j = 0; j + 1 < other.items.size(); j += 2)
                put(other.items.at(j), other.items.at(j + 1));
            continue;
        }
        const PyValue key = eval(node->keys.at(i));
        if (key.kind != PyValue::Kind::Scalar)
            fail(node->keys.at(i)->range, QStringLiteral("dictionary keys must be plain values"));
        put(key, eval(node->values.at(i)));
    }
    return value;
}

PyValue Evaluator::evalBoolOp(const BoolOp *node)
{
    PyValue last;
    for (const Expr *operand : node->values) {
        last = eval(operand);
        const bool t = truth(last, operand->range);
        if ((node->op == BoolOperator::And && !t) || (node->op == BoolOperator::Or && t))
            return last;
    }
    return last;
}

PyValue Evaluator::evalUnaryOp(const UnaryOp *node)
{
    const PyValue operand = eval(node->operand);
    if (node->op == UnaryOperator::Not) {
        if (isExpressionLike(operand))
            fail(node->range, QStringLiteral("`not` on a SQL expression; use sa.not_()"));
        return PyValue::fromBool(!truth(operand, node->operand->range));
    }
    if (node->op == UnaryOperator::Invert && isExpressionLike(operand)) {
        SqlExpression e;
        e.kind = SqlExpression::Kind::Not;
        e.operands.push_back(SqlAlchemyCalls::toExpression(operand, node->range, QStringLiteral("~")));
        return PyValue::fromObject(e);
    }
    if (operand.kind == PyValue::Kind::Scalar) {
        SqlValue v = operand.scalar;
        if (node->op == UnaryOperator::UAdd &&
            (v.kind == SqlValue::Kind::Int || v.kind == SqlValue::Kind::Float ||
             v.kind == SqlValue::Kind::Decimal))
            return operand;
        if (node->op == UnaryOperator::USub) {
            if (v.kind == SqlValue::Kind::Int && v.integerFits) {
                return PyValue::fromScalar(SqlValue::fromInt(-v.integer));
            }
            if (v.kind == SqlValue::Kind::Float || v.kind == SqlValue::Kind::Decimal) {
                v.real = -v.real;
                v.text = v.text.startsWith(QLatin1Char('-')) ? v.text.mid(1)
                                                             : QLatin1Char('-') + v.text;
                return PyValue::fromScalar(v);
            }
        }
    }
    fail(node->range, QStringLiteral("bad operand type for unary %1: '%2'")
                          .arg(operatorName(node->op), operand.typeName()));
}

PyValue Evaluator::evalIfExp(const IfExp *node)
{
    return truth(eval(node->test), node->test->range) ? eval(node->body) : eval(node->orelse);
}

PyValue Evaluator::evalConstant(const Constant *node)
{
    using CK = Constant::ConstantKind;
    SqlValue v;
    switch (node->constantKind) {
    case CK::None:
        return PyValue::none();
    case CK::True:
        return PyValue::fromBool(true);
    case CK::False:
        return PyValue::fromBool(false);
    case CK::Str:
        return PyValue::fromString(node->value);
    case CK::Bytes:
        v.kind = SqlValue::Kind::Bytes;
        v.bytes = node->value.toLatin1();
        return PyValue::fromScalar(v);
    case CK::Int: {
        qint64 i = 0;
        v.kind = SqlValue::Kind::Int;
        v.integerFits = node->toInteger(&i);
        v.integer = i;
        v.text = v.integerFits ? QString::number(i) : node->value;
        return PyValue::fromScalar(v);
    }
    case CK::Float: {
        double d = 0;
        node->toDouble(&d);
        v.kind = SqlValue::Kind::Float;
        v.real = d;
        v.text = QString::number(d, 'g', 17);
        // Python's repr: the shortest text that reads back as the same double.
        for (int precision = 1; precision <= 17; ++precision) {
            const QString candidate = QString::number(d, 'g', precision);
            if (candidate.toDouble() == d) {
                v.text = candidate;
                break;
            }
        }
        if (!v.text.contains(QLatin1Char('.')) && !v.text.contains(QLatin1Char('e')) &&
            !v.text.contains(QLatin1String("inf")) && !v.text.contains(QLatin1String("nan")))
            v.text += QLatin1String(".0");
        return PyValue::fromScalar(v);
    }
    default:
        fail(node->range, QStringLiteral("this constant is not evaluated natively") + Bridge);
    }
}

PyValue Evaluator::evalName(const Name *node)
{
    if (!m_locals.empty()) {
        const auto it = m_locals.back().constFind(node->id);
        if (it != m_locals.back().constEnd())
            return *it;
    }
    const auto it = m_globals.constFind(node->id);
    if (it != m_globals.constEnd())
        return *it;
    if (m_deferred.contains(node->id))
        return evaluateDeferred(node->id);
    static const QSet<QString> builtins = {
        QStringLiteral("len"),  QStringLiteral("range"), QStringLiteral("list"),
        QStringLiteral("tuple"), QStringLiteral("dict"), QStringLiteral("str"),
        QStringLiteral("int"),  QStringLiteral("bool"),  QStringLiteral("enumerate"),
        QStringLiteral("zip"),  QStringLiteral("sorted"), QStringLiteral("reversed")};
    if (builtins.contains(node->id))
        return PyValue::named(PyValue::Kind::Symbol, QStringLiteral("builtins.") + node->id);
    fail(node->range, QStringLiteral("name '%1' is not defined").arg(node->id));
}

PyValue Evaluator::evalAttribute(const Attribute *node)
{
    return attribute(eval(node->value), node->attr, node->range);
}

PyValue Evaluator::attribute(const PyValue &value, const QString &attr, const SourceRange &range)
{
    switch (value.kind) {
    case PyValue::Kind::Module:
        return moduleMember(value.name, attr);
    case PyValue::Kind::Symbol:
        if (value.name == QLatin1String("alembic.op.get_context") ||
            value.name == QLatin1String("alembic.op.get_bind"))
            break;
        return PyValue::named(PyValue::Kind::Symbol, value.name + QLatin1Char('.') + attr);
    case PyValue::Kind::Opaque:
        failOpaque(value, range);
    case PyValue::Kind::Bind:
        if (attr == QLatin1String("dialect") || attr == QLatin1String("engine"))
            return PyValue::named(attr == QLatin1String("dialect") ? PyValue::Kind::Dialect
                                                                  : PyValue::Kind::Bind,
                                  QString());
        if (attr == QLatin1String("name"))
            return PyValue::fromString(m_dialect);
        {
            PyValue method = PyValue::named(PyValue::Kind::Method, attr);
            method.items.append(value);
            return method;
        }
    case PyValue::Kind::Context:
        if (attr == QLatin1String("dialect"))
            return PyValue::named(PyValue::Kind::Dialect, QString());
        if (attr == QLatin1String("bind") || attr == QLatin1String("connection"))
            return PyValue::named(PyValue::Kind::Bind, QString());
        {
            PyValue method = PyValue::named(PyValue::Kind::Method, attr);
            method.items.append(value);
            return method;
        }
    case PyValue::Kind::Dialect:
        if (attr == QLatin1String("name"))
            return PyValue::fromString(m_dialect);
        break;
    case PyValue::Kind::Object:
        if ((value.get<TableClause>() || value.get<TableDef>()) &&
            (attr == QLatin1String("c") || attr == QLatin1String("columns"))) {
            PyValue columns = PyValue::named(PyValue::Kind::ColumnsOf, QString());
            columns.items.append(value);
            return columns;
        }
        if (const TableClause *t = value.get<TableClause>(); t && attr == QLatin1String("name"))
            return PyValue::fromString(t->name);
        if (const TableDef *t = value.get<TableDef>(); t && attr == QLatin1String("name"))
            return PyValue::fromString(t->name);
        if (const ColumnDef *c = value.get<ColumnDef>(); c && attr == QLatin1String("name"))
            return PyValue::fromString(c->name);
        {
            PyValue method = PyValue::named(PyValue::Kind::Method, attr);
            method.items.append(value);
            return method;
        }
    case PyValue::Kind::ColumnsOf: {
        const PyValue &table = value.items.first();
        const TableClause clause = SqlAlchemyCalls::toTableClause(table, range, QStringLiteral("c"));
        const TableClause::Column *column = clause.column(attr);
        if (!column)
            fail(range, QStringLiteral("the table %1 has no column '%2'").arg(clause.name, attr));
        SqlExpression e = SqlExpression::makeColumn(column->name, clause.name);
        e.type = column->type;
        return PyValue::fromObject(e);
    }
    case PyValue::Kind::Scalar:
    case PyValue::Kind::List:
    case PyValue::Kind::Dict:
    case PyValue::Kind::BatchOp: {
        PyValue method = PyValue::named(PyValue::Kind::Method, attr);
        method.items.append(value);
        return method;
    }
    default:
        break;
    }
    fail(range, QStringLiteral("%1.%2 is not evaluated natively").arg(value.typeName(), attr) + Bridge);
}

CallArguments Evaluator::evaluateArguments(const QString &callee, const Call *node)
{
    CallArguments args(callee, node->range);
    for (const Expr *arg : node->args) {
        if (const auto *starred = arg->as<Starred>()) {
            for (const PyValue &item : iterate(eval(starred->value), starred->range))
                args.addPositional(item, starred->range);
        } else {
            args.addPositional(eval(arg), arg->range);
        }
    }
    for (const Keyword *keyword : node->keywords) {
        const PyValue value = eval(keyword->value);
        if (keyword->arg.isEmpty()) {
            if (value.kind != PyValue::Kind::Dict)
                fail(keyword->range, QStringLiteral("argument after ** must be a mapping, not %1")
                                         .arg(value.typeName()));
            for (qsizetype i = 0; i + 1 < value.items.size(); i += 2) {
                if (!value.items.at(i).isString())
                    fail(keyword->range, QStringLiteral("keywords must be strings"));
                args.addKeyword(value.items.at(i).scalar.text, value.items.at(i + 1), keyword->range);
            }
        } else {
            args.addKeyword(keyword->arg, value, keyword->range);
        }
    }
    return args;
}

PyValue Evaluator::evalCall(const Call *node)
{
    const PyValue callee = eval(node->func);
    if (callee.kind == PyValue::Kind::Opaque)
        failOpaque(callee, node->func->range);
    QString name;
    switch (callee.kind) {
    case PyValue::Kind::Symbol:
        name = displayName(callee.name);
        break;
    case PyValue::Kind::Method:
        name = callee.items.first().kind == PyValue::Kind::BatchOp
                   ? QStringLiteral("batch_op.") + callee.name
                   : callee.name;
        break;
    default:
        name = callee.name;
        break;
    }
    CallArguments args = evaluateArguments(name, node);
    return callValue(callee, args, node);
}

PyValue Evaluator::callValue(const PyValue &callee, CallArguments &args, const Call *node)
{
    switch (callee.kind) {
    case PyValue::Kind::Symbol:
        return callSymbol(callee.name, args, node);
    case PyValue::Kind::Method:
        return callMethod(callee.items.first(), callee.name, args, node);
    case PyValue::Kind::Function:
        return callFunction(callee.function, args);
    case PyValue::Kind::Opaque:
        failOpaque(callee, node->func->range);
    default:
        fail(node->range, QStringLiteral("'%1' object is not callable").arg(callee.typeName()));
    }
}

PyValue Evaluator::callSymbol(const QString &name, CallArguments &args, const Call *node)
{
    if (name.startsWith(QLatin1String("alembic.op.")))
        return callOp(name.mid(11), args, node, -1);
    if (SqlAlchemyCalls::isKnown(name))
        return SqlAlchemyCalls::call(name, args);
    if (name.startsWith(QLatin1String("builtins.")))
        return callBuiltin(name.mid(9), args);
    if (name == QLatin1String("alembic.context.get_context")) {
        args.bind(QString());
        return PyValue::named(PyValue::Kind::Context, QString());
    }
    if (name == QLatin1String("alembic.context.get_bind")) {
        args.bind(QString());
        return PyValue::named(PyValue::Kind::Bind, QString());
    }
    if (name == QLatin1String("decimal.Decimal")) {
        args.bind(QStringLiteral("value="));
        const CallArguments::Argument *a = args.get(QStringLiteral("value"));
        SqlValue v;
        v.kind = SqlValue::Kind::Decimal;
        if (!a) {
            v.text = QStringLiteral("0");
        } else if (a->value.isString()) {
            const QString text = a->value.scalar.text.trimmed();
            static const QRegularExpression number(
                QStringLiteral("^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$"));
            if (!number.match(text).hasMatch())
                args.fail(*a, QStringLiteral("Decimal(%1) is not a plain decimal number")
                                  .arg(a->value.repr()));
            v.text = text.startsWith(QLatin1Char('+')) ? text.mid(1) : text;
        } else if (a->value.isInt()) {
            v.text = a->value.scalar.text;
        } else {
            args.fail(*a, QStringLiteral("Decimal() of %1 is not evaluated natively; use a string")
                              .arg(a->value.typeName()));
        }
        v.real = v.text.toDouble();
        return PyValue::fromScalar(v);
    }
    if (name == QLatin1String("datetime.date") || name == QLatin1String("datetime.datetime") ||
        name == QLatin1String("datetime.time")) {
        const bool isDate = name == QLatin1String("datetime.date");
        const bool isTime = name == QLatin1String("datetime.time");
        args.bind(isDate   ? QStringLiteral("year, month, day")
                  : isTime ? QStringLiteral("hour=, minute=, second=, microsecond=")
                           : QStringLiteral("year, month, day, hour=, minute=, second=, microsecond="));
        auto number = [&args](const char *field) {
            return int(args.optionalInt(QLatin1String(field)).value_or(0));
        };
        SqlValue v;
        v.kind = isDate ? SqlValue::Kind::Date : isTime ? SqlValue::Kind::Time : SqlValue::Kind::DateTime;
        if (!isTime) {
            v.date = QDate(number("year"), number("month"), number("day"));
            if (!v.date.isValid())
                args.fail(QStringLiteral("day is out of range for month"));
        }
        if (!isDate) {
            v.microsecond = number("microsecond");
            v.time = QTime(number("hour"), number("minute"), number("second"), v.microsecond / 1000);
            if (!v.time.isValid() || v.microsecond < 0 || v.microsecond > 999999)
                args.fail(QStringLiteral("time value out of range"));
        }
        return PyValue::fromScalar(v);
    }
    if (name.startsWith(QLatin1String("sqlalchemy.orm.")))
        fail(node->range, QStringLiteral("%1() works on the application's ORM models and a live "
                                         "database")
                              .arg(displayName(name)) +
                              Bridge);
    if (name == QLatin1String("sqlalchemy.inspect"))
        fail(node->range, QStringLiteral("sa.inspect() reads the live database schema") + Bridge);
    if (name.startsWith(QLatin1String("sqlalchemy.")))
        fail(node->range, QStringLiteral("%1() is not supported natively").arg(displayName(name)) + Bridge);
    fail(node->range, QStringLiteral("%1() cannot be evaluated without running Python")
                          .arg(displayName(name)) +
                          Bridge);
}

PyValue Evaluator::callOp(const QString &name, CallArguments &args, const Call *node, int batch)
{
    const bool inBatch = batch >= 0;
    if (name == QLatin1String("f")) {
        args.bind(QStringLiteral("name"));
        const CallArguments::Argument *a = args.get(QStringLiteral("name"));
        if (!a->value.isString())
            args.fail(*a, QStringLiteral("%1(): name must be a string, not %2")
                              .arg(args.callee(), a->value.typeName()));
        return PyValue::fromObject(ObjectName{a->value.scalar.text, true});
    }
    if (name == QLatin1String("inline_literal")) {
        args.bind(QStringLiteral("value, type_="));
        const CallArguments::Argument *a = args.get(QStringLiteral("value"));
        if (a->value.kind != PyValue::Kind::Scalar)
            args.fail(*a, QStringLiteral("%1(): value must be a plain value, not %2")
                              .arg(args.callee(), a->value.typeName()));
        SqlExpression e = SqlExpression::makeLiteral(a->value.scalar, true);
        if (const CallArguments::Argument *t = args.get(QStringLiteral("type_")); t && !t->value.isNone())
            e.type = SqlAlchemyCalls::toType(t->value, t->range, QStringLiteral("type_"));
        return PyValue::fromObject(e);
    }
    if (name == QLatin1String("get_bind")) {
        args.bind(QString());
        return PyValue::named(PyValue::Kind::Bind, QString());
    }
    if (name == QLatin1String("get_context")) {
        args.bind(QString());
        return PyValue::named(PyValue::Kind::Context, QString());
    }
    if (!inBatch && name == QLatin1String("batch_alter_table"))
        fail(node->range, QStringLiteral("op.batch_alter_table() is only understood as `with "
                                         "op.batch_alter_table(...) as batch_op:`"));
    if (inBatch ? Directives::isBatchOperation(name) : Directives::isOperation(name)) {
        if (inBatch) {
            BatchFrame &frame = m_batches[size_t(batch)];
            if (!frame.open)
                fail(node->range, QStringLiteral("batch_op.%1() is called after its "
                                                 "batch_alter_table block ended")
                                      .arg(name));
            frame.batch.operations.append(Directives::batchOperation(name, args, frame.batch));
            return PyValue::none();
        }
        const Operation operation = Directives::operation(name, args);
        addOperation(operation);
        if (const CreateTable *create = std::get_if<CreateTable>(&operation))
            return PyValue::fromObject(create->table);
        return PyValue::none();
    }
    static const QSet<QString> known = {
        QStringLiteral("create_exclude_constraint"), QStringLiteral("invoke"),
        QStringLiteral("run_async"), QStringLiteral("implementation_for"),
        QStringLiteral("register_operation"), QStringLiteral("drop_column_if_exists")};
    if (known.contains(name))
        fail(node->range, QStringLiteral("%1.%2() is not supported natively")
                              .arg(inBatch ? QStringLiteral("batch_op") : QStringLiteral("op"), name) +
                              Bridge);
    fail(node->range, QStringLiteral("'%1.%2' is not an Alembic operation")
                          .arg(inBatch ? QStringLiteral("batch_op") : QStringLiteral("op"), name));
}

PyValue Evaluator::callMethod(const PyValue &receiver, const QString &method, CallArguments &args,
                              const Call *node)
{
    switch (receiver.kind) {
    case PyValue::Kind::BatchOp:
        return callOp(method, args, node, receiver.name.toInt());
    case PyValue::Kind::Context:
        break;
    case PyValue::Kind::Scalar:
        if (receiver.isString()) {
            const QString &s = receiver.scalar.text;
            if (method == QLatin1String("format"))
                return PyValue::fromString(formatString(s, args));
            if (method == QLatin1String("upper") || method == QLatin1String("lower") ||
                method == QLatin1String("strip")) {
                args.bind(QString());
                return PyValue::fromString(method == QLatin1String("upper")   ? s.toUpper()
                                           : method == QLatin1String("lower") ? s.toLower()
                                                                              : s.trimmed());
            }
            if (method == QLatin1String("replace")) {
                args.bind(QStringLiteral("old, new"));
                return PyValue::fromString(QString(s).replace(args.string(QStringLiteral("old")),
                                                              args.string(QStringLiteral("new"))));
            }
            if (method == QLatin1String("join")) {
                args.bind(QStringLiteral("iterable"));
                const CallArguments::Argument *a = args.get(QStringLiteral("iterable"));
                QStringList parts;
                for (const PyValue &item : iterate(a->value, a->range)) {
                    if (!item.isString())
                        args.fail(*a, QStringLiteral("sequence item: expected str instance, %1 found")
                                          .arg(item.typeName()));
                    parts.append(item.scalar.text);
                }
                return PyValue::fromString(parts.join(s));
            }
            if (method == QLatin1String("startswith") || method == QLatin1String("endswith")) {
                args.bind(QStringLiteral("prefix"));
                const QString prefix = args.string(QStringLiteral("prefix"));
                return PyValue::fromBool(method == QLatin1String("startswith") ? s.startsWith(prefix)
                                                                               : s.endsWith(prefix));
            }
        }
        break;
    case PyValue::Kind::Dict:
        if (method == QLatin1String("items") || method == QLatin1String("keys") ||
            method == QLatin1String("values")) {
            args.bind(QString());
            PyValue list;
            list.kind = PyValue::Kind::List;
            for (qsizetype i = 0; i + 1 < receiver.items.size(); i += 2) {
                if (method == QLatin1String("items")) {
                    PyValue pair;
                    pair.kind = PyValue::Kind::Tuple;
                    pair.items = {receiver.items.at(i), receiver.items.at(i + 1)};
                    list.items.append(pair);
                } else {
                    list.items.append(receiver.items.at(method == QLatin1String("keys") ? i : i + 1));
                }
            }
            return list;
        }
        if (method == QLatin1String("get")) {
            args.bind(QStringLiteral("key, default="));
            const PyValue key = args.get(QStringLiteral("key"))->value;
            for (qsizetype i = 0; i + 1 < receiver.items.size(); i += 2) {
                if (equals(receiver.items.at(i), key))
                    return receiver.items.at(i + 1);
            }
            const CallArguments::Argument *fallback = args.get(QStringLiteral("default"));
            return fallback ? fallback->value : PyValue::none();
        }
        break;
    case PyValue::Kind::Bind:
        if (method == QLatin1String("execute") || method == QLatin1String("exec_driver_sql"))
            fail(node->range, QStringLiteral("op.get_bind().%1() runs SQL on the live database "
                                             "connection")
                                  .arg(method) +
                                  Bridge);
        break;
    case PyValue::Kind::Object:
        if (const TypeSpec *type = receiver.get<TypeSpec>()) {
            if (method == QLatin1String("with_variant")) {
                args.bind(QStringLiteral("type_, *dialect_names"));
                const CallArguments::Argument *t = args.get(QStringLiteral("type_"));
                const TypeSpec variantType = SqlAlchemyCalls::toType(t->value, t->range, QStringLiteral("type_"));
                TypeSpec result = *type;
                if (args.extraPositional().isEmpty())
                    args.fail(QStringLiteral("with_variant() needs at least one dialect name"));
                for (const CallArguments::Argument &d : args.extraPositional()) {
                    if (!d.value.isString())
                        args.fail(d, QStringLiteral("with_variant(): dialect names must be strings"));
                    result.variants.append(
                        {d.value.scalar.text, std::make_shared<const TypeSpec>(variantType)});
                }
                return PyValue::fromObject(result);
            }
            if (method == QLatin1String("create") || method == QLatin1String("drop")) {
                args.bind(QStringLiteral("bind, checkfirst="));
                const CallArguments::Argument *bind = args.get(QStringLiteral("bind"));
                if (bind->value.kind != PyValue::Kind::Bind)
                    args.fail(*bind, QStringLiteral("%1.%2(): the bind must be op.get_bind()")
                                         .arg(type->name, method));
                const bool isEnum = type->name == QLatin1String("Enum") ||
                                    type->name == QLatin1String("ENUM");
                if (!isEnum)
                    args.fail(QStringLiteral("%1.%2() is only understood for enum types")
                                  .arg(type->name, method));
                const bool checkFirst = args.boolean(QStringLiteral("checkfirst"), false);
                if (method == QLatin1String("create")) {
                    CreateEnumType op;
                    op.range = node->range;
                    op.type = *type;
                    op.checkFirst = checkFirst;
                    addOperation(op);
                } else {
                    DropEnumType op;
                    op.range = node->range;
                    op.type = *type;
                    op.checkFirst = checkFirst;
                    addOperation(op);
                }
                return PyValue::none();
            }
        }
        if ((receiver.get<TableClause>() || receiver.get<TableDef>()) &&
            (method == QLatin1String("update") || method == QLatin1String("insert") ||
             method == QLatin1String("delete"))) {
            args.bind(QString());
            DmlStatement dml;
            dml.kind = method == QLatin1String("update")   ? DmlStatement::Kind::Update
                       : method == QLatin1String("insert") ? DmlStatement::Kind::Insert
                                                           : DmlStatement::Kind::Delete;
            dml.table = SqlAlchemyCalls::toTableClause(receiver, node->range, method);
            return PyValue::fromObject(dml);
        }
        if (const DmlStatement *dml = receiver.get<DmlStatement>()) {
            DmlStatement result = *dml;
            if (method == QLatin1String("where")) {
                args.bind(QStringLiteral("*whereclause"));
                for (const CallArguments::Argument &a : args.extraPositional()) {
                    SqlExpression condition = SqlAlchemyCalls::toExpression(a.value, a.range, QStringLiteral("where"));
                    if (!result.where) {
                        result.where = condition;
                    } else {
                        SqlExpression both;
                        both.kind = SqlExpression::Kind::BoolList;
                        both.text = QStringLiteral("AND");
                        both.operands = {*result.where, condition};
                        result.where = both;
                    }
                }
                return PyValue::fromObject(result);
            }
            if (method == QLatin1String("values")) {
                args.bind(QStringLiteral("*args, **kwargs"));
                auto add = [&result, &args](const QString &column, const PyValue &value,
                                            const SourceRange &range) {
                    if (!result.table.column(column))
                        args.fail(QStringLiteral("Unconsumed column names: %1").arg(column));
                    result.values.append({column, SqlAlchemyCalls::toValue(value, range, column)});
                };
                for (const CallArguments::Argument &a : args.extraPositional()) {
                    if (a.value.kind != PyValue::Kind::Dict)
                        args.fail(a, QStringLiteral("values() takes a dictionary or keyword arguments"));
                    for (qsizetype i = 0; i + 1 < a.value.items.size(); i += 2)
                        add(SqlAlchemyCalls::columnName(a.value.items.at(i), a.range, QStringLiteral("values")),
                            a.value.items.at(i + 1), a.range);
                }
                for (const auto &keyword : args.extraKeywords())
                    add(keyword.first, keyword.second.value, keyword.second.range);
                return PyValue::fromObject(result);
            }
        }
        if (receiver.get<SqlExpression>() || receiver.get<PyValue::ColumnClause>()) {
            const SqlExpression self = SqlAlchemyCalls::toExpression(receiver, node->range, method);
            static const QHash<QString, QString> binaryMethods = {
                {QStringLiteral("is_"), QStringLiteral("IS")},
                {QStringLiteral("is_not"), QStringLiteral("IS NOT")},
                {QStringLiteral("isnot"), QStringLiteral("IS NOT")},
                {QStringLiteral("like"), QStringLiteral("LIKE")},
                {QStringLiteral("not_like"), QStringLiteral("NOT LIKE")},
                {QStringLiteral("notlike"), QStringLiteral("NOT LIKE")},
                {QStringLiteral("in_"), QStringLiteral("IN")},
                {QStringLiteral("not_in"), QStringLiteral("NOT IN")},
                {QStringLiteral("notin_"), QStringLiteral("NOT IN")}};
            if (binaryMethods.contains(method)) {
                args.bind(QStringLiteral("other"));
                const CallArguments::Argument *a = args.get(QStringLiteral("other"));
                SqlExpression other;
                if (a->value.isSequence()) {
                    other.kind = SqlExpression::Kind::Tuple;
                    for (const PyValue &item : a->value.items)
                        other.operands.push_back(SqlAlchemyCalls::toValue(item, a->range, method));
                } else {
                    other = SqlAlchemyCalls::toValue(a->value, a->range, method);
                }
                SqlExpression e;
                e.kind = SqlExpression::Kind::Binary;
                e.text = binaryMethods.value(method);
                e.operands = {self, other};
                return PyValue::fromObject(e);
            }
            if (method == QLatin1String("desc") || method == QLatin1String("asc")) {
                args.bind(QString());
                SqlExpression e;
                e.kind = method == QLatin1String("desc") ? SqlExpression::Kind::Desc
                                                         : SqlExpression::Kind::Asc;
                e.operands = {self};
                return PyValue::fromObject(e);
            }
            if (method == QLatin1String("label")) {
                args.bind(QStringLiteral("name"));
                SqlExpression e;
                e.kind = SqlExpression::Kind::Label;
                e.text = args.string(QStringLiteral("name"));
                e.operands = {self};
                return PyValue::fromObject(e);
            }
        }
        break;
    case PyValue::Kind::Opaque:
        failOpaque(receiver, node->range);
    default:
        break;
    }
    fail(node->range, QStringLiteral("%1.%2() is not evaluated natively")
                          .arg(receiver.kind == PyValue::Kind::Bind      ? QStringLiteral("op.get_bind()")
                               : receiver.kind == PyValue::Kind::Context ? QStringLiteral("op.get_context()")
                                                                        : receiver.typeName(),
                               method) +
                          Bridge);
}

PyValue Evaluator::callFunction(const FunctionDef *function, CallArguments &args)
{
    if (m_callDepth >= MaxCallDepth)
        args.fail(QStringLiteral("maximum recursion depth exceeded"));
    QStringList signature;
    bool keywordOnlyMarked = false;
    for (const Parameter *p : function->parameters) {
        switch (p->parameterKind) {
        case Parameter::ParameterKind::VarPositional:
            signature.append(QLatin1Char('*') + p->name);
            keywordOnlyMarked = true;
            break;
        case Parameter::ParameterKind::VarKeyword:
            signature.append(QStringLiteral("**") + p->name);
            break;
        case Parameter::ParameterKind::KeywordOnly:
            if (!keywordOnlyMarked) {
                signature.append(QStringLiteral("*"));
                keywordOnlyMarked = true;
            }
            signature.append(p->name + (p->defaultValue ? QStringLiteral("=") : QString()));
            break;
        default:
            signature.append(p->name + (p->defaultValue ? QStringLiteral("=") : QString()));
            break;
        }
    }
    args.bind(signature.join(QLatin1String(", ")));
    Scope scope;
    for (const Parameter *p : function->parameters) {
        if (p->parameterKind == Parameter::ParameterKind::VarPositional) {
            PyValue rest;
            rest.kind = PyValue::Kind::Tuple;
            for (const CallArguments::Argument &a : args.extraPositional())
                rest.items.append(a.value);
            scope.insert(p->name, rest);
        } else if (p->parameterKind == Parameter::ParameterKind::VarKeyword) {
            PyValue rest;
            rest.kind = PyValue::Kind::Dict;
            for (const auto &keyword : args.extraKeywords())
                rest.items << PyValue::fromString(keyword.first) << keyword.second.value;
            scope.insert(p->name, rest);
        } else if (const CallArguments::Argument *a = args.get(p->name)) {
            scope.insert(p->name, a->value);
        } else if (p->defaultValue) {
            scope.insert(p->name, eval(p->defaultValue));
        }
    }
    m_locals.push_back(scope);
    ++m_callDepth;
    m_returnValue = PyValue::none();
    const Flow flow = execBlock(function->body);
    --m_callDepth;
    m_locals.pop_back();
    const PyValue result = flow == Flow::Return ? m_returnValue : PyValue::none();
    m_returnValue = PyValue::none();
    return result;
}

PyValue Evaluator::callBuiltin(const QString &name, CallArguments &args)
{
    if (name == QLatin1String("len")) {
        args.bind(QStringLiteral("obj"));
        const CallArguments::Argument *a = args.get(QStringLiteral("obj"));
        if (a->value.isString())
            return PyValue::fromScalar(SqlValue::fromInt(a->value.scalar.text.size()));
        qsizetype n = iterate(a->value, a->range).size();
        return PyValue::fromScalar(SqlValue::fromInt(n));
    }
    if (name == QLatin1String("range")) {
        args.bind(QStringLiteral("a, b=, step="));
        qint64 start = 0;
        qint64 stop = args.optionalInt(QStringLiteral("a")).value_or(0);
        if (args.has(QStringLiteral("b"))) {
            start = stop;
            stop = args.optionalInt(QStringLiteral("b")).value_or(0);
        }
        const qint64 step = args.optionalInt(QStringLiteral("step")).value_or(1);
        if (step == 0)
            args.fail(QStringLiteral("range() arg 3 must not be zero"));
        PyValue list;
        list.kind = PyValue::Kind::List;
        for (qint64 i = start; step > 0 ? i < stop : i > stop; i += step) {
            if (list.items.size() > MaxIterations)
                args.fail(QStringLiteral("range() is too long to evaluate natively") + Bridge);
            list.items.append(PyValue::fromScalar(SqlValue::fromInt(i)));
        }
        return list;
    }
    if (name == QLatin1String("list") || name == QLatin1String("tuple") ||
        name == QLatin1String("sorted") || name == QLatin1String("reversed")) {
        args.bind(name == QLatin1String("sorted") ? QStringLiteral("iterable=, *, reverse=")
                                                  : QStringLiteral("iterable="));
        PyValue result;
        result.kind = name == QLatin1String("tuple") ? PyValue::Kind::Tuple : PyValue::Kind::List;
        if (const CallArguments::Argument *a = args.get(QStringLiteral("iterable")))
            result.items = iterate(a->value, a->range);
        if (name == QLatin1String("reversed"))
            std::reverse(result.items.begin(), result.items.end());
        if (name == QLatin1String("sorted")) {
            bool ok = true;
            std::stable_sort(result.items.begin(), result.items.end(),
                             [&ok](const PyValue &a, const PyValue &b) {
                                 bool comparable = false;
                                 const int c = compareScalars(a.scalar, b.scalar, &comparable);
                                 ok = ok && comparable && a.kind == PyValue::Kind::Scalar &&
                                      b.kind == PyValue::Kind::Scalar;
                                 return c < 0;
                             });
            if (!ok)
                args.fail(QStringLiteral("sorted() of values that are not plain strings or numbers"));
            if (args.boolean(QStringLiteral("reverse"), false))
                std::reverse(result.items.begin(), result.items.end());
        }
        return result;
    }
    if (name == QLatin1String("dict")) {
        args.bind(QStringLiteral("**kwargs"));
        PyValue result;
        result.kind = PyValue::Kind::Dict;
        for (const auto &keyword : args.extraKeywords())
            result.items << PyValue::fromString(keyword.first) << keyword.second.value;
        return result;
    }
    if (name == QLatin1String("enumerate") || name == QLatin1String("zip")) {
        args.bind(QStringLiteral("*iterables"));
        QList<QList<PyValue>> sources;
        for (const CallArguments::Argument &a : args.extraPositional())
            sources.append(iterate(a.value, a.range));
        if (name == QLatin1String("enumerate")) {
            if (sources.size() != 1)
                args.fail(QStringLiteral("enumerate() takes one iterable"));
            QList<PyValue> indexes;
            for (qsizetype i = 0; i < sources.first().size(); ++i)
                indexes.append(PyValue::fromScalar(SqlValue::fromInt(i)));
            sources.prepend(indexes);
        }
        PyValue result;
        result.kind = PyValue::Kind::List;
        qsizetype count = sources.isEmpty() ? 0 : sources.first().size();
        for (const QList<PyValue> &source : sources)
            count = std::min(count, source.size());
        for (qsizetype i = 0; i < count; ++i) {
            PyValue tuple;
            tuple.kind = PyValue::Kind::Tuple;
            for (const QList<PyValue> &source : sources)
                tuple.items.append(source.at(i));
            result.items.append(tuple);
        }
        return result;
    }
    if (name == QLatin1String("str") || name == QLatin1String("int") || name == QLatin1String("bool")) {
        args.bind(QStringLiteral("value="));
        const CallArguments::Argument *a = args.get(QStringLiteral("value"));
        if (name == QLatin1String("bool"))
            return PyValue::fromBool(a && truth(a->value, a->range));
        if (!a)
            return name == QLatin1String("str") ? PyValue::fromString(QString())
                                                 : PyValue::fromScalar(SqlValue::fromInt(0));
        if (a->value.kind != PyValue::Kind::Scalar)
            args.fail(*a, QStringLiteral("%1() of %2 is not evaluated natively").arg(name, a->value.typeName()));
        if (name == QLatin1String("str"))
            return PyValue::fromString(a->value.isString() ? a->value.scalar.text
                                                           : a->value.scalar.pythonRepr());
        if (a->value.isInt())
            return a->value;
        if (a->value.isString()) {
            bool ok = false;
            const qint64 v = a->value.scalar.text.trimmed().toLongLong(&ok);
            if (!ok)
                args.fail(*a, QStringLiteral("invalid literal for int() with base 10: %1").arg(a->value.repr()));
            return PyValue::fromScalar(SqlValue::fromInt(v));
        }
        args.fail(*a, QStringLiteral("int() of %1 is not evaluated natively").arg(a->value.typeName()));
    }
    args.fail(QStringLiteral("%1() is not evaluated natively").arg(name) + Bridge);
}

PyValue Evaluator::evalCompare(const Compare *node)
{
    PyValue left = eval(node->left);
    PyValue result = PyValue::fromBool(true);
    for (qsizetype i = 0; i < node->ops.size(); ++i) {
        const CompareOperator op = node->ops.at(i);
        const PyValue right = eval(node->comparators.at(i));
        if (isExpressionLike(left) || isExpressionLike(right)) {
            if (node->ops.size() != 1)
                fail(node->range, QStringLiteral("chained comparisons of SQL expressions are not "
                                                 "supported"));
            SqlExpression l = SqlAlchemyCalls::toExpression(left, node->left->range, QStringLiteral("comparison"));
            SqlExpression r = SqlAlchemyCalls::toExpression(right, node->comparators.at(i)->range,
                                                            QStringLiteral("comparison"));
            // A Python str compared with a column is a bound value, not verbatim SQL.
            if (l.kind == SqlExpression::Kind::String)
                l = SqlExpression::makeLiteral(left.scalar, false);
            if (r.kind == SqlExpression::Kind::String)
                r = SqlExpression::makeLiteral(right.scalar, false);
            return PyValue::fromObject(binary(compareOperator(op), l, r));
        }
        bool value = false;
        switch (op) {
        case CompareOperator::Eq:
        case CompareOperator::Is:
            value = equals(left, right);
            break;
        case CompareOperator::NotEq:
        case CompareOperator::IsNot:
            value = !equals(left, right);
            break;
        case CompareOperator::In:
        case CompareOperator::NotIn: {
            bool found = false;
            if (right.isString() && left.isString()) {
                found = right.scalar.text.contains(left.scalar.text);
            } else if (right.kind == PyValue::Kind::Dict) {
                for (qsizetype k = 0; k < right.items.size(); k += 2)
                    found = found || equals(left, right.items.at(k));
            } else {
                for (const PyValue &item : iterate(right, node->comparators.at(i)->range))
                    found = found || equals(left, item);
            }
            value = op == CompareOperator::In ? found : !found;
            break;
        }
        default: {
            if (left.kind != PyValue::Kind::Scalar || right.kind != PyValue::Kind::Scalar)
                fail(node->range, QStringLiteral("'%1' not supported between instances of '%2' and '%3'")
                                      .arg(compareSymbol(op), left.typeName(), right.typeName()));
            bool ok = false;
            const int c = compareScalars(left.scalar, right.scalar, &ok);
            if (!ok)
                fail(node->range, QStringLiteral("'%1' not supported between instances of '%2' and '%3'")
                                      .arg(compareSymbol(op), left.typeName(), right.typeName()));
            value = op == CompareOperator::Lt   ? c < 0
                    : op == CompareOperator::LtE ? c <= 0
                    : op == CompareOperator::Gt  ? c > 0
                                                 : c >= 0;
            break;
        }
        }
        if (!value)
            return PyValue::fromBool(false);
        left = right;
    }
    return result;
}

// `a + b + c` parses left-deep, and generated migrations concatenate hundreds of
// strings that way: fold the left spine in a loop instead of recursing down it.
PyValue Evaluator::evalBinOp(const BinOp *node)
{
    std::vector<const BinOp *> spine{node};
    while (const auto *left = spine.back()->left->as<BinOp>())
        spine.push_back(left);
    PyValue result = eval(spine.back()->left);
    for (auto it = spine.rbegin(); it != spine.rend(); ++it) {
        const BinOp *step = *it;
        result = binaryOperation(result, step->op, eval(step->right), step->left->range,
                                 step->right->range, step->range);
    }
    return result;
}

PyValue Evaluator::binaryOperation(const PyValue &left, BinaryOperator op, const PyValue &right,
                                   const SourceRange &leftRange, const SourceRange &rightRange,
                                   const SourceRange &range)
{
    if (isExpressionLike(left) || isExpressionLike(right)) {
        if (op == BinaryOperator::BitAnd || op == BinaryOperator::BitOr) {
            SqlExpression e;
            e.kind = SqlExpression::Kind::BoolList;
            e.text = op == BinaryOperator::BitAnd ? QStringLiteral("AND") : QStringLiteral("OR");
            e.operands = {SqlAlchemyCalls::toExpression(left, leftRange, e.text),
                          SqlAlchemyCalls::toExpression(right, rightRange, e.text)};
            return PyValue::fromObject(e);
        }
        static const QHash<int, QString> arithmetic = {
            {int(BinaryOperator::Add), QStringLiteral("+")},
            {int(BinaryOperator::Sub), QStringLiteral("-")},
            {int(BinaryOperator::Mult), QStringLiteral("*")},
            {int(BinaryOperator::Div), QStringLiteral("/")},
            {int(BinaryOperator::Mod), QStringLiteral("%")}};
        if (!arithmetic.contains(int(op)))
            fail(range, QStringLiteral("the operator %1 on SQL expressions is not supported")
                                  .arg(operatorSymbol(op)));
        SqlExpression l = SqlAlchemyCalls::toExpression(left, leftRange, QStringLiteral("operand"));
        SqlExpression r = SqlAlchemyCalls::toExpression(right, rightRange, QStringLiteral("operand"));
        if (l.kind == SqlExpression::Kind::String)
            l = SqlExpression::makeLiteral(left.scalar, false);
        if (r.kind == SqlExpression::Kind::String)
            r = SqlExpression::makeLiteral(right.scalar, false);
        return PyValue::fromObject(binary(arithmetic.value(int(op)), l, r));
    }
    if (op == BinaryOperator::Add) {
        if (left.isString() && right.isString())
            return PyValue::fromString(left.scalar.text + right.scalar.text);
        if (left.isSequence() && left.kind == right.kind) {
            PyValue result = left;
            result.items.append(right.items);
            return result;
        }
    }
    if (op == BinaryOperator::Mod && left.isString())
        return PyValue::fromString(percentFormat(left.scalar.text, right, range));
    if (op == BinaryOperator::Mult && left.isSequence() && right.isInt()) {
        if (right.scalar.integer * std::max<qint64>(1, left.items.size()) > MaxIterations)
            throw InterpretError{range, QStringLiteral("the list is too long to evaluate natively") + Bridge,
                                 false};
        PyValue result = left;
        result.items.clear();
        for (qint64 i = 0; i < right.scalar.integer; ++i)
            result.items.append(left.items);
        return result;
    }
    if (left.isInt() && right.isInt() && left.scalar.integerFits && right.scalar.integerFits) {
        const qint64 a = left.scalar.integer;
        const qint64 b = right.scalar.integer;
        switch (op) {
        case BinaryOperator::Add:
            return PyValue::fromScalar(SqlValue::fromInt(a + b));
        case BinaryOperator::Sub:
            return PyValue::fromScalar(SqlValue::fromInt(a - b));
        case BinaryOperator::Mult:
            return PyValue::fromScalar(SqlValue::fromInt(a * b));
        case BinaryOperator::FloorDiv:
        case BinaryOperator::Mod:
            if (b == 0)
                fail(range, QStringLiteral("integer division or modulo by zero"));
            {
                qint64 q = a / b;
                if ((a % b != 0) && ((a < 0) != (b < 0)))
                    --q;
                return PyValue::fromScalar(SqlValue::fromInt(op == BinaryOperator::FloorDiv ? q : a - q * b));
            }
        default:
            break;
        }
    }
    fail(range, QStringLiteral("unsupported operand type(s) for %1: '%2' and '%3'")
                          .arg(operatorSymbol(op), left.typeName(), right.typeName()));
}

PyValue Evaluator::evalSubscript(const Subscript *node)
{
    const PyValue value = eval(node->value);
    if (node->slice->kind == Kind::Slice)
        fail(node->slice->range, QStringLiteral("slices are not evaluated natively") + Bridge);
    const PyValue key = eval(node->slice);
    if (value.kind == PyValue::Kind::ColumnsOf) {
        if (!key.isString())
            fail(node->slice->range, QStringLiteral("column keys must be strings"));
        return attribute(value, key.scalar.text, node->range);
    }
    if (value.kind == PyValue::Kind::Dict) {
        for (qsizetype i = 0; i + 1 < value.items.size(); i += 2) {
            if (equals(value.items.at(i), key))
                return value.items.at(i + 1);
        }
        fail(node->range, QStringLiteral("KeyError: %1").arg(key.repr()));
    }
    if ((value.isSequence() || value.isString()) && key.isInt()) {
        const qsizetype size = value.isString() ? value.scalar.text.size() : value.items.size();
        qint64 index = key.scalar.integer;
        if (index < 0)
            index += size;
        if (index < 0 || index >= size)
            fail(node->range, QStringLiteral("%1 index out of range").arg(value.typeName()));
        if (value.isString())
            return PyValue::fromString(value.scalar.text.mid(index, 1));
        return value.items.at(index);
    }
    if (value.kind == PyValue::Kind::Opaque)
        failOpaque(value, node->value->range);
    fail(node->range, QStringLiteral("%1[%2] is not evaluated natively").arg(value.typeName(), key.repr()) +
                          Bridge);
}

PyValue Evaluator::evalComprehension(const Comp *node)
{
    PyValue result;
    result.kind = PyValue::Kind::List;
    m_locals.push_back(m_locals.empty() ? Scope() : m_locals.back());
    struct PopScope
    {
        std::vector<Scope> *locals;
        ~PopScope() { locals->pop_back(); }
    } pop{&m_locals};
    std::function<void(qsizetype)> loop = [&](qsizetype level) {
        if (level == node->generators.size()) {
            result.items.append(eval(node->elt));
            return;
        }
        const Comprehension *generator = node->generators.at(level);
        for (const PyValue &item : iterate(eval(generator->iter), generator->iter->range)) {
            assign(generator->target, item);
            bool keep = true;
            for (const Expr *condition : generator->ifs)
                keep = keep && truth(eval(condition), condition->range);
            if (keep)
                loop(level + 1);
        }
    };
    loop(0);
    return result;
}

bool Evaluator::truth(const PyValue &value, const SourceRange &range)
{
    switch (value.kind) {
    case PyValue::Kind::Scalar:
        switch (value.scalar.kind) {
        case SqlValue::Kind::None:
            return false;
        case SqlValue::Kind::Bool:
            return value.scalar.boolean;
        case SqlValue::Kind::Int:
            return value.scalar.text != QLatin1String("0");
        case SqlValue::Kind::Float:
        case SqlValue::Kind::Decimal:
            return value.scalar.real != 0;
        case SqlValue::Kind::String:
            return !value.scalar.text.isEmpty();
        case SqlValue::Kind::Bytes:
            return !value.scalar.bytes.isEmpty();
        default:
            return true;
        }
    case PyValue::Kind::List:
    case PyValue::Kind::Tuple:
    case PyValue::Kind::Dict:
        return !value.items.isEmpty();
    case PyValue::Kind::Opaque:
        failOpaque(value, range);
    case PyValue::Kind::Object:
        if (isExpressionLike(value))
            fail(range, QStringLiteral("the truth value of a SQL expression is only known to the "
                                       "database") +
                            Bridge);
        return true;
    default:
        return true;
    }
}

QList<PyValue> Evaluator::iterate(const PyValue &value, const SourceRange &range)
{
    switch (value.kind) {
    case PyValue::Kind::List:
    case PyValue::Kind::Tuple:
        return value.items;
    case PyValue::Kind::Dict: {
        QList<PyValue> keys;
        for (qsizetype i = 0; i < value.items.size(); i += 2)
            keys.append(value.items.at(i));
        return keys;
    }
    case PyValue::Kind::Scalar:
        if (value.isString()) {
            QList<PyValue> chars;
            for (const QChar c : value.scalar.text)
                chars.append(PyValue::fromString(QString(c)));
            return chars;
        }
        break;
    case PyValue::Kind::Opaque:
        failOpaque(value, range);
    default:
        break;
    }
    fail(range, QStringLiteral("'%1' object is not iterable").arg(value.typeName()));
}

bool Evaluator::equals(const PyValue &a, const PyValue &b)
{
    if (a.kind == PyValue::Kind::Opaque)
        failOpaque(a, a.origin);
    if (b.kind == PyValue::Kind::Opaque)
        failOpaque(b, b.origin);
    if (a.kind == PyValue::Kind::Scalar && b.kind == PyValue::Kind::Scalar) {
        bool comparable = false;
        const int c = compareScalars(a.scalar, b.scalar, &comparable);
        if (comparable)
            return c == 0;
        return a.scalar == b.scalar;
    }
    if (a.kind != b.kind)
        return false;
    if (a.isSequence() || a.kind == PyValue::Kind::Dict) {
        if (a.items.size() != b.items.size())
            return false;
        for (qsizetype i = 0; i < a.items.size(); ++i) {
            if (!equals(a.items.at(i), b.items.at(i)))
                return false;
        }
        return true;
    }
    if (a.kind == PyValue::Kind::Module || a.kind == PyValue::Kind::Symbol)
        return a.name == b.name;
    return a.object == b.object;
}

void Evaluator::failOpaque(const PyValue &value, const SourceRange &range)
{
    throw InterpretError{range, value.name + QStringLiteral(" needs the Python bridge to render natively"),
                         value.reported};
}

void Evaluator::fail(const SourceRange &range, const QString &message)
{
    throw InterpretError{range, message, false};
}

void Evaluator::report(const InterpretError &error)
{
    if (error.silent)
        return;
    Diagnostic d;
    d.file = m_module.fileName();
    d.line = error.range.start.line;
    d.column = error.range.start.column;
    d.message = error.message;
    for (const Diagnostic &existing : std::as_const(*m_diagnostics)) {
        if (existing.line == d.line && existing.column == d.column && existing.message == d.message)
            return;
    }
    m_diagnostics->append(d);
}

void Evaluator::addOperation(Operation operation)
{
    m_operations->append(std::move(operation));
}

} // namespace Retort
