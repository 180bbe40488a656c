// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/envpyscanner.h"

#include "python/pythonparser.h"

#include <QFile>
#include <QHash>
#include <QSet>

namespace Retort {

using namespace PythonAst;

namespace {

bool looksLikeUrlName(const QString &name)
{
    const QString upper = name.toUpper();
    return upper.contains(QLatin1String("URL")) || upper.contains(QLatin1String("DSN"))
        || upper.contains(QLatin1String("DATABASE")) || upper.startsWith(QLatin1String("DB_"))
        || upper.contains(QLatin1String("_DB_")) || upper == QLatin1String("DB");
}

const Constant *stringConstant(const Expr *expr)
{
    const Constant *constant = expr ? expr->as<Constant>() : nullptr;
    return constant && constant->constantKind == Constant::ConstantKind::Str ? constant : nullptr;
}

// One context.configure(...) call's literal version table settings.
struct ConfigureCall
{
    QString function;
    std::optional<QString> versionTable;
    std::optional<QString> versionTableSchema;
    std::optional<bool> versionTablePrimaryKey;
};

// Walks the whole tree (statements and expressions at any depth) and collects what
// EnvPyScanner reports. Run twice: the first pass only learns which functions are called
// where a URL is expected, so that their `return` values count as URL positions.
class Walker
{
public:
    QSet<QString> urlFunctions;  // learnt in the first pass
    QSet<QString> urlFunctionsSeen;
    QList<EnvPyScanner::EnvironmentRead> reads;
    QStringList xKeys;
    QStringList urlXKeys;
    QList<ConfigureCall> configureCalls;

    void walkModule(const Module *module)
    {
        for (const Stmt *stmt : module->body)
            collectModuleLevel(stmt);
        walkBody(module->body);
    }

private:
    QString m_function;
    QSet<QString> m_osNames = {QStringLiteral("os")};
    QSet<QString> m_environNames;
    QSet<QString> m_getenvNames;
    QSet<QString> m_xArgumentNames;
    QHash<QString, QString> m_constants;

    void collectModuleLevel(const Stmt *stmt)
    {
        if (const auto *import = stmt->as<Import>()) {
            for (const Alias *alias : import->names) {
                if (alias->name == QLatin1String("os"))
                    m_osNames.insert(alias->asName.isEmpty() ? alias->name : alias->asName);
            }
        } else if (const auto *from = stmt->as<ImportFrom>()) {
            if (from->module != QLatin1String("os") || from->level != 0)
                return;
            for (const Alias *alias : from->names) {
                const QString local = alias->asName.isEmpty() ? alias->name : alias->asName;
                if (alias->name == QLatin1String("environ"))
                    m_environNames.insert(local);
                else if (alias->name == QLatin1String("getenv"))
                    m_getenvNames.insert(local);
            }
        } else if (const auto *assign = stmt->as<Assign>()) {
            const Constant *value = stringConstant(assign->value);
            for (const Expr *target : assign->targets) {
                if (const auto *name = target->as<Name>(); name && value)
                    m_constants.insert(name->id, value->value);
            }
        }
    }

    void walkBody(const StmtList &body)
    {
        for (const Stmt *stmt : body)
            walkStmt(stmt);
    }

