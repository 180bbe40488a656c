// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Retort {

// A problem found in a file the user wrote: where it is and what is wrong.
// Value type; safe to copy across threads. line and column are 1-based, 0 = unknown.
struct Diagnostic
{
    enum class Severity { Error, Warning };

    QString file;
    int line = 0;
    int column = 0;
    QString message;
    Severity severity = Severity::Error;

    // "file:line:col: message" (the parts that are known), as compilers print it.
    QString toString() const;
};

using Diagnostics = QList<Diagnostic>;

} // namespace Retort
