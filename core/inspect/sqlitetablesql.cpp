// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/sqlitetablesql.h"

namespace Retort {

namespace {

struct Token
{
    enum class Type { Word, Identifier, String, Group, Symbol };
    Type type = Type::Symbol;
    QString text;   // Identifier: unquoted; Group: the text inside the parentheses
    qsizetype start = 0;
    qsizetype end = 0; // one past the last character

    bool isWord(const char *word) const
    {
        return type == Type::Word && text.compare(QLatin1String(word), Qt::CaseInsensitive) == 0;
    }
    bool isName() const { return type == Type::Word || type == Type::Identifier || type == Type::String; }
};

// The end of a quoted run starting at `from` (the opening quote), doubled quotes inside.
qsizetype quotedEnd(const QString &sql, qsizetype from, QChar close)
{
    qsizetype i = from + 1;
    while (i < sql.size()) {
        if (sql.at(i) == close) {
            if (close != QLatin1Char(']') && i + 1 < sql.size() && sql.at(i + 1) == close) {
                i += 2;
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return sql.size();
}

QString unquoted(const QString &quoted, QChar close)
{
    QString inner = quoted.mid(1, quoted.size() - 2);
    if (close != QLatin1Char(']'))
        inner.replace(QString(2, close), QString(close));
    return inner;
}

// Top-level tokens of `sql`; a parenthesised run is one Group token.
QList<Token> tokenize(const QString &sql)
{
    QList<Token> tokens;
    qsizetype i = 0;
    while (i < sql.size()) {
        const QChar c = sql.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        Token t;
        t.start = i;
        if (c == QLatin1Char('-') && i + 1 < sql.size() && sql.at(i + 1) == QLatin1Char('-')) {
            const qsizetype eol = sql.indexOf(QLatin1Char('\n'), i);
            i = eol < 0 ? sql.size() : eol + 1;
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('[')) {
            const QChar close = c == QLatin1Char('[') ? QLatin1Char(']') : c;
            t.end = quotedEnd(sql, i, close);
            t.type = Token::Type::Identifier;
            t.text = unquoted(sql.mid(i, t.end - i), close);
        } else if (c == QLatin1Char('\'')) {
            t.end = quotedEnd(sql, i, c);
            t.type = Token::Type::String;
            t.text = sql.mid(i, t.end - i);
        } else if (c == QLatin1Char('(')) {
            int depth = 0;
            qsizetype j = i;
            while (j < sql.size()) {
                const QChar d = sql.at(j);
                if (d == QLatin1Char('\'') || d == QLatin1Char('"') || d == QLatin1Char('`')) {
                    j = quotedEnd(sql, j, d);
                    continue;
                }
                if (d == QLatin1Char('('))
                    ++depth;
                else if (d == QLatin1Char(')') && --depth == 0)
                    break;
                ++j;
            }
            t.end = qMin(j + 1, sql.size());
            t.type = Token::Type::Group;
            t.text = sql.mid(i + 1, j - i - 1);
        } else if (c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('$')) {
            qsizetype j = i;
            while (j < sql.size() && (sql.at(j).isLetterOrNumber() || sql.at(j) == QLatin1Char('_') ||
                                      sql.at(j) == QLatin1Char('$')))
                ++j;
            t.end = j;
            t.type = Token::Type::Word;
            t.text = sql.mid(i, j - i);
        } else {
            t.end = i + 1;
            t.type = Token::Type::Symbol;
            t.text = QString(c);
        }
        i = t.end;
        tokens.append(t);
    }
    return tokens;
}

// `sql` cut at its top-level commas.
QStringList splitTopLevel(const QString &sql)
{
    QStringList parts;
    qsizetype from = 0;
    for (const Token &t : tokenize(sql)) {
        if (t.type == Token::Type::Symbol && t.text == QLatin1String(",")) {
            parts.append(sql.mid(from, t.start - from).trimmed());
            from = t.end;
        }
    }
    const QString last = sql.mid(from).trimmed();
    if (!last.isEmpty())
        parts.append(last);
    return parts;
}

// The column names of "(a, "b c", [d] DESC)".
QStringList columnNames(const QString &list)
{
    QStringList names;
    for (const QString &part : splitTopLevel(list)) {
        const QList<Token> tokens = tokenize(part);
        if (!tokens.isEmpty() && tokens.first().isName())
            names.append(tokens.first().text);
    }
    return names;
}

QString nameAt(const QList<Token> &tokens, qsizetype i)
{
    return i < tokens.size() && tokens.at(i).isName() ? tokens.at(i).text : QString();
}

const Token *groupAfter(const QList<Token> &tokens, qsizetype from)
{
    for (qsizetype i = from; i < tokens.size(); ++i) {
        if (tokens.at(i).type == Token::Type::Group)
            return &tokens.at(i);
    }
    return nullptr;
}

void parseColumn(SqliteTableSql &out, const QList<Token> &tokens)
{
    const QString column = nameAt(tokens, 0);
    QString pendingName;
    for (qsizetype i = 1; i < tokens.size(); ++i) {
        const Token &t = tokens.at(i);
        if (t.isWord("CONSTRAINT")) {
            pendingName = nameAt(tokens, i + 1);
            ++i;
        } else if (t.isWord("CHECK") && i + 1 < tokens.size() && tokens.at(i + 1).type == Token::Type::Group) {
            out.checks.append({pendingName, {column}, tokens.at(i + 1).text.trimmed()});
            pendingName.clear();
            ++i;
        } else if (t.isWord("UNIQUE")) {
            out.uniques.append({pendingName, {column}, QString()});
            pendingName.clear();
        } else if (t.isWord("PRIMARY")) {
            if (!pendingName.isEmpty())
                out.primaryKeyName = pendingName;
            pendingName.clear();
        } else if (t.isWord("REFERENCES")) {
            out.foreignKeys.append({pendingName, {column}, QString()});
            pendingName.clear();
        } else if (t.isWord("AUTOINCREMENT")) {
            out.autoincrementColumns.insert(column);
        }
    }
}

} // namespace

SqliteTableSql SqliteTableSql::parse(const QString &createTable)
{
    SqliteTableSql out;
    const QList<Token> statement = tokenize(createTable);
    const Token *body = groupAfter(statement, 0);
    if (!body)
        return out;
    for (const QString &element : splitTopLevel(body->text)) {
        const QList<Token> tokens = tokenize(element);
        if (tokens.isEmpty())
            continue;
        qsizetype i = 0;
        QString name;
        if (tokens.first().isWord("CONSTRAINT")) {
            name = nameAt(tokens, 1);
            i = 2;
        }
        if (i >= tokens.size())
            continue;
        const Token &kind = tokens.at(i);
        if (kind.isWord("PRIMARY")) {
            out.primaryKeyName = name;
        } else if (kind.isWord("UNIQUE")) {
            if (const Token *group = groupAfter(tokens, i + 1))
                out.uniques.append({name, columnNames(group->text), QString()});
        } else if (kind.isWord("CHECK")) {
            if (const Token *group = groupAfter(tokens, i + 1))
                out.checks.append({name, {}, group->text.trimmed()});
        } else if (kind.isWord("FOREIGN")) {
            if (const Token *group = groupAfter(tokens, i + 1))
                out.foreignKeys.append({name, columnNames(group->text), QString()});
        } else if (i == 0) {
            parseColumn(out, tokens);
        }
    }
    return out;
}

QString SqliteTableSql::nameFor(const QList<Constraint> &list, const QStringList &columns)
{
    for (const Constraint &c : list) {
        if (c.columns == columns)
            return c.name;
    }
    return QString();
}

SqliteIndexSql SqliteIndexSql::parse(const QString &createIndex)
{
    SqliteIndexSql out;
    const QList<Token> tokens = tokenize(createIndex);
    qsizetype i = 0;
    while (i < tokens.size() && !tokens.at(i).isWord("ON"))
        ++i;
    for (++i; i < tokens.size(); ++i) {
        if (tokens.at(i).type == Token::Type::Group)
            break;
    }
    if (i >= tokens.size())
        return out;
    for (const QString &term : splitTopLevel(tokens.at(i).text)) {
        const QList<Token> parts = tokenize(term);
        // A plain (possibly quoted) column with ASC/DESC/COLLATE after it: its name,
        // unquoted, keeps the ordering words; an expression stays as written.
        if (!parts.isEmpty() && (parts.first().type == Token::Type::Word ||
                                 parts.first().type == Token::Type::Identifier) &&
            (parts.size() == 1 || parts.at(1).type == Token::Type::Word)) {
            QString text = parts.first().text;
            if (parts.size() > 1)
                text += QLatin1Char(' ') + term.mid(parts.at(1).start).simplified().toUpper();
            out.expressions.append(text);
        } else {
            out.expressions.append(term.simplified());
        }
    }
    for (qsizetype j = i + 1; j < tokens.size(); ++j) {
        if (tokens.at(j).isWord("WHERE")) {
            out.where = createIndex.mid(tokens.at(j).end).trimmed();
            break;
        }
    }
    return out;
}

} // namespace Retort
