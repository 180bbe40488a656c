// SPDX-License-Identifier: GPL-3.0-or-later
#include "revisiongraphdelegate.h"

#include "graph/revisiongraphfiltermodel.h"
#include "graph/revisiongraphmodel.h"

#include <QApplication>
#include <QBitArray>
#include <QFontDatabase>
#include <QPainter>
#include <QPainterPath>

#include <array>
#include <cmath>

namespace Retort {

namespace {

constexpr int GraphPadding = 6; // left of the first lane, right of the last
constexpr qreal NodeRadius = 5;
constexpr qreal DimmedOpacity = 0.38;
constexpr qreal LaneOpacityWhileSearching = 0.5;
constexpr int MaxAlignedLanes = 10; // messages line up after this many lanes at most

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor currentColour(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x4c, 0xc7, 0x6d) : QColor(0x1a, 0x8a, 0x3a);
}

QColor warningColour(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf0, 0xa0, 0x30) : QColor(0xc0, 0x60, 0x00);
}

QColor textOn(const QColor &background)
{
    // Rec. 601 luma: dark text on light chips, light text on dark ones.
    const int luma = (background.red() * 299 + background.green() * 587 + background.blue() * 114) / 1000;
    return luma > 150 ? QColor(0x20, 0x20, 0x20) : QColor(0xff, 0xff, 0xff);
}

qreal laneX(const QRect &rect, int lane)
{
    return rect.left() + GraphPadding + lane * RevisionGraphDelegate::LaneWidth
        + RevisionGraphDelegate::LaneWidth / 2.0;
}

// How many lanes the graph column shows: at most about half of its width. Lanes further
// right are folded into one overflow lane at that edge (graphs of hundreds of parallel
// branches stay readable and fast to paint).
int shownLanes(const QRect &rect)
{
    return std::max(6, int(rect.width() * 0.45) / RevisionGraphDelegate::LaneWidth);
}

// A segment: straight when it stays in its lane, else a quarter curve that bends at the
// node's centre line (into the node from above, out of it sideways and down).
QPainterPath edgePath(const QRect &rect, const GraphEdge &edge, int shown)
{
    const qreal x1 = laneX(rect, std::min(int(edge.fromLane), shown));
    const qreal x2 = laneX(rect, std::min(int(edge.toLane), shown));
    const qreal mid = rect.top() + rect.height() / 2.0;
    const qreal y1 = edge.part == GraphEdge::Top ? rect.top() : mid;
    const qreal y2 = edge.part == GraphEdge::Top ? mid : rect.top() + rect.height();
    QPainterPath path(QPointF(x1, y1));
    if (x1 == x2)
        path.lineTo(x2, y2);
    else if (edge.part == GraphEdge::Top)
        path.quadTo(x1, y2, x2, y2);
    else
        path.quadTo(x2, y1, x2, y2);
    return path;
}

struct Chip
{
    QString text;
    QColor fill;
    QColor border;
    QColor ink;
};

// Draws a chip at x (vertically centred in rect) and returns its width.
int drawChip(QPainter *painter, const QRect &rect, int x, const Chip &chip, const QFont &font)
{
    const QFontMetrics fm(font);
    const int padding = 5;
    const int width = fm.horizontalAdvance(chip.text) + 2 * padding;
    const int height = std::min(rect.height() - 6, fm.height() + 3);
    const QRectF box(x + 0.5, rect.top() + (rect.height() - height) / 2.0 + 0.5, width, height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setPen(QPen(chip.border, 1));
    painter->setBrush(chip.fill);
    painter->drawRoundedRect(box, 3.5, 3.5);
    painter->setFont(font);
    painter->setPen(chip.ink);
    painter->drawText(box, Qt::AlignCenter, chip.text);
    painter->restore();
    return width;
}

} // namespace

RevisionGraphDelegate::RevisionGraphDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QColor RevisionGraphDelegate::laneColour(int colour, const QPalette &palette)
{
    // Hues far apart in order, so that neighbouring branches differ clearly.
    static constexpr std::array<int, 10> hues{212, 145, 28, 280, 350, 185, 48, 318, 100, 250};
    const int hue = hues[size_t(colour) % hues.size()];
    if (isDark(palette))
        return QColor::fromHsl(hue, 170, 150);
    return QColor::fromHsl(hue, 190, 100);
}

