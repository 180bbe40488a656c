// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/alembicprocess.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#include <unistd.h>
#endif

namespace Retort {

AlembicProcess::AlembicProcess(QObject *parent)
    : QObject(parent)
{
    m_timeout.setSingleShot(true);
    m_kill.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] { stop(AlembicResult::Status::TimedOut); });
    connect(&m_kill, &QTimer::timeout, this, [this] {
#ifdef Q_OS_UNIX
        if (m_process && m_process->processId() > 0)
            ::kill(-pid_t(m_process->processId()), SIGKILL);
#endif
        if (m_process)
            m_process->kill();
    });
}

AlembicProcess::~AlembicProcess()
{
    if (m_process && m_running) {
        m_process->disconnect(this);
#ifdef Q_OS_UNIX
        if (m_process->processId() > 0)
            ::kill(-pid_t(m_process->processId()), SIGKILL);
#endif
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool AlembicProcess::start(const AlembicInvocation &invocation)
{
    if (m_running)
        return false;
    m_invocation = invocation;
    m_result = AlembicResult();
    m_result.command = invocation.displayCommand();
    m_pending[0].clear();
    m_pending[1].clear();
    m_stopReason.reset();
    m_running = true;

    delete m_process;
    m_process = new QProcess(this);
    m_process->setProgram(invocation.python);
    m_process->setArguments(invocation.programArguments());
    m_process->setWorkingDirectory(invocation.workingDirectory);
    m_process->setProcessEnvironment(invocation.processEnvironment());
#ifdef Q_OS_UNIX
    // Its own process group, so that cancel() also stops what env.py started.
    m_process->setChildProcessModifier([] { ::setpgid(0, 0); });
#endif
    connect(m_process, &QProcess::readyReadStandardOutput, this,
            [this] { readChannel(QProcess::StandardOutput, false); });
    connect(m_process, &QProcess::readyReadStandardError, this,
            [this] { readChannel(QProcess::StandardError, false); });
    connect(m_process, &QProcess::finished, this, &AlembicProcess::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &AlembicProcess::onError);
    if (invocation.timeoutMs > 0)
        m_timeout.start(invocation.timeoutMs);
    m_process->start();
    return true;
}

void AlembicProcess::cancel()
{
    stop(AlembicResult::Status::Cancelled);
}

void AlembicProcess::stop(AlembicResult::Status why)
{
    if (!m_running || !m_process || m_stopReason)
        return;
    m_stopReason = why;
    m_timeout.stop();
#ifdef Q_OS_UNIX
    if (m_process->processId() > 0)
        ::kill(-pid_t(m_process->processId()), SIGTERM);
#else
    m_process->terminate();
#endif
    m_kill.start(m_graceMs);
}

void AlembicProcess::readChannel(QProcess::ProcessChannel channel, bool flush)
{
    const int index = channel == QProcess::StandardError ? 1 : 0;
    m_process->setReadChannel(channel);
    m_pending[index] += m_process->readAll();
    qsizetype newline;
    while ((newline = m_pending[index].indexOf('\n')) >= 0) {
        QByteArray line = m_pending[index].left(newline);
        m_pending[index].remove(0, newline + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        handleLine(QString::fromUtf8(line), index == 1);
    }
    if (flush && !m_pending[index].isEmpty()) {
        handleLine(QString::fromUtf8(m_pending[index]), index == 1);
        m_pending[index].clear();
    }
}

void AlembicProcess::handleLine(const QString &line, bool standardError)
{
    (standardError ? m_result.standardError : m_result.standardOutput).append(line);
    const AlembicLogLine parsed = AlembicLogLine::parse(line);
    switch (parsed.kind) {
    case AlembicLogLine::Kind::Migration:
        m_result.migrations.append(parsed);
        break;
    case AlembicLogLine::Kind::Detected:
        m_result.detected.append(parsed);
        break;
    case AlembicLogLine::Kind::Generating:
        m_result.generatedFiles.append(parsed.path);
        break;
    default:
        break;
    }
    Q_EMIT lineReceived(line, standardError);
    if (parsed.kind == AlembicLogLine::Kind::Migration)
        Q_EMIT migrationStarted(parsed);
}

void AlembicProcess::onError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return; // crashes and stops end in finished() as well
    m_result.status = AlembicResult::Status::FailedToStart;
    m_result.errorString =
        tr("Could not start the Python interpreter %1: %2. Choose an interpreter that has "
           "Alembic installed.")
            .arg(m_invocation.python, m_process->errorString());
    finish();
}

void AlembicProcess::onFinished(int exitCode, QProcess::ExitStatus status)
{
    readChannel(QProcess::StandardOutput, true);
    readChannel(QProcess::StandardError, true);
    m_result.exitCode = exitCode;
    if (m_stopReason) {
        m_result.status = *m_stopReason;
        m_result.errorString =
            m_result.status == AlembicResult::Status::TimedOut
                ? tr("%1 did not finish within %2 seconds and was stopped. It may be waiting "
                     "for a database lock or for input; check the database and env.py, or "
                     "allow more time.")
                      .arg(m_result.command)
                      .arg(m_invocation.timeoutMs / 1000.0)
                : tr("%1 was cancelled and stopped.").arg(m_result.command);
    } else if (status == QProcess::NormalExit && exitCode == 0) {
        m_result.status = AlembicResult::Status::Succeeded;
    } else {
        m_result.status = AlembicResult::Status::Failed;
        m_result.errorString = explainFailure();
    }
    finish();
}

void AlembicProcess::finish()
{
    if (!m_running)
        return;
    m_running = false;
    m_timeout.stop();
    m_kill.stop();
    Q_EMIT finished(m_result);
}

QString AlembicProcess::explainFailure()
{
    const QStringList &err = m_result.standardError;
    const QStringList all = m_result.standardOutput + err;
    const QString projectDir = m_invocation.workingDirectory;

    for (const QString &line : err) {
        if (line.contains(QLatin1String("No module named alembic")))
            return tr("The Python interpreter %1 cannot import Alembic. Install Alembic into "
                      "it (pip install alembic) or choose another interpreter.")
                .arg(m_invocation.python);
        if (line.contains(QLatin1String("invalid choice: '")))
            return tr("This Alembic does not know the command %1 (%2). `alembic check` needs "
                      "Alembic 1.9 or newer: upgrade Alembic in the project's environment.")
                .arg(m_invocation.arguments.value(0), line.section(QStringLiteral("error: "), 1));
    }

    m_result.traceback = PythonTraceback::parse(err);
    if (const std::optional<PythonTraceback> &tb = m_result.traceback) {
        const Diagnostic where = tb->diagnostic(projectDir);
        m_result.diagnostics.append(where);
        const QString location = where.line > 0
                                     ? QStringLiteral("%1:%2").arg(where.file).arg(where.line)
                                     : where.file;
        if (QFileInfo(where.file).fileName() == QLatin1String("env.py"))
            return tr("env.py raised %1 at %2. Alembic could not load the project's "
                      "environment; fix env.py (or the environment variables it reads) and "
                      "try again.")
                .arg(tb->summary(), location);
        return tr("%1 failed with %2 at %3.").arg(m_result.command, tb->summary(), location);
    }
    for (const QString &line : all) {
        const AlembicLogLine parsed = AlembicLogLine::parse(line);
        if (parsed.kind == AlembicLogLine::Kind::Failed)
            return tr("Alembic failed: %1").arg(parsed.text);
    }
    const QString last = err.isEmpty() ? QString() : err.last();
    return tr("%1 ended with exit status %2. %3")
        .arg(m_result.command)
        .arg(m_result.exitCode)
        .arg(last);
}

AlembicResult AlembicProcess::run(const AlembicInvocation &invocation, const LineCallback &onLine)
{
    AlembicProcess process;
    QEventLoop loop;
    if (onLine)
        connect(&process, &AlembicProcess::lineReceived, &loop, onLine);
    connect(&process, &AlembicProcess::finished, &loop, &QEventLoop::quit);
    process.start(invocation);
    if (process.isRunning())
        loop.exec();
    return process.result();
}

} // namespace Retort
