// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspect/queryrows.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace Retort {

Result<QueryRows::Rows> QueryRows::run(const QSqlDatabase &database, const QString &sql,
                                       const QVariantList &values)
{
    QSqlQuery query(database);
    query.setForwardOnly(true);
    bool ok = false;
    if (values.isEmpty()) {
        ok = query.exec(sql);
    } else {
        ok = query.prepare(sql);
        if (ok) {
            for (const QVariant &value : values)
                query.addBindValue(value);
            ok = query.exec();
        }
    }
    if (!ok)
        return Result<Rows>::failure(QStringLiteral("reading the schema failed: %1\nquery: %2")
                                         .arg(query.lastError().text(), sql.simplified()));
    Rows rows;
    while (query.next()) {
        QVariantList row;
        const int columns = query.record().count();
        row.reserve(columns);
        for (int i = 0; i < columns; ++i)
            row.append(query.value(i));
        rows.append(row);
    }
    return rows;
}

} // namespace Retort
