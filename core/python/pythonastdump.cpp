// SPDX-License-Identifier: GPL-3.0-or-later
#include "python/pythonastdump.h"

namespace Retort {

using namespace PythonAst;

namespace {

QString position(const SourceRange &range)
{
    return QStringLiteral("@%1:%2-%3:%4")
        .arg(range.start.line)
        .arg(range.start.column)
        .arg(range.end.line)
        .arg(range.end.column);
}

QString constantText(const Constant *c)
{
    switch (c->constantKind) {
    case Constant::ConstantKind::Str:
        return QStringLiteral("str ") + PythonAstDump::quoted(c->value);
    case Constant::ConstantKind::Bytes:
        return QStringLiteral("bytes ") + PythonAstDump::quoted(c->value);
    case Constant::ConstantKind::Int:
        return QStringLiteral("int ") + c->value;
    case Constant::ConstantKind::Float:
        return QStringLiteral("float ") + c->value;
    case Constant::ConstantKind::Complex:
        return QStringLiteral("complex ") + c->value;
    case Constant::ConstantKind::True:
        return QStringLiteral("True");
    case Constant::ConstantKind::False:
        return QStringLiteral("False");
    case Constant::ConstantKind::None:
        return QStringLiteral("None");
    case Constant::ConstantKind::Ellipsis:
        return QStringLiteral("Ellipsis");
    }
    return QString();
}

QString parameterKindName(Parameter::ParameterKind kind)
{
    switch (kind) {
    case Parameter::ParameterKind::PositionalOnly:
        return QStringLiteral("positional-only");
    case Parameter::ParameterKind::PositionalOrKeyword:
        return QString();
    case Parameter::ParameterKind::VarPositional:
        return QStringLiteral("*");
    case Parameter::ParameterKind::KeywordOnly:
        return QStringLiteral("keyword-only");
    case Parameter::ParameterKind::VarKeyword:
        return QStringLiteral("**");
    }
    return QString();
}

QString quotedList(const QStringList &items)
{
    QStringList quoted;
    for (const QString &item : items)
        quoted.append(PythonAstDump::quoted(item));
    return QLatin1Char('[') + quoted.join(QStringLiteral(", ")) + QLatin1Char(']');
}

class Writer
{
public:
    QString out;

    void node(const Node *n, const QString &field, int depth)
    {
        if (!n)
            return;
        QString line(depth * 2, QLatin1Char(' '));
        if (!field.isEmpty())
            line += field + QLatin1String(": ");
        line += kindName(n->kind);
        const QString attributes = attributesOf(n);
        if (!attributes.isEmpty())
            line += QLatin1Char(' ') + attributes;
        line += QLatin1Char(' ') + position(n->range);
        out += line + QLatin1Char('\n');
        children(n, depth + 1);
    }

private:
    template<typename T>
    void list(const QList<T *> &nodes, const QString &field, int depth)
    {
        for (qsizetype i = 0; i < nodes.size(); ++i)
            node(nodes.at(i), field + QLatin1Char('[') + QString::number(i) + QLatin1Char(']'),
                 depth);
    }

