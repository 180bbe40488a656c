// SPDX-License-Identifier: GPL-3.0-or-later
#include "alembiccommand.h"

#include "revision/revisionmap.h"

namespace Retort {

namespace {

QString directionName(MigrationStep::Direction direction)
{
    return direction == MigrationStep::Direction::Upgrade ? QStringLiteral("upgrade")
                                                          : QStringLiteral("downgrade");
}

} // namespace

AlembicCommand::AlembicCommand(const QString &iniFileName)
    : m_prefix(QStringLiteral("alembic"))
{
    if (!iniFileName.isEmpty() && iniFileName != QLatin1String("alembic.ini"))
        m_prefix += QStringLiteral(" -c ") + iniFileName;
}

QString AlembicCommand::command(const QString &arguments) const
{
    return m_prefix + QLatin1Char(' ') + arguments;
}

QString AlembicCommand::run(MigrationStep::Direction direction, const QString &target) const
{
    return command(directionName(direction) + QLatin1Char(' ') + target);
}

QString AlembicCommand::stamp(const QString &target) const
{
    return command(QStringLiteral("stamp ") + target);
}

QString AlembicCommand::previewRange(MigrationStep::Direction direction, const QStringList &current,
                                     const QString &target) const
{
    if (current.size() > 1)
        return run(direction, target);
    const QString from = current.isEmpty() ? QStringLiteral("base") : current.constFirst();
    return command(QStringLiteral("%1 %2:%3 --sql").arg(directionName(direction), from, target));
}

QString AlembicCommand::previewMigration(const RevisionMap &map, const QString &revision,
                                         MigrationStep::Direction direction) const
{
    const QStringList parents = map.parents(revision);
    if (parents.size() > 1)
        return show(revision);
    const QString parent = parents.isEmpty() ? QStringLiteral("base") : parents.constFirst();
    if (direction == MigrationStep::Direction::Upgrade)
        return command(QStringLiteral("upgrade %1:%2 --sql").arg(parent, revision));
    return command(QStringLiteral("downgrade %1:%2 --sql").arg(revision, parent));
}

QString AlembicCommand::show(const QString &revision) const
{
    return command(QStringLiteral("show ") + revision);
}

QString AlembicCommand::history() const
{
    return command(QStringLiteral("history"));
}

QString AlembicCommand::heads() const
{
    return command(QStringLiteral("heads"));
}

QString AlembicCommand::current() const
{
    return command(QStringLiteral("current"));
}

} // namespace Retort
