// SPDX-License-Identifier: GPL-3.0-or-later
#include "python/pythonast.h"

#include <cmath>
#include <utility>

namespace Retort {
namespace PythonAst {

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Module:
        return QStringLiteral("Module");
    case Kind::FunctionDef:
        return QStringLiteral("FunctionDef");
    case Kind::ClassDef:
        return QStringLiteral("ClassDef");
    case Kind::Return:
        return QStringLiteral("Return");
    case Kind::Delete:
        return QStringLiteral("Delete");
    case Kind::Assign:
        return QStringLiteral("Assign");
    case Kind::AugAssign:
        return QStringLiteral("AugAssign");
    case Kind::AnnAssign:
        return QStringLiteral("AnnAssign");
    case Kind::For:
        return QStringLiteral("For");
    case Kind::While:
        return QStringLiteral("While");
    case Kind::If:
        return QStringLiteral("If");
    case Kind::With:
        return QStringLiteral("With");
    case Kind::Raise:
        return QStringLiteral("Raise");
    case Kind::Try:
        return QStringLiteral("Try");
    case Kind::Assert:
        return QStringLiteral("Assert");
    case Kind::Import:
        return QStringLiteral("Import");
    case Kind::ImportFrom:
        return QStringLiteral("ImportFrom");
    case Kind::Global:
        return QStringLiteral("Global");
    case Kind::Nonlocal:
        return QStringLiteral("Nonlocal");
    case Kind::ExprStmt:
        return QStringLiteral("Expr");
    case Kind::Pass:
        return QStringLiteral("Pass");
    case Kind::Break:
        return QStringLiteral("Break");
    case Kind::Continue:
        return QStringLiteral("Continue");
    case Kind::BoolOp:
        return QStringLiteral("BoolOp");
    case Kind::NamedExpr:
        return QStringLiteral("NamedExpr");
    case Kind::BinOp:
        return QStringLiteral("BinOp");
    case Kind::UnaryOp:
        return QStringLiteral("UnaryOp");
    case Kind::Lambda:
        return QStringLiteral("Lambda");
    case Kind::IfExp:
        return QStringLiteral("IfExp");
    case Kind::Dict:
        return QStringLiteral("Dict");
    case Kind::Set:
        return QStringLiteral("Set");
    case Kind::ListComp:
        return QStringLiteral("ListComp");
    case Kind::SetComp:
        return QStringLiteral("SetComp");
    case Kind::DictComp:
        return QStringLiteral("DictComp");
    case Kind::GeneratorExp:
        return QStringLiteral("GeneratorExp");
    case Kind::Await:
        return QStringLiteral("Await");
    case Kind::Yield:
        return QStringLiteral("Yield");
    case Kind::YieldFrom:
        return QStringLiteral("YieldFrom");
    case Kind::Compare:
        return QStringLiteral("Compare");
    case Kind::Call:
        return QStringLiteral("Call");
    case Kind::Constant:
        return QStringLiteral("Constant");
    case Kind::JoinedStr:
        return QStringLiteral("JoinedStr");
    case Kind::Attribute:
        return QStringLiteral("Attribute");
    case Kind::Subscript:
        return QStringLiteral("Subscript");
    case Kind::Starred:
        return QStringLiteral("Starred");
    case Kind::Name:
        return QStringLiteral("Name");
    case Kind::List:
        return QStringLiteral("List");
    case Kind::Tuple:
        return QStringLiteral("Tuple");
    case Kind::Slice:
        return QStringLiteral("Slice");
    case Kind::Parameter:
        return QStringLiteral("arg");
    case Kind::Keyword:
        return QStringLiteral("keyword");
    case Kind::Alias:
        return QStringLiteral("alias");
    case Kind::WithItem:
        return QStringLiteral("withitem");
    case Kind::ExceptHandler:
        return QStringLiteral("ExceptHandler");
    case Kind::Comprehension:
        return QStringLiteral("comprehension");
    }
    return QString();
}

bool isStatement(Kind kind)
{
    return kind >= Kind::FunctionDef && kind <= Kind::Continue;
}

bool isExpression(Kind kind)
{
    return kind >= Kind::BoolOp && kind <= Kind::Slice;
}

QString operatorName(BinaryOperator op)
{
    switch (op) {
    case BinaryOperator::Add:
        return QStringLiteral("Add");
    case BinaryOperator::Sub:
        return QStringLiteral("Sub");
    case BinaryOperator::Mult:
        return QStringLiteral("Mult");
    case BinaryOperator::MatMult:
        return QStringLiteral("MatMult");
    case BinaryOperator::Div:
        return QStringLiteral("Div");
    case BinaryOperator::Mod:
        return QStringLiteral("Mod");
    case BinaryOperator::Pow:
        return QStringLiteral("Pow");
    case BinaryOperator::LShift:
        return QStringLiteral("LShift");
    case BinaryOperator::RShift:
        return QStringLiteral("RShift");
    case BinaryOperator::BitOr:
        return QStringLiteral("BitOr");
    case BinaryOperator::BitXor:
        return QStringLiteral("BitXor");
    case BinaryOperator::BitAnd:
        return QStringLiteral("BitAnd");
    case BinaryOperator::FloorDiv:
        return QStringLiteral("FloorDiv");
    }
    return QString();
}

