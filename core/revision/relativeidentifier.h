// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace Retort {

// The relative revision syntax of upgrade/downgrade targets and history ranges:
// `[<label>@][<symbol>]<sign><digits>`, matched at the start of the text like
// Alembic's `(?:(.+?)@)?(\w+)?((?:\+|-)\d+)` (not anchored at the end: `ae10+2x`
// parses as `ae10+2`). Value type.
struct RelativeIdentifier
{
    QString branchLabel;  // null when there is no `label@`
    QString symbol;       // null when there is no symbol (relative to the current state)
    QString relativeText; // the signed digits as written, e.g. "+2", "-1", "+0"
    qint64 relative = 0;  // their value (saturated for absurdly long numbers)

    bool hasBranchLabel() const { return !branchLabel.isNull(); }
    bool hasSymbol() const { return !symbol.isNull(); }

    // nullopt when text is not relative (then it is an absolute identifier).
    static std::optional<RelativeIdentifier> parse(const QString &text);
};

} // namespace Retort
