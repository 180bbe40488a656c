// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace Retort {

// A named database the user works with: a SQLAlchemy URL without its password (the
// password lives in the PasswordStore under the profile's id) and whether it is a
// production database (runs against it ask for a stronger confirmation). Value type.
struct ConnectionProfile
{
    QString id;   // stable key (settings group, keychain entry); never shown
    QString name; // "staging"
    QString url;  // "postgresql://app@db.example.com/shop": never holds a password
    bool production = false;

    bool operator==(const ConnectionProfile &) const = default;
};

// Splits the password out of a SQLAlchemy URL as written ("dialect://user:secret@host/db"
// gives "dialect://user@host/db" and "secret", still percent-encoded) and puts it back.
struct UrlPassword
{
    static QString strip(const QString &url, QString *password = nullptr);
    static QString insert(const QString &urlWithoutPassword, const QString &password);
};

} // namespace Retort

Q_DECLARE_METATYPE(Retort::ConnectionProfile)
