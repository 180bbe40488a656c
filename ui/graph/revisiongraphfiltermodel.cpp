// SPDX-License-Identifier: GPL-3.0-or-later
#include "revisiongraphfiltermodel.h"

namespace Retort {

RevisionGraphFilterModel::RevisionGraphFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void RevisionGraphFilterModel::setSourceModel(QAbstractItemModel *model)
{
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    QSortFilterProxyModel::setSourceModel(model);
    if (model) {
        // Ghost rows come and go, a new project resets: the matches follow.
        connect(model, &QAbstractItemModel::modelReset, this, &RevisionGraphFilterModel::recompute);
        connect(model, &QAbstractItemModel::rowsInserted, this, &RevisionGraphFilterModel::recompute);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &RevisionGraphFilterModel::recompute);
    }
    recompute();
}

void RevisionGraphFilterModel::setSearchText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    recompute();
    if (m_onlyMatches)
        invalidateFilter();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void RevisionGraphFilterModel::setOnlyMatches(bool only)
{
    if (only == m_onlyMatches)
        return;
    m_onlyMatches = only;
    invalidateFilter();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

bool RevisionGraphFilterModel::sourceRowMatches(int sourceRow) const
{
    return sourceRow >= 0 && size_t(sourceRow) < m_isMatch.size() && m_isMatch[size_t(sourceRow)];
}

void RevisionGraphFilterModel::recompute()
{
    m_matches.clear();
    m_isMatch.clear();
    QAbstractItemModel *source = sourceModel();
    if (!source || m_text.isEmpty())
        return;
    const int rows = source->rowCount();
    m_isMatch.assign(size_t(rows), 0);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = source->index(row, 0);
        const QString id = index.data(RevisionGraphModel::RevisionIdRole).toString();
        bool match = id.startsWith(m_text, Qt::CaseInsensitive)
            || index.data(RevisionGraphModel::MessageRole).toString().contains(m_text, Qt::CaseInsensitive);
        if (!match) {
            const QStringList labels = index.data(RevisionGraphModel::BranchLabelsRole).toStringList();
            for (const QString &label : labels)
                match = match || label.contains(m_text, Qt::CaseInsensitive);
        }
        if (match) {
            m_isMatch[size_t(row)] = 1;
            m_matches.push_back(row);
        }
    }
}

bool RevisionGraphFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    return !m_onlyMatches || m_text.isEmpty() || sourceRowMatches(sourceRow);
}

QVariant RevisionGraphFilterModel::data(const QModelIndex &index, int role) const
{
    switch (role) {
    case SearchStateRole:
        if (m_text.isEmpty())
            return int(NoSearch);
        return int(sourceRowMatches(mapToSource(index).row()) ? Match : NoMatch);
    case LanesShownRole:
        return !m_onlyMatches || m_text.isEmpty();
    default:
        return QSortFilterProxyModel::data(index, role);
    }
}

} // namespace Retort
