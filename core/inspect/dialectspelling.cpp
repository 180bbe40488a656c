// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/dialectspelling.h"

#include <QRegularExpression>
#include <QSet>

namespace Retort {

namespace {

// One space between words, none just inside parentheses or after commas: "NUMERIC(12, 2)"
// and "numeric(12,2)" differ only in spacing. Text inside single quotes is left alone
// (ENUM values).
QString compact(const QString &text)
{
    const QString simple = text.simplified();
    QString out;
    bool quoted = false;
    for (qsizetype i = 0; i < simple.size(); ++i) {
        const QChar c = simple.at(i);
        if (c == QLatin1Char('\''))
            quoted = !quoted;
        if (!quoted && c == QLatin1Char(' ')) {
            const QChar before = out.isEmpty() ? QChar() : out.back();
            const QChar after = i + 1 < simple.size() ? simple.at(i + 1) : QChar();
            if (before == QLatin1Char('(') || before == QLatin1Char(',') || after == QLatin1Char(')') ||
                after == QLatin1Char(','))
                continue;
            // "VARCHAR (50)" is the same type as "VARCHAR(50)".
            if (after == QLatin1Char('('))
                continue;
        }
        out += c;
    }
    return out;
}

// Lower case outside single quotes.
QString lowerOutsideQuotes(const QString &text)
{
    QString out;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('\''))
            quoted = !quoted;
        out += quoted ? c : c.toLower();
    }
    return out;
}

QString upperOutsideQuotes(const QString &text)
{
    QString out;
    bool quoted = false;
    for (const QChar c : text) {
        if (c == QLatin1Char('\''))
            quoted = !quoted;
        out += quoted ? c : c.toUpper();
    }
    return out;
}

// name, the text inside the first parentheses, and what follows them.
struct TypeParts
{
    QString name;
    QString params;
    QString rest;
    bool hasParams = false;
};

TypeParts split(const QString &type)
{
    TypeParts parts;
    const qsizetype open = type.indexOf(QLatin1Char('('));
    if (open < 0) {
        parts.name = type.trimmed();
        return parts;
    }
    // The matching parenthesis, skipping quoted text (ENUM('a)', 'b')).
    int depth = 0;
    bool quoted = false;
    qsizetype close = -1;
    for (qsizetype i = open; i < type.size(); ++i) {
        const QChar c = type.at(i);
        if (c == QLatin1Char('\''))
            quoted = !quoted;
        if (quoted)
            continue;
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')') && --depth == 0) {
            close = i;
            break;
        }
    }
    if (close < 0) {
        parts.name = type.trimmed();
        return parts;
    }
    parts.name = type.left(open).trimmed();
    parts.params = type.mid(open + 1, close - open - 1);
    parts.rest = type.mid(close + 1).trimmed();
    parts.hasParams = true;
    return parts;
}

QString withParams(const QString &name, const QString &params)
{
    return params.isEmpty() ? name : name + QLatin1Char('(') + params + QLatin1Char(')');
}

