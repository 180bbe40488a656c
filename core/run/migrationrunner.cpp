// SPDX-License-Identifier: GPL-3.0-or-later
#include "run/migrationrunner.h"

#include "revision/migrationplanner.h"
#include "revision/versiontablesteps.h"
#include "run/databaselock.h"
#include "run/runconnection.h"
#include "run/stepstatementsource.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>

#include <optional>

namespace Retort {

namespace {

QString versionTableName(const VersionTableSql::Table &table)
{
    return table.schema.isEmpty() ? table.name : table.schema + QLatin1Char('.') + table.name;
}

// One run: the state between connecting and the final signal. Lives on the stack of
// MigrationRunner::run(), in the worker thread.
class Execution
{
public:
    Execution(MigrationRunner &runner, const RunRequest &request, const std::atomic_bool &cancelled)
        : m_runner(runner)
        , m_request(request)
        , m_cancelled(cancelled)
    {
    }

    void run();

private:
    bool connect();
    bool acquireLock();
    bool begin();
    bool commit();
    bool versionTableExists(bool *exists);
    bool readVersionRows(QStringList *rows);
    bool checkRows(const QStringList &rows);
    std::optional<MigrationPlan> plan(const QStringList &rows);
    bool execute(const RunStatement &statement, const QString &migration, int *rows);
    bool runStep(const MigrationStep &step, VersionTableSteps &versions);
    void fail(RunError error);
    QString stepLabel(const MigrationStep &step) const;

    bool perMigrationCommit() const
    {
        return m_dialect == SqlDialect::MySql ||
               m_request.transactionMode == RunRequest::TransactionMode::PerMigration;
    }

