// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test helper shared by the planner and version-table suites: the example projects of
// shared/spec/revisions.md (plus the redundant merge of the oracle README) built in code.

#include "revision/revisionmap.h"

#include <QStringList>

namespace SpecProjects {

using Retort::Revision;
using Retort::RevisionMap;

// The example projects, in file (= sorted id) order.
// Each line: "id down1,down2 [deps=a,b] [labels=x,y]" ("-" = no down revision).
inline RevisionMap project(const QString &name)
{
    QStringList lines;
    if (name == QLatin1String("lin")) {
        lines = {QStringLiteral("1975ea83b712 -"), QStringLiteral("27c6a30d7c24 ae1027a6acf0"),
                 QStringLiteral("ae1027a6acf0 1975ea83b712")};
    } else if (name == QLatin1String("br") || name == QLatin1String("brm")) {
        lines = {QStringLiteral("1975ea83b712 -"), QStringLiteral("27c6a30d7c24 ae1027a6acf0"),
                 QStringLiteral("4dc4e4b4c1b9 55af2cb1c267"),
                 QStringLiteral("55af2cb1c267 ae1027a6acf0"),
                 QStringLiteral("ae1027a6acf0 1975ea83b712")};
        if (name == QLatin1String("brm"))
            lines.insert(3, QStringLiteral("3cac04ae8714 27c6a30d7c24,4dc4e4b4c1b9"));
    } else if (name == QLatin1String("ml") || name == QLatin1String("dep")) {
        const bool dep = name == QLatin1String("dep");
        lines = {QStringLiteral("109ec7d132bf 3782d9986ced"),
                 dep ? QStringLiteral("1975ea83b712 -")
                     : QStringLiteral("1975ea83b712 - labels=shoppingcart"),
                 dep ? QStringLiteral("27c6a30d7c24 ae1027a6acf0 deps=109ec7d132bf")
                     : QStringLiteral("27c6a30d7c24 ae1027a6acf0"),
                 QStringLiteral("3782d9986ced - labels=networking"),
                 QStringLiteral("ae1027a6acf0 1975ea83b712")};
    } else if (name == QLatin1String("redundant")) {
        // oracle README §8 item 4: A <- B <- C, M merges (A, C).
        lines = {QStringLiteral("aaaa00000001 -"), QStringLiteral("bbbb00000002 aaaa00000001"),
                 QStringLiteral("cccc00000003 bbbb00000002"),
                 QStringLiteral("dddd00000004 aaaa00000001,cccc00000003")};
    }
    QList<Revision> revisions;
    for (const QString &line : std::as_const(lines)) {
        const QStringList parts = line.split(QLatin1Char(' '));
        Revision r;
        r.id = parts.at(0);
        if (parts.at(1) != QLatin1String("-"))
            r.downRevisions = parts.at(1).split(QLatin1Char(','));
        for (const QString &part : parts.mid(2)) {
            if (part.startsWith(QLatin1String("deps=")))
                r.dependsOn = part.mid(5).split(QLatin1Char(','));
            else if (part.startsWith(QLatin1String("labels=")))
                r.branchLabels = part.mid(7).split(QLatin1Char(','));
        }
        r.path = QStringLiteral("/p/versions/") + r.id + QStringLiteral("_x.py");
        revisions.append(r);
    }
    return RevisionMap(revisions);
}

inline QStringList ids(const QString &text)
{
    return text.isEmpty() ? QStringList() : text.split(QLatin1Char(','));
}

} // namespace SpecProjects
