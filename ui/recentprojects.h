// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Retort {

// The projects opened lately, newest first, at most MaxCount, kept in QSettings (key
// "recentProjects"). Paths are stored absolute and cleaned. Reads and writes the
// settings on every call, so that several windows agree. GUI thread only.
class RecentProjects
{
public:
    static constexpr int MaxCount = 10;

    static QStringList paths();
    // Puts path first (removing an older entry for it) and trims the list.
    static void add(const QString &path);
    static void remove(const QString &path);
    // Drops the entries that no longer exist on disk and returns them.
    static QStringList removeMissing();
    static void clear();

private:
    static void store(const QStringList &paths);
};

} // namespace Retort
