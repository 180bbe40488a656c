// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"
#include "icons.h"

#include "bridge/bridgeactions.h"
#include "connections/connectionprofilestore.h"
#include "connections/connectionsdialog.h"
#include "connections/passwordstore.h"
#include "db/databaseurl.h"
#include "editor/codeeditor.h"
#include "editor/migrationeditor.h"
#include "editor/sqlpreviewpanel.h"
#include "graph/revisiongraphmodel.h"
#include "graph/revisiongraphview.h"
#include "learn/alembiccommand.h"
#include "learn/glossarywidget.h"
#include "learn/guidedtour.h"
#include "learn/learnpanel.h"
#include "learn/panehighlighter.h"
#include "projectloader.h"
#include "recentprojects.h"
#include "revision/mergedialog.h"
#include "revision/migrationplanner.h"
#include "revision/newrevisiondialog.h"
#include "revision/stampghostdialog.h"
#include "run/runpanel.h"
#include "schema/schemabrowser.h"
#include "settings/languagemenu.h"
#include "theme.h"
#include "versionswatcher.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

namespace Retort {

namespace {

enum Page { PlaceholderPage, GraphPage };

constexpr int LayoutVersion = 2;
constexpr int LogFileRole = Qt::UserRole + 1;
constexpr int LogLineRole = Qt::UserRole + 2;
const QString geometryKey = QStringLiteral("mainWindow/geometry");
const QString stateKey = QStringLiteral("mainWindow/state");

QString shortId(const QString &id)
{
    return id.left(12);
}

QString joinIds(const QStringList &ids)
{
    QStringList shortIds;
    for (const QString &id : ids)
        shortIds << shortId(id);
    return shortIds.join(QLatin1String(", "));
}

// The name a production profile's user must type before a run (as the run panel asks).
QString productionDatabaseName(const QString &url, const QString &profileName)
{
    const Result<DatabaseUrl> parsed = DatabaseUrl::parse(url);
    if (!parsed)
        return profileName;
    if (parsed->dialect() == SqlDialect::Sqlite)
        return QFileInfo(parsed->sqliteFilePath()).fileName();
    return parsed->database().isEmpty() ? profileName : parsed->database();
}

// A dropped or given path Retort can open: a folder or an ini file.
bool isOpenable(const QString &path)
{
    const QFileInfo info(path);
    return info.isDir() || (info.isFile() && info.suffix().compare(QLatin1String("ini"), Qt::CaseInsensitive) == 0);
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_loader(new ProjectLoader(this))
    , m_watcher(new VersionsWatcher(this))
    , m_probe(new DatabaseProbe(this))
    , m_passwords(new PasswordStore(this))
{
    setWindowTitle(tr("Retort"));
    setAcceptDrops(true);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks | QMainWindow::AllowNestedDocks);
    createWidgets();
    createDocks();
    createActions();
    createStatusBar();
    updateConnectionChooser();
    updateProjectStatus();
    updateDatabaseStatus();

    connect(m_loader, &ProjectLoader::loaded, this, &MainWindow::showProject);
    connect(m_watcher, &VersionsWatcher::changed, this, [this] {
        log(LogLevel::Info, tr("Migration scripts changed on disk: reloading."));
        reload();
    });
    connect(m_probe, &DatabaseProbe::finished, this, &MainWindow::databaseProbed);
    connect(m_passwords, &PasswordStore::keychainFailed, this,
            [this](const QString &message) { log(LogLevel::Warning, message); });

    resize(1440, 900);
    m_defaultState = saveState(LayoutVersion);
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::createWidgets()
{
    m_pages = new QStackedWidget(this);

    auto *placeholder = new QWidget(m_pages);
    auto *placeholderLayout = new QVBoxLayout(placeholder);
    auto *text = new QLabel(
        tr("<h3>No project open</h3>"
           "<p>Open an Alembic project: its <tt>alembic.ini</tt>, the folder that holds it,<br>"
           "or a folder of migration scripts. You can also drop one here.</p>"),
        placeholder);
    text->setAlignment(Qt::AlignCenter);
    text->setTextFormat(Qt::RichText);
    text->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    auto *openButton = new QPushButton(tr("Open alembic.ini…"), placeholder);
    connect(openButton, &QPushButton::clicked, this, &MainWindow::chooseProject);
    auto *openFolderButton = new QPushButton(tr("Open Folder…"), placeholder);
    connect(openFolderButton, &QPushButton::clicked, this, &MainWindow::chooseProjectFolder);
    auto *tourButton = new QPushButton(tr("Take the Guided Tour"), placeholder);
    connect(tourButton, &QPushButton::clicked, this, [this] {
        dock(QStringLiteral("learnDock"))->show();
        dock(QStringLiteral("learnDock"))->raise();
        m_learn->showTour();
        m_learn->tour()->start();
    });
    buttons->addStretch();
    buttons->addWidget(openButton);
    buttons->addWidget(openFolderButton);
    buttons->addWidget(tourButton);
    buttons->addStretch();
    placeholderLayout->addStretch();
    placeholderLayout->addWidget(text);
    placeholderLayout->addLayout(buttons);
    placeholderLayout->addStretch();
    m_pages->insertWidget(PlaceholderPage, placeholder);

    m_graph = new RevisionGraphView(m_pages);
    m_graph->setObjectName(QStringLiteral("graph"));
    m_pages->insertWidget(GraphPage, m_graph);
    setCentralWidget(m_pages);

    m_editor = new MigrationEditor(this);
    m_preview = new SqlPreviewPanel(this);
    m_schema = new SchemaBrowser(this);
    m_learn = new LearnPanel(this);
    m_run = new RunPanel(this);
    m_log = new QListWidget(this);
    m_log->setAlternatingRowColors(true);
    m_log->setWordWrap(true);
    m_log->setToolTip(tr("Double-click a problem to open its file at that line"));

    connect(m_graph, &RevisionGraphView::revisionSelected, this, &MainWindow::revisionSelected);
    connect(m_graph, &RevisionGraphView::contextMenuRequestedFor, this, &MainWindow::showGraphMenu);
    connect(m_graph, &RevisionGraphView::selectionChanged, this, &MainWindow::updateRevisionActions);
    connect(m_graph, &RevisionGraphView::fixGhostRequested, this, &MainWindow::fixGhost);
    connect(m_editor, &MigrationEditor::revisionLinkActivated, this,
            [this](const QString &revision) { m_graph->selectRevision(revision); });
    connect(m_editor, &MigrationEditor::errorOccurred, this,
            [this](const QString &message) { log(LogLevel::Error, message, m_editor->filePath()); });
    connect(m_editor, &MigrationEditor::saved, this, [this](const QString &path) {
        log(LogLevel::Info, tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
    });
    connect(m_preview, &SqlPreviewPanel::locationActivated, this, &MainWindow::openLocation);
    connect(m_schema, &SchemaBrowser::locationActivated, this, &MainWindow::openLocation);
    connect(m_log, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString file = item->data(LogFileRole).toString();
        if (!file.isEmpty())
            openLocation(file, item->data(LogLineRole).toInt());
    });
    connect(m_learn->tour(), &GuidedTour::openProjectRequested, this, &MainWindow::openProject);
    connect(m_learn->tour(), &GuidedTour::stepShown, this,
            [this](int index, const QString &pane, GuidedTour::Action action) {
                tourStep(index, pane, int(action));
            });
    connect(m_learn->tour(), &GuidedTour::stopped, this, [this] {
        delete m_highlighter;
        log(LogLevel::Info, tr("The tour ended; its copy of the demo project was deleted."));
    });
    connect(m_run, &RunPanel::commandAboutToRun, this, [this](const QString &command, const QString &what) {
        m_learn->showCommand(command, what);
    });
    connect(m_run, &RunPanel::runFinished, this, [this](bool, const QStringList &rows, bool rowsKnown) {
        if (rowsKnown)
            runFinished(rows);
        else
            refreshDatabase();
    });
    connect(m_run, &RunPanel::logMessage, this, [this](const QString &message, bool error) {
        log(error ? LogLevel::Error : LogLevel::Info, message);
    });
    connect(m_run, &RunPanel::locationActivated, this, &MainWindow::openLocation);
}

QDockWidget *MainWindow::addDock(const QString &title, const QString &objectName, QWidget *widget,
                                 Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(widget);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                      QDockWidget::DockWidgetFloatable);
    addDockWidget(area, dock);
    m_docks << dock;
    return dock;
}

void MainWindow::createDocks()
{
    // The right-hand docks take the full height; the bottom ones sit under the graph.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);

    QDockWidget *editorDock = addDock(tr("Migration"), QStringLiteral("editorDock"), m_editor, Qt::RightDockWidgetArea);
    QDockWidget *previewDock = addDock(tr("SQL Preview"), QStringLiteral("previewDock"), m_preview, Qt::RightDockWidgetArea);
    QDockWidget *schemaDock = addDock(tr("Schema"), QStringLiteral("schemaDock"), m_schema, Qt::RightDockWidgetArea);
    QDockWidget *runDock = addDock(tr("Run"), QStringLiteral("runDock"), m_run, Qt::BottomDockWidgetArea);
    QDockWidget *logDock = addDock(tr("Log"), QStringLiteral("logDock"), m_log, Qt::BottomDockWidgetArea);
    QDockWidget *learnDock = addDock(tr("Learn"), QStringLiteral("learnDock"), m_learn, Qt::BottomDockWidgetArea);

    splitDockWidget(editorDock, previewDock, Qt::Vertical);
    tabifyDockWidget(previewDock, schemaDock);
    previewDock->raise();
    tabifyDockWidget(runDock, logDock);
    tabifyDockWidget(logDock, learnDock);
    runDock->raise();

    resizeDocks({editorDock}, {640}, Qt::Horizontal);
    resizeDocks({editorDock, previewDock}, {430, 370}, Qt::Vertical);
    resizeDocks({runDock}, {200}, Qt::Vertical);
}

QDockWidget *MainWindow::dock(const QString &objectName) const
{
    for (QDockWidget *dock : m_docks) {
        if (dock->objectName() == objectName)
            return dock;
    }
    return nullptr;
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *openAction = fileMenu->addAction(
        Icons::action(QStringLiteral("document-open")),
        tr("&Open Project…"), this, &MainWindow::chooseProject);
    openAction->setShortcut(QKeySequence::Open);
    openAction->setToolTip(tr("Open a project's alembic.ini (%1)").arg(openAction->shortcut().toString(QKeySequence::NativeText)));

    QAction *openFolderAction = fileMenu->addAction(
        Icons::action(QStringLiteral("folder-open")),
        tr("Open &Folder…"), this, &MainWindow::chooseProjectFolder);
    openFolderAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openFolderAction->setToolTip(tr("Open the folder of an Alembic project, or a folder of migration scripts"));

    m_recentMenu = fileMenu->addMenu(Icons::action(QStringLiteral("document-open-recent")), tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    updateRecentMenu();

    fileMenu->addSeparator();
    m_saveAction = fileMenu->addAction(
        Icons::action(QStringLiteral("document-save")),
        tr("&Save Migration"), this, &MainWindow::save);
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setEnabled(false);
    connect(m_editor, &MigrationEditor::modificationChanged, m_saveAction, &QAction::setEnabled);

    m_reloadAction = fileMenu->addAction(
        Icons::action(QStringLiteral("view-refresh")),
        tr("&Refresh"), this, &MainWindow::reload);
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    m_reloadAction->setToolTip(tr("Read the project and the database's revision again (%1)")
                                   .arg(m_reloadAction->shortcut().toString(QKeySequence::NativeText)));
    m_reloadAction->setEnabled(false);

    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(Icons::action(QStringLiteral("application-exit")),
                                              tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction *findAction = editMenu->addAction(Icons::action(QStringLiteral("edit-find")), tr("&Find…"),
                                              this, &MainWindow::find);
    findAction->setShortcut(QKeySequence::Find);
    findAction->setToolTip(tr("Find in the focused editor, or filter the graph"));
    // One window-wide Ctrl+F: the graph's own would be ambiguous with it.
    m_graph->findAction()->setShortcut(QKeySequence());

    QMenu *goMenu = menuBar()->addMenu(tr("&Go"));
    goMenu->addAction(m_graph->goToHeadAction());
    goMenu->addAction(m_graph->goToCurrentAction());
    goMenu->addAction(m_graph->goToBaseAction());
    goMenu->addSeparator();
    goMenu->addAction(m_graph->nextMatchAction());
    goMenu->addAction(m_graph->previousMatchAction());

    QMenu *revisionMenu = menuBar()->addMenu(tr("&Revision"));
    m_newRevisionAction = revisionMenu->addAction(
        Icons::action(QStringLiteral("document-new")),
        tr("&New Revision…"), this, [this] { newRevision(); });
    m_newRevisionAction->setShortcut(QKeySequence::New);
    m_newRevisionAction->setIconText(tr("New Revision"));
    m_newRevisionAction->setToolTip(tr("Create a migration script on a head, as alembic revision does (%1)")
                                        .arg(m_newRevisionAction->shortcut().toString(QKeySequence::NativeText)));
    m_mergeAction = revisionMenu->addAction(
        Icons::action(QStringLiteral("vcs-merge")),
        tr("&Merge Heads…"), this, &MainWindow::mergeHeads);
    m_mergeAction->setIconText(tr("Merge"));
    m_mergeAction->setToolTip(tr("Join two or more heads with a merge revision, as alembic merge does"));
    revisionMenu->addSeparator();
    m_compareAction = revisionMenu->addAction(Icons::action(QStringLiteral("document-compare")),
                                              tr("&Compare Schemas"), this, [this] {
        const QStringList pair = selectedPair();
        if (pair.size() == 2)
            compareSchemas(pair.first(), pair.last());
    });
    m_compareAction->setToolTip(tr("Select two revisions (Ctrl+click) to compare their schemas"));
    m_sqlBetweenAction = revisionMenu->addAction(tr("&SQL Between These"), this, [this] {
        const QStringList pair = selectedPair();
        if (pair.size() == 2)
            showSqlBetween(pair.first(), pair.last());
    });
    m_sqlBetweenAction->setToolTip(tr("Select two revisions (Ctrl+click) to preview the SQL that leads from the "
                                      "older to the newer"));
    auto *bridgeActions = new BridgeActions(this);
    revisionMenu->addSeparator();
    revisionMenu->addAction(bridgeActions->autogenerateAction());
    revisionMenu->addAction(bridgeActions->checkAction());
    updateRevisionActions();

    QMenu *databaseMenu = menuBar()->addMenu(tr("&Database"));
    QAction *connectionsAction = databaseMenu->addAction(
        Icons::action(QStringLiteral("network-server-database")), tr("&Connections…"), this,
        &MainWindow::editConnections);
    connectionsAction->setToolTip(tr("Add or edit database connection profiles"));
    QAction *refreshDatabaseAction = databaseMenu->addAction(
        Icons::action(QStringLiteral("view-refresh")), tr("Read &Current Revision"), this,
        &MainWindow::refreshDatabase);
    databaseMenu->addSeparator();
    databaseMenu->addAction(m_run->upgradeAction());
    databaseMenu->addAction(m_run->downgradeAction());
    databaseMenu->addAction(m_run->stampAction());
    databaseMenu->addAction(m_run->cancelAction());
    Q_UNUSED(refreshDatabaseAction)

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : std::as_const(m_docks))
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addSeparator();
    QMenu *themeMenu = m_viewMenu->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(themeMenu);
    const std::pair<Theme::Kind, QString> themeNames[] = {
        {Theme::System, tr("&System Colours")}, {Theme::Light, tr("&Light")}, {Theme::Dark, tr("&Dark")}};
    for (const auto &[kind, label] : themeNames) {
        QAction *action = themeMenu->addAction(label);
        action->setCheckable(true);
        action->setChecked(Theme::current() == kind);
        action->setData(int(kind));
        themes->addAction(action);
        const Theme::Kind themeKind = kind; // clang < 16 cannot capture a structured binding
        connect(action, &QAction::triggered, this, [themeKind] {
            Theme::apply(themeKind);
            Theme::save(themeKind);
        });
    }
    m_viewMenu->addMenu(new LanguageMenu(this));
    m_viewMenu->addAction(tr("&Reset Layout"), this, &MainWindow::resetLayout);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(Icons::action(QStringLiteral("help-contents")), tr("&Glossary of the Graph"), this, [this] {
        dock(QStringLiteral("learnDock"))->show();
        dock(QStringLiteral("learnDock"))->raise();
        m_learn->showGlossary();
    });
    helpMenu->addAction(Icons::action(QStringLiteral("help-hint")), tr("Guided &Tour of the Demo"), this, [this] {
        dock(QStringLiteral("learnDock"))->show();
        dock(QStringLiteral("learnDock"))->raise();
        m_learn->showTour();
        if (!m_learn->tour()->isRunning() && !m_learn->tour()->start())
            log(LogLevel::Error, m_learn->tour()->errorString());
    });
    helpMenu->addSeparator();
    QAction *aboutAction = helpMenu->addAction(tr("&About Retort"), this, &MainWindow::showAbout);
    aboutAction->setMenuRole(QAction::AboutRole);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setMovable(false);
    // Short texts beside the toolbar's icons (menus and tooltips keep the full ones), so
    // that the database chooser still fits in longer languages.
    openAction->setIconText(tr("Open…"));
    m_saveAction->setIconText(tr("Save"));
    m_run->upgradeAction()->setIconText(tr("Upgrade…"));
    m_run->downgradeAction()->setIconText(tr("Downgrade…"));
    toolBar->addAction(openAction);
    toolBar->addAction(m_reloadAction);
    toolBar->addAction(m_saveAction);
    toolBar->addSeparator();
    toolBar->addAction(m_newRevisionAction);
    toolBar->addAction(m_mergeAction);
    toolBar->addSeparator();
    toolBar->addAction(m_run->upgradeAction());
    toolBar->addAction(m_run->downgradeAction());
    toolBar->addSeparator();

    auto *connectionArea = new QWidget(toolBar);
    auto *connectionLayout = new QHBoxLayout(connectionArea);
    connectionLayout->setContentsMargins(6, 0, 6, 0);
    auto *connectionLabel = new QLabel(tr("Database:"), connectionArea);
    m_connectionBox = new QComboBox(connectionArea);
    m_connectionBox->setObjectName(QStringLiteral("connectionChooser"));
    m_connectionBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_connectionBox->setMinimumContentsLength(22);
    m_connectionBox->setToolTip(tr("The database Retort reads the current revision from and runs migrations on"));
    connectionLabel->setBuddy(m_connectionBox);
    connectionLayout->addWidget(connectionLabel);
    connectionLayout->addWidget(m_connectionBox);
    toolBar->addWidget(connectionArea);
    toolBar->addAction(connectionsAction);
    connect(m_connectionBox, &QComboBox::activated, this, &MainWindow::connectionChosen);
}

void MainWindow::createStatusBar()
{
    m_projectLabel = new QLabel(this);
    m_connectionLabel = new QLabel(this);
    m_revisionLabel = new QLabel(this);
    m_connectionLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_projectLabel, 1);
    statusBar()->addPermanentWidget(m_connectionLabel);
    statusBar()->addPermanentWidget(m_revisionLabel);
}

// -- projects -------------------------------------------------------------------------

void MainWindow::openProject(const QString &path)
{
    m_projectLabel->setText(tr("Loading %1…").arg(QDir::toNativeSeparators(path)));
    if (!m_busy) {
        QApplication::setOverrideCursor(Qt::BusyCursor);
        m_busy = true;
    }
    if (m_project.requestedPath != path)
        m_selectionToRestore.clear();
    m_loader->load(path);
}

void MainWindow::reload()
{
    if (m_project.requestedPath.isEmpty())
        return;
    m_selectionToRestore = m_graph->selectedRevision();
    openProject(m_project.requestedPath);
}

void MainWindow::chooseProject()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Open Alembic Project"), startFolder(),
                                                      tr("Alembic configuration (*.ini);;All files (*)"));
    if (!file.isEmpty())
        openProject(file);
}

