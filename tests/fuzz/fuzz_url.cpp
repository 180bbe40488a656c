// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: SQLAlchemy URL parsing (DatabaseUrl::parse) and everything a parsed
// URL offers: rendering with and without the password, the SQLite file, another
// database; and password masking of text that does not parse.
#include "fuzzentry.h"

#include "db/databaseurl.h"

#include <QDir>
#include <QString>

using namespace Retort;

bool Retort::Fuzz::url(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    DatabaseUrl::maskPassword(text);
    const Result<DatabaseUrl> parsed = DatabaseUrl::parse(text);
    if (!parsed) {
        if (parsed.error().isEmpty())
            return Fuzz::fail("url", "refused without a message");
        return true;
    }
    parsed->driverName();
    parsed->qtDriverName();
    parsed->hasQueryItem(QStringLiteral("charset"));
    parsed->queryItemValue(QStringLiteral("charset"));
    if (parsed->dialect() == SqlDialect::Sqlite) {
        parsed->isSqliteMemory();
        parsed->sqliteFilePath(QDir(QStringLiteral("/nonexistent/retort-fuzz")));
    }
    parsed->withDatabase(QStringLiteral("other")).toDisplayString();
    const QString display = parsed->toDisplayString();
    const QString full = parsed->toString();
    // Rendering is SQLAlchemy's, which is not always an inverse of parsing: only run it.
    DatabaseUrl::parse(full);
    DatabaseUrl::maskPassword(full);
    if (display.isEmpty() || full.isEmpty())
        return Fuzz::fail("url", "rendered as empty text");
    return true;
}
