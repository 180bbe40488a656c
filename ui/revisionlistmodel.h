// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "revision/revisionmap.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPixmap>
#include <QStringList>

namespace Retort {

// The revisions of one project as a table, newest first (the order of `alembic
// history`), one row per revision. Columns show what `alembic history` shows: the id,
// the down revisions, depends_on, the (propagated) branch labels, the head / base /
// branch point / merge point markers and the message. Roles give views the raw values.
//
// Holds a copy of the RevisionMap (cheap: shared, immutable); setMap() resets the model.
// GUI-thread object like every item model.
class RevisionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        ParentsColumn,
        DependsOnColumn,
        LabelsColumn,
        MarkersColumn,
        MessageColumn,
        ColumnCount
    };

    enum Role {
        RevisionIdRole = Qt::UserRole + 1, // QString
        ParentsRole,                       // QStringList, declared order
        BranchLabelsRole,                  // QStringList, sorted
        MarkersRole,                       // Markers flags as int
        PathRole,                          // QString, the script's absolute path
    };

    enum Marker {
        NoMarker = 0,
        Head = 1 << 0,
        EffectiveHead = 1 << 1,
        Base = 1 << 2,
        BranchPoint = 1 << 3,
        MergePoint = 1 << 4,
    };
    Q_DECLARE_FLAGS(Markers, Marker)
    Q_FLAG(Markers)

    explicit RevisionListModel(QObject *parent = nullptr);

    void setMap(const RevisionMap &map);
    void clear();
    const RevisionMap &map() const { return m_map; }

    // The revision shown in a row, and the row of a revision (-1 if not shown).
    QString revisionId(int row) const;
    int rowOf(const QString &id) const;
    Markers markers(const QString &id) const;
    // "head, merge point": the markers column's text.
    static QString markersText(Markers markers);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayText(const Revision &revision, int column) const;
    QString toolTip(const Revision &revision) const;

    RevisionMap m_map;
    QStringList m_rows;                 // revision ids, history order
    mutable QHash<int, QPixmap> m_dots; // the Id column's decoration, per Markers value
};

Q_DECLARE_OPERATORS_FOR_FLAGS(RevisionListModel::Markers)

} // namespace Retort
