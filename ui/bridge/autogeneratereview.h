// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loadedproject.h"

#include <QSet>
#include <QWidget>

class QLabel;
class QListWidget;
class QTreeWidget;

namespace Retort {

class SqlPreviewPanel;

// The review of a revision that autogenerate wrote: a checklist of what Alembic's
// autogenerate does not see (renames taken as drop + add, enum value changes, server
// defaults, constraint names, type changes), items that this file makes likely flagged;
// the operations of its upgrade() as Retort's interpreter reads them (double-click: the
// line in the editor); and the native SQL preview of its upgrade. Shown beside the editor
// that holds the file. GUI thread only.
class AutogenerateReview : public QWidget
{
    Q_OBJECT
public:
    explicit AutogenerateReview(QWidget *parent = nullptr);

    // The project must already contain the revision at path (reload it first).
    void setRevision(const LoadedProject &project, const QString &path, const QStringList &detected);

    QString revisionId() const { return m_revision; }
    QListWidget *checklist() const { return m_checklist; }
    QTreeWidget *operationList() const { return m_operations; }
    SqlPreviewPanel *sqlPreview() const { return m_preview; }
    // Checklist items flagged for this file.
    QStringList flaggedItems() const;

Q_SIGNALS:
    void locationActivated(const QString &path, int line);

private:
    // What Alembic's autogenerate does not compare (or compares only when asked to).
    enum class BlindSpot { Rename, Enum, ServerDefault, ConstraintName, TypeChange };
    void fillChecklist(const QSet<BlindSpot> &hints);

    QString m_path;
    QString m_revision;
    QLabel *m_title = nullptr;
    QListWidget *m_checklist = nullptr;
    QTreeWidget *m_operations = nullptr;
    SqlPreviewPanel *m_preview = nullptr;
};

} // namespace Retort
