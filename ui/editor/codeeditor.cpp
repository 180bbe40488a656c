// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/codeeditor.h"

#include "editor/findbar.h"
#include "editor/syntaxhighlighterfactory.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QLineEdit>
#include <QPainter>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QToolTip>

namespace Retort {

// The gutter left of the text; it only forwards painting to its editor.
class LineNumberArea : public QWidget
{
public:
    explicit LineNumberArea(CodeEditor *editor)
        : QWidget(editor)
        , m_editor(editor)
    {
    }
    QSize sizeHint() const override { return {m_editor->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event); }

private:
    CodeEditor *m_editor;
};

namespace {

QColor blend(const QColor &a, const QColor &b, qreal amountOfB)
{
    return QColor::fromRgbF(a.redF() * (1 - amountOfB) + b.redF() * amountOfB,
                            a.greenF() * (1 - amountOfB) + b.greenF() * amountOfB,
                            a.blueF() * (1 - amountOfB) + b.blueF() * amountOfB);
}

// `revision = ...`, `down_revision: Union[...] = (...)`, `depends_on = ...` at the start
// of a statement.
const QRegularExpression &revisionAssignment()
{
    static const QRegularExpression re(
        QStringLiteral("^(revision|down_revision|depends_on)\\s*(:[^=]*)?=(?!=)"));
    return re;
}

bool isIdentifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

} // namespace

CodeEditor::CodeEditor(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_lineNumberArea(new LineNumberArea(this))
    , m_findBar(new FindBar(this))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(4 * fontMetrics().horizontalAdvance(QLatin1Char(' ')));
    m_findBar->hide();
    viewport()->installEventFilter(this);
    viewport()->setMouseTracking(true);

    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEditor::updateMargins);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeEditor::updateLineNumberArea);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeEditor::updateExtraSelections);
    connect(document(), &QTextDocument::contentsChanged, this, [this] {
        if (m_findBar->isVisible())
            updateFindSelections();
    });
    connect(m_findBar, &FindBar::findNextRequested, this, [this] { findNext(false); });
    connect(m_findBar, &FindBar::findPreviousRequested, this, [this] { findNext(true); });
    connect(m_findBar, &FindBar::criteriaChanged, this, [this] {
        // Incremental search: the match grows from where the current one starts.
        QTextCursor cursor = textCursor();
        cursor.setPosition(cursor.selectionStart());
        setTextCursor(cursor);
        findNext(false);
        updateFindSelections();
    });
    connect(m_findBar, &FindBar::closed, this, [this] {
        m_findSelections.clear();
        updateMargins();
        updateExtraSelections();
        setFocus();
    });
    updateMargins();
    updateExtraSelections();
}

CodeEditor::~CodeEditor() = default;

void CodeEditor::setLanguage(Language language, SqlDialect dialect)
{
    if (language == m_language && dialect == m_dialect && (m_highlighter || language == Language::PlainText))
        return;
    m_language = language;
    m_dialect = dialect;
    delete m_highlighter;
    m_highlighter = nullptr;
    if (language == Language::PlainText)
        return;
    m_highlighter = SyntaxHighlighterFactory::create(
        document(),
        language == Language::Python ? SyntaxHighlighterFactory::Language::Python
                                     : SyntaxHighlighterFactory::Language::Sql,
        dialect, palette());
}

int CodeEditor::lineNumberAreaWidth() const
{
    int digits = 1;
    for (int max = qMax(1, blockCount()); max >= 10; max /= 10)
        ++digits;
    digits = qMax(digits, 3);
    const QFontMetrics metrics(font());
    return 16 + metrics.horizontalAdvance(QLatin1Char('9')) * digits;
}

void CodeEditor::updateMargins()
{
    const int bottom = m_findBar->isVisible() ? m_findBar->sizeHint().height() : 0;
    setViewportMargins(lineNumberAreaWidth(), 0, 0, bottom);
    layoutChildren();
}

void CodeEditor::layoutChildren()
{
    const QRect vp = viewport()->geometry();
    const int gutter = lineNumberAreaWidth();
    m_lineNumberArea->setGeometry(vp.left() - gutter, vp.top(), gutter, vp.height());
    if (m_findBar->isVisible()) {
        m_findBar->setGeometry(vp.left() - gutter, vp.bottom() + 1, vp.width() + gutter,
                               m_findBar->sizeHint().height());
    }
}

void CodeEditor::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy)
        m_lineNumberArea->scroll(0, dy);
    else
        m_lineNumberArea->update(0, rect.y(), m_lineNumberArea->width(), rect.height());
}

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    layoutChildren();
}