    static QString attributesOf(const Node *n)
    {
        switch (n->kind) {
        case Kind::FunctionDef: {
            const auto *f = static_cast<const FunctionDef *>(n);
            return QStringLiteral("name=") + PythonAstDump::quoted(f->name) +
                   (f->isAsync ? QStringLiteral(" async") : QString());
        }
        case Kind::ClassDef:
            return QStringLiteral("name=") +
                   PythonAstDump::quoted(static_cast<const ClassDef *>(n)->name);
        case Kind::AugAssign:
            return QStringLiteral("op=") + operatorName(static_cast<const AugAssign *>(n)->op);
        case Kind::AnnAssign:
            return static_cast<const AnnAssign *>(n)->simple ? QStringLiteral("simple") : QString();
        case Kind::For:
            return static_cast<const For *>(n)->isAsync ? QStringLiteral("async") : QString();
        case Kind::With:
            return static_cast<const With *>(n)->isAsync ? QStringLiteral("async") : QString();
        case Kind::Try:
            return static_cast<const Try *>(n)->isStar ? QStringLiteral("star") : QString();
        case Kind::ImportFrom: {
            const auto *i = static_cast<const ImportFrom *>(n);
            return QStringLiteral("module=%1 level=%2")
                .arg(PythonAstDump::quoted(i->module))
                .arg(i->level);
        }
        case Kind::Global:
            return QStringLiteral("names=") + quotedList(static_cast<const Global *>(n)->names);
        case Kind::Nonlocal:
            return QStringLiteral("names=") + quotedList(static_cast<const Nonlocal *>(n)->names);
        case Kind::BoolOp:
            return QStringLiteral("op=") + operatorName(static_cast<const BoolOp *>(n)->op);
        case Kind::BinOp:
            return QStringLiteral("op=") + operatorName(static_cast<const BinOp *>(n)->op);
        case Kind::UnaryOp:
            return QStringLiteral("op=") + operatorName(static_cast<const UnaryOp *>(n)->op);
        case Kind::Compare: {
            QStringList ops;
            for (CompareOperator op : static_cast<const Compare *>(n)->ops)
                ops.append(operatorName(op));
            return QStringLiteral("ops=[") + ops.join(QStringLiteral(", ")) + QLatin1Char(']');
        }
        case Kind::Constant:
            return constantText(static_cast<const Constant *>(n));
        case Kind::JoinedStr:
            return QStringLiteral("parts=") + quotedList(static_cast<const JoinedStr *>(n)->parts);
        case Kind::Attribute:
            return QStringLiteral("attr=") +
                   PythonAstDump::quoted(static_cast<const Attribute *>(n)->attr);
        case Kind::Name:
            return QStringLiteral("id=") + PythonAstDump::quoted(static_cast<const Name *>(n)->id);
        case Kind::Tuple:
            return static_cast<const Tuple *>(n)->parenthesized ? QStringLiteral("parenthesized")
                                                                : QString();
        case Kind::Parameter: {
            const auto *p = static_cast<const Parameter *>(n);
            const QString kind = parameterKindName(p->parameterKind);
            return QStringLiteral("name=") + PythonAstDump::quoted(p->name) +
                   (kind.isEmpty() ? QString() : QLatin1Char(' ') + kind);
        }
        case Kind::Keyword: {
            const auto *k = static_cast<const Keyword *>(n);
            return k->arg.isEmpty() ? QStringLiteral("**")
                                    : QStringLiteral("arg=") + PythonAstDump::quoted(k->arg);
        }
        case Kind::Alias: {
            const auto *a = static_cast<const Alias *>(n);
            QString text = QStringLiteral("name=") + PythonAstDump::quoted(a->name);
            if (!a->asName.isEmpty())
                text += QStringLiteral(" asname=") + PythonAstDump::quoted(a->asName);
            return text;
        }
        case Kind::ExceptHandler: {
            const auto *h = static_cast<const ExceptHandler *>(n);
            return h->name.isEmpty() ? QString()
                                     : QStringLiteral("name=") + PythonAstDump::quoted(h->name);
        }
        case Kind::Comprehension:
            return static_cast<const Comprehension *>(n)->isAsync ? QStringLiteral("async")
                                                                  : QString();
        default:
            return QString();
        }
    }

