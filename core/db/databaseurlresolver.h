// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/projectlayout.h"
#include "db/databaseurl.h"
#include "db/envpyscanner.h"
#include "revision/versiontablesql.h"
#include "util/result.h"

#include <QProcessEnvironment>
#include <QString>

#include <optional>

namespace Retort {

// Finds the database URL of a project the way its env.py would, without running Python.
// In this order:
// 1. the explicit URL (retort-cli --url, the GUI's connection profile);
// 2. `-x KEY=URL` when env.py reads that key from context.get_x_argument();
// 3. the environment variable env.py reads (os.environ["X"], os.environ.get("X", default),
//    os.getenv("X", default)); when it is unset, env.py's literal default;
// 4. sqlalchemy.url of the ini file.
// Also the version table env.py configures (version_table, version_table_schema,
// version_table_pk literals in context.configure(...)), unless overridden.
//
// env.py is scanned once, in the constructor (EnvPyScanner; a file that does not parse only
// gives warnings). Value type; not thread-safe while being configured, const use from any
// thread.
class DatabaseUrlResolver
{
public:
    struct Source
    {
        enum class Kind { Explicit, XArgument, EnvironmentVariable, EnvPyDefault, IniFile };
        Kind kind = Kind::Explicit;
        // The origin's name: "--url" or a profile label, the -x key, the variable, the ini path.
        QString name;

        // For status bars and messages: "from --url", "from -x url", "from $DATABASE_URL",
        // "from env.py's default for $DATABASE_URL", "from alembic.ini".
        QString description() const;
    };

    struct Resolved
    {
        QString url; // as found, password included: never show it, parse it
        Source source;
    };

    explicit DatabaseUrlResolver(const ProjectLayout &layout);

    // An explicit URL wins over everything; origin names it in descriptions ("--url",
    // "profile 'staging'"). An empty url clears it.
    void setExplicitUrl(const QString &url, const QString &origin = QStringLiteral("--url"));
    // The environment env.py would see (default: this process's).
    void setEnvironment(const QProcessEnvironment &environment);
    // Replaces what env.py configures for the version table.
    void setVersionTableOverride(const VersionTableSql::Table &table);

    // The URL text and where it came from; fails when no source has one, saying where Retort
    // looked and what to do.
    Result<Resolved> resolve() const;
    // resolve() and DatabaseUrl::parse(); a parse error says where the bad URL came from.
    // *source (when given) receives the origin also on a parse error.
    Result<DatabaseUrl> resolveDatabaseUrl(Source *source = nullptr) const;

    // The version table: the override, else env.py's literals, else alembic_version.
    VersionTableSql::Table versionTable() const;

    const EnvPyScanner::Settings &envPy() const { return m_envPy; }

private:
    ProjectLayout m_layout;
    EnvPyScanner::Settings m_envPy;
    QString m_explicitUrl;
    QString m_explicitOrigin;
    QProcessEnvironment m_environment;
    std::optional<VersionTableSql::Table> m_versionTableOverride;
};

} // namespace Retort
