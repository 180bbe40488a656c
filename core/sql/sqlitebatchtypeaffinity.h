// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/typespec.h"

#include <QString>

namespace Retort {

// SQLAlchemy's "type affinity" of a column type: the generic type class it belongs
// to (String for VARCHAR, Text, Enum, mysql.LONGTEXT; Integer for SmallInteger and
// BIGINT; Numeric for Float and DOUBLE; ...). A batch "move and copy" wraps a copied
// column in CAST(... AS <new type>) when alter_column changes the affinity, except
// when the new type is a JSON type. Stateless; thread-safe.
class SqliteBatchTypeAffinity
{
public:
    // The affinity class name ("String", "Integer", "Numeric", "DateTime", "_Binary",
    // ...); a type Retort does not know is its own affinity (its qualified name).
    static QString of(const TypeSpec &type);
    // sa.JSON and the dialects' JSON / JSONB.
    static bool isJson(const TypeSpec &type);
};

} // namespace Retort
