// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "projectloader.h"
#include "revisionlistmodel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace Retort {

namespace {

enum Page { PlaceholderPage, RevisionsPage };

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_loader(new ProjectLoader(this))
    , m_model(new RevisionListModel(this))
{
    setWindowTitle(tr("Retort"));
    createCentralWidget();
    createActions();

    m_pathLabel = new QLabel(this);
    m_countLabel = new QLabel(this);
    statusBar()->addWidget(m_pathLabel, 1);
    statusBar()->addPermanentWidget(m_countLabel);
    updateStatusBar();

    connect(m_loader, &ProjectLoader::loaded, this, &MainWindow::showProject);
    resize(1100, 560);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *openAction =
        fileMenu->addAction(style()->standardIcon(QStyle::SP_DialogOpenButton),
                            tr("&Open Project…"), this, &MainWindow::chooseProject);
    openAction->setShortcut(QKeySequence::Open);
    openAction->setToolTip(tr("Open a project's alembic.ini"));

    QAction *openFolderAction =
        fileMenu->addAction(style()->standardIcon(QStyle::SP_DirOpenIcon), tr("Open &Folder…"),
                            this, &MainWindow::chooseProjectFolder);
    openFolderAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    openFolderAction->setToolTip(
        tr("Open the folder of an Alembic project, or a folder of migration scripts"));

    m_reloadAction = fileMenu->addAction(style()->standardIcon(QStyle::SP_BrowserReload),
                                         tr("&Reload"), this, &MainWindow::reload);
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    m_reloadAction->setEnabled(false);

    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = helpMenu->addAction(tr("&About Retort"), this, &MainWindow::showAbout);
    aboutAction->setMenuRole(QAction::AboutRole);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setMovable(false);
    toolBar->addAction(openAction);
    toolBar->addAction(openFolderAction);
    toolBar->addAction(m_reloadAction);
}

void MainWindow::createCentralWidget()
{
    m_pages = new QStackedWidget(this);

    auto *placeholder = new QWidget(m_pages);
    auto *placeholderLayout = new QVBoxLayout(placeholder);
    m_placeholder = new QLabel(
        tr("<h3>No project open</h3>"
           "<p>Open an Alembic project: its <tt>alembic.ini</tt>, the folder that holds it,<br>"
           "or a folder of migration scripts.</p>"),
        placeholder);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setTextFormat(Qt::RichText);
    m_placeholder->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    auto *openButton = new QPushButton(tr("Open alembic.ini…"), placeholder);
    connect(openButton, &QPushButton::clicked, this, &MainWindow::chooseProject);
    auto *openFolderButton = new QPushButton(tr("Open Folder…"), placeholder);
    connect(openFolderButton, &QPushButton::clicked, this, &MainWindow::chooseProjectFolder);
    buttons->addStretch();
    buttons->addWidget(openButton);
    buttons->addWidget(openFolderButton);
    buttons->addStretch();
    placeholderLayout->addStretch();
    placeholderLayout->addWidget(m_placeholder);
    placeholderLayout->addLayout(buttons);
    placeholderLayout->addStretch();
    m_pages->insertWidget(PlaceholderPage, placeholder);

    m_view = new QTreeView(m_pages);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAllColumnsShowFocus(true);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionsMovable(false);
    m_pages->insertWidget(RevisionsPage, m_view);

    setCentralWidget(m_pages);
}

void MainWindow::openProject(const QString &path)
{
    m_pathLabel->setText(tr("Loading %1…").arg(QDir::toNativeSeparators(path)));
    // Requests made while loading are answered together, by one projectLoaded().
    if (!m_busy) {
        QApplication::setOverrideCursor(Qt::BusyCursor);
        m_busy = true;
    }
    m_loader->load(path);
}

void MainWindow::chooseProject()
{
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Open Alembic Project"), startFolder(),
                                     tr("Alembic configuration (*.ini);;All files (*)"));
    if (!file.isEmpty())
        openProject(file);
}

void MainWindow::chooseProjectFolder()
{
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Open Alembic Project Folder"), startFolder());
    if (!folder.isEmpty())
        openProject(folder);
}

QString MainWindow::startFolder() const
{
    return m_project.layout ? m_project.layout->projectPath : QDir::currentPath();
}

