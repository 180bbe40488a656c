// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "revision/migrationplan.h"
#include "run/runrequest.h"
#include "run/runresult.h"

#include <QObject>

#include <atomic>

namespace Retort {

// Runs one upgrade / downgrade / stamp against a live database: opens its own
// connection in the thread run() is called in, takes the database's migration lock,
// reads alembic_version inside it, plans with MigrationPlanner, and executes each
// step's statements (StepStatementSource: the same SQL the preview shows) followed by
// its version-table rows, exactly as Alembic maintains them.
//
// Threading: meant to live in a worker QThread (RunController); run() blocks that
// thread until the run ends. cancel() may be called from any thread: the run stops
// before its next statement and rolls back. Only value types travel in signals.
//
// Transactions: one for the whole run on PostgreSQL and SQLite (rolled back on any
// failure: the database is as before), or one per migration on request; on
// MySQL/MariaDB one per migration (DDL commits implicitly there), and a failure
// reports exactly what was committed. Exactly one of finished()/failed() ends a run.
class MigrationRunner : public QObject
{
    Q_OBJECT
public:
    explicit MigrationRunner(QObject *parent = nullptr);
    ~MigrationRunner() override;

    // Thread-safe: stop before the next statement (or while waiting for the lock).
    void cancel() { m_cancelled.store(true); }

public Q_SLOTS:
    void run(const Retort::RunRequest &request);

Q_SIGNALS:
    void waitingForLock(const QString &message);
    void started(const Retort::MigrationPlan &plan);
    void migrationStarted(int index, int count, const QString &revision);
    void statementFinished(const QString &sql, qint64 milliseconds, int rows);
    void migrationFinished(int index, int count, const QString &revision, qint64 milliseconds);
    void finished(const Retort::RunSummary &summary);
    void failed(const Retort::RunError &error);

private:
    std::atomic_bool m_cancelled{false};
};

} // namespace Retort
