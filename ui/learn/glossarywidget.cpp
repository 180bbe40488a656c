// SPDX-License-Identifier: GPL-3.0-or-later
#include "glossarywidget.h"

#include "graph/revisiongraphdelegate.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>

namespace Retort {

namespace {

constexpr int IconWidth = 56;
constexpr int IconHeight = 24;

enum class Picture { Glyph, Chip, DashedLink, StampArrow };

struct Entry
{
    QString term;
    QString text;
    Picture picture;
    GraphRow::Glyphs glyphs = GraphRow::Plain;
    QString chip;
};

QPixmap drawPicture(const Entry &entry, const QPalette &palette, qreal ratio)
{
    QPixmap pixmap(QSize(IconWidth, IconHeight) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor lane = RevisionGraphDelegate::laneColour(0, palette);
    const QColor other = RevisionGraphDelegate::laneColour(1, palette);
    const QRectF node(0, 0, RevisionGraphDelegate::LaneWidth, IconHeight);
    switch (entry.picture) {
    case Picture::Glyph: {
        // The lane through the node, as the graph draws it around such a revision.
        painter.setPen(QPen(lane, 2));
        const qreal x = node.center().x();
        if (!entry.glyphs.testFlag(GraphRow::Head))
            painter.drawLine(QPointF(x, node.center().y()), QPointF(x, 0));
        if (!entry.glyphs.testFlag(GraphRow::Base))
            painter.drawLine(QPointF(x, node.center().y()), QPointF(x, IconHeight));
        if (entry.glyphs.testFlag(GraphRow::BranchPoint) || entry.glyphs.testFlag(GraphRow::MergePoint)) {
            painter.setPen(QPen(other, 2));
            const qreal side = x + RevisionGraphDelegate::LaneWidth;
            QPainterPath path(node.center());
            const qreal endY = entry.glyphs.testFlag(GraphRow::BranchPoint) ? 0 : IconHeight;
            path.cubicTo(QPointF(side, node.center().y()), QPointF(side, node.center().y()),
                         QPointF(side, endY));
            painter.drawPath(path);
        }
        RevisionGraphDelegate::paintGlyph(&painter, node, entry.glyphs, lane, palette);
        break;
    }
    case Picture::Chip: {
        QFont font = painter.font();
        font.setPointSizeF(font.pointSizeF() * 0.85);
        painter.setFont(font);
        const QColor colour = entry.term == QLatin1String("current")
                                  ? QColor(0x27, 0xae, 0x60)
                                  : (entry.term == QLatin1String("head") ? palette.color(QPalette::Highlight) : lane);
        const QRectF chip(2, 4, IconWidth - 4, IconHeight - 8);
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawRoundedRect(chip, chip.height() / 2, chip.height() / 2);
        painter.setPen(colour.lightness() > 150 ? Qt::black : Qt::white);
        painter.drawText(chip, Qt::AlignCenter, entry.chip);
        break;
    }
    case Picture::DashedLink: {
        QPen pen(other, 1.5, Qt::DashLine);
        painter.setPen(pen);
        painter.drawLine(QPointF(8, IconHeight - 4), QPointF(IconWidth - 8, 4));
        RevisionGraphDelegate::paintGlyph(&painter, QRectF(0, IconHeight - 16, 16, 16), GraphRow::Plain, lane, palette);
        RevisionGraphDelegate::paintGlyph(&painter, QRectF(IconWidth - 16, 0, 16, 16), GraphRow::Plain, other, palette);
        break;
    }
    case Picture::StampArrow: {
        painter.setPen(QPen(palette.color(QPalette::WindowText), 1.5));
        painter.drawLine(QPointF(6, IconHeight / 2.0), QPointF(IconWidth - 22, IconHeight / 2.0));
        painter.drawLine(QPointF(IconWidth - 26, IconHeight / 2.0 - 4), QPointF(IconWidth - 22, IconHeight / 2.0));
        painter.drawLine(QPointF(IconWidth - 26, IconHeight / 2.0 + 4), QPointF(IconWidth - 22, IconHeight / 2.0));
        RevisionGraphDelegate::paintGlyph(&painter, QRectF(IconWidth - 18, 4, 16, 16), GraphRow::Plain, lane, palette);
        break;
    }
    }
    return pixmap;
}

} // namespace

GlossaryWidget::GlossaryWidget(QWidget *parent)
    : QScrollArea(parent)
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    rebuild();
}

QStringList GlossaryWidget::terms() const
{
    return m_terms;
}

void GlossaryWidget::changeEvent(QEvent *event)
{
    QScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        rebuild();
}

void GlossaryWidget::rebuild()
{
    const QList<Entry> entries = {
        {QStringLiteral(QT_TR_NOOP("head")),
         tr("A revision no other revision builds on: the newest end of a branch. "
            "<tt>alembic upgrade head</tt> goes there; a project with several heads needs "
            "<tt>heads</tt> or a merge."),
         Picture::Glyph, GraphRow::Head, {}},
        {QStringLiteral(QT_TR_NOOP("base")),
         tr("A revision with no <tt>down_revision</tt>: where a history starts. "
            "<tt>alembic downgrade base</tt> removes everything."),
         Picture::Glyph, GraphRow::Base, {}},
        {QStringLiteral(QT_TR_NOOP("branch point")),
         tr("A revision that two or more revisions build on: the history forks here into "
            "branches that can be upgraded separately."),
         Picture::Glyph, GraphRow::BranchPoint, {}},
        {QStringLiteral(QT_TR_NOOP("merge point")),
         tr("A revision with several down revisions (<tt>alembic merge</tt>): it joins "
            "branches back into one."),
         Picture::Glyph, GraphRow::MergePoint, {}},
        {QStringLiteral(QT_TR_NOOP("branch label")),
         tr("A name for a branch (<tt>branch_labels</tt>), usable in commands: "
            "<tt>alembic upgrade shop@head</tt>."),
         Picture::Chip, GraphRow::Plain, QStringLiteral("shop")},
        {QStringLiteral(QT_TR_NOOP("depends_on")),
         tr("A dashed link: this revision needs another one applied first, without "
            "being on its branch."),
         Picture::DashedLink, GraphRow::Plain, {}},
        {QStringLiteral(QT_TR_NOOP("current")),
         tr("The revision the database is at: a row of its <tt>alembic_version</tt> "
            "table (<tt>alembic current</tt>)."),
         Picture::Chip, GraphRow::Plain, tr("current")},
        {QStringLiteral(QT_TR_NOOP("stamp")),
         tr("Writes a revision into <tt>alembic_version</tt> without running any migration "
            "(<tt>alembic stamp</tt>): for a database that already has the schema."),
         Picture::StampArrow, GraphRow::Plain, {}},
    };

    m_terms.clear();
    auto *content = new QWidget;
    auto *grid = new QGridLayout(content);
    grid->setColumnStretch(2, 1);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(10);
    const qreal ratio = devicePixelRatioF();
    int row = 0;
    for (const Entry &entry : entries) {
        m_terms << entry.term;
        auto *picture = new QLabel(content);
        picture->setPixmap(drawPicture(entry, palette(), ratio));
        picture->setFixedSize(IconWidth, IconHeight);
        // terms() stays in Alembic's words; the label shows the translated term.
        auto *term = new QLabel(QStringLiteral("<b>%1</b>").arg(tr(entry.term.toLatin1().constData()).toHtmlEscaped()),
                                content);
        auto *text = new QLabel(entry.text, content);
        text->setWordWrap(true);
        text->setTextFormat(Qt::RichText);
        grid->addWidget(picture, row, 0, Qt::AlignTop);
        grid->addWidget(term, row, 1, Qt::AlignTop);
        grid->addWidget(text, row, 2, Qt::AlignTop);
        ++row;
    }
    grid->setRowStretch(row, 1);
    setWidget(content);
    m_content = content;
}

} // namespace Retort
