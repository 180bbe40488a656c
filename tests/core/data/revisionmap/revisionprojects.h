// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test helper shared by the revision-map suites: the example projects of
// shared/spec/revisions.md, read from projects.txt beside this file.

#include "revision/revision.h"

#include <QFile>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace RevisionProjects {

inline QStringList words(const QString &field)
{
    const QString t = field.trimmed();
    if (t == QLatin1String("-"))
        return {};
    return t.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// Every project of projects.txt by name; revisions in file (= map) order. Paths are
// "/p/<name>/<id>_x.py".
inline QHash<QString, QList<Retort::Revision>> load()
{
    QHash<QString, QList<Retort::Revision>> projects;
    QFile file(QStringLiteral(RETORT_TESTS_SOURCE_DIR "/core/data/revisionmap/projects.txt"));
    if (!file.open(QIODevice::ReadOnly))
        return projects;
    QString current;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            current = line.mid(1, line.size() - 2);
            projects[current];
            continue;
        }
        const QStringList f = line.split(QLatin1Char('|'));
        Retort::Revision r;
        r.id = f.value(0).trimmed();
        r.downRevisions = words(f.value(1));
        r.dependsOn = words(f.value(2));
        r.branchLabels = words(f.value(3));
        r.longDoc = f.value(4).trimmed();
        r.path =
            QStringLiteral("/p/") + current + QLatin1Char('/') + r.id + QStringLiteral("_x.py");
        projects[current].append(r);
    }
    return projects;
}

inline QList<Retort::Revision> project(const QString &name)
{
    static const QHash<QString, QList<Retort::Revision>> all = load();
    return all.value(name);
}

} // namespace RevisionProjects
