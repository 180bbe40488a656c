// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace Retort {

// Keeps the passwords of connection profiles: in the system keychain through QtKeychain
// when Retort was built with it (Secret Service, KWallet, macOS Keychain, Windows
// Credential Store), and in memory for this session in every case. Never on disk in
// plain text, never in a log: QtKeychain's insecure fallback stays off. When the keychain
// is missing or refuses, the password lives in memory only and keychainFailed() says so.
//
// Keychain calls are asynchronous; fetch() answers through its callback on the GUI
// thread (immediately when the password is already in memory). GUI-thread object.
class PasswordStore : public QObject
{
    Q_OBJECT
public:
    explicit PasswordStore(QObject *parent = nullptr);

    // Whether passwords survive a restart (Retort was built with QtKeychain).
    static bool hasKeychain();

    void store(const QString &key, const QString &password);
    void remove(const QString &key);
    // The password for key, or an empty string when there is none.
    void fetch(const QString &key, const std::function<void(const QString &)> &done);
    // What is known without asking the keychain.
    QString cached(const QString &key) const { return m_memory.value(key); }
    bool isCached(const QString &key) const { return m_memory.contains(key); }

Q_SIGNALS:
    // The keychain could not store or read a password; it is kept for this session.
    void keychainFailed(const QString &message);

private:
    QHash<QString, QString> m_memory;
};

} // namespace Retort
