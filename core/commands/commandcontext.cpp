// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/commandcontext.h"

#include "config/alembicconfig.h"
#include "config/projectlocator.h"

#include <QFileInfo>

namespace Retort {

namespace {

// Alembic's own message already names the file for some problems ("Could not determine
// revision id from filename x.py ..."); those are printed exactly as Alembic prints
// them, every other one with its file:line:column.
QString scriptErrorText(const Diagnostic &diagnostic)
{
    if (diagnostic.line == 0 && !diagnostic.file.isEmpty() &&
        diagnostic.message.contains(QFileInfo(diagnostic.file).fileName()))
        return diagnostic.message;
    return diagnostic.toString();
}

} // namespace

Result<ProjectLayout> CommandContext::locate(const CliArguments &arguments)
{
    // An explicit -c names the ini file even when --project is given as well.
    if (!arguments.configFile.isEmpty() || arguments.project.isEmpty())
        return ProjectLocator::fromConfigFile(arguments.configFile.isEmpty()
                                                  ? AlembicConfig::defaultConfigFile()
                                                  : arguments.configFile,
                                              arguments.section, arguments.xArguments);
    return ProjectLocator::locate(arguments.project, arguments.section, arguments.xArguments);
}

Result<CommandContext> CommandContext::load(const CliArguments &arguments)
{
    const Result<ProjectLayout> layout = locate(arguments);
    if (!layout)
        return Result<CommandContext>::failure(layout.error());
    return fromLayout(layout.value());
}

Result<CommandContext> CommandContext::fromLayout(const ProjectLayout &layout, Diagnostic *where)
{
    CommandContext context;
    context.m_layout = layout;
    context.m_scripts = ScriptDirectory::load(layout);
    if (const Diagnostic *error = context.m_scripts.firstError()) {
        if (where)
            *where = *error;
        return Result<CommandContext>::failure(scriptErrorText(*error));
    }
    context.m_map = RevisionMap(context.m_scripts.revisions);
    if (!context.m_map.isValid()) {
        if (where)
            *where = context.m_map.errorDiagnostic();
        return Result<CommandContext>::failure(context.m_map.errorString());
    }
    return context;
}

Diagnostics CommandContext::warnings() const
{
    Diagnostics out;
    for (const Diagnostic &d : m_scripts.diagnostics) {
        if (d.severity == Diagnostic::Severity::Warning)
            out.append(d);
    }
    return out;
}

Result<QString> CommandContext::dialectFromName(const QString &name)
{
    if (name == QLatin1String("sqlite"))
        return QStringLiteral("sqlite");
    if (name == QLatin1String("postgresql"))
        return QStringLiteral("postgresql");
    if (name == QLatin1String("mysql") || name == QLatin1String("mariadb"))
        return QStringLiteral("mysql");
    return Result<QString>::failure(
        QStringLiteral("Can't load plugin: sqlalchemy.dialects:%1 (retort-cli writes SQL for "
                       "sqlite, postgresql and mysql)")
            .arg(name));
}

Result<QString> CommandContext::dialectFromUrl(const QString &url)
{
    const qsizetype schemeEnd = url.indexOf(QLatin1String("://"));
    if (schemeEnd <= 0)
        return Result<QString>::failure(
            QStringLiteral("Could not parse SQLAlchemy URL from string '%1'").arg(url));
    const QString scheme = url.left(schemeEnd);
    const qsizetype plus = scheme.indexOf(QLatin1Char('+'));
    return dialectFromName(plus < 0 ? scheme : scheme.left(plus));
}

Result<QString> CommandContext::offlineDialect(const CliArguments &arguments) const
{
    if (!arguments.dialect.isEmpty())
        return dialectFromName(arguments.dialect);
    if (!arguments.url.isEmpty())
        return dialectFromUrl(arguments.url);
    if (m_layout.config) {
        const QMap<QString, QString> x = m_layout.config->xArgumentMap();
        if (x.contains(QStringLiteral("url")))
            return dialectFromUrl(x.value(QStringLiteral("url")));
        const Result<std::optional<QString>> url = m_layout.config->sqlalchemyUrl();
        if (!url)
            return Result<QString>::failure(url.error());
        if (url.value() && !url.value()->isEmpty())
            return dialectFromUrl(*url.value());
    } else {
        for (const QString &x : m_layout.xArguments) {
            if (x.startsWith(QLatin1String("url=")))
                return dialectFromUrl(x.mid(4));
        }
    }
    return Result<QString>::failure(
        QStringLiteral("--sql needs to know the SQL dialect: give --dialect "
                       "sqlite|postgresql|mysql, --url URL, or sqlalchemy.url in the ini file"));
}

} // namespace Retort
