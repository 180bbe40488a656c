// SPDX-License-Identifier: GPL-3.0-or-later
#include "expressioncompiler.h"

#include <QStringList>

#include <cmath>

namespace Retort {

namespace {

// Python's repr() of a float: the shortest text that reads back the same, always
// with a '.' or an exponent.
QString pythonFloat(double value)
{
    if (std::isnan(value))
        return QStringLiteral("nan");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    const double magnitude = std::fabs(value);
    // Python switches to exponent notation (1e-05, 1e+16) outside [1e-4, 1e16).
    if (magnitude != 0 && (magnitude >= 1e16 || magnitude < 1e-4))
        return QString::number(value, 'e', QLocale::FloatingPointShortest);
    QString text = QString::number(value, 'f', QLocale::FloatingPointShortest);
    if (!text.contains(QLatin1Char('.')))
        text += QStringLiteral(".0");
    return text;
}

QString twoDigits(int v)
{
    return QStringLiteral("%1").arg(v, 2, 10, QLatin1Char('0'));
}

QString timeText(const QTime &time, int microsecond, bool alwaysMicroseconds)
{
    QString text = twoDigits(time.hour()) + QLatin1Char(':') + twoDigits(time.minute()) + QLatin1Char(':')
        + twoDigits(time.second());
    if (alwaysMicroseconds || microsecond != 0)
        text += QStringLiteral(".%1").arg(microsecond, 6, 10, QLatin1Char('0'));
    return text;
}

QString dateText(const QDate &date)
{
    return QStringLiteral("%1-%2-%3").arg(date.year(), 4, 10, QLatin1Char('0')).arg(twoDigits(date.month()), twoDigits(date.day()));
}

// The functions SQL defines without parentheses (SQLAlchemy's ANSI functions).
bool isAnsiFunction(const QString &lowerName)
{
    static const char *const names[] = {"current_date", "current_time", "current_timestamp", "current_user",
                                        "localtime",    "localtimestamp", "session_user",    "user"};
    for (const char *n : names) {
        if (lowerName == QLatin1String(n))
            return true;
    }
    return false;
}

bool isTypeNamed(const TypeSpec &type, std::initializer_list<const char *> names)
{
    for (const char *n : names) {
        if (type.name == QLatin1String(n))
            return true;
    }
    return false;
}

} // namespace

ExpressionCompiler::ExpressionCompiler(const IdentifierPreparer &preparer)
    : m_preparer(preparer)
    , m_dialect(preparer.dialect())
{
}

Result<QString> ExpressionCompiler::literal(const SqlValue &value, const TypeSpec &type) const
{
    const bool sqlite = m_dialect == SqlDialect::Sqlite;
    switch (value.kind) {
    case SqlValue::Kind::None:
        return QStringLiteral("NULL");
    case SqlValue::Kind::Bool:
        if (isTypeNamed(type, {"Integer", "INTEGER", "BigInteger", "BIGINT", "SmallInteger", "SMALLINT"}))
            return value.boolean ? QStringLiteral("1") : QStringLiteral("0");
        if (sqlite)
            return value.boolean ? QStringLiteral("1") : QStringLiteral("0");
        return value.boolean ? QStringLiteral("true") : QStringLiteral("false");
    case SqlValue::Kind::Int:
    case SqlValue::Kind::Decimal:
        if (isTypeNamed(type, {"String", "Unicode", "VARCHAR", "Text", "UnicodeText", "TEXT", "CHAR"}))
            return m_preparer.stringLiteral(value.text);
        return value.text;
    case SqlValue::Kind::Float:
        return pythonFloat(value.real);
    case SqlValue::Kind::String:
        return m_preparer.stringLiteral(value.text);
    case SqlValue::Kind::Date:
        return QString(QLatin1Char('\'') + dateText(value.date) + QLatin1Char('\''));
    case SqlValue::Kind::Time:
        return QString(QLatin1Char('\'') + timeText(value.time, value.microsecond, sqlite) + QLatin1Char('\''));
    case SqlValue::Kind::DateTime:
        return QString(QLatin1Char('\'') + dateText(value.date) + QLatin1Char(' ')
            + timeText(value.time, value.microsecond, sqlite) + QLatin1Char('\''));
    case SqlValue::Kind::Bytes:
        break;
    }
    return Result<QString>::failure(
        QStringLiteral("sqlalchemy.exc.CompileError: No literal value renderer is available for literal value \"%1\"")
            .arg(value.pythonRepr()));
}

Result<QString> ExpressionCompiler::compile(const SqlExpression &e, Context context) const
{
    switch (e.kind) {
    case SqlExpression::Kind::Text:
        return e.text;
    case SqlExpression::Kind::String:
        if (context == Context::ServerDefault || context == Context::Dml)
            return m_preparer.stringLiteral(e.text);
        return e.text;
    case SqlExpression::Kind::Literal:
        return literal(e.value, e.type);
    case SqlExpression::Kind::Column:
        if (context == Context::Dml && !e.table.isEmpty())
            return QString(m_preparer.quote(e.table) + QLatin1Char('.') + m_preparer.quote(e.text));
        return m_preparer.quote(e.text);
    case SqlExpression::Kind::Function:
        return function(e, context);
    case SqlExpression::Kind::True:
        return m_dialect == SqlDialect::Sqlite ? QStringLiteral("1") : QStringLiteral("true");
    case SqlExpression::Kind::False:
        return m_dialect == SqlDialect::Sqlite ? QStringLiteral("0") : QStringLiteral("false");
    case SqlExpression::Kind::Null:
        return QStringLiteral("NULL");
    case SqlExpression::Kind::Binary:
        return binary(e, context);
    case SqlExpression::Kind::BoolList: {
        QStringList parts;
        for (const SqlExpression &o : e.operands) {
            const bool nested = o.kind == SqlExpression::Kind::BoolList && o.text != e.text;
            const Result<QString> part = operand(o, context, TypeSpec(), nested);
            if (!part)
                return part;
            parts << part.value();
        }
        return parts.join(QLatin1Char(' ') + e.text + QLatin1Char(' '));
    }
    case SqlExpression::Kind::Not: {
        if (e.operands.empty())
            break;
        const Result<QString> inner = operand(e.operands.front(), context, TypeSpec(), true);
        if (!inner)
            return inner;
        return QString(QStringLiteral("NOT ") + inner.value());
    }
    case SqlExpression::Kind::Tuple: {
        QStringList parts;
        for (const SqlExpression &o : e.operands) {
            const Result<QString> part = compile(o, context);
            if (!part)
                return part;
            parts << part.value();
        }
        return QString(QLatin1Char('(') + parts.join(QStringLiteral(", ")) + QLatin1Char(')'));
    }
    case SqlExpression::Kind::Desc:
    case SqlExpression::Kind::Asc: {
        if (e.operands.empty())
            break;
        const Result<QString> inner = compile(e.operands.front(), context);
        if (!inner)
            return inner;
        return QString(inner.value() + (e.kind == SqlExpression::Kind::Desc ? QStringLiteral(" DESC") : QStringLiteral(" ASC")));
    }
    case SqlExpression::Kind::Label:
    case SqlExpression::Kind::Cast:
        break;
    }
    return Result<QString>::failure(QStringLiteral("cannot render the expression %1 natively").arg(e.toDebugString()));
}

Result<QString> ExpressionCompiler::function(const SqlExpression &e, Context context) const
{
    const QString lower = e.text.toLower();
    if (lower == QLatin1String("now") && m_dialect == SqlDialect::Sqlite)
        return QStringLiteral("CURRENT_TIMESTAMP");
    if (isAnsiFunction(lower) && e.operands.empty())
        return lower.toUpper();
    QStringList args;
    for (const SqlExpression &o : e.operands) {
        const Result<QString> arg = compile(o, context == Context::ServerDefault ? Context::Verbatim : context);
        if (!arg)
            return arg;
        args << arg.value();
    }
    return QString(e.text + QLatin1Char('(') + args.join(QStringLiteral(", ")) + QLatin1Char(')'));
}

Result<QString> ExpressionCompiler::operand(const SqlExpression &e, Context context, const TypeSpec &type,
                                            bool parenthesize) const
{
    Result<QString> text = e.kind == SqlExpression::Kind::Literal ? literal(e.value, e.type.isNull() ? type : e.type)
                                                                  : compile(e, context);
    if (!text || !parenthesize)
        return text;
    return QString(QLatin1Char('(') + text.value() + QLatin1Char(')'));
}

Result<QString> ExpressionCompiler::binary(const SqlExpression &e, Context context) const
{
    if (e.operands.size() != 2)
        return Result<QString>::failure(QStringLiteral("cannot render the expression %1 natively").arg(e.toDebugString()));
    const SqlExpression &left = e.operands[0];
    const SqlExpression &right = e.operands[1];
    QString op = e.text;
    const bool rightIsNull = right.kind == SqlExpression::Kind::Null
        || (right.kind == SqlExpression::Kind::Literal && right.value.isNone() && !right.inlineLiteral);
    if (rightIsNull && op == QLatin1String("="))
        op = QStringLiteral("IS");
    else if (rightIsNull && op == QLatin1String("!="))
        op = QStringLiteral("IS NOT");
    const auto isComplex = [](const SqlExpression &x) {
        return x.kind == SqlExpression::Kind::Binary || x.kind == SqlExpression::Kind::BoolList;
    };
    const Result<QString> l = operand(left, context, TypeSpec(), isComplex(left));
    if (!l)
        return l;
    const Result<QString> r = rightIsNull ? Result<QString>(QStringLiteral("NULL"))
                                          : operand(right, context, TypeSpec(), isComplex(right));
    if (!r)
        return r;
    return QString(l.value() + QLatin1Char(' ') + op + QLatin1Char(' ') + r.value());
}

} // namespace Retort
