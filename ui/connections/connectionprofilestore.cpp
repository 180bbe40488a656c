// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionprofilestore.h"

#include <QSettings>
#include <QUuid>

namespace Retort {

namespace {

const QString arrayKey = QStringLiteral("connectionProfiles");
const QString selectedKey = QStringLiteral("connections/selected");

} // namespace

QList<ConnectionProfile> ConnectionProfileStore::load()
{
    QSettings settings;
    QList<ConnectionProfile> profiles;
    const int count = settings.beginReadArray(arrayKey);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        ConnectionProfile profile;
        profile.id = settings.value(QStringLiteral("id")).toString();
        profile.name = settings.value(QStringLiteral("name")).toString();
        profile.url = UrlPassword::strip(settings.value(QStringLiteral("url")).toString());
        profile.production = settings.value(QStringLiteral("production")).toBool();
        if (!profile.id.isEmpty())
            profiles << profile;
    }
    settings.endArray();
    return profiles;
}

void ConnectionProfileStore::save(const QList<ConnectionProfile> &profiles)
{
    QSettings settings;
    settings.remove(arrayKey);
    settings.beginWriteArray(arrayKey, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &profile = profiles.at(i);
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("id"), profile.id);
        settings.setValue(QStringLiteral("name"), profile.name);
        settings.setValue(QStringLiteral("url"), UrlPassword::strip(profile.url));
        settings.setValue(QStringLiteral("production"), profile.production);
    }
    settings.endArray();
}

QString ConnectionProfileStore::selectedId()
{
    return QSettings().value(selectedKey).toString();
}

void ConnectionProfileStore::setSelectedId(const QString &id)
{
    QSettings().setValue(selectedKey, id);
}

QString ConnectionProfileStore::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace Retort