    void children(const Node *n, int d)
    {
        switch (n->kind) {
        case Kind::Module:
            list(static_cast<const Module *>(n)->body, QStringLiteral("body"), d);
            break;
        case Kind::FunctionDef: {
            const auto *f = static_cast<const FunctionDef *>(n);
            list(f->decorators, QStringLiteral("decorators"), d);
            list(f->parameters, QStringLiteral("parameters"), d);
            node(f->returns, QStringLiteral("returns"), d);
            list(f->body, QStringLiteral("body"), d);
            break;
        }
        case Kind::ClassDef: {
            const auto *c = static_cast<const ClassDef *>(n);
            list(c->decorators, QStringLiteral("decorators"), d);
            list(c->bases, QStringLiteral("bases"), d);
            list(c->keywords, QStringLiteral("keywords"), d);
            list(c->body, QStringLiteral("body"), d);
            break;
        }
        case Kind::Return:
            node(static_cast<const Return *>(n)->value, QStringLiteral("value"), d);
            break;
        case Kind::Delete:
            list(static_cast<const Delete *>(n)->targets, QStringLiteral("targets"), d);
            break;
        case Kind::Assign: {
            const auto *a = static_cast<const Assign *>(n);
            list(a->targets, QStringLiteral("targets"), d);
            node(a->value, QStringLiteral("value"), d);
            break;
        }
        case Kind::AugAssign: {
            const auto *a = static_cast<const AugAssign *>(n);
            node(a->target, QStringLiteral("target"), d);
            node(a->value, QStringLiteral("value"), d);
            break;
        }
        case Kind::AnnAssign: {
            const auto *a = static_cast<const AnnAssign *>(n);
            node(a->target, QStringLiteral("target"), d);
            node(a->annotation, QStringLiteral("annotation"), d);
            node(a->value, QStringLiteral("value"), d);
            break;
        }
        case Kind::For: {
            const auto *f = static_cast<const For *>(n);
            node(f->target, QStringLiteral("target"), d);
            node(f->iter, QStringLiteral("iter"), d);
            list(f->body, QStringLiteral("body"), d);
            list(f->orelse, QStringLiteral("orelse"), d);
            break;
        }
        case Kind::While: {
            const auto *w = static_cast<const While *>(n);
            node(w->test, QStringLiteral("test"), d);
            list(w->body, QStringLiteral("body"), d);
            list(w->orelse, QStringLiteral("orelse"), d);
            break;
        }
        case Kind::If: {
            const auto *i = static_cast<const If *>(n);
            node(i->test, QStringLiteral("test"), d);
            list(i->body, QStringLiteral("body"), d);
            list(i->orelse, QStringLiteral("orelse"), d);
            break;
        }
        case Kind::With: {
            const auto *w = static_cast<const With *>(n);
            list(w->items, QStringLiteral("items"), d);
            list(w->body, QStringLiteral("body"), d);
            break;
        }
        case Kind::Raise: {
            const auto *r = static_cast<const Raise *>(n);
            node(r->exc, QStringLiteral("exc"), d);
            node(r->cause, QStringLiteral("cause"), d);
            break;
        }
        case Kind::Try: {
            const auto *t = static_cast<const Try *>(n);
            list(t->body, QStringLiteral("body"), d);
            list(t->handlers, QStringLiteral("handlers"), d);
            list(t->orelse, QStringLiteral("orelse"), d);
            list(t->finalbody, QStringLiteral("finalbody"), d);
            break;
        }
        case Kind::Assert: {
            const auto *a = static_cast<const Assert *>(n);
            node(a->test, QStringLiteral("test"), d);
            node(a->msg, QStringLiteral("msg"), d);
            break;
        }
        case Kind::Import:
            list(static_cast<const Import *>(n)->names, QStringLiteral("names"), d);
            break;
        case Kind::ImportFrom:
            list(static_cast<const ImportFrom *>(n)->names, QStringLiteral("names"), d);
            break;
        case Kind::ExprStmt:
            node(static_cast<const ExprStmt *>(n)->value, QStringLiteral("value"), d);
            break;
        case Kind::BoolOp:
            list(static_cast<const BoolOp *>(n)->values, QStringLiteral("values"), d);
            break;
        case Kind::NamedExpr: {
            const auto *e = static_cast<const NamedExpr *>(n);
            node(e->target, QStringLiteral("target"), d);
            node(e->value, QStringLiteral("value"), d);
            break;
        }
        case Kind::BinOp: {
            const auto *b = static_cast<const BinOp *>(n);
            node(b->left, QStringLiteral("left"), d);
            node(b->right, QStringLiteral("right"), d);
            break;
        }
        case Kind::UnaryOp:
            node(static_cast<const UnaryOp *>(n)->operand, QStringLiteral("operand"), d);
            break;
        case Kind::Lambda: {
            const auto *l = static_cast<const Lambda *>(n);
            list(l->parameters, QStringLiteral("parameters"), d);
            node(l->body, QStringLiteral("body"), d);
            break;
        }
        case Kind::IfExp: {
            const auto *e = static_cast<const IfExp *>(n);
            node(e->test, QStringLiteral("test"), d);
            node(e->body, QStringLiteral("body"), d);
            node(e->orelse, QStringLiteral("orelse"), d);
            break;
        }
        case Kind::Dict: {
            const auto *m = static_cast<const Dict *>(n);
            for (qsizetype i = 0; i < m->values.size(); ++i) {
                const QString index = QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
                if (m->keys.at(i))
                    node(m->keys.at(i), QStringLiteral("keys") + index, d);
                else
                    out += QString(d * 2, QLatin1Char(' ')) + QStringLiteral("keys") + index +
                           QStringLiteral(": **\n");
                node(m->values.at(i), QStringLiteral("values") + index, d);
            }
            break;
        }
        case Kind::Set:
            list(static_cast<const Set *>(n)->elts, QStringLiteral("elts"), d);
            break;
        case Kind::ListComp:
        case Kind::SetComp:
        case Kind::GeneratorExp:
        case Kind::DictComp: {
            const auto *c = static_cast<const Comp *>(n);
            node(c->elt, n->kind == Kind::DictComp ? QStringLiteral("key") : QStringLiteral("elt"),
                 d);
            node(c->value, QStringLiteral("value"), d);
            list(c->generators, QStringLiteral("generators"), d);
            break;
        }
        case Kind::Await:
            node(static_cast<const Await *>(n)->value, QStringLiteral("value"), d);
            break;
        case Kind::Yield:
            node(static_cast<const Yield *>(n)->value, QStringLiteral("value"), d);
            break;
        case Kind::YieldFrom:
            node(static_cast<const YieldFrom *>(n)->value, QStringLiteral("value"), d);
            break;
        case Kind::Compare: {
            const auto *c = static_cast<const Compare *>(n);
            node(c->left, QStringLiteral("left"), d);
            list(c->comparators, QStringLiteral("comparators"), d);
            break;
        }
        case Kind::Call: {
            const auto *c = static_cast<const Call *>(n);
            node(c->func, QStringLiteral("func"), d);
            list(c->args, QStringLiteral("args"), d);
            list(c->keywords, QStringLiteral("keywords"), d);
            break;
        }
        case Kind::Attribute:
            node(static_cast<const Attribute *>(n)->value, QStringLiteral("value"), d);
            break;
        case Kind::Subscript: {
            const auto *s = static_cast<const Subscript *>(n);
            node(s->value, QStringLiteral("value"), d);
            node(s->slice, QStringLiteral("slice"), d);
            break;
        }
        case Kind::Starred:
            node(static_cast<const Starred *>(n)->value, QStringLiteral("value"), d);
            break;
        case Kind::List:
            list(static_cast<const List *>(n)->elts, QStringLiteral("elts"), d);
            break;
        case Kind::Tuple:
            list(static_cast<const Tuple *>(n)->elts, QStringLiteral("elts"), d);
            break;
        case Kind::Slice: {
            const auto *s = static_cast<const Slice *>(n);
            node(s->lower, QStringLiteral("lower"), d);
            node(s->upper, QStringLiteral("upper"), d);
            node(s->step, QStringLiteral("step"), d);
            break;
        }
        case Kind::Parameter: {
            const auto *p = static_cast<const Parameter *>(n);
            node(p->annotation, QStringLiteral("annotation"), d);
            node(p->defaultValue, QStringLiteral("default"), d);
            break;
        }
        case Kind::Keyword:
            node(static_cast<const Keyword *>(n)->value, QStringLiteral("value"), d);
            break;
        case Kind::WithItem: {
            const auto *w = static_cast<const WithItem *>(n);
            node(w->contextExpr, QStringLiteral("context_expr"), d);
            node(w->optionalVars, QStringLiteral("optional_vars"), d);
            break;
        }
        case Kind::ExceptHandler: {
            const auto *h = static_cast<const ExceptHandler *>(n);
            node(h->type, QStringLiteral("type"), d);
            list(h->body, QStringLiteral("body"), d);
            break;
        }
        case Kind::Comprehension: {
            const auto *c = static_cast<const Comprehension *>(n);
            node(c->target, QStringLiteral("target"), d);
            node(c->iter, QStringLiteral("iter"), d);
            list(c->ifs, QStringLiteral("ifs"), d);
            break;
        }
        default:
            break;
        }
    }
};

} // namespace

QString PythonAstDump::dump(const PythonModule &module)
{
    return dump(module.root());
}

QString PythonAstDump::dump(const Node *node)
{
    Writer writer;
    writer.node(node, QString(), 0);
    return writer.out;
}

QString PythonAstDump::quoted(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += QLatin1Char('"');
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
    return out;
}

} // namespace Retort
