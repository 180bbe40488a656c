// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/scriptdirectory.h"

#include "python/scriptheaderreader.h"
#include "script/revisionfilefinder.h"

#include <QFile>
#include <QHash>

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>
#include <vector>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace Retort {

namespace {

// Below this many files per thread, starting threads costs more than it saves.
constexpr qsizetype minimumFilesPerThread = 64;

Diagnostic fileError(const QString &path, const QString &message, int line = 0, int column = 0)
{
    return {path, line, column, message, Diagnostic::Severity::Error};
}

// Binary files are refused before tokenizing, with the place of the first NUL byte
// (Python: "source code string cannot contain null bytes").
std::optional<Diagnostic> checkBinary(const QByteArray &bytes, const QString &path)
{
    const qsizetype nul = bytes.indexOf('\0');
    if (nul < 0)
        return std::nullopt;
    const qsizetype lineStart = bytes.lastIndexOf('\n', nul) + 1;
    const int line = int(bytes.left(nul).count('\n')) + 1;
    const int column = int(QString::fromUtf8(bytes.mid(lineStart, nul - lineStart)).size()) + 1;
    return fileError(path,
                     QStringLiteral("source code cannot contain null bytes "
                                    "(a binary file, not a Python migration script)"),
                     line, column);
}

#ifdef Q_OS_UNIX
// The directory a thread is reading files from, kept open while consecutive files share
// it: each file is then opened relative to it (openat), which spares the kernel walking
// the whole path again for every file of a versions directory.
class DirectoryHandle
{
public:
    DirectoryHandle() = default;
    Q_DISABLE_COPY_MOVE(DirectoryHandle)
    ~DirectoryHandle() { close(); }

    // A descriptor of `directory`, or -1 if it cannot be opened.
    int open(QStringView directory)
    {
        if (m_fd >= 0 && directory == m_path)
            return m_fd;
        close();
        m_path = directory.toString();
        m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        return m_fd;
    }

private:
    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

    QString m_path;
    int m_fd = -1;
};

int openForReading(const QString &path, DirectoryHandle *directory)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const int directoryFd = directory && slash > 0 ? directory->open(QStringView(path).left(slash))
                                                   : -1;
    if (directoryFd < 0)
        return ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    return ::openat(directoryFd, QFile::encodeName(path.mid(slash + 1)).constData(),
                    O_RDONLY | O_CLOEXEC);
}
#else
class DirectoryHandle
{ };
#endif

// A migration script is a few kilobytes: read it with open + read + close, without
// QFile's stat calls and buffering (a third of the time of loading a large project went
// there). Anything unusual — an error, a file larger than the buffer — returns nullopt
// and the caller reads the file with QFile, which reports problems in Qt's words.
std::optional<QByteArray> readSmallFile(const QString &path, DirectoryHandle *directory)
{
#ifdef Q_OS_UNIX
    constexpr qsizetype bufferSize = 64 * 1024;
    char buffer[bufferSize];
    const int fd = openForReading(path, directory);
    if (fd < 0)
        return std::nullopt;
    qsizetype total = 0;
    bool ok = true;
    while (total < bufferSize) {
        const ssize_t n = ::read(fd, buffer + total, size_t(bufferSize - total));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            ok = false;
        if (n <= 0)
            break;
        total += n;
    }
    ::close(fd);
    if (!ok || total == bufferSize)
        return std::nullopt;
    return QByteArray(buffer, total);
#else
    Q_UNUSED(path);
    Q_UNUSED(directory);
    return std::nullopt;
#endif
}

// Reads the file with QFile, up to maximumFileSize(); on failure returns nullopt and
// appends the problem to *diagnostics.
std::optional<QByteArray> readWithQFile(const QString &path, Diagnostics *diagnostics)
{
    constexpr qint64 limit = ScriptDirectory::maximumFileSize();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        diagnostics->append(
            fileError(path, QStringLiteral("cannot read the file: %1").arg(file.errorString())));
        return std::nullopt;
    }
    if (file.size() > limit) {
        diagnostics->append(
            fileError(path, QStringLiteral("file is too large to be a migration script (%1 bytes; "
                                           "the limit is %2 bytes)")
                                .arg(file.size())
                                .arg(limit)));
        return std::nullopt;
    }
    // Reading up to the limit + 1 guards against files that grow or lie about their size.
    // read(n) allocates n bytes up front: ask for the announced size + 1 first, and only
    // when that much arrives for the rest up to the limit + 1.
    const qint64 expected = std::min(file.size(), limit) + 1;
    QByteArray bytes = file.read(expected);
    if (bytes.size() == expected && expected <= limit)
        bytes += file.read(limit + 1 - expected);
    if (bytes.size() > limit) {
        diagnostics->append(fileError(
            path, QStringLiteral("file is too large to be a migration script (the limit is "
                                 "%1 bytes)")
                      .arg(limit)));
        return std::nullopt;
    }
    return bytes;
}