    MigrationRunner &m_runner;
    const RunRequest &m_request;
    const std::atomic_bool &m_cancelled;
    RunConnection m_connection;
    SqlDialect m_dialect = SqlDialect::Sqlite;
    std::optional<DatabaseLock> m_lock;
    std::optional<StepStatementSource> m_source;
    bool m_inTransaction = false;
    bool m_somethingCommitted = false; // outside the run's rollback (autocommit, MySQL DDL)
    QList<AppliedMigration> m_applied;
    QStringList m_executedInStep; // statements of the current step that went through
    QElapsedTimer m_clock;
};

QString Execution::stepLabel(const MigrationStep &step) const
{
    QString label = step.description();
    if (!step.stamp)
        if (const Revision *revision = m_request.map.revision(step.revision))
            label += QLatin1String(", ") + revision->doc();
    return label;
}

bool Execution::connect()
{
    if (!m_connection.open(m_request.url, m_request.connectTimeoutSeconds)) {
        RunError error;
        error.kind = RunError::Kind::Connection;
        error.message = m_connection.errorString();
        error.serverMessage = m_connection.errorString();
        fail(error);
        return false;
    }
    m_dialect = m_connection.dialect();
    const auto versionDialect = m_dialect == SqlDialect::PostgreSql ? VersionTableSql::Dialect::Postgresql
                                : m_dialect == SqlDialect::MySql    ? VersionTableSql::Dialect::Mysql
                                                                    : VersionTableSql::Dialect::Sqlite;
    m_source.emplace(m_request.map, m_dialect, VersionTableSql(versionDialect, m_request.versionTable));
    return true;
}

bool Execution::acquireLock()
{
    m_lock.emplace(m_connection.database(), m_dialect, versionTableName(m_request.versionTable));
    const bool ok = m_lock->acquire(m_request.lockTimeoutMs, m_cancelled, [this](const QString &message) {
        Q_EMIT m_runner.waitingForLock(message);
    });
    if (!ok) {
        RunError error;
        error.kind = m_cancelled.load() ? RunError::Kind::Cancelled : RunError::Kind::Lock;
        error.message = m_lock->errorString() + QStringLiteral("\nNothing was written.");
        error.serverMessage = m_lock->errorString();
        fail(error);
        return false;
    }
    // SQLite's lock is its write transaction.
    m_inTransaction = m_dialect == SqlDialect::Sqlite;
    return true;
}

bool Execution::begin()
{
    QString error;
    bool ok = false;
    if (m_dialect == SqlDialect::Sqlite) {
        ok = DatabaseLock::beginImmediate(m_connection.database(), &error);
    } else {
        QSqlQuery query(m_connection.database());
        ok = query.exec(QStringLiteral("BEGIN"));
        error = query.lastError().text();
    }
    if (!ok) {
        RunError failure;
        failure.kind = RunError::Kind::Statement;
        failure.statement = QStringLiteral("BEGIN");
        failure.serverMessage = error;
        failure.message = QStringLiteral("Could not start a transaction: ") + error;
        fail(failure);
        return false;
    }
    m_inTransaction = true;
    return true;
}

bool Execution::commit()
{
    QSqlQuery query(m_connection.database());
    if (!query.exec(QStringLiteral("COMMIT"))) {
        RunError failure;
        failure.kind = RunError::Kind::Statement;
        failure.statement = QStringLiteral("COMMIT");
        failure.serverMessage = query.lastError().text();
        failure.message = QStringLiteral("COMMIT failed: %1\nWhether the last transaction was "
                                         "applied is unknown: check with `retort-cli current`.")
                              .arg(failure.serverMessage);
        m_inTransaction = false;
        fail(failure);
        return false;
    }
    m_inTransaction = false;
    for (AppliedMigration &migration : m_applied)
        migration.committed = true;
    return true;
}

bool Execution::versionTableExists(bool *exists)
{
    const VersionTableSql::Table &table = m_request.versionTable;
    QSqlQuery query(m_connection.database());
    QString sql;
    switch (m_dialect) {
    case SqlDialect::Sqlite:
        sql = QStringLiteral("SELECT count(*) FROM %1sqlite_master WHERE type = 'table' AND name = '%2'")
                  .arg(table.schema.isEmpty() ? QString() : table.schema + QLatin1Char('.'), table.name);
        break;
    case SqlDialect::PostgreSql:
        sql = QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_name = '%1' AND "
                             "table_schema = %2")
                  .arg(table.name, table.schema.isEmpty() ? QStringLiteral("current_schema()")
                                                          : QLatin1Char('\'') + table.schema + QLatin1Char('\''));
        break;
    case SqlDialect::MySql:
        sql = QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE table_name = '%1' AND "
                             "table_schema = %2")
                  .arg(table.name, table.schema.isEmpty() ? QStringLiteral("DATABASE()")
                                                          : QLatin1Char('\'') + table.schema + QLatin1Char('\''));
        break;
    }
    if (!query.exec(sql) || !query.next()) {
        RunError error;
        error.kind = RunError::Kind::Connection;
        error.statement = sql;
        error.serverMessage = query.lastError().text();
        error.message = QStringLiteral("Could not read the database's tables: ") + error.serverMessage;
        fail(error);
        return false;
    }
    *exists = query.value(0).toInt() > 0;
    return true;
}

bool Execution::readVersionRows(QStringList *rows)
{
    QSqlQuery query(m_connection.database());
    if (!query.exec(m_source->versionTable().selectVersions()))
        return false;
    rows->clear();
    while (query.next())
        rows->append(query.value(0).toString());
    return true;
}

// The table must describe a state the scripts know (versioning.md §1), else nothing
// is written.
bool Execution::checkRows(const QStringList &rows)
{
    const QString table = versionTableName(m_request.versionTable);
    RunError error;
    error.kind = RunError::Kind::BadInput;
    for (const QString &row : rows) {
        if (!m_request.map.contains(row)) {
            error.message = QStringLiteral("Can't locate revision identified by '%1'\n"
                                           "The database's %2 table names revision '%1', which no "
                                           "script of this project has. If the database really is at "
                                           "one of the project's revisions, record that with `stamp "
                                           "REVISION --purge`. Nothing was written.")
                                .arg(row, table);
            fail(error);
            return false;
        }
    }
    for (qsizetype i = 0; i < rows.size(); ++i) {
        for (qsizetype j = 0; j < rows.size(); ++j) {
            if (i == j)
                continue;
            const bool duplicate = rows[i] == rows[j];
            if (duplicate || m_request.map.isAncestorOf(rows[i], rows[j])) {
                error.message =
                    (duplicate ? QStringLiteral("The database's %1 table holds revision '%2' twice")
                                     .arg(table, rows[i])
                               : QStringLiteral("The database's %1 table holds both '%2' and its "
                                                "descendant '%3'")
                                     .arg(table, rows[i], rows[j])) +
                    QStringLiteral(" (rows: %1), which Alembic never writes. Set the table to the "
                                   "revision(s) the schema is really at with `stamp REVISION... "
                                   "--purge`. Nothing was written.")
                        .arg(rows.join(QLatin1String(", ")));
                fail(error);
                return false;
            }
        }
    }
    return true;
}