void MainWindow::chooseProjectFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Alembic Project Folder"), startFolder());
    if (!folder.isEmpty())
        openProject(folder);
}

QString MainWindow::startFolder() const
{
    return m_project.layout ? m_project.layout->projectPath : QDir::homePath();
}

void MainWindow::updateRecentMenu()
{
    const QStringList missing = RecentProjects::removeMissing();
    for (const QString &path : missing)
        log(LogLevel::Warning, tr("%1 no longer exists; it was removed from the recent projects.")
                                   .arg(QDir::toNativeSeparators(path)));
    m_recentMenu->clear();
    const QStringList paths = RecentProjects::paths();
    int number = 1;
    for (const QString &path : paths) {
        const QString label = number < 10 ? QStringLiteral("&%1 %2").arg(number).arg(QDir::toNativeSeparators(path))
                                          : QDir::toNativeSeparators(path);
        m_recentMenu->addAction(label, this, [this, path] { openRecent(path); });
        ++number;
    }
    if (!paths.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear List"), this, [] { RecentProjects::clear(); });
    }
    m_recentMenu->setEnabled(!paths.isEmpty());
}

void MainWindow::openRecent(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        RecentProjects::remove(path);
        log(LogLevel::Warning, tr("%1 no longer exists; it was removed from the recent projects.")
                                   .arg(QDir::toNativeSeparators(path)));
        updateRecentMenu();
        return;
    }
    openProject(path);
}

