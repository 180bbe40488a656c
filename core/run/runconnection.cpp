// SPDX-License-Identifier: GPL-3.0-or-later
#include "run/runconnection.h"

#include "db/databaseconnector.h"

#include <QSqlQuery>
#include <QUrlQuery>

namespace Retort {

RunConnection::~RunConnection()
{
    m_database = QSqlDatabase();
    m_connection.reset();
}

bool RunConnection::open(const QString &url, int connectTimeoutSeconds)
{
    QString target = url;
    bool readOnly = false;
    if (url.startsWith(QLatin1String("sqlite:"))) {
        if (const qsizetype q = url.indexOf(QLatin1Char('?')); q >= 0) {
            QUrlQuery query(url.mid(q + 1));
            readOnly = query.queryItemValue(QStringLiteral("mode")) == QLatin1String("ro");
            query.removeQueryItem(QStringLiteral("mode"));
            query.removeQueryItem(QStringLiteral("uri"));
            target = url.left(q) + (query.isEmpty() ? QString() : QLatin1Char('?') + query.toString());
        }
    }
    DatabaseConnector::Options options;
    options.connectTimeoutSeconds = connectTimeoutSeconds;
    Result<DatabaseConnection> connection = DatabaseConnector::open(target, options);
    if (!connection) {
        m_error = connection.error();
        return false;
    }
    m_connection = connection.value();
    m_database = m_connection.database();
    m_dialect = m_connection.dialect();
    if (readOnly) {
        QSqlQuery pragma(m_database);
        pragma.exec(QStringLiteral("PRAGMA query_only = ON"));
    }
    return true;
}

} // namespace Retort
