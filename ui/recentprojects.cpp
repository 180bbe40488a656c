// SPDX-License-Identifier: GPL-3.0-or-later
#include "recentprojects.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace Retort {

namespace {

const QString settingsKey = QStringLiteral("recentProjects");

QString normalized(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

} // namespace

QStringList RecentProjects::paths()
{
    return QSettings().value(settingsKey).toStringList();
}

void RecentProjects::add(const QString &path)
{
    const QString entry = normalized(path);
    QStringList list = paths();
    list.removeAll(entry);
    list.prepend(entry);
    store(list);
}

void RecentProjects::remove(const QString &path)
{
    QStringList list = paths();
    list.removeAll(normalized(path));
    store(list);
}

QStringList RecentProjects::removeMissing()
{
    QStringList kept;
    QStringList missing;
    const QStringList list = paths();
    for (const QString &path : list)
        (QFileInfo::exists(path) ? kept : missing) << path;
    if (!missing.isEmpty())
        store(kept);
    return missing;
}

void RecentProjects::clear()
{
    store({});
}

void RecentProjects::store(const QStringList &paths)
{
    QSettings settings;
    if (paths.isEmpty())
        settings.remove(settingsKey);
    else
        settings.setValue(settingsKey, paths.mid(0, MaxCount));
}

} // namespace Retort