bool CodeEditor::eventFilter(QObject *watched, QEvent *event)
{
    // The viewport moves when a scroll bar appears: the gutter and find bar follow it.
    if (watched == viewport() && (event->type() == QEvent::Resize || event->type() == QEvent::Move))
        layoutChildren();
    return QPlainTextEdit::eventFilter(watched, event);
}

void CodeEditor::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumberArea);
    const QPalette pal = palette();
    const QColor background = blend(pal.color(QPalette::Base), pal.color(QPalette::Window), 0.6);
    painter.fillRect(event->rect(), background);
    // A hairline between the gutter and the text.
    painter.setPen(blend(background, pal.color(QPalette::Text), 0.12));
    painter.drawLine(m_lineNumberArea->width() - 1, event->rect().top(),
                     m_lineNumberArea->width() - 1, event->rect().bottom());

    QSet<int> errorLines;
    QSet<int> warningLines;
    for (const Diagnostic &d : std::as_const(m_diagnostics)) {
        if (d.severity == Diagnostic::Severity::Error)
            errorLines.insert(d.line);
        else
            warningLines.insert(d.line);
    }

    const int currentBlock = textCursor().blockNumber();
    const QColor numberColour = blend(background, pal.color(QPalette::Text), 0.45);
    const QColor currentColour = pal.color(QPalette::Text);
    QFont numberFont = font();
    QFont currentFont = font();
    currentFont.setBold(true);
    const int lineHeight = fontMetrics().height();

    QTextBlock block = firstVisibleBlock();
    int number = block.blockNumber();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int right = m_lineNumberArea->width() - 8;
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int line = number + 1;
            if (errorLines.contains(line) || warningLines.contains(line)) {
                const QColor mark = errorLines.contains(line) ? QColor(0xda, 0x44, 0x53)
                                                              : QColor(0xe0, 0x8e, 0x0b);
                painter.setPen(Qt::NoPen);
                painter.setBrush(mark);
                painter.setRenderHint(QPainter::Antialiasing);
                const int d = qMax(5, lineHeight / 3);
                painter.drawEllipse(QRect(3, top + (lineHeight - d) / 2, d, d));
            }
            const bool current = number == currentBlock;
            painter.setFont(current ? currentFont : numberFont);
            painter.setPen(current ? currentColour : numberColour);
            painter.drawText(0, top, right, lineHeight, Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(line));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
        ++number;
    }
}

void CodeEditor::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    QTextEdit::ExtraSelection currentLine;
    const QPalette pal = palette();
    currentLine.format.setBackground(
        blend(pal.color(QPalette::Base), pal.color(QPalette::Highlight), 0.10));
    currentLine.format.setProperty(QTextFormat::FullWidthSelection, true);
    currentLine.cursor = textCursor();
    currentLine.cursor.clearSelection();
    selections << currentLine;
    selections += m_findSelections;
    selections += m_diagnosticSelections;
    if (m_hasLink)
        selections << m_linkSelection;
    setExtraSelections(selections);
    m_lineNumberArea->update();
}

void CodeEditor::setDiagnostics(const Diagnostics &diagnostics)
{
    m_diagnostics = diagnostics;
    rebuildDiagnosticSelections();
    updateExtraSelections();
}

void CodeEditor::rebuildDiagnosticSelections()
{
    m_diagnosticSelections.clear();
    for (const Diagnostic &d : std::as_const(m_diagnostics)) {
        if (d.line <= 0 || d.line > blockCount())
            continue;
        const QTextBlock block = document()->findBlockByNumber(d.line - 1);
        const QString text = block.text();
        qsizetype start = 0;
        qsizetype end = text.size();
        if (d.column > 0) {
            // From the column to the end of the word there (at least one character).
            start = qMin<qsizetype>(d.column - 1, text.size());
            end = start;
            while (end < text.size() && isIdentifierChar(text.at(end)))
                ++end;
            if (end == start)
                end = qMin<qsizetype>(start + 1, text.size());
        } else {
            while (start < end && text.at(start).isSpace())
                ++start;
        }
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(block.position() + int(start));
        if (end > start)
            selection.cursor.setPosition(block.position() + int(end), QTextCursor::KeepAnchor);
        else // an empty line: mark the line end
            selection.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        selection.format.setUnderlineColor(d.severity == Diagnostic::Severity::Error
                                               ? QColor(0xda, 0x44, 0x53)
                                               : QColor(0xe0, 0x8e, 0x0b));
        selection.format.setToolTip(d.message);
        m_diagnosticSelections << selection;
    }
}

