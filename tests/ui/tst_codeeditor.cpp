// SPDX-License-Identifier: GPL-3.0-or-later
// CodeEditor: find bar, revision links, diagnostics, gutter and editing conventions.
#include "editor/codeeditor.h"
#include "editor/findbar.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>

using namespace Retort;

namespace {

const QString script = QStringLiteral(
    "from alembic import op\n"                                  // 1
    "\n"                                                        // 2
    "# revision identifiers, used by Alembic.\n"                // 3
    "revision: str = 'ac7c02654fe7'\n"                          // 4
    "down_revision = ('4c5f2939fc95',\n"                        // 5
    "                 '679e969ce03d')\n"                        // 6
    "branch_labels = 'shop'\n"                                  // 7
    "depends_on = None\n"                                       // 8
    "\n"                                                        // 9
    "\n"                                                        // 10
    "def upgrade():\n"                                          // 11
    "    op.drop_column('users', 'email')\n");                  // 12

// The document position of the first occurrence of needle (plus offset).
int positionOf(const CodeEditor &editor, const QString &needle, int offset = 0)
{
    return int(editor.toPlainText().indexOf(needle)) + offset;
}

} // namespace

class TestCodeEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void usesAFixedFontAndTabsOfFour();
    void gutterGrowsWithTheLineCount();
    void findBarFindsAndHighlightsAll();
    void findWrapsAroundAndReportsMisses();
    void escapeClosesTheFindBar();
    void revisionLinks_data();
    void revisionLinks();
    void ctrlClickOnARevisionEmitsTheLink();
    void plainClickDoesNotFollowTheLink();
    void diagnosticsAreWavyUnderlinesWithTooltips();
    void diagnosticsFollowEdits();
    void goToLineMovesTheCursor();
    void tabIndentsWithSpaces();
};

void TestCodeEditor::usesAFixedFontAndTabsOfFour()
{
    CodeEditor editor;
    QVERIFY(QFontInfo(editor.font()).fixedPitch());
    QCOMPARE(editor.tabStopDistance(),
             4.0 * editor.fontMetrics().horizontalAdvance(QLatin1Char(' ')));
    QCOMPARE(editor.lineWrapMode(), QPlainTextEdit::NoWrap);
}

void TestCodeEditor::gutterGrowsWithTheLineCount()
{
    CodeEditor editor;
    editor.resize(600, 400);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    const int narrow = editor.lineNumberAreaWidth();
    QCOMPARE(editor.viewport()->x(), editor.frameWidth() + narrow);
    editor.setPlainText(QString(12000, QLatin1Char('\n')));
    QVERIFY(editor.lineNumberAreaWidth() > narrow);
    QCOMPARE(editor.viewport()->x(), editor.frameWidth() + editor.lineNumberAreaWidth());
}

