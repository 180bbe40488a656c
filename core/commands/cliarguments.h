// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Retort {

// Everything retort-cli was asked to do, as parsed from its command line by
// CliArgumentParser. Plain value type; the fields a command does not take stay at
// their defaults. Option names follow Alembic's own command line.
struct CliArguments
{
    // Global options (before the command).
    QString configFile; // -c/--config; empty = $ALEMBIC_CONFIG, else ./alembic.ini
    QString section = QStringLiteral("alembic"); // -n/--name
    QStringList xArguments; // -x KEY=VALUE, in command-line order
    QString project; // --project: ini folder, script directory or bare versions folder
    QString url; // --url: database URL (offline: decides the dialect)
    QString python; // --python: the interpreter of the Python bridge (revision --autogenerate)
    bool quiet = false; // -q/--quiet: no listings, no FAILED text
    bool raiseErrors = false; // --raiseerr: accepted for Alembic compatibility

    QString command; // heads, branches, history, show, bases, current, upgrade, ...

    // Command options.
    bool verbose = false; // -v/--verbose
    bool resolveDependencies = false; // heads --resolve-dependencies
    bool indicateCurrent = false; // history -i/--indicate-current
    bool revRangeGiven = false; // history -r/--rev-range
    QString revRange;
    bool sql = false; // --sql (offline mode)
    bool purge = false; // stamp --purge
    bool transactionPerMigration = false; // upgrade/downgrade/stamp online: commit per migration
    QString lockTimeout; // --lock-timeout SECONDS: how long an online run waits for another
    QString tag; // --tag
    QString dialect; // --dialect (offline SQL; extension)
    QStringList revisions; // show REV, upgrade/downgrade REVISION, stamp REVISIONS...
    // revision / merge
    bool messageGiven = false; // -m/--message
    QString message;
    QString head; // revision --head (empty = head)
    bool splice = false; // revision --splice
    QString branchLabel; // --branch-label
    QStringList dependsOn; // revision --depends-on, repeatable
    QString revId; // --rev-id
    QString versionPath; // revision --version-path
    bool autogenerate = false; // revision --autogenerate: through the Python bridge

    QString revision() const { return revisions.value(0); }
};

} // namespace Retort