// Reads one file, opening it relative to *directory when given.
ScriptFileResult readRevisionFileIn(const QString &path, DirectoryHandle *directory)
{
    ScriptFileResult result;
    result.path = path;
    std::optional<QByteArray> read = readSmallFile(path, directory);
    if (!read)
        read = readWithQFile(path, &result.diagnostics);
    if (!read)
        return result;
    const QByteArray &bytes = *read;
    if (const std::optional<Diagnostic> binary = checkBinary(bytes, path)) {
        result.diagnostics.append(*binary);
        return result;
    }

    const ScriptHeader header = ScriptHeaderReader::read(bytes, path);
    Revision revision;
    if (ScriptHeaderReader::toRevision(header, path, &revision, &result.diagnostics))
        result.revision = revision;
    return result;
}

} // namespace

bool ScriptDirectoryContents::hasErrors() const
{
    return firstError() != nullptr;
}

const Diagnostic *ScriptDirectoryContents::firstError() const
{
    for (const Diagnostic &d : diagnostics) {
        if (d.severity == Diagnostic::Severity::Error)
            return &d;
    }
    return nullptr;
}

QStringList ScriptDirectory::files(const ProjectLayout &layout, Diagnostics *warnings)
{
    return RevisionFileFinder(layout.versionLocations, layout.recursiveVersionLocations)
        .find(warnings);
}

ScriptDirectoryContents ScriptDirectory::load(const ProjectLayout &layout)
{
    return loadLocations(layout.versionLocations, layout.recursiveVersionLocations);
}

ScriptFileResult ScriptDirectory::readRevisionFile(const QString &path)
{
    return readRevisionFileIn(path, nullptr);
}

ScriptDirectoryContents ScriptDirectory::loadLocations(const QStringList &versionLocations,
                                                       bool recursive)
{
    Diagnostics warnings;
    const QStringList paths = RevisionFileFinder(versionLocations, recursive).find(&warnings);
    return collect(readRevisionFiles(paths), warnings);
}

QList<ScriptFileResult> ScriptDirectory::readRevisionFiles(const QStringList &paths)
{
    QList<ScriptFileResult> results(paths.size());
    // Files are independent: read them on every core. Private threads rather than a
    // shared pool, so that a caller already running on a pool thread cannot starve it.
    const qsizetype threadCount = std::min<qsizetype>(
        std::max(1u, std::thread::hardware_concurrency()), paths.size() / minimumFilesPerThread);
    // Each slot is written by exactly one thread; the list itself is not touched meanwhile.
    ScriptFileResult *slots = results.data();
    std::atomic<qsizetype> next = 0;
    auto work = [&]() {
        DirectoryHandle directory;
        for (qsizetype i = next++; i < paths.size(); i = next++)
            slots[i] = readRevisionFileIn(paths.at(i), &directory);
    };
    std::vector<std::thread> threads;
    for (qsizetype t = 1; t < threadCount; ++t)
        threads.emplace_back(work);
    work();
    for (std::thread &thread : threads)
        thread.join();
    return results;
}

ScriptDirectoryContents ScriptDirectory::collect(const QList<ScriptFileResult> &files,
                                                 const Diagnostics &findWarnings)
{
    ScriptDirectoryContents contents;
    contents.diagnostics = findWarnings;
    contents.files.reserve(files.size());
    contents.revisions.reserve(files.size());
    QHash<QString, QString> pathById;
    pathById.reserve(files.size());
    for (const ScriptFileResult &file : files) {
        contents.files.append(file.path);
        contents.diagnostics += file.diagnostics;
        if (!file.revision)
            continue;
        const Revision &revision = *file.revision;
        const auto existing = pathById.constFind(revision.id);
        if (existing != pathById.constEnd()) {
            // Alembic warns and lets the later file replace the earlier one while
            // listing the id twice as a head: a broken project, reported as an error.
            contents.diagnostics.append(fileError(
                file.path, QStringLiteral("Revision %1 is present more than once (also in %2)")
                               .arg(revision.id, existing.value())));
            continue;
        }
        pathById.insert(revision.id, file.path);
        contents.revisions.append(revision);
    }
    return contents;
}

} // namespace Retort
