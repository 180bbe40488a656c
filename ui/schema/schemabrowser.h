// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "revision/revisionmap.h"
#include "schema/schemadescription.h"
#include "schema/schemadiff.h"
#include "sql/sqldialect.h"
#include "util/diagnostic.h"

#include <QFutureWatcher>
#include <QWidget>

class QComboBox;
class QLabel;
class QStandardItemModel;
class QTreeView;

namespace Retort {

// What a replay on the worker thread found: the schema at a revision, and at a second
// one when comparing. Value type.
struct SchemaSnapshot
{
    quint64 generation = 0;
    QString revision;
    QString compareWith; // empty when not comparing
    QList<TableDescription> tables;
    QList<SchemaChange> changes; // compareWith -> revision
    Diagnostics diagnostics;     // migrations that could not be replayed
    QString errorString;
};

// The tables, columns, indexes and constraints as of the selected revision, replayed from
// the migrations (SchemaReplayer) on a worker thread, as a tree; or, when a second
// revision is chosen ("Compare with"), what changed between the two, listed as added,
// removed and changed. Answers only the newest request. GUI thread only; owns its model.
class SchemaBrowser : public QWidget
{
    Q_OBJECT
public:
    explicit SchemaBrowser(QWidget *parent = nullptr);
    ~SchemaBrowser() override;

    void setProject(const RevisionMap &map);
    void setDialect(SqlDialect dialect);
    // Shows the schema after revision (empty: none).
    void showRevision(const QString &revision);
    // Compares `base` (older, usually) with the shown revision; empty base stops comparing.
    void compareWith(const QString &base);

    QString revision() const { return m_revision; }
    QString comparedRevision() const { return m_compareWith; }
    bool isBusy() const { return m_watcher.isRunning(); }
    const SchemaSnapshot &snapshot() const { return m_snapshot; }
    QStandardItemModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

    static SchemaSnapshot replayNow(const RevisionMap &map, SqlDialect dialect,
                                    const QString &revision, const QString &compareWith);

Q_SIGNALS:
    void updated();
    void locationActivated(const QString &path, int line);

private:
    void request();
    void deliver();
    void showSnapshot(const SchemaSnapshot &snapshot);
    void fillTables(const SchemaSnapshot &snapshot);
    void fillChanges(const SchemaSnapshot &snapshot);
    void fillCompareBox();

    RevisionMap m_map;
    SqlDialect m_dialect = SqlDialect::Sqlite;
    QString m_revision;
    QString m_compareWith;
    SchemaSnapshot m_snapshot;
    QFutureWatcher<SchemaSnapshot> m_watcher;
    quint64 m_generation = 0;
    bool m_pending = false;

    QLabel *m_title = nullptr;
    QComboBox *m_compareBox = nullptr;
    QStandardItemModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace Retort

Q_DECLARE_METATYPE(Retort::SchemaSnapshot)
