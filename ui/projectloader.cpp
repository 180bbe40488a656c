// SPDX-License-Identifier: GPL-3.0-or-later
#include "projectloader.h"

#include "config/projectlocator.h"
#include "db/databaseurlresolver.h"
#include "script/scriptdirectory.h"

#include <QDir>
#include <QtConcurrent/QtConcurrentRun>

namespace Retort {

bool LoadedProject::hasErrors() const
{
    if (!errorString.isEmpty())
        return true;
    for (const Diagnostic &diagnostic : diagnostics) {
        if (diagnostic.severity == Diagnostic::Severity::Error)
            return true;
    }
    return false;
}

QString LoadedProject::displayPath() const
{
    return layout ? layout->projectPath : QDir::cleanPath(QDir().absoluteFilePath(requestedPath));
}

ProjectLoader::ProjectLoader(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<LoadedProject>::finished, this, &ProjectLoader::deliver);
}

ProjectLoader::~ProjectLoader()
{
    // The worker holds no reference to us, but its result must not outlive the watcher.
    m_watcher.waitForFinished();
}

void ProjectLoader::load(const QString &path)
{
    m_newestPath = path;
    ++m_generation;
    // A load cannot be interrupted: a running one finishes first, and deliver() then
    // drops its result and starts the newest request.
    if (!m_watcher.isRunning())
        start();
}

void ProjectLoader::start()
{
    m_running = m_generation;
    m_watcher.setFuture(QtConcurrent::run(&ProjectLoader::loadNow, m_newestPath));
}

bool ProjectLoader::isLoading() const
{
    return m_watcher.isRunning();
}

void ProjectLoader::deliver()
{
    if (m_running != m_generation) {
        start();
        return;
    }
    Q_EMIT loaded(m_watcher.result());
}

LoadedProject ProjectLoader::loadNow(const QString &path)
{
    LoadedProject project;
    project.requestedPath = path;
    Result<ProjectLayout> layout = ProjectLocator::locate(path);
    if (!layout) {
        project.errorString = layout.error();
        return project;
    }
    project.layout = layout.value();
    const ScriptDirectoryContents contents = ScriptDirectory::load(layout.value());
    project.diagnostics = contents.diagnostics;
    project.map = RevisionMap(contents.revisions);
    if (!project.map.isValid()) {
        project.errorString = project.map.errorString();
        project.diagnostics.append(project.map.errorDiagnostic());
    } else {
        project.graph = GraphLayout(project.map);
    }
    const DatabaseUrlResolver resolver(layout.value());
    const Result<DatabaseUrlResolver::Resolved> url = resolver.resolve();
    if (url) {
        project.databaseUrl = url->url;
        project.databaseUrlSource = url->source.description();
    } else {
        project.databaseUrlError = url.error();
    }
    project.versionTable = resolver.versionTable();
    return project;
}

} // namespace Retort
