// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <atomic>
#include <memory>

namespace Retort {

class DatabaseLock;
class RunConnection;

// Holds the database's migration lock (DatabaseLock: PostgreSQL advisory lock, MySQL
// GET_LOCK) on its own connection while Alembic runs in another process, so that a
// Retort run and a bridge run never interleave. Lives in a worker thread (BridgeRunner
// owns it): acquire()/release() are called through queued invocations; only strings
// travel in its signals. cancel() is thread-safe and stops the wait for the lock.
class BridgeLockHolder : public QObject
{
    Q_OBJECT
public:
    explicit BridgeLockHolder(QObject *parent = nullptr);
    ~BridgeLockHolder() override;

    void cancel() { m_cancelled.store(true); }

public Q_SLOTS:
    void acquire(const QString &url, const QString &versionTable, int timeoutMs);
    void release();

Q_SIGNALS:
    void waiting(const QString &message);
    void acquired();
    void failed(const QString &message);

private:
    std::unique_ptr<RunConnection> m_connection;
    std::unique_ptr<DatabaseLock> m_lock;
    std::atomic_bool m_cancelled{false};
};

} // namespace Retort
