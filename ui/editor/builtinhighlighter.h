// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

class QPalette;

namespace Retort {

// The fallback highlighter when KSyntaxHighlighting is not available: Python (keywords,
// builtins, strings including triple-quoted ones across lines, comments, numbers,
// decorators) or SQL (keywords, strings, quoted identifiers, -- and /* */ comments,
// numbers), coloured to suit a light or dark palette. Owned by its document's parent
// like any QSyntaxHighlighter; GUI thread only.
class BuiltinHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    enum class Language { Python, Sql };

    BuiltinHighlighter(QTextDocument *document, Language language, const QPalette &palette);

    Language language() const { return m_language; }
    void setPalette(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    // Block states: what a line leaves open for the next one.
    enum State { Normal = 0, InTripleSingle = 1, InTripleDouble = 2, InBlockComment = 3 };

    void highlightPython(const QString &text);
    void highlightSql(const QString &text);
    // Colours keywords and numbers in text[from, to) outside strings and comments.
    void highlightWords(const QString &text, qsizetype from, qsizetype to);

    Language m_language;
    QTextCharFormat m_keyword;
    QTextCharFormat m_builtin;
    QTextCharFormat m_string;
    QTextCharFormat m_comment;
    QTextCharFormat m_number;
    QTextCharFormat m_decorator;
    QTextCharFormat m_identifier; // SQL quoted identifiers, Python def/class names
    QRegularExpression m_word;
};

} // namespace Retort
