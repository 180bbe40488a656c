// SPDX-License-Identifier: GPL-3.0-or-later
//
// Reference-file tests for PythonParser. Data in tests/core/data/parser/:
//   input/<name>.py            a Python source (mostly realistic Alembic migration scripts)
//   reference/<name>.ast       PythonAstDump of its tree
//   reference/<name>.positions kind, start/end position and name or string text of
//                              every node to which Python's own `ast` module gives a
//                              position, as produced by python_positions.py from Python
//
// To regenerate the .ast references after an intended change of the tree or the dump,
// run the test with RETORT_REGENERATE=1 in the environment (the rows then rewrite their
// reference and pass), review the diff, and commit it. The .positions references come
// from Python, never from this parser: regenerate them with
//   /usr/bin/python3 tests/core/data/parser/python_positions.py
// syntax-errors.txt holds error cases with the diagnostic Python 3.13 gives; fill in or
// check the expectations with syntax_errors.py (see its header), run in the Debian 13 root.

#include "python/pythonast.h"
#include "python/pythonastdump.h"
#include "python/pythonparser.h"
#include "python/pythontokenizer.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace Retort;
using namespace Retort::PythonAst;

namespace {

QString dataDir()
{
    return QStringLiteral(RETORT_TESTS_SOURCE_DIR "/core/data/parser");
}

bool regenerating()
{
    return qEnvironmentVariableIntValue("RETORT_REGENERATE") == 1;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

// Python has separate classes for the async forms.
QString pythonClassName(const Node *node)
{
    const bool isAsync =
        (node->kind == Kind::FunctionDef && static_cast<const FunctionDef *>(node)->isAsync) ||
        (node->kind == Kind::For && static_cast<const For *>(node)->isAsync) ||
        (node->kind == Kind::With && static_cast<const With *>(node)->isAsync);
    if (isAsync)
        return QStringLiteral("Async") + kindName(node->kind);
    if (node->kind == Kind::Try && static_cast<const Try *>(node)->isStar)
        return QStringLiteral("TryStar");
    return kindName(node->kind);
}

// The name or text a node carries, compared with Python's as well.
QString detailOf(const Node *node)
{
    switch (node->kind) {
    case Kind::Name:
        return QLatin1Char(' ') + static_cast<const Name *>(node)->id;
    case Kind::Attribute:
        return QLatin1Char(' ') + static_cast<const Attribute *>(node)->attr;
    case Kind::FunctionDef:
        return QLatin1Char(' ') + static_cast<const FunctionDef *>(node)->name;
    case Kind::ClassDef:
        return QLatin1Char(' ') + static_cast<const ClassDef *>(node)->name;
    case Kind::Parameter:
        return QLatin1Char(' ') + static_cast<const Parameter *>(node)->name;
    case Kind::Keyword: {
        const QString &arg = static_cast<const Keyword *>(node)->arg;
        return arg.isEmpty() ? QString() : QLatin1Char(' ') + arg;
    }
    case Kind::Alias: {
        const auto *alias = static_cast<const Alias *>(node);
        return QLatin1Char(' ') + alias->name +
               (alias->asName.isEmpty() ? QString() : QStringLiteral(" as ") + alias->asName);
    }
    case Kind::Constant: {
        const auto *constant = static_cast<const Constant *>(node);
        if (constant->constantKind == Constant::ConstantKind::Str)
            return QLatin1Char(' ') + PythonAstDump::quoted(constant->value);
        if (constant->constantKind == Constant::ConstantKind::Bytes)
            return QStringLiteral(" b") + PythonAstDump::quoted(constant->value);
        return QString();
    }
    default:
        return QString();
    }
}

// Calls visit for node and every node below it, in source order.
using Visitor = std::function<void(const Node *)>;
void walk(const Node *node, const Visitor &visit);

template<typename T>
void walkAll(const QList<T *> &nodes, const Visitor &visit)
{
    for (const T *n : nodes)
        walk(n, visit);
}

void walk(const Node *node, const Visitor &visit)
{
    if (!node)
        return;
    visit(node);
    switch (node->kind) {
    case Kind::Module:
        walkAll(static_cast<const Module *>(node)->body, visit);
        break;
    case Kind::FunctionDef: {
        const auto *f = static_cast<const FunctionDef *>(node);
        walkAll(f->decorators, visit);
        walkAll(f->parameters, visit);
        walk(f->returns, visit);
        walkAll(f->body, visit);
        break;
    }
    case Kind::ClassDef: {
        const auto *c = static_cast<const ClassDef *>(node);
        walkAll(c->decorators, visit);
        walkAll(c->bases, visit);
        walkAll(c->keywords, visit);
        walkAll(c->body, visit);
        break;
    }
    case Kind::Return:
        walk(static_cast<const Return *>(node)->value, visit);
        break;
    case Kind::Delete:
        walkAll(static_cast<const Delete *>(node)->targets, visit);
        break;
    case Kind::Assign:
        walkAll(static_cast<const Assign *>(node)->targets, visit);
        walk(static_cast<const Assign *>(node)->value, visit);
        break;
    case Kind::AugAssign:
        walk(static_cast<const AugAssign *>(node)->target, visit);
        walk(static_cast<const AugAssign *>(node)->value, visit);
        break;
    case Kind::AnnAssign:
        walk(static_cast<const AnnAssign *>(node)->target, visit);
        walk(static_cast<const AnnAssign *>(node)->annotation, visit);
        walk(static_cast<const AnnAssign *>(node)->value, visit);
        break;
    case Kind::For: {
        const auto *f = static_cast<const For *>(node);
        walk(f->target, visit);
        walk(f->iter, visit);
        walkAll(f->body, visit);
        walkAll(f->orelse, visit);
        break;
    }
    case Kind::While: {
        const auto *w = static_cast<const While *>(node);
        walk(w->test, visit);
        walkAll(w->body, visit);
        walkAll(w->orelse, visit);
        break;
    }
    case Kind::If: {
        const auto *i = static_cast<const If *>(node);
        walk(i->test, visit);
        walkAll(i->body, visit);
        walkAll(i->orelse, visit);
        break;
    }
    case Kind::With: {
        const auto *w = static_cast<const With *>(node);
        walkAll(w->items, visit);
        walkAll(w->body, visit);
        break;
    }
    case Kind::WithItem:
        walk(static_cast<const WithItem *>(node)->contextExpr, visit);
        walk(static_cast<const WithItem *>(node)->optionalVars, visit);
        break;
    case Kind::Raise:
        walk(static_cast<const Raise *>(node)->exc, visit);
        walk(static_cast<const Raise *>(node)->cause, visit);
        break;
    case Kind::Try: {
        const auto *t = static_cast<const Try *>(node);
        walkAll(t->body, visit);
        walkAll(t->handlers, visit);
        walkAll(t->orelse, visit);
        walkAll(t->finalbody, visit);
        break;
    }
    case Kind::ExceptHandler:
        walk(static_cast<const ExceptHandler *>(node)->type, visit);
        walkAll(static_cast<const ExceptHandler *>(node)->body, visit);
        break;
    case Kind::Assert:
        walk(static_cast<const Assert *>(node)->test, visit);
        walk(static_cast<const Assert *>(node)->msg, visit);
        break;
    case Kind::Import:
        walkAll(static_cast<const Import *>(node)->names, visit);
        break;
    case Kind::ImportFrom:
        walkAll(static_cast<const ImportFrom *>(node)->names, visit);
        break;
    case Kind::ExprStmt:
        walk(static_cast<const ExprStmt *>(node)->value, visit);
        break;
    case Kind::BoolOp:
        walkAll(static_cast<const BoolOp *>(node)->values, visit);
        break;
    case Kind::NamedExpr:
        walk(static_cast<const NamedExpr *>(node)->target, visit);
        walk(static_cast<const NamedExpr *>(node)->value, visit);
        break;
    case Kind::BinOp:
        walk(static_cast<const BinOp *>(node)->left, visit);
        walk(static_cast<const BinOp *>(node)->right, visit);
        break;
    case Kind::UnaryOp:
        walk(static_cast<const UnaryOp *>(node)->operand, visit);
        break;
    case Kind::Lambda:
        walkAll(static_cast<const Lambda *>(node)->parameters, visit);
        walk(static_cast<const Lambda *>(node)->body, visit);
        break;
    case Kind::IfExp:
        walk(static_cast<const IfExp *>(node)->test, visit);
        walk(static_cast<const IfExp *>(node)->body, visit);
        walk(static_cast<const IfExp *>(node)->orelse, visit);
        break;
    case Kind::Dict:
        walkAll(static_cast<const Dict *>(node)->keys, visit);
        walkAll(static_cast<const Dict *>(node)->values, visit);
        break;
    case Kind::Set:
        walkAll(static_cast<const Set *>(node)->elts, visit);
        break;
    case Kind::ListComp:
    case Kind::SetComp:
    case Kind::DictComp:
    case Kind::GeneratorExp:
        walk(static_cast<const Comp *>(node)->elt, visit);
        walk(static_cast<const Comp *>(node)->value, visit);
        walkAll(static_cast<const Comp *>(node)->generators, visit);
        break;
    case Kind::Comprehension: {
        const auto *c = static_cast<const Comprehension *>(node);
        walk(c->target, visit);
        walk(c->iter, visit);
        walkAll(c->ifs, visit);
        break;
    }
    case Kind::Await:
        walk(static_cast<const Await *>(node)->value, visit);
        break;
    case Kind::Yield:
        walk(static_cast<const Yield *>(node)->value, visit);
        break;
    case Kind::YieldFrom:
        walk(static_cast<const YieldFrom *>(node)->value, visit);
        break;
    case Kind::Compare:
        walk(static_cast<const Compare *>(node)->left, visit);
        walkAll(static_cast<const Compare *>(node)->comparators, visit);
        break;
    case Kind::Call:
        walk(static_cast<const Call *>(node)->func, visit);
        walkAll(static_cast<const Call *>(node)->args, visit);
        walkAll(static_cast<const Call *>(node)->keywords, visit);
        break;
    case Kind::Attribute:
        walk(static_cast<const Attribute *>(node)->value, visit);
        break;
    case Kind::Subscript:
        walk(static_cast<const Subscript *>(node)->value, visit);
        walk(static_cast<const Subscript *>(node)->slice, visit);
        break;
    case Kind::Starred:
        walk(static_cast<const Starred *>(node)->value, visit);
        break;
    case Kind::List:
        walkAll(static_cast<const List *>(node)->elts, visit);
        break;
    case Kind::Tuple:
        walkAll(static_cast<const Tuple *>(node)->elts, visit);
        break;
    case Kind::Slice:
        walk(static_cast<const Slice *>(node)->lower, visit);
        walk(static_cast<const Slice *>(node)->upper, visit);
        walk(static_cast<const Slice *>(node)->step, visit);
        break;
    case Kind::Parameter:
        walk(static_cast<const Parameter *>(node)->annotation, visit);
        walk(static_cast<const Parameter *>(node)->defaultValue, visit);
        break;
    case Kind::Keyword:
        walk(static_cast<const Keyword *>(node)->value, visit);
        break;
    default:
        break;
    }
}

// Nodes to which Python's ast gives a position (not Module, withitem, comprehension;
// nothing inside an f-string, which Retort keeps as text).
QString positionsOf(const PythonModule &module)
{
    QStringList lines;
    walk(module.root(), [&lines](const Node *node) {
        if (node->kind == Kind::Module || node->kind == Kind::WithItem ||
            node->kind == Kind::Comprehension)
            return;
        const SourceRange &r = node->range;
        lines.append(QStringLiteral("%1:%2-%3:%4 %5")
                         .arg(r.start.line, 6, 10, QLatin1Char('0'))
                         .arg(r.start.column, 6, 10, QLatin1Char('0'))
                         .arg(r.end.line, 6, 10, QLatin1Char('0'))
                         .arg(r.end.column, 6, 10, QLatin1Char('0'))
                         .arg(pythonClassName(node) + detailOf(node)));
    });
    std::sort(lines.begin(), lines.end());
    QString out;
    for (const QString &line : std::as_const(lines)) {
        // "000003:000005-..." -> "3:5-..." after sorting numerically
        const qsizetype space = line.indexOf(QLatin1Char(' '));
        QStringList numbers = line.left(space).split(QRegularExpression(QStringLiteral("[:-]")));
        out += QStringLiteral("%1:%2-%3:%4")
                   .arg(numbers.at(0).toInt())
                   .arg(numbers.at(1).toInt())
                   .arg(numbers.at(2).toInt())
                   .arg(numbers.at(3).toInt()) +
               line.mid(space) + QLatin1Char('\n');
    }
    return out;
}

QString errorOf(const QString &source)
{
    PythonParser parser(source, QStringLiteral("t.py"));
    const std::unique_ptr<PythonModule> module = parser.parse();
    if (module)
        return QStringLiteral("no error");
    const Diagnostic &e = parser.error();
    return QStringLiteral("%1:%2: %3").arg(e.line).arg(e.column).arg(e.message);
}

std::unique_ptr<PythonModule> parseOrFail(const QString &source)
{
    PythonParser parser(source, QStringLiteral("t.py"));
    std::unique_ptr<PythonModule> module = parser.parse();
    if (!module)
        qWarning("%s", qPrintable(parser.error().toString()));
    return module;
}

} // namespace

class TestPythonParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void treeMatchesReference_data();
    void treeMatchesReference();
    void positionsMatchPython_data();
    void positionsMatchPython();
    void offsetsIndexTheSource_data();
    void offsetsIndexTheSource();
    void operatorPrecedence_data();
    void operatorPrecedence();
    void syntaxErrors_data();
    void syntaxErrors();
    void unsupportedStatementsAreNamed_data();
    void unsupportedStatementsAreNamed();
    void errorCarriesFileName();
    void deepNestingIsRefused_data();
    void deepNestingIsRefused();
    void nestingUpToTheLimitIsAccepted();
    void docstringAndConstants();
    void nodesDowncastByKind();
    void fiveMegabyteInputParsesCompletely();
};

