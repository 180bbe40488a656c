// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "db/databaseconnection.h"

namespace Retort {

// What the copies of one DatabaseConnection share; its destructor closes and unregisters
// the Qt connection. Private to core/db (DatabaseConnector fills it).
struct DatabaseConnection::State
{
    State(QString name, DatabaseUrl databaseUrl)
        : connectionName(std::move(name)), url(std::move(databaseUrl))
    {
    }
    ~State();
    State(const State &) = delete;
    State &operator=(const State &) = delete;

    QString connectionName;
    DatabaseUrl url;
    QString serverVersion;
};

} // namespace Retort