    void walkStmt(const Stmt *stmt)
    {
        if (!stmt)
            return;
        switch (stmt->kind) {
        case Kind::FunctionDef: {
            const auto *function = static_cast<const FunctionDef *>(stmt);
            for (const Expr *decorator : function->decorators)
                walkExpr(decorator, false);
            for (const Parameter *parameter : function->parameters)
                walkExpr(parameter->defaultValue, false);
            const QString outer = m_function;
            m_function = function->name;
            walkBody(function->body);
            m_function = outer;
            break;
        }
        case Kind::ClassDef: {
            const auto *klass = static_cast<const ClassDef *>(stmt);
            for (const Expr *base : klass->bases)
                walkExpr(base, false);
            walkBody(klass->body);
            break;
        }
        case Kind::Return: {
            const bool url = urlFunctions.contains(m_function) || looksLikeUrlName(m_function);
            walkExpr(static_cast<const Return *>(stmt)->value, url);
            break;
        }
        case Kind::Delete:
            for (const Expr *target : static_cast<const Delete *>(stmt)->targets)
                walkExpr(target, false);
            break;
        case Kind::Assign: {
            const auto *assign = static_cast<const Assign *>(stmt);
            bool url = false;
            for (const Expr *target : assign->targets) {
                if (const auto *name = target->as<Name>()) {
                    if (isXArgumentCall(assign->value))
                        m_xArgumentNames.insert(name->id);
                    url = url || looksLikeUrlName(name->id);
                }
                walkExpr(target, false);
            }
            walkExpr(assign->value, url);
            break;
        }
        case Kind::AugAssign: {
            const auto *assign = static_cast<const AugAssign *>(stmt);
            walkExpr(assign->target, false);
            walkExpr(assign->value, false);
            break;
        }
        case Kind::AnnAssign: {
            const auto *assign = static_cast<const AnnAssign *>(stmt);
            const auto *name = assign->target ? assign->target->as<Name>() : nullptr;
            if (name && isXArgumentCall(assign->value))
                m_xArgumentNames.insert(name->id);
            walkExpr(assign->value, name && looksLikeUrlName(name->id));
            break;
        }
        case Kind::For: {
            const auto *loop = static_cast<const For *>(stmt);
            walkExpr(loop->target, false);
            walkExpr(loop->iter, false);
            walkBody(loop->body);
            walkBody(loop->orelse);
            break;
        }
        case Kind::While: {
            const auto *loop = static_cast<const While *>(stmt);
            walkExpr(loop->test, false);
            walkBody(loop->body);
            walkBody(loop->orelse);
            break;
        }
        case Kind::If: {
            const auto *branch = static_cast<const If *>(stmt);
            walkExpr(branch->test, false);
            walkBody(branch->body);
            walkBody(branch->orelse);
            break;
        }
        case Kind::With: {
            const auto *with = static_cast<const With *>(stmt);
            for (const WithItem *item : with->items) {
                walkExpr(item->contextExpr, false);
                walkExpr(item->optionalVars, false);
            }
            walkBody(with->body);
            break;
        }
        case Kind::Raise:
            walkExpr(static_cast<const Raise *>(stmt)->exc, false);
            walkExpr(static_cast<const Raise *>(stmt)->cause, false);
            break;
        case Kind::Try: {
            const auto *attempt = static_cast<const Try *>(stmt);
            walkBody(attempt->body);
            for (const ExceptHandler *handler : attempt->handlers) {
                walkExpr(handler->type, false);
                walkBody(handler->body);
            }
            walkBody(attempt->orelse);
            walkBody(attempt->finalbody);
            break;
        }
        case Kind::Assert:
            walkExpr(static_cast<const Assert *>(stmt)->test, false);
            walkExpr(static_cast<const Assert *>(stmt)->msg, false);
            break;
        case Kind::ExprStmt:
            walkExpr(static_cast<const ExprStmt *>(stmt)->value, false);
            break;
        default:
            break;
        }
    }

    bool isEnvironExpr(const Expr *expr) const
    {
        if (const auto *name = expr->as<Name>())
            return m_environNames.contains(name->id);
        if (const auto *attribute = expr->as<Attribute>()) {
            const auto *base = attribute->value->as<Name>();
            return attribute->attr == QLatin1String("environ") && base && m_osNames.contains(base->id);
        }
        return false;
    }

    bool isGetenvExpr(const Expr *expr) const
    {
        if (const auto *name = expr->as<Name>())
            return m_getenvNames.contains(name->id);
        if (const auto *attribute = expr->as<Attribute>()) {
            const auto *base = attribute->value->as<Name>();
            return attribute->attr == QLatin1String("getenv") && base && m_osNames.contains(base->id);
        }
        return false;
    }

