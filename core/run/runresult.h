// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Retort {

// A migration step that ran to its end (body and version-table rows), and whether its
// changes are committed.
struct AppliedMigration
{
    QString revision;    // the script revision (stamp steps: the step's target)
    QString description; // MigrationStep::description(): "upgrade a -> b"
    int statements = 0;
    qint64 milliseconds = 0;
    bool committed = false;

    bool operator==(const AppliedMigration &other) const = default;
};

// What a successful run did.
struct RunSummary
{
    QList<AppliedMigration> migrations;
    QStringList versionRows; // alembic_version after the run, as read back
    qint64 milliseconds = 0;
};

// Why a run failed and what state it left behind. Every path through the runner that
// fails produces one of these; `message` is complete on its own (one or more lines).
struct RunError
{
    enum class Kind {
        Connection,     // could not connect, or the connection was lost
        Lock,           // another run holds the lock (timeout)
        BadInput,       // planning / version table contents; nothing was written
        Render,         // a migration could not be turned into SQL; rolled back
        Statement,      // the database refused a statement
        VersionMismatch,// an UPDATE/DELETE of alembic_version did not match one row
        Cancelled,      // cancelled between statements
    };

    Kind kind = Kind::Statement;
    QString message;       // the whole report (what, where, what to do)
    QString migration;     // step description of the failing migration ("" = before any)
    QString statement;     // the failing SQL
    QString location;      // file:line of the op.* call
    QString serverMessage; // the database's own words
    bool rolledBack = true;     // the database is as before the run
    bool connectionLost = false;
    // What is committed nonetheless (MySQL/MariaDB, per-migration transactions).
    QList<AppliedMigration> committedMigrations;
    QStringList appliedStatements; // of the failing migration, implicitly committed (MySQL)
    QStringList versionRows;       // alembic_version after the failure, when it could be read
    bool versionRowsKnown = false;
};

} // namespace Retort

Q_DECLARE_METATYPE(Retort::AppliedMigration)
Q_DECLARE_METATYPE(Retort::RunSummary)
Q_DECLARE_METATYPE(Retort::RunError)