QString CodeEditor::diagnosticTextAt(int position) const
{
    QStringList messages;
    for (const QTextEdit::ExtraSelection &selection : m_diagnosticSelections) {
        if (position >= selection.cursor.selectionStart() &&
            position <= selection.cursor.selectionEnd())
            messages << selection.format.toolTip();
    }
    return messages.join(QLatin1Char('\n'));
}

void CodeEditor::goToLine(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(qBound(1, line, blockCount()) - 1);
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                        qBound(0, column - 1, block.length() - 1));
    setTextCursor(cursor);
    centerCursor();
}

QString CodeEditor::revisionLinkAt(int position) const
{
    if (m_language != Language::Python)
        return QString();
    const QTextBlock block = document()->findBlock(position);
    if (!block.isValid())
        return QString();
    const QString text = block.text();
    const qsizetype at = position - block.position();
    // The string literal around the position, on this line.
    qsizetype open = -1;
    qsizetype close = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('#'))
            break;
        if (c != QLatin1Char('\'') && c != QLatin1Char('"'))
            continue;
        const qsizetype end = text.indexOf(c, i + 1);
        if (end < 0)
            break;
        if (at > i && at <= end) {
            open = i;
            close = end;
            break;
        }
        i = end;
    }
    if (open < 0)
        return QString();
    const QString id = text.mid(open + 1, close - open - 1);
    if (id.isEmpty() || id.contains(QLatin1Char(' ')))
        return QString();
    // The statement the literal belongs to starts on the nearest line not indented
    // (a tuple may continue over several lines).
    for (QTextBlock b = block; b.isValid(); b = b.previous()) {
        const QString line = b.text();
        if (line.isEmpty() || line.at(0).isSpace() || line.at(0) == QLatin1Char(')') ||
            line.at(0) == QLatin1Char(']'))
            continue;
        return revisionAssignment().match(line).hasMatch() ? id : QString();
    }
    return QString();
}

void CodeEditor::setLinkHover(int position)
{
    const QString id = revisionLinkAt(position);
    if (id.isEmpty()) {
        clearLinkHover();
        return;
    }
    const QTextBlock block = document()->findBlock(position);
    const int start = block.position() + int(block.text().indexOf(id, 0));
    // The id's own occurrence under the mouse (the same id may appear twice on a line).
    int idStart = start;
    for (qsizetype from = 0;;) {
        const qsizetype found = block.text().indexOf(id, from);
        if (found < 0)
            break;
        if (position >= block.position() + found && position <= block.position() + found + id.size()) {
            idStart = block.position() + int(found);
            break;
        }
        from = found + 1;
    }
    m_linkSelection.cursor = QTextCursor(document());
    m_linkSelection.cursor.setPosition(idStart);
    m_linkSelection.cursor.setPosition(idStart + int(id.size()), QTextCursor::KeepAnchor);
    m_linkSelection.format = QTextCharFormat();
    m_linkSelection.format.setFontUnderline(true);
    m_linkSelection.format.setForeground(palette().color(QPalette::Link));
    m_hasLink = true;
    viewport()->setCursor(Qt::PointingHandCursor);
    updateExtraSelections();
}

void CodeEditor::clearLinkHover()
{
    if (!m_hasLink)
        return;
    m_hasLink = false;
    viewport()->setCursor(Qt::IBeamCursor);
    updateExtraSelections();
}

void CodeEditor::mouseMoveEvent(QMouseEvent *event)
{
    m_lastMousePosition = event->position().toPoint();
    if (event->modifiers() & Qt::ControlModifier && event->buttons() == Qt::NoButton)
        setLinkHover(cursorForPosition(m_lastMousePosition).position());
    else
        clearLinkHover();
    QPlainTextEdit::mouseMoveEvent(event);
}

void CodeEditor::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && event->modifiers() & Qt::ControlModifier) {
        const QString id = revisionLinkAt(cursorForPosition(event->position().toPoint()).position());
        if (!id.isEmpty()) {
            QPlainTextEdit::mouseReleaseEvent(event);
            clearLinkHover();
            Q_EMIT revisionLinkActivated(id);
            return;
        }
    }
    QPlainTextEdit::mouseReleaseEvent(event);
}

