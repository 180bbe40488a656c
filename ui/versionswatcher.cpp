// SPDX-License-Identifier: GPL-3.0-or-later
#include "versionswatcher.h"

#include <QDirIterator>
#include <QFileSystemWatcher>

namespace Retort {

VersionsWatcher::VersionsWatcher(QObject *parent)
    : QObject(parent)
    , m_watcher(new QFileSystemWatcher(this))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &VersionsWatcher::onChange);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &VersionsWatcher::onChange);
    connect(&m_debounce, &QTimer::timeout, this, [this] {
        // Files written through a temporary and renamed are new inodes: watch them again.
        rewatch();
        Q_EMIT changed();
    });
}

void VersionsWatcher::watch(const QStringList &folders, bool recursive)
{
    m_folders = folders;
    m_recursive = recursive;
    m_debounce.stop();
    rewatch();
}

void VersionsWatcher::clear()
{
    watch({}, false);
}

void VersionsWatcher::rewatch()
{
    const QStringList old = m_watcher->files() + m_watcher->directories();
    if (!old.isEmpty())
        m_watcher->removePaths(old);

    QStringList paths;
    for (const QString &folder : std::as_const(m_folders)) {
        paths << folder;
        // Editing a script in place changes the file, not the folder: watch the scripts.
        QDirIterator it(folder, {QStringLiteral("*.py")}, QDir::Files | QDir::AllDirs | QDir::NoDotAndDotDot,
                        m_recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
        while (it.hasNext()) {
            const QString path = it.next();
            if (it.fileInfo().isDir() && it.fileName() == QLatin1String("__pycache__"))
                continue;
            if (it.fileInfo().isDir() && !m_recursive)
                continue;
            if (!path.contains(QLatin1String("/__pycache__")))
                paths << path;
        }
    }
    if (!paths.isEmpty())
        m_watcher->addPaths(paths);
}

void VersionsWatcher::onChange()
{
    m_debounce.start();
}

} // namespace Retort