void MainWindow::showProject(const LoadedProject &project)
{
    if (m_busy) {
        QApplication::restoreOverrideCursor();
        m_busy = false;
    }
    const bool sameProject = m_project.layout && project.layout &&
                             m_project.layout->projectPath == project.layout->projectPath;
    const QString keepSelection = sameProject ? m_selectionToRestore : QString();
    m_selectionToRestore.clear();
    m_project = project;
    m_reloadAction->setEnabled(true);
    if (!sameProject) {
        m_currentRevisions.clear();
        m_databaseKnown = false;
        m_databaseStatus = DatabaseProbeResult();
        m_targetRevision.clear();
    }

    if (project.isOpen()) {
        if (!sameProject)
            m_learn->showCommand(AlembicCommand(QFileInfo(project.layout->iniPath).fileName()).history(),
                                 tr("List the revisions of %1, newest first.")
                                     .arg(QDir::toNativeSeparators(project.displayPath())));
        m_graph->setProject(project.map, project.graph);
        if (m_databaseKnown)
            m_graph->setCurrentRevisions(m_currentRevisions);
        m_pages->setCurrentIndex(GraphPage);
        m_preview->setProject(project);
        m_schema->setProject(project.map);
        m_run->setProject(project);
        m_watcher->watch(project.layout->versionLocations, project.layout->recursiveVersionLocations);
        RecentProjects::add(project.requestedPath);
        if (!project.databaseUrl.isEmpty())
            m_preview->setDefaultDialectFromUrl(project.databaseUrl);
        // Selected explicitly (not through the view's signal): after the model reset the
        // view may keep a current row without selecting it, and then no signal comes.
        QString select = project.map.contains(keepSelection) ? keepSelection
                                                             : project.map.historyOrder().value(0);
        const bool showCreated = project.map.contains(m_createdRevision);
        if (showCreated) {
            select = m_createdRevision;
            m_createdRevision.clear();
        }
        if (!select.isEmpty()) {
            m_graph->selectRevision(select);
            revisionSelected(select);
        }
        if (showCreated) {
            QDockWidget *editorDock = dock(QStringLiteral("editorDock"));
            editorDock->show();
            editorDock->raise();
        }
        if (!m_targetRevision.isEmpty() && project.map.contains(m_targetRevision))
            chooseTarget(m_targetRevision, m_targetDirection);
        else
            clearTarget();
    } else {
        m_graph->clear();
        m_editor->clear();
        m_preview->clear();
        m_schema->setProject(RevisionMap());
        m_watcher->clear();
        m_pages->setCurrentIndex(PlaceholderPage);
    }
    updateWindowTitle();
    updateProjectStatus();
    updateConnectionChooser();
    updateRevisionActions();
    showProblems(project);
    refreshDatabase();
    Q_EMIT projectLoaded();
}