bool CodeEditor::event(QEvent *event)
{
    // The editor's own keys win over window shortcuts while it has the focus.
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Find) || key->matches(QKeySequence::FindNext) ||
            key->matches(QKeySequence::FindPrevious) ||
            (key->key() == Qt::Key_Escape && m_findBar->isVisible())) {
            event->accept();
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

bool CodeEditor::handleEditorKey(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Find)) {
        showFindBar();
        return true;
    }
    if (event->matches(QKeySequence::FindNext)) {
        if (m_findBar->text().isEmpty())
            showFindBar();
        else
            findNext(false);
        return true;
    }
    if (event->matches(QKeySequence::FindPrevious)) {
        findNext(true);
        return true;
    }
    if (event->key() == Qt::Key_Escape && m_findBar->isVisible()) {
        m_findBar->hide();
        Q_EMIT m_findBar->closed();
        return true;
    }
    // Tab indents with spaces to the next multiple of 4, as PEP 8 wants.
    if (event->key() == Qt::Key_Tab && event->modifiers() == Qt::NoModifier && !isReadOnly() &&
        !textCursor().hasSelection()) {
        const int column = textCursor().positionInBlock();
        insertPlainText(QString(4 - column % 4, QLatin1Char(' ')));
        return true;
    }
    return false;
}

void CodeEditor::keyPressEvent(QKeyEvent *event)
{
    if (handleEditorKey(event)) {
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Control && viewport()->underMouse())
        setLinkHover(cursorForPosition(m_lastMousePosition).position());
    QPlainTextEdit::keyPressEvent(event);
}

void CodeEditor::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Control)
        clearLinkHover();
    QPlainTextEdit::keyReleaseEvent(event);
}

bool CodeEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int position = cursorForPosition(help->pos()).position();
        QString text = diagnosticTextAt(position);
        if (text.isEmpty()) {
            const QString id = revisionLinkAt(position);
            if (!id.isEmpty())
                text = tr("Ctrl+click to go to revision %1").arg(id);
        }
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    if (event->type() == QEvent::Leave)
        clearLinkHover();
    return QPlainTextEdit::viewportEvent(event);
}

void CodeEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    else if (event->type() == QEvent::FontChange) {
        setTabStopDistance(4 * fontMetrics().horizontalAdvance(QLatin1Char(' ')));
        updateMargins();
    }
}

void CodeEditor::applyPalette()
{
    if (m_highlighter)
        SyntaxHighlighterFactory::applyPalette(m_highlighter, palette());
    updateFindSelections();
    updateExtraSelections();
}

void CodeEditor::showFindBar()
{
    const QTextCursor cursor = textCursor();
    if (cursor.hasSelection() && !cursor.selectedText().contains(QChar::ParagraphSeparator)) {
        const QSignalBlocker blocker(m_findBar);
        m_findBar->setText(cursor.selectedText());
    }
    m_findBar->activate();
    updateMargins();
    updateFindSelections();
}

bool CodeEditor::findNext(bool backward)
{
    const QString text = m_findBar->text();
    if (text.isEmpty()) {
        m_findBar->setFound(true);
        return false;
    }
    QTextDocument::FindFlags flags = m_findBar->flags();
    if (backward)
        flags |= QTextDocument::FindBackward;
    QTextCursor found = document()->find(text, textCursor(), flags);
    if (found.isNull()) {
        // Wrap around, as every editor does.
        QTextCursor from(document());
        if (backward)
            from.movePosition(QTextCursor::End);
        found = document()->find(text, from, flags);
    }
    m_findBar->setFound(!found.isNull());
    if (found.isNull())
        return false;
    setTextCursor(found);
    return true;
}

void CodeEditor::updateFindSelections()
{
    m_findSelections.clear();
    const QString text = m_findBar->text();
    int count = 0;
    if (m_findBar->isVisible() && !text.isEmpty()) {
        const bool dark = SyntaxHighlighterFactory::isDark(palette());
        QTextCharFormat format;
        format.setBackground(dark ? QColor(0x6b, 0x5b, 0x1a) : QColor(0xff, 0xe8, 0x7c));
        QTextCursor cursor(document());
        // Counting stays cheap on huge files: past this many, the count is a lower bound.
        constexpr int MaxMatches = 5000;
        while (count < MaxMatches) {
            cursor = document()->find(text, cursor, m_findBar->flags());
            if (cursor.isNull())
                break;
            ++count;
            if (m_findBar->highlightAll()) {
                QTextEdit::ExtraSelection selection;
                selection.cursor = cursor;
                selection.format = format;
                m_findSelections << selection;
            }
        }
    }
    m_findBar->setMatchCount(count);
    updateExtraSelections();
}

} // namespace Retort
