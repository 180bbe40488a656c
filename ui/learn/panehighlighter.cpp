// SPDX-License-Identifier: GPL-3.0-or-later
#include "panehighlighter.h"

#include <QEvent>
#include <QPainter>

namespace Retort {

PaneHighlighter::PaneHighlighter(QWidget *target)
    : QWidget(target)
{
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    target->installEventFilter(this);
    setGeometry(target->rect());
    raise();
    show();
}

PaneHighlighter *PaneHighlighter::highlight(QWidget *target, PaneHighlighter *existing)
{
    if (existing && existing->target() == target)
        return existing;
    delete existing;
    return target ? new PaneHighlighter(target) : nullptr;
}

bool PaneHighlighter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && (event->type() == QEvent::Resize || event->type() == QEvent::ChildAdded)) {
        setGeometry(parentWidget()->rect());
        raise();
    }
    return QWidget::eventFilter(watched, event);
}

void PaneHighlighter::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    QColor colour = palette().color(QPalette::Highlight);
    QPen pen(colour, 3);
    painter.setPen(pen);
    painter.drawRoundedRect(QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5), 5, 5);
}

} // namespace Retort
