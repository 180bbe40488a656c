// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/alembicinvocation.h"
#include "bridge/alembicresult.h"
#include "sql/sqldialect.h"

#include <QObject>
#include <QThread>

namespace Retort {

class AlembicProcess;
class BridgeLockHolder;

// What BridgeRunner runs: `alembic upgrade/downgrade TARGET` (the invocation, the URL in it)
// and how to guard it.
struct BridgeRunRequest
{
    AlembicInvocation invocation;
    QString url;          // the database, for the lock
    SqlDialect dialect = SqlDialect::Sqlite;
    QString versionTable = QStringLiteral("alembic_version"); // "schema.name" when in a schema
    int lockTimeoutMs = 30000;
    QStringList revisions; // the plan's script revisions in run order, for progress
};

// Runs a plan through the user's Python + Alembic for migrations Retort cannot run
// natively, with Retort's own guard and progress: on PostgreSQL and MySQL/MariaDB it first
// takes the same migration lock as MigrationRunner (BridgeLockHolder, on a worker thread)
// and holds it until Alembic ends; on SQLite the file's write lock, which Alembic's own
// transaction holds, does that job. Progress comes from Alembic's "Running upgrade a -> b"
// lines. cancel() stops the wait for the lock or the process group. Exactly one finished()
// ends every started run. GUI (or any event-loop) thread.
class BridgeRunner : public QObject
{
    Q_OBJECT
public:
    explicit BridgeRunner(QObject *parent = nullptr);
    ~BridgeRunner() override;

    bool start(const BridgeRunRequest &request);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void waitingForLock(const QString &message);
    void processStarted(const QString &command);
    void migrationStarted(int index, int count, const QString &revision, const QString &message);
    void lineReceived(const QString &line, bool standardError);
    void finished(const Retort::AlembicResult &result);

private:
    void startProcess();
    void lockFailed(const QString &message);
    void processFinished(const AlembicResult &result);
    void end(const AlembicResult &result);

    QThread m_thread;
    BridgeLockHolder *m_holder = nullptr; // lives in m_thread
    AlembicProcess *m_process = nullptr;
    BridgeRunRequest m_request;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_locked = false;
    int m_progress = 0;
};

} // namespace Retort