void TestPythonParser::treeMatchesReference_data()
{
    QTest::addColumn<QString>("name");
    const QStringList inputs = QDir(dataDir() + QStringLiteral("/input"))
                                   .entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
    QVERIFY2(inputs.size() >= 20, "the reference inputs are missing");
    for (const QString &input : inputs) {
        const QString name = input.chopped(3);
        QTest::newRow(qPrintable(name)) << name;
    }
}

void TestPythonParser::treeMatchesReference()
{
    QFETCH(QString, name);
    const QString inputPath = dataDir() + QStringLiteral("/input/") + name + QStringLiteral(".py");
    Diagnostic error;
    const std::unique_ptr<PythonModule> module =
        PythonParser::parseBytes(readFile(inputPath), inputPath, &error);
    QVERIFY2(module, qPrintable(error.toString()));
    const QString dump = PythonAstDump::dump(*module);

    const QString referencePath =
        dataDir() + QStringLiteral("/reference/") + name + QStringLiteral(".ast");
    if (regenerating()) {
        QFile file(referencePath);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(dump.toUtf8());
        return;
    }
    const QByteArray reference = readFile(referencePath);
    QVERIFY2(!reference.isEmpty(),
             qPrintable(QStringLiteral("missing reference ") + referencePath));
    QCOMPARE(dump, QString::fromUtf8(reference));
}

