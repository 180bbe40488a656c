// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bridge/alembicinvocation.h"
#include "bridge/alembicresult.h"

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QTimer>

namespace Retort {

// Runs one AlembicInvocation through QProcess in its own process group, streams its
// output line by line (lineReceived; Alembic's "Running upgrade a -> b" lines also as
// migrationStarted), and ends with exactly one finished() carrying an AlembicResult whose
// errorString explains any failure: interpreter missing, Alembic missing, a traceback
// (with the user's file:line), FAILED: lines, cancel, time limit.
//
// cancel() and the time limit stop the whole process group (SIGTERM, then SIGKILL after a
// grace period), so children of env.py stop too. Lives in the thread that created it and
// needs that thread's event loop; run() is the blocking form for retort-cli and tests.
class AlembicProcess : public QObject
{
    Q_OBJECT
public:
    explicit AlembicProcess(QObject *parent = nullptr);
    ~AlembicProcess() override;

    // false when already running (nothing else happens); a start failure ends in finished().
    bool start(const AlembicInvocation &invocation);
    void cancel();
    bool isRunning() const { return m_running; }
    const AlembicResult &result() const { return m_result; }

    // Starts and waits (a local event loop), calling onLine for every line as it arrives.
    using LineCallback = std::function<void(const QString &line, bool standardError)>;
    static AlembicResult run(const AlembicInvocation &invocation, const LineCallback &onLine = {});

    // How long a cancelled process may take to end after SIGTERM before SIGKILL.
    void setGracePeriod(int milliseconds) { m_graceMs = milliseconds; }

Q_SIGNALS:
    void lineReceived(const QString &line, bool standardError);
    void migrationStarted(const Retort::AlembicLogLine &line);
    void finished(const Retort::AlembicResult &result);

private:
    void readChannel(QProcess::ProcessChannel channel, bool flush);
    void handleLine(const QString &line, bool standardError);
    void stop(AlembicResult::Status why);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void finish();
    // The errorString of a non-zero exit; also fills traceback and diagnostics.
    QString explainFailure();

    QProcess *m_process = nullptr;
    QTimer m_timeout;
    QTimer m_kill;
    AlembicInvocation m_invocation;
    AlembicResult m_result;
    QByteArray m_pending[2];
    std::optional<AlembicResult::Status> m_stopReason;
    int m_graceMs = 3000;
    bool m_running = false;
};

} // namespace Retort
