// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "revision/migrationstep.h"

#include <QString>
#include <QStringList>

namespace Retort {

class RevisionMap;

// The `alembic …` command line that does what a Retort action does, for the Learn panel
// ("alembic upgrade ae1027a6acf:1975ea83b712 --sql"). Revisions are written as their full
// ids; `-c FILE` is added when the project's ini file is not ./alembic.ini. Pure; any thread.
class AlembicCommand
{
public:
    explicit AlembicCommand(const QString &iniFileName = QString());

    // What `run` would do: `alembic upgrade TARGET`, `alembic downgrade TARGET`.
    QString run(MigrationStep::Direction direction, const QString &target) const;
    QString stamp(const QString &target) const;
    // The offline SQL of a range: `alembic upgrade FROM:TO --sql` (FROM: the one current
    // revision, or "base"; with several current revisions Alembic has no offline form and
    // the online command is given instead).
    QString previewRange(MigrationStep::Direction direction, const QStringList &current,
                         const QString &target) const;
    // The offline SQL of one migration: `alembic upgrade PARENT:REV --sql`, or
    // `alembic downgrade REV:PARENT --sql` (PARENT "base" for a base). A merge point's SQL
    // alone has no offline form: `alembic show REV` then.
    QString previewMigration(const RevisionMap &map, const QString &revision,
                             MigrationStep::Direction direction) const;
    QString show(const QString &revision) const;
    QString history() const;
    QString heads() const;
    QString current() const;

private:
    QString command(const QString &arguments) const;

    QString m_prefix;
};

} // namespace Retort