void RevisionGraphDelegate::paintGlyph(QPainter *painter, const QRectF &rect,
                                       GraphRow::Glyphs glyphs, const QColor &colour,
                                       const QPalette &palette)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);
    const QPointF c = rect.center();
    const qreal r = NodeRadius;
    const QColor outline = palette.color(QPalette::Base);
    painter->setPen(QPen(outline, 1.5));
    painter->setBrush(colour);
    if (glyphs.testFlag(GraphRow::MergePoint)) {
        // A diamond: lines come together.
        const qreal d = r + 1.5;
        const QPointF points[] = {{c.x(), c.y() - d}, {c.x() + d, c.y()}, {c.x(), c.y() + d},
                                  {c.x() - d, c.y()}};
        painter->drawPolygon(points, 4);
    } else if (glyphs.testFlag(GraphRow::BranchPoint)) {
        // A triangle pointing up: lines part upwards.
        const qreal d = r + 1.5;
        const QPointF points[] = {{c.x(), c.y() - d}, {c.x() + d, c.y() + d * 0.75},
                                  {c.x() - d, c.y() + d * 0.75}};
        painter->drawPolygon(points, 3);
    } else if (glyphs.testFlag(GraphRow::Base)) {
        painter->drawRoundedRect(QRectF(c.x() - r, c.y() - r, 2 * r, 2 * r), 1.5, 1.5);
    } else {
        painter->drawEllipse(c, r, r);
    }
    if (glyphs.testFlag(GraphRow::Head)) {
        // A head wears a ring in its lane's colour.
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(colour, 1.5));
        painter->drawEllipse(c, r + 3.5, r + 3.5);
    }
    painter->restore();
}

QSize RevisionGraphDelegate::sizeHint(const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    const QFontMetrics fm(option.font);
    const int height = std::max(26, fm.height() + 12);
    if (index.column() == RevisionGraphModel::IdColumn) {
        const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {QFontMetrics(fixed).horizontalAdvance(QLatin1Char('0')) * 12 + 16, height};
    }
    const GraphRow row = index.data(RevisionGraphModel::GraphRowRole).value<GraphRow>();
    const QString message = index.data(RevisionGraphModel::MessageRole).toString();
    return {2 * GraphPadding + std::max(1, row.width) * LaneWidth + fm.horizontalAdvance(message) + 120,
            height};
}

void RevisionGraphDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();

    // The path an upgrade/downgrade would run: a soft tint behind the whole row.
    if (index.data(RevisionGraphModel::IsHighlightedRole).toBool()
        && !opt.state.testFlag(QStyle::State_Selected)) {
        QColor tint = opt.palette.color(QPalette::Highlight);
        tint.setAlpha(isDark(opt.palette) ? 60 : 38);
        painter->fillRect(opt.rect, tint);
    }
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    painter->save();
    if (index.column() == RevisionGraphModel::IdColumn)
        paintIdColumn(painter, opt, index);
    else
        paintGraphColumn(painter, opt, index);
    painter->restore();
}

void RevisionGraphDelegate::paintIdColumn(QPainter *painter, const QStyleOptionViewItem &option,
                                          const QModelIndex &index) const
{
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    fixed.setPointSizeF(option.font.pointSizeF() > 0 ? option.font.pointSizeF() : fixed.pointSizeF());
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    QColor colour = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    if (!selected)
        colour.setAlphaF(0.7f);
    if (index.data(RevisionGraphFilterModel::SearchStateRole).toInt() == RevisionGraphFilterModel::NoMatch)
        painter->setOpacity(DimmedOpacity);
    painter->setFont(fixed);
    painter->setPen(colour);
    const QRect textRect = option.rect.adjusted(8, 0, -4, 0);
    const QString text = QFontMetrics(fixed).elidedText(
        index.data(RevisionGraphModel::ShortIdRole).toString(), Qt::ElideRight, textRect.width());
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, text);
}

