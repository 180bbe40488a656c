// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graph/graphlayout.h"
#include "revision/revisionmap.h"

#include <QAbstractItemModel>
#include <QBitArray>
#include <QHash>
#include <QSet>
#include <QStringList>

#include <vector>

namespace Retort {

// The revision graph of one project as a flat item model: one row per revision in
// GraphLayout order (newest first), preceded by one "ghost" row for each revision the
// database's version table names that no script defines. Column 0 is the graph with
// the message (DisplayRole: the message), column 1 the short id. Views paint lanes from
// GraphRowRole (a GraphRow value: no layout work per paint).
//
// GUI-thread object like every item model. setProject() resets the model; the setters
// for the database's current revisions, the highlighted path and the diagnostics emit
// dataChanged for the rows that change (and insert/remove ghost rows), never a reset.
class RevisionGraphModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { GraphColumn, IdColumn, ColumnCount };

    enum Role {
        RevisionIdRole = Qt::UserRole + 1, // QString, the full id
        ShortIdRole,                       // QString, the first 12 characters
        MessageRole,                       // QString, the first paragraph of the docstring
        GraphRowRole,                      // GraphRow (lanes, glyph, segments)
        HighlightedEdgesRole,              // QBitArray over GraphRow::edges (may be empty)
        GlyphsRole,                        // int, GraphRow::Glyphs
        BranchLabelsRole,                  // QStringList, declared on this revision
        IsHeadRole,                        // bool
        IsCurrentRole,                     // bool: in the database's version table
        IsGhostRole,                       // bool: in the version table, no script
        GuidanceRole,                      // QString: how to fix a ghost row
        IsHighlightedRole,                 // bool: on the highlighted path
        DiagnosticRole,                    // QString: why it cannot be rendered natively
        PathRole,                          // QString, the script's absolute path
        SearchTextRole,                    // QString: id, message and labels, for filters
        GraphWidthRole,                    // int: lanes of the widest row (the same on all)
        FirstFreeRole                      // proxies add their roles from here
    };

    explicit RevisionGraphModel(QObject *parent = nullptr);

    // Lays the graph out here (fine for small projects; big ones: the next overload).
    void setProject(const RevisionMap &map);
    // With a layout computed elsewhere (the loader thread) from the same map.
    void setProject(const RevisionMap &map, const GraphLayout &layout);
    void clear();

    const RevisionMap &map() const { return m_map; }
    const GraphLayout &layout() const { return m_layout; }

    // The database's version table rows. Ids no script defines become ghost rows.
    void setCurrentRevisions(const QStringList &ids);
    QStringList currentRevisions() const { return m_current; }
    // The revisions an upgrade/downgrade would run (any order); links between two of
    // them are highlighted too.
    void setHighlightedPath(const QStringList &ids);
    QStringList highlightedPath() const { return m_highlightedIds; }
    // Revision id -> why the native engine cannot render that migration (a badge).
    void setDiagnostics(const QHash<QString, QString> &textByRevision);

    QString revisionId(int row) const;
    int rowOf(const QString &id) const; // -1 if not shown
    int ghostCount() const { return int(m_ghosts.size()); }
    static QString shortId(const QString &id);

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    QVariant ghostData(int ghost, int column, int role) const;
    QVariant revisionData(int layoutRow, int column, int role) const;
    QString toolTip(int layoutRow) const;
    QString ghostGuidance(const QString &id) const;
    void emitRowsChanged(const QSet<int> &layoutRows);

    RevisionMap m_map;
    GraphLayout m_layout;
    QStringList m_current;
    QSet<QString> m_currentSet;
    QStringList m_ghosts; // current ids with no script, in the given order
    QStringList m_highlightedIds;
    std::vector<bool> m_highlighted;     // per layout row
    QHash<int, QBitArray> m_highlightedEdges; // layout row -> bits over its edges
    QHash<QString, QString> m_diagnostics;
};

} // namespace Retort
