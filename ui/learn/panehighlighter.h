// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

namespace Retort {

// A frame drawn over a pane to point the user at it (the guided tour): a child widget of
// the target that covers it, paints a rounded border in the highlight colour and lets
// every mouse event through. Follows the target's size. GUI thread only; the target
// owns it (it goes with the target).
class PaneHighlighter : public QWidget
{
    Q_OBJECT
public:
    // Moves the frame to target (nullptr: hides it).
    static PaneHighlighter *highlight(QWidget *target, PaneHighlighter *existing = nullptr);
    QWidget *target() const { return parentWidget(); }

protected:
    void paintEvent(QPaintEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit PaneHighlighter(QWidget *target);
};

} // namespace Retort
