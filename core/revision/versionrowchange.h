// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <utility>

namespace Retort {

// One change to the rows of alembic_version, independent of any SQL dialect.
// Insert: `to` is the new row. Update: the row `from` becomes `to`. Delete: the row
// `from` goes. DeleteAll: every row goes (stamp --purge). Value type.
struct VersionRowChange
{
    enum class Kind { Insert, Update, Delete, DeleteAll };

    Kind kind = Kind::Insert;
    QString from;
    QString to;

    static VersionRowChange insert(QString revision)
    {
        return {Kind::Insert, QString(), std::move(revision)};
    }
    static VersionRowChange update(QString from, QString to)
    {
        return {Kind::Update, std::move(from), std::move(to)};
    }
    static VersionRowChange remove(QString revision)
    {
        return {Kind::Delete, std::move(revision), QString()};
    }
    static VersionRowChange removeAll() { return {Kind::DeleteAll, QString(), QString()}; }

    bool operator==(const VersionRowChange &other) const = default;
};

using VersionRowChanges = QList<VersionRowChange>;

} // namespace Retort

Q_DECLARE_METATYPE(Retort::VersionRowChange)
