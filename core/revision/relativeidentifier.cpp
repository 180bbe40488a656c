// SPDX-License-Identifier: GPL-3.0-or-later
#include "revision/relativeidentifier.h"

#include <QRegularExpression>

#include <limits>

namespace Retort {

std::optional<RelativeIdentifier> RelativeIdentifier::parse(const QString &text)
{
    // Python's `re.match` with str patterns: \w and \d are Unicode-aware, and the match
    // is anchored at the start only.
    static const QRegularExpression pattern(QStringLiteral("(?:(.+?)@)?(\\w+)?((?:\\+|-)\\d+)"),
                                            QRegularExpression::UseUnicodePropertiesOption);
    const QRegularExpressionMatch match = pattern.match(
        text, 0, QRegularExpression::NormalMatch, QRegularExpression::AnchorAtOffsetMatchOption);
    if (!match.hasMatch())
        return std::nullopt;

    RelativeIdentifier result;
    if (match.capturedStart(1) >= 0)
        result.branchLabel = match.captured(1);
    if (match.capturedStart(2) >= 0)
        result.symbol = match.captured(2);
    result.relativeText = match.captured(3);

    constexpr qint64 limit = std::numeric_limits<qint64>::max() / 16;
    qint64 value = 0;
    for (qsizetype i = 1; i < result.relativeText.size(); ++i) {
        const int digit = result.relativeText.at(i).digitValue();
        value = value > limit ? value : value * 10 + (digit < 0 ? 0 : digit);
    }
    result.relative = result.relativeText.startsWith(QLatin1Char('-')) ? -value : value;
    return result;
}

} // namespace Retort
