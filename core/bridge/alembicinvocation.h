// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/projectlayout.h"

#include <QMetaType>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace Retort {

// One `python -m alembic [-c INI] [-n SECTION] [-x K=V]... COMMAND ARGS...` to run in a
// project's folder, with the database URL handed over the way the project's env.py reads
// it: in the environment variables it reads (DATABASE_URL, ...) and as `-x KEY=URL` when
// it reads the URL from -x. Value type; any thread.
struct AlembicInvocation
{
    QString python;           // the interpreter
    QString workingDirectory; // the project's folder (alembic.ini's)
    QString configFile;       // -c; empty = none (Alembic's ./alembic.ini)
    QString section;          // -n; empty = alembic
    QStringList xArguments;   // -x, without the URL's
    QStringList arguments;    // the command and its arguments
    QString databaseUrl;      // empty = whatever env.py / alembic.ini say
    QStringList urlVariables; // environment variables that receive databaseUrl
    QString urlXKey;          // -x key that receives databaseUrl ("" = none)
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    int timeoutMs = 0; // 0 = no time limit

    // For a project as Retort located it: its folder, ini, section, -x arguments, and where
    // its env.py reads the URL from (EnvPyScanner).
    static AlembicInvocation forProject(const ProjectLayout &layout, const QString &python,
                                        const QStringList &arguments,
                                        const QString &databaseUrl = QString());

    QStringList programArguments() const;
    QProcessEnvironment processEnvironment() const;
    // "python -m alembic upgrade head" for logs; never shows the URL.
    QString displayCommand() const;
};

} // namespace Retort

Q_DECLARE_METATYPE(Retort::AlembicInvocation)