void TestCodeEditor::findBarFindsAndHighlightsAll()
{
    CodeEditor editor;
    editor.setPlainText(QStringLiteral("alpha beta\nAlpha gamma\nalpha\n"));
    editor.resize(600, 300);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setFocus();
    QVERIFY(!editor.findBar()->isVisible());
    QTest::keyClick(&editor, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(editor.findBar()->isVisible());
    // The bar sits below the text, not over it.
    QVERIFY(editor.findBar()->geometry().top() > editor.viewport()->geometry().bottom());

    QTest::keyClicks(editor.findBar()->lineEdit(), QStringLiteral("alpha"));
    QCOMPARE(editor.highlightedMatchCount(), 3);
    QCOMPARE(editor.textCursor().selectedText(), QStringLiteral("alpha"));
    QCOMPARE(editor.textCursor().selectionStart(), 0);

    editor.findBar()->setMatchCase(true);
    QCOMPARE(editor.highlightedMatchCount(), 2);
    QTest::keyClick(editor.findBar()->lineEdit(), Qt::Key_Return);
    QCOMPARE(editor.textCursor().selectionStart(), positionOf(editor, QStringLiteral("\nalpha"), 1));
    QTest::keyClick(editor.findBar()->lineEdit(), Qt::Key_F3, Qt::ShiftModifier);
    QCOMPARE(editor.textCursor().selectionStart(), 0);

    editor.findBar()->setHighlightAll(false);
    QCOMPARE(editor.highlightedMatchCount(), 0);
}

void TestCodeEditor::findWrapsAroundAndReportsMisses()
{
    CodeEditor editor;
    editor.setPlainText(QStringLiteral("one two one"));
    editor.showFindBar();
    editor.findBar()->setText(QStringLiteral("one"));
    QTextCursor end = editor.textCursor();
    end.movePosition(QTextCursor::End);
    editor.setTextCursor(end);
    QVERIFY(editor.findNext());
    QCOMPARE(editor.textCursor().selectionStart(), 0);
    QVERIFY(editor.findNext(true));
    QCOMPARE(editor.textCursor().selectionStart(), 8);
    editor.findBar()->setText(QStringLiteral("three"));
    QVERIFY(!editor.findNext());
    QCOMPARE(editor.highlightedMatchCount(), 0);
}

void TestCodeEditor::escapeClosesTheFindBar()
{
    CodeEditor editor;
    editor.setPlainText(QStringLiteral("abc abc"));
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    const int fullHeight = editor.viewport()->height();
    editor.showFindBar();
    QVERIFY(editor.viewport()->height() < fullHeight);
    editor.findBar()->setText(QStringLiteral("abc"));
    QCOMPARE(editor.highlightedMatchCount(), 2);
    QTest::keyClick(editor.findBar()->lineEdit(), Qt::Key_Escape);
    QVERIFY(!editor.findBar()->isVisible());
    QCOMPARE(editor.highlightedMatchCount(), 0);
    QCOMPARE(editor.viewport()->height(), fullHeight);
}

void TestCodeEditor::revisionLinks_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("link");
    QTest::newRow("revision with annotation") << "'ac7c02654fe7'" << 3 << "ac7c02654fe7";
    QTest::newRow("first down revision") << "'4c5f2939fc95'" << 1 << "4c5f2939fc95";
    QTest::newRow("continued tuple line") << "'679e969ce03d'" << 12 << "679e969ce03d";
    QTest::newRow("branch label is no link") << "'shop'" << 2 << "";
    QTest::newRow("outside the quotes") << "revision: str" << 2 << "";
    QTest::newRow("string in the body") << "'users'" << 2 << "";
    QTest::newRow("comment") << "Alembic" << 2 << "";
}

void TestCodeEditor::revisionLinks()
{
    QFETCH(QString, needle);
    QFETCH(int, offset);
    QFETCH(QString, link);
    CodeEditor editor;
    editor.setLanguage(CodeEditor::Language::Python);
    editor.setPlainText(script);
    QCOMPARE(editor.revisionLinkAt(positionOf(editor, needle, offset)), link);
}

void TestCodeEditor::ctrlClickOnARevisionEmitsTheLink()
{
    CodeEditor editor;
    editor.setLanguage(CodeEditor::Language::Python);
    editor.setPlainText(script);
    editor.resize(700, 400);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy spy(&editor, &CodeEditor::revisionLinkActivated);
    QTextCursor cursor(editor.document());
    cursor.setPosition(positionOf(editor, QStringLiteral("679e969ce03d"), 5));
    const QPoint point = editor.cursorRect(cursor).center();
    QTest::mouseMove(editor.viewport(), point);
    QTest::mouseClick(editor.viewport(), Qt::LeftButton, Qt::ControlModifier, point);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().toString(), QStringLiteral("679e969ce03d"));
}

