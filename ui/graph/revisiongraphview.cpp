// SPDX-License-Identifier: GPL-3.0-or-later
#include "revisiongraphview.h"
#include "icons.h"

#include "graph/revisiongraphdelegate.h"
#include "graph/revisiongraphfiltermodel.h"
#include "graph/revisiongraphmodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
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
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
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
    m_findAction->setIcon(Icons::action(QStringLiteral("edit-find")));
    m_headAction->setIcon(Icons::action(QStringLiteral("go-top")));
    m_currentAction->setIcon(Icons::action(QStringLiteral("go-jump")));
    m_baseAction->setIcon(Icons::action(QStringLiteral("go-bottom")));
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
    // The ghost banner: a message strip like KMessageWidget's, above the graph.
    m_ghostBanner = new QFrame(this);
    m_ghostBanner->setObjectName(QStringLiteral("ghostBanner"));
    m_ghostBanner->setFrameShape(QFrame::StyledPanel);
    m_ghostBanner->setAutoFillBackground(true);
    auto *ghostIcon = new QLabel(m_ghostBanner);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    ghostIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize, iconSize));
    m_ghostText = new QLabel(m_ghostBanner);
    m_ghostText->setWordWrap(true);
    m_ghostFixButton = new QPushButton(tr("Fix by Stamping…"), m_ghostBanner);
    m_ghostFixButton->setObjectName(QStringLiteral("fixGhostButton"));
    m_ghostFixButton->setToolTip(tr("Explains what happened, shows the SQL and stamps the database after you confirm"));
    auto *bannerLayout = new QHBoxLayout(m_ghostBanner);
    bannerLayout->setContentsMargins(8, 6, 8, 6);
    bannerLayout->setSpacing(8);
    bannerLayout->addWidget(ghostIcon, 0, Qt::AlignVCenter);
    bannerLayout->addWidget(m_ghostText, 1);
    bannerLayout->addWidget(m_ghostFixButton, 0, Qt::AlignVCenter);
    m_ghostBanner->hide();
    connect(m_ghostFixButton, &QPushButton::clicked, this, [this] {
        // The selected ghost row if there is one, else the first.
        const QString selected = selectedRevision();
        const int row = m_model->rowOf(selected);
        const bool selectedIsGhost = row >= 0 && row < m_model->ghostCount();
        if (m_model->ghostCount() > 0)
            Q_EMIT fixGhostRequested(selectedIsGhost ? selected : m_model->revisionId(0));
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    auto *bannerMargins = new QVBoxLayout;
    bannerMargins->setContentsMargins(4, 0, 4, 4);
    bannerMargins->addWidget(m_ghostBanner);
    layout->addLayout(bannerMargins);
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
        // Right-clicking one of several selected rows keeps them selected (for Compare).
        if (m_tree->selectionModel()->isRowSelected(index.row(), index.parent()))
            m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        else
            m_tree->setCurrentIndex(index);
        Q_EMIT contextMenuRequestedFor(index.data(RevisionGraphModel::RevisionIdRole).toString(),
                                       m_tree->viewport()->mapToGlobal(pos));
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { Q_EMIT selectionChanged(selectedRevisions()); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_headCursor = m_currentCursor = m_baseCursor = -1;
        updateMatchLabel();
        updateGhostBanner();
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &RevisionGraphView::updateGhostBanner);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &RevisionGraphView::updateGhostBanner);
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
    const QModelIndex current = m_tree->currentIndex();
    if (current.isValid() && m_tree->selectionModel()->isRowSelected(current.row(), current.parent()))
        return current.data(RevisionGraphModel::RevisionIdRole).toString();
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString()
                          : rows.first().data(RevisionGraphModel::RevisionIdRole).toString();
}

QStringList RevisionGraphView::selectedRevisions() const
{
    QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList ids;
    for (const QModelIndex &row : std::as_const(rows))
        ids << row.data(RevisionGraphModel::RevisionIdRole).toString();
    return ids;
}

void RevisionGraphView::selectRevisions(const QStringList &ids)
{
    QItemSelection selection;
    QModelIndex last;
    for (const QString &id : ids) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
        if (!index.isValid())
            continue;
        selection.select(index, index);
        last = index;
    }
    if (!last.isValid()) {
        m_tree->selectionModel()->clearSelection();
        return;
    }
    m_tree->selectionModel()->setCurrentIndex(last, QItemSelectionModel::NoUpdate);
    m_tree->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_tree->scrollTo(last, QAbstractItemView::EnsureVisible);
    Q_EMIT revisionSelected(last.data(RevisionGraphModel::RevisionIdRole).toString());
}

void RevisionGraphView::updateGhostBanner()
{
    const int ghosts = m_model->ghostCount();
    m_ghostBanner->setVisible(ghosts > 0);
    if (ghosts == 0)
        return;
    if (ghosts == 1)
        m_ghostText->setText(tr("The database's version table names revision %1, which no script of this "
                                "project defines.")
                                 .arg(RevisionGraphModel::shortId(m_model->revisionId(0))));
    else
        m_ghostText->setText(tr("The database's version table names %n revisions no script of this project "
                                "defines.", nullptr, ghosts));
    // A warm tint of the window colour that reads in light and dark palettes.
    QPalette palette = this->palette();
    const QColor window = palette.color(QPalette::Window);
    const QColor amber(0xf6, 0x74, 0x00);
    const qreal mix = window.lightness() > 128 ? 0.18 : 0.28;
    palette.setColor(QPalette::Window,
                     QColor::fromRgbF(window.redF() * (1 - mix) + amber.redF() * mix,
                                      window.greenF() * (1 - mix) + amber.greenF() * mix,
                                      window.blueF() * (1 - mix) + amber.blueF() * mix));
    m_ghostBanner->setPalette(palette);
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

void RevisionGraphView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_ghostBanner)
        updateGhostBanner();
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