void TestPythonParser::positionsMatchPython_data()
{
    treeMatchesReference_data();
}

void TestPythonParser::positionsMatchPython()
{
    QFETCH(QString, name);
    const QString inputPath = dataDir() + QStringLiteral("/input/") + name + QStringLiteral(".py");
    Diagnostic error;
    const std::unique_ptr<PythonModule> module =
        PythonParser::parseBytes(readFile(inputPath), inputPath, &error);
    QVERIFY2(module, qPrintable(error.toString()));
    const QByteArray reference =
        readFile(dataDir() + QStringLiteral("/reference/") + name + QStringLiteral(".positions"));
    QVERIFY2(!reference.isEmpty(), "missing .positions reference: run python_positions.py");
    const QStringList expected =
        QString::fromUtf8(reference).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    const QStringList actual = positionsOf(*module).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    // Report the first difference rather than two long lists.
    for (qsizetype i = 0; i < std::min(expected.size(), actual.size()); ++i)
        QCOMPARE(actual.at(i), expected.at(i));
    QCOMPARE(actual.size(), expected.size());
}

void TestPythonParser::offsetsIndexTheSource_data()
{
    treeMatchesReference_data();
}

// Every offset is the index in the decoded text of the line and column beside it, and
// names and attributes sit exactly where their ranges say.
void TestPythonParser::offsetsIndexTheSource()
{
    QFETCH(QString, name);
    const QString inputPath = dataDir() + QStringLiteral("/input/") + name + QStringLiteral(".py");
    QString source;
    Diagnostic error;
    QVERIFY(PythonTokenizer::decode(readFile(inputPath), inputPath, &source, &error));
    PythonParser parser(source, inputPath);
    const std::unique_ptr<PythonModule> module = parser.parse();
    QVERIFY2(module, qPrintable(parser.error().toString()));

    QList<qsizetype> lineStarts{0};
    for (qsizetype i = 0; i < source.size(); ++i) {
        if (source.at(i) == QLatin1Char('\n'))
            lineStarts.append(i + 1);
    }
    // The inputs are in the Basic Multilingual Plane: a column is one UTF-16 unit.
    auto offsetOf = [&](const SourcePosition &p) {
        return lineStarts.value(p.line - 1, -1000) + p.column - 1;
    };
    QStringList problems;
    walk(module->root(), [&](const Node *node) {
        const SourceRange &r = node->range;
        if (r.start.offset != offsetOf(r.start) || r.end.offset != offsetOf(r.end))
            problems.append(kindName(node->kind) +
                            QStringLiteral(" at %1:%2").arg(r.start.line).arg(r.start.column));
        const QString text = source.mid(r.start.offset, r.end.offset - r.start.offset);
        if (const auto *n = node->as<Name>(); n && text != n->id)
            problems.append(QStringLiteral("Name %1 reads %2").arg(n->id, text));
        if (const auto *a = node->as<Attribute>()) {
            const SourceRange &ar = a->attrRange;
            if (source.mid(ar.start.offset, ar.end.offset - ar.start.offset) != a->attr)
                problems.append(QStringLiteral("attribute ") + a->attr);
        }
    });
    QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 5).join(QStringLiteral("; "))));
}

