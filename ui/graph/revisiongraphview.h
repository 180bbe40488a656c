// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graph/graphlayout.h"
#include "revision/revisionmap.h"

#include <QHash>
#include <QPoint>
#include <QStringList>
#include <QWidget>

class QAction;
class QFrame;
class QLabel;
class QPushButton;
class QLineEdit;
class QModelIndex;
class QToolButton;
class QTreeView;

namespace Retort {

class RevisionGraphDelegate;
class RevisionGraphFilterModel;
class RevisionGraphModel;

// The history view of a project: the revision graph (lanes, glyphs, label chips,
// head/current markers, dashed depends_on, the highlighted path, badges) over a
// RevisionGraphModel, with a search field that dims the revisions that do not match
// and jumps between those that do (or, with "Only matches", hides them), keyboard
// navigation and "go to head / current / base" actions.
//
// Rows are selected one at a time, or two (or more) with Ctrl+click for comparisons
// (selectedRevisions()). When the database's version table names revisions no script
// defines (ghost rows), a banner above the graph says so and offers the guided fix
// (fixGhostRequested()).
//
// Owns its model, proxy and delegate. GUI thread only. The main window fills context
// menus from contextMenuRequestedFor() and reacts to revisionSelected().
class RevisionGraphView : public QWidget
{
    Q_OBJECT
public:
    explicit RevisionGraphView(QWidget *parent = nullptr);
    ~RevisionGraphView() override;

    // Lays the graph out on this thread: fine up to a few thousand revisions.
    void setProject(const RevisionMap &map);
    // With the layout computed on the loader thread: GraphLayout(map) there.
    void setProject(const RevisionMap &map, const GraphLayout &layout);
    void clear();

    void setCurrentRevisions(const QStringList &ids);
    void setHighlightedPath(const QStringList &ids);
    void setDiagnostics(const QHash<QString, QString> &textByRevision);

    // Selects and scrolls to a revision (or ghost row); false if it is not shown.
    bool selectRevision(const QString &id);
    // The current row's revision (the last one clicked).
    QString selectedRevision() const;
    // Every selected row's revision (ghost rows included), newest first.
    QStringList selectedRevisions() const;
    // Selects exactly these rows (for tests and for restoring a selection).
    void selectRevisions(const QStringList &ids);
    // The banner shown while there are ghost rows (hidden otherwise).
    QFrame *ghostBanner() const { return m_ghostBanner; }
    QPushButton *ghostFixButton() const { return m_ghostFixButton; }

    RevisionGraphModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    QLineEdit *searchField() const { return m_search; }

    QAction *findAction() const { return m_findAction; }
    QAction *goToHeadAction() const { return m_headAction; }
    QAction *goToCurrentAction() const { return m_currentAction; }
    QAction *goToBaseAction() const { return m_baseAction; }
    QAction *nextMatchAction() const { return m_nextMatchAction; }
    QAction *previousMatchAction() const { return m_previousMatchAction; }

public Q_SLOTS:
    void focusSearch();
    void setSearchText(const QString &text);
    void setOnlyMatches(bool only);
    // Repeated triggers cycle through the heads / current revisions / bases.
    void goToHead();
    void goToCurrent();
    void goToBase();
    void goToNextMatch();
    void goToPreviousMatch();

Q_SIGNALS:
    void revisionSelected(const QString &id); // empty when nothing is selected
    void revisionActivated(const QString &id); // double click or Enter
    void contextMenuRequestedFor(const QString &id, const QPoint &globalPos);
    // The set of selected rows changed (see selectedRevisions()).
    void selectionChanged(const QStringList &ids);
    // The user asked to repair the version table row naming `id` (a ghost row).
    void fixGhostRequested(const QString &id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void goToNext(const QStringList &ids, int *cursor);
    void selectSourceRow(int sourceRow);
    void updateMatchLabel();
    void currentRowChanged(const QModelIndex &current);
    void resizeColumns();
    void updateGhostBanner();

    RevisionGraphModel *m_model = nullptr;
    RevisionGraphFilterModel *m_filter = nullptr;
    RevisionGraphDelegate *m_delegate = nullptr;
    QTreeView *m_tree = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_matchLabel = nullptr;
    QToolButton *m_onlyMatches = nullptr;
    QFrame *m_ghostBanner = nullptr;
    QLabel *m_ghostText = nullptr;
    QPushButton *m_ghostFixButton = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_headAction = nullptr;
    QAction *m_currentAction = nullptr;
    QAction *m_baseAction = nullptr;
    QAction *m_nextMatchAction = nullptr;
    QAction *m_previousMatchAction = nullptr;
    int m_headCursor = -1;
    int m_currentCursor = -1;
    int m_baseCursor = -1;
};

} // namespace Retort