QString MainWindow::diagnosticText(const Diagnostic &diagnostic) const
{
    // Paths relative to the project read better; the full path is in the tooltip.
    Diagnostic shown = diagnostic;
    if (m_project.layout && !shown.file.isEmpty())
        shown.file = QDir(m_project.layout->projectPath).relativeFilePath(shown.file);
    return shown.toString();
}

void MainWindow::showProblems(const LoadedProject &project)
{
    if (!project.hasErrors() && project.diagnostics.isEmpty())
        return;
    QString summary;
    if (!project.layout)
        summary = tr("Could not open %1: %2").arg(QDir::toNativeSeparators(project.displayPath()), project.errorString);
    else if (!project.map.isValid())
        summary = tr("The revisions of %1 do not form a valid history: %2")
                      .arg(QDir::toNativeSeparators(project.displayPath()), project.errorString);
    else
        summary = tr("Some migration scripts of %1 could not be read; they are not shown.")
                      .arg(QDir::toNativeSeparators(project.displayPath()));
    log(project.hasErrors() ? LogLevel::Error : LogLevel::Warning, summary);
    for (const Diagnostic &diagnostic : project.diagnostics)
        log(diagnostic.severity == Diagnostic::Severity::Error ? LogLevel::Error : LogLevel::Warning,
            diagnosticText(diagnostic), diagnostic.file, diagnostic.line);
    if (project.hasErrors()) {
        QDockWidget *logDock = dock(QStringLiteral("logDock"));
        logDock->show();
        logDock->raise();
    }
}