    static bool isXArgumentCall(const Expr *expr)
    {
        const auto *call = expr ? expr->as<Call>() : nullptr;
        const auto *attribute = call ? call->func->as<Attribute>() : nullptr;
        return attribute && attribute->attr == QLatin1String("get_x_argument");
    }

    bool isXArgumentExpr(const Expr *expr) const
    {
        if (const auto *name = expr->as<Name>())
            return m_xArgumentNames.contains(name->id);
        return isXArgumentCall(expr);
    }

    void addRead(const Expr *keyExpr, const Expr *defaultExpr, bool url, int line)
    {
        const Constant *key = stringConstant(keyExpr);
        if (!key)
            return;
        EnvPyScanner::EnvironmentRead read;
        read.variable = key->value;
        if (const Constant *fallback = stringConstant(defaultExpr))
            read.defaultValue = fallback->value;
        read.urlContext = url || looksLikeUrlName(key->value);
        read.line = line;
        reads.append(read);
    }

    void addXKey(const Expr *keyExpr, bool url)
    {
        const Constant *key = stringConstant(keyExpr);
        if (!key)
            return;
        if (!xKeys.contains(key->value))
            xKeys.append(key->value);
        if ((url || looksLikeUrlName(key->value)) && !urlXKeys.contains(key->value))
            urlXKeys.append(key->value);
    }

    std::optional<QString> literalString(const Expr *expr) const
    {
        if (const Constant *constant = stringConstant(expr))
            return constant->value;
        if (const auto *name = expr ? expr->as<Name>() : nullptr) {
            if (m_constants.contains(name->id))
                return m_constants.value(name->id);
        }
        return std::nullopt;
    }

    void recordConfigure(const Call *call)
    {
        ConfigureCall configure;
        configure.function = m_function;
        for (const Keyword *keyword : call->keywords) {
            const Constant *constant = keyword->value ? keyword->value->as<Constant>() : nullptr;
            if (keyword->arg == QLatin1String("version_table")) {
                configure.versionTable = literalString(keyword->value);
            } else if (keyword->arg == QLatin1String("version_table_schema")) {
                if (constant && constant->constantKind == Constant::ConstantKind::None)
                    configure.versionTableSchema = QString();
                else
                    configure.versionTableSchema = literalString(keyword->value);
            } else if (keyword->arg == QLatin1String("version_table_pk") && constant) {
                if (constant->constantKind == Constant::ConstantKind::True)
                    configure.versionTablePrimaryKey = true;
                else if (constant->constantKind == Constant::ConstantKind::False)
                    configure.versionTablePrimaryKey = false;
            }
        }
        configureCalls.append(configure);
    }

    // Which arguments of a call are URL positions.
    static bool callTakesUrl(const Call *call, qsizetype argumentIndex, const QString &keyword)
    {
        QString callee;
        if (const auto *name = call->func->as<Name>())
            callee = name->id;
        else if (const auto *attribute = call->func->as<Attribute>())
            callee = attribute->attr;
        if (callee == QLatin1String("create_engine") || callee == QLatin1String("create_async_engine"))
            return argumentIndex == 0 || keyword == QLatin1String("url");
        if (callee == QLatin1String("configure"))
            return keyword == QLatin1String("url");
        if (callee == QLatin1String("set_main_option") || callee == QLatin1String("set_section_option")) {
            const qsizetype valueIndex = callee == QLatin1String("set_main_option") ? 1 : 2;
            const Constant *option = stringConstant(call->args.value(valueIndex - 1));
            return argumentIndex == valueIndex && option && option->value == QLatin1String("sqlalchemy.url");
        }
        if (callee == QLatin1String("make_url"))
            return argumentIndex == 0;
        return false;
    }

