// SPDX-License-Identifier: GPL-3.0-or-later
#include "revisionlistmodel.h"

#include <QColor>
#include <QFont>
#include <QFontDatabase>
#include <QPainter>
#include <QPixmap>

namespace Retort {

namespace {

QString joined(const QStringList &items)
{
    return items.join(QLatin1String(", "));
}

// The colour of a revision's dot: the most telling of its markers wins.
QColor markerColor(RevisionListModel::Markers markers)
{
    if (markers & RevisionListModel::Head)
        return QColor(0x2e, 0x9e, 0x4f);
    if (markers & RevisionListModel::EffectiveHead)
        return QColor(0x8f, 0xc9, 0x9e);
    if (markers & RevisionListModel::MergePoint)
        return QColor(0x8e, 0x44, 0xad);
    if (markers & RevisionListModel::BranchPoint)
        return QColor(0xe6, 0x7e, 0x22);
    if (markers & RevisionListModel::Base)
        return QColor(0x29, 0x80, 0xb9);
    return QColor(0x95, 0xa5, 0xa6);
}

QPixmap markerDot(RevisionListModel::Markers markers)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(markerColor(markers));
    painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    return pixmap;
}

} // namespace

RevisionListModel::RevisionListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void RevisionListModel::setMap(const RevisionMap &map)
{
    beginResetModel();
    m_map = map;
    m_rows = m_map.isValid() ? m_map.historyOrder() : QStringList();
    endResetModel();
}

void RevisionListModel::clear()
{
    setMap(RevisionMap());
}

QString RevisionListModel::revisionId(int row) const
{
    return m_rows.value(row);
}

int RevisionListModel::rowOf(const QString &id) const
{
    return int(m_rows.indexOf(id));
}

RevisionListModel::Markers RevisionListModel::markers(const QString &id) const
{
    Markers result;
    if (m_map.isRealHead(id))
        result |= Head;
    else if (m_map.isEffectiveHead(id))
        result |= EffectiveHead;
    if (m_map.isBase(id))
        result |= Base;
    if (m_map.isBranchPoint(id))
        result |= BranchPoint;
    if (m_map.isMergePoint(id))
        result |= MergePoint;
    return result;
}

QString RevisionListModel::markersText(Markers markers)
{
    QStringList words;
    if (markers & Head)
        words << tr("head");
    if (markers & EffectiveHead)
        words << tr("effective head");
    if (markers & Base)
        words << tr("base");
    if (markers & BranchPoint)
        words << tr("branch point");
    if (markers & MergePoint)
        words << tr("merge point");
    return joined(words);
}

int RevisionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RevisionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RevisionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString id = m_rows.at(index.row());
    const Revision *revision = m_map.revision(id);
    if (!revision)
        return {};

    switch (role) {
    case Qt::DisplayRole:
        return displayText(*revision, index.column());
    case Qt::ToolTipRole:
        return toolTip(*revision);
    case Qt::DecorationRole:
        if (index.column() == IdColumn) {
            const Markers kind = markers(id);
            auto dot = m_dots.constFind(kind.toInt());
            if (dot == m_dots.constEnd())
                dot = m_dots.insert(kind.toInt(), markerDot(kind));
            return *dot;
        }
        return {};
    case Qt::FontRole:
        if (index.column() == IdColumn || index.column() == ParentsColumn ||
            index.column() == DependsOnColumn) {
            QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
            font.setBold(index.column() == IdColumn && (markers(id) & Head));
            return font;
        }
        return {};
    case RevisionIdRole:
        return id;
    case ParentsRole:
        return m_map.parents(id);
    case BranchLabelsRole:
        return m_map.branchLabels(id);
    case MarkersRole:
        return int(markers(id));
    case PathRole:
        return revision->path;
    default:
        return {};
    }
}

QVariant RevisionListModel::displayText(const Revision &revision, int column) const
{
    switch (column) {
    case IdColumn:
        return revision.id;
    case ParentsColumn:
        return revision.downRevisions.isEmpty() ? tr("<base>") : joined(revision.downRevisions);
    case DependsOnColumn:
        return joined(revision.dependsOn);
    case LabelsColumn:
        return joined(m_map.branchLabels(revision.id));
    case MarkersColumn:
        return markersText(markers(revision.id));
    case MessageColumn:
        return revision.doc();
    default:
        return {};
    }
}

QString RevisionListModel::toolTip(const Revision &revision) const
{
    QString text = revision.id;
    if (!revision.longDoc.isEmpty())
        text += QLatin1String("\n\n") + revision.longDoc;
    if (!revision.path.isEmpty())
        text += QLatin1String("\n\n") + revision.path;
    return text;
}

QVariant RevisionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("Revision");
    case ParentsColumn:
        return tr("Down revisions");
    case DependsOnColumn:
        return tr("Depends on");
    case LabelsColumn:
        return tr("Branch labels");
    case MarkersColumn:
        return tr("Kind");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace Retort
