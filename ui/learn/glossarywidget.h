// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QScrollArea>

class QGridLayout;

namespace Retort {

// What the revision graph shows, term by term (head, base, branch point, merge point,
// branch label, depends_on, current, stamp), each with the graph's own glyph drawn beside
// it (RevisionGraphDelegate::paintGlyph) and a short explanation in Alembic's words.
// Redraws the glyphs when the palette changes. GUI thread only.
class GlossaryWidget : public QScrollArea
{
    Q_OBJECT
public:
    explicit GlossaryWidget(QWidget *parent = nullptr);

    // The terms, in the order shown.
    QStringList terms() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    QWidget *m_content = nullptr;
    QStringList m_terms;
};

} // namespace Retort
