// SPDX-License-Identifier: GPL-3.0-or-later
#include "revisiongraphview.h"

#include "graph/revisiongraphdelegate.h"
#include "graph/revisiongraphfiltermodel.h"
#include "graph/revisiongraphmodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace Retort {

RevisionGraphView::RevisionGraphView(QWidget *parent)
    : QWidget(parent)
    , m_model(new RevisionGraphModel(this))
    , m_filter(new RevisionGraphFilterModel(this))
    , m_delegate(new RevisionGraphDelegate(this))
    , m_tree(new QTreeView(this))
    , m_search(new QLineEdit(this))
    , m_matchLabel(new QLabel(this))
    , m_onlyMatches(new QToolButton(this))
{
    m_filter->setSourceModel(m_model);

    m_tree->setModel(m_filter);
    m_tree->setItemDelegate(m_delegate);
    m_tree->setRootIsDecorated(false);
    m_tree->setItemsExpandable(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setMouseTracking(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setFrameShape(QFrame::NoFrame);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(RevisionGraphModel::GraphColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(RevisionGraphModel::IdColumn, QHeaderView::Interactive);
    m_tree->setAccessibleName(tr("Revision graph"));

    m_search->setPlaceholderText(tr("Search id, message or branch label"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_search->setAccessibleName(tr("Search revisions"));
    m_matchLabel->setMinimumWidth(m_matchLabel->fontMetrics().horizontalAdvance(tr("No matches")) + 8);

    const auto makeAction = [this](const QString &text, const QKeySequence &shortcut,
                                   const QString &toolTip) {
        auto *action = new QAction(text, this);
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(toolTip.arg(shortcut.toString(QKeySequence::NativeText)));
        addAction(action);
        return action;
    };
    m_findAction = makeAction(tr("Find Revision"), QKeySequence::Find, tr("Search the graph (%1)"));
    m_nextMatchAction = makeAction(tr("Next Match"), QKeySequence::FindNext, tr("Next match (%1)"));
    m_previousMatchAction =
        makeAction(tr("Previous Match"), QKeySequence::FindPrevious, tr("Previous match (%1)"));
    m_headAction = makeAction(tr("Head"), QKeySequence(tr("Ctrl+Alt+H")),
                              tr("Go to the next head (%1)"));
    m_currentAction = makeAction(tr("Current"), QKeySequence(tr("Ctrl+Alt+C")),
                                 tr("Go to the database's current revision (%1)"));
    m_baseAction = makeAction(tr("Base"), QKeySequence(tr("Ctrl+Alt+B")),
                              tr("Go to the next base (%1)"));
    m_nextMatchAction->setIconText(QStringLiteral("\u2193")); // buttons: arrows; menus: words
    m_previousMatchAction->setIconText(QStringLiteral("\u2191"));
    auto *copyAction = new QAction(tr("Copy Revision Id"), m_tree);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetShortcut);
    m_tree->addAction(copyAction);
    connect(copyAction, &QAction::triggered, this, [this] {
        if (!selectedRevision().isEmpty())
            QApplication::clipboard()->setText(selectedRevision());
    });

    m_onlyMatches->setText(tr("Only matches"));
    m_onlyMatches->setCheckable(true);
    m_onlyMatches->setToolTip(tr("Hide the revisions that do not match (the graph's lines are "
                                 "hidden meanwhile)"));
    m_onlyMatches->setAutoRaise(true);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 4, 4, 4);
    bar->setSpacing(2);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_matchLabel);
    for (QAction *action : {m_previousMatchAction, m_nextMatchAction}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        bar->addWidget(button);
    }
    bar->addWidget(m_onlyMatches);
    bar->addSpacing(8);
    for (QAction *action : {m_headAction, m_currentAction, m_baseAction}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        bar->addWidget(button);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_tree, 1);
    setFocusProxy(m_tree);

    connect(m_findAction, &QAction::triggered, this, &RevisionGraphView::focusSearch);
    connect(m_nextMatchAction, &QAction::triggered, this, &RevisionGraphView::goToNextMatch);
    connect(m_previousMatchAction, &QAction::triggered, this, &RevisionGraphView::goToPreviousMatch);
    connect(m_headAction, &QAction::triggered, this, &RevisionGraphView::goToHead);
    connect(m_currentAction, &QAction::triggered, this, &RevisionGraphView::goToCurrent);
    connect(m_baseAction, &QAction::triggered, this, &RevisionGraphView::goToBase);
    connect(m_search, &QLineEdit::textChanged, this, &RevisionGraphView::setSearchText);
    connect(m_onlyMatches, &QToolButton::toggled, this, &RevisionGraphView::setOnlyMatches);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { currentRowChanged(current); });
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT revisionActivated(index.data(RevisionGraphModel::RevisionIdRole).toString());
    });
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_tree->indexAt(pos);
        if (!index.isValid())
            return;
        m_tree->setCurrentIndex(index);
        Q_EMIT contextMenuRequestedFor(index.data(RevisionGraphModel::RevisionIdRole).toString(),
                                       m_tree->viewport()->mapToGlobal(pos));
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_headCursor = m_currentCursor = m_baseCursor = -1;
        updateMatchLabel();
    });
    resizeColumns();
    updateMatchLabel();
}