std::optional<MigrationPlan> Execution::plan(const QStringList &rows)
{
    if (m_request.plan) {
        QStringList expected = m_request.plan->startHeads;
        QStringList actual = rows;
        expected.sort();
        actual.sort();
        if (expected == actual)
            return *m_request.plan;
        RunError error;
        error.kind = RunError::Kind::BadInput;
        error.message = QStringLiteral("The plan starts at (%1) but the database is at (%2); nothing was written.")
                            .arg(expected.join(QLatin1String(", ")), actual.join(QLatin1String(", ")));
        fail(error);
        return std::nullopt;
    }
    const MigrationPlanner planner(m_request.map);
    RevisionResult<MigrationPlan> planned = [&] {
        switch (m_request.kind) {
        case RunRequest::Kind::Upgrade:
            return planner.upgrade(rows, m_request.targets.value(0));
        case RunRequest::Kind::Downgrade:
            return planner.downgrade(rows, m_request.targets.value(0));
        case RunRequest::Kind::Stamp:
            break;
        }
        return planner.stamp(rows, m_request.targets, m_request.purge);
    }();
    if (!planned) {
        RunError error;
        error.kind = RunError::Kind::BadInput;
        error.message = planned.errorString();
        fail(error);
        return std::nullopt;
    }
    return planned.value();
}

bool Execution::execute(const RunStatement &statement, const QString &migration, int *rows)
{
    QElapsedTimer timer;
    timer.start();
    QSqlQuery query(m_connection.database());
    if (!query.exec(statement.sql)) {
        RunError error;
        error.kind = RunError::Kind::Statement;
        error.migration = migration;
        error.statement = statement.sql;
        error.location = statement.location();
        error.serverMessage = query.lastError().databaseText().isEmpty() ? query.lastError().text()
                                                                         : query.lastError().databaseText();
        fail(error);
        return false;
    }
    *rows = query.isSelect() ? query.size() : query.numRowsAffected();
    query.finish();
    Q_EMIT m_runner.statementFinished(statement.sql, timer.elapsed(), *rows);
    return true;
}