    void walkCall(const Call *call, bool url)
    {
        // os.getenv("X", default) / getenv("X", default=...)
        if (isGetenvExpr(call->func)) {
            const Expr *fallback = call->args.value(1);
            for (const Keyword *keyword : call->keywords) {
                if (keyword->arg == QLatin1String("default"))
                    fallback = keyword->value;
            }
            addRead(call->args.value(0), fallback, url, call->range.start.line);
        }
        if (const auto *attribute = call->func->as<Attribute>()) {
            // os.environ.get("X", default)
            if (attribute->attr == QLatin1String("get") && isEnvironExpr(attribute->value))
                addRead(call->args.value(0), call->args.value(1), url, call->range.start.line);
            // context.get_x_argument(as_dictionary=True).get("url") / x_args.get("url")
            if (attribute->attr == QLatin1String("get") && isXArgumentExpr(attribute->value))
                addXKey(call->args.value(0), url);
            if (attribute->attr == QLatin1String("configure"))
                recordConfigure(call);
        }
        if (url) {
            if (const auto *name = call->func->as<Name>())
                urlFunctionsSeen.insert(name->id);
        }
        walkExpr(call->func, false);
        for (qsizetype i = 0; i < call->args.size(); ++i)
            walkExpr(call->args.at(i), callTakesUrl(call, i, QString()));
        for (const Keyword *keyword : call->keywords)
            walkExpr(keyword->value, callTakesUrl(call, -1, keyword->arg));
    }