void TestCodeEditor::plainClickDoesNotFollowTheLink()
{
    CodeEditor editor;
    editor.setLanguage(CodeEditor::Language::Python);
    editor.setPlainText(script);
    editor.resize(700, 400);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QSignalSpy spy(&editor, &CodeEditor::revisionLinkActivated);
    QTextCursor cursor(editor.document());
    cursor.setPosition(positionOf(editor, QStringLiteral("4c5f2939fc95"), 5));
    QTest::mouseClick(editor.viewport(), Qt::LeftButton, Qt::NoModifier,
                      editor.cursorRect(cursor).center());
    QCOMPARE(spy.count(), 0);
}

void TestCodeEditor::diagnosticsAreWavyUnderlinesWithTooltips()
{
    CodeEditor editor;
    editor.setLanguage(CodeEditor::Language::Python);
    editor.setPlainText(script);
    Diagnostic error;
    error.file = QStringLiteral("/p/versions/ac7c02654fe7_x.py");
    error.line = 12;
    error.column = 5;
    error.message = QStringLiteral("op.drop_column needs the Python bridge");
    Diagnostic warning;
    warning.line = 7;
    warning.message = QStringLiteral("a label");
    warning.severity = Diagnostic::Severity::Warning;
    editor.setDiagnostics({error, warning});

    const QList<QTextEdit::ExtraSelection> selections = editor.diagnosticSelections();
    QCOMPARE(selections.size(), 2);
    QCOMPARE(selections.at(0).format.underlineStyle(), QTextCharFormat::WaveUnderline);
    QCOMPARE(selections.at(0).format.toolTip(), error.message);
    QCOMPARE(selections.at(0).cursor.selectedText(), QStringLiteral("op")); // the word at 12:5
    QCOMPARE(selections.at(1).cursor.selectedText(), QStringLiteral("branch_labels = 'shop'"));
    QVERIFY(selections.at(0).format.underlineColor() != selections.at(1).format.underlineColor());
    // They are shown: part of the editor's extra selections.
    int wavy = 0;
    for (const QTextEdit::ExtraSelection &s : editor.extraSelections())
        wavy += s.format.underlineStyle() == QTextCharFormat::WaveUnderline;
    QCOMPARE(wavy, 2);
    QCOMPARE(editor.diagnosticTextAt(positionOf(editor, QStringLiteral("op.drop"), 1)), error.message);
    QCOMPARE(editor.diagnosticTextAt(0), QString());
}

void TestCodeEditor::diagnosticsFollowEdits()
{
    CodeEditor editor;
    editor.setPlainText(QStringLiteral("a = 1\nbad = 2\n"));
    Diagnostic d;
    d.line = 2;
    d.column = 1;
    d.message = QStringLiteral("bad name");
    editor.setDiagnostics({d});
    QTextCursor cursor(editor.document());
    cursor.insertText(QStringLiteral("# new first line\n"));
    QCOMPARE(editor.diagnosticSelections().first().cursor.selectedText(), QStringLiteral("bad"));
    editor.setDiagnostics({});
    QVERIFY(editor.diagnosticSelections().isEmpty());
}

void TestCodeEditor::goToLineMovesTheCursor()
{
    CodeEditor editor;
    editor.setPlainText(script);
    editor.goToLine(12, 5);
    QCOMPARE(editor.textCursor().blockNumber(), 11);
    QCOMPARE(editor.textCursor().positionInBlock(), 4);
    editor.goToLine(999);
    QCOMPARE(editor.textCursor().blockNumber(), editor.blockCount() - 1);
}

void TestCodeEditor::tabIndentsWithSpaces()
{
    CodeEditor editor;
    editor.setPlainText(QStringLiteral("ab"));
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QTextCursor cursor = editor.textCursor();
    cursor.setPosition(2);
    editor.setTextCursor(cursor);
    QTest::keyClick(&editor, Qt::Key_Tab);
    QCOMPARE(editor.toPlainText(), QStringLiteral("ab  "));
}

QTEST_MAIN(TestCodeEditor)
#include "tst_codeeditor.moc"