void TestPythonParser::operatorPrecedence_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected"); // the expression statement's dump, positions left out

    QTest::newRow("product binds tighter than sum") << "a + b * c"
                                                    << "BinOp(Add, a, BinOp(Mult, b, c))";
    QTest::newRow("sum is left-associative") << "a - b - c"
                                             << "BinOp(Sub, BinOp(Sub, a, b), c)";
    QTest::newRow("power is right-associative") << "a ** b ** c"
                                                << "BinOp(Pow, a, BinOp(Pow, b, c))";
    QTest::newRow("unary minus below power") << "-a ** b"
                                             << "UnaryOp(USub, BinOp(Pow, a, b))";
    QTest::newRow("power takes unary exponent") << "a ** -b"
                                                << "BinOp(Pow, a, UnaryOp(USub, b))";
    QTest::newRow("shift below sum") << "a << b + c"
                                     << "BinOp(LShift, a, BinOp(Add, b, c))";
    QTest::newRow("bit operators") << "a | b ^ c & d"
                                   << "BinOp(BitOr, a, BinOp(BitXor, b, BinOp(BitAnd, c, d)))";
    QTest::newRow("comparison below bit or") << "a | b < c"
                                             << "Compare(BinOp(BitOr, a, b), [Lt], [c])";
    QTest::newRow("chained comparison") << "a < b <= c != d"
                                        << "Compare(a, [Lt, LtE, NotEq], [b, c, d])";
    QTest::newRow("membership and identity") << "a not in b is not c"
                                             << "Compare(a, [NotIn, IsNot], [b, c])";
    QTest::newRow("not below comparison") << "not a == b"
                                          << "UnaryOp(Not, Compare(a, [Eq], [b]))";
    QTest::newRow("and binds tighter than or") << "a or b and c or d"
                                               << "BoolOp(Or, a, BoolOp(And, b, c), d)";
    QTest::newRow("conditional expression") << "a if b or c else d if e else f"
                                            << "IfExp(BoolOp(Or, b, c), a, IfExp(e, d, f))";
    QTest::newRow("lambda body") << "lambda x, y=1: x + y"
                                 << "Lambda(BinOp(Add, x, y))";
    QTest::newRow("await binds to primary") << "await a.b(c) ** 2"
                                            << "BinOp(Pow, Await(Call(Attribute(a, b), c)), 2)";
    QTest::newRow("attribute call subscript chain")
        << "op.f('ix')[0].name"
        << "Attribute(Subscript(Call(Attribute(op, f), 'ix'), 0), name)";
    QTest::newRow("floor division and modulo")
        << "a // b % c @ d"
        << "BinOp(MatMult, BinOp(Mod, BinOp(FloorDiv, a, b), c), d)";
}