RevisionGraphView::~RevisionGraphView() = default;

void RevisionGraphView::setProject(const RevisionMap &map)
{
    m_model->setProject(map);
}

void RevisionGraphView::setProject(const RevisionMap &map, const GraphLayout &layout)
{
    m_model->setProject(map, layout);
}

void RevisionGraphView::clear()
{
    m_model->clear();
}

void RevisionGraphView::setCurrentRevisions(const QStringList &ids)
{
    m_model->setCurrentRevisions(ids);
    m_currentCursor = -1;
}

void RevisionGraphView::setHighlightedPath(const QStringList &ids)
{
    m_model->setHighlightedPath(ids);
}

void RevisionGraphView::setDiagnostics(const QHash<QString, QString> &textByRevision)
{
    m_model->setDiagnostics(textByRevision);
}

bool RevisionGraphView::selectRevision(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    selectSourceRow(row);
    return true;
}

QString RevisionGraphView::selectedRevision() const
{
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString()
                          : rows.first().data(RevisionGraphModel::RevisionIdRole).toString();
}

void RevisionGraphView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void RevisionGraphView::setSearchText(const QString &text)
{
    if (m_search->text() != text) {
        m_search->setText(text); // comes back here through textChanged
        return;
    }
    m_filter->setSearchText(text);
    updateMatchLabel();
    // Incremental search: stay on the selection if it matches, else the next match below.
    const int row = m_tree->currentIndex().isValid()
        ? m_filter->mapToSource(m_tree->currentIndex()).row()
        : -1;
    if (!m_filter->matchingSourceRows().empty() && !m_filter->sourceRowMatches(row))
        goToNextMatch();
}

void RevisionGraphView::setOnlyMatches(bool only)
{
    if (m_onlyMatches->isChecked() != only)
        m_onlyMatches->setChecked(only);
    const QString selected = selectedRevision();
    m_filter->setOnlyMatches(only);
    if (!selected.isEmpty())
        selectRevision(selected);
}

void RevisionGraphView::goToNext(const QStringList &ids, int *cursor)
{
    if (ids.isEmpty())
        return;
    *cursor = (*cursor + 1) % int(ids.size());
    selectRevision(ids.at(*cursor));
}

void RevisionGraphView::goToHead()
{
    QStringList heads;
    const GraphLayout &layout = m_model->layout();
    for (int r = 0; r < layout.rowCount(); ++r) {
        if (layout.glyphs(r).testFlag(GraphRow::Head))
            heads.append(layout.revisionId(r));
    }
    goToNext(heads, &m_headCursor);
}

