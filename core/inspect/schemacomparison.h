// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspect/canonicalschema.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Retort {

// One way two schemas differ, with a readable line for reports.
struct SchemaDifference
{
    enum class Kind { Missing, Extra, Changed };

    Kind kind = Kind::Changed;
    SchemaItem item;   // the expected side's item (the actual side's for Extra)
    QString attribute; // Changed: which attribute
    QString expected;  // Changed: the two values
    QString actual;
    QString text;      // "column users.name: type is character varying(50) in the migrations, ..."
};

// The differences between an expected and an actual CanonicalSchema: items only one
// side has (a missing table is one difference, not one per column) and, for items both
// have, every attribute that both sides set and that differs (an attribute only one side
// has is not compared, see SchemaItem). Items the expected side marks unverifiable
// (CanonicalSchema::setUnverifiable) are not reported as extra.
//
// The labels name the two sides in the text: ("the migrations", "the database") for
// drift, ("Alembic's database", "Retort's database") for interop, ("before the upgrade",
// "after the downgrade") for the stairway. Stateless apart from the labels; thread-safe.
class SchemaComparison
{
public:
    SchemaComparison(QString expectedLabel = QStringLiteral("expected"),
                     QString actualLabel = QStringLiteral("actual"));

    QList<SchemaDifference> compare(const CanonicalSchema &expected, const CanonicalSchema &actual) const;
    // The text of each difference: missing and changed items in the expected schema's
    // order, then the extra ones in the actual schema's.
    QStringList lines(const CanonicalSchema &expected, const CanonicalSchema &actual) const;

private:
    QString m_expectedLabel;
    QString m_actualLabel;
};

} // namespace Retort
