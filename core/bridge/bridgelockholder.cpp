// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/bridgelockholder.h"

#include "run/databaselock.h"
#include "run/runconnection.h"

namespace Retort {

BridgeLockHolder::BridgeLockHolder(QObject *parent)
    : QObject(parent)
{ }

BridgeLockHolder::~BridgeLockHolder()
{
    release();
}

void BridgeLockHolder::acquire(const QString &url, const QString &versionTable, int timeoutMs)
{
    m_cancelled.store(false);
    m_connection = std::make_unique<RunConnection>();
    if (!m_connection->open(url, 10)) {
        const QString error = m_connection->errorString();
        m_connection.reset();
        Q_EMIT failed(error);
        return;
    }
    m_lock = std::make_unique<DatabaseLock>(m_connection->database(), m_connection->dialect(),
                                            versionTable);
    if (!m_lock->acquire(timeoutMs, m_cancelled,
                         [this](const QString &message) { Q_EMIT waiting(message); })) {
        const QString error = m_lock->errorString();
        m_lock.reset();
        m_connection.reset();
        Q_EMIT failed(error);
        return;
    }
    Q_EMIT acquired();
}

void BridgeLockHolder::release()
{
    if (m_lock && m_lock->isHeld())
        m_lock->release();
    m_lock.reset();
    m_connection.reset();
}

} // namespace Retort
