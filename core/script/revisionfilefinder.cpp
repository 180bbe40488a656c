// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/revisionfilefinder.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <utility>

namespace Retort {

namespace {

// Python sorts str by code point; UTF-8 byte order is the same order (UTF-16 code
// unit order is not, for characters above U+FFFF).
void sortByCodePoint(QStringList &names)
{
    QList<std::pair<QByteArray, QString>> keyed;
    keyed.reserve(names.size());
    for (const QString &name : std::as_const(names))
        keyed.append({name.toUtf8(), name});
    std::sort(keyed.begin(), keyed.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    for (qsizetype i = 0; i < keyed.size(); ++i)
        names[i] = keyed.at(i).second;
}

void walk(const QString &directory, bool recursive, QStringList &out)
{
    if (directory.endsWith(QLatin1String("__pycache__")))
        return;
    const QDir dir(directory);
    // Hidden entries count too: Python's listing does not hide dot files.
    QStringList files = dir.entryList(QDir::Files | QDir::Hidden | QDir::System);
    sortByCodePoint(files);
    for (const QString &name : std::as_const(files))
        out.append(dir.filePath(name));
    if (!recursive)
        return;
    QStringList subdirs = dir.entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
    sortByCodePoint(subdirs);
    for (const QString &name : std::as_const(subdirs)) {
        const QString path = dir.filePath(name);
        if (QFileInfo(path).isSymLink())
            continue;
        walk(path, recursive, out);
    }
}

} // namespace

RevisionFileFinder::RevisionFileFinder(QStringList versionLocations, bool recursive)
    : m_locations(std::move(versionLocations))
    , m_recursive(recursive)
{ }

bool RevisionFileFinder::isRevisionFileName(const QString &fileName)
{
    return fileName.endsWith(QLatin1String(".py")) && !fileName.startsWith(QLatin1String(".#")) &&
           !fileName.startsWith(QLatin1String("__init__")) && !fileName.contains(QLatin1Char('\n'));
}

QStringList RevisionFileFinder::find(Diagnostics *warnings) const
{
    QStringList result;
    QSet<QString> seen;
    for (const QString &location : m_locations) {
        if (!QFileInfo(location).isDir())
            continue;
        QStringList candidates;
        walk(QDir(location).absolutePath(), m_recursive, candidates);
        for (const QString &candidate : std::as_const(candidates)) {
            const QString real = QFileInfo(candidate).canonicalFilePath();
            if (real.isEmpty())
                continue; // a dangling symbolic link
            // Alembic matches the name of the real file, not of the link to it.
            if (!isRevisionFileName(QFileInfo(real).fileName()))
                continue;
            if (seen.contains(real)) {
                if (warnings) {
                    warnings->append({real, 0, 0,
                                      QStringLiteral("File %1 loaded twice! ignoring. Please "
                                                     "ensure version_locations is unique.")
                                          .arg(real),
                                      Diagnostic::Severity::Warning});
                }
                continue;
            }
            seen.insert(real);
            result.append(real);
        }
    }
    return result;
}

} // namespace Retort
