// SPDX-License-Identifier: GPL-3.0-or-later
#include "run/runcontroller.h"

#include "run/migrationrunner.h"

#include <QMetaObject>

namespace Retort {

RunController::RunController(QObject *parent)
    : QObject(parent)
    , m_runner(new MigrationRunner)
{
    m_thread.setObjectName(QStringLiteral("retort-migration-runner"));
    m_runner->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_runner, &QObject::deleteLater);

    connect(m_runner, &MigrationRunner::waitingForLock, this, &RunController::waitingForLock);
    connect(m_runner, &MigrationRunner::started, this, &RunController::started);
    connect(m_runner, &MigrationRunner::migrationStarted, this, &RunController::migrationStarted);
    connect(m_runner, &MigrationRunner::statementFinished, this, &RunController::statementFinished);
    connect(m_runner, &MigrationRunner::migrationFinished, this, &RunController::migrationFinished);
    // m_running is cleared before the final signal is relayed, so that a slot may start
    // the next run.
    connect(m_runner, &MigrationRunner::finished, this, [this](const RunSummary &summary) {
        m_running = false;
        Q_EMIT finished(summary);
    });
    connect(m_runner, &MigrationRunner::failed, this, [this](const RunError &error) {
        m_running = false;
        Q_EMIT failed(error);
    });
    m_thread.start();
}

RunController::~RunController()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
}

bool RunController::start(const RunRequest &request)
{
    if (m_running)
        return false;
    m_running = true;
    QMetaObject::invokeMethod(m_runner, [runner = m_runner, request] { runner->run(request); },
                              Qt::QueuedConnection);
    return true;
}

void RunController::cancel()
{
    if (m_running && m_runner)
        m_runner->cancel();
}

} // namespace Retort
