// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/diagnostic.h"
#include "util/result.h"

#include <QString>
#include <QStringList>

namespace Retort {

class RevisionMap;

// What `retort-cli check-native` found.
struct NativeCheckReport
{
    QStringList revisions;       // checked, in upgrade order
    QStringList failing;         // those with at least one diagnostic, in upgrade order
    Diagnostics diagnostics;     // messages end with "(upgrade: sqlite, mysql)" etc.

    bool allNative() const { return diagnostics.isEmpty(); }
};

// Finds every migration of an upgrade range whose upgrade() or downgrade() cannot be
// rendered natively for a dialect: not interpretable (the interpreter's diagnostics),
// an operation on a table or column the replayed schema does not have at that point,
// or an operation the dialect's renderer refuses offline. The upgrade of a revision
// is checked against the schema replayed up to its place in the range, its downgrade
// against the schema right after that upgrade. The same finding for several dialects
// is reported once, naming the dialects.
class NativeCheck
{
public:
    explicit NativeCheck(const RevisionMap &map);

    // range: an upgrade range as `upgrade --sql` takes it ("base:heads", "a:b", "heads").
    Result<NativeCheckReport> check(const QString &range,
                                    const QStringList &dialects = {QStringLiteral("sqlite"),
                                                                   QStringLiteral("postgresql"),
                                                                   QStringLiteral("mysql")}) const;

private:
    const RevisionMap &m_map;
};

} // namespace Retort
