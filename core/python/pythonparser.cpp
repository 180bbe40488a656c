// SPDX-License-Identifier: GPL-3.0-or-later
#include "python/pythonparser.h"

#include "python/pythontokenizer.h"

#include <algorithm>
#include <deque>
#include <utility>
#include <vector>

namespace Retort {

using namespace PythonAst;

namespace {

// Thrown at the first error to unwind the recursive descent; caught in
// PythonParser::parse() and never seen outside this file. The nodes built so far
// belong to the module's arena, so unwinding leaks nothing.
struct SyntaxErrorFound
{ };

bool isSoftKeyword(const QString &word)
{
    return word == QLatin1String("match") || word == QLatin1String("case") ||
           word == QLatin1String("_") || word == QLatin1String("type");
}

// What Python calls an expression in "cannot assign to %s" and similar messages.
QString expressionName(const Expr *e)
{
    switch (e->kind) {
    case Kind::Attribute:
        return QStringLiteral("attribute");
    case Kind::Subscript:
        return QStringLiteral("subscript");
    case Kind::Starred:
        return QStringLiteral("starred");
    case Kind::Name:
        return QStringLiteral("name");
    case Kind::List:
        return QStringLiteral("list");
    case Kind::Tuple:
        return QStringLiteral("tuple");
    case Kind::Lambda:
        return QStringLiteral("lambda");
    case Kind::Call:
        return QStringLiteral("function call");
    case Kind::BoolOp:
    case Kind::BinOp:
    case Kind::UnaryOp:
        return QStringLiteral("expression");
    case Kind::GeneratorExp:
        return QStringLiteral("generator expression");
    case Kind::Yield:
    case Kind::YieldFrom:
        return QStringLiteral("yield expression");
    case Kind::Await:
        return QStringLiteral("await expression");
    case Kind::ListComp:
        return QStringLiteral("list comprehension");
    case Kind::SetComp:
        return QStringLiteral("set comprehension");
    case Kind::DictComp:
        return QStringLiteral("dict comprehension");
    case Kind::Dict:
        return QStringLiteral("dict literal");
    case Kind::Set:
        return QStringLiteral("set display");
    case Kind::JoinedStr:
        return QStringLiteral("f-string expression");
    case Kind::Compare:
        return QStringLiteral("comparison");
    case Kind::IfExp:
        return QStringLiteral("conditional expression");
    case Kind::NamedExpr:
        return QStringLiteral("named expression");
    case Kind::Constant:
        switch (static_cast<const Constant *>(e)->constantKind) {
        case Constant::ConstantKind::True:
            return QStringLiteral("True");
        case Constant::ConstantKind::False:
            return QStringLiteral("False");
        case Constant::ConstantKind::None:
            return QStringLiteral("None");
        case Constant::ConstantKind::Ellipsis:
            return QStringLiteral("ellipsis");
        default:
            return QStringLiteral("literal");
        }
    default:
        return QStringLiteral("expression");
    }
}

enum class TargetContext { Assign, For, With, Delete };

// The first part of e that cannot be assigned to (or deleted), or nullptr.
const Expr *invalidTarget(const Expr *e, TargetContext context)
{
    switch (e->kind) {
    case Kind::Name:
    case Kind::Attribute:
    case Kind::Subscript:
        return nullptr;
    case Kind::Starred:
        if (context == TargetContext::Delete)
            return e;
        return invalidTarget(static_cast<const Starred *>(e)->value, context);
    case Kind::Tuple:
    case Kind::List: {
        const ExprList &elts = e->kind == Kind::Tuple ? static_cast<const Tuple *>(e)->elts
                                                      : static_cast<const List *>(e)->elts;
        for (const Expr *element : elts) {
            if (const Expr *bad = invalidTarget(element, context))
                return bad;
        }
        return nullptr;
    }
    case Kind::Compare:
        // `for x in y in z`: Python blames the left side.
        if (context == TargetContext::For) {
            const auto *compare = static_cast<const Compare *>(e);
            if (compare->ops.constFirst() == CompareOperator::In)
                return invalidTarget(compare->left, context);
        }
        return e;
    default:
        return e;
    }
}

struct BinaryLevel
{
    const char *op;
    BinaryOperator binaryOperator;
    int precedence;
};

// Up to 8 ASCII characters as one integer, for fast comparisons of operators and keywords.
constexpr quint64 pack(const char *text)
{
    quint64 packed = 0;
    for (int i = 0; i < 8 && text[i]; ++i)
        packed |= quint64(static_cast<unsigned char>(text[i])) << (8 * i);
    return packed;
}

quint64 pack(const QString &text)
{
    quint64 packed = 0;
    for (qsizetype i = 0; i < 8 && i < text.size(); ++i)
        packed |= quint64(text.at(i).unicode() & 0xff) << (8 * i);
    return packed;
}

// The keyword a name spells, packed, or 0 for any other name.
quint64 packedKeyword(const QString &word)
{
    static constexpr quint64 keywords[] = {
        pack("False"),    pack("None"),    pack("True"),  pack("and"),   pack("as"),
        pack("assert"),   pack("async"),   pack("await"), pack("break"), pack("class"),
        pack("continue"), pack("def"),     pack("del"),   pack("elif"),  pack("else"),
        pack("except"),   pack("finally"), pack("for"),   pack("from"),  pack("global"),
        pack("if"),       pack("import"),  pack("in"),    pack("is"),    pack("lambda"),
        pack("nonlocal"), pack("not"),     pack("or"),    pack("pass"),  pack("raise"),
        pack("return"),   pack("try"),     pack("while"), pack("with"),  pack("yield"),
    };
    if (word.size() < 2 || word.size() > 8)
        return 0;
    quint64 packed = 0;
    for (qsizetype i = 0; i < word.size(); ++i) {
        const char16_t c = word.at(i).unicode();
        if (c >= 0x80)
            return 0;
        packed |= quint64(c) << (8 * i);
    }
    for (quint64 keyword : keywords) {
        if (packed == keyword)
            return keyword;
    }
    return 0;
}

// Binary operators from loosest to tightest, for precedence climbing.
constexpr BinaryLevel binaryLevels[] = {
    {"|", BinaryOperator::BitOr, 1},   {"^", BinaryOperator::BitXor, 2},
    {"&", BinaryOperator::BitAnd, 3},  {"<<", BinaryOperator::LShift, 4},
    {">>", BinaryOperator::RShift, 4}, {"+", BinaryOperator::Add, 5},
    {"-", BinaryOperator::Sub, 5},     {"*", BinaryOperator::Mult, 6},
    {"/", BinaryOperator::Div, 6},     {"//", BinaryOperator::FloorDiv, 6},
    {"%", BinaryOperator::Mod, 6},     {"@", BinaryOperator::MatMult, 6},
};

constexpr struct
{
    const char *op;
    BinaryOperator binaryOperator;
} augmentedOperators[] = {
    {"+=", BinaryOperator::Add},       {"-=", BinaryOperator::Sub},
    {"*=", BinaryOperator::Mult},      {"@=", BinaryOperator::MatMult},
    {"/=", BinaryOperator::Div},       {"%=", BinaryOperator::Mod},
    {"&=", BinaryOperator::BitAnd},    {"|=", BinaryOperator::BitOr},
    {"^=", BinaryOperator::BitXor},    {"<<=", BinaryOperator::LShift},
    {">>=", BinaryOperator::RShift},   {"**=", BinaryOperator::Pow},
    {"//=", BinaryOperator::FloorDiv},
};

class Parser
{
public:
    Parser(const QString &source, const QString &fileName, PythonModule *module)
        : m_tokenizer(source, fileName)
        , m_fileName(fileName)
        , m_module(module)
    { }

    void parseModule();
    const Diagnostic &error() const { return m_error; }

private:
    // RAII nesting counter: one level per bracket, unary operator, block, ...
    class Nesting
    {
    public:
        explicit Nesting(Parser *parser)
            : m_parser(parser)
        {
            if (++m_parser->m_depth > PythonParser::MaxNesting)
                m_parser->fail(m_parser->peek().range.start,
                               QStringLiteral("too deeply nested: more than %1 levels of "
                                              "brackets, operators or blocks (split it into "
                                              "smaller statements)")
                                   .arg(PythonParser::MaxNesting));
        }
        ~Nesting() { --m_parser->m_depth; }
        Nesting(const Nesting &) = delete;
        Nesting &operator=(const Nesting &) = delete;

    private:
        Parser *m_parser;
    };