void MainWindow::log(LogLevel level, const QString &message, const QString &file, int line)
{
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    if (level == LogLevel::Warning)
        icon = QStyle::SP_MessageBoxWarning;
    else if (level == LogLevel::Error)
        icon = QStyle::SP_MessageBoxCritical;
    auto *item = new QListWidgetItem(style()->standardIcon(icon), message);
    item->setData(LogFileRole, file);
    item->setData(LogLineRole, line);
    if (!file.isEmpty())
        item->setToolTip(line > 0 ? QStringLiteral("%1:%2").arg(QDir::toNativeSeparators(file)).arg(line)
                                  : QDir::toNativeSeparators(file));
    m_log->addItem(item);
    m_log->scrollToBottom();
    if (level != LogLevel::Info)
        statusBar()->showMessage(message, 8000);
}

void MainWindow::openLocation(const QString &path, int line)
{
    if (path.isEmpty())
        return;
    if (m_editor->filePath() != path) {
        if (!confirmDiscardEdits())
            return;
        for (const Revision &revision : m_project.map.revisions()) {
            if (revision.path == path) {
                m_graph->selectRevision(revision.id);
                break;
            }
        }
        if (m_editor->filePath() != path)
            m_editor->openFile(path);
    }
    QDockWidget *editorDock = dock(QStringLiteral("editorDock"));
    editorDock->show();
    editorDock->raise();
    if (line > 0)
        m_editor->editor()->goToLine(line);
    m_editor->editor()->setFocus();
}

// -- selection and targets ------------------------------------------------------------

