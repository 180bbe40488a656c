// SPDX-License-Identifier: GPL-3.0-or-later
#include "ops/typespec.h"

namespace Retort {

namespace {

bool sameShared(const std::shared_ptr<const TypeSpec> &a, const std::shared_ptr<const TypeSpec> &b)
{
    if (bool(a) != bool(b))
        return false;
    return !a || *a == *b;
}

} // namespace

const TypeSpec &TypeSpec::forDialect(const QString &dialectName) const
{
    for (qsizetype i = variants.size() - 1; i >= 0; --i) {
        if (variants.at(i).dialect == dialectName && variants.at(i).type)
            return *variants.at(i).type;
    }
    return *this;
}

QString TypeSpec::qualifiedName() const
{
    return (dialect.isEmpty() ? QStringLiteral("sa") : dialect) + QLatin1Char('.') + name;
}

bool TypeSpec::operator==(const TypeSpec &o) const
{
    if (name != o.name || dialect != o.dialect || length != o.length ||
        precision != o.precision || scale != o.scale || asDecimal != o.asDecimal ||
        decimalReturnScale != o.decimalReturnScale || timezone != o.timezone || fsp != o.fsp ||
        intervalFields != o.intervalFields || displayWidth != o.displayWidth ||
        isUnsigned != o.isUnsigned || zerofill != o.zerofill || charset != o.charset ||
        collation != o.collation || national != o.national || binary != o.binary ||
        enumValues != o.enumValues || enumName != o.enumName || enumSchema != o.enumSchema ||
        nativeEnum != o.nativeEnum || createConstraint != o.createConstraint ||
        createType != o.createType || inheritSchema != o.inheritSchema ||
        dimensions != o.dimensions || asTuple != o.asTuple || noneAsNull != o.noneAsNull ||
        asUuid != o.asUuid || !(otherArguments == o.otherArguments))
        return false;
    if (!sameShared(itemType, o.itemType) || !sameShared(astextType, o.astextType))
        return false;
    if (variants.size() != o.variants.size())
        return false;
    for (qsizetype i = 0; i < variants.size(); ++i) {
        if (variants.at(i).dialect != o.variants.at(i).dialect ||
            !sameShared(variants.at(i).type, o.variants.at(i).type))
            return false;
    }
    return true;
}

} // namespace Retort