    // ---- tokens
    // A token with what the parser asks about it most often, worked out once.
    // Operators and keywords are compared as short ASCII strings packed into an
    // integer, one comparison each (the packing of a literal folds at compile time).
    struct BufferedToken
    {
        PythonToken token;
        quint64 op = 0;                           // an Op token of up to 3 characters, packed
        quint64 keyword = 0;                      // the keyword a Name token spells, packed
        const BinaryLevel *binaryLevel = nullptr; // a binary operator's level
    };

    const BufferedToken &buffered(qsizetype ahead)
    {
        if (ahead == 0 && !m_ahead.empty())
            return m_ahead.front();
        return fill(ahead);
    }
    const BufferedToken &fill(qsizetype ahead);
    const PythonToken &peek(qsizetype ahead = 0) { return buffered(ahead).token; }
    PythonToken take();
    bool atOp(const char *op) { return buffered(0).op == pack(op); }
    bool atOp(qsizetype ahead, const char *op) { return buffered(ahead).op == pack(op); }
    bool keywordAt(qsizetype ahead = 0) { return buffered(ahead).keyword != 0; }
    bool atKeyword(const char *keyword, qsizetype ahead = 0)
    {
        return buffered(ahead).keyword == pack(keyword);
    }
    bool atNewline() { return peek().kind == PythonToken::Kind::Newline; }
    bool atIdentifier(qsizetype ahead = 0)
    {
        const BufferedToken &b = buffered(ahead);
        return b.token.kind == PythonToken::Kind::Name && !b.keyword;
    }
    bool acceptOp(const char *op);
    bool acceptKeyword(const char *keyword);
    void expectOp(const char *op);
    void expectForcedOp(const char *op);
    void expectKeyword(const char *keyword);
    QString expectIdentifier();
    void expectColon(bool forced);
    void expectDictionaryColon();
    bool canStartExpression(qsizetype ahead = 0);

    // ---- errors
    [[noreturn]] void fail(const SourcePosition &where, const QString &message,
                           bool tokenizerMayWin = true, qsizetype lookahead = 0);
    [[noreturn]] void syntaxError();
    [[noreturn]] void failAt(const Node *node, const QString &message)
    {
        fail(node->range.start, message);
    }

    template<typename T>
    T *make(const SourcePosition &start)
    {
        T *node = m_module->create<T>();
        node->range.start = start;
        node->range.end = m_lastEnd;
        return node;
    }
    template<typename T>
    T *finish(T *node)
    {
        node->range.end = m_lastEnd;
        noteFinished(node->range.start);
        return node;
    }
    // Tracks the depth of the tree being built, which chains (`a + b + c ...`,
    // `x.a.b.c ...`, `f()()()`) make deeper than the parser's own recursion: refused past
    // MaxTreeDepth so that whoever walks the tree recursively cannot overflow the stack.
    // Nodes finish in post-order and a node's descendants start at or after its start,
    // so the finished subtrees not yet adopted form a stack ordered by start offset.
    void noteFinished(const SourcePosition &start)
    {
        int depth = 0;
        while (!m_finished.empty() && m_finished.back().first >= start.offset) {
            depth = std::max(depth, m_finished.back().second);
            m_finished.pop_back();
        }
        ++depth;
        if (depth > PythonParser::MaxTreeDepth)
            fail(start, QStringLiteral("expression nested deeper than %1 levels (a chain of "
                                       "operators, calls, attributes or subscripts); split it "
                                       "into smaller expressions")
                            .arg(PythonParser::MaxTreeDepth));
        m_finished.emplace_back(start.offset, depth);
    }

    // ---- statements
    void parseStatementInto(StmtList *body);
    void parseSimpleStatements(StmtList *body);
    Stmt *parseSimpleStatement();
    Stmt *parseExpressionStatement();
    Stmt *parseCompoundStatement();
    void parseBlock(StmtList *body, const QString &what, int line);
    Stmt *parseIf(bool isElif);
    Stmt *parseWhile();
    Stmt *parseFor(const SourcePosition &start, bool isAsync);
    Stmt *parseWith(const SourcePosition &start, bool isAsync);
    bool parenthesizedWithItemsFollow();
    WithItem *parseWithItem();
    Stmt *parseTry();
    Stmt *parseFunctionDef(const ExprList &decorators, const SourcePosition &start, bool isAsync);
    Stmt *parseClassDef(const ExprList &decorators);
    Stmt *parseDecorated();
    Stmt *parseImport();
    Stmt *parseImportFrom();
    QString parseDottedName();
    Alias *parseAlias(bool dotted);
    void parseElseBlock(StmtList *body);
    void parseParameters(ParameterList *parameters, const char *closing, bool annotations);
    void checkTarget(const Expr *target, TargetContext context);

    // ---- expressions
    Expr *parseStarExpressions();
    Expr *parseStarExpression();
    Expr *parseStarNamedExpression();
    Expr *parseNamedExpression(bool assignmentHint = true);
    Expr *parseExpression();
    Expr *parseDisjunction();
    Expr *parseConjunction();
    Expr *parseInversion();
    Expr *parseComparison();
    Expr *parseBinary(int minPrecedence);
    Expr *parseFactor();
    Expr *parsePower();
    Expr *parsePrimary();
    Expr *parseAtom();
    Expr *parseStrings();
    Expr *parseNumber();
    Expr *parseParenthesized();
    Expr *parseListDisplay();
    Expr *parseBraceDisplay();
    Expr *parseLambda();
    Expr *parseYield();
    Expr *parseYieldOrStarExpressions();
    Expr *parseSlices();
    Expr *parseSlice();
    Expr *parseTargets();
    Expr *parseTarget();
    void parseCallArguments(ExprList *args, QList<Keyword *> *keywords, const SourcePosition &open);
    void parseComprehensionClauses(ComprehensionList *generators);
    Expr *makeComprehension(Comp *comp, const SourcePosition &start, Expr *elt,
                            Expr *value = nullptr);

