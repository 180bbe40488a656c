// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "revision/migrationplan.h"
#include "run/runrequest.h"
#include "run/runresult.h"

#include <QObject>
#include <QPointer>
#include <QThread>

namespace Retort {

class MigrationRunner;

// Owns the worker thread of migration runs and the MigrationRunner living in it, and
// relays the runner's signals to its own thread (queued; only value types cross).
// Lives in the GUI (or any) thread. One run at a time: start() while running() is
// refused. The destructor cancels a running run and waits for the thread to end.
class RunController : public QObject
{
    Q_OBJECT
public:
    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    // false when a run is already in progress.
    bool start(const RunRequest &request);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void waitingForLock(const QString &message);
    void started(const Retort::MigrationPlan &plan);
    void migrationStarted(int index, int count, const QString &revision);
    void statementFinished(const QString &sql, qint64 milliseconds, int rows);
    void migrationFinished(int index, int count, const QString &revision, qint64 milliseconds);
    void finished(const Retort::RunSummary &summary);
    void failed(const Retort::RunError &error);

private:
    QThread m_thread;
    MigrationRunner *m_runner = nullptr; // deleted in the worker thread when it ends
    bool m_running = false;
};

} // namespace Retort
