// SPDX-License-Identifier: GPL-3.0-or-later
#include "revisiongraphmodel.h"

#include <algorithm>

namespace Retort {

namespace {

constexpr int ShortIdLength = 12;

QString joined(const QStringList &items)
{
    return items.isEmpty() ? QStringLiteral("\u2014") : items.join(QLatin1String(", "));
}

} // namespace

RevisionGraphModel::RevisionGraphModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

void RevisionGraphModel::setProject(const RevisionMap &map)
{
    setProject(map, GraphLayout(map));
}

void RevisionGraphModel::setProject(const RevisionMap &map, const GraphLayout &layout)
{
    beginResetModel();
    m_map = map;
    // A layout from another map (a stale load) would point rows at the wrong ids.
    const bool matches = layout.rowCount() == (map.isValid() ? int(map.size()) : 0)
        && (layout.isEmpty() || map.contains(layout.revisionId(0)));
    m_layout = matches ? layout : GraphLayout(map);
    m_highlighted.assign(size_t(m_layout.rowCount()), false);
    m_highlightedEdges.clear();
    m_ghosts.clear();
    for (const QString &id : std::as_const(m_current)) {
        if (m_layout.rowOf(id) < 0 && !m_ghosts.contains(id))
            m_ghosts.append(id);
    }
    for (const QString &id : std::as_const(m_highlightedIds)) {
        const int row = m_layout.rowOf(id);
        if (row >= 0)
            m_highlighted[size_t(row)] = true;
    }
    endResetModel();
    // Recompute the link bits for the kept path against the new layout.
    setHighlightedPath(QStringList(m_highlightedIds));
}

void RevisionGraphModel::clear()
{
    beginResetModel();
    m_map = RevisionMap();
    m_layout = GraphLayout();
    m_current.clear();
    m_currentSet.clear();
    m_ghosts.clear();
    m_highlightedIds.clear();
    m_highlighted.clear();
    m_highlightedEdges.clear();
    m_diagnostics.clear();
    endResetModel();
}

void RevisionGraphModel::setCurrentRevisions(const QStringList &ids)
{
    QStringList ghosts;
    for (const QString &id : ids) {
        if (m_layout.rowOf(id) < 0 && !ghosts.contains(id))
            ghosts.append(id);
    }
    const QSet<QString> before = m_currentSet;
    if (ghosts != m_ghosts) {
        if (!m_ghosts.isEmpty()) {
            beginRemoveRows({}, 0, int(m_ghosts.size()) - 1);
            m_ghosts.clear();
            endRemoveRows();
        }
        if (!ghosts.isEmpty()) {
            beginInsertRows({}, 0, int(ghosts.size()) - 1);
            m_ghosts = ghosts;
            endInsertRows();
        }
    }
    m_current = ids;
    m_currentSet = QSet<QString>(ids.cbegin(), ids.cend());
    QSet<int> changed;
    for (const QString &id : before) {
        if (!m_currentSet.contains(id) && m_layout.rowOf(id) >= 0)
            changed.insert(m_layout.rowOf(id));
    }
    for (const QString &id : std::as_const(m_currentSet)) {
        if (!before.contains(id) && m_layout.rowOf(id) >= 0)
            changed.insert(m_layout.rowOf(id));
    }
    emitRowsChanged(changed);
}

void RevisionGraphModel::setHighlightedPath(const QStringList &ids)
{
    QSet<int> changed;
    for (auto it = m_highlightedEdges.cbegin(); it != m_highlightedEdges.cend(); ++it)
        changed.insert(it.key());
    for (size_t r = 0; r < m_highlighted.size(); ++r) {
        if (m_highlighted[r])
            changed.insert(int(r));
    }
    std::fill(m_highlighted.begin(), m_highlighted.end(), false);
    m_highlightedEdges.clear();
    m_highlightedIds = ids;

    int first = m_layout.rowCount();
    int last = -1;
    for (const QString &id : ids) {
        const int row = m_layout.rowOf(id);
        if (row < 0)
            continue;
        m_highlighted[size_t(row)] = true;
        changed.insert(row);
        first = std::min(first, row);
        last = std::max(last, row);
    }
    // A link is on the path when both of its ends are. Lanes are shared below the point
    // where links to the same revision join, so follow them down from the first path
    // row: a lane is lit from where such a link leaves its node down to its target.
    std::vector<char> lit(size_t(std::max(1, m_layout.maxWidth())), 0);
    std::vector<char> below(lit.size(), 0);
    for (int r = first; r <= last; ++r) {
        const GraphRow row = m_layout.row(r);
        const QList<GraphEdge> &edges = row.edges;
        std::fill(below.begin(), below.end(), 0);
        QBitArray bits;
        for (qsizetype e = 0; e < edges.size(); ++e) {
            const GraphEdge &edge = edges.at(e);
            bool on;
            if (edge.part == GraphEdge::Bottom && edge.fromLane == row.lane)
                on = edge.kind == GraphEdge::Parent && m_highlighted[size_t(r)]
                    && m_highlighted[size_t(edge.lowerRow)];
            else
                on = lit[size_t(edge.fromLane)];
            if (!on)
                continue;
            if (edge.part == GraphEdge::Bottom)
                below[size_t(edge.toLane)] = 1;
            if (bits.isEmpty())
                bits.resize(edges.size());
            bits.setBit(e);
        }
        lit.swap(below);
        if (!bits.isEmpty()) {
            m_highlightedEdges.insert(r, bits);
            changed.insert(r);
        }
    }
    emitRowsChanged(changed);
}

void RevisionGraphModel::setDiagnostics(const QHash<QString, QString> &textByRevision)
{
    QSet<int> changed;
    for (auto it = m_diagnostics.cbegin(); it != m_diagnostics.cend(); ++it) {
        if (textByRevision.value(it.key()) != it.value() && m_layout.rowOf(it.key()) >= 0)
            changed.insert(m_layout.rowOf(it.key()));
    }
    for (auto it = textByRevision.cbegin(); it != textByRevision.cend(); ++it) {
        if (m_diagnostics.value(it.key()) != it.value() && m_layout.rowOf(it.key()) >= 0)
            changed.insert(m_layout.rowOf(it.key()));
    }
    m_diagnostics = textByRevision;
    emitRowsChanged(changed);
}

void RevisionGraphModel::emitRowsChanged(const QSet<int> &layoutRows)
{
    if (layoutRows.isEmpty())
        return;
    // One signal per run of adjacent rows: a path is usually contiguous.
    QList<int> rows(layoutRows.cbegin(), layoutRows.cend());
    std::sort(rows.begin(), rows.end());
    const int offset = int(m_ghosts.size());
    qsizetype start = 0;
    for (qsizetype i = 1; i <= rows.size(); ++i) {
        if (i == rows.size() || rows.at(i) != rows.at(i - 1) + 1) {
            Q_EMIT dataChanged(index(rows.at(start) + offset, 0),
                               index(rows.at(i - 1) + offset, ColumnCount - 1));
            start = i;
        }
    }
}

QString RevisionGraphModel::revisionId(int row) const
{
    if (row < 0)
        return {};
    if (row < m_ghosts.size())
        return m_ghosts.at(row);
    return m_layout.revisionId(row - int(m_ghosts.size()));
}

int RevisionGraphModel::rowOf(const QString &id) const
{
    const int ghost = int(m_ghosts.indexOf(id));
    if (ghost >= 0)
        return ghost;
    const int row = m_layout.rowOf(id);
    return row < 0 ? -1 : row + int(m_ghosts.size());
}

QString RevisionGraphModel::shortId(const QString &id)
{
    return id.left(ShortIdLength);
}

QModelIndex RevisionGraphModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= rowCount() || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

QModelIndex RevisionGraphModel::parent(const QModelIndex &) const
{
    return {};
}

int RevisionGraphModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ghosts.size()) + m_layout.rowCount();
}

int RevisionGraphModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags RevisionGraphModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index))
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant RevisionGraphModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index))
        return {};
    const int ghosts = int(m_ghosts.size());
    if (index.row() < ghosts)
        return ghostData(index.row(), index.column(), role);
    return revisionData(index.row() - ghosts, index.column(), role);
}

QVariant RevisionGraphModel::ghostData(int ghost, int column, int role) const
{
    const QString &id = m_ghosts.at(ghost);
    switch (role) {
    case Qt::DisplayRole:
        return column == IdColumn ? shortId(id)
                                  : tr("Unknown revision in the database: no script defines it");
    case Qt::ToolTipRole:
        return QStringLiteral("<b>%1</b><br>%2").arg(id.toHtmlEscaped(),
                                                     ghostGuidance(id).toHtmlEscaped());
    case RevisionIdRole:
        return id;
    case ShortIdRole:
        return shortId(id);
    case MessageRole:
        return tr("Unknown revision in the database: no script defines it");
    case GlyphsRole:
        return int(GraphRow::Plain);
    case IsCurrentRole:
    case IsGhostRole:
        return true;
    case IsHeadRole:
    case IsHighlightedRole:
        return false;
    case GuidanceRole:
        return ghostGuidance(id);
    case BranchLabelsRole:
        return QStringList();
    case SearchTextRole:
        return id;
    case GraphWidthRole:
        return m_layout.maxWidth();
    default:
        return {};
    }
}

QString RevisionGraphModel::ghostGuidance(const QString &id) const
{
    const QStringList heads = m_map.heads();
    const QString target = heads.size() == 1 ? shortId(heads.first()) : tr("a known revision");
    return tr("The database's alembic_version table names revision %1, which no script in this "
              "project defines (a deleted or not yet pulled migration). Stamp to %2 to record "
              "the revision the schema really has; the SQL is shown before it runs.")
        .arg(id, target);
}