namespace {
// A compact one-line form of an expression for the precedence rows.
QString compact(const Expr *e)
{
    auto list = [](const ExprList &items) {
        QStringList parts;
        for (const Expr *item : items)
            parts.append(compact(item));
        return parts.join(QStringLiteral(", "));
    };
    switch (e->kind) {
    case Kind::Name:
        return static_cast<const Name *>(e)->id;
    case Kind::Constant: {
        const auto *c = static_cast<const Constant *>(e);
        return c->constantKind == Constant::ConstantKind::Str
                   ? QLatin1Char('\'') + c->value + QLatin1Char('\'')
                   : c->value;
    }
    case Kind::BinOp: {
        const auto *b = static_cast<const BinOp *>(e);
        return QStringLiteral("BinOp(%1, %2, %3)")
            .arg(operatorName(b->op), compact(b->left), compact(b->right));
    }
    case Kind::UnaryOp: {
        const auto *u = static_cast<const UnaryOp *>(e);
        return QStringLiteral("UnaryOp(%1, %2)").arg(operatorName(u->op), compact(u->operand));
    }
    case Kind::BoolOp: {
        const auto *b = static_cast<const BoolOp *>(e);
        return QStringLiteral("BoolOp(%1, %2)").arg(operatorName(b->op), list(b->values));
    }
    case Kind::Compare: {
        const auto *c = static_cast<const Compare *>(e);
        QStringList ops;
        for (CompareOperator op : c->ops)
            ops.append(operatorName(op));
        return QStringLiteral("Compare(%1, [%2], [%3])")
            .arg(compact(c->left), ops.join(QStringLiteral(", ")), list(c->comparators));
    }
    case Kind::IfExp: {
        const auto *i = static_cast<const IfExp *>(e);
        return QStringLiteral("IfExp(%1, %2, %3)")
            .arg(compact(i->test), compact(i->body), compact(i->orelse));
    }
    case Kind::Lambda:
        return QStringLiteral("Lambda(%1)").arg(compact(static_cast<const Lambda *>(e)->body));
    case Kind::Await:
        return QStringLiteral("Await(%1)").arg(compact(static_cast<const Await *>(e)->value));
    case Kind::Call: {
        const auto *c = static_cast<const Call *>(e);
        return QStringLiteral("Call(%1, %2)").arg(compact(c->func), list(c->args));
    }
    case Kind::Attribute: {
        const auto *a = static_cast<const Attribute *>(e);
        return QStringLiteral("Attribute(%1, %2)").arg(compact(a->value), a->attr);
    }
    case Kind::Subscript: {
        const auto *s = static_cast<const Subscript *>(e);
        return QStringLiteral("Subscript(%1, %2)").arg(compact(s->value), compact(s->slice));
    }
    default:
        return kindName(e->kind);
    }
}
} // namespace