bool Execution::runStep(const MigrationStep &step, VersionTableSteps &versions)
{
    const QString label = stepLabel(step);
    const Result<RunStatements> body = m_source->bodyStatements(step);
    if (!body) {
        RunError error;
        error.kind = RunError::Kind::Render;
        error.migration = label;
        error.message = body.error();
        fail(error);
        return false;
    }
    const RevisionResult<VersionRowChanges> changes = versions.apply(step);
    if (!changes) {
        RunError error;
        error.kind = RunError::Kind::BadInput;
        error.migration = label;
        error.message = changes.errorString();
        fail(error);
        return false;
    }

    QElapsedTimer timer;
    timer.start();
    m_executedInStep.clear();
    const bool transactional = m_dialect == SqlDialect::PostgreSql;
    bool outside = false; // inside an autocommit block, out of the transaction
    RunStatements statements = body.value();
    for (const VersionRowChange &change : changes.value())
        statements.append(m_source->versionStatement(change));
    for (qsizetype k = 0; k < statements.size(); ++k) {
        const RunStatement &statement = statements.at(k);
        if (m_cancelled.load()) {
            RunError error;
            error.kind = RunError::Kind::Cancelled;
            error.migration = label;
            fail(error);
            return false;
        }
        if (transactional && statement.autocommit && !outside) {
            // Alembic's autocommit_block(): COMMIT, run the block, BEGIN again.
            if (!commit())
                return false;
            m_somethingCommitted = true;
            outside = true;
        } else if (outside && !statement.autocommit) {
            if (!begin())
                return false;
            outside = false;
        }
        int rows = 0;
        if (!execute(statement, label, &rows))
            return false;
        m_executedInStep.append(statement.sql);
        if (m_dialect == SqlDialect::MySql && statement.kind == RunStatement::Kind::Body)
            m_somethingCommitted = true; // conservatively: DDL commits implicitly
        if (statement.kind == RunStatement::Kind::VersionTable &&
            !statement.sql.startsWith(QLatin1String("INSERT")) && rows != 1) {
            const bool update = statement.sql.startsWith(QLatin1String("UPDATE"));
            const VersionRowChange &change = changes.value().at(k - body.value().size());
            RunError error;
            error.kind = RunError::Kind::VersionMismatch;
            error.migration = label;
            error.statement = statement.sql;
            error.message =
                update ? QStringLiteral("Online migration expected to match one row when updating '%1' to "
                                        "'%2' in '%3'; %4 found")
                             .arg(change.from, change.to, m_request.versionTable.name)
                             .arg(rows)
                       : QStringLiteral("Online migration expected to match one row when deleting '%1' "
                                        "in '%2'; %3 found")
                             .arg(change.from, m_request.versionTable.name)
                             .arg(rows);
            fail(error);
            return false;
        }
    }
    if (outside && !begin())
        return false;
    AppliedMigration applied;
    applied.revision = step.stamp ? step.toRevisions.join(QLatin1String(", ")) : step.revision;
    applied.description = label;
    applied.statements = int(body.value().size());
    applied.milliseconds = timer.elapsed();
    m_applied.append(applied);
    return true;
}

void Execution::fail(RunError error)
{
    if (error.message.isEmpty() || error.kind == RunError::Kind::Statement ||
        error.kind == RunError::Kind::Cancelled) {
        QString what;
        if (error.kind == RunError::Kind::Cancelled)
            what = error.migration.isEmpty() ? QStringLiteral("Cancelled")
                                             : QStringLiteral("Cancelled during migration \"%1\"").arg(error.migration);
        else if (!error.migration.isEmpty())
            what = QStringLiteral("Migration \"%1\" failed%2:\n    %3\nThe database said: %4")
                       .arg(error.migration,
                            error.location.isEmpty() ? QString() : QStringLiteral(" at ") + error.location,
                            error.statement, error.serverMessage);
        else if (error.message.isEmpty())
            what = QStringLiteral("%1 failed: %2").arg(error.statement, error.serverMessage);
        else
            what = error.message;
        error.message = what;
    }

    // Put the database back, then find out what is left.
    bool connectionAlive = m_connection.database().isOpen();
    if (m_inTransaction) {
        QSqlQuery query(m_connection.database());
        connectionAlive = query.exec(QStringLiteral("ROLLBACK")) && connectionAlive;
        m_inTransaction = false;
    }
    if (connectionAlive && m_source) {
        QSqlQuery ping(m_connection.database());
        connectionAlive = ping.exec(QStringLiteral("SELECT 1"));
    }
    const bool connected = error.kind != RunError::Kind::Connection || m_source.has_value();
    if (connected && !connectionAlive && m_source) {
        error.connectionLost = true;
        error.kind = RunError::Kind::Connection;
    }
    for (const AppliedMigration &migration : std::as_const(m_applied))
        if (migration.committed)
            error.committedMigrations.append(migration);
    if (m_dialect == SqlDialect::MySql)
        error.appliedStatements = m_executedInStep;
    error.rolledBack = error.committedMigrations.isEmpty() && !m_somethingCommitted;
    if (connectionAlive && m_source)
        error.versionRowsKnown = readVersionRows(&error.versionRows);

    QStringList report{error.message};
    if (error.connectionLost)
        report << QStringLiteral("The connection to the database was lost.");
    if (m_source && error.kind != RunError::Kind::BadInput && error.kind != RunError::Kind::Lock) {
        if (error.rolledBack) {
            report << QStringLiteral("Rolled back: the database is as it was before the run.");
        } else {
            if (!error.committedMigrations.isEmpty()) {
                report << QStringLiteral("Committed before the failure:");
                for (const AppliedMigration &migration : std::as_const(error.committedMigrations))
                    report << QStringLiteral("    %1 (%2 statements)").arg(migration.description).arg(migration.statements);
            }
            if (!error.appliedStatements.isEmpty()) {
                report << QStringLiteral("Executed in the failing migration before the failure (DDL "
                                         "commits implicitly on MySQL/MariaDB and stays applied):");
                for (const QString &sql : std::as_const(error.appliedStatements))
                    report << QStringLiteral("    ") + sql.simplified();
            }
        }
        if (error.versionRowsKnown)
            report << QStringLiteral("%1 now holds: %2")
                          .arg(versionTableName(m_request.versionTable),
                               error.versionRows.isEmpty() ? QStringLiteral("(no rows)")
                                                           : error.versionRows.join(QLatin1String(", ")));
        else if (error.connectionLost)
            report << QStringLiteral("Migrations not listed as committed were not applied; check the "
                                     "database with `retort-cli current` once it is reachable.");
    }
    error.message = report.join(QLatin1Char('\n'));
    if (connectionAlive && m_lock)
        m_lock->release();
    m_lock.reset();
    Q_EMIT m_runner.failed(error);
}