    void walkExpr(const Expr *expr, bool url)
    {
        if (!expr)
            return;
        switch (expr->kind) {
        case Kind::Call:
            walkCall(static_cast<const Call *>(expr), url);
            break;
        case Kind::Subscript: {
            const auto *subscript = static_cast<const Subscript *>(expr);
            if (isEnvironExpr(subscript->value))
                addRead(subscript->slice, nullptr, url, expr->range.start.line);
            if (isXArgumentExpr(subscript->value))
                addXKey(subscript->slice, url);
            walkExpr(subscript->value, false);
            walkExpr(subscript->slice, false);
            break;
        }
        case Kind::BoolOp:
            // `os.environ.get("X") or config.get_main_option(...)`: each operand is the value.
            for (const Expr *value : static_cast<const BoolOp *>(expr)->values)
                walkExpr(value, url);
            break;
        case Kind::IfExp: {
            const auto *choice = static_cast<const IfExp *>(expr);
            walkExpr(choice->test, false);
            walkExpr(choice->body, url);
            walkExpr(choice->orelse, url);
            break;
        }
        case Kind::NamedExpr:
            walkExpr(static_cast<const NamedExpr *>(expr)->value, url);
            break;
        case Kind::BinOp:
            walkExpr(static_cast<const BinOp *>(expr)->left, false);
            walkExpr(static_cast<const BinOp *>(expr)->right, false);
            break;
        case Kind::UnaryOp:
            walkExpr(static_cast<const UnaryOp *>(expr)->operand, false);
            break;
        case Kind::Lambda:
            walkExpr(static_cast<const Lambda *>(expr)->body, false);
            break;
        case Kind::Dict: {
            const auto *dict = static_cast<const Dict *>(expr);
            for (const Expr *key : dict->keys)
                walkExpr(key, false);
            for (const Expr *value : dict->values)
                walkExpr(value, false);
            break;
        }
        case Kind::Set:
            for (const Expr *element : static_cast<const Set *>(expr)->elts)
                walkExpr(element, false);
            break;
        case Kind::List:
            for (const Expr *element : static_cast<const List *>(expr)->elts)
                walkExpr(element, false);
            break;
        case Kind::Tuple:
            for (const Expr *element : static_cast<const Tuple *>(expr)->elts)
                walkExpr(element, false);
            break;
        case Kind::ListComp:
        case Kind::SetComp:
        case Kind::DictComp:
        case Kind::GeneratorExp: {
            const auto *comp = static_cast<const Comp *>(expr);
            walkExpr(comp->elt, false);
            walkExpr(comp->value, false);
            for (const Comprehension *generator : comp->generators) {
                walkExpr(generator->iter, false);
                for (const Expr *condition : generator->ifs)
                    walkExpr(condition, false);
            }
            break;
        }
        case Kind::Await:
            walkExpr(static_cast<const Await *>(expr)->value, url);
            break;
        case Kind::Compare: {
            const auto *compare = static_cast<const Compare *>(expr);
            walkExpr(compare->left, false);
            for (const Expr *comparator : compare->comparators)
                walkExpr(comparator, false);
            break;
        }
        case Kind::Attribute:
            walkExpr(static_cast<const Attribute *>(expr)->value, false);
            break;
        case Kind::Starred:
            walkExpr(static_cast<const Starred *>(expr)->value, false);
            break;
        case Kind::Slice: {
            const auto *slice = static_cast<const Slice *>(expr);
            walkExpr(slice->lower, false);
            walkExpr(slice->upper, false);
            walkExpr(slice->step, false);
            break;
        }
        default:
            break;
        }
    }
};

} // namespace

QList<EnvPyScanner::EnvironmentRead> EnvPyScanner::Settings::urlVariables() const
{
    QList<EnvironmentRead> result;
    QSet<QString> seen;
    for (const EnvironmentRead &read : environmentReads) {
        if (read.urlContext && !seen.contains(read.variable)) {
            seen.insert(read.variable);
            result.append(read);
        }
    }
    // A read with a literal default and the same variable elsewhere without one: keep the
    // default, so that it applies when the variable is unset.
    for (EnvironmentRead &read : result) {
        if (read.defaultValue)
            continue;
        for (const EnvironmentRead &other : environmentReads) {
            if (other.variable == read.variable && other.defaultValue) {
                read.defaultValue = other.defaultValue;
                break;
            }
        }
    }
    return result;
}

namespace {

EnvPyScanner::Settings scanModule(const PythonModule *module, const Diagnostic &parseError, const QString &fileName)
{
    EnvPyScanner::Settings settings;
    settings.file = fileName;
    if (!module) {
        Diagnostic warning = parseError;
        warning.file = fileName;
        warning.severity = Diagnostic::Severity::Warning;
        warning.message = QStringLiteral("env.py does not parse (%1): Retort cannot see which "
                                         "environment variable or version table it uses")
                              .arg(parseError.message);
        settings.warnings.append(warning);
        return settings;
    }

    Walker learn;
    learn.walkModule(module->root());
    Walker walker;
    walker.urlFunctions = learn.urlFunctionsSeen;
    walker.walkModule(module->root());

    settings.environmentReads = walker.reads;
    settings.xArgumentKeys = walker.xKeys;
    settings.urlXArgumentKeys = walker.urlXKeys;

    const ConfigureCall *chosen = nullptr;
    for (const ConfigureCall &call : walker.configureCalls) {
        if (call.function == QLatin1String("run_migrations_online")) {
            chosen = &call;
            break;
        }
    }
    if (!chosen && !walker.configureCalls.isEmpty())
        chosen = &walker.configureCalls.first();
    if (chosen) {
        settings.versionTable = chosen->versionTable;
        settings.versionTableSchema = chosen->versionTableSchema;
        settings.versionTablePrimaryKey = chosen->versionTablePrimaryKey;
    }
    return settings;
}

} // namespace

EnvPyScanner::Settings EnvPyScanner::scan(const QString &source, const QString &fileName)
{
    PythonParser parser(source, fileName);
    const std::unique_ptr<PythonModule> module = parser.parse();
    return scanModule(module.get(), parser.error(), fileName);
}

EnvPyScanner::Settings EnvPyScanner::scanFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Settings settings;
        settings.file = path;
        Diagnostic warning;
        warning.file = path;
        warning.severity = Diagnostic::Severity::Warning;
        warning.message = QStringLiteral("cannot read env.py (%1): Retort cannot see which "
                                         "environment variable or version table it uses")
                              .arg(file.errorString());
        settings.warnings.append(warning);
        return settings;
    }
    Diagnostic error;
    const std::unique_ptr<PythonModule> module = PythonParser::parseBytes(file.readAll(), path, &error);
    return scanModule(module.get(), error, path);
}

} // namespace Retort
