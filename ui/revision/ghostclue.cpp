// SPDX-License-Identifier: GPL-3.0-or-later
#include "ghostclue.h"

#include "python/scriptheaderreader.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace Retort {

namespace {

constexpr qint64 MaxFileSize = 1024 * 1024;

// The revision ids of map that occur in bytes (a compiled script keeps its string
// constants verbatim), other than the missing one.
QStringList knownIdsIn(const QByteArray &bytes, const RevisionMap &map, const QString &missing)
{
    static const QRegularExpression hexRun(QStringLiteral("[0-9a-f]{6,40}"));
    QStringList ids;
    const QString text = QString::fromLatin1(bytes);
    for (QRegularExpressionMatchIterator it = hexRun.globalMatch(text); it.hasNext();) {
        const QString candidate = it.next().captured();
        if (candidate != missing && map.contains(candidate) && !ids.contains(candidate))
            ids << candidate;
    }
    return ids;
}

} // namespace

std::optional<GhostClue> GhostClue::find(const ProjectLayout &layout, const RevisionMap &map,
                                         const QString &revision)
{
    if (revision.isEmpty())
        return std::nullopt;
    const QByteArray needle = revision.toUtf8();
    std::optional<GhostClue> compiledClue;
    for (const QString &location : layout.versionLocations) {
        QDirIterator files(location, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QFileInfo info(files.next());
            if (info.size() > MaxFileSize)
                continue;
            QFile file(info.absoluteFilePath());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = file.readAll();
            if (!bytes.contains(needle))
                continue;
            if (info.suffix() == QLatin1String("pyc")) {
                if (!compiledClue) {
                    GhostClue clue;
                    clue.path = info.absoluteFilePath();
                    clue.compiled = true;
                    clue.parents = knownIdsIn(bytes, map, revision);
                    compiledClue = clue;
                }
                continue;
            }
            const ScriptHeader header = ScriptHeaderReader::read(bytes, info.absoluteFilePath());
            if (!header.revision.strings.contains(revision))
                continue; // it only mentions the id (a child's down_revision, a comment)
            GhostClue clue;
            clue.path = info.absoluteFilePath();
            for (const QString &parent : header.downRevision.strings) {
                if (map.contains(parent))
                    clue.parents << parent;
            }
            clue.message = header.message();
            return clue; // a readable script beats a compiled copy
        }
    }
    return compiledClue;
}

} // namespace Retort
