// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

class QFileSystemWatcher;

namespace Retort {

// Watches the version folders of a project (the folders and the scripts in them) and
// emits changed() once when a burst of changes has settled (DebounceMs without another
// change): an editor that saves through a temporary file, or a `git checkout`, gives one
// reload instead of dozens. GUI thread only; owns its QFileSystemWatcher.
class VersionsWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int DebounceMs = 300;

    explicit VersionsWatcher(QObject *parent = nullptr);

    // Replaces what is watched; recursive also watches the sub-folders.
    void watch(const QStringList &folders, bool recursive);
    void clear();
    QStringList watchedFolders() const { return m_folders; }

Q_SIGNALS:
    void changed();

private:
    void rewatch();
    void onChange();

    QFileSystemWatcher *m_watcher = nullptr;
    QTimer m_debounce;
    QStringList m_folders;
    bool m_recursive = false;
};

} // namespace Retort
