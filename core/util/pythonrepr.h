// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Retort {

// The text Python's repr() gives for a str: single quotes unless the text contains a
// single quote and no double quote, backslash escapes for quotes, backslashes and
// non-printable characters (\n, \t, \x07, \u200b, ...). Alembic's and configparser's
// messages quote names and paths with %r, so reproducing those messages needs this.
// Pure function; thread-safe.
QString pythonRepr(const QString &text);

// Python's str.isspace() for one UTF-16 unit: Unicode white space plus the
// separators U+001C..U+001F, which Python (unlike QChar::isSpace) counts as space.
bool pythonIsSpace(QChar c);

// Python's str.strip() with no arguments.
QString pythonStrip(const QString &text);

} // namespace Retort
