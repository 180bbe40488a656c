// SPDX-License-Identifier: GPL-3.0-or-later
#include "textclause.h"

namespace Retort {

namespace {

// Python's \w on str patterns: Unicode letters, digits and the underscore.
bool isWordCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c.category() == QChar::Mark_NonSpacing
        || c.category() == QChar::Mark_SpacingCombining;
}

} // namespace

QString TextClause::compile(const QString &text, const QHash<QString, QString> &boundLiterals)
{
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\') && i + 1 < n && text.at(i + 1) == QLatin1Char(':')) {
            // `\:name` keeps its colon unless the escaped run is followed by ':' or a word char.
            qsizetype end = i + 2;
            while (end < n && (isWordCharacter(text.at(end)) || text.at(end) == QLatin1Char('$')))
                ++end;
            if (end < n && text.at(end) == QLatin1Char(':')) {
                out += c;
                continue;
            }
            out += text.mid(i + 1, end - i - 1);
            i = end - 1;
            continue;
        }
        if (c == QLatin1Char(':')) {
            const bool precededOk = i == 0
                || !(isWordCharacter(text.at(i - 1)) || text.at(i - 1) == QLatin1Char(':')
                     || text.at(i - 1) == QLatin1Char('\\'));
            qsizetype end = i + 1;
            while (end < n && isWordCharacter(text.at(end)))
                ++end;
            if (precededOk && end > i + 1 && (end >= n || text.at(end) != QLatin1Char(':'))) {
                out += boundLiterals.value(text.mid(i + 1, end - i - 1), QStringLiteral("NULL"));
                i = end - 1;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace Retort