QString postgresqlType(const QString &spelling)
{
    QString text = compact(spelling);
    QString arraySuffix;
    while (text.endsWith(QLatin1String("[]"))) {
        text.chop(2);
        // format_type() prints one [] whatever the number of dimensions.
        arraySuffix = QStringLiteral("[]");
    }
    TypeParts parts = split(text);
    // "TIMESTAMP WITH TIME ZONE": the words after the type name are its options.
    static const QRegularExpression zoned(QStringLiteral("^(timestamp|time)\\s+(with|without)\\s"),
                                          QRegularExpression::CaseInsensitiveOption);
    if (!parts.hasParams && zoned.match(parts.name).hasMatch()) {
        const qsizetype space = parts.name.indexOf(QLatin1Char(' '));
        parts.rest = parts.name.mid(space + 1);
        parts.name = parts.name.left(space);
    }
    const QString name = parts.name.toLower();
    const QString rest = parts.rest.toLower();
    QString params = parts.params;
    QString out;

    static const QSet<QString> builtins = {
        QStringLiteral("text"), QStringLiteral("date"), QStringLiteral("bytea"), QStringLiteral("json"),
        QStringLiteral("jsonb"), QStringLiteral("uuid"), QStringLiteral("inet"), QStringLiteral("cidr"),
        QStringLiteral("macaddr"), QStringLiteral("money"), QStringLiteral("xml"), QStringLiteral("tsvector"),
        QStringLiteral("tsquery"), QStringLiteral("oid"), QStringLiteral("bit"), QStringLiteral("bit varying"),
        QStringLiteral("point"), QStringLiteral("line"), QStringLiteral("box"), QStringLiteral("circle"),
        QStringLiteral("polygon"), QStringLiteral("path"), QStringLiteral("citext"), QStringLiteral("hstore"),
        QStringLiteral("int4range"), QStringLiteral("int8range"), QStringLiteral("numrange"),
        QStringLiteral("daterange"), QStringLiteral("tsrange"), QStringLiteral("tstzrange"),
    };

    if (name == QLatin1String("varchar") || name == QLatin1String("character varying")) {
        out = withParams(QStringLiteral("character varying"), params);
    } else if (name == QLatin1String("char") || name == QLatin1String("character") ||
               name == QLatin1String("bpchar")) {
        out = withParams(QStringLiteral("character"), params.isEmpty() ? QStringLiteral("1") : params);
    } else if (name == QLatin1String("int") || name == QLatin1String("integer") || name == QLatin1String("int4") ||
               name == QLatin1String("serial") || name == QLatin1String("serial4")) {
        out = QStringLiteral("integer");
    } else if (name == QLatin1String("bigint") || name == QLatin1String("int8") ||
               name == QLatin1String("bigserial") || name == QLatin1String("serial8")) {
        out = QStringLiteral("bigint");
    } else if (name == QLatin1String("smallint") || name == QLatin1String("int2") ||
               name == QLatin1String("smallserial") || name == QLatin1String("serial2")) {
        out = QStringLiteral("smallint");
    } else if (name == QLatin1String("bool") || name == QLatin1String("boolean")) {
        out = QStringLiteral("boolean");
    } else if (name == QLatin1String("float")) {
        // FLOAT(p): single precision up to 24 binary digits, double above (and without p).
        out = !params.isEmpty() && params.toInt() <= 24 ? QStringLiteral("real") : QStringLiteral("double precision");
    } else if (name == QLatin1String("float8") || name == QLatin1String("double precision") ||
               name == QLatin1String("double")) {
        out = QStringLiteral("double precision");
    } else if (name == QLatin1String("float4") || name == QLatin1String("real")) {
        out = QStringLiteral("real");
    } else if (name == QLatin1String("numeric") || name == QLatin1String("decimal")) {
        out = withParams(QStringLiteral("numeric"), params);
    } else if (name == QLatin1String("timestamp") || name == QLatin1String("timestamptz") ||
               name == QLatin1String("time") || name == QLatin1String("timetz")) {
        const bool zoned = name.endsWith(QLatin1String("tz")) ||
                           (rest.contains(QLatin1String("with time zone")) && !rest.contains(QLatin1String("without")));
        const QString base = name.startsWith(QLatin1String("timestamp")) ? QStringLiteral("timestamp")
                                                                          : QStringLiteral("time");
        out = withParams(base, params) +
              (zoned ? QStringLiteral(" with time zone") : QStringLiteral(" without time zone"));
    } else if (name == QLatin1String("interval")) {
        out = QStringLiteral("interval") + (rest.isEmpty() ? QString() : QLatin1Char(' ') + rest) +
              (params.isEmpty() ? QString() : QLatin1Char('(') + params + QLatin1Char(')'));
    } else if (name == QLatin1String("varbit")) {
        out = withParams(QStringLiteral("bit varying"), params);
    } else if (builtins.contains(name)) {
        out = withParams(name, params);
    } else {
        // An enum or other user-defined type: its name as written (format_type quotes
        // mixed case names as the DDL did).
        out = text;
    }
    return out + arraySuffix;
}