    PythonTokenizer m_tokenizer;
    QString m_fileName;
    PythonModule *m_module;
    std::deque<BufferedToken> m_ahead;
    SourcePosition m_lastEnd{1, 1, 0};
    qint64 m_consumed = 0;
    int m_depth = 0;
    int m_bracketDepth = 0;
    std::vector<std::pair<qsizetype, int>> m_finished; // (start offset, depth), see noteFinished()
    // The last disjunction completed: Python's "Perhaps you forgot a comma?" hint
    // applies when an error follows it directly inside brackets.
    struct
    {
        SourcePosition start;
        qint64 endIndex = -1;
        bool suppressHint = false;
    } m_lastDisjunction;
    QString m_unsupportedStatement; // "match" or "type" when the statement may be one
    qint64 m_statementStartIndex = 0;
    QString m_statementFirstName; // the statement's first token, if a name
    SourcePosition m_statementStart;
    SourcePosition m_unsupportedStatementStart;
    Diagnostic m_error;
};

// ------------------------------------------------------------------ tokens

const Parser::BufferedToken &Parser::fill(qsizetype ahead)
{
    while (qsizetype(m_ahead.size()) <= ahead) {
        if (!m_ahead.empty()) {
            const BufferedToken &last = m_ahead.back();
            if (last.token.kind == PythonToken::Kind::EndMarker ||
                last.token.kind == PythonToken::Kind::Error) {
                m_ahead.push_back(last);
                continue;
            }
        }
        BufferedToken b;
        b.token = m_tokenizer.next();
        const PythonToken &t = b.token;
        if (t.kind == PythonToken::Kind::Comment || t.kind == PythonToken::Kind::Nl)
            continue;
        if (t.kind == PythonToken::Kind::Op && t.text.size() <= 3) {
            b.op = pack(t.text);
            for (const BinaryLevel &level : binaryLevels) {
                if (b.op == pack(level.op)) {
                    b.binaryLevel = &level;
                    break;
                }
            }
        } else if (t.kind == PythonToken::Kind::Name) {
            b.keyword = packedKeyword(t.text);
        }
        m_ahead.push_back(std::move(b));
    }
    return m_ahead[size_t(ahead)];
}

PythonToken Parser::take()
{
    const quint64 op = buffered(0).op;
    const char bracket = op > 0xff ? 0 : char(op);
    PythonToken token = std::move(m_ahead.front().token);
    m_ahead.pop_front();
    ++m_consumed;
    switch (token.kind) {
    case PythonToken::Kind::Newline:
    case PythonToken::Kind::Indent:
    case PythonToken::Kind::Dedent:
    case PythonToken::Kind::EndMarker:
    case PythonToken::Kind::Error:
        break;
    case PythonToken::Kind::Op:
        if (bracket == '(' || bracket == '[' || bracket == '{')
            ++m_bracketDepth;
        else if (bracket == ')' || bracket == ']' || bracket == '}')
            --m_bracketDepth;
        m_lastEnd = token.range.end;
        break;
    default:
        m_lastEnd = token.range.end;
        break;
    }
    return token;
}

bool Parser::acceptOp(const char *op)
{
    if (!atOp(op))
        return false;
    take();
    return true;
}

bool Parser::acceptKeyword(const char *keyword)
{
    if (!atKeyword(keyword))
        return false;
    take();
    return true;
}

void Parser::expectOp(const char *op)
{
    if (!acceptOp(op))
        syntaxError();
}

// Python's "forced" tokens: a missing one is reported by name wherever it is missing.
void Parser::expectForcedOp(const char *op)
{
    if (!acceptOp(op))
        fail(peek().range.start, QStringLiteral("expected '%1'").arg(QLatin1String(op)));
}

void Parser::expectKeyword(const char *keyword)
{
    if (!acceptKeyword(keyword))
        syntaxError();
}

QString Parser::expectIdentifier()
{
    if (!atIdentifier())
        syntaxError();
    return take().value;
}

// The ':' of a compound statement header. Python reports "expected ':'" where the
// line ends early, and everywhere for the headers whose colon is a forced token.
void Parser::expectColon(bool forced)
{
    if (acceptOp(":"))
        return;
    if (forced || atNewline())
        fail(peek().range.start, QStringLiteral("expected ':'"));
    syntaxError();
}

// The ':' after a dictionary key (the caller has checked it is there).
void Parser::expectDictionaryColon()
{
    const SourcePosition colon = take().range.start;
    if (atOp(",") || atOp("}"))
        fail(colon, QStringLiteral("expression expected after dictionary key and ':'"));
}

bool Parser::canStartExpression(qsizetype ahead)
{
    const PythonToken &t = peek(ahead);
    switch (t.kind) {
    case PythonToken::Kind::Name:
        if (!keywordAt(ahead))
            return true;
        return atKeyword("not", ahead) || atKeyword("lambda", ahead) || atKeyword("await", ahead) ||
               atKeyword("None", ahead) || atKeyword("True", ahead) || atKeyword("False", ahead);
    case PythonToken::Kind::Number:
    case PythonToken::Kind::String:
        return true;
    case PythonToken::Kind::Op:
        return atOp(ahead, "(") || atOp(ahead, "[") || atOp(ahead, "{") || atOp(ahead, "-") ||
               atOp(ahead, "+") || atOp(ahead, "~") || atOp(ahead, "...");
    default:
        return false;
    }
}

// ------------------------------------------------------------------ errors

void Parser::fail(const SourcePosition &where, const QString &message, bool tokenizerMayWin,
                  qsizetype lookahead)
{
    m_error = Diagnostic{m_fileName, where.line, where.column, message};
    if (tokenizerMayWin) {
        // Like Python, look at the rest of the file: an error the tokenizer finds there
        // is reported instead, except that an unclosed bracket only wins over an error
        // on a later line (an unclosed bracket explains errors after it, not before).
        // The line the parser got to decides about an unclosed bracket; for the
        // errors Python finds with rules that parse past the error, look ahead as far.
        buffered(lookahead);
        bool reachedError = false;
        int furthestLine = where.line;
        for (const BufferedToken &b : m_ahead) {
            if (b.token.kind == PythonToken::Kind::Error)
                reachedError = true;
            else
                furthestLine = std::max(furthestLine, b.token.range.start.line);
        }
        if (!reachedError && !m_tokenizer.hasError()) {
            for (;;) {
                const PythonToken t = m_tokenizer.next();
                if (t.kind == PythonToken::Kind::EndMarker || t.kind == PythonToken::Kind::Error)
                    break;
            }
        }
        if (m_tokenizer.hasError()) {
            const Diagnostic &tokenizerError = m_tokenizer.error();
            const QString &message = tokenizerError.message;
            const bool unclosed = message.endsWith(QLatin1String("was never closed"));
            // Python finds these only when the parser reaches them.
            const bool onlyWhenReached =
                message == QLatin1String("unindent does not match any outer indentation level") ||
                message == QLatin1String("inconsistent use of tabs and spaces in indentation") ||
                message == QLatin1String("too many levels of indentation") ||
                message == QLatin1String("unexpected EOF while parsing") ||
                message == QLatin1String("unexpected character after line continuation character");
            if (reachedError || (unclosed ? furthestLine > tokenizerError.line : !onlyWhenReached))
                m_error = tokenizerError;
        }
    }
    throw SyntaxErrorFound{};
}

void Parser::syntaxError()
{
    const PythonToken &t = peek();
    if (t.kind == PythonToken::Kind::Indent) {
        // Python places this at the last character of the indentation.
        SourcePosition where = t.range.end;
        if (where.column > 1) {
            --where.column;
            --where.offset;
        }
        fail(where, QStringLiteral("unexpected indent"), false);
    }
    if (t.kind == PythonToken::Kind::Dedent)
        fail(t.range.start, QStringLiteral("unexpected unindent"), false);
    if (m_bracketDepth > 0 && m_lastDisjunction.endIndex == m_consumed &&
        !m_lastDisjunction.suppressHint && canStartExpression()) {
        fail(m_lastDisjunction.start,
             QStringLiteral("invalid syntax. Perhaps you forgot a comma?"));
    }
    // Python 2 statements: `print "x"`, `exec code`.
    if ((m_statementFirstName == QLatin1String("print") ||
         m_statementFirstName == QLatin1String("exec")) &&
        m_consumed == m_statementStartIndex + 1 && canStartExpression()) {
        fail(m_statementStart,
             QStringLiteral("Missing parentheses in call to '%1'. Did you mean %1(...)?")
                 .arg(m_statementFirstName));
    }
    if (m_unsupportedStatement == QLatin1String("match"))
        fail(m_unsupportedStatementStart, QStringLiteral("'match' statements are not supported"));
    if (m_unsupportedStatement == QLatin1String("type"))
        fail(m_unsupportedStatementStart,
             QStringLiteral("'type' alias statements are not supported"));
    fail(t.range.start, QStringLiteral("invalid syntax"));
}

// ------------------------------------------------------------------ statements

void Parser::parseModule()
{
    Module *module = m_module->mutableRoot();
    module->range.start = SourcePosition{1, 1, 0};
    while (peek().kind != PythonToken::Kind::EndMarker) {
        if (peek().kind == PythonToken::Kind::Error)
            syntaxError();
        parseStatementInto(&module->body);
    }
    module->range.end = peek().range.end;
}

void Parser::parseStatementInto(StmtList *body)
{
    // `match x:` and `type X = ...` start with a soft keyword that is otherwise a
    // name; if such a statement does not parse, say what it is.
    m_unsupportedStatement.clear();
    m_statementStartIndex = m_consumed;
    m_statementFirstName = atIdentifier() ? peek().text : QString();
    m_statementStart = peek().range.start;
    if (atIdentifier() && canStartExpression(1) &&
        (peek().text == QLatin1String("match") || peek().text == QLatin1String("type"))) {
        m_unsupportedStatement = peek().text;
        m_unsupportedStatementStart = peek().range.start;
    }
    if (Stmt *compound = parseCompoundStatement()) {
        body->append(compound);
        return;
    }
    parseSimpleStatements(body);
}

void Parser::parseSimpleStatements(StmtList *body)
{
    for (;;) {
        body->append(parseSimpleStatement());
        if (acceptOp(";")) {
            if (atNewline())
                break;
            continue;
        }
        break;
    }
    if (!atNewline())
        syntaxError();
    take();
}

Stmt *Parser::parseSimpleStatement()
{
    const PythonToken &first = peek();
    const SourcePosition start = first.range.start;
    if (!keywordAt())
        return parseExpressionStatement();

    const QString keyword = first.text;
    if (keyword == QLatin1String("pass")) {
        take();
        return make<Pass>(start);
    }
    if (keyword == QLatin1String("break")) {
        take();
        return make<Break>(start);
    }
    if (keyword == QLatin1String("continue")) {
        take();
        return make<Continue>(start);
    }
    if (keyword == QLatin1String("return")) {
        take();
        auto *node = make<Return>(start);
        if (!atNewline() && !atOp(";"))
            node->value = parseStarExpressions();
        return finish(node);
    }
    if (keyword == QLatin1String("raise")) {
        take();
        auto *node = make<Raise>(start);
        if (!atNewline() && !atOp(";")) {
            node->exc = parseExpression();
            if (acceptKeyword("from"))
                node->cause = parseExpression();
        }
        return finish(node);
    }
    if (keyword == QLatin1String("global") || keyword == QLatin1String("nonlocal")) {
        take();
        QStringList names;
        names.append(expectIdentifier());
        while (acceptOp(","))
            names.append(expectIdentifier());
        if (keyword == QLatin1String("global")) {
            auto *node = make<Global>(start);
            node->names = names;
            return node;
        }
        auto *node = make<Nonlocal>(start);
        node->names = names;
        return node;
    }
    if (keyword == QLatin1String("del")) {
        take();
        auto *node = make<Delete>(start);
        for (;;) {
            Expr *target = parseTarget();
            checkTarget(target, TargetContext::Delete);
            node->targets.append(target);
            if (!acceptOp(","))
                break;
            if (atNewline() || atOp(";"))
                break;
        }
        return finish(node);
    }
    if (keyword == QLatin1String("assert")) {
        take();
        auto *node = make<Assert>(start);
        node->test = parseExpression();
        if (acceptOp(","))
            node->msg = parseExpression();
        return finish(node);
    }
    if (keyword == QLatin1String("import"))
        return parseImport();
    if (keyword == QLatin1String("from"))
        return parseImportFrom();
    return parseExpressionStatement();
}

// Expression statements and the three kinds of assignment.
Stmt *Parser::parseExpressionStatement()
{
    const SourcePosition start = peek().range.start;
    if (atKeyword("yield")) {
        auto *node = make<ExprStmt>(start);
        node->value = parseYield();
        return finish(node);
    }
    const bool startsWithParenthesis = atOp("(");
    Expr *first = parseStarExpressions();
    if (atOp(":=") && first->kind != Kind::Name)
        failAt(
            first,
            QStringLiteral("cannot use assignment expressions with %1").arg(expressionName(first)));

    if (atOp(":")) {
        // Python checks the target only once the annotation has parsed.
        const SourcePosition colon = take().range.start;
        const bool validTarget = first->kind == Kind::Name || first->kind == Kind::Attribute ||
                                 first->kind == Kind::Subscript;
        if (!validTarget && !canStartExpression())
            fail(colon, QStringLiteral("invalid syntax"));
        auto *node = make<AnnAssign>(start);
        Expr *annotation = parseExpression();
        if (first->kind == Kind::Tuple)
            failAt(first, QStringLiteral("only single target (not tuple) can be annotated"));
        if (first->kind == Kind::List)
            failAt(first, QStringLiteral("only single target (not list) can be annotated"));
        if (first->kind != Kind::Name && first->kind != Kind::Attribute &&
            first->kind != Kind::Subscript)
            failAt(first, QStringLiteral("illegal target for annotation"));
        node->target = first;
        node->simple = first->kind == Kind::Name && !startsWithParenthesis;
        node->annotation = annotation;
        if (acceptOp("="))
            node->value = parseYieldOrStarExpressions();
        return finish(node);
    }

    if (atOp("=")) {
        auto *node = make<Assign>(start);
        node->targets.append(first);
        Expr *value = nullptr;
        while (acceptOp("=")) {
            value = parseYieldOrStarExpressions();
            if (atOp("="))
                node->targets.append(value);
        }
        node->value = value;
        for (qsizetype i = 0; i < node->targets.size(); ++i) {
            const Expr *target = node->targets.at(i);
            const Expr *bad = invalidTarget(target, TargetContext::Assign);
            if (!bad)
                continue;
            const QString what = expressionName(bad);
            const bool hint = node->targets.size() == 1 && bad == target &&
                              bad->kind != Kind::Tuple && bad->kind != Kind::List &&
                              bad->kind != Kind::GeneratorExp && bad->kind != Kind::BoolOp &&
                              bad->kind != Kind::Compare && bad->kind != Kind::IfExp &&
                              bad->kind != Kind::Lambda &&
                              !(bad->kind == Kind::UnaryOp &&
                                static_cast<const UnaryOp *>(bad)->op == UnaryOperator::Not) &&
                              what != QLatin1String("True") && what != QLatin1String("False") &&
                              what != QLatin1String("None");
            if (hint)
                failAt(bad, QStringLiteral(
                                "cannot assign to %1 here. Maybe you meant '==' instead of '='?")
                                .arg(what));
            failAt(bad, QStringLiteral("cannot assign to %1").arg(what));
        }
        return finish(node);
    }

    for (const auto &augmented : augmentedOperators) {
        if (!atOp(augmented.op))
            continue;
        if (first->kind != Kind::Name && first->kind != Kind::Attribute &&
            first->kind != Kind::Subscript)
            failAt(first, QStringLiteral("'%1' is an illegal expression for augmented assignment")
                              .arg(expressionName(first)));
        take();
        auto *node = make<AugAssign>(start);
        node->target = first;
        node->op = augmented.binaryOperator;
        node->value = parseYieldOrStarExpressions();
        return finish(node);
    }

    auto *node = make<ExprStmt>(start);
    node->value = first;
    return node;
}

Stmt *Parser::parseImport()
{
    const SourcePosition start = take().range.start;
    auto *node = make<Import>(start);
    if (atNewline())
        fail(peek().range.start, QStringLiteral("Expected one or more names after 'import'"));
    for (;;) {
        node->names.append(parseAlias(true));
        if (!acceptOp(","))
            break;
    }
    return finish(node);
}

Stmt *Parser::parseImportFrom()
{
    const SourcePosition start = take().range.start;
    auto *node = make<ImportFrom>(start);
    for (;;) {
        if (acceptOp("."))
            node->level += 1;
        else if (acceptOp("..."))
            node->level += 3;
        else
            break;
    }
    if (node->level == 0 || !atKeyword("import"))
        node->module = parseDottedName();
    expectKeyword("import");
    if (acceptOp("*")) {
        auto *alias = make<Alias>(m_lastEnd);
        alias->range.start.column -= 1;
        alias->range.start.offset -= 1;
        alias->name = QStringLiteral("*");
        node->names.append(alias);
        return finish(node);
    }
    const bool parenthesized = acceptOp("(");
    if (!parenthesized && atNewline())
        fail(peek().range.start, QStringLiteral("Expected one or more names after 'import'"));
    for (;;) {
        node->names.append(parseAlias(false));
        if (!acceptOp(","))
            break;
        if (parenthesized && atOp(")"))
            break;
        if (!parenthesized && atNewline())
            fail(peek().range.start,
                 QStringLiteral("trailing comma not allowed without surrounding parentheses"));
    }
    if (parenthesized)
        expectOp(")");
    return finish(node);
}

QString Parser::parseDottedName()
{
    QString name = expectIdentifier();
    while (atOp(".")) {
        take();
        name += QLatin1Char('.') + expectIdentifier();
    }
    return name;
}

Alias *Parser::parseAlias(bool dotted)
{
    const SourcePosition start = peek().range.start;
    auto *alias = make<Alias>(start);
    alias->name = dotted ? parseDottedName() : expectIdentifier();
    if (acceptKeyword("as"))
        alias->asName = expectIdentifier();
    return finish(alias);
}

Stmt *Parser::parseCompoundStatement()
{
    const PythonToken &first = peek();
    if (atOp("@"))
        return parseDecorated();
    if (first.kind != PythonToken::Kind::Name)
        return nullptr;
    if (!atKeyword("if") && !atKeyword("while") && !atKeyword("for") && !atKeyword("with") &&
        !atKeyword("try") && !atKeyword("def") && !atKeyword("class") && !atKeyword("async"))
        return nullptr;
    // Each compound statement nests one block deeper.
    Nesting nesting(this);
    const SourcePosition start = first.range.start;
    if (first.text == QLatin1String("if"))
        return parseIf(false);
    if (first.text == QLatin1String("while"))
        return parseWhile();
    if (first.text == QLatin1String("for"))
        return parseFor(start, false);
    if (first.text == QLatin1String("with"))
        return parseWith(start, false);
    if (first.text == QLatin1String("try"))
        return parseTry();
    if (first.text == QLatin1String("def"))
        return parseFunctionDef({}, start, false);
    if (first.text == QLatin1String("class"))
        return parseClassDef({});
    if (first.text == QLatin1String("async")) {
        if (atKeyword("def", 1)) {
            take();
            return parseFunctionDef({}, start, true);
        }
        if (atKeyword("for", 1)) {
            take();
            return parseFor(start, true);
        }
        if (atKeyword("with", 1)) {
            take();
            return parseWith(start, true);
        }
        take();
        syntaxError();
    }
    return nullptr;
}

void Parser::parseBlock(StmtList *body, const QString &what, int line)
{
    if (!atNewline()) {
        parseSimpleStatements(body);
        return;
    }
    const SourcePosition lineEnd = take().range.start;
    if (peek().kind != PythonToken::Kind::Indent) {
        if (peek().kind == PythonToken::Kind::Error)
            syntaxError();
        // At the end of the file Python points at the end of the header line; at a
        // dedent, just before the first character of the dedented line.
        SourcePosition where = peek().range.start;
        if (peek().kind == PythonToken::Kind::EndMarker) {
            where = lineEnd;
        } else if (peek().kind == PythonToken::Kind::Dedent) {
            where.column -= 1;
            where.offset -= 1;
        }
        fail(where,
             QStringLiteral("expected an indented block after %1 on line %2").arg(what).arg(line));
    }
    take();
    while (peek().kind != PythonToken::Kind::Dedent) {
        if (peek().kind == PythonToken::Kind::EndMarker || peek().kind == PythonToken::Kind::Error)
            syntaxError();
        parseStatementInto(body);
    }
    take();
}

Stmt *Parser::parseIf(bool isElif)
{
    const PythonToken keyword = take();
    auto *node = make<If>(keyword.range.start);
    node->test = parseNamedExpression();
    expectColon(false);
    parseBlock(&node->body,
               isElif ? QStringLiteral("'elif' statement") : QStringLiteral("'if' statement"),
               keyword.range.start.line);
    if (atKeyword("elif"))
        node->orelse.append(parseIf(true));
    else
        parseElseBlock(&node->orelse);
    return finish(node);
}

void Parser::parseElseBlock(StmtList *body)
{
    if (!atKeyword("else"))
        return;
    const int line = take().range.start.line;
    expectColon(true);
    parseBlock(body, QStringLiteral("'else' statement"), line);
}

Stmt *Parser::parseWhile()
{
    const PythonToken keyword = take();
    auto *node = make<While>(keyword.range.start);
    node->test = parseNamedExpression();
    expectColon(false);
    parseBlock(&node->body, QStringLiteral("'while' statement"), keyword.range.start.line);
    parseElseBlock(&node->orelse);
    return finish(node);
}

Stmt *Parser::parseFor(const SourcePosition &start, bool isAsync)
{
    const PythonToken keyword = take();
    auto *node = make<For>(start);
    node->isAsync = isAsync;
    node->target = parseTargets();
    checkTarget(node->target, TargetContext::For);
    expectKeyword("in");
    node->iter = parseStarExpressions();
    expectColon(false);
    parseBlock(&node->body, QStringLiteral("'for' statement"), keyword.range.start.line);
    parseElseBlock(&node->orelse);
    return finish(node);
}

// `with (a as b, c):` lists items in parentheses, `with (a, b) as c:` has one tuple
// item: the token after the matching ')' decides, so look ahead to it.
bool Parser::parenthesizedWithItemsFollow()
{
    if (!atOp("("))
        return false;
    int level = 0;
    for (qsizetype i = 0;; ++i) {
        const PythonToken &t = peek(i);
        if (t.kind == PythonToken::Kind::EndMarker || t.kind == PythonToken::Kind::Error)
            return false;
        if (t.kind != PythonToken::Kind::Op || t.text.size() != 1)
            continue;
        const QChar c = t.text.at(0);
        if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{')) {
            ++level;
        } else if (c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}')) {
            if (--level == 0)
                return atOp(i + 1, ":") || peek(i + 1).kind == PythonToken::Kind::Newline;
        }
    }
}

WithItem *Parser::parseWithItem()
{
    const SourcePosition start = peek().range.start;
    auto *item = make<WithItem>(start);
    item->contextExpr = parseExpression();
    if (acceptKeyword("as")) {
        item->optionalVars = parseTarget();
        checkTarget(item->optionalVars, TargetContext::With);
    }
    return finish(item);
}

Stmt *Parser::parseWith(const SourcePosition &start, bool isAsync)
{
    const PythonToken keyword = take();
    auto *node = make<With>(start);
    node->isAsync = isAsync;
    if (parenthesizedWithItemsFollow()) {
        take();
        for (;;) {
            node->items.append(parseWithItem());
            if (!acceptOp(","))
                break;
            if (atOp(")"))
                break;
        }
        expectOp(")");
    } else {
        for (;;) {
            node->items.append(parseWithItem());
            if (!acceptOp(","))
                break;
        }
    }
    expectColon(false);
    parseBlock(&node->body, QStringLiteral("'with' statement"), keyword.range.start.line);
    return finish(node);
}

Stmt *Parser::parseTry()
{
    const PythonToken keyword = take();
    auto *node = make<Try>(keyword.range.start);
    expectColon(true);
    parseBlock(&node->body, QStringLiteral("'try' statement"), keyword.range.start.line);
    while (atKeyword("except")) {
        const PythonToken except = take();
        auto *handler = make<ExceptHandler>(except.range.start);
        const bool star = acceptOp("*");
        if (star)
            node->isStar = true;
        if (star && atOp(":"))
            fail(peek().range.start, QStringLiteral("expected one or more exception types"));
        if (!atOp(":")) {
            handler->type = parseExpression();
            if (atOp(","))
                failAt(handler->type,
                       QStringLiteral("multiple exception types must be parenthesized"));
            if (acceptKeyword("as"))
                handler->name = expectIdentifier();
        }
        expectColon(false);
        parseBlock(&handler->body,
                   star ? QStringLiteral("'except*' statement")
                        : QStringLiteral("'except' statement"),
                   except.range.start.line);
        node->handlers.append(finish(handler));
    }
    parseElseBlock(&node->orelse);
    if (atKeyword("finally")) {
        const int line = take().range.start.line;
        expectColon(true);
        parseBlock(&node->finalbody, QStringLiteral("'finally' statement"), line);
    }
    if (node->handlers.isEmpty() && node->finalbody.isEmpty())
        fail(peek().range.start, QStringLiteral("expected 'except' or 'finally' block"));
    return finish(node);
}

Stmt *Parser::parseDecorated()
{
    Nesting nesting(this);
    ExprList decorators;
    while (acceptOp("@")) {
        decorators.append(parseNamedExpression());
        if (!atNewline())
            syntaxError();
        take();
    }
    const SourcePosition start = peek().range.start;
    if (atKeyword("def"))
        return parseFunctionDef(decorators, start, false);
    if (atKeyword("async") && atKeyword("def", 1)) {
        take();
        return parseFunctionDef(decorators, start, true);
    }
    if (atKeyword("class"))
        return parseClassDef(decorators);
    syntaxError();
}

Stmt *Parser::parseFunctionDef(const ExprList &decorators, const SourcePosition &start,
                               bool isAsync)
{
    const PythonToken keyword = take();
    auto *node = make<FunctionDef>(start);
    node->decorators = decorators;
    node->isAsync = isAsync;
    const SourcePosition nameStart = peek().range.start;
    node->name = expectIdentifier();
    node->nameRange = SourceRange{nameStart, m_lastEnd};
    expectForcedOp("(");
    parseParameters(&node->parameters, ")", true);
    expectOp(")");
    if (acceptOp("->"))
        node->returns = parseExpression();
    expectColon(true);
    parseBlock(&node->body, QStringLiteral("function definition"), keyword.range.start.line);
    return finish(node);
}

Stmt *Parser::parseClassDef(const ExprList &decorators)
{
    const PythonToken keyword = take();
    auto *node = make<ClassDef>(keyword.range.start);
    node->decorators = decorators;
    node->name = expectIdentifier();
    if (atOp("(")) {
        const SourcePosition open = take().range.start;
        parseCallArguments(&node->bases, &node->keywords, open);
    }
    expectColon(false);
    parseBlock(&node->body, QStringLiteral("class definition"), keyword.range.start.line);
    return finish(node);
}

// Parameters of a def (closing ")", with annotations) or a lambda (closing ":").
void Parser::parseParameters(ParameterList *parameters, const char *closing, bool annotations)
{
    bool afterStar = false;
    bool bareStar = false;
    bool afterDoubleStar = false;
    bool seenDefault = false;
    while (!atOp(closing)) {
        if (afterDoubleStar)
            fail(peek().range.start,
                 QStringLiteral("arguments cannot follow var-keyword argument"));
        if (atOp("/")) {
            if (parameters->isEmpty() || afterStar)
                syntaxError();
            take();
            for (Parameter *parameter : std::as_const(*parameters)) {
                if (parameter->parameterKind == Parameter::ParameterKind::PositionalOrKeyword)
                    parameter->parameterKind = Parameter::ParameterKind::PositionalOnly;
            }
        } else {
            Parameter::ParameterKind kind = afterStar
                                                ? Parameter::ParameterKind::KeywordOnly
                                                : Parameter::ParameterKind::PositionalOrKeyword;
            if (atOp("*")) {
                if (afterStar)
                    syntaxError();
                const SourcePosition star = take().range.start;
                afterStar = true;
                if (!atIdentifier()) {
                    if (atOp(closing) || (atOp(",") && atOp(1, closing)))
                        fail(star, QStringLiteral("named arguments must follow bare *"));
                    bareStar = true;
                    if (!acceptOp(","))
                        syntaxError();
                    continue;
                }
                kind = Parameter::ParameterKind::VarPositional;
            } else if (atOp("**")) {
                take();
                afterDoubleStar = true;
                kind = Parameter::ParameterKind::VarKeyword;
            }
            if (!atIdentifier())
                syntaxError();
            const SourcePosition start = peek().range.start;
            auto *parameter = make<Parameter>(start);
            parameter->parameterKind = kind;
            parameter->name = take().value;
            if (annotations && acceptOp(":"))
                parameter->annotation = parseExpression();
            finish(parameter);
            if (atOp("=")) {
                if (kind == Parameter::ParameterKind::VarPositional ||
                    kind == Parameter::ParameterKind::VarKeyword)
                    syntaxError();
                take();
                parameter->defaultValue = parseExpression();
                if (kind == Parameter::ParameterKind::PositionalOrKeyword)
                    seenDefault = true;
            } else if (kind == Parameter::ParameterKind::PositionalOrKeyword && seenDefault) {
                fail(start, QStringLiteral(
                                "parameter without a default follows parameter with a default"));
            }
            parameters->append(parameter);
        }
        if (!acceptOp(","))
            break;
    }
    if (bareStar) {
        bool named = false;
        for (const Parameter *parameter : std::as_const(*parameters))
            named = named || parameter->parameterKind == Parameter::ParameterKind::KeywordOnly;
        if (!named)
            syntaxError();
    }
}

void Parser::checkTarget(const Expr *target, TargetContext context)
{
    const Expr *bad = invalidTarget(target, context);
    if (!bad)
        return;
    if (context == TargetContext::Delete)
        failAt(bad, QStringLiteral("cannot delete %1").arg(expressionName(bad)));
    failAt(bad, QStringLiteral("cannot assign to %1").arg(expressionName(bad)));
}

// ------------------------------------------------------------------ expressions

// `a, *b, c` (a Tuple when there is a comma) — expression statements, return, for.
Expr *Parser::parseStarExpressions()
{
    const SourcePosition start = peek().range.start;
    Expr *first = parseStarExpression();
    if (!atOp(","))
        return first;
    auto *tuple = make<Tuple>(start);
    tuple->elts.append(first);
    while (acceptOp(",")) {
        if (!canStartExpression() && !atOp("*"))
            break;
        tuple->elts.append(parseStarExpression());
    }
    return finish(tuple);
}

Expr *Parser::parseStarExpression()
{
    if (atOp("*")) {
        const SourcePosition start = take().range.start;
        auto *node = make<Starred>(start);
        node->value = parseBinary(1);
        return finish(node);
    }
    return parseExpression();
}

Expr *Parser::parseStarNamedExpression()
{
    if (atOp("*")) {
        const SourcePosition start = take().range.start;
        auto *node = make<Starred>(start);
        node->value = parseBinary(1);
        return finish(node);
    }
    return parseNamedExpression();
}

// assignmentHint: explain a stray '=' as Python does where a condition or an element
// is expected (call arguments explain it their own way).
Expr *Parser::parseNamedExpression(bool assignmentHint)
{
    const SourcePosition start = peek().range.start;
    if (atIdentifier() && atOp(1, ":=")) {
        auto *target = make<Name>(start);
        target->id = take().value;
        finish(target);
        take();
        auto *node = make<NamedExpr>(start);
        node->target = target;
        node->value = parseExpression();
        return finish(node);
    }
    Expr *e = parseExpression();
    if (atOp(":="))
        failAt(e,
               QStringLiteral("cannot use assignment expressions with %1").arg(expressionName(e)));
    if (assignmentHint && atOp("=")) {
        // Python finds these with rules that read the right-hand side too.
        if (e->kind == Kind::Name)
            fail(e->range.start,
                 QStringLiteral("invalid syntax. Maybe you meant '==' or ':=' instead of '='?"),
                 true, 2);
        const QString what = expressionName(e);
        const bool bitwiseOrLevel = e->kind != Kind::BoolOp && e->kind != Kind::Compare &&
                                    e->kind != Kind::IfExp && e->kind != Kind::Lambda &&
                                    !(e->kind == Kind::UnaryOp &&
                                      static_cast<const UnaryOp *>(e)->op == UnaryOperator::Not);
        const bool excluded = e->kind == Kind::List || e->kind == Kind::Tuple ||
                              e->kind == Kind::GeneratorExp || what == QLatin1String("True") ||
                              what == QLatin1String("False") || what == QLatin1String("None");
        if (bitwiseOrLevel && !excluded)
            fail(e->range.start,
                 QStringLiteral("cannot assign to %1 here. Maybe you meant '==' instead of '='?")
                     .arg(what),
                 true, 2);
    }
    return e;
}

Expr *Parser::parseExpression()
{
    if (atKeyword("lambda"))
        return parseLambda();
    const SourcePosition start = peek().range.start;
    Expr *body = parseDisjunction();
    if (!atKeyword("if"))
        return body;
    take();
    auto *node = make<IfExp>(start);
    node->body = body;
    node->test = parseDisjunction();
    if (!atKeyword("else")) {
        if (atOp(":"))
            syntaxError();
        fail(start, QStringLiteral("expected 'else' after 'if' expression"));
    }
    take();
    Nesting nesting(this);
    node->orelse = parseExpression();
    return finish(node);
}

Expr *Parser::parseDisjunction()
{
    const PythonToken &first = peek();
    const SourcePosition start = first.range.start;
    // Python does not suggest a missing comma after `name "string"` (a legacy
    // statement such as `print "x"` is likelier) or a soft keyword.
    const bool suppressHint =
        (first.kind == PythonToken::Kind::Name && isSoftKeyword(first.text)) ||
        (first.kind == PythonToken::Kind::Name && peek(1).kind == PythonToken::Kind::String);
    Expr *first_ = parseConjunction();
    if (atKeyword("or")) {
        auto *node = make<BoolOp>(start);
        node->op = BoolOperator::Or;
        node->values.append(first_);
        while (acceptKeyword("or"))
            node->values.append(parseConjunction());
        first_ = finish(node);
    }
    m_lastDisjunction.start = start;
    m_lastDisjunction.endIndex = m_consumed;
    m_lastDisjunction.suppressHint = suppressHint;
    return first_;
}

Expr *Parser::parseConjunction()
{
    const SourcePosition start = peek().range.start;
    Expr *first = parseInversion();
    if (!atKeyword("and"))
        return first;
    auto *node = make<BoolOp>(start);
    node->op = BoolOperator::And;
    node->values.append(first);
    while (acceptKeyword("and"))
        node->values.append(parseInversion());
    return finish(node);
}

Expr *Parser::parseInversion()
{
    if (!atKeyword("not"))
        return parseComparison();
    Nesting nesting(this);
    const SourcePosition start = take().range.start;
    auto *node = make<UnaryOp>(start);
    node->op = UnaryOperator::Not;
    node->operand = parseInversion();
    return finish(node);
}

Expr *Parser::parseComparison()
{
    const SourcePosition start = peek().range.start;
    Expr *left = parseBinary(1);
    Compare *node = nullptr;
    for (;;) {
        CompareOperator op;
        if (peek().kind == PythonToken::Kind::Op) {
            if (atOp("=="))
                op = CompareOperator::Eq;
            else if (atOp("!="))
                op = CompareOperator::NotEq;
            else if (atOp("<"))
                op = CompareOperator::Lt;
            else if (atOp("<="))
                op = CompareOperator::LtE;
            else if (atOp(">"))
                op = CompareOperator::Gt;
            else if (atOp(">="))
                op = CompareOperator::GtE;
            else
                break;
            take();
        } else if (atKeyword("in")) {
            op = CompareOperator::In;
            take();
        } else if (atKeyword("not") && atKeyword("in", 1)) {
            op = CompareOperator::NotIn;
            take();
            take();
        } else if (atKeyword("is")) {
            take();
            op = acceptKeyword("not") ? CompareOperator::IsNot : CompareOperator::Is;
        } else {
            break;
        }
        if (!node) {
            node = make<Compare>(start);
            node->left = left;
        }
        node->ops.append(op);
        node->comparators.append(parseBinary(1));
    }
    return node ? finish(node) : left;
}

// Precedence climbing over the binary operators of binaryLevels (all left-associative).
Expr *Parser::parseBinary(int minPrecedence)
{
    const SourcePosition start = peek().range.start;
    Expr *left = parseFactor();
    for (;;) {
        const BinaryLevel *level = buffered(0).binaryLevel;
        if (!level || level->precedence < minPrecedence)
            return left;
        take();
        auto *node = make<BinOp>(start);
        node->left = left;
        node->op = level->binaryOperator;
        node->right = parseBinary(level->precedence + 1);
        left = finish(node);
    }
}

Expr *Parser::parseFactor()
{
    UnaryOperator op;
    if (atOp("-"))
        op = UnaryOperator::USub;
    else if (atOp("+"))
        op = UnaryOperator::UAdd;
    else if (atOp("~"))
        op = UnaryOperator::Invert;
    else
        return parsePower();
    Nesting nesting(this);
    const SourcePosition start = take().range.start;
    auto *node = make<UnaryOp>(start);
    node->op = op;
    node->operand = parseFactor();
    return finish(node);
}

Expr *Parser::parsePower()
{
    const SourcePosition start = peek().range.start;
    Expr *base;
    if (atKeyword("await")) {
        take();
        auto *node = make<Await>(start);
        node->value = parsePrimary();
        base = finish(node);
    } else {
        base = parsePrimary();
    }
    if (!atOp("**"))
        return base;
    take();
    Nesting nesting(this);
    auto *node = make<BinOp>(start);
    node->left = base;
    node->op = BinaryOperator::Pow;
    node->right = parseFactor();
    return finish(node);
}

Expr *Parser::parsePrimary()
{
    const SourcePosition start = peek().range.start;
    Expr *e = parseAtom();
    for (;;) {
        if (atOp(".")) {
            take();
            auto *node = make<Attribute>(start);
            node->value = e;
            const SourcePosition nameStart = peek().range.start;
            node->attr = expectIdentifier();
            node->attrRange = SourceRange{nameStart, m_lastEnd};
            e = finish(node);
        } else if (atOp("(")) {
            const SourcePosition open = take().range.start;
            auto *node = make<Call>(start);
            node->func = e;
            parseCallArguments(&node->args, &node->keywords, open);
            e = finish(node);
        } else if (atOp("[")) {
            take();
            auto *node = make<Subscript>(start);
            node->value = e;
            Nesting nesting(this);
            node->slice = parseSlices();
            expectOp("]");
            e = finish(node);
        } else {
            return e;
        }
    }
}

// After the '(' of a call or a class definition, up to and including the ')'.
void Parser::parseCallArguments(ExprList *args, QList<Keyword *> *keywords,
                                const SourcePosition &open)
{
    Nesting nesting(this);
    bool seenKeyword = false;
    bool seenDoubleStar = false;
    SourcePosition lastComma;
    QString pendingError;
    while (!atOp(")")) {
        const SourcePosition start = peek().range.start;
        if (atOp("*")) {
            if (seenDoubleStar)
                fail(lastComma,
                     QStringLiteral(
                         "iterable argument unpacking follows keyword argument unpacking"));
            take();
            auto *node = make<Starred>(start);
            node->value = parseExpression();
            if (atOp("="))
                fail(start, QStringLiteral("cannot assign to iterable argument unpacking"));
            args->append(finish(node));
        } else if (atOp("**")) {
            take();
            auto *keyword = make<Keyword>(start);
            keyword->value = parseExpression();
            keywords->append(finish(keyword));
            seenDoubleStar = true;
        } else if (atIdentifier() && atOp(1, "=")) {
            auto *keyword = make<Keyword>(start);
            keyword->arg = take().value;
            take();
            keyword->value = parseExpression();
            if (atKeyword("for"))
                failAt(
                    keyword,
                    QStringLiteral("invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
            keywords->append(finish(keyword));
            seenKeyword = true;
        } else {
            Expr *e = parseNamedExpression(false);
            if (atKeyword("for") || atKeyword("async")) {
                const bool alone = args->isEmpty() && keywords->isEmpty();
                if (!alone)
                    failAt(e, QStringLiteral("Generator expression must be parenthesized"));
                // A generator that is the only argument shares the call's parentheses.
                const SourcePosition elementStart = e->range.start;
                auto *comp = m_module->create<GeneratorExp>();
                e = makeComprehension(comp, open, e);
                if (!atOp(")"))
                    fail(elementStart,
                         QStringLiteral("Generator expression must be parenthesized"));
                comp->range.end = peek().range.end;
            } else if (atOp("=")) {
                const QString what = expressionName(e);
                if (what == QLatin1String("True") || what == QLatin1String("False") ||
                    what == QLatin1String("None"))
                    failAt(e, QStringLiteral("cannot assign to %1").arg(what));
                failAt(e, QStringLiteral(
                              "expression cannot contain assignment, perhaps you meant \"==\"?"));
            }
            if (pendingError.isEmpty() && (seenKeyword || seenDoubleStar))
                pendingError =
                    seenDoubleStar
                        ? QStringLiteral("positional argument follows keyword argument unpacking")
                        : QStringLiteral("positional argument follows keyword argument");
            args->append(e);
        }
        if (!atOp(","))
            break;
        lastComma = take().range.start;
    }
    if (!atOp(")"))
        syntaxError();
    if (!pendingError.isEmpty())
        fail(peek().range.start, pendingError);
    take();
}

Expr *Parser::parseAtom()
{
    const PythonToken &t = peek();
    const SourcePosition start = t.range.start;
    switch (t.kind) {
    case PythonToken::Kind::Name: {
        if (!keywordAt()) {
            auto *node = make<Name>(start);
            node->id = take().value;
            return finish(node);
        }
        Constant::ConstantKind kind;
        if (t.text == QLatin1String("None"))
            kind = Constant::ConstantKind::None;
        else if (t.text == QLatin1String("True"))
            kind = Constant::ConstantKind::True;
        else if (t.text == QLatin1String("False"))
            kind = Constant::ConstantKind::False;
        else
            syntaxError();
        take();
        auto *node = make<Constant>(start);
        node->constantKind = kind;
        return node;
    }
    case PythonToken::Kind::Number:
        return parseNumber();
    case PythonToken::Kind::String:
        return parseStrings();
    case PythonToken::Kind::Op:
        if (t.text == QLatin1String("("))
            return parseParenthesized();
        if (t.text == QLatin1String("["))
            return parseListDisplay();
        if (t.text == QLatin1String("{"))
            return parseBraceDisplay();
        if (t.text == QLatin1String("...")) {
            take();
            auto *node = make<Constant>(start);
            node->constantKind = Constant::ConstantKind::Ellipsis;
            return node;
        }
        syntaxError();
    default:
        syntaxError();
    }
}

Expr *Parser::parseNumber()
{
    const PythonToken t = take();
    auto *node = make<Constant>(t.range.start);
    QString text = t.text;
    text.remove(QLatin1Char('_'));
    const bool hex = text.size() > 1 && text.at(0) == QLatin1Char('0') &&
                     (text.at(1) == QLatin1Char('x') || text.at(1) == QLatin1Char('X'));
    if (!hex && (text.endsWith(QLatin1Char('j')) || text.endsWith(QLatin1Char('J'))))
        node->constantKind = Constant::ConstantKind::Complex;
    else if (!hex && (text.contains(QLatin1Char('.')) || text.contains(QLatin1Char('e')) ||
                      text.contains(QLatin1Char('E'))))
        node->constantKind = Constant::ConstantKind::Float;
    else
        node->constantKind = Constant::ConstantKind::Int;
    node->value = text;
    return node;
}

// One or more adjacent string tokens: a Constant, or a JoinedStr if any is an f-string.
Expr *Parser::parseStrings()
{
    const SourcePosition start = peek().range.start;
    bool anyBytes = false;
    bool anyText = false;
    bool formatted = false;
    QString value;
    QStringList parts;
    while (peek().kind == PythonToken::Kind::String) {
        const PythonToken t = take();
        if (t.stringFlags & PythonToken::Bytes)
            anyBytes = true;
        else
            anyText = true;
        if (t.stringFlags & PythonToken::Formatted)
            formatted = true;
        value += t.value;
        parts.append(t.text);
    }
    if (anyBytes && anyText)
        fail(peek().range.start, QStringLiteral("cannot mix bytes and nonbytes literals"));
    if (formatted) {
        auto *node = make<JoinedStr>(start);
        node->parts = parts;
        return node;
    }
    auto *node = make<Constant>(start);
    node->constantKind = anyBytes ? Constant::ConstantKind::Bytes : Constant::ConstantKind::Str;
    node->value = value;
    return node;
}

Expr *Parser::makeComprehension(Comp *comp, const SourcePosition &start, Expr *elt, Expr *value)
{
    comp->range.start = start;
    comp->elt = elt;
    comp->value = value;
    parseComprehensionClauses(&comp->generators);
    return comp;
}

void Parser::parseComprehensionClauses(ComprehensionList *generators)
{
    for (;;) {
        const SourcePosition start = peek().range.start;
        bool isAsync = false;
        if (atKeyword("async") && atKeyword("for", 1)) {
            take();
            isAsync = true;
        } else if (!atKeyword("for")) {
            return;
        }
        take();
        auto *clause = make<Comprehension>(start);
        clause->isAsync = isAsync;
        clause->target = parseTargets();
        checkTarget(clause->target, TargetContext::For);
        if (!acceptKeyword("in"))
            fail(peek().range.start, QStringLiteral("'in' expected after for-loop variables"));
        clause->iter = parseDisjunction();
        while (acceptKeyword("if"))
            clause->ifs.append(parseDisjunction());
        // Python's missing-comma hint is not tried after a comprehension clause.
        m_lastDisjunction.endIndex = -1;
        generators->append(finish(clause));
    }
}

Expr *Parser::parseParenthesized()
{
    Nesting nesting(this);
    const SourcePosition start = take().range.start;
    if (acceptOp(")")) {
        auto *tuple = make<Tuple>(start);
        tuple->parenthesized = true;
        return tuple;
    }
    if (atKeyword("yield")) {
        Expr *e = parseYield();
        expectOp(")");
        return e;
    }
    Expr *first = parseStarNamedExpression();
    if (atKeyword("for") || atKeyword("async")) {
        Expr *comp = makeComprehension(m_module->create<GeneratorExp>(), start, first);
        expectOp(")");
        return finish(comp);
    }
    if (!atOp(",")) {
        expectOp(")");
        return first;
    }
    auto *tuple = make<Tuple>(start);
    tuple->parenthesized = true;
    tuple->elts.append(first);
    while (acceptOp(",")) {
        if (atOp(")"))
            break;
        tuple->elts.append(parseStarNamedExpression());
    }
    expectOp(")");
    return finish(tuple);
}

Expr *Parser::parseListDisplay()
{
    Nesting nesting(this);
    const SourcePosition start = take().range.start;
    auto *list = make<List>(start);
    if (acceptOp("]"))
        return finish(list);
    Expr *first = parseStarNamedExpression();
    if (atKeyword("for") || atKeyword("async")) {
        Expr *comp = makeComprehension(m_module->create<ListComp>(), start, first);
        expectOp("]");
        return finish(comp);
    }
    list->elts.append(first);
    while (acceptOp(",")) {
        if (atOp("]"))
            break;
        list->elts.append(parseStarNamedExpression());
    }
    expectOp("]");
    return finish(list);
}

Expr *Parser::parseBraceDisplay()
{
    Nesting nesting(this);
    const SourcePosition start = take().range.start;
    if (acceptOp("}"))
        return make<Dict>(start);

    bool isDict;
    Expr *firstKey = nullptr;
    Expr *firstValue = nullptr;
    if (atOp("**")) {
        take();
        isDict = true;
        firstValue = parseBinary(1);
    } else {
        firstKey = parseStarNamedExpression();
        isDict = atOp(":");
        if (isDict) {
            if (firstKey->kind == Kind::Starred || firstKey->kind == Kind::NamedExpr)
                syntaxError();
            expectDictionaryColon();
            firstValue = parseExpression();
        }
    }

    if (atKeyword("for") || atKeyword("async")) {
        if (isDict && !firstKey)
            syntaxError();
        Expr *comp =
            isDict ? makeComprehension(m_module->create<DictComp>(), start, firstKey, firstValue)
                   : makeComprehension(m_module->create<SetComp>(), start, firstKey);
        expectOp("}");
        return finish(comp);
    }

    if (!isDict) {
        auto *set = make<Set>(start);
        set->elts.append(firstKey);
        while (acceptOp(",")) {
            if (atOp("}"))
                break;
            set->elts.append(parseStarNamedExpression());
        }
        expectOp("}");
        return finish(set);
    }

    auto *dict = make<Dict>(start);
    dict->keys.append(firstKey);
    dict->values.append(firstValue);
    while (acceptOp(",")) {
        if (atOp("}"))
            break;
        if (acceptOp("**")) {
            dict->keys.append(nullptr);
            dict->values.append(parseBinary(1));
            continue;
        }
        Expr *key = parseExpression();
        if (!atOp(":")) {
            if (atOp(",") || atOp("}"))
                failAt(key, QStringLiteral("':' expected after dictionary key"));
            syntaxError();
        }
        expectDictionaryColon();
        dict->keys.append(key);
        dict->values.append(parseExpression());
    }
    expectOp("}");
    return finish(dict);
}

Expr *Parser::parseLambda()
{
    Nesting nesting(this);
    const SourcePosition start = take().range.start;
    auto *node = make<Lambda>(start);
    parseParameters(&node->parameters, ":", false);
    expectOp(":");
    node->body = parseExpression();
    return finish(node);
}

Expr *Parser::parseYield()
{
    const SourcePosition start = take().range.start;
    if (acceptKeyword("from")) {
        auto *node = make<YieldFrom>(start);
        node->value = parseExpression();
        return finish(node);
    }
    auto *node = make<Yield>(start);
    if (canStartExpression() || atOp("*"))
        node->value = parseStarExpressions();
    return finish(node);
}

Expr *Parser::parseYieldOrStarExpressions()
{
    if (atKeyword("yield"))
        return parseYield();
    return parseStarExpressions();
}

// The inside of `value[...]`: one slice or expression, or a Tuple of them.
Expr *Parser::parseSlices()
{
    const SourcePosition start = peek().range.start;
    Expr *first = parseSlice();
    // `a[*b]` is a one-element tuple, as in Python.
    if (!atOp(",") && first->kind != Kind::Starred)
        return first;
    auto *tuple = make<Tuple>(start);
    tuple->elts.append(first);
    while (acceptOp(",")) {
        if (atOp("]"))
            break;
        tuple->elts.append(parseSlice());
    }
    return finish(tuple);
}

Expr *Parser::parseSlice()
{
    const SourcePosition start = peek().range.start;
    if (atOp("*"))
        return parseStarNamedExpression();
    Expr *lower = nullptr;
    if (!atOp(":")) {
        lower = parseNamedExpression();
        if (!atOp(":"))
            return lower;
        if (lower->kind == Kind::NamedExpr)
            syntaxError();
    }
    take();
    auto *slice = make<Slice>(start);
    slice->lower = lower;
    if (!atOp(":") && !atOp(",") && !atOp("]"))
        slice->upper = parseExpression();
    if (acceptOp(":")) {
        if (!atOp(",") && !atOp("]"))
            slice->step = parseExpression();
    }
    return finish(slice);
}

// Assignment targets of for, comprehensions, with and del: `a`, `a.b`, `a[i]`,
// `*a`, `a, b` and bracketed forms. Parsed as expressions above the comparisons
// (so `in` ends them) and checked by checkTarget().
Expr *Parser::parseTargets()
{
    const SourcePosition start = peek().range.start;
    Expr *first = parseTarget();
    if (!atOp(","))
        return first;
    auto *tuple = make<Tuple>(start);
    tuple->elts.append(first);
    while (acceptOp(",")) {
        if (!canStartExpression() && !atOp("*"))
            break;
        tuple->elts.append(parseTarget());
    }
    return finish(tuple);
}

Expr *Parser::parseTarget()
{
    if (atOp("*")) {
        Nesting nesting(this);
        const SourcePosition start = take().range.start;
        auto *node = make<Starred>(start);
        node->value = parseTarget();
        return finish(node);
    }
    return parseBinary(1);
}

} // namespace

// ------------------------------------------------------------------ PythonParser

PythonParser::PythonParser(const QString &source, const QString &fileName)
    : m_source(source)
    , m_fileName(fileName)
{ }

std::unique_ptr<PythonModule> PythonParser::parse()
{
    auto module = std::make_unique<PythonModule>();
    module->setFileName(m_fileName);
    Parser parser(m_source, m_fileName, module.get());
    try {
        parser.parseModule();
    } catch (const SyntaxErrorFound &) {
        m_hasError = true;
        m_error = parser.error();
        return nullptr;
    }
    m_hasError = false;
    m_error = Diagnostic();
    return module;
}

std::unique_ptr<PythonModule> PythonParser::parseBytes(const QByteArray &bytes,
                                                       const QString &fileName, Diagnostic *error)
{
    QString text;
    Diagnostic decodeError;
    if (!PythonTokenizer::decode(bytes, fileName, &text, &decodeError)) {
        if (error)
            *error = decodeError;
        return nullptr;
    }
    PythonParser parser(text, fileName);
    std::unique_ptr<PythonModule> module = parser.parse();
    if (!module && error)
        *error = parser.error();
    return module;
}

} // namespace Retort
