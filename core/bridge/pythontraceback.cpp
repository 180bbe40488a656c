// SPDX-License-Identifier: GPL-3.0-or-later
#include "bridge/pythontraceback.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace Retort {

QString PythonTraceback::summary() const
{
    if (message.isEmpty())
        return exceptionType;
    return exceptionType + QStringLiteral(": ") + message;
}

const PythonTraceback::Frame *PythonTraceback::userFrame(const QString &directory) const
{
    if (frames.isEmpty())
        return nullptr;
    const QString root = QDir::cleanPath(QFileInfo(directory).absoluteFilePath()) + QLatin1Char('/');
    for (qsizetype i = frames.size() - 1; i >= 0; --i) {
        const QString file = QDir::cleanPath(QFileInfo(frames.at(i).file).absoluteFilePath());
        if (!directory.isEmpty() && file.startsWith(root))
            return &frames.at(i);
    }
    return &frames.last();
}

Diagnostic PythonTraceback::diagnostic(const QString &directory) const
{
    Diagnostic d;
    d.message = summary();
    if (const Frame *frame = userFrame(directory)) {
        d.file = frame->file;
        d.line = frame->line;
    }
    return d;
}

std::optional<PythonTraceback> PythonTraceback::parse(const QStringList &lines)
{
    qsizetype start = -1;
    for (qsizetype i = lines.size() - 1; i >= 0; --i) {
        if (lines.at(i).startsWith(QLatin1String("Traceback (most recent call last):"))) {
            start = i;
            break;
        }
    }
    if (start < 0)
        return std::nullopt;

    static const QRegularExpression frameLine(
        QStringLiteral("^  File \"(.*)\", line (\\d+)(?:, in (.*))?$"));
    PythonTraceback traceback;
    qsizetype i = start + 1;
    for (; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const QRegularExpressionMatch m = frameLine.match(line);
        if (m.hasMatch()) {
            traceback.frames.append({m.captured(1), m.captured(2).toInt(), m.captured(3), {}});
            continue;
        }
        if (line.startsWith(QLatin1Char(' '))) {
            // The source line under a frame (carets and "..." lines left out).
            const QString code = line.trimmed();
            if (!traceback.frames.isEmpty() && traceback.frames.last().code.isEmpty() &&
                !code.isEmpty() && !code.contains(QRegularExpression(QStringLiteral("^[\\^~ ]+$"))))
                traceback.frames.last().code = code;
            continue;
        }
        break;
    }
    if (i >= lines.size())
        return std::nullopt;
    const QString exceptionLine = lines.at(i);
    const qsizetype colon = exceptionLine.indexOf(QStringLiteral(": "));
    if (colon < 0) {
        traceback.exceptionType = exceptionLine.trimmed();
    } else {
        traceback.exceptionType = exceptionLine.left(colon);
        traceback.message = exceptionLine.mid(colon + 2);
    }
    // Messages that span lines (SQLAlchemy's "[SQL: ...]" parts) until the next log line.
    for (++i; i < lines.size(); ++i) {
        const QString &more = lines.at(i);
        if (more.isEmpty() || more.startsWith(QLatin1String("INFO ")) ||
            more.startsWith(QLatin1String("Traceback")))
            break;
        traceback.message += QLatin1Char('\n') + more;
    }
    return traceback;
}

} // namespace Retort
