// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loadedproject.h"

#include <QMainWindow>

class QLabel;
class QMessageBox;
class QStackedWidget;
class QTreeView;

namespace Retort {

class ProjectLoader;
class RevisionListModel;

// Retort's main window: opens an Alembic project and lists its revisions, newest
// first. Loading runs on a worker thread (ProjectLoader); the window stays responsive
// and shows what went wrong, with file:line:col, when a project cannot be read.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Starts loading the project at path (alembic.ini, a project or script folder, or
    // a folder of revision files); projectLoaded() follows.
    void openProject(const QString &path);

    const LoadedProject &project() const { return m_project; }
    RevisionListModel *revisionModel() const { return m_model; }
    QTreeView *revisionView() const { return m_view; }

Q_SIGNALS:
    // Emitted when a load has finished, whether it succeeded or not.
    void projectLoaded();

private:
    void createActions();
    void createCentralWidget();
    void chooseProject();
    void chooseProjectFolder();
    QString startFolder() const;
    void reload();
    void showProject(const LoadedProject &project);
    void showProblems(const LoadedProject &project);
    void updateStatusBar();
    void fitColumns();
    void showAbout();
    QString diagnosticText(const Diagnostic &diagnostic) const;

    LoadedProject m_project;
    ProjectLoader *m_loader = nullptr;
    RevisionListModel *m_model = nullptr;
    QStackedWidget *m_pages = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_pathLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QAction *m_reloadAction = nullptr;
    QMessageBox *m_problemBox = nullptr;
    bool m_busy = false; // the busy cursor is set while a load runs
};

} // namespace Retort