QString operatorSymbol(BinaryOperator op)
{
    switch (op) {
    case BinaryOperator::Add:
        return QStringLiteral("+");
    case BinaryOperator::Sub:
        return QStringLiteral("-");
    case BinaryOperator::Mult:
        return QStringLiteral("*");
    case BinaryOperator::MatMult:
        return QStringLiteral("@");
    case BinaryOperator::Div:
        return QStringLiteral("/");
    case BinaryOperator::Mod:
        return QStringLiteral("%");
    case BinaryOperator::Pow:
        return QStringLiteral("**");
    case BinaryOperator::LShift:
        return QStringLiteral("<<");
    case BinaryOperator::RShift:
        return QStringLiteral(">>");
    case BinaryOperator::BitOr:
        return QStringLiteral("|");
    case BinaryOperator::BitXor:
        return QStringLiteral("^");
    case BinaryOperator::BitAnd:
        return QStringLiteral("&");
    case BinaryOperator::FloorDiv:
        return QStringLiteral("//");
    }
    return QString();
}

QString operatorName(UnaryOperator op)
{
    switch (op) {
    case UnaryOperator::Invert:
        return QStringLiteral("Invert");
    case UnaryOperator::Not:
        return QStringLiteral("Not");
    case UnaryOperator::UAdd:
        return QStringLiteral("UAdd");
    case UnaryOperator::USub:
        return QStringLiteral("USub");
    }
    return QString();
}

QString operatorName(BoolOperator op)
{
    return op == BoolOperator::And ? QStringLiteral("And") : QStringLiteral("Or");
}

QString operatorName(CompareOperator op)
{
    switch (op) {
    case CompareOperator::Eq:
        return QStringLiteral("Eq");
    case CompareOperator::NotEq:
        return QStringLiteral("NotEq");
    case CompareOperator::Lt:
        return QStringLiteral("Lt");
    case CompareOperator::LtE:
        return QStringLiteral("LtE");
    case CompareOperator::Gt:
        return QStringLiteral("Gt");
    case CompareOperator::GtE:
        return QStringLiteral("GtE");
    case CompareOperator::Is:
        return QStringLiteral("Is");
    case CompareOperator::IsNot:
        return QStringLiteral("IsNot");
    case CompareOperator::In:
        return QStringLiteral("In");
    case CompareOperator::NotIn:
        return QStringLiteral("NotIn");
    }
    return QString();
}

bool Constant::toInteger(qint64 *result) const
{
    if (constantKind != ConstantKind::Int)
        return false;
    int base = 10;
    QStringView digits(value);
    if (digits.size() > 2 && digits.at(0) == QLatin1Char('0')) {
        const QChar marker = digits.at(1).toLower();
        if (marker == QLatin1Char('x'))
            base = 16;
        else if (marker == QLatin1Char('o'))
            base = 8;
        else if (marker == QLatin1Char('b'))
            base = 2;
        if (base != 10)
            digits = digits.mid(2);
    }
    bool ok = false;
    const qint64 parsed = digits.toLongLong(&ok, base);
    if (ok && result)
        *result = parsed;
    return ok;
}

bool Constant::toDouble(double *result) const
{
    if (constantKind == ConstantKind::Int) {
        qint64 integer = 0;
        if (toInteger(&integer)) {
            if (result)
                *result = double(integer);
            return true;
        }
    }
    if (constantKind != ConstantKind::Int && constantKind != ConstantKind::Float)
        return false;
    bool ok = false;
    const double parsed = value.toDouble(&ok);
    if (ok && result)
        *result = parsed;
    return ok && std::isfinite(parsed);
}

bool docstring(const StmtList &body, QString *text)
{
    if (body.isEmpty())
        return false;
    const auto *statement = body.constFirst()->as<ExprStmt>();
    if (!statement)
        return false;
    const auto *constant = statement->value->as<Constant>();
    if (!constant || constant->constantKind != Constant::ConstantKind::Str)
        return false;
    if (text)
        *text = constant->value;
    return true;
}

} // namespace PythonAst

PythonModule::PythonModule()
{
    m_root = create<PythonAst::Module>();
}

PythonModule::~PythonModule()
{
    destroyNodes();
}

PythonModule::PythonModule(PythonModule &&other) noexcept
    : m_blocks(std::move(other.m_blocks))
    , m_blockUsed(other.m_blockUsed)
    , m_nodes(std::move(other.m_nodes))
    , m_root(std::exchange(other.m_root, nullptr))
    , m_fileName(std::move(other.m_fileName))
{
    other.m_blocks.clear();
    other.m_nodes.clear();
}

PythonModule &PythonModule::operator=(PythonModule &&other) noexcept
{
    if (this != &other) {
        destroyNodes();
        m_blocks = std::move(other.m_blocks);
        m_blockUsed = other.m_blockUsed;
        m_nodes = std::move(other.m_nodes);
        m_root = std::exchange(other.m_root, nullptr);
        m_fileName = std::move(other.m_fileName);
        other.m_blocks.clear();
        other.m_nodes.clear();
    }
    return *this;
}

void PythonModule::destroyNodes()
{
    for (PythonAst::Node *node : m_nodes)
        node->~Node();
    m_nodes.clear();
}

void *PythonModule::allocate(std::size_t size, std::size_t alignment)
{
    constexpr std::size_t blockSize = 64 * 1024;
    std::size_t offset = (m_blockUsed + alignment - 1) & ~(alignment - 1);
    if (m_blocks.empty() || offset + size > blockSize) {
        m_blocks.push_back(std::unique_ptr<std::byte[]>(new std::byte[blockSize]));
        offset = 0;
    }
    m_blockUsed = offset + size;
    return m_blocks.back().get() + offset;
}

} // namespace Retort
