// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "revision/versionrowchange.h"

#include <QString>

#include <optional>

namespace Retort {

// The SQL text of every statement Alembic sends to the version table, per dialect,
// as SQLAlchemy 2.0 compiles it (no terminator, TAB indentation inside CREATE TABLE).
// The offline writer post-processes these like any statement; an online runner sends
// them as they are. Value type, no state beyond the table settings.
class VersionTableSql
{
public:
    enum class Dialect { Sqlite, Postgresql, Mysql };

    // The settings env.py may pass to context.configure() (version_table,
    // version_table_schema, version_table_pk).
    struct Table
    {
        QString name = QStringLiteral("alembic_version");
        QString schema; // empty = none
        bool primaryKey = true;
    };

    explicit VersionTableSql(Dialect dialect);
    VersionTableSql(Dialect dialect, Table table);

    // "sqlite", "postgresql", "mysql" (also "mariadb", and SQLAlchemy URL schemes such as
    // "postgresql+psycopg2"); nullopt for anything else.
    static std::optional<Dialect> dialectFromName(const QString &name);

    Dialect dialect() const { return m_dialect; }
    // Whether the dialect runs DDL inside transactions (Alembic's transactional_ddl):
    // decides BEGIN/COMMIT around an offline script.
    bool transactionalDdl() const { return m_dialect == Dialect::Postgresql; }

    QString createTable() const;
    QString dropTable() const;
    // How Alembic reads the current rows (no ORDER BY: row order is the database's).
    QString selectVersions() const;
    QString statement(const VersionRowChange &change) const;

private:
    QString quoted(const QString &identifier) const;
    QString qualifiedTable() const;

    Dialect m_dialect;
    Table m_table;
};

} // namespace Retort
