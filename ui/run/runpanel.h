// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loadedproject.h"
#include "run/runrequest.h"
#include "bridge/alembicresult.h"
#include "run/runresult.h"

#include <QElapsedTimer>
#include <QWidget>

class QAction;
class QLabel;
class QProgressBar;
class QToolButton;
class QTreeWidget;

namespace Retort {

class BridgeRunner;
class RunController;

// Runs upgrade / downgrade / stamp to the selected revision on the chosen database through
// core/run's RunController (a worker thread: the GUI never waits). Before a run a
// confirmation states what will run ("3 migrations: a → b → c; version a → c"); a
// production profile also asks for the database's name. While it runs: a progress bar
// (migration i of n), a log of every statement with its time, and Cancel. Failures are
// shown with the migration, the statement and the server's message. GUI thread only.
class RunPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RunPanel(QWidget *parent = nullptr);
    ~RunPanel() override;

    void setProject(const LoadedProject &project);
    void setConnection(const QString &url, const QString &displayUrl, const QString &profileName,
                       bool production);
    void setCurrentRevisions(const QStringList &revisions);
    void setSelectedRevision(const QString &revision);
    // The connection set with setConnection() (the URL includes the password: never show it).
    QString connectionUrl() const { return m_url; }
    QString connectionDisplayUrl() const { return m_displayUrl; }

    // Asks for confirmation, then starts; false when refused, cancelled or impossible.
    bool requestRun(RunRequest::Kind kind, const QString &target);
    // Starts without asking (after a confirmation, and for tests).
    bool startRun(RunRequest::Kind kind, const QString &target);
    void cancel();
    bool isRunning() const;

    // "3 migrations: a → b → c; version a → c", or why it cannot be planned.
    static QString describePlan(const RevisionMap &map, RunRequest::Kind kind, const QStringList &current,
                                const QString &target, bool *ok = nullptr);
    // The migrations of that run Retort cannot run natively on the connection's dialect:
    // when there are any, the run goes through the project's Python + Alembic (BridgeRunner)
    // with the same lock, progress and error reporting.
    QStringList nonNativeMigrations(RunRequest::Kind kind, const QString &target) const;
    // Whether the running (or last) run went through Alembic.
    bool isBridgeRun() const { return m_bridgeRun; }
    BridgeRunner *bridgeRunner() const { return m_bridge; }

    QAction *upgradeAction() const { return m_upgradeAction; }
    QAction *downgradeAction() const { return m_downgradeAction; }
    QAction *stampAction() const { return m_stampAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    QProgressBar *progressBar() const { return m_progress; }
    QTreeWidget *statementLog() const { return m_log; }
    QLabel *statusLabel() const { return m_status; }
    RunController *controller() const { return m_controller; }

Q_SIGNALS:
    void commandAboutToRun(const QString &command, const QString &explanation);
    // rows: alembic_version after the run (rowsKnown false when it could not be read).
    void runFinished(bool ok, const QStringList &rows, bool rowsKnown);
    void logMessage(const QString &message, bool error);
    // The user asked to see a place in a file (a traceback frame of a bridge run).
    void locationActivated(const QString &path, int line);

private:
    void updateActions();
    void onStarted(const MigrationPlan &plan);
    void onMigrationStarted(int index, int count, const QString &revision);
    void onStatementFinished(const QString &sql, qint64 milliseconds, int rows);
    void onMigrationFinished(int index, int count, const QString &revision, qint64 milliseconds);
    void onFinished(const RunSummary &summary);
    void onFailed(const RunError &error);
    QString alembicCommand(RunRequest::Kind kind, const QString &target) const;
    QString databaseName() const;
    QString runUrl() const;
    bool startBridgeRun(RunRequest::Kind kind, const QString &target, const QStringList &nonNative);
    void onBridgeMigrationStarted(int index, int count, const QString &revision, const QString &message);
    void onBridgeLine(const QString &line, bool standardError);
    void onBridgeFinished(const AlembicResult &result);

    RunController *m_controller = nullptr;
    BridgeRunner *m_bridge = nullptr;
    bool m_bridgeRun = false;
    int m_bridgeGeneration = 0; // of the interpreter lookup; a cancelled one is dropped
    LoadedProject m_project;
    QString m_url;
    QString m_displayUrl;
    QString m_profileName;
    bool m_production = false;
    QStringList m_current;
    QString m_selected;
    bool m_running = false;

    QAction *m_upgradeAction = nullptr;
    QAction *m_downgradeAction = nullptr;
    QAction *m_stampAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QTreeWidget *m_log = nullptr;
};

} // namespace Retort
