// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "python/sourcerange.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <memory>
#include <new>
#include <vector>

namespace Retort {

// The syntax tree of a Python 3 module, as PythonParser builds it: the shapes of
// Python's own `ast` module (same node names and fields, so anyone who knows `ast`
// can read it), restricted to what Retort needs to know about a migration script.
//
// Ownership: every node is created by and owned by one PythonModule (an arena);
// nodes refer to their children through plain non-owning pointers that stay valid
// as long as the PythonModule lives. Moving a PythonModule keeps them valid. Nodes
// are never shared between modules and never freed individually, so destroying a
// tree of any depth is a flat loop, not a recursion.
//
// Walking: every node has a `kind`; switch over it and downcast with as<T>() (which
// checks the kind and returns nullptr on a mismatch) or static_cast. There is no
// visitor class: consumers (the interpreter, the dump, the feature checks) walk only
// the parts they care about.
//
// Positions: every node has a SourceRange covering the tokens of its grammar rule,
// as Python's `ast` positions do (e.g. `(a).b` starts at the parenthesis, a
// parenthesised tuple includes its parentheses). Lines and columns are 1-based and
// count characters, not bytes.
//
// Threading: a finished tree is immutable in practice and may be read from any
// thread.
namespace PythonAst {

enum class Kind {
    Module,
    // statements
    FunctionDef,
    ClassDef,
    Return,
    Delete,
    Assign,
    AugAssign,
    AnnAssign,
    For,
    While,
    If,
    With,
    Raise,
    Try,
    Assert,
    Import,
    ImportFrom,
    Global,
    Nonlocal,
    ExprStmt, // Python's `Expr`: an expression used as a statement
    Pass,
    Break,
    Continue,
    // expressions
    BoolOp,
    NamedExpr,
    BinOp,
    UnaryOp,
    Lambda,
    IfExp,
    Dict,
    Set,
    ListComp,
    SetComp,
    DictComp,
    GeneratorExp,
    Await,
    Yield,
    YieldFrom,
    Compare,
    Call,
    Constant,
    JoinedStr,
    Attribute,
    Subscript,
    Starred,
    Name,
    List,
    Tuple,
    Slice,
    // parts of statements and expressions
    Parameter, // Python's `arg` (with its kind and default folded in)
    Keyword,
    Alias,
    WithItem,
    ExceptHandler,
    Comprehension,
};

// The Python `ast` class name of a kind ("FunctionDef", "Expr" for ExprStmt, "arg"
// for Parameter, ...), used by the dump and by comparisons with Python.
QString kindName(Kind kind);
bool isStatement(Kind kind);
bool isExpression(Kind kind);

struct Node
{
    explicit Node(Kind k)
        : kind(k)
    { }
    virtual ~Node() = default;
    Node(const Node &) = delete;
    Node &operator=(const Node &) = delete;

    const Kind kind;
    SourceRange range;