void MainWindow::reload()
{
    if (!m_project.requestedPath.isEmpty())
        openProject(m_project.requestedPath);
}

void MainWindow::showProject(const LoadedProject &project)
{
    if (m_busy) {
        QApplication::restoreOverrideCursor();
        m_busy = false;
    }
    m_project = project;
    m_model->setMap(project.map);
    m_reloadAction->setEnabled(true);

    if (project.isOpen()) {
        m_pages->setCurrentIndex(RevisionsPage);
        fitColumns();
        if (m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->index(0, 0));
        setWindowTitle(tr("%1 — Retort").arg(QFileInfo(project.displayPath()).fileName()));
    } else {
        m_pages->setCurrentIndex(PlaceholderPage);
        setWindowTitle(tr("Retort"));
    }
    updateStatusBar();
    if (project.hasErrors())
        showProblems(project);
    Q_EMIT projectLoaded();
}

void MainWindow::fitColumns()
{
    // Contents width plus some air, so that bold ids and neighbouring columns do not touch;
    // the message column takes the rest.
    QHeaderView *header = m_view->header();
    const int padding =
        2 * style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, m_view);
    for (int column = 0; column < RevisionListModel::MessageColumn; ++column) {
        m_view->resizeColumnToContents(column);
        header->resizeSection(column, header->sectionSize(column) + qMax(padding, 12));
    }
}

QString MainWindow::diagnosticText(const Diagnostic &diagnostic) const
{
    // Paths relative to the project read better; the full path is one click away.
    Diagnostic shown = diagnostic;
    if (m_project.layout && !shown.file.isEmpty())
        shown.file = QDir(m_project.layout->projectPath).relativeFilePath(shown.file);
    return shown.toString();
}

void MainWindow::showProblems(const LoadedProject &project)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : project.diagnostics)
        lines << diagnosticText(diagnostic);

    QString summary;
    if (!project.layout)
        summary = tr("Could not open %1.").arg(QDir::toNativeSeparators(project.displayPath()));
    else if (!project.map.isValid())
        summary = tr("The revisions of %1 do not form a valid history.")
                      .arg(QDir::toNativeSeparators(project.displayPath()));
    else
        summary = tr("Some migration scripts of %1 could not be read; they are not listed.")
                      .arg(QDir::toNativeSeparators(project.displayPath()));

    QString details = project.errorString;
    if (!lines.isEmpty()) {
        if (!details.isEmpty())
            details += QLatin1String("\n\n");
        details += lines.join(QLatin1Char('\n'));
    }

    if (!m_problemBox) {
        m_problemBox = new QMessageBox(QMessageBox::Critical, tr("Retort"), QString(),
                                       QMessageBox::Close, this);
        m_problemBox->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_problemBox->setText(summary);
    // The first problem is shown right away; all of them are in the details.
    m_problemBox->setInformativeText(lines.isEmpty() ? project.errorString : lines.constFirst());
    m_problemBox->setDetailedText(details);
    m_problemBox->open();
}

void MainWindow::updateStatusBar()
{
    if (m_project.requestedPath.isEmpty()) {
        m_pathLabel->setText(tr("No project open"));
        m_countLabel->clear();
        return;
    }
    m_pathLabel->setText(QDir::toNativeSeparators(m_project.displayPath()));
    if (!m_project.isOpen()) {
        m_countLabel->setText(tr("not loaded"));
        return;
    }
    const RevisionMap &map = m_project.map;
    const qsizetype headCount = map.heads().size();
    QString text = (map.size() == 1 ? tr("1 revision") : tr("%1 revisions").arg(map.size())) +
                   QLatin1String(", ") +
                   (headCount == 1 ? tr("1 head") : tr("%1 heads").arg(headCount));
    if (m_project.hasErrors()) {
        const qsizetype problems = m_project.diagnostics.size();
        text += QLatin1String(", ") +
                (problems == 1 ? tr("1 problem") : tr("%1 problems").arg(problems));
    }
    m_countLabel->setText(text);
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Retort"),
        tr("<h3>Retort %1</h3>"
           "<p>A workbench for Alembic database migrations: browse the revision history, "
           "preview the SQL and run migrations, without Python.</p>"
           "<p>Licensed under the GNU GPL, version 3 or later.</p>")
            .arg(QApplication::applicationVersion()));
}

} // namespace Retort
