// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "graph/revisiongraphmodel.h"

#include <QSortFilterProxyModel>

#include <vector>

namespace Retort {

// Search over a RevisionGraphModel that keeps the graph meaningful: by default every
// row stays (the lanes need their neighbours) and SearchStateRole tells the delegate
// which rows to dim; with onlyMatches the other rows are filtered out and
// LanesShownRole turns false so that only the nodes are painted. A revision matches
// when its id starts with the text, or its message or one of its branch labels
// contains it (case-insensitive). GUI thread only.
class RevisionGraphFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum Role {
        SearchStateRole = RevisionGraphModel::FirstFreeRole, // SearchState as int
        LanesShownRole,                                      // bool
    };
    enum SearchState { NoSearch, Match, NoMatch };

    explicit RevisionGraphFilterModel(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_text; }
    void setOnlyMatches(bool only);
    bool onlyMatches() const { return m_onlyMatches; }

    // Source rows that match, top to bottom (empty without search text).
    const std::vector<int> &matchingSourceRows() const { return m_matches; }
    bool sourceRowMatches(int sourceRow) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    void setSourceModel(QAbstractItemModel *model) override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void recompute();

    QString m_text;
    bool m_onlyMatches = false;
    std::vector<int> m_matches;
    std::vector<char> m_isMatch; // per source row
};

} // namespace Retort
