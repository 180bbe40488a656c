// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/pythonrepr.h"

namespace Retort {

namespace {

// Python's str.isprintable() for one code point: everything but the "Other" and
// "Separator" categories, except the ASCII space.
bool isPrintable(char32_t cp)
{
    if (cp == U' ')
        return true;
    switch (QChar::category(cp)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Separator_Space:
        return false;
    default:
        return true;
    }
}

QString hexEscape(char32_t cp)
{
    if (cp <= 0xff)
        return QStringLiteral("\\x%1").arg(uint(cp), 2, 16, QLatin1Char('0'));
    if (cp <= 0xffff)
        return QStringLiteral("\\u%1").arg(uint(cp), 4, 16, QLatin1Char('0'));
    return QStringLiteral("\\U%1").arg(uint(cp), 8, 16, QLatin1Char('0'));
}

} // namespace

QString pythonRepr(const QString &text)
{
    const QChar quote = text.contains(QLatin1Char('\'')) && !text.contains(QLatin1Char('"'))
                            ? QLatin1Char('"')
                            : QLatin1Char('\'');
    QString out;
    out.reserve(text.size() + 2);
    out += quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        char32_t cp = c.unicode();
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(c, text.at(i + 1));
            ++i;
        }
        if (cp == quote.unicode() || cp == U'\\') {
            out += QLatin1Char('\\');
            out += QChar(cp);
        } else if (cp == U'\t') {
            out += QLatin1String("\\t");
        } else if (cp == U'\n') {
            out += QLatin1String("\\n");
        } else if (cp == U'\r') {
            out += QLatin1String("\\r");
        } else if (cp < U' ' || cp == 0x7f) {
            out += hexEscape(cp);
        } else if (cp < 0x7f) {
            out += QChar(cp);
        } else if (!isPrintable(cp)) {
            out += hexEscape(cp);
        } else {
            out += QString::fromUcs4(&cp, 1);
        }
    }
    out += quote;
    return out;
}

bool pythonIsSpace(QChar c)
{
    return c.isSpace() || (c.unicode() >= 0x1c && c.unicode() <= 0x1f);
}

QString pythonStrip(const QString &text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && pythonIsSpace(text.at(begin)))
        ++begin;
    while (end > begin && pythonIsSpace(text.at(end - 1)))
        --end;
    return text.mid(begin, end - begin);
}

} // namespace Retort
