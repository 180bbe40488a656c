// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "schema/schemamodel.h"
#include "sql/sqldialect.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

namespace Retort {

// A SchemaModel as the CREATE TABLE / CREATE INDEX (and, per dialect, CREATE TYPE /
// COMMENT) statements that build it, tables sorted by name, each table followed by
// its indexes, rendered by the dialect's SqlRenderer as op.create_table would be.
class SchemaWriter
{
public:
    // The statements, without terminators.
    static Result<QStringList> statements(const SchemaModel &schema, SqlDialect dialect);
    // The statements as offline SQL prints them: tabs as 4 spaces, `;` and a blank line.
    static Result<QString> script(const SchemaModel &schema, SqlDialect dialect);
};

} // namespace Retort
