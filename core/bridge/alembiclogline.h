// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace Retort {

// One line of Alembic's console output, classified:
// - "INFO  [alembic.runtime.migration] Running upgrade a -> b, message" (a migration starts;
//   `from` is empty for a base, several revisions are ", "-separated before the arrow);
// - "INFO  [alembic.autogenerate.compare] Detected added table 'x'" (autogenerate found a
//   difference);
// - "Generating /path/versions/b_message.py ...  done" (a new revision file);
// - "FAILED: message" (Alembic's CommandError).
// Value type; any thread.
struct AlembicLogLine
{
    enum class Kind { Other, Log, Migration, Detected, Generating, Failed };

    Kind kind = Kind::Other;
    QString level;  // "INFO", "WARNING", ... (log lines)
    QString logger; // "alembic.runtime.migration"
    QString text;   // the line without the level and logger, or the FAILED message

    // Kind::Migration
    QString direction; // "upgrade" or "downgrade"
    QString from;      // "" for base
    QString to;
    QString message;
    // Kind::Generating
    QString path;

    static AlembicLogLine parse(const QString &line);
};

} // namespace Retort

Q_DECLARE_METATYPE(Retort::AlembicLogLine)
