// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace Retort::TestFiles {

// Copies the files below `from` to `to` (created as needed), leaving out Python's
// __pycache__ folders so a test never starts from another run's bytecode. False when a
// file cannot be copied (for example because the target exists).
inline bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        if (source.contains(QLatin1String("__pycache__")))
            continue;
        const QString target = to + source.mid(from.size());
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(source, target))
            return false;
    }
    return true;
}

} // namespace Retort::TestFiles
