// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

namespace Retort {

// Runs one catalog query (positional ? placeholders bound in order) and returns every
// row as a list of values; fails with the statement and the server's message. Used by
// the live-schema readers. Runs on the calling thread, which must own `database`.
class QueryRows
{
public:
    using Rows = QList<QVariantList>;
    static Result<Rows> run(const QSqlDatabase &database, const QString &sql,
                            const QVariantList &values = {});
};

} // namespace Retort
