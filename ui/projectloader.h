// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loadedproject.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace Retort {

// Loads Alembic projects off the GUI thread: locating the project, reading every
// revision file and building the RevisionMap and GraphLayout run through QtConcurrent,
// so the event loop keeps running however large or broken the project is.
// Only the newest request is answered: load() while another load runs cancels the
// running one (it stops at its next check, between chunks of files) and starts the new
// one as soon as the worker is free; cancel() drops the current request without an
// answer. Lives in (and signals on) the thread that created it.
class ProjectLoader : public QObject
{
    Q_OBJECT
public:
    explicit ProjectLoader(QObject *parent = nullptr);
    ~ProjectLoader() override;

    void load(const QString &path);
    // Abandons the current request: no loaded() signal for it.
    void cancel();
    bool isLoading() const;

    // The work itself, synchronous and thread-safe (no shared state). When *cancelled
    // becomes true the load stops early and returns a project with errorString set.
    static LoadedProject loadNow(const QString &path,
                                 const std::atomic<bool> *cancelled = nullptr);

Q_SIGNALS:
    void loaded(const Retort::LoadedProject &project);

private:
    void start();
    void deliver();

    QFutureWatcher<LoadedProject> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancelRunning; // of the request m_watcher watches
    QString m_newestPath;     // the newest request
    bool m_pending = false;   // the newest request has not been started yet
    quint64 m_generation = 0; // of the newest request
    quint64 m_running = 0;    // of the request m_watcher watches
};

} // namespace Retort
