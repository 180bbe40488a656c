// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionprofile.h"

#include <QRegularExpression>

namespace Retort {

namespace {

// scheme://user:password@ : the user part stops at ':', '@' or '/', the password at the
// last '@' before the path (SQLAlchemy requires '@' inside a password to be encoded).
const QRegularExpression &credentials()
{
    static const QRegularExpression re(QStringLiteral("^([^:/]+://[^:@/]*):([^/]*)@"));
    return re;
}

} // namespace

QString UrlPassword::strip(const QString &url, QString *password)
{
    const QRegularExpressionMatch match = credentials().match(url);
    if (!match.hasMatch()) {
        if (password)
            password->clear();
        return url;
    }
    if (password)
        *password = match.captured(2);
    return match.captured(1) + QLatin1Char('@') + url.mid(match.capturedEnd(0));
}

QString UrlPassword::insert(const QString &urlWithoutPassword, const QString &password)
{
    if (password.isEmpty())
        return urlWithoutPassword;
    static const QRegularExpression user(QStringLiteral("^([^:/]+://[^:@/]*)@"));
    const QRegularExpressionMatch match = user.match(urlWithoutPassword);
    if (!match.hasMatch())
        return urlWithoutPassword;
    return match.captured(1) + QLatin1Char(':') + password + QLatin1Char('@') +
           urlWithoutPassword.mid(match.capturedEnd(0));
}

} // namespace Retort
