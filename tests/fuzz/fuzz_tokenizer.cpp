// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzz target: PythonTokenizer on arbitrary bytes (decode, then tokenize). Checks
// that tokenizing ends with exactly one EndMarker or Error token and that every token
// lies inside the text, in order.
#include "fuzzentry.h"

#include "python/pythontokenizer.h"

#include <QByteArray>

using namespace Retort;

bool Retort::Fuzz::tokenizer(const QByteArray &bytes)
{
    QString text;
    Diagnostic error;
    if (!PythonTokenizer::decode(bytes, QStringLiteral("fuzz.py"), &text, &error))
        return true;
    PythonTokenizer tokenizer(text, QStringLiteral("fuzz.py"));
    const QList<PythonToken> tokens = tokenizer.tokenize();
    if (tokens.isEmpty())
        return Fuzz::fail("tokenizer", "no tokens at all");
    qsizetype previousEnd = 0;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const PythonToken &token = tokens.at(i);
        const bool last = i == tokens.size() - 1;
        const bool terminal = token.kind == PythonToken::Kind::EndMarker
                              || token.kind == PythonToken::Kind::Error;
        if (terminal != last)
            return Fuzz::fail("tokenizer", "EndMarker or Error before the last token");
        if (token.kind == PythonToken::Kind::Error)
            break;
        const qsizetype begin = token.range.start.offset;
        const qsizetype end = token.range.end.offset;
        if (begin < previousEnd || end < begin || end > text.size())
            return Fuzz::fail("tokenizer", "a token outside the text or out of order");
        previousEnd = end;
    }
    return true;
}
