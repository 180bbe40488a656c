// SPDX-License-Identifier: GPL-3.0-or-later
#include "revision/revisionerror.h"

namespace Retort {

QString RevisionError::commandMessage(const Context &context) const
{
    switch (kind) {
    case Kind::RangeNotAncestor: {
        QString text = context.ancestorFormat.isEmpty()
                           ? QStringLiteral("Requested range %(start)s:%(end)s does not refer to "
                                            "ancestor/descendant revisions along the same branch")
                           : context.ancestorFormat;
        text.replace(QLatin1String("%(start)s"), context.start.isNull() ? lower : context.start);
        text.replace(QLatin1String("%(end)s"), context.end.isNull() ? upper : context.end);
        return text;
    }
    case Kind::MultipleHeads: {
        QString text =
            context.multipleHeadsFormat.isEmpty()
                ? QStringLiteral("Multiple head revisions are present for given argument "
                                 "'%(head_arg)s'; please specify a specific target revision, "
                                 "'<branchname>@%(head_arg)s' to narrow to a specific head, or "
                                 "'heads' for all heads")
                : context.multipleHeadsFormat;
        text.replace(QLatin1String("%(head_arg)s"), context.end.isEmpty() ? argument : context.end);
        text.replace(QLatin1String("%(heads)s"), heads.join(QLatin1String(", ")));
        return text;
    }
    case Kind::Resolution:
        return QStringLiteral("Can't locate revision identified by '") + argument +
               QLatin1Char('\'');
    case Kind::Revision:
    case Kind::Unsupported:
        break;
    }
    return message;
}

} // namespace Retort