bool MainWindow::confirmDiscardEdits()
{
    if (!m_editor->isModified())
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved Changes"),
        tr("%1 has changes that are not saved.").arg(QFileInfo(m_editor->filePath()).fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return m_editor->save();
    return answer == QMessageBox::Discard;
}

void MainWindow::revisionSelected(const QString &id)
{
    m_run->setSelectedRevision(id);
    const Revision *revision = m_project.map.revision(id);
    if (!revision)
        return;
    if (m_editor->filePath() != revision->path) {
        if (confirmDiscardEdits())
            m_editor->openFile(revision->path);
    }
    if (id != m_targetRevision) {
        clearTarget();
        m_preview->showMigration(id, MigrationStep::Direction::Upgrade);
        const AlembicCommand command(QFileInfo(m_project.layout ? m_project.layout->iniPath : QString()).fileName());
        m_learn->showCommand(command.previewMigration(m_project.map, id, MigrationStep::Direction::Upgrade),
                             tr("Preview the SQL of %1's upgrade() (“%2”).").arg(shortId(id), revision->doc()));
    }
    m_schema->showRevision(id);
}

void MainWindow::chooseTarget(const QString &revision, MigrationStep::Direction direction)
{
    if (!m_project.isOpen())
        return;
    const MigrationPlanner planner(m_project.map);
    const bool upgrade = direction == MigrationStep::Direction::Upgrade;
    const RevisionResult<MigrationPlan> plan =
        upgrade ? planner.upgrade(m_currentRevisions, revision) : planner.downgrade(m_currentRevisions, revision);
    if (!plan) {
        log(LogLevel::Warning, (upgrade ? tr("Cannot plan an upgrade to %1: %2") : tr("Cannot plan a downgrade to %1: %2"))
                                   .arg(shortId(revision), plan.errorString()));
        clearTarget();
        return;
    }
    QStringList path;
    for (const MigrationStep &step : plan->steps) {
        if (!step.stamp && !step.revision.isEmpty())
            path << step.revision;
    }
    m_targetRevision = revision;
    m_targetDirection = direction;
    m_highlightedPath = path;
    m_graph->setHighlightedPath(path);
    if (m_graph->selectedRevision() != revision)
        m_graph->selectRevision(revision);
    m_preview->showRange(m_currentRevisions, revision, direction);
    QDockWidget *previewDock = dock(QStringLiteral("previewDock"));
    previewDock->show();
    previewDock->raise();

    const AlembicCommand command(QFileInfo(m_project.layout ? m_project.layout->iniPath : QString()).fileName());
    const QString what = path.isEmpty()
                             ? tr("Nothing to run: the database is already there.")
                             : (path.size() == 1 ? tr("1 migration would run: %1.")
                                                 : tr("%n migrations would run: %1.", nullptr, int(path.size())))
                                   .arg(joinIds(path).replace(QLatin1String(", "), QStringLiteral(" → ")));
    m_learn->showCommand(command.previewRange(direction, m_currentRevisions, revision),
                         tr("Preview the SQL. %1").arg(what));
    statusBar()->showMessage(what, 8000);
}

void MainWindow::clearTarget()
{
    m_targetRevision.clear();
    if (!m_highlightedPath.isEmpty()) {
        m_highlightedPath.clear();
        m_graph->setHighlightedPath({});
    }
}

void MainWindow::compareSchemas(const QString &from, const QString &to)
{
    m_graph->selectRevision(to);
    m_schema->showRevision(to);
    m_schema->compareWith(from);
    QDockWidget *schemaDock = dock(QStringLiteral("schemaDock"));
    schemaDock->show();
    schemaDock->raise();
}

void MainWindow::showGraphMenu(const QString &id, const QPoint &globalPos)
{
    if (id.isEmpty())
        return;
    QMenu menu(this);
    if (!m_project.map.contains(id)) {
        // A ghost row: the version table names a revision no script defines.
        const RevisionGraphModel *model = m_graph->model();
        const int row = model->rowOf(id);
        if (row < 0 || !model->index(row, 0).data(RevisionGraphModel::IsGhostRole).toBool())
            return;
        menu.addAction(Icons::action(QStringLiteral("retort-stamp")), tr("&Fix by Stamping…"), this,
                       [this, id] { fixGhost(id); })
            ->setEnabled(!m_run->isRunning());
        menu.addSeparator();
        menu.addAction(Icons::action(QStringLiteral("edit-copy")), tr("Copy Revision &Id"), this,
                       [id] { QApplication::clipboard()->setText(id); });
        menu.exec(globalPos);
        return;
    }
    if (selectedPair().size() == 2) {
        menu.addAction(m_compareAction);
        menu.addAction(m_sqlBetweenAction);
        menu.addSeparator();
    }
    menu.addAction(Icons::action(QStringLiteral("retort-upgrade")), tr("&Upgrade to Here"), this,
                   [this, id] { chooseTarget(id, MigrationStep::Direction::Upgrade); });
    menu.addAction(Icons::action(QStringLiteral("retort-downgrade")), tr("&Downgrade to Here"), this,
                   [this, id] { chooseTarget(id, MigrationStep::Direction::Downgrade); });
    menu.addSeparator();
    menu.addAction(tr("Run Upgrade to Here…"), this, [this, id] {
        m_graph->selectRevision(id);
        m_run->requestRun(RunRequest::Kind::Upgrade, id);
    })->setEnabled(!m_run->isRunning());
    menu.addAction(tr("Run Downgrade to Here…"), this, [this, id] {
        m_graph->selectRevision(id);
        m_run->requestRun(RunRequest::Kind::Downgrade, id);
    })->setEnabled(!m_run->isRunning());
    menu.addAction(tr("&Stamp Here…"), this, [this, id] {
        m_graph->selectRevision(id);
        m_run->requestRun(RunRequest::Kind::Stamp, id);
    })->setEnabled(!m_run->isRunning());
    menu.addSeparator();
    const QString selected = m_graph->selectedRevision();
    QAction *compare = menu.addAction(tr("&Compare Schema with %1").arg(shortId(selected)), this,
                                      [this, id, selected] { compareSchemas(selected, id); });
    compare->setEnabled(!selected.isEmpty() && selected != id);
    menu.addAction(tr("Compare Schema with &Base"), this, [this, id] { compareSchemas(QStringLiteral("base"), id); });
    menu.addSeparator();
    menu.addAction(m_newRevisionAction->icon(), tr("&New Revision on %1…").arg(shortId(id)), this,
                   [this, id] { newRevision(id); });
    if (m_project.map.heads().size() > 1)
        menu.addAction(m_mergeAction);
    menu.addSeparator();
    menu.addAction(Icons::action(QStringLiteral("edit-copy")), tr("Copy Revision &Id"), this,
                   [id] { QApplication::clipboard()->setText(id); });
    menu.exec(globalPos);
}

QStringList MainWindow::selectedPair() const
{
    const QStringList selected = m_graph->selectedRevisions();
    if (selected.size() != 2 || !m_project.map.contains(selected.first()) || !m_project.map.contains(selected.last()))
        return {};
    // Older first: an ancestor is older; unrelated revisions go by the graph's order
    // (selectedRevisions() is newest first).
    if (m_project.map.isAncestorOf(selected.first(), selected.last()))
        return selected;
    return {selected.last(), selected.first()};
}

void MainWindow::updateRevisionActions()
{
    const bool open = m_project.isOpen();
    m_newRevisionAction->setEnabled(open);
    m_mergeAction->setEnabled(open && m_project.map.heads().size() > 1);
    const bool pair = open && selectedPair().size() == 2;
    m_compareAction->setEnabled(pair);
    m_sqlBetweenAction->setEnabled(pair);
}

void MainWindow::showSqlBetween(const QString &from, const QString &to)
{
    if (!m_project.isOpen())
        return;
    const RevisionResult<MigrationPlan> plan = MigrationPlanner(m_project.map).upgrade({from}, to);
    QStringList path;
    if (plan) {
        for (const MigrationStep &step : plan->steps) {
            if (!step.stamp && !step.revision.isEmpty())
                path << step.revision;
        }
    }
    m_targetRevision.clear();
    m_highlightedPath = path;
    m_graph->setHighlightedPath(path);
    m_preview->showRange({from}, to, MigrationStep::Direction::Upgrade);
    QDockWidget *previewDock = dock(QStringLiteral("previewDock"));
    previewDock->show();
    previewDock->raise();
    const AlembicCommand command(QFileInfo(m_project.layout ? m_project.layout->iniPath : QString()).fileName());
    m_learn->showCommand(command.previewRange(MigrationStep::Direction::Upgrade, {from}, to),
                         tr("Preview the SQL that leads from %1 to %2.").arg(shortId(from), shortId(to)));
}

void MainWindow::newRevision(const QString &base)
{
    if (!m_project.isOpen() || !confirmDiscardEdits())
        return;
    NewRevisionDialog dialog(m_project, base.isEmpty() ? m_graph->selectedRevision() : base, this);
    // Asked for on a revision that is not a head: build on it (a new branch), not on head.
    if (!base.isEmpty() && !m_project.map.isHead(base))
        dialog.setParentArgument(base);
    if (dialog.exec() == QDialog::Accepted && dialog.writtenFile())
        revisionWritten(dialog.writtenFile()->id, dialog.writtenFile()->path);
}

void MainWindow::mergeHeads()
{
    if (!m_project.isOpen() || !confirmDiscardEdits())
        return;
    MergeDialog dialog(m_project, m_graph->selectedRevisions(), this);
    if (dialog.exec() == QDialog::Accepted && dialog.writtenFile())
        revisionWritten(dialog.writtenFile()->id, dialog.writtenFile()->path);
}

void MainWindow::revisionWritten(const QString &id, const QString &path)
{
    log(LogLevel::Info, tr("Created revision %1 in %2.").arg(id, QDir::toNativeSeparators(path)), path);
    m_createdRevision = id;
    Q_EMIT revisionCreated(id, path);
    reload();
}

void MainWindow::fixGhost(const QString &id)
{
    if (!m_project.isOpen())
        return;
    if (m_run->isRunning()) {
        log(LogLevel::Warning, tr("A run is in progress: fix the version table when it has finished."));
        return;
    }
    withActiveConnection([this, id](const ActiveConnection &connection) {
        if (!connection.valid) {
            log(LogLevel::Error, tr("No database to fix: choose a connection first."));
            return;
        }
        StampGhostDialog::Connection target;
        target.url = connection.url;
        target.displayUrl = connection.displayUrl;
        if (connection.production)
            target.productionName = productionDatabaseName(connection.url, connection.name);
        StampGhostDialog dialog(m_project, m_currentRevisions, id, target, this);
        connect(&dialog, &StampGhostDialog::stamped, this, &MainWindow::runFinished);
        connect(&dialog, &StampGhostDialog::logMessage, this,
                [this](const QString &message, bool error) { log(error ? LogLevel::Error : LogLevel::Info, message); });
        dialog.exec();
        refreshDatabase();
    });
}

void MainWindow::find()
{
    QWidget *focus = QApplication::focusWidget();
    QDockWidget *previewDock = dock(QStringLiteral("previewDock"));
    if (focus && previewDock->isAncestorOf(focus)) {
        m_preview->sqlView()->showFindBar();
        return;
    }
    if (focus && dock(QStringLiteral("editorDock"))->isAncestorOf(focus)) {
        m_editor->editor()->showFindBar();
        return;
    }
    m_graph->focusSearch();
}

void MainWindow::save()
{
    if (!m_editor->filePath().isEmpty() && !m_editor->save())
        log(LogLevel::Error, m_editor->errorString(), m_editor->filePath());
}

void MainWindow::updateWindowTitle()
{
    if (m_project.isOpen())
        setWindowTitle(tr("%1 — Retort").arg(QFileInfo(m_project.displayPath()).fileName()));
    else
        setWindowTitle(tr("Retort"));
}

void MainWindow::updateProjectStatus()
{
    if (m_project.requestedPath.isEmpty()) {
        m_projectLabel->setText(tr("No project open"));
        m_projectLabel->setToolTip(QString());
        return;
    }
    if (!m_project.isOpen()) {
        m_projectLabel->setText(tr("%1 — not loaded").arg(QDir::toNativeSeparators(m_project.displayPath())));
        return;
    }
    const RevisionMap &map = m_project.map;
    const qsizetype heads = map.heads().size();
    const QString name = QFileInfo(m_project.displayPath()).fileName();
    const QString revisions = map.size() == 1 ? tr("1 revision") : tr("%n revisions", nullptr, int(map.size()));
    const QString headCount = heads == 1 ? tr("1 head") : tr("%n heads", nullptr, int(heads));
    if (m_project.hasErrors()) {
        const int count = int(m_project.diagnostics.size());
        const QString problems = count == 1 ? tr("1 problem") : tr("%n problems", nullptr, count);
        m_projectLabel->setText(tr("%1 — %2, %3, %4").arg(name, revisions, headCount, problems));
    } else {
        m_projectLabel->setText(tr("%1 — %2, %3").arg(name, revisions, headCount));
    }
    m_projectLabel->setToolTip(QDir::toNativeSeparators(m_project.displayPath()));
}

// -- connections and the database --------------------------------------------------------

void MainWindow::updateConnectionChooser()
{
    const QString selected = ConnectionProfileStore::selectedId();
    m_connectionBox->clear();
    QString projectItem;
    if (!m_project.databaseUrl.isEmpty())
        projectItem = tr("Project default (%1)").arg(m_project.databaseUrlSource);
    else if (m_project.isOpen())
        projectItem = tr("Project default (none found)");
    else
        projectItem = tr("Project default");
    m_connectionBox->addItem(Icons::action(QStringLiteral("folder-database")), projectItem, QString());
    const QList<ConnectionProfile> profiles = ConnectionProfileStore::load();
    for (const ConnectionProfile &profile : profiles) {
        const QString label = profile.production ? tr("%1 (production)").arg(profile.name) : profile.name;
        m_connectionBox->addItem(Icons::action(profile.production ? QStringLiteral("security-medium")
                                                                     : QStringLiteral("network-server-database")),
                                 label, profile.id);
    }
    const int index = m_connectionBox->findData(selected);
    m_connectionBox->setCurrentIndex(index < 0 ? 0 : index);
}

void MainWindow::connectionChosen()
{
    ConnectionProfileStore::setSelectedId(m_connectionBox->currentData().toString());
    m_currentRevisions.clear();
    m_databaseKnown = false;
    refreshDatabase();
}

void MainWindow::editConnections()
{
    ConnectionsDialog dialog(m_passwords, this);
    dialog.setProjectDefault(m_project.databaseUrl, m_project.databaseUrlSource);
    dialog.selectProfile(m_connectionBox->currentData().toString());
    if (dialog.exec() == QDialog::Accepted) {
        updateConnectionChooser();
        refreshDatabase();
    }
}

void MainWindow::withActiveConnection(const std::function<void(const ActiveConnection &)> &use)
{
    const QString id = m_connectionBox->currentData().toString();
    ActiveConnection connection;
    if (id.isEmpty()) {
        connection.url = m_project.databaseUrl;
        connection.source = m_project.databaseUrlSource;
        connection.name = tr("project default");
        connection.valid = !connection.url.isEmpty();
        connection.displayUrl = DatabaseUrl::maskPassword(connection.url);
        use(connection);
        return;
    }
    const QList<ConnectionProfile> profiles = ConnectionProfileStore::load();
    for (const ConnectionProfile &profile : profiles) {
        if (profile.id != id)
            continue;
        connection.name = profile.name;
        connection.production = profile.production;
        connection.source = tr("from profile “%1”").arg(profile.name);
        connection.displayUrl = profile.url;
        connection.valid = !profile.url.isEmpty();
        const QString url = profile.url;
        m_passwords->fetch(profile.id, [use, connection, url](const QString &password) mutable {
            connection.url = UrlPassword::insert(url, QString::fromLatin1(QUrl::toPercentEncoding(password)));
            use(connection);
        });
        return;
    }
    use(connection);
}

void MainWindow::refreshDatabase()
{
    if (!m_project.isOpen()) {
        m_connection = ActiveConnection();
        updateDatabaseStatus();
        return;
    }
    withActiveConnection([this](const ActiveConnection &connection) {
        m_connection = connection;
        m_run->setConnection(connection.url, connection.displayUrl, connection.name, connection.production);
        if (!connection.valid) {
            m_databaseKnown = false;
            m_databaseStatus = DatabaseProbeResult();
            m_databaseStatus.errorString = m_project.databaseUrlError.isEmpty()
                                               ? tr("No database URL: choose a connection profile.")
                                               : m_project.databaseUrlError;
            updateDatabaseStatus();
            Q_EMIT databaseStatusChanged();
            return;
        }
        m_revisionLabel->setText(tr("Reading the database…"));
        if (const std::optional<SqlDialect> dialect =
                sqlDialectFromName(connection.url.section(QLatin1Char(':'), 0, 0).section(QLatin1Char('+'), 0, 0))) {
            m_schema->setDialect(*dialect);
        }
        m_probe->probe(connection.url, m_project.versionTable, m_project.layout->projectPath);
    });
}

void MainWindow::databaseProbed(const DatabaseProbeResult &result)
{
    m_databaseStatus = result;
    m_databaseKnown = result.ok;
    if (result.ok) {
        m_currentRevisions = result.revisions;
        m_graph->setCurrentRevisions(result.revisions);
        m_run->setCurrentRevisions(result.revisions);
        if (!m_targetRevision.isEmpty())
            chooseTarget(m_targetRevision, m_targetDirection);
    } else {
        log(LogLevel::Warning, tr("Cannot read the database's revision: %1").arg(result.errorString));
    }
    updateDatabaseStatus();
    Q_EMIT databaseStatusChanged();
}

void MainWindow::updateDatabaseStatus()
{
    if (!m_project.isOpen()) {
        m_connectionLabel->clear();
        m_connectionLabel->hide();
        m_revisionLabel->clear();
        m_revisionLabel->hide();
        return;
    }
    m_connectionLabel->show();
    m_revisionLabel->show();
    if (m_connection.valid) {
        m_connectionLabel->setText(tr("%1 — %2").arg(m_connection.displayUrl, m_connection.source));
        m_connectionLabel->setToolTip(tr("The database URL (password hidden) and where it came from"));
    } else {
        m_connectionLabel->setText(tr("No database"));
        m_connectionLabel->setToolTip(m_databaseStatus.errorString);
    }
    if (!m_connection.valid) {
        m_revisionLabel->setText(QString());
    } else if (!m_databaseStatus.ok) {
        m_revisionLabel->setText(tr("Database not reachable"));
        m_revisionLabel->setToolTip(m_databaseStatus.errorString);
    } else if (m_databaseStatus.noDatabaseYet) {
        m_revisionLabel->setText(tr("No database file yet"));
        m_revisionLabel->setToolTip(tr("The first upgrade creates it."));
    } else if (m_currentRevisions.isEmpty()) {
        m_revisionLabel->setText(tr("Database at base (nothing applied)"));
        m_revisionLabel->setToolTip(QString());
    } else {
        m_revisionLabel->setText(tr("Database at %1").arg(joinIds(m_currentRevisions)));
        m_revisionLabel->setToolTip(m_currentRevisions.join(QLatin1Char('\n')));
    }
}

void MainWindow::runFinished(const QStringList &versionRows)
{
    m_databaseKnown = true;
    m_databaseStatus.ok = true;
    m_databaseStatus.noDatabaseYet = false;
    m_currentRevisions = versionRows;
    m_graph->setCurrentRevisions(versionRows);
    m_run->setCurrentRevisions(versionRows);
    clearTarget();
    updateDatabaseStatus();
    Q_EMIT databaseStatusChanged();
}

bool MainWindow::isSettled() const
{
    return !m_loader->isLoading() && !m_preview->isBusy() && !m_probe->isBusy() && !m_schema->isBusy() &&
           !m_run->isRunning();
}

// -- the guided tour ---------------------------------------------------------------------

void MainWindow::tourStep(int, const QString &pane, int action)
{
    highlightPane(pane);
    switch (GuidedTour::Action(action)) {
    case GuidedTour::Action::SelectBase:
    case GuidedTour::Action::PreviewSql: {
        const QStringList order = m_project.map.historyOrder();
        if (!order.isEmpty())
            m_graph->selectRevision(order.constLast());
        break;
    }
    case GuidedTour::Action::UpgradeOneStep:
        m_run->requestRun(RunRequest::Kind::Upgrade, m_graph->selectedRevision());
        break;
    case GuidedTour::Action::ShowCurrent:
        m_graph->goToCurrent();
        break;
    case GuidedTour::Action::None:
    case GuidedTour::Action::OpenProject:
        break;
    }
}

void MainWindow::highlightPane(const QString &pane)
{
    QWidget *target = nullptr;
    if (pane == QLatin1String("graph")) {
        target = m_graph;
    } else if (QDockWidget *paneDock = dock(pane)) {
        paneDock->show();
        paneDock->raise();
        target = paneDock->widget();
    }
    m_highlighter = PaneHighlighter::highlight(target, m_highlighter);
}

// -- window ---------------------------------------------------------------------------------

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState(LayoutVersion));
}

bool MainWindow::restoreLayout()
{
    QSettings settings;
    const QByteArray geometry = settings.value(geometryKey).toByteArray();
    if (!geometry.isEmpty())
        restoreGeometry(geometry);
    const QByteArray state = settings.value(stateKey).toByteArray();
    return !state.isEmpty() && restoreState(state, LayoutVersion);
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultState, LayoutVersion);
    for (QDockWidget *paneDock : std::as_const(m_docks))
        paneDock->show();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!confirmDiscardEdits()) {
        event->ignore();
        return;
    }
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.constFirst().isLocalFile() && isOpenable(urls.constFirst().toLocalFile()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() != 1 || !urls.constFirst().isLocalFile())
        return;
    const QString path = urls.constFirst().toLocalFile();
    if (!isOpenable(path))
        return;
    event->acceptProposedAction();
    openProject(path);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Retort"),
                       tr("<h3>Retort %1</h3>"
                          "<p>A workbench for Alembic database migrations: browse the revision history, "
                          "preview the SQL and run migrations, without Python.</p>"
                          "<p>Licensed under the GNU GPL, version 3 or later.</p>")
                           .arg(QApplication::applicationVersion()));
}

} // namespace Retort
