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
    // The worker holds no reference to us, but its result must not outlive the watcher;
    // a cancelled load ends at its next check, so closing does not wait for a big project.
    if (m_cancelRunning)
        m_cancelRunning->store(true);
    m_watcher.waitForFinished();
}

void ProjectLoader::load(const QString &path)
{
    m_newestPath = path;
    m_pending = true;
    ++m_generation;
    // The running load stops at its next check; deliver() then drops its result and
    // starts the newest request.
    if (m_watcher.isRunning())
        m_cancelRunning->store(true);
    else
        start();
}

void ProjectLoader::cancel()
{
    ++m_generation;
    m_pending = false;
    if (m_watcher.isRunning())
        m_cancelRunning->store(true);
}

void ProjectLoader::start()
{
    m_running = m_generation;
    m_pending = false;
    m_cancelRunning = std::make_shared<std::atomic<bool>>(false);
    const std::shared_ptr<std::atomic<bool>> cancelled = m_cancelRunning;
    const QString path = m_newestPath;
    m_watcher.setFuture(
        QtConcurrent::run([path, cancelled]() { return loadNow(path, cancelled.get()); }));
}

bool ProjectLoader::isLoading() const
{
    return m_watcher.isRunning() || m_pending;
}

void ProjectLoader::deliver()
{
    if (m_running != m_generation) {
        if (m_pending)
            start();
        return;
    }
    Q_EMIT loaded(m_watcher.result());
}

LoadedProject ProjectLoader::loadNow(const QString &path, const std::atomic<bool> *cancelled)
{
    // Files are read in chunks so that a cancelled load of a huge project stops soon.
    constexpr qsizetype chunkSize = 1024;
    const auto stopped = [cancelled]() {
        return cancelled && cancelled->load(std::memory_order_relaxed);
    };
    LoadedProject project;
    project.requestedPath = path;
    const auto abandon = [&project]() {
        project.errorString = tr("Loading was cancelled.");
        return project;
    };
    Result<ProjectLayout> layout = ProjectLocator::locate(path);
    if (!layout) {
        project.errorString = layout.error();
        return project;
    }
    project.layout = layout.value();
    if (stopped())
        return abandon();
    Diagnostics findWarnings;
    const QStringList files = ScriptDirectory::files(layout.value(), &findWarnings);
    QList<ScriptFileResult> read;
    read.reserve(files.size());
    for (qsizetype start = 0; start < files.size(); start += chunkSize) {
        if (stopped())
            return abandon();
        read += ScriptDirectory::readRevisionFiles(files.mid(start, chunkSize));
    }
    const ScriptDirectoryContents contents = ScriptDirectory::collect(read, findWarnings);
    project.diagnostics = contents.diagnostics;
    if (stopped())
        return abandon();
    project.map = RevisionMap(contents.revisions);
    if (!project.map.isValid()) {
        project.errorString = project.map.errorString();
        project.diagnostics.append(project.map.errorDiagnostic());
    } else {
        if (stopped())
            return abandon();
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