void Execution::run()
{
    m_clock.start();
    if (!connect() || !acquireLock())
        return;
    if (!m_inTransaction && !begin())
        return;

    bool exists = false;
    if (!versionTableExists(&exists))
        return;
    QStringList rows;
    if (exists && !readVersionRows(&rows)) {
        RunError error;
        error.kind = RunError::Kind::Statement;
        error.statement = m_source->versionTable().selectVersions();
        error.serverMessage = m_connection.database().lastError().text();
        fail(error);
        return;
    }
    if (!(m_request.kind == RunRequest::Kind::Stamp && m_request.purge) && !checkRows(rows))
        return;
    const std::optional<MigrationPlan> planned = plan(rows);
    if (!planned)
        return;
    Q_EMIT m_runner.started(*planned);

    int ignored = 0;
    if (!exists && !execute(m_source->createVersionTable(), QString(), &ignored))
        return;
    if (planned->purge && exists && !execute(m_source->purgeVersionTable(), QString(), &ignored))
        return;
    if (m_dialect == SqlDialect::MySql && !exists)
        m_somethingCommitted = true;

    VersionTableSteps versions(m_request.map, planned->purge ? QStringList() : planned->startHeads);
    m_source->setStartHeads(rows);
    const int count = int(planned->steps.size());
    for (int i = 0; i < count; ++i) {
        const MigrationStep &step = planned->steps.at(i);
        if (!m_inTransaction && !begin())
            return;
        const QString revision = step.stamp ? step.toRevisions.join(QLatin1String(", ")) : step.revision;
        Q_EMIT m_runner.migrationStarted(i, count, revision);
        if (!runStep(step, versions))
            return;
        if (perMigrationCommit() && !commit())
            return;
        Q_EMIT m_runner.migrationFinished(i, count, revision, m_applied.last().milliseconds);
    }
    if (m_inTransaction && !commit())
        return;

    RunSummary summary;
    summary.migrations = m_applied;
    readVersionRows(&summary.versionRows);
    summary.milliseconds = m_clock.elapsed();
    m_lock->release();
    Q_EMIT m_runner.finished(summary);
}

} // namespace

MigrationRunner::MigrationRunner(QObject *parent)
    : QObject(parent)
{
}

MigrationRunner::~MigrationRunner() = default;

void MigrationRunner::run(const RunRequest &request)
{
    {
        Execution execution(*this, request, m_cancelled);
        execution.run();
    }
    m_cancelled.store(false);
}

} // namespace Retort
