// SPDX-License-Identifier: GPL-3.0-or-later
#include "db/databaseconnection.h"

#include "db/databaseconnectionstate.h"

namespace Retort {

DatabaseConnection::State::~State()
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

QSqlDatabase DatabaseConnection::database() const
{
    if (!m_state)
        return QSqlDatabase();
    return QSqlDatabase::database(m_state->connectionName, false);
}

QString DatabaseConnection::connectionName() const
{
    return m_state ? m_state->connectionName : QString();
}

const DatabaseUrl &DatabaseConnection::url() const
{
    static const DatabaseUrl none;
    return m_state ? m_state->url : none;
}

QString DatabaseConnection::serverVersion() const
{
    return m_state ? m_state->serverVersion : QString();
}

bool DatabaseConnection::isMariaDb() const
{
    return dialect() == SqlDialect::MySql && serverVersion().contains(QLatin1String("MariaDB"), Qt::CaseInsensitive);
}

} // namespace Retort
