// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/diagnostic.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Retort {

// What an Alembic env.py says about where the database is and how its version table is
// called, read from its syntax tree (never executed):
// - environment variables it reads: `os.environ["X"]`, `os.environ.get("X", default)`,
//   `os.getenv("X", default)` (also after `from os import environ, getenv`), with the default
//   when it is a string literal;
// - keys it reads from `context.get_x_argument(as_dictionary=True)` (`x.get("url")`,
//   `x["url"]`), for `-x url=...`;
// - the literal version_table / version_table_schema / version_table_pk keyword arguments of
//   `context.configure(...)` (a module-level `NAME = "literal"` is followed). When env.py
//   configures them differently in several calls, the call inside run_migrations_online wins.
// An environment variable or -x key counts as "the URL" when it is read in a URL position
// (the argument of create_engine(), context.configure(url=...), set_main_option(
// "sqlalchemy.url", ...), engine_from_config(...), or a function returning it) or when its
// name says so (contains URL, DSN, DATABASE or DB_).
//
// A file that does not parse gives no settings and a warning with file:line: Alembic would
// fail on it too, but Retort can still use --url or the ini. Stateless; any thread.
class EnvPyScanner
{
public:
    struct EnvironmentRead
    {
        QString variable;
        std::optional<QString> defaultValue; // a string literal default
        bool urlContext = false;             // read where a URL is expected, or named like one
        int line = 0;
    };

    struct Settings
    {
        QString file;
        QList<EnvironmentRead> environmentReads; // source order
        QStringList xArgumentKeys;               // keys read from get_x_argument(), source order
        QStringList urlXArgumentKeys;            // those that look like the URL
        std::optional<QString> versionTable;
        // Set when env.py passes version_table_schema: a name, or an empty string for None.
        std::optional<QString> versionTableSchema;
        std::optional<bool> versionTablePrimaryKey;
        Diagnostics warnings;

        // The environment variables that hold the URL, most likely first.
        QList<EnvironmentRead> urlVariables() const;
    };

    static Settings scan(const QString &source, const QString &fileName = QString());
    // Reads and scans a file; a missing or unreadable file gives empty settings and a warning.
    static Settings scanFile(const QString &path);
};

} // namespace Retort
