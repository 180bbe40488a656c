// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QListWidget;
class QTabWidget;

namespace Retort {

class GlossaryWidget;
class GuidedTour;

// The Learn pane for newcomers: the `alembic …` command equivalent of each action, newest
// first (shown before an action runs), the glossary of the graph, and the guided tour.
// GUI thread only; owns its tabs.
class LearnPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LearnPanel(QWidget *parent = nullptr);

    // Puts a command at the top of the list: command ("alembic upgrade ae10"), and what
    // Retort is about to do with it ("Preview the SQL of …").
    void showCommand(const QString &command, const QString &explanation);
    QString lastCommand() const;
    QStringList commands() const; // newest first

    void showGlossary();
    void showTour();

    QListWidget *commandList() const { return m_commands; }
    GlossaryWidget *glossary() const { return m_glossary; }
    GuidedTour *tour() const { return m_tour; }

private:
    QTabWidget *m_tabs = nullptr;
    QListWidget *m_commands = nullptr;
    GlossaryWidget *m_glossary = nullptr;
    GuidedTour *m_tour = nullptr;
};

} // namespace Retort
