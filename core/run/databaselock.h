// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sql/sqldialect.h"

#include <QSqlDatabase>
#include <QString>

#include <atomic>
#include <functional>

namespace Retort {

// Keeps two runs on the same database from interleaving. PostgreSQL: a session
// advisory lock (pg_try_advisory_lock, retried until the timeout); MySQL/MariaDB:
// GET_LOCK(name, timeout); SQLite: the write transaction itself (BEGIN IMMEDIATE,
// waiting through the busy timeout), so on SQLite acquire() leaves a transaction open.
// `waiting` is called once when the lock is held by someone else. Used in the thread
// that owns the connection; errors via errorString().
class DatabaseLock
{
public:
    using Waiting = std::function<void(const QString &message)>;

    DatabaseLock(QSqlDatabase database, SqlDialect dialect, const QString &versionTable);

    bool acquire(int timeoutMs, const std::atomic_bool &cancelled, const Waiting &waiting);
    void release();
    bool isHeld() const { return m_held; }
    QString errorString() const { return m_error; }
    // SQLite: begin the next write transaction (per-migration commits) with the same wait.
    static bool beginImmediate(QSqlDatabase &database, QString *error);

private:
    QSqlDatabase m_database;
    SqlDialect m_dialect;
    QString m_name;
    bool m_held = false;
    QString m_error;
};

} // namespace Retort
