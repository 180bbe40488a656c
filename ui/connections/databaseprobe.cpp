// SPDX-License-Identifier: GPL-3.0-or-later
#include "databaseprobe.h"

#include "db/databaseconnector.h"
#include "db/databaseurl.h"
#include "db/versiontablereader.h"

#include <QDir>
#include <QFileInfo>
#include <QtConcurrent/QtConcurrentRun>

namespace Retort {

DatabaseProbe::DatabaseProbe(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<DatabaseProbeResult>::finished, this,
            &DatabaseProbe::deliver);
}

DatabaseProbe::~DatabaseProbe()
{
    m_watcher.waitForFinished();
}

void DatabaseProbe::probe(const QString &url, const VersionTableSql::Table &table,
                          const QString &baseFolder)
{
    if (m_watcher.isRunning()) {
        // A connection attempt cannot be interrupted: the newest request waits for it.
        m_pending = Pending{url, table, baseFolder};
        return;
    }
    const quint64 generation = ++m_generation;
    m_watcher.setFuture(QtConcurrent::run([url, table, baseFolder, generation] {
        DatabaseProbeResult result = probeNow(url, table, baseFolder);
        result.generation = generation;
        return result;
    }));
}

void DatabaseProbe::deliver()
{
    if (m_pending) {
        const Pending next = *m_pending;
        m_pending.reset();
        probe(next.url, next.table, next.baseFolder);
        return;
    }
    Q_EMIT finished(m_watcher.result());
}

DatabaseProbeResult DatabaseProbe::probeNow(const QString &urlText,
                                            const VersionTableSql::Table &table,
                                            const QString &baseFolder)
{
    DatabaseProbeResult result;
    const Result<DatabaseUrl> parsed = DatabaseUrl::parse(urlText);
    if (!parsed) {
        result.displayUrl = DatabaseUrl::maskPassword(urlText);
        result.errorString = parsed.error();
        return result;
    }
    DatabaseUrl url = parsed.value();
    result.displayUrl = url.toDisplayString();
    if (url.dialect() == SqlDialect::Sqlite && !url.isSqliteMemory()) {
        const QString file = url.sqliteFilePath(baseFolder.isEmpty() ? QDir::current() : QDir(baseFolder));
        // Opening a missing SQLite file would create it: looking must not change anything.
        if (!QFileInfo::exists(file)) {
            result.ok = true;
            result.noDatabaseYet = true;
            return result;
        }
        url = DatabaseUrl::sqliteFile(file);
    }
    const Result<DatabaseConnection> connection = DatabaseConnector::open(url);
    if (!connection) {
        result.errorString = connection.error();
        return result;
    }
    result.serverVersion = connection->serverVersion();
    const Result<QStringList> rows = VersionTableReader::read(connection.value(), table);
    if (!rows) {
        result.errorString = rows.error();
        return result;
    }
    result.revisions = rows.value();
    result.ok = true;
    return result;
}

} // namespace Retort
