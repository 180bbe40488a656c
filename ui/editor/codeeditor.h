// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sql/sqldialect.h"
#include "util/diagnostic.h"

#include <QPlainTextEdit>
#include <QTextDocument>

class QSyntaxHighlighter;

namespace Retort {

class FindBar;

// A source view for migration scripts and SQL: line-number gutter, current-line
// highlight, the system's fixed-width font with tab stops of 4, a find bar (Ctrl+F,
// F3/Shift+F3, Escape closes), diagnostics underlined with wavy lines (tooltips give
// the message), and revision ids in `revision`, `down_revision` and `depends_on`
// assignments as links (Ctrl+click, link cursor on Ctrl+hover) that emit
// revisionLinkActivated(). Highlighting comes from SyntaxHighlighterFactory and
// follows palette changes. GUI thread only; owns its gutter, find bar and highlighter.
class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    enum class Language { PlainText, Python, Sql };

    explicit CodeEditor(QWidget *parent = nullptr);
    ~CodeEditor() override;

    void setLanguage(Language language, SqlDialect dialect = SqlDialect::Sqlite);
    Language language() const { return m_language; }
    QSyntaxHighlighter *highlighter() const { return m_highlighter; }

    // Diagnostics of this file (file names are not compared); replaced as a whole.
    void setDiagnostics(const Diagnostics &diagnostics);
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    // The wavy underlines, one per diagnostic (for tests and tooltips).
    QList<QTextEdit::ExtraSelection> diagnosticSelections() const { return m_diagnosticSelections; }
    // The message of the diagnostic under a document position, or empty.
    QString diagnosticTextAt(int position) const;

    // Moves the cursor to a 1-based line and column and shows it.
    void goToLine(int line, int column = 1);

    // The revision id under a document position when it is a string inside a
    // `revision`, `down_revision` or `depends_on` assignment, else empty.
    QString revisionLinkAt(int position) const;

    FindBar *findBar() const { return m_findBar; }
    void showFindBar();
    // Finds the next (or previous) match of the find bar's text from the cursor,
    // wrapping around; false when there is none.
    bool findNext(bool backward = false);
    // Matches of the find bar's text highlighted by "highlight all" (for tests).
    int highlightedMatchCount() const { return int(m_findSelections.size()); }

    int lineNumberAreaWidth() const;

Q_SIGNALS:
    void revisionLinkActivated(const QString &revision);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    friend class LineNumberArea;
    void paintLineNumbers(QPaintEvent *event);
    void updateMargins();
    void updateLineNumberArea(const QRect &rect, int dy);
    void layoutChildren();
    void updateExtraSelections();
    void updateFindSelections();
    void rebuildDiagnosticSelections();
    void applyPalette();
    void setLinkHover(int position);
    void clearLinkHover();
    bool handleEditorKey(QKeyEvent *event);

    Language m_language = Language::PlainText;
    SqlDialect m_dialect = SqlDialect::Sqlite;
    QSyntaxHighlighter *m_highlighter = nullptr;
    QWidget *m_lineNumberArea = nullptr;
    FindBar *m_findBar = nullptr;
    Diagnostics m_diagnostics;
    QList<QTextEdit::ExtraSelection> m_diagnosticSelections;
    QList<QTextEdit::ExtraSelection> m_findSelections;
    QTextEdit::ExtraSelection m_linkSelection;
    bool m_hasLink = false;
    QPoint m_lastMousePosition; // viewport coordinates, for Ctrl pressed while hovering
};

} // namespace Retort
