// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sql/sqldialect.h"

#include <QSet>
#include <QString>

namespace Retort {

// The reserved words that force quoting of an identifier, per dialect (lower case).
class ReservedWords
{
public:
    static const QSet<QString> &forDialect(SqlDialect dialect);
};

} // namespace Retort
