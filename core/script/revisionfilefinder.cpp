// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/revisionfilefinder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <utility>

#ifdef Q_OS_UNIX
#include <dirent.h>
#include <sys/stat.h>
#endif

namespace Retort {

namespace {

// One directory's entries, names sorted by code point: Python sorts str by code point, and
// UTF-8 byte order is the same order (UTF-16 code unit order is not, above U+FFFF).
struct DirectoryListing
{
    struct Entry
    {
        QByteArray name;
        bool symbolicLink = false;
    };
    QList<Entry> files;       // everything that is not a directory, links to files included
    QList<QByteArray> subdirectories; // real directories only: links to them are not followed
};

void sortByName(QList<DirectoryListing::Entry> &entries)
{
    std::sort(entries.begin(), entries.end(),
              [](const auto &a, const auto &b) { return a.name < b.name; });
}

#ifdef Q_OS_UNIX
// readdir() tells the entry type without a stat per file: a 10,000-file versions folder
// is listed in a fraction of QDir::entryInfoList's time. Only links need a stat.
DirectoryListing listDirectory(const QString &directory)
{
    DirectoryListing listing;
    const QByteArray path = QFile::encodeName(directory);
    DIR *dir = ::opendir(path.constData());
    if (!dir)
        return listing;
    while (const dirent *entry = ::readdir(dir)) {
        const QByteArray name(entry->d_name);
        if (name == "." || name == "..")
            continue;
        const QByteArray entryPath = path + '/' + name;
        unsigned char type = entry->d_type;
        if (type == DT_UNKNOWN) {
            struct stat info;
            if (::lstat(entryPath.constData(), &info) != 0)
                continue;
            type = S_ISDIR(info.st_mode) ? DT_DIR : S_ISLNK(info.st_mode) ? DT_LNK : DT_REG;
        }
        if (type == DT_DIR) {
            listing.subdirectories.append(name);
        } else if (type == DT_LNK) {
            struct stat target;
            // A link to a directory is neither a file nor followed; a dangling one is skipped.
            if (::stat(entryPath.constData(), &target) == 0 && !S_ISDIR(target.st_mode))
                listing.files.append({name, true});
        } else {
            listing.files.append({name, false});
        }
    }
    ::closedir(dir);
    return listing;
}
#else
DirectoryListing listDirectory(const QString &directory)
{
    DirectoryListing listing;
    const QDir dir(directory);
    // Hidden entries count too: Python's listing does not hide dot files.
    const QFileInfoList files =
        dir.entryInfoList(QDir::Files | QDir::Hidden | QDir::System, QDir::Unsorted);
    for (const QFileInfo &info : files) {
        if (!info.isSymLink() || info.exists())
            listing.files.append({QFile::encodeName(info.fileName()), info.isSymLink()});
    }
    const QFileInfoList subdirs =
        dir.entryInfoList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Unsorted);
    for (const QFileInfo &info : subdirs) {
        if (!info.isSymLink())
            listing.subdirectories.append(QFile::encodeName(info.fileName()));
    }
    return listing;
}
#endif

// Appends the real path of every file in directory. canonical is directory's own real
// path: a file that is not a link then resolves to canonical + name without asking the
// file system component by component.
void walk(const QString &directory, const QString &canonical, bool recursive, QStringList &out)
{
    if (directory.endsWith(QLatin1String("__pycache__")))
        return;
    DirectoryListing listing = listDirectory(directory);
    sortByName(listing.files);
    const QString prefix =
        canonical.endsWith(QLatin1Char('/')) ? canonical : canonical + QLatin1Char('/');
    const QString directoryPrefix =
        directory.endsWith(QLatin1Char('/')) ? directory : directory + QLatin1Char('/');
    for (const DirectoryListing::Entry &file : std::as_const(listing.files)) {
        const QString name = QFile::decodeName(file.name);
        out.append(file.symbolicLink ? QFileInfo(directoryPrefix + name).canonicalFilePath()
                                     : prefix + name);
    }
    if (!recursive)
        return;
    std::sort(listing.subdirectories.begin(), listing.subdirectories.end());
    for (const QByteArray &subdirectory : std::as_const(listing.subdirectories)) {
        const QString name = QFile::decodeName(subdirectory);
        walk(directoryPrefix + name, prefix + name, recursive, out);
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