void TestPythonParser::operatorPrecedence()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    const std::unique_ptr<PythonModule> module = parseOrFail(source + QLatin1Char('\n'));
    QVERIFY(module);
    QCOMPARE(module->body().size(), 1);
    const auto *statement = module->body().constFirst()->as<ExprStmt>();
    QVERIFY(statement);
    QCOMPARE(compact(statement->value), expected);
}

void TestPythonParser::syntaxErrors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected"); // "line:column: message", as Python 3.13 reports it

    const QByteArray table = readFile(dataDir() + QStringLiteral("/syntax-errors.txt"));
    QVERIFY2(!table.isEmpty(), "syntax-errors.txt is missing");
    // A line "=== name" starts a case: the source lines, a line "---", the expected
    // error. Lines before the first case are a comment.
    const QStringList lines = QString::fromUtf8(table).split(QLatin1Char('\n'));
    QString name;
    QString source;
    bool inSource = false;
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("=== "))) {
            name = line.mid(4);
            source.clear();
            inSource = true;
        } else if (inSource && line == QLatin1String("---")) {
            inSource = false;
        } else if (inSource) {
            source += line + QLatin1Char('\n');
        } else if (!name.isEmpty()) {
            QTest::newRow(qPrintable(name)) << source << line;
            name.clear();
        }
    }
}

void TestPythonParser::syntaxErrors()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    QCOMPARE(errorOf(source), expected);
}

void TestPythonParser::unsupportedStatementsAreNamed_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    QTest::newRow("match statement")
        << "def upgrade():\n    match op.get_context().dialect.name:\n        case 'sqlite':\n"
           "            pass\n"
        << "2:5: 'match' statements are not supported";
    QTest::newRow("type alias") << "type Rows = list[int]\n"
                                << "1:1: 'type' alias statements are not supported";
    QTest::newRow("match as a name still works") << "match = 1\nmatch(x)\nmatch[0] = type\n"
                                                 << "no error";
    QTest::newRow("type as a name still works") << "type(x).name\n"
                                                << "no error";
}

