// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/syntaxhighlighterfactory.h"

#include "editor/builtinhighlighter.h"

#include <QPalette>
#include <QSyntaxHighlighter>

#ifdef RETORT_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

namespace Retort {

#ifdef RETORT_HAVE_KSYNTAXHIGHLIGHTING
namespace {

// Loading the definitions takes a while: one repository for the whole program.
KSyntaxHighlighting::Repository &repository()
{
    static KSyntaxHighlighting::Repository instance;
    return instance;
}

KSyntaxHighlighting::Theme themeFor(const QPalette &palette)
{
    return repository().defaultTheme(SyntaxHighlighterFactory::isDark(palette)
                                         ? KSyntaxHighlighting::Repository::DarkTheme
                                         : KSyntaxHighlighting::Repository::LightTheme);
}

} // namespace
#endif

SyntaxHighlighterFactory::Backend SyntaxHighlighterFactory::backend()
{
#ifdef RETORT_HAVE_KSYNTAXHIGHLIGHTING
    return Backend::KSyntaxHighlighting;
#else
    return Backend::BuiltIn;
#endif
}

QString SyntaxHighlighterFactory::backendName(Backend backend)
{
    return backend == Backend::KSyntaxHighlighting ? QStringLiteral("KSyntaxHighlighting")
                                                   : QStringLiteral("built-in");
}

QString SyntaxHighlighterFactory::definitionName(Language language, SqlDialect dialect)
{
    if (language == Language::Python)
        return QStringLiteral("Python");
    switch (dialect) {
    case SqlDialect::PostgreSql:
        return QStringLiteral("SQL (PostgreSQL)");
    case SqlDialect::MySql:
        return QStringLiteral("SQL (MySQL)");
    case SqlDialect::Sqlite:
        break;
    }
    return QStringLiteral("SQL");
}

bool SyntaxHighlighterFactory::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QSyntaxHighlighter *SyntaxHighlighterFactory::create(QTextDocument *document, Language language,
                                                     SqlDialect dialect, const QPalette &palette)
{
#ifdef RETORT_HAVE_KSYNTAXHIGHLIGHTING
    auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document);
    highlighter->setTheme(themeFor(palette));
    KSyntaxHighlighting::Definition definition =
        repository().definitionForName(definitionName(language, dialect));
    if (!definition.isValid())
        definition = repository().definitionForName(QStringLiteral("SQL"));
    highlighter->setDefinition(definition);
    return highlighter;
#else
    Q_UNUSED(dialect)
    return new BuiltinHighlighter(document,
                                  language == Language::Python ? BuiltinHighlighter::Language::Python
                                                               : BuiltinHighlighter::Language::Sql,
                                  palette);
#endif
}

void SyntaxHighlighterFactory::applyPalette(QSyntaxHighlighter *highlighter, const QPalette &palette)
{
    if (auto *builtin = qobject_cast<BuiltinHighlighter *>(highlighter)) {
        builtin->setPalette(palette);
        return;
    }
#ifdef RETORT_HAVE_KSYNTAXHIGHLIGHTING
    if (auto *ksh = qobject_cast<KSyntaxHighlighting::SyntaxHighlighter *>(highlighter)) {
        const KSyntaxHighlighting::Theme theme = themeFor(palette);
        if (ksh->theme().name() != theme.name()) {
            ksh->setTheme(theme);
            ksh->rehighlight();
        }
    }
#endif
}

SyntaxHighlighterFactory::Backend SyntaxHighlighterFactory::backendOf(const QSyntaxHighlighter *highlighter)
{
#ifdef RETORT_HAVE_KSYNTAXHIGHLIGHTING
    if (qobject_cast<const KSyntaxHighlighting::SyntaxHighlighter *>(highlighter))
        return Backend::KSyntaxHighlighting;
#else
    Q_UNUSED(highlighter)
#endif
    return Backend::BuiltIn;
}

} // namespace Retort