QString mysqlType(const QString &spelling)
{
    QString text = compact(spelling);
    // The character set and collation of a string column are table/server defaults
    // more often than not: not part of the type compared here.
    static const QRegularExpression charset(
        QStringLiteral("\\s+(CHARACTER SET|CHARSET|COLLATE)\\s+\\S+"),
        QRegularExpression::CaseInsensitiveOption);
    text.remove(charset);
    const TypeParts parts = split(text);
    const QString name = parts.name.toLower();
    QString params = parts.params;
    const QString rest = parts.rest.toLower();
    const QString suffix = rest.isEmpty() ? QString() : QLatin1Char(' ') + rest;

    static const QSet<QString> integers = {QStringLiteral("bigint"), QStringLiteral("smallint"),
                                           QStringLiteral("mediumint"), QStringLiteral("tinyint")};
    if (name == QLatin1String("int") || name == QLatin1String("integer"))
        return QStringLiteral("int") + suffix;
    if (integers.contains(name)) {
        // tinyint(1) is how BOOL is stored and reported; other display widths are noise.
        if (name == QLatin1String("tinyint") && params == QLatin1String("1"))
            return QStringLiteral("tinyint(1)") + suffix;
        return name + suffix;
    }
    if (name == QLatin1String("bool") || name == QLatin1String("boolean"))
        return QStringLiteral("tinyint(1)");
    if (name == QLatin1String("numeric") || name == QLatin1String("decimal") || name == QLatin1String("dec") ||
        name == QLatin1String("fixed")) {
        if (params.isEmpty())
            params = QStringLiteral("10,0");
        else if (!params.contains(QLatin1Char(',')))
            params += QStringLiteral(",0");
        return withParams(QStringLiteral("decimal"), params) + suffix;
    }
    if (name == QLatin1String("real") || name == QLatin1String("double") ||
        name == QLatin1String("double precision"))
        return withParams(QStringLiteral("double"), params) + suffix;
    if (name == QLatin1String("float")) {
        if (!params.isEmpty() && !params.contains(QLatin1Char(',')))
            return (params.toInt() <= 24 ? QStringLiteral("float") : QStringLiteral("double")) + suffix;
        return withParams(QStringLiteral("float"), params) + suffix;
    }
    if (name == QLatin1String("char") || name == QLatin1String("character") || name == QLatin1String("nchar") ||
        name == QLatin1String("national char"))
        return withParams(QStringLiteral("char"), params.isEmpty() ? QStringLiteral("1") : params);
    if (name == QLatin1String("varchar") || name == QLatin1String("character varying") ||
        name == QLatin1String("nvarchar") || name == QLatin1String("national varchar"))
        return withParams(QStringLiteral("varchar"), params);
    if (name == QLatin1String("json"))
        return QStringLiteral("longtext"); // MariaDB: an alias of LONGTEXT (plus a CHECK)
    if (name == QLatin1String("year") && params.isEmpty())
        return QStringLiteral("year(4)");
    if (name == QLatin1String("bit") && params.isEmpty())
        return QStringLiteral("bit(1)");
    if (name == QLatin1String("enum") || name == QLatin1String("set"))
        return name + QLatin1Char('(') + params + QLatin1Char(')');
    return lowerOutsideQuotes(text);
}

bool wrappedInParentheses(const QString &text)
{
    if (!text.startsWith(QLatin1Char('(')) || !text.endsWith(QLatin1Char(')')))
        return false;
    int depth = 0;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\''))
            quoted = !quoted;
        if (quoted)
            continue;
        if (c == QLatin1Char('('))
            ++depth;
        else if (c == QLatin1Char(')') && --depth == 0 && i != text.size() - 1)
            return false;
    }
    return true;
}

