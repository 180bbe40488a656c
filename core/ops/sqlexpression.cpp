// SPDX-License-Identifier: GPL-3.0-or-later
#include "ops/sqlexpression.h"

#include <QStringList>

namespace Retort {

namespace {

QString quoted(const QString &text)
{
    return SqlValue::fromString(text).pythonRepr();
}

QString joined(const std::vector<SqlExpression> &operands)
{
    QStringList parts;
    for (const SqlExpression &operand : operands)
        parts.append(operand.toDebugString());
    return parts.join(QLatin1String(", "));
}

} // namespace

QString SqlExpression::toDebugString() const
{
    switch (kind) {
    case Kind::Text:
        return QStringLiteral("text(") + quoted(text) + QLatin1Char(')');
    case Kind::String:
        return QStringLiteral("str(") + quoted(text) + QLatin1Char(')');
    case Kind::Literal: {
        QString s = value.pythonRepr();
        if (inlineLiteral) {
            s = QStringLiteral("inline_literal(") + s;
            if (!type.isNull())
                s += QStringLiteral(", type_=") + type.qualifiedName();
            s += QLatin1Char(')');
        }
        return s;
    }
    case Kind::Column:
        return QStringLiteral("column(") + (table.isEmpty() ? QString() : table + QLatin1Char('.')) +
               text + QLatin1Char(')');
    case Kind::Function:
        return QStringLiteral("func.") + text + QLatin1Char('(') + joined(operands) +
               QLatin1Char(')');
    case Kind::True:
        return QStringLiteral("true()");
    case Kind::False:
        return QStringLiteral("false()");
    case Kind::Null:
        return QStringLiteral("null()");
    case Kind::Binary:
        if (operands.size() == 2)
            return QLatin1Char('(') + operands[0].toDebugString() + QLatin1Char(' ') + text +
                   QLatin1Char(' ') + operands[1].toDebugString() + QLatin1Char(')');
        break;
    case Kind::BoolList: {
        QStringList parts;
        for (const SqlExpression &operand : operands)
            parts.append(operand.toDebugString());
        return QLatin1Char('(') + parts.join(QLatin1Char(' ') + text + QLatin1Char(' ')) +
               QLatin1Char(')');
    }
    case Kind::Not:
        return QStringLiteral("not_(") + joined(operands) + QLatin1Char(')');
    case Kind::Tuple:
        return QLatin1Char('[') + joined(operands) + QLatin1Char(']');
    case Kind::Cast:
        return QStringLiteral("cast(") + joined(operands) + QStringLiteral(", ") +
               type.qualifiedName() + QLatin1Char(')');
    case Kind::Label:
        return joined(operands) + QStringLiteral(".label(") + quoted(text) + QLatin1Char(')');
    case Kind::Desc:
        return joined(operands) + QStringLiteral(".desc()");
    case Kind::Asc:
        return joined(operands) + QStringLiteral(".asc()");
    }
    return QStringLiteral("<?>");
}

bool SqlExpression::operator==(const SqlExpression &other) const
{
    return kind == other.kind && text == other.text && value == other.value &&
           inlineLiteral == other.inlineLiteral && table == other.table && type == other.type &&
           operands == other.operands;
}

} // namespace Retort
