// SPDX-License-Identifier: GPL-3.0-or-later
#include "passwordstore.h"

#ifdef RETORT_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace Retort {

namespace {

#ifdef RETORT_HAVE_QTKEYCHAIN
const QString serviceName = QStringLiteral("Retort database connections");
#endif

} // namespace

PasswordStore::PasswordStore(QObject *parent)
    : QObject(parent)
{
}

bool PasswordStore::hasKeychain()
{
#ifdef RETORT_HAVE_QTKEYCHAIN
    return true;
#else
    return false;
#endif
}

void PasswordStore::store(const QString &key, const QString &password)
{
    if (password.isEmpty()) {
        remove(key);
        return;
    }
    m_memory.insert(key, password);
#ifdef RETORT_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(serviceName, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *finished) {
        if (finished->error() != QKeychain::NoError)
            Q_EMIT keychainFailed(tr("The system keychain did not store the password (%1); "
                                     "it is kept until Retort quits.")
                                      .arg(finished->errorString()));
    });
    job->start();
#endif
}

void PasswordStore::remove(const QString &key)
{
    m_memory.remove(key);
#ifdef RETORT_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::DeletePasswordJob(serviceName, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->start();
#endif
}

void PasswordStore::fetch(const QString &key, const std::function<void(const QString &)> &done)
{
    if (m_memory.contains(key)) {
        done(m_memory.value(key));
        return;
    }
#ifdef RETORT_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(serviceName, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key, done](QKeychain::Job *finished) {
        QString password;
        if (finished->error() == QKeychain::NoError) {
            password = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
            m_memory.insert(key, password);
        } else if (finished->error() != QKeychain::EntryNotFound) {
            Q_EMIT keychainFailed(tr("The system keychain did not answer (%1); enter the "
                                     "password again for this session.")
                                      .arg(finished->errorString()));
        }
        done(password);
    });
    job->start();
#else
    done(QString());
#endif
}

} // namespace Retort
