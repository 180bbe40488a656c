// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connections/connectionprofile.h"
#include "connections/databaseprobe.h"
#include "loadedproject.h"
#include "revision/migrationstep.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>

class QComboBox;
class QDockWidget;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace Retort {

class LearnPanel;
class MigrationEditor;
class PaneHighlighter;
class PasswordStore;
class ProjectLoader;
class RevisionGraphView;
class RunPanel;
class SchemaBrowser;
class SqlPreviewPanel;
class VersionsWatcher;

// Retort's main window: the revision graph in the middle, the selected migration's
// editor and SQL preview, the schema browser, the run panel, the Learn pane and a log in
// docks around it (their layout saved in QSettings), and a status bar with the project,
// the connection and the database's current revision(s).
//
// Nothing slow runs on the GUI thread: projects load in ProjectLoader, the database is
// read by DatabaseProbe, SQL and schemas are computed by their panels' workers, runs go
// through core/run's RunController. Problems are listed in the log dock with file:line
// (double-click opens the place), never in a modal box.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Starts loading the project at path (alembic.ini, a project or script folder, or
    // a folder of revision files); projectLoaded() follows.
    void openProject(const QString &path);
    // F5: reads the project again (keeping the selection) and the database's revisions.
    void reload();
    void refreshDatabase();

    // Highlights what `alembic upgrade/downgrade target` would run from the database's
    // current revisions and shows that range's SQL.
    void chooseTarget(const QString &revision, MigrationStep::Direction direction);
    void clearTarget();
    // Shows the schema differences between two revisions (older first).
    void compareSchemas(const QString &from, const QString &to);
    // Shows the SQL an upgrade from `from` to `to` runs, and highlights its path.
    void showSqlBetween(const QString &from, const QString &to);
    // The two revisions selected in the graph, older first (empty unless exactly two
    // revisions with scripts are selected).
    QStringList selectedPair() const;

    // "New Revision…" (based on `base`, else the selection) and "Merge…": modal dialogs
    // that write the file, then reload the project and select the new revision.
    void newRevision(const QString &base = QString());
    void mergeHeads();
    // The guided fix of a version-table row naming no script: a modal StampGhostDialog.
    void fixGhost(const QString &id);

    const LoadedProject &project() const { return m_project; }
    QStringList currentRevisions() const { return m_currentRevisions; }
    const DatabaseProbeResult &databaseStatus() const { return m_databaseStatus; }
    // The revisions of the highlighted path (empty when no target is chosen).
    QStringList highlightedPath() const { return m_highlightedPath; }
    // No load, preview, replay or database read is running.
    bool isSettled() const;

    RevisionGraphView *graphView() const { return m_graph; }
    MigrationEditor *editor() const { return m_editor; }
    SqlPreviewPanel *sqlPreview() const { return m_preview; }
    SchemaBrowser *schemaBrowser() const { return m_schema; }
    LearnPanel *learnPanel() const { return m_learn; }
    RunPanel *runPanel() const { return m_run; }
    QListWidget *logView() const { return m_log; }
    QComboBox *connectionChooser() const { return m_connectionBox; }
    PasswordStore *passwordStore() const { return m_passwords; }
    QMenu *recentMenu() const { return m_recentMenu; }
    QAction *newRevisionAction() const { return m_newRevisionAction; }
    QAction *mergeAction() const { return m_mergeAction; }
    QAction *compareSchemasAction() const { return m_compareAction; }
    QAction *sqlBetweenAction() const { return m_sqlBetweenAction; }
    QDockWidget *dock(const QString &objectName) const;

    // Window geometry and dock layout to/from QSettings ("mainWindow/...").
    void saveLayout() const;
    bool restoreLayout();
    void resetLayout();

    // Lists a message in the log dock (and the status bar for a moment).
    enum class LogLevel { Info, Warning, Error };
    void log(LogLevel level, const QString &message, const QString &file = QString(), int line = 0);

Q_SIGNALS:
    // Emitted when a load has finished, whether it succeeded or not.
    void projectLoaded();
    // A dialog wrote a new revision file (the project reloads next).
    void revisionCreated(const QString &id, const QString &path);
    // The database's revisions were read (or could not be).
    void databaseStatusChanged();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createWidgets();
    void createDocks();
    void createActions();
    void createStatusBar();
    QDockWidget *addDock(const QString &title, const QString &objectName, QWidget *widget,
                         Qt::DockWidgetArea area);
    void chooseProject();
    void chooseProjectFolder();
    QString startFolder() const;
    void updateRecentMenu();
    void openRecent(const QString &path);
    void showProject(const LoadedProject &project);
    void showProblems(const LoadedProject &project);
    void revisionSelected(const QString &id);
    void showGraphMenu(const QString &id, const QPoint &globalPos);
    void openLocation(const QString &path, int line);
    void find();
    void save();
    void updateWindowTitle();
    void updateProjectStatus();
    void updateConnectionChooser();
    void connectionChosen();
    void editConnections();
    void databaseProbed(const DatabaseProbeResult &result);
    void updateDatabaseStatus();
    void tourStep(int index, const QString &pane, int action);
    void highlightPane(const QString &pane);
    void runFinished(const QStringList &versionRows);
    void revisionWritten(const QString &id, const QString &path);
    void updateRevisionActions();
    void showAbout();
    QString diagnosticText(const Diagnostic &diagnostic) const;
    bool confirmDiscardEdits();

    // The connection in use: the project's own URL or a profile.
    struct ActiveConnection
    {
        QString url; // password included: never shown or logged
        QString displayUrl;
        QString source; // "from $DATABASE_URL", "profile 'staging'"
        QString name;
        bool production = false;
        bool valid = false;
    };
    void withActiveConnection(const std::function<void(const ActiveConnection &)> &use);
    ActiveConnection m_connection;

    LoadedProject m_project;
    QStringList m_currentRevisions;
    DatabaseProbeResult m_databaseStatus;
    bool m_databaseKnown = false;
    QString m_targetRevision;
    MigrationStep::Direction m_targetDirection = MigrationStep::Direction::Upgrade;
    QStringList m_highlightedPath;
    QString m_selectionToRestore;
    QString m_createdRevision; // selected and opened once a load shows it
    bool m_busy = false;

    ProjectLoader *m_loader = nullptr;
    VersionsWatcher *m_watcher = nullptr;
    DatabaseProbe *m_probe = nullptr;
    PasswordStore *m_passwords = nullptr;

    QStackedWidget *m_pages = nullptr;
    RevisionGraphView *m_graph = nullptr;
    MigrationEditor *m_editor = nullptr;
    SqlPreviewPanel *m_preview = nullptr;
    SchemaBrowser *m_schema = nullptr;
    LearnPanel *m_learn = nullptr;
    RunPanel *m_run = nullptr;
    QListWidget *m_log = nullptr;
    QList<QDockWidget *> m_docks;
    QByteArray m_defaultState;
    QPointer<PaneHighlighter> m_highlighter;

    QComboBox *m_connectionBox = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_newRevisionAction = nullptr;
    QAction *m_mergeAction = nullptr;
    QAction *m_compareAction = nullptr;
    QAction *m_sqlBetweenAction = nullptr;
    QLabel *m_projectLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_revisionLabel = nullptr;
};

} // namespace Retort
