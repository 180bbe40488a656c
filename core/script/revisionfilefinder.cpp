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
void sortByCodePoint(QFileInfoList &entries)
{
    QList<std::pair<QByteArray, qsizetype>> keyed;
    keyed.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i)
        keyed.append({entries.at(i).fileName().toUtf8(), i});
    std::sort(keyed.begin(), keyed.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QFileInfoList sorted;
    sorted.reserve(entries.size());
    for (const auto &key : std::as_const(keyed))
        sorted.append(entries.at(key.second));
    entries = sorted;
}

// Appends the real path of every file in directory (an empty string for a dangling
// link). canonical is directory's own real path: a file that is not a link then
// resolves to canonical + name without asking the file system component by component.
void walk(const QString &directory, const QString &canonical, bool recursive, QStringList &out)
{
    if (directory.endsWith(QLatin1String("__pycache__")))
        return;
    const QDir dir(directory);
    // Hidden entries count too: Python's listing does not hide dot files. The listing
    // already knows which entries are links, so plain files cost no further stat.
    QFileInfoList files =
        dir.entryInfoList(QDir::Files | QDir::Hidden | QDir::System, QDir::Unsorted);
    sortByCodePoint(files);
    const QString prefix =
        canonical.endsWith(QLatin1Char('/')) ? canonical : canonical + QLatin1Char('/');
    for (const QFileInfo &info : std::as_const(files))
        out.append(info.isSymLink() ? info.canonicalFilePath() : prefix + info.fileName());
    if (!recursive)
        return;
    QFileInfoList subdirs =
        dir.entryInfoList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Unsorted);
    sortByCodePoint(subdirs);
    for (const QFileInfo &info : std::as_const(subdirs)) {
        if (info.isSymLink())
            continue;
        walk(info.filePath(), prefix + info.fileName(), recursive, out);
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
        const QString canonical = QFileInfo(location).canonicalFilePath();
        if (canonical.isEmpty())
            continue;
        QStringList reals;
        walk(QDir(location).absolutePath(), canonical, m_recursive, reals);
        for (const QString &real : std::as_const(reals)) {
            if (real.isEmpty())
                continue; // a dangling symbolic link
            // Alembic matches the name of the real file, not of the link to it.
            if (!isRevisionFileName(real.mid(real.lastIndexOf(QLatin1Char('/')) + 1)))
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