    // The node as a T if its kind is one T stands for, else nullptr.
    template<typename T>
    T *as()
    {
        return T::accepts(kind) ? static_cast<T *>(this) : nullptr;
    }
    template<typename T>
    const T *as() const
    {
        return T::accepts(kind) ? static_cast<const T *>(this) : nullptr;
    }
};

struct Stmt : Node
{
    using Node::Node;
    static bool accepts(Kind k) { return isStatement(k); }
};

struct Expr : Node
{
    using Node::Node;
    static bool accepts(Kind k) { return isExpression(k); }
};

using StmtList = QList<Stmt *>;
using ExprList = QList<Expr *>;

// Helper for node types that stand for exactly one kind.
template<typename Base, Kind K>
struct NodeOf : Base
{
    static constexpr Kind StaticKind = K;
    NodeOf()
        : Base(K)
    { }
    static bool accepts(Kind k) { return k == K; }
};

enum class BinaryOperator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv
};
enum class UnaryOperator { Invert, Not, UAdd, USub };
enum class BoolOperator { And, Or };
enum class CompareOperator { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

QString operatorName(BinaryOperator op); // Python's ast names: "Add", "Sub", ...
QString operatorName(UnaryOperator op);
QString operatorName(BoolOperator op);
QString operatorName(CompareOperator op);
QString operatorSymbol(BinaryOperator op); // "+", "-", ... (augmented assignment adds '=')

// ---------------------------------------------------------------- parts

struct Parameter : NodeOf<Node, Kind::Parameter>
{
    enum class ParameterKind {
        PositionalOnly,
        PositionalOrKeyword,
        VarPositional,
        KeywordOnly,
        VarKeyword
    };
    ParameterKind parameterKind = ParameterKind::PositionalOrKeyword;
    QString name;
    Expr *annotation = nullptr;
    Expr *defaultValue = nullptr; // not part of range (as in Python)
};
using ParameterList = QList<Parameter *>;

// One keyword argument of a call or a class: `arg=value`, or `**value` (arg empty).
struct Keyword : NodeOf<Node, Kind::Keyword>
{
    QString arg;
    Expr *value = nullptr;
};

// `name` or `name as asName` in an import; name is dotted ("a.b.c") or "*".
struct Alias : NodeOf<Node, Kind::Alias>
{
    QString name;
    QString asName;
};

// One `expr` or `expr as target` of a with statement. Python gives these no
// position; ours covers the item.
struct WithItem : NodeOf<Node, Kind::WithItem>
{
    Expr *contextExpr = nullptr;
    Expr *optionalVars = nullptr;
};

struct ExceptHandler : NodeOf<Node, Kind::ExceptHandler>
{
    Expr *type = nullptr;
    QString name;
    StmtList body;
};

// `for target in iter if cond...` inside a comprehension (no position in Python).
struct Comprehension : NodeOf<Node, Kind::Comprehension>
{
    Expr *target = nullptr;
    Expr *iter = nullptr;
    ExprList ifs;
    bool isAsync = false;
};
using ComprehensionList = QList<Comprehension *>;

// ---------------------------------------------------------------- module

struct Module : NodeOf<Node, Kind::Module>
{
    StmtList body;
};

// ---------------------------------------------------------------- statements

struct FunctionDef : NodeOf<Stmt, Kind::FunctionDef>
{
    QString name;
    ParameterList parameters; // in source order; see Parameter::parameterKind
    StmtList body;
    ExprList decorators;
    Expr *returns = nullptr;
    bool isAsync = false;
    // The range starts at `def` (or `async`), not at the decorators, as in Python.
    SourceRange nameRange;
};

struct ClassDef : NodeOf<Stmt, Kind::ClassDef>
{
    QString name;
    ExprList bases;
    QList<Keyword *> keywords;
    StmtList body;
    ExprList decorators;
};

struct Return : NodeOf<Stmt, Kind::Return>
{
    Expr *value = nullptr;
};

struct Delete : NodeOf<Stmt, Kind::Delete>
{
    ExprList targets;
};

// `a = b = value`: targets {a, b}; tuple unpacking is a Tuple or List target.
struct Assign : NodeOf<Stmt, Kind::Assign>
{
    ExprList targets;
    Expr *value = nullptr;
};

struct AugAssign : NodeOf<Stmt, Kind::AugAssign>
{
    Expr *target = nullptr;
    BinaryOperator op = BinaryOperator::Add;
    Expr *value = nullptr;
};

struct AnnAssign : NodeOf<Stmt, Kind::AnnAssign>
{
    Expr *target = nullptr;
    Expr *annotation = nullptr;
    Expr *value = nullptr;
    bool simple = false; // the target is a plain name, not in parentheses
};

struct For : NodeOf<Stmt, Kind::For>
{
    Expr *target = nullptr;
    Expr *iter = nullptr;
    StmtList body;
    StmtList orelse;
    bool isAsync = false;
};

struct While : NodeOf<Stmt, Kind::While>
{
    Expr *test = nullptr;
    StmtList body;
    StmtList orelse;
};

// `elif` is an If as the only statement of orelse, as in Python.
struct If : NodeOf<Stmt, Kind::If>
{
    Expr *test = nullptr;
    StmtList body;
    StmtList orelse;
};

struct With : NodeOf<Stmt, Kind::With>
{
    QList<WithItem *> items;
    StmtList body;
    bool isAsync = false;
};

struct Raise : NodeOf<Stmt, Kind::Raise>
{
    Expr *exc = nullptr;
    Expr *cause = nullptr;
};

struct Try : NodeOf<Stmt, Kind::Try>
{
    StmtList body;
    QList<ExceptHandler *> handlers;
    StmtList orelse;
    StmtList finalbody;
    bool isStar = false; // except*
};

struct Assert : NodeOf<Stmt, Kind::Assert>
{
    Expr *test = nullptr;
    Expr *msg = nullptr;
};

struct Import : NodeOf<Stmt, Kind::Import>
{
    QList<Alias *> names;
};

// `from ..pkg.mod import a as b`: module "pkg.mod" (empty for `from . import x`), level 2.
struct ImportFrom : NodeOf<Stmt, Kind::ImportFrom>
{
    QString module;
    QList<Alias *> names;
    int level = 0;
};

// Global and Nonlocal
struct Global : NodeOf<Stmt, Kind::Global>
{
    QStringList names;
};

struct Nonlocal : NodeOf<Stmt, Kind::Nonlocal>
{
    QStringList names;
};

struct ExprStmt : NodeOf<Stmt, Kind::ExprStmt>
{
    Expr *value = nullptr;
};

struct Pass : NodeOf<Stmt, Kind::Pass>
{ };

struct Break : NodeOf<Stmt, Kind::Break>
{ };

struct Continue : NodeOf<Stmt, Kind::Continue>
{ };

// ---------------------------------------------------------------- expressions

struct BoolOp : NodeOf<Expr, Kind::BoolOp>
{
    BoolOperator op = BoolOperator::And;
    ExprList values; // `a or b or c` is one BoolOp with three values
};

struct NamedExpr : NodeOf<Expr, Kind::NamedExpr>
{
    Expr *target = nullptr;
    Expr *value = nullptr;
};

struct BinOp : NodeOf<Expr, Kind::BinOp>
{
    Expr *left = nullptr;
    BinaryOperator op = BinaryOperator::Add;
    Expr *right = nullptr;
};

struct UnaryOp : NodeOf<Expr, Kind::UnaryOp>
{
    UnaryOperator op = UnaryOperator::Not;
    Expr *operand = nullptr;
};

struct Lambda : NodeOf<Expr, Kind::Lambda>
{
    ParameterList parameters;
    Expr *body = nullptr;
};

struct IfExp : NodeOf<Expr, Kind::IfExp>
{
    Expr *test = nullptr;
    Expr *body = nullptr;
    Expr *orelse = nullptr;
};

// `{k: v, **m}`: keys holds nullptr where values holds the mapping unpacked with **.
struct Dict : NodeOf<Expr, Kind::Dict>
{
    ExprList keys;
    ExprList values;
};

struct Set : NodeOf<Expr, Kind::Set>
{
    ExprList elts;
};

// ListComp, SetComp, GeneratorExp (elt) and DictComp (elt is the key, value the value).
struct Comp : Expr
{
    explicit Comp(Kind k)
        : Expr(k)
    { }
    static bool accepts(Kind k)
    {
        return k == Kind::ListComp || k == Kind::SetComp || k == Kind::DictComp ||
               k == Kind::GeneratorExp;
    }
    Expr *elt = nullptr;
    Expr *value = nullptr;
    ComprehensionList generators;
};

struct ListComp : NodeOf<Comp, Kind::ListComp>
{ };

struct SetComp : NodeOf<Comp, Kind::SetComp>
{ };

struct DictComp : NodeOf<Comp, Kind::DictComp>
{ };

struct GeneratorExp : NodeOf<Comp, Kind::GeneratorExp>
{ };

struct Await : NodeOf<Expr, Kind::Await>
{
    Expr *value = nullptr;
};

struct Yield : NodeOf<Expr, Kind::Yield>
{
    Expr *value = nullptr;
};

struct YieldFrom : NodeOf<Expr, Kind::YieldFrom>
{
    Expr *value = nullptr;
};

// `a < b < c`: left a, ops {Lt, Lt}, comparators {b, c}.
struct Compare : NodeOf<Expr, Kind::Compare>
{
    Expr *left = nullptr;
    QList<CompareOperator> ops;
    ExprList comparators;
};

// Positional arguments in order (`*x` is a Starred among them); keywords in order
// (`**m` is a Keyword with an empty arg), as in Python.
struct Call : NodeOf<Expr, Kind::Call>
{
    Expr *func = nullptr;
    ExprList args;
    QList<Keyword *> keywords;
};

struct Constant : NodeOf<Expr, Kind::Constant>
{
    enum class ConstantKind { Str, Bytes, Int, Float, Complex, True, False, None, Ellipsis };
    ConstantKind constantKind = ConstantKind::None;
    // Str: the decoded text, implicit concatenation joined ("a" 'b' -> ab).
    // Bytes: the same, one character U+0000..U+00FF per byte.
    // Int/Float/Complex: the literal as written, without '_' separators.
    // Other kinds: empty.
    QString value;