void RevisionGraphView::goToCurrent()
{
    QStringList current = m_model->currentRevisions();
    std::sort(current.begin(), current.end(), [this](const QString &a, const QString &b) {
        return m_model->rowOf(a) < m_model->rowOf(b);
    });
    goToNext(current, &m_currentCursor);
}

void RevisionGraphView::goToBase()
{
    QStringList bases;
    const GraphLayout &layout = m_model->layout();
    for (int r = 0; r < layout.rowCount(); ++r) {
        if (layout.glyphs(r).testFlag(GraphRow::Base))
            bases.append(layout.revisionId(r));
    }
    goToNext(bases, &m_baseCursor);
}

void RevisionGraphView::goToNextMatch()
{
    const std::vector<int> &matches = m_filter->matchingSourceRows();
    if (matches.empty())
        return;
    const int row = m_tree->currentIndex().isValid()
        ? m_filter->mapToSource(m_tree->currentIndex()).row()
        : -1;
    const auto next = std::upper_bound(matches.cbegin(), matches.cend(), row);
    selectSourceRow(next == matches.cend() ? matches.front() : *next);
}

void RevisionGraphView::goToPreviousMatch()
{
    const std::vector<int> &matches = m_filter->matchingSourceRows();
    if (matches.empty())
        return;
    const int row = m_tree->currentIndex().isValid()
        ? m_filter->mapToSource(m_tree->currentIndex()).row()
        : int(m_model->rowCount());
    const auto previous = std::lower_bound(matches.cbegin(), matches.cend(), row);
    selectSourceRow(previous == matches.cbegin() ? matches.back() : *(previous - 1));
}

void RevisionGraphView::selectSourceRow(int sourceRow)
{
    QModelIndex index = m_filter->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid() && m_filter->onlyMatches()) {
        // Hidden by "only matches": show everything again rather than refuse.
        setOnlyMatches(false);
        index = m_filter->mapFromSource(m_model->index(sourceRow, 0));
    }
    if (!index.isValid())
        return;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index, QAbstractItemView::EnsureVisible);
    updateMatchLabel();
}

void RevisionGraphView::updateMatchLabel()
{
    if (m_filter->searchText().isEmpty()) {
        m_matchLabel->clear();
        return;
    }
    const std::vector<int> &matches = m_filter->matchingSourceRows();
    if (matches.empty()) {
        m_matchLabel->setText(tr("No matches"));
        return;
    }
    const int row = m_tree->currentIndex().isValid()
        ? m_filter->mapToSource(m_tree->currentIndex()).row()
        : -1;
    const auto at = std::lower_bound(matches.cbegin(), matches.cend(), row);
    if (at != matches.cend() && *at == row)
        m_matchLabel->setText(tr("%1 of %2").arg(at - matches.cbegin() + 1).arg(matches.size()));
    else
        m_matchLabel->setText(tr("%n match(es)", nullptr, int(matches.size())));
}

void RevisionGraphView::currentRowChanged(const QModelIndex &current)
{
    updateMatchLabel();
    Q_EMIT revisionSelected(current.data(RevisionGraphModel::RevisionIdRole).toString());
}

void RevisionGraphView::resizeColumns()
{
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_tree->header()->resizeSection(RevisionGraphModel::IdColumn,
                                    QFontMetrics(fixed).horizontalAdvance(QLatin1Char('0')) * 12 + 24);
}

bool RevisionGraphView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (key->modifiers().testFlag(Qt::ShiftModifier))
                goToPreviousMatch();
            else
                goToNextMatch();
            return true;
        case Qt::Key_Escape:
            m_search->clear();
            m_tree->setFocus(Qt::OtherFocusReason);
            return true;
        case Qt::Key_Down:
        case Qt::Key_Up:
        case Qt::Key_PageDown:
        case Qt::Key_PageUp:
            // Arrow keys move through the graph while typing.
            QApplication::sendEvent(m_tree, event);
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Retort
