// SPDX-License-Identifier: GPL-3.0-or-later
#include "ops/sqlvalue.h"
#include "util/pythonrepr.h"

namespace Retort {

namespace {

QString bytesRepr(const QByteArray &b)
{
    QString out = QStringLiteral("b'");
    for (const char ch : b) {
        const uchar c = uchar(ch);
        if (c == '\\' || c == '\'')
            out += QLatin1Char('\\') + QLatin1Char(char(c));
        else if (c == '\n')
            out += QLatin1String("\\n");
        else if (c >= 0x20 && c < 0x7f)
            out += QLatin1Char(char(c));
        else
            out += QStringLiteral("\\x%1").arg(c, 2, 16, QLatin1Char('0'));
    }
    out += QLatin1Char('\'');
    return out;
}

QString timeArgs(const QTime &t, int microsecond)
{
    QString s = QString::number(t.hour()) + QLatin1String(", ") + QString::number(t.minute());
    if (t.second() || microsecond)
        s += QLatin1String(", ") + QString::number(t.second());
    if (microsecond)
        s += QLatin1String(", ") + QString::number(microsecond);
    return s;
}

} // namespace

QString SqlValue::pythonRepr() const
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("None");
    case Kind::Bool:
        return boolean ? QStringLiteral("True") : QStringLiteral("False");
    case Kind::Int:
    case Kind::Float:
        return text;
    case Kind::Decimal:
        return QStringLiteral("Decimal('") + text + QStringLiteral("')");
    case Kind::String:
        return Retort::pythonRepr(text);
    case Kind::Bytes:
        return bytesRepr(bytes);
    case Kind::Date:
        return QStringLiteral("datetime.date(%1, %2, %3)")
            .arg(date.year())
            .arg(date.month())
            .arg(date.day());
    case Kind::Time:
        return QStringLiteral("datetime.time(") + timeArgs(time, microsecond) +
               QLatin1Char(')');
    case Kind::DateTime:
        return QStringLiteral("datetime.datetime(%1, %2, %3, ")
                   .arg(date.year())
                   .arg(date.month())
                   .arg(date.day()) +
               timeArgs(time, microsecond) + QLatin1Char(')');
    }
    return QString();
}

} // namespace Retort
