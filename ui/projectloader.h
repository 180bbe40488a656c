// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loadedproject.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

namespace Retort {

// Loads Alembic projects off the GUI thread: locating the project, reading every
// revision file and building the RevisionMap run through QtConcurrent. Only the
// newest request is answered; a load started while another runs makes the older
// result be dropped. Lives in (and signals on) the thread that created it.
class ProjectLoader : public QObject
{
    Q_OBJECT
public:
    explicit ProjectLoader(QObject *parent = nullptr);
    ~ProjectLoader() override;

    void load(const QString &path);
    bool isLoading() const;

    // The work itself, synchronous and thread-safe (no shared state).
    static LoadedProject loadNow(const QString &path);

Q_SIGNALS:
    void loaded(const Retort::LoadedProject &project);

private:
    void start();
    void deliver();

    QFutureWatcher<LoadedProject> m_watcher;
    QString m_newestPath;     // the newest request
    quint64 m_generation = 0; // of the newest request
    quint64 m_running = 0;    // of the request m_watcher watches
};

} // namespace Retort
