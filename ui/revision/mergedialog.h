// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "revision/revisiondialogbase.h"

class QLineEdit;
class QListWidget;

namespace Retort {

// "Merge…": `alembic merge`. Lists the project's heads with a check box each (checked:
// the heads selected in the graph when there are two or more, else all of them), a
// message, and optionally a branch label and a revision id. All heads checked is
// written as `alembic merge heads` (the same parents in the same order); otherwise the
// checked heads in the order of the list. GUI thread only.
class MergeDialog : public RevisionDialogBase
{
    Q_OBJECT
public:
    // selected: the revisions selected in the graph (heads among them are pre-checked).
    MergeDialog(const LoadedProject &project, const QStringList &selected, QWidget *parent = nullptr);

    RevisionRequest request() const override;
    QString alembicCommand() const override;

    // The checked heads, in list order.
    QStringList checkedHeads() const;
    void setCheckedHeads(const QStringList &heads);

    QLineEdit *messageField() const { return m_message; }
    QListWidget *headList() const { return m_heads; }
    QLineEdit *branchLabelField() const { return m_branchLabel; }
    QLineEdit *revisionIdField() const { return m_revisionId; }

protected:
    QString formProblem() const override;

private:
    // The REVISIONS arguments: "heads" when every head is checked.
    QStringList revisionArguments() const;

    QLineEdit *m_message = nullptr;
    QListWidget *m_heads = nullptr;
    QLineEdit *m_branchLabel = nullptr;
    QLineEdit *m_revisionId = nullptr;
};

} // namespace Retort
