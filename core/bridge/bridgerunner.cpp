// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/bridgerunner.h"

#include "bridge/alembicprocess.h"
#include "bridge/bridgelockholder.h"

namespace Retort {

BridgeRunner::BridgeRunner(QObject *parent)
    : QObject(parent)
    , m_holder(new BridgeLockHolder)
    , m_process(new AlembicProcess(this))
{
    m_holder->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_holder, &QObject::deleteLater);
    connect(m_holder, &BridgeLockHolder::waiting, this, &BridgeRunner::waitingForLock);
    connect(m_holder, &BridgeLockHolder::acquired, this, [this] {
        m_locked = true;
        if (m_cancelled) {
            AlembicResult cancelled;
            cancelled.status = AlembicResult::Status::Cancelled;
            cancelled.errorString = tr("The run was cancelled before Alembic started; nothing was run.");
            end(cancelled);
            return;
        }
        startProcess();
    });
    connect(m_holder, &BridgeLockHolder::failed, this, &BridgeRunner::lockFailed);
    connect(m_process, &AlembicProcess::lineReceived, this, &BridgeRunner::lineReceived);
    connect(m_process, &AlembicProcess::finished, this, &BridgeRunner::processFinished);
    connect(m_process, &AlembicProcess::migrationStarted, this, [this](const AlembicLogLine &line) {
        const QString revision = line.direction == QLatin1String("downgrade") ? line.from : line.to;
        const qsizetype known = m_request.revisions.indexOf(revision);
        m_progress = known >= 0 ? int(known) : m_progress;
        Q_EMIT migrationStarted(m_progress, int(m_request.revisions.size()), revision, line.message);
        ++m_progress;
    });
    m_thread.setObjectName(QStringLiteral("bridge lock"));
    m_thread.start();
}

BridgeRunner::~BridgeRunner()
{
    m_holder->cancel();
    if (m_locked)
        QMetaObject::invokeMethod(m_holder, &BridgeLockHolder::release, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool BridgeRunner::start(const BridgeRunRequest &request)
{
    if (m_running)
        return false;
    m_request = request;
    m_running = true;
    m_cancelled = false;
    m_locked = false;
    m_progress = 0;
    if (request.dialect == SqlDialect::Sqlite || request.url.isEmpty()) {
        startProcess();
        return true;
    }
    const QString url = request.url;
    const QString table = request.versionTable;
    const int timeout = request.lockTimeoutMs;
    QMetaObject::invokeMethod(
        m_holder, [holder = m_holder, url, table, timeout] { holder->acquire(url, table, timeout); },
        Qt::QueuedConnection);
    return true;
}

void BridgeRunner::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    m_holder->cancel();
    m_process->cancel();
}

void BridgeRunner::startProcess()
{
    Q_EMIT processStarted(m_request.invocation.displayCommand());
    m_process->start(m_request.invocation);
}

void BridgeRunner::lockFailed(const QString &message)
{
    AlembicResult result;
    result.status = m_cancelled ? AlembicResult::Status::Cancelled : AlembicResult::Status::Failed;
    result.errorString = m_cancelled
                             ? tr("The run was cancelled while waiting for the database's lock; "
                                  "nothing was run.")
                             : tr("Could not take the database's migration lock: %1 Nothing was run.")
                                   .arg(message);
    end(result);
}

void BridgeRunner::processFinished(const AlembicResult &result)
{
    end(result);
}

void BridgeRunner::end(const AlembicResult &result)
{
    if (!m_running)
        return;
    if (m_locked) {
        QMetaObject::invokeMethod(m_holder, &BridgeLockHolder::release, Qt::QueuedConnection);
        m_locked = false;
    }
    m_running = false;
    Q_EMIT finished(result);
}

} // namespace Retort
