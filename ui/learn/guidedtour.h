// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTemporaryDir;

namespace Retort {

// A guided tour of the demo project for newcomers. Starting it copies the demo project
// (embedded under :/demo) into a temporary folder, so that its SQLite database is a
// throw-away file there, and asks the window to open that copy. Each step is a short
// text and the pane it is about; the window highlights that pane and does the step's
// action (select a revision, upgrade one step). The copy is deleted when the tour ends or
// the widget goes. GUI thread only.
class GuidedTour : public QWidget
{
    Q_OBJECT
public:
    enum class Action { None, OpenProject, SelectBase, PreviewSql, UpgradeOneStep, ShowCurrent };
    Q_ENUM(Action)
    struct Step
    {
        QString title;
        QString text;
        QString pane; // object name of the pane to highlight; empty = none
        Action action = Action::None;
    };

    explicit GuidedTour(QWidget *parent = nullptr);
    ~GuidedTour() override;

    // Copies the demo and shows the first step; false (and errorString()) when the copy
    // failed.
    bool start();
    void next();
    void previous();
    void stop();

    bool isRunning() const { return m_step >= 0; }
    int currentStep() const { return m_step; }
    int stepCount() const { return int(m_steps.size()); }
    const Step &step(int index) const { return m_steps.at(index); }
    QString projectPath() const; // the copy's alembic.ini; empty when not running
    QString errorString() const { return m_errorString; }

    // Copies the embedded demo project into folder; false + *error on failure.
    static bool copyDemo(const QString &folder, QString *error);

Q_SIGNALS:
    void openProjectRequested(const QString &path);
    void stepShown(int index, const QString &pane, Retort::GuidedTour::Action action);
    void stopped();

private:
    void showStep(int index);

    QList<Step> m_steps;
    int m_step = -1;
    std::unique_ptr<QTemporaryDir> m_copy;
    QString m_errorString;

    QLabel *m_progress = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_backButton = nullptr;
    QPushButton *m_nextButton = nullptr;
    QPushButton *m_stopButton = nullptr;
};

} // namespace Retort