    // Int only: the value, if it fits (decimal, 0x, 0o, 0b).
    bool toInteger(qint64 *result) const;
    // Int or Float: the value as a double.
    bool toDouble(double *result) const;
};

// An f-string (possibly implicitly concatenated with plain strings). Retort never
// evaluates these: parts holds each string token as written, for diagnostics.
struct JoinedStr : NodeOf<Expr, Kind::JoinedStr>
{
    QStringList parts;
};

struct Attribute : NodeOf<Expr, Kind::Attribute>
{
    Expr *value = nullptr;
    QString attr;
    SourceRange attrRange; // the name after the dot
};

// `value[slice]`; slice is a Slice, a Tuple (of expressions and Slices) or any expression.
struct Subscript : NodeOf<Expr, Kind::Subscript>
{
    Expr *value = nullptr;
    Expr *slice = nullptr;
};

struct Starred : NodeOf<Expr, Kind::Starred>
{
    Expr *value = nullptr;
};

struct Name : NodeOf<Expr, Kind::Name>
{
    QString id;
};

struct List : NodeOf<Expr, Kind::List>
{
    ExprList elts;
};

struct Tuple : NodeOf<Expr, Kind::Tuple>
{
    ExprList elts;
    bool parenthesized = false;
};

struct Slice : NodeOf<Expr, Kind::Slice>
{
    Expr *lower = nullptr;
    Expr *upper = nullptr;
    Expr *step = nullptr;
};

// If a body starts with a string constant statement, that string (the docstring).
bool docstring(const StmtList &body, QString *text);

} // namespace PythonAst

// A parsed Python module: owns every node of the tree (see PythonAst above).
// Created by PythonParser; move-only.
class PythonModule
{
public:
    PythonModule();
    ~PythonModule();
    PythonModule(PythonModule &&) noexcept;
    PythonModule &operator=(PythonModule &&) noexcept;
    PythonModule(const PythonModule &) = delete;
    PythonModule &operator=(const PythonModule &) = delete;

    const PythonAst::Module *root() const { return m_root; }
    const PythonAst::StmtList &body() const { return m_root->body; }
    const QString &fileName() const { return m_fileName; }
    void setFileName(const QString &fileName) { m_fileName = fileName; }
    qsizetype nodeCount() const { return qsizetype(m_nodes.size()); }

    // A new node of type T owned by this module (for the parser).
    template<typename T>
    T *create()
    {
        T *node = new (allocate(sizeof(T), alignof(T))) T();
        m_nodes.push_back(node);
        return node;
    }
    PythonAst::Module *mutableRoot() { return m_root; }

private:
    // Nodes live in large blocks (one allocation per 64 KiB instead of one per node,
    // and neighbours in the tree are neighbours in memory); m_nodes lists them for
    // their destructors.
    void *allocate(std::size_t size, std::size_t alignment);
    void destroyNodes();

    std::vector<std::unique_ptr<std::byte[]>> m_blocks;
    std::size_t m_blockUsed = 0;
    std::vector<PythonAst::Node *> m_nodes;
    PythonAst::Module *m_root = nullptr;
    QString m_fileName;
};

} // namespace Retort
