// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graph/graphlayout.h"

#include <QColor>
#include <QStyledItemDelegate>

namespace Retort {

// Paints the rows of a RevisionGraphModel (through any proxy): in the graph column the
// lanes, the node glyph, chips for the head / current markers and the branch labels,
// the message and a badge for diagnostics; in the id column the short id in a fixed
// font. Only paints: everything comes from the model's roles. Colours follow the
// palette of the view (light or dark). GUI thread only.
class RevisionGraphDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit RevisionGraphDelegate(QObject *parent = nullptr);

    static constexpr int LaneWidth = 18;

    // The colour of lane colour index `colour` for a palette with that window colour.
    static QColor laneColour(int colour, const QPalette &palette);
    // One node glyph centred in rect (for legends, e.g. a glossary of the graph).
    static void paintGlyph(QPainter *painter, const QRectF &rect, GraphRow::Glyphs glyphs,
                           const QColor &colour, const QPalette &palette);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    void paintGraphColumn(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const;
    void paintIdColumn(QPainter *painter, const QStyleOptionViewItem &option,
                       const QModelIndex &index) const;
};

} // namespace Retort
