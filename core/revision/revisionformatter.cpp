// SPDX-License-Identifier: GPL-3.0-or-later
#include "revision/revisionformatter.h"

#include "revision/revisionmap.h"

namespace Retort {

namespace {

// Python's str.splitlines(): every Unicode line boundary, no trailing empty line.
QStringList pythonSplitLines(const QString &text)
{
    QStringList lines;
    qsizetype start = 0;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text.at(i).unicode();
        const bool boundary = c == u'\n' || c == u'\r' || c == 0x0b || c == 0x0c || c == 0x1c ||
                              c == 0x1d || c == 0x1e || c == 0x85 || c == 0x2028 || c == 0x2029;
        if (!boundary)
            continue;
        lines.append(text.mid(start, i - start));
        if (c == u'\r' && i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
            ++i;
        start = i + 1;
    }
    if (start < n)
        lines.append(text.mid(start));
    return lines;
}

qsizetype codePointLength(const QString &s)
{
    qsizetype n = 0;
    for (const QChar c : s) {
        if (!c.isLowSurrogate())
            ++n;
    }
    return n;
}

const QLatin1String comma(", ");

} // namespace

RevisionFormatter::RevisionFormatter(const RevisionMap &map)
    : m_map(map)
{ }

namespace {

QString downRevisionText(const Revision &revision)
{
    return revision.downRevisions.isEmpty() ? QStringLiteral("<base>")
                                            : revision.downRevisions.join(comma);
}

} // namespace

QString RevisionFormatter::oneLine(const QString &id, const LineOptions &options,
                                   bool current) const
{
    const Revision *revision = m_map.revision(id);
    if (!revision)
        return QString();
    QString text = id;
    if (options.includeParents) {
        if (!revision->dependsOn.isEmpty())
            text = downRevisionText(*revision) + QLatin1String(" (") +
                   revision->dependsOn.join(comma) + QLatin1String(") -> ") + text;
        else
            text = downRevisionText(*revision) + QLatin1String(" -> ") + text;
    }
    const QStringList labels = m_map.branchLabels(id);
    if (options.includeBranches && !labels.isEmpty())
        text += QLatin1String(" (") + labels.join(comma) + QLatin1Char(')');
    if (options.headIndicators || options.treeIndicators) {
        if (m_map.isRealHead(id))
            text += QLatin1String(" (head)");
        else if (m_map.isHead(id))
            text += QLatin1String(" (effective head)");
        if (current)
            text += QLatin1String(" (current)");
    }
    if (options.treeIndicators) {
        if (m_map.isBranchPoint(id))
            text += QLatin1String(" (branchpoint)");
        if (m_map.isMergePoint(id))
            text += QLatin1String(" (mergepoint)");
    }
    if (options.includeDoc)
        text += QLatin1String(", ") + revision->doc();
    return text;
}

QString RevisionFormatter::verbose(const QString &id, bool current) const
{
    const Revision *revision = m_map.revision(id);
    if (!revision)
        return QString();
    const bool branchPoint = m_map.isBranchPoint(id);
    const bool mergePoint = m_map.isMergePoint(id);
    QString entry = QLatin1String("Rev: ") + id;
    if (m_map.isHead(id))
        entry += QLatin1String(" (head)");
    if (branchPoint)
        entry += QLatin1String(" (branchpoint)");
    if (mergePoint)
        entry += QLatin1String(" (mergepoint)");
    if (current)
        entry += QLatin1String(" (current)");
    entry += QLatin1Char('\n');
    entry += (mergePoint ? QLatin1String("Merges: ") : QLatin1String("Parent: ")) +
             downRevisionText(*revision) + QLatin1Char('\n');
    if (!revision->dependsOn.isEmpty())
        entry += QLatin1String("Also depends on: ") + revision->dependsOn.join(comma) +
                 QLatin1Char('\n');
    if (branchPoint)
        entry +=
            QLatin1String("Branches into: ") + m_map.children(id).join(comma) + QLatin1Char('\n');
    const QStringList labels = m_map.branchLabels(id);
    if (!labels.isEmpty())
        entry += QLatin1String("Branch names: ") + labels.join(comma) + QLatin1Char('\n');
    entry += QLatin1String("Path: ") + revision->path + QLatin1Char('\n');
    QStringList lines = pythonSplitLines(revision->longDoc);
    for (QString &line : lines)
        line.prepend(QLatin1String("    "));
    entry += QLatin1Char('\n') + lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return entry;
}

QString RevisionFormatter::scriptString(const QString &id) const
{
    const Revision *revision = m_map.revision(id);
    if (!revision)
        return QString();
    QString text = downRevisionText(*revision) + QLatin1String(" -> ") + id;
    if (m_map.isHead(id))
        text += QLatin1String(" (head)");
    if (m_map.isBranchPoint(id))
        text += QLatin1String(" (branchpoint)");
    if (m_map.isMergePoint(id))
        text += QLatin1String(" (mergepoint)");
    return text + QLatin1String(", ") + revision->doc();
}

QString RevisionFormatter::heads(bool verboseOutput, bool resolveDependencies) const
{
    LineOptions options;
    options.includeBranches = true;
    options.treeIndicators = false;
    QString out;
    const QStringList ids = resolveDependencies ? m_map.realHeads() : m_map.heads();
    for (const QString &id : ids)
        out += (verboseOutput ? verbose(id) : oneLine(id, options)) + QLatin1Char('\n');
    return out;
}

QString RevisionFormatter::branches(bool verboseOutput) const
{
    LineOptions pointOptions;
    pointOptions.includeBranches = true;
    LineOptions childOptions;
    childOptions.includeBranches = true;
    childOptions.includeDoc = verboseOutput;
    QString out;
    const QStringList order = m_map.historyOrder();
    for (const QString &id : order) {
        if (!m_map.isBranchPoint(id))
            continue;
        const QString indent(codePointLength(id), QLatin1Char(' '));
        QStringList childLines;
        const QStringList children = m_map.children(id);
        for (const QString &child : children)
            childLines.append(indent + QLatin1String(" -> ") + oneLine(child, childOptions));
        out += (verboseOutput ? verbose(id) : oneLine(id, pointOptions)) + QLatin1Char('\n') +
               childLines.join(QLatin1Char('\n')) + QLatin1String("\n\n");
    }
    return out;
}

RevisionResult<QString> RevisionFormatter::history(const QString &range, bool verboseOutput,
                                                   bool indicateCurrent,
                                                   const QStringList &currentHeads) const
{
    auto order = range.isNull() ? m_map.walkRevisions(RevisionArgument(QStringLiteral("base")),
                                                      RevisionArgument(QStringLiteral("heads")))
                                : m_map.historyRange(range, currentHeads);
    if (!order)
        return order.error();
    LineOptions options;
    options.includeBranches = true;
    options.includeDoc = true;
    options.includeParents = true;
    QString out;
    for (const QString &id : std::as_const(*order)) {
        const bool current = indicateCurrent && currentHeads.contains(id);
        out += (verboseOutput ? verbose(id, current) : oneLine(id, options, current)) +
               QLatin1Char('\n');
    }
    return out;
}

RevisionResult<QString> RevisionFormatter::show(const QString &identifier) const
{
    auto revisions = m_map.getRevisions(RevisionArgument(identifier));
    if (!revisions)
        return revisions.error();
    QStringList ids;
    for (const RevisionRef &ref : std::as_const(*revisions)) {
        // Alembic crashes on these (a `-N` walk that ends below base or goes too far).
        if (!ref.isRevision())
            return RevisionError::unsupported(
                QStringLiteral("Relative revision %1 does not lead to a revision").arg(identifier));
        ids.append(ref.id);
    }
    return showRevisions(ids);
}

QString RevisionFormatter::showRevisions(const QStringList &ids) const
{
    QString out;
    for (const QString &id : ids)
        out += verbose(id) + QLatin1Char('\n');
    return out;
}

} // namespace Retort