QVariant RevisionGraphModel::revisionData(int layoutRow, int column, int role) const
{
    const QString id = m_layout.revisionId(layoutRow);
    switch (role) {
    case Qt::DisplayRole:
        if (column == IdColumn)
            return shortId(id);
        return m_map.revision(id)->doc();
    case Qt::ToolTipRole:
        return toolTip(layoutRow);
    case RevisionIdRole:
        return id;
    case ShortIdRole:
        return shortId(id);
    case MessageRole:
        return m_map.revision(id)->doc();
    case GraphRowRole:
        return QVariant::fromValue(m_layout.row(layoutRow));
    case HighlightedEdgesRole:
        return m_highlightedEdges.value(layoutRow);
    case GlyphsRole:
        return int(m_layout.glyphs(layoutRow));
    case BranchLabelsRole:
        return m_map.revision(id)->branchLabels;
    case IsHeadRole:
        return m_layout.glyphs(layoutRow).testFlag(GraphRow::Head);
    case IsCurrentRole:
        return m_currentSet.contains(id);
    case IsGhostRole:
        return false;
    case IsHighlightedRole:
        return bool(m_highlighted[size_t(layoutRow)]);
    case DiagnosticRole:
        return m_diagnostics.value(id);
    case PathRole:
        return m_map.revision(id)->path;
    case GraphWidthRole:
        return m_layout.maxWidth();
    case SearchTextRole: {
        const Revision *revision = m_map.revision(id);
        return QString(id % QLatin1Char('\n') % revision->doc() % QLatin1Char('\n')
                       % revision->branchLabels.join(QLatin1Char('\n')));
    }
    default:
        return {};
    }
}

QString RevisionGraphModel::toolTip(int layoutRow) const
{
    GraphRow row;
    row.id = m_layout.revisionId(layoutRow);
    row.glyphs = m_layout.glyphs(layoutRow);
    const Revision *revision = m_map.revision(row.id);
    QStringList kinds;
    if (row.glyphs.testFlag(GraphRow::Head))
        kinds << tr("head");
    if (row.glyphs.testFlag(GraphRow::Base))
        kinds << tr("base");
    if (row.glyphs.testFlag(GraphRow::BranchPoint))
        kinds << tr("branch point");
    if (row.glyphs.testFlag(GraphRow::MergePoint))
        kinds << tr("merge point");
    if (m_currentSet.contains(row.id))
        kinds << tr("current in the database");
    QString html = QStringLiteral("<b><tt>%1</tt></b>").arg(row.id.toHtmlEscaped());
    if (!kinds.isEmpty())
        html += QStringLiteral(" (%1)").arg(kinds.join(QLatin1String(", ")).toHtmlEscaped());
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"1\">");
    const auto line = [&html](const QString &label, const QString &value) {
        html += QStringLiteral("<tr><td>%1&nbsp;</td><td>%2</td></tr>")
                    .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    line(tr("Parents:"), joined(revision->downRevisions));
    line(tr("Branch labels:"), joined(m_map.branchLabels(row.id)));
    line(tr("Depends on:"), joined(revision->dependsOn));
    line(tr("Path:"), revision->path);
    html += QStringLiteral("</table>");
    if (!revision->longDoc.isEmpty()) {
        html += QStringLiteral("<p style=\"white-space:pre-wrap\">%1</p>")
                    .arg(revision->longDoc.toHtmlEscaped());
    }
    const QString diagnostic = m_diagnostics.value(row.id);
    if (!diagnostic.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(tr("Not rendered natively:").toHtmlEscaped(), diagnostic.toHtmlEscaped());
    return html;
}

QVariant RevisionGraphModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GraphColumn:
        return tr("Revision");
    case IdColumn:
        return tr("Id");
    default:
        return {};
    }
}

QHash<int, QByteArray> RevisionGraphModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(RevisionIdRole, "revisionId");
    names.insert(ShortIdRole, "shortId");
    names.insert(MessageRole, "message");
    names.insert(GraphRowRole, "graphRow");
    names.insert(HighlightedEdgesRole, "highlightedEdges");
    names.insert(GlyphsRole, "glyphs");
    names.insert(BranchLabelsRole, "branchLabels");
    names.insert(IsHeadRole, "isHead");
    names.insert(IsCurrentRole, "isCurrent");
    names.insert(IsGhostRole, "isGhost");
    names.insert(GuidanceRole, "guidance");
    names.insert(IsHighlightedRole, "isHighlighted");
    names.insert(DiagnosticRole, "diagnostic");
    names.insert(PathRole, "path");
    names.insert(SearchTextRole, "searchText");
    names.insert(GraphWidthRole, "graphWidth");
    return names;
}

} // namespace Retort