void TestPythonParser::unsupportedStatementsAreNamed()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    QCOMPARE(errorOf(source), expected);
}

void TestPythonParser::errorCarriesFileName()
{
    PythonParser parser(QStringLiteral("def upgrade()\n    pass\n"),
                        QStringLiteral("versions/1a2b_add.py"));
    QVERIFY(!parser.parse());
    QVERIFY(parser.hasError());
    QCOMPARE(parser.error().toString(), QStringLiteral("versions/1a2b_add.py:1:14: expected ':'"));
}

void TestPythonParser::deepNestingIsRefused_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");

    const int deep = 10000;
    const QString tooDeep = QStringLiteral("too deeply nested: more than 200 levels of brackets, "
                                           "operators or blocks (split it into smaller statements)");
    // Brackets: the tokenizer's limit (CPython's MAXLEVEL of 200) comes first.
    const QString tooManyBrackets = QStringLiteral("too many nested parentheses");
    QTest::newRow("parentheses") << QString(deep, QLatin1Char('(')) +
                                        QString(deep, QLatin1Char(')')) + QLatin1Char('\n')
                                 << QStringLiteral("1:201: ") + tooManyBrackets;
    QTest::newRow("brackets") << QStringLiteral("x = ") + QString(deep, QLatin1Char('[')) +
                                     QString(deep, QLatin1Char(']'))
                              << QStringLiteral("1:205: ") + tooManyBrackets;
    QTest::newRow("unclosed brackets")
        << QString(deep, QLatin1Char('{')) << QStringLiteral("1:201: ") + tooManyBrackets;
    QTest::newRow("not") << QStringLiteral("not ").repeated(deep) + QStringLiteral("x\n")
                         << QStringLiteral("1:801: ") + tooDeep;
    QTest::newRow("unary minus") << QStringLiteral("-").repeated(deep) + QStringLiteral("1\n")
                                 << QStringLiteral("1:201: ") + tooDeep;
    QTest::newRow("power") << QStringLiteral("2 ** ").repeated(deep) + QStringLiteral("2\n")
                           << QStringLiteral("1:1006: ") + tooDeep;
    QTest::newRow("conditional expressions")
        << QStringLiteral("a if b else ").repeated(deep) + QStringLiteral("c\n")
        << QStringLiteral("1:2413: ") + tooDeep;
    QTest::newRow("lambdas") << QStringLiteral("lambda: ").repeated(deep) + QStringLiteral("0\n")
                             << QStringLiteral("1:1601: ") + tooDeep;
    QTest::newRow("calls") << QStringLiteral("f(").repeated(deep) + QString(deep, QLatin1Char(')'))
                           << QStringLiteral("1:402: ") + tooManyBrackets;
    // Chains are parsed in loops, but make the tree as deep as they are long.
    const QString chainTooDeep = QStringLiteral(
        "expression nested deeper than 1000 levels (a chain of operators, calls, attributes or "
        "subscripts); split it into smaller expressions");
    QTest::newRow("operator chain") << QStringLiteral("x = ") + QStringLiteral("1 + ").repeated(deep) +
                                           QStringLiteral("1\n")
                                    << QStringLiteral("1:5: ") + chainTooDeep;
    QTest::newRow("attribute chain")
        << QStringLiteral("x = a") + QStringLiteral(".b").repeated(deep) + QStringLiteral("\n")
        << QStringLiteral("1:5: ") + chainTooDeep;
    QTest::newRow("call chain") << QStringLiteral("f") + QStringLiteral("()").repeated(deep) +
                                       QStringLiteral("\n")
                                << QStringLiteral("1:1: ") + chainTooDeep;
    QTest::newRow("starred targets")
        << QStringLiteral("for ") + QStringLiteral("* ").repeated(deep) +
               QStringLiteral("x in y: pass\n")
        << QStringLiteral("1:403: ") + tooDeep; // the for statement is one level
    QString blocks;
    for (int level = 0; level < 300; ++level)
        blocks += QString(level, QLatin1Char(' ')) + QStringLiteral("if x:\n");
    blocks += QString(300, QLatin1Char(' ')) + QStringLiteral("pass\n");
    QTest::newRow("blocks") << blocks << QStringLiteral("201:201: ") + tooDeep;
}