void RevisionGraphDelegate::paintGraphColumn(QPainter *painter, const QStyleOptionViewItem &option,
                                             const QModelIndex &index) const
{
    const QRect rect = option.rect;
    const QPalette &palette = option.palette;
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const bool ghost = index.data(RevisionGraphModel::IsGhostRole).toBool();
    const bool current = index.data(RevisionGraphModel::IsCurrentRole).toBool();
    const bool lanesShown = index.data(RevisionGraphFilterModel::LanesShownRole).isValid()
        ? index.data(RevisionGraphFilterModel::LanesShownRole).toBool()
        : true;
    const GraphRow row = index.data(RevisionGraphModel::GraphRowRole).value<GraphRow>();
    const QBitArray onPath = index.data(RevisionGraphModel::HighlightedEdgesRole).toBitArray();

    painter->setClipRect(rect);
    painter->setRenderHint(QPainter::Antialiasing, true);
    const qreal mid = rect.top() + rect.height() / 2.0;
    // While searching the lanes fade evenly (they are context, and stay continuous from
    // row to row); the revisions that do not match fade further.
    const int searchState = index.data(RevisionGraphFilterModel::SearchStateRole).toInt();
    const qreal contentOpacity = searchState == RevisionGraphFilterModel::NoMatch ? DimmedOpacity : 1.0;
    painter->setOpacity(searchState == RevisionGraphFilterModel::NoSearch ? 1.0 : LaneOpacityWhileSearching);

    const int shown = shownLanes(rect);
    if (lanesShown && !ghost) {
        for (qsizetype e = 0; e < row.edges.size(); ++e) {
            const GraphEdge &edge = row.edges.at(e);
            if (edge.fromLane > shown && edge.toLane > shown)
                continue; // folded into the overflow lane, drawn once

            // The path an upgrade/downgrade would run: its links drawn bolder.
            const bool lit = e < onPath.size() && onPath.testBit(e);
            QPen pen(laneColour(edge.colour, palette), lit ? 3.6 : 2, Qt::SolidLine, Qt::FlatCap);
            if (edge.kind == GraphEdge::Dependency) {
                pen.setWidthF(1.5);
                pen.setDashPattern({3, 2.5});
                QColor dashed = pen.color();
                dashed.setAlphaF(0.85f);
                pen.setColor(dashed);
            }
            painter->setPen(pen);
            painter->setBrush(Qt::NoBrush);
            painter->drawPath(edgePath(rect, edge, shown));
        }
    }

    painter->setOpacity(contentOpacity);
    const QPointF centre(laneX(rect, std::min(row.lane, shown)), mid);
    const QRectF nodeBox(centre.x() - LaneWidth / 2.0, mid - LaneWidth / 2.0, LaneWidth, LaneWidth);
    if (ghost) {
        painter->setPen(QPen(warningColour(palette), 1.5, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(centre, NodeRadius + 1, NodeRadius + 1);
    } else {
        paintGlyph(painter, nodeBox, row.glyphs, laneColour(row.colour, palette), palette);
    }
    if (current) {
        // The database is here: a thick ring in the "current" colour around the node.
        painter->setPen(QPen(currentColour(palette), 2.2));
        painter->setBrush(Qt::NoBrush);
        const qreal r = NodeRadius + (row.glyphs.testFlag(GraphRow::Head) ? 6.5 : 4);
        painter->drawEllipse(centre, r, r);
    }
    painter->setRenderHint(QPainter::Antialiasing, false);

    // Chips, then the message, then a badge at the right end.
    // Messages start in one column (the widest row's lanes, up to a limit) so that they
    // read as a list; a row wider than that pushes its own text right.
    const int aligned = std::min(MaxAlignedLanes, index.data(RevisionGraphModel::GraphWidthRole).toInt());
    const int lanes = std::min(shown + 1, lanesShown ? std::max(aligned, row.width) : row.lane + 1);
    int x = rect.left() + GraphPadding + std::max(1, lanes) * LaneWidth + GraphPadding;
    QFont chipFont = option.font;
    chipFont.setPointSizeF(option.font.pointSizeF() * 0.85);
    chipFont.setBold(true);
    const auto chip = [&](Chip c) {
        // On the selection's colour a chip needs its own edge to stand out.
        if (selected)
            c.border = palette.color(QPalette::HighlightedText);
        x += drawChip(painter, rect, x, c, chipFont) + 4;
    };
    if (current) {
        const QColor fill = currentColour(palette);
        chip({tr("current"), fill, fill.darker(115), textOn(fill)});
    }
    if (ghost) {
        const QColor fill = warningColour(palette);
        chip({tr("no script"), fill, fill.darker(115), textOn(fill)});
    }
    if (row.glyphs.testFlag(GraphRow::Head) && !ghost) {
        const QColor fill = laneColour(row.colour, palette);
        chip({tr("head"), fill, fill.darker(115), textOn(fill)});
    }
    const QStringList labels = index.data(RevisionGraphModel::BranchLabelsRole).toStringList();
    for (const QString &label : labels) {
        const QColor lane = laneColour(row.colour, palette);
        QColor fill = lane;
        fill.setAlpha(isDark(palette) ? 70 : 40);
        QColor text = isDark(palette) ? lane.lighter(130) : lane.darker(130);
        if (selected)
            text = palette.color(QPalette::HighlightedText);
        chip({label, fill, lane, text});
    }

    int right = rect.right() - 6;
    const QString diagnostic = index.data(RevisionGraphModel::DiagnosticRole).toString();
    if (!diagnostic.isEmpty()) {
        const QColor fill = warningColour(palette);
        QFont badgeFont = chipFont;
        const int width = QFontMetrics(badgeFont).horizontalAdvance(tr("not native")) + 10;
        right -= width;
        drawChip(painter, rect, right, {tr("not native"), fill, fill.darker(115), textOn(fill)},
                 badgeFont);
        right -= 6;
    }

    QFont messageFont = option.font;
    messageFont.setItalic(ghost);
    painter->setFont(messageFont);
    QColor textColour = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    painter->setPen(textColour);
    const QRect textRect(x + 2, rect.top(), std::max(0, right - x - 2), rect.height());
    const QString message = index.data(RevisionGraphModel::MessageRole).toString();
    const QString text = message.isEmpty() ? tr("(no message)") : message;
    if (message.isEmpty()) {
        textColour.setAlphaF(0.55f);
        painter->setPen(textColour);
    }
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                      QFontMetrics(messageFont).elidedText(text, Qt::ElideRight, textRect.width()));
}

} // namespace Retort
