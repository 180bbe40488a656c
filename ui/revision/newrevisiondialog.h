// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "revision/revisiondialogbase.h"

class QComboBox;
class QLineEdit;

namespace Retort {

// "New Revision…": `alembic revision` without autogenerate. The user gives a message,
// the revision to build on (the selected revision when it is a head, else `head` when
// the project has one, else a choice among the heads; a revision that is not a head
// starts a new branch, which needs a branch label and is written with --splice; `base`
// starts an independent history), an optional branch label and depends_on, the version
// folder when the project has several, and an optional revision id. GUI thread only.
class NewRevisionDialog : public RevisionDialogBase
{
    Q_OBJECT
public:
    // selected: the revision selected in the graph (may be empty).
    NewRevisionDialog(const LoadedProject &project, const QString &selected, QWidget *parent = nullptr);

    RevisionRequest request() const override;
    QString alembicCommand() const override;

    // The `--head` argument chosen ("head", "base" or a revision id; empty: none yet).
    QString parentArgument() const;
    // Chooses the parent by its --head argument; false when it is not offered.
    bool setParentArgument(const QString &argument);

    QLineEdit *messageField() const { return m_message; }
    QComboBox *parentBox() const { return m_parent; }
    QLineEdit *branchLabelField() const { return m_branchLabel; }
    QLineEdit *dependsOnField() const { return m_dependsOn; }
    QComboBox *versionPathBox() const { return m_versionPath; } // nullptr with one location
    QLineEdit *revisionIdField() const { return m_revisionId; }

protected:
    QString formProblem() const override;
    QString formHint() const override;

private:
    void fillParents(const QString &selected);
    QStringList dependsOnList() const;
    // The chosen parent is a revision that is not a head: a new branch from it.
    bool splices() const;

    QLineEdit *m_message = nullptr;
    QComboBox *m_parent = nullptr;
    QLineEdit *m_branchLabel = nullptr;
    QLineEdit *m_dependsOn = nullptr;
    QComboBox *m_versionPath = nullptr;
    QLineEdit *m_revisionId = nullptr;
};

} // namespace Retort
