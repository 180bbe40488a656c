// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/cliarguments.h"
#include "config/projectlayout.h"
#include "revision/revisionmap.h"
#include "script/scriptdirectory.h"
#include "util/diagnostic.h"
#include "util/result.h"

#include <QString>

namespace Retort {

// A loaded project, shared by every command of one retort-cli run (and usable by the
// GUI): where the project is, its revision files as read, and the revision map built
// from them. Loading stops at the first problem Alembic would stop at, with Alembic's
// message where it has one (config errors, unreadable scripts, graph errors).
//
// Value type (the map is implicitly shared); immutable after load(), so a const
// context may be used from several threads.
class CommandContext
{
public:
    // Finds the project named by the arguments: --project PATH, else -c FILE, else
    // $ALEMBIC_CONFIG or ./alembic.ini (Alembic's default), with -n and -x applied.
    static Result<CommandContext> load(const CliArguments &arguments);
    // The first half of load(): the project's layout (configuration errors only).
    static Result<ProjectLayout> locate(const CliArguments &arguments);
    // Reads the revision files of an already located project. On failure *where (when
    // given) receives the problem with the file it is about, when one is known: the
    // message itself keeps Alembic's words, which do not always name the file.
    static Result<CommandContext> fromLayout(const ProjectLayout &layout,
                                             Diagnostic *where = nullptr);

    const ProjectLayout &layout() const { return m_layout; }
    const ScriptDirectoryContents &scripts() const { return m_scripts; }
    const RevisionMap &map() const { return m_map; }
    // Problems that do not stop Alembic (a file reached twice): print them on stderr.
    Diagnostics warnings() const;

    // The SQL dialect of offline (--sql) output: --dialect, else the scheme of --url,
    // else of `-x url=...`, else of sqlalchemy.url in the ini. Returns "sqlite",
    // "postgresql" or "mysql", or fails with a message for FAILED:.
    Result<QString> offlineDialect(const CliArguments &arguments) const;

    // "sqlite", "postgresql" or "mysql" for a SQLAlchemy URL ("postgresql+psycopg://...")
    // or a bare dialect name; fails with SQLAlchemy's wording for unknown ones.
    static Result<QString> dialectFromUrl(const QString &url);
    static Result<QString> dialectFromName(const QString &name);

private:
    ProjectLayout m_layout;
    ScriptDirectoryContents m_scripts;
    RevisionMap m_map;
};

} // namespace Retort