void TestPythonParser::deepNestingIsRefused()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    QCOMPARE(errorOf(source), expected);
}

void TestPythonParser::nestingUpToTheLimitIsAccepted()
{
    const int limit = PythonParser::MaxNesting;
    QCOMPARE(errorOf(QString(limit, QLatin1Char('(')) + QLatin1Char('x') +
                     QString(limit, QLatin1Char(')'))),
             QStringLiteral("no error"));
    QCOMPARE(errorOf(QStringLiteral("-").repeated(limit) + QLatin1Char('1')),
             QStringLiteral("no error"));
    QCOMPARE(errorOf(QStringLiteral("not ").repeated(limit) + QLatin1Char('x')),
             QStringLiteral("no error"));
}

void TestPythonParser::docstringAndConstants()
{
    const std::unique_ptr<PythonModule> module =
        parseOrFail(QStringLiteral("\"\"\"add user table\n\nRevision ID: 1a2b\n\"\"\"\n"
                                   "n = 0x1F\nbig = 123456789012345678901234567890\nf = 1_000.5\nb "
                                   "= b'\\x00' b'a'\ns = 'a' \"b\" '''c'''\n"));
    QVERIFY(module);
    QString doc;
    QVERIFY(docstring(module->body(), &doc));
    QCOMPARE(doc, QStringLiteral("add user table\n\nRevision ID: 1a2b\n"));

    auto valueOf = [&](int index) {
        return module->body().at(index)->as<Assign>()->value->as<Constant>();
    };
    qint64 integer = 0;
    QVERIFY(valueOf(1)->toInteger(&integer));
    QCOMPARE(integer, 31);
    QVERIFY(!valueOf(2)->toInteger(&integer));
    QCOMPARE(valueOf(2)->constantKind, Constant::ConstantKind::Int);
    double real = 0;
    QCOMPARE(valueOf(3)->constantKind, Constant::ConstantKind::Float);
    QVERIFY(valueOf(3)->toDouble(&real));
    QCOMPARE(real, 1000.5);
    QCOMPARE(valueOf(4)->constantKind, Constant::ConstantKind::Bytes);
    QCOMPARE(valueOf(4)->value, QString(QChar(0)) + QLatin1Char('a'));
    QCOMPARE(valueOf(5)->value, QStringLiteral("abc"));

    const std::unique_ptr<PythonModule> noDoc =
        parseOrFail(QStringLiteral("x = 'not a docstring'\n"));
    QVERIFY(noDoc);
    QVERIFY(!docstring(noDoc->body(), &doc));
}

void TestPythonParser::nodesDowncastByKind()
{
    const std::unique_ptr<PythonModule> module =
        parseOrFail(QStringLiteral("op.drop_table('t')\n[x for x in y]\n"));
    QVERIFY(module);
    const Stmt *first = module->body().at(0);
    QVERIFY(first->as<ExprStmt>());
    QVERIFY(!first->as<Assign>());
    QVERIFY(first->as<Stmt>());
    QVERIFY(!first->as<Expr>());
    const Expr *call = first->as<ExprStmt>()->value;
    QVERIFY(call->as<Call>());
    QCOMPARE(call->as<Call>()->func->as<Attribute>()->attr, QStringLiteral("drop_table"));
    const Expr *comprehension = module->body().at(1)->as<ExprStmt>()->value;
    QVERIFY(comprehension->as<Comp>());
    QVERIFY(comprehension->as<ListComp>());
    QVERIFY(!comprehension->as<SetComp>());
}

void TestPythonParser::fiveMegabyteInputParsesCompletely()
{
    // Parse speed is measured in bench/; this checks a large file is parsed to the end.
    const QString line = QStringLiteral(
        "op.add_column('account', sa.Column('name', sa.String(length=50), nullable=False))  # c\n");
    const qsizetype lines = (5 << 20) / line.size();
    PythonParser single(line);
    const std::unique_ptr<PythonModule> one = single.parse();
    QVERIFY(one);
    PythonParser parser(line.repeated(lines));
    const std::unique_ptr<PythonModule> module = parser.parse();
    QVERIFY2(module, qPrintable(parser.error().toString()));
    QCOMPARE(module->body().size(), lines);
    QCOMPARE(module->nodeCount(), (one->nodeCount() - 1) * lines + 1);
}

QTEST_GUILESS_MAIN(TestPythonParser)
#include "tst_pythonparser.moc"
