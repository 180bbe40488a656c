// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: ScriptHeaderReader on arbitrary bytes. Differential: the fast path
// (read(), FastHeaderLexer when it can) must give exactly what the tokenizer path gives
// (readWithTokenizer()); then Alembic's rules (toRevision) on the result.
#include "fuzzentry.h"

#include "python/scriptheaderreader.h"

#include <QByteArray>

using namespace Retort;

namespace {

bool sameValue(const ScriptHeader::Value &a, const ScriptHeader::Value &b)
{
    return a.kind == b.kind && a.strings == b.strings && a.isList == b.isList
           && a.range == b.range && a.nameRange == b.nameRange;
}

bool sameDiagnostics(const Diagnostics &a, const Diagnostics &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const Diagnostic &x = a.at(i);
        const Diagnostic &y = b.at(i);
        if (x.file != y.file || x.line != y.line || x.column != y.column
            || x.message != y.message || x.severity != y.severity)
            return false;
    }
    return true;
}

} // namespace

bool Retort::Fuzz::headerReader(const QByteArray &bytes)
{
    const QString path = QStringLiteral("/fuzz/versions/0123abcd_fuzz.py");
    const ScriptHeader fast = ScriptHeaderReader::read(bytes, path);
    const ScriptHeader slow = ScriptHeaderReader::readWithTokenizer(bytes, path);
    if (!sameValue(fast.revision, slow.revision))
        return Fuzz::fail("header_reader", "read() and readWithTokenizer() differ: revision");
    if (!sameValue(fast.downRevision, slow.downRevision))
        return Fuzz::fail("header_reader", "read() and readWithTokenizer() differ: down_revision");
    if (!sameValue(fast.branchLabels, slow.branchLabels))
        return Fuzz::fail("header_reader", "read() and readWithTokenizer() differ: branch_labels");
    if (!sameValue(fast.dependsOn, slow.dependsOn))
        return Fuzz::fail("header_reader", "read() and readWithTokenizer() differ: depends_on");
    if (fast.hasDocstring != slow.hasDocstring || fast.docstring != slow.docstring
        || fast.docstringRange != slow.docstringRange || fast.longDoc != slow.longDoc
        || fast.createDate != slow.createDate)
        return Fuzz::fail("header_reader", "read() and readWithTokenizer() differ: docstring");
    if (!sameDiagnostics(fast.diagnostics, slow.diagnostics))
        return Fuzz::fail("header_reader", "read() and readWithTokenizer() differ: diagnostics");

    Revision revision;
    Diagnostics diagnostics;
    if (!ScriptHeaderReader::toRevision(fast, path, &revision, &diagnostics)
        && diagnostics.isEmpty())
        return Fuzz::fail("header_reader", "toRevision() refused without a diagnostic");
    return true;
}
