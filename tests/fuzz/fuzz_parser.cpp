// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: PythonParser on arbitrary bytes. A parsed module is dumped (every
// node visited); a refused one must come with a diagnostic.
#include "fuzzentry.h"

#include "python/pythonastdump.h"
#include "python/pythonparser.h"

#include <QByteArray>

using namespace Retort;

bool Retort::Fuzz::parser(const QByteArray &bytes)
{
    Diagnostic error;
    const std::unique_ptr<PythonModule> module =
        PythonParser::parseBytes(bytes, QStringLiteral("fuzz.py"), &error);
    if (!module) {
        if (error.message.isEmpty())
            return Fuzz::fail("parser", "refused without a message");
        return true;
    }
    if (PythonAstDump::dump(*module).isEmpty())
        return Fuzz::fail("parser", "empty dump of a parsed module");
    return true;
}
