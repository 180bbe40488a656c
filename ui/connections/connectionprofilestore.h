// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connections/connectionprofile.h"

#include <QList>

namespace Retort {

// The connection profiles in QSettings (array "connectionProfiles": id, name, url,
// production) and the one chosen last ("connections/selected"). Passwords are never
// written here: save() strips any password still in a URL. GUI thread only.
class ConnectionProfileStore
{
public:
    static QList<ConnectionProfile> load();
    static void save(const QList<ConnectionProfile> &profiles);

    // The id of the chosen profile; empty = the project's own URL.
    static QString selectedId();
    static void setSelectedId(const QString &id);

    // A new unique id for a profile.
    static QString newId();
};

} // namespace Retort
