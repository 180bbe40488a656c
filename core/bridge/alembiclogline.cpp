// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/alembiclogline.h"

#include <QRegularExpression>

namespace Retort {

AlembicLogLine AlembicLogLine::parse(const QString &line)
{
    AlembicLogLine out;
    out.text = line;
    static const QRegularExpression logLine(
        QStringLiteral("^(DEBUG|INFO|WARNING|ERROR|CRITICAL) +\\[([^\\]]+)\\] (.*)$"));
    static const QRegularExpression running(
        QStringLiteral("^Running (upgrade|downgrade) (.*?) ?-> ?(.*)$"));
    static const QRegularExpression generating(QStringLiteral("^Generating (.*) \\.\\.\\. +done$"));

    if (line.startsWith(QLatin1String("FAILED: "))) {
        out.kind = Kind::Failed;
        out.text = line.mid(8);
        return out;
    }
    if (const QRegularExpressionMatch m = generating.match(line); m.hasMatch()) {
        out.kind = Kind::Generating;
        out.path = m.captured(1);
        return out;
    }
    const QRegularExpressionMatch m = logLine.match(line);
    if (!m.hasMatch())
        return out;
    out.kind = Kind::Log;
    out.level = m.captured(1);
    out.logger = m.captured(2);
    out.text = m.captured(3);
    if (out.text.startsWith(QLatin1String("Detected "))) {
        out.kind = Kind::Detected;
        return out;
    }
    if (const QRegularExpressionMatch r = running.match(out.text); r.hasMatch()) {
        out.kind = Kind::Migration;
        out.direction = r.captured(1);
        out.from = r.captured(2).trimmed();
        // "b, message": revision ids never contain ", ", so the first part is the target.
        const QString rest = r.captured(3);
        const qsizetype comma = rest.indexOf(QStringLiteral(", "));
        out.to = comma < 0 ? rest.trimmed() : rest.left(comma).trimmed();
        out.message = comma < 0 ? QString() : rest.mid(comma + 2);
    }
    return out;
}

} // namespace Retort
