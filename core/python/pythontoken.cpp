// SPDX-License-Identifier: GPL-3.0-or-later
#include "python/pythontoken.h"

namespace Retort {

QString PythonToken::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Name:
        return QStringLiteral("NAME");
    case Kind::Number:
        return QStringLiteral("NUMBER");
    case Kind::String:
        return QStringLiteral("STRING");
    case Kind::Op:
        return QStringLiteral("OP");
    case Kind::Comment:
        return QStringLiteral("COMMENT");
    case Kind::Newline:
        return QStringLiteral("NEWLINE");
    case Kind::Nl:
        return QStringLiteral("NL");
    case Kind::Indent:
        return QStringLiteral("INDENT");
    case Kind::Dedent:
        return QStringLiteral("DEDENT");
    case Kind::EndMarker:
        return QStringLiteral("ENDMARKER");
    case Kind::Error:
        return QStringLiteral("ERRORTOKEN");
    }
    return QString();
}

} // namespace Retort
