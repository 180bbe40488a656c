// SPDX-License-Identifier: GPL-3.0-or-later
#include "run/databaselock.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace Retort {

namespace {

bool exec(QSqlDatabase &database, const QString &sql, QString *error, QVariant *value = nullptr)
{
    QSqlQuery query(database);
    if (!query.exec(sql)) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    if (value)
        *value = query.next() ? query.value(0) : QVariant();
    return true;
}

bool isBusy(const QString &message)
{
    return message.contains(QLatin1String("locked"), Qt::CaseInsensitive) ||
           message.contains(QLatin1String("busy"), Qt::CaseInsensitive);
}

} // namespace

DatabaseLock::DatabaseLock(QSqlDatabase database, SqlDialect dialect, const QString &versionTable)
    : m_database(std::move(database))
    , m_dialect(dialect)
{
    // One lock per database and version table; MySQL lock names are server-wide and at
    // most 64 characters.
    QString name = QStringLiteral("retort:%1.%2").arg(m_database.databaseName(), versionTable);
    if (name.size() > 64)
        name = QStringLiteral("retort:") +
               QString::fromLatin1(QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Md5).toHex());
    m_name = name;
}

bool DatabaseLock::beginImmediate(QSqlDatabase &database, QString *error)
{
    return exec(database, QStringLiteral("BEGIN IMMEDIATE"), error);
}

bool DatabaseLock::acquire(int timeoutMs, const std::atomic_bool &cancelled, const Waiting &waiting)
{
    const QString waitingText =
        QStringLiteral("Another migration run holds the lock on this database; waiting up to %1 s ...")
            .arg(timeoutMs / 1000.0, 0, 'g', 3);
    const QString timeoutText =
        QStringLiteral("Another migration run still holds the lock on this database after %1 s; "
                       "try again when it has finished")
            .arg(timeoutMs / 1000.0, 0, 'g', 3);
    QString error;
    switch (m_dialect) {
    case SqlDialect::Sqlite: {
        exec(m_database, QStringLiteral("PRAGMA busy_timeout = 0"), nullptr);
        if (!beginImmediate(m_database, &error)) {
            if (!isBusy(error)) {
                m_error = error;
                return false;
            }
            if (waiting)
                waiting(waitingText);
            exec(m_database, QStringLiteral("PRAGMA busy_timeout = %1").arg(timeoutMs), nullptr);
            if (!beginImmediate(m_database, &error)) {
                m_error = isBusy(error) ? timeoutText + QStringLiteral(" (") + error + QLatin1Char(')') : error;
                return false;
            }
        }
        exec(m_database, QStringLiteral("PRAGMA busy_timeout = %1").arg(timeoutMs), nullptr);
        m_held = true;
        return true;
    }
    case SqlDialect::PostgreSql: {
        const QString sql = QStringLiteral("SELECT pg_try_advisory_lock(hashtext('%1'))").arg(m_name);
        QDeadlineTimer deadline(timeoutMs);
        bool announced = false;
        for (;;) {
            QVariant got;
            if (!exec(m_database, sql, &error, &got)) {
                m_error = error;
                return false;
            }
            if (got.toBool()) {
                m_held = true;
                return true;
            }
            if (!announced && waiting)
                waiting(waitingText);
            announced = true;
            if (deadline.hasExpired()) {
                m_error = timeoutText;
                return false;
            }
            if (cancelled.load()) {
                m_error = QStringLiteral("Cancelled while waiting for the lock");
                return false;
            }
            QThread::msleep(100);
        }
    }
    case SqlDialect::MySql: {
        QVariant got;
        if (!exec(m_database, QStringLiteral("SELECT GET_LOCK('%1', 0)").arg(m_name), &error, &got)) {
            m_error = error;
            return false;
        }
        if (got.toInt() != 1) {
            if (waiting)
                waiting(waitingText);
            const int seconds = qMax(1, (timeoutMs + 999) / 1000);
            if (!exec(m_database, QStringLiteral("SELECT GET_LOCK('%1', %2)").arg(m_name).arg(seconds),
                      &error, &got)) {
                m_error = error;
                return false;
            }
            if (got.toInt() != 1) {
                m_error = timeoutText;
                return false;
            }
        }
        m_held = true;
        return true;
    }
    }
    return false;
}

void DatabaseLock::release()
{
    if (!m_held)
        return;
    m_held = false;
    switch (m_dialect) {
    case SqlDialect::Sqlite:
        break; // the transaction's COMMIT/ROLLBACK ends it
    case SqlDialect::PostgreSql:
        exec(m_database, QStringLiteral("SELECT pg_advisory_unlock(hashtext('%1'))").arg(m_name), nullptr);
        break;
    case SqlDialect::MySql:
        exec(m_database, QStringLiteral("SELECT RELEASE_LOCK('%1')").arg(m_name), nullptr);
        break;
    }
}

} // namespace Retort
