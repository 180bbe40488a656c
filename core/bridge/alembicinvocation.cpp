// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/alembicinvocation.h"

#include "db/envpyscanner.h"

#include <QDir>
#include <QFileInfo>

namespace Retort {

AlembicInvocation AlembicInvocation::forProject(const ProjectLayout &layout, const QString &python,
                                                const QStringList &arguments,
                                                const QString &databaseUrl)
{
    AlembicInvocation invocation;
    invocation.python = python;
    invocation.arguments = arguments;
    invocation.databaseUrl = databaseUrl;
    if (!layout.iniPath.isEmpty()) {
        invocation.configFile = layout.iniPath;
        invocation.workingDirectory = QFileInfo(layout.iniPath).absolutePath();
    } else {
        invocation.workingDirectory = layout.projectPath;
    }
    if (layout.config)
        invocation.section = layout.config->section();
    invocation.xArguments = layout.xArguments;

    if (!layout.scriptLocation.isEmpty()) {
        const EnvPyScanner::Settings env =
            EnvPyScanner::scanFile(QDir(layout.scriptLocation).filePath(QStringLiteral("env.py")));
        for (const EnvPyScanner::EnvironmentRead &read : env.urlVariables())
            invocation.urlVariables.append(read.variable);
        invocation.urlXKey = env.urlXArgumentKeys.value(0);
    }
    return invocation;
}

QStringList AlembicInvocation::programArguments() const
{
    QStringList args{QStringLiteral("-m"), QStringLiteral("alembic")};
    if (!configFile.isEmpty())
        args << QStringLiteral("-c") << configFile;
    if (!section.isEmpty() && section != QLatin1String("alembic"))
        args << QStringLiteral("-n") << section;
    for (const QString &x : xArguments) {
        // The URL's own -x replaces one given for the same key.
        if (!databaseUrl.isEmpty() && !urlXKey.isEmpty() &&
            x.startsWith(urlXKey + QLatin1Char('=')))
            continue;
        args << QStringLiteral("-x") << x;
    }
    if (!databaseUrl.isEmpty() && !urlXKey.isEmpty())
        args << QStringLiteral("-x") << urlXKey + QLatin1Char('=') + databaseUrl;
    return args + arguments;
}

QProcessEnvironment AlembicInvocation::processEnvironment() const
{
    QProcessEnvironment env = environment;
    // Lines must arrive as Alembic writes them, not when Python's buffer is full.
    env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
    env.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    if (!databaseUrl.isEmpty()) {
        for (const QString &variable : urlVariables)
            env.insert(variable, databaseUrl);
    }
    return env;
}

QString AlembicInvocation::displayCommand() const
{
    QStringList shown;
    const QStringList args = programArguments();
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (i > 0 && args.at(i - 1) == QLatin1String("-x") && !databaseUrl.isEmpty() &&
            arg.endsWith(databaseUrl))
            shown << urlXKey + QStringLiteral("=…");
        else
            shown << (arg.contains(QLatin1Char(' ')) ? QLatin1Char('\'') + arg + QLatin1Char('\'') : arg);
    }
    return QFileInfo(python).fileName() + QLatin1Char(' ') + shown.join(QLatin1Char(' '));
}

} // namespace Retort