QString withoutOuterParentheses(QString text)
{
    while (wrappedInParentheses(text))
        text = text.mid(1, text.size() - 2).trimmed();
    return text;
}

} // namespace

QString DialectSpelling::type(const QString &dialect, const QString &spelling)
{
    if (dialect == QLatin1String("postgresql"))
        return postgresqlType(spelling);
    if (dialect == QLatin1String("mysql"))
        return mysqlType(spelling);
    return upperOutsideQuotes(compact(spelling));
}

QString DialectSpelling::serverDefault(const QString &dialect, const QString &expression)
{
    QString text = withoutOuterParentheses(expression.trimmed());
    if (dialect == QLatin1String("postgresql")) {
        // pg_get_expr() appends the column's type to literals: 'x'::character varying,
        // '2024-01-01'::date, (0)::numeric.
        static const QRegularExpression cast(
            QStringLiteral("::\\s*(\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_ .]*)(\\([0-9, ]*\\))?(\\[\\])?$"));
        while (true) {
            const QRegularExpressionMatch m = cast.match(text);
            if (!m.hasMatch())
                break;
            const QString before = text.left(m.capturedStart()).trimmed();
            // Only a cast of the whole expression (a literal or a parenthesised term).
            if (!(before.startsWith(QLatin1Char('\'')) && before.endsWith(QLatin1Char('\''))) &&
                !wrappedInParentheses(before) && !before.contains(QRegularExpression(QStringLiteral("^-?[0-9.]+$"))) &&
                before.compare(QLatin1String("NULL"), Qt::CaseInsensitive) != 0)
                break;
            text = withoutOuterParentheses(before);
        }
    }
    static const QRegularExpression currentTimestamp(QStringLiteral("^current_timestamp(\\(\\))?$"),
                                                     QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression quotedNumber(QStringLiteral("^'(-?[0-9]+(\\.[0-9]+)?)'$"));
    if (text.compare(QLatin1String("NULL"), Qt::CaseInsensitive) == 0)
        return QString(); // DEFAULT NULL is what a column without a default gets
    if (currentTimestamp.match(text).hasMatch())
        return QStringLiteral("CURRENT_TIMESTAMP");
    if (dialect == QLatin1String("mysql") && text.compare(QLatin1String("now()"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("CURRENT_TIMESTAMP");
    if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
        return dialect == QLatin1String("mysql") ? QStringLiteral("1") : QStringLiteral("true");
    if (text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
        return dialect == QLatin1String("mysql") ? QStringLiteral("0") : QStringLiteral("false");
    const QRegularExpressionMatch number = quotedNumber.match(text);
    if (number.hasMatch())
        text = number.captured(1);
    // MariaDB reports a DECIMAL(12,2) default of 0 as 0.00: the same number.
    static const QRegularExpression decimal(QStringLiteral("^-?[0-9]+\\.[0-9]+$"));
    if (decimal.match(text).hasMatch()) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(QLatin1Char('.')))
            text.chop(1);
    }
    return compact(text);
}

QString DialectSpelling::referentialAction(const QString &dialect, const QString &action)
{
    const QString upper = action.simplified().toUpper();
    if (upper == QLatin1String("NO ACTION"))
        return QString();
    // InnoDB has no deferred checks: RESTRICT is NO ACTION, and what it reports for
    // "none given".
    if (dialect == QLatin1String("mysql") && upper == QLatin1String("RESTRICT"))
        return QString();
    return upper;
}

QString DialectSpelling::checkExpression(const QString &expression)
{
    QString text = expression.simplified();
    if (text.startsWith(QLatin1String("CHECK"), Qt::CaseInsensitive) &&
        (text.size() == 5 || text.at(5) == QLatin1Char(' ') || text.at(5) == QLatin1Char('(')))
        text = text.mid(5).trimmed();
    return compact(withoutOuterParentheses(text));
}

QString DialectSpelling::expression(const QString &expression)
{
    return compact(withoutOuterParentheses(expression.simplified()));
}

} // namespace Retort
