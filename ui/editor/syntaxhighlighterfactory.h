// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sql/sqldialect.h"

#include <QString>

class QPalette;
class QSyntaxHighlighter;
class QTextDocument;

namespace Retort {

// Makes the syntax highlighter of a code view. KSyntaxHighlighting's when the build
// found KF6SyntaxHighlighting (definition "Python", or "SQL (PostgreSQL)",
// "SQL (MySQL)", "SQL"; its light or dark default theme chosen from the palette), else
// Retort's BuiltinHighlighter. The highlighter is parented to the document.
// GUI thread only.
class SyntaxHighlighterFactory
{
public:
    enum class Backend { KSyntaxHighlighting, BuiltIn };
    enum class Language { Python, Sql };

    // The backend this build uses.
    static Backend backend();
    static QString backendName(Backend backend);

    // A highlighter for the document; dialect matters for Language::Sql only.
    static QSyntaxHighlighter *create(QTextDocument *document, Language language,
                                      SqlDialect dialect, const QPalette &palette);
    // Re-colours an existing highlighter for a new palette (light/dark switch).
    static void applyPalette(QSyntaxHighlighter *highlighter, const QPalette &palette);
    // Which backend made this highlighter.
    static Backend backendOf(const QSyntaxHighlighter *highlighter);

    // KSyntaxHighlighting's definition name for the language and dialect.
    static QString definitionName(Language language, SqlDialect dialect);
    // Whether the palette is a dark one (its window colour is dark).
    static bool isDark(const QPalette &palette);
};

} // namespace Retort
