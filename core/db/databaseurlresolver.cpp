// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/databaseurlresolver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace Retort {

// Whole phrases through QCoreApplication::translate: the GUI shows them in its database
// chooser and loads a translator; retort-cli loads none and prints the English text.
QString DatabaseUrlResolver::Source::description() const
{
    switch (kind) {
    case Kind::Explicit:
        return QCoreApplication::translate("Retort::DatabaseUrlResolver", "from %1").arg(name);
    case Kind::XArgument:
        return QCoreApplication::translate("Retort::DatabaseUrlResolver", "from -x %1").arg(name);
    case Kind::EnvironmentVariable:
        return QCoreApplication::translate("Retort::DatabaseUrlResolver", "from $%1").arg(name);
    case Kind::EnvPyDefault:
        return QCoreApplication::translate("Retort::DatabaseUrlResolver", "from env.py's default for $%1").arg(name);
    case Kind::IniFile:
        return QCoreApplication::translate("Retort::DatabaseUrlResolver", "from %1").arg(QFileInfo(name).fileName());
    }
    return QString();
}

DatabaseUrlResolver::DatabaseUrlResolver(const ProjectLayout &layout)
    : m_layout(layout)
    , m_environment(QProcessEnvironment::systemEnvironment())
{
    if (!layout.scriptLocation.isEmpty()) {
        const QString envPy = QDir(layout.scriptLocation).filePath(QStringLiteral("env.py"));
        if (QFileInfo::exists(envPy))
            m_envPy = EnvPyScanner::scanFile(envPy);
    }
}

void DatabaseUrlResolver::setExplicitUrl(const QString &url, const QString &origin)
{
    m_explicitUrl = url;
    m_explicitOrigin = origin;
}

void DatabaseUrlResolver::setEnvironment(const QProcessEnvironment &environment)
{
    m_environment = environment;
}

void DatabaseUrlResolver::setVersionTableOverride(const VersionTableSql::Table &table)
{
    m_versionTableOverride = table;
}

Result<DatabaseUrlResolver::Resolved> DatabaseUrlResolver::resolve() const
{
    using R = Result<Resolved>;
    if (!m_explicitUrl.isEmpty())
        return Resolved{m_explicitUrl, {Source::Kind::Explicit, m_explicitOrigin}};

    const QStringList xArguments = m_layout.config ? m_layout.config->xArguments() : m_layout.xArguments;
    for (const QString &key : m_envPy.urlXArgumentKeys) {
        for (const QString &argument : xArguments) {
            const qsizetype equals = argument.indexOf(QLatin1Char('='));
            if (equals > 0 && argument.left(equals) == key && equals + 1 < argument.size())
                return Resolved{argument.mid(equals + 1), {Source::Kind::XArgument, key}};
        }
    }

    const QList<EnvPyScanner::EnvironmentRead> variables = m_envPy.urlVariables();
    for (const EnvPyScanner::EnvironmentRead &read : variables) {
        const QString value = m_environment.value(read.variable);
        if (m_environment.contains(read.variable) && !value.isEmpty())
            return Resolved{value, {Source::Kind::EnvironmentVariable, read.variable}};
    }
    for (const EnvPyScanner::EnvironmentRead &read : variables) {
        if (read.defaultValue && !read.defaultValue->isEmpty())
            return Resolved{*read.defaultValue, {Source::Kind::EnvPyDefault, read.variable}};
    }

    if (m_layout.config) {
        const Result<std::optional<QString>> url = m_layout.config->sqlalchemyUrl();
        if (!url)
            return R::failure(url.error());
        if (url.value() && !url.value()->trimmed().isEmpty())
            return Resolved{url.value()->trimmed(), {Source::Kind::IniFile, m_layout.config->configFilePath()}};
    }

    QStringList places;
    places.append(QStringLiteral("give --url URL"));
    for (const EnvPyScanner::EnvironmentRead &read : variables)
        places.append(QStringLiteral("set $%1 (env.py reads it)").arg(read.variable));
    if (m_layout.config)
        places.append(QStringLiteral("set sqlalchemy.url in %1").arg(m_layout.config->configFilePath()));
    return R::failure(QStringLiteral("No database URL: %1").arg(places.join(QStringLiteral(", or "))));
}

Result<DatabaseUrl> DatabaseUrlResolver::resolveDatabaseUrl(Source *source) const
{
    const Result<Resolved> resolved = resolve();
    if (!resolved)
        return Result<DatabaseUrl>::failure(resolved.error());
    if (source)
        *source = resolved->source;
    const Result<DatabaseUrl> url = DatabaseUrl::parse(resolved->url);
    if (!url)
        return Result<DatabaseUrl>::failure(
            QStringLiteral("%1 (the URL came %2)").arg(url.error(), resolved->source.description()));
    return url;
}

VersionTableSql::Table DatabaseUrlResolver::versionTable() const
{
    if (m_versionTableOverride)
        return *m_versionTableOverride;
    VersionTableSql::Table table;
    if (m_envPy.versionTable && !m_envPy.versionTable->isEmpty())
        table.name = *m_envPy.versionTable;
    if (m_envPy.versionTableSchema)
        table.schema = *m_envPy.versionTableSchema;
    if (m_envPy.versionTablePrimaryKey)
        table.primaryKey = *m_envPy.versionTablePrimaryKey;
    return table;
}

} // namespace Retort
