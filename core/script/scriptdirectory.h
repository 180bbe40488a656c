// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/projectlayout.h"
#include "revision/revision.h"
#include "util/diagnostic.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Retort {

// One revision file as read by ScriptDirectory::readRevisionFile.
struct ScriptFileResult
{
    QString path;
    std::optional<Revision> revision; // empty when the file is not usable
    Diagnostics diagnostics; // errors make the file unusable; warnings do not
};

// Every revision of a project in map order (Alembic's file order), plus what went wrong.
struct ScriptDirectoryContents
{
    QList<Revision> revisions; // usable revisions, map order, each id once
    QStringList files; // every revision file found, file order (real paths)
    Diagnostics diagnostics; // file order; warnings included

    bool hasErrors() const;
    // The first error diagnostic, or nullptr.
    const Diagnostic *firstError() const;
};

// Reads the revision files of an Alembic project the way Alembic's ScriptDirectory
// loads them (revisions.md §1, §2): files found by RevisionFileFinder, each read
// statically with ScriptHeaderReader, Alembic's rules applied.
//
// Problems are reported per file as diagnostics naming the file (and line:column where
// there is one): unreadable files, files over maximumFileSize(), binary (NUL bytes) or
// non-UTF-8 text, syntax errors, no `revision`, no `down_revision`, a revision id
// declared by two files (the first file wins). A file reached twice through links is a
// warning.
//
// Everything here is a pure function of its arguments and the file system, so it is
// safe on any thread: the GUI runs load() through QtConcurrent::run (load() itself
// spreads the reading over the cores), or maps readRevisionFile() over files() with
// QtConcurrent::mapped and finishes with collect().
class ScriptDirectory
{
public:
    // Files larger than this are refused (a migration script is a few kilobytes).
    static constexpr qint64 maximumFileSize() { return 8 * 1024 * 1024; }

    // Synchronous: find, read and collect.
    static ScriptDirectoryContents load(const ProjectLayout &layout);
    static ScriptDirectoryContents loadLocations(const QStringList &versionLocations,
                                                 bool recursive);

    // The revision files in file order; warnings about files reached twice are appended
    // to *warnings when given.
    static QStringList files(const ProjectLayout &layout, Diagnostics *warnings = nullptr);

    // Reads one file (absolute path).
    static ScriptFileResult readRevisionFile(const QString &path);
    // Reads many files, in parallel on private threads (one per core) when there are
    // enough of them; results in the order of paths. Blocks until all are read.
    static QList<ScriptFileResult> readRevisionFiles(const QStringList &paths);

    // Puts per-file results (in file order) together: map order, duplicate ids.
    // findWarnings: the warnings files() produced, reported first.
    static ScriptDirectoryContents collect(const QList<ScriptFileResult> &files,
                                           const Diagnostics &findWarnings = {});
};

} // namespace Retort

Q_DECLARE_METATYPE(Retort::ScriptDirectoryContents)
