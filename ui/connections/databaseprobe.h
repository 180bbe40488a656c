// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "revision/versiontablesql.h"

#include <QFutureWatcher>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Retort {

// What one look at a database found: whether it answered, its server version, and the
// rows of its version table. Value type (crosses from the worker thread).
struct DatabaseProbeResult
{
    quint64 generation = 0;
    bool ok = false;
    QString displayUrl;    // the URL with its password masked
    QString serverVersion; // "15.4 (Debian 15.4-1)", "3.40.1"
    QStringList revisions; // the version table's rows; empty = nothing applied
    bool noDatabaseYet = false; // a SQLite file that does not exist (not created by probing)
    QString errorString;   // why it failed; never contains the password
};

// Connects to a database off the GUI thread (QtConcurrent), reads its version table and
// closes the connection again, in that worker thread (a Qt SQL connection belongs to the
// thread that opens it). Only the newest request is answered. A SQLite file that does not
// exist is reported as such and never created. GUI-thread object.
class DatabaseProbe : public QObject
{
    Q_OBJECT
public:
    explicit DatabaseProbe(QObject *parent = nullptr);
    ~DatabaseProbe() override;

    // url: a SQLAlchemy URL, password included. Relative SQLite paths are taken against
    // baseFolder (the folder env.py computes them from is the project's).
    void probe(const QString &url, const VersionTableSql::Table &table,
               const QString &baseFolder = QString());
    bool isBusy() const { return m_watcher.isRunning(); }

    // The work itself, synchronous; callable from any thread.
    static DatabaseProbeResult probeNow(const QString &url, const VersionTableSql::Table &table,
                                        const QString &baseFolder);

Q_SIGNALS:
    void finished(const Retort::DatabaseProbeResult &result);

private:
    void deliver();

    QFutureWatcher<DatabaseProbeResult> m_watcher;
    quint64 m_generation = 0;
    struct Pending
    {
        QString url;
        VersionTableSql::Table table;
        QString baseFolder;
    };
    std::optional<Pending> m_pending; // a request that arrived while one was running
};

} // namespace Retort

Q_DECLARE_METATYPE(Retort::DatabaseProbeResult)
