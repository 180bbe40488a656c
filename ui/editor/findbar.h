// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTextDocument>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace Retort {

// The find bar under a CodeEditor: a search field, next/previous, "Match case" and
// "Highlight all", and a close button (Escape). It only asks; the editor searches.
// GUI thread only; owned by its editor.
class FindBar : public QWidget
{
    Q_OBJECT
public:
    explicit FindBar(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    bool matchCase() const;
    void setMatchCase(bool on);
    bool highlightAll() const;
    void setHighlightAll(bool on);
    QTextDocument::FindFlags flags() const;
    // Shows whether the last search found something (the field turns red when not).
    void setFound(bool found);
    void setMatchCount(int count);
    void activate(); // shows the bar and selects the search text

    QLineEdit *lineEdit() const { return m_field; }

Q_SIGNALS:
    void findNextRequested();
    void findPreviousRequested();
    void criteriaChanged(); // text, match case or highlight all changed
    void closed();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QLineEdit *m_field = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QCheckBox *m_matchCase = nullptr;
    QCheckBox *m_highlightAll = nullptr;
    QLabel *m_status = nullptr;
    QToolButton *m_close = nullptr;
};

} // namespace Retort
