// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMenu>

class QActionGroup;

namespace Retort {

// The "Language" menu: System Default, English and every translation, by native name. Choosing
// one saves it through LanguageSettings; the windows are built with their texts once, so the
// new language applies from the next start, which the menu says in a note and a message.
// Owned by its parent widget; GUI thread only.
class LanguageMenu : public QMenu
{
    Q_OBJECT
public:
    explicit LanguageMenu(QWidget *parent = nullptr);

    // The action that chooses this code; an empty code is System Default.
    QAction *action(const QString &code) const;

Q_SIGNALS:
    // After the choice is saved; code is empty for System Default.
    void languageChosen(const QString &code);

private:
    void choose(QAction *action);

    QActionGroup *m_group = nullptr;
};

} // namespace Retort
