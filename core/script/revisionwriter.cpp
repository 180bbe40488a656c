// SPDX-License-Identifier: GPL-3.0-or-later
#include "script/revisionwriter.h"

#include "script/makotemplate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTimeZone>
#include <QUuid>
#include <QVariant>

#include <utility>

namespace Retort {

namespace {

const QString multipleHeadsMessage = QStringLiteral(
    "Multiple heads are present; please specify the head revision on which the new revision "
    "should be based, or perform a merge.");

// Python's `\w` for one UTF-16 unit (letters and digits of every script, and '_').
bool isWordCharacter(QChar c)
{
    return c == u'_' || c.isLetterOrNumber() || c.isMark();
}

template<typename T>
Result<T> failure(const QString &message)
{
    return Result<T>::failure(message);
}

} // namespace

RevisionWriter::RevisionWriter(ProjectLayout layout, RevisionMap map)
    : m_layout(std::move(layout))
    , m_map(std::move(map))
{ }

QString RevisionWriter::slug(const QString &message, int truncateLength)
{
    QStringList words;
    QString word;
    for (const QChar c : message) {
        if (isWordCharacter(c)) {
            word.append(c);
        } else if (!word.isEmpty()) {
            words.append(word);
            word.clear();
        }
    }
    if (!word.isEmpty())
        words.append(word);
    QString slug = words.join(QLatin1Char('_')).toLower();
    if (slug.size() > truncateLength) {
        slug.truncate(truncateLength);
        const qsizetype underscore = slug.lastIndexOf(QLatin1Char('_'));
        if (underscore >= 0)
            slug.truncate(underscore);
        slug.append(QLatin1Char('_'));
    }
    return slug;
}

QString RevisionWriter::newRevisionId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).right(12);
}

QString RevisionWriter::formatCreateDate(const QDateTime &date, bool aware)
{
    QString text = date.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const int milliseconds = date.time().msec();
    if (milliseconds != 0)
        text += QStringLiteral(".%1000").arg(milliseconds, 3, 10, QLatin1Char('0'));
    if (aware) {
        const int offset = date.offsetFromUtc();
        const int minutes = std::abs(offset) / 60;
        text += QStringLiteral("%1%2:%3")
                    .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                    .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                    .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    }
    return text;
}

Result<QString> RevisionWriter::formatFileName(const QString &fileTemplate,
                                               const QHash<QString, QVariant> &tokens)
{
    QString out;
    for (qsizetype i = 0; i < fileTemplate.size(); ++i) {
        const QChar c = fileTemplate.at(i);
        if (c != u'%') {
            out.append(c);
            continue;
        }
        if (i + 1 < fileTemplate.size() && fileTemplate.at(i + 1) == u'%') {
            out.append(c);
            ++i;
            continue;
        }
        if (i + 1 >= fileTemplate.size() || fileTemplate.at(i + 1) != u'(')
            return failure<QString>(
                QStringLiteral("file_template %1: only %(name)s-style fields are supported")
                    .arg(fileTemplate));
        const qsizetype close = fileTemplate.indexOf(QLatin1Char(')'), i);
        if (close < 0)
            return failure<QString>(QStringLiteral("incomplete format key"));
        const QString name = fileTemplate.mid(i + 2, close - i - 2);
        if (!tokens.contains(name))
            return failure<QString>(QStringLiteral("KeyError: '%1'").arg(name));
        qsizetype p = close + 1;
        const qsizetype specStart = p;
        while (p < fileTemplate.size() &&
               QStringLiteral("-+ #0123456789.").contains(fileTemplate.at(p)))
            ++p;
        if (p >= fileTemplate.size())
            return failure<QString>(QStringLiteral("incomplete format"));
        const QString spec = fileTemplate.mid(specStart, p - specStart);
        const QChar conversion = fileTemplate.at(p);
        const QVariant value = tokens.value(name);
        const bool zeroPad = spec.startsWith(QLatin1Char('0'));
        const qsizetype dot = spec.indexOf(QLatin1Char('.'));
        const int width = (dot < 0 ? spec : spec.left(dot)).toInt();
        const int precision = dot < 0 ? -1 : spec.mid(dot + 1).toInt();
        QString text;
        if (conversion == u'd' || conversion == u'i') {
            if (value.typeId() == QMetaType::QString)
                return failure<QString>(
                    QStringLiteral("TypeError: %d format: a real number is required, not str"));
            const qlonglong n = value.toLongLong();
            text = QString::number(std::abs(n));
            if (precision > 0)
                text = text.rightJustified(precision, QLatin1Char('0'));
            if (n < 0)
                text.prepend(QLatin1Char('-'));
            text = text.rightJustified(width, zeroPad ? QLatin1Char('0') : QLatin1Char(' '));
        } else if (conversion == u's') {
            text = value.toString();
            if (precision >= 0)
                text.truncate(precision);
            text = text.rightJustified(width, QLatin1Char(' '));
        } else {
            return failure<QString>(
                QStringLiteral("file_template %1: unsupported conversion '%%%2'")
                    .arg(fileTemplate, conversion));
        }
        out.append(text);
        i = p;
    }
    return out;
}

Result<RevisionFile> RevisionWriter::prepare(const RevisionRequest &request) const
{
    const std::optional<AlembicConfig> &config = m_layout.config;
    RevisionFile file;
    file.id = request.revisionId.isEmpty() ? newRevisionId() : request.revisionId;
    if (const QString bad = RevisionMap::checkRevisionId(file.id); !bad.isEmpty())
        return failure<RevisionFile>(bad);

    // Parents, as get_revisions() resolves them.
    const RevisionArgument argument =
        request.merge ? RevisionArgument(request.heads) : RevisionArgument(request.heads.value(0));
    const RevisionResult<RevisionRefs> parents = m_map.getRevisions(argument);
    if (!parents) {
        RevisionError::Context context;
        context.multipleHeadsFormat = multipleHeadsMessage;
        return failure<RevisionFile>(parents.error().commandMessage(context));
    }
    QStringList parentIds; // `base` resolves to no revision: a new root
    for (const RevisionRef &ref : parents.value()) {
        if (ref.isRevision())
            parentIds.append(ref.id);
    }
    QStringList unique;
    for (const QString &id : std::as_const(parentIds)) {
        if (!unique.contains(id))
            unique.append(id);
    }
    if (unique.size() != parentIds.size())
        return failure<RevisionFile>(QStringLiteral("Duplicate head revisions specified"));

    // The create date: local wall-clock time, or UTC converted to `timezone`.
    std::optional<QString> zoneName;
    if (config) {
        const Result<std::optional<QString>> zone = config->timezone();
        if (!zone)
            return failure<RevisionFile>(zone.error());
        zoneName = zone.value();
    }
    QDateTime createDate = request.createDate.value_or(QDateTime::currentDateTime());
    if (zoneName) {
        QTimeZone zone(zoneName->toUtf8());
        if (!zone.isValid())
            zone = QTimeZone(zoneName->toUpper().toUtf8());
        if (!zone.isValid())
            return failure<RevisionFile>(
                QStringLiteral("Can't locate timezone: %1").arg(*zoneName));
        createDate = createDate.toTimeZone(zone);
    }

    // The version directory.
    QString versionPath;
    const QStringList &locations = m_layout.configuredVersionLocations;
    if (!request.versionPath.isEmpty()) {
        const QString wanted = QDir::cleanPath(QFileInfo(request.versionPath).absoluteFilePath());
        for (const QString &location : locations) {
            if (QDir::cleanPath(location) == wanted)
                versionPath = location;
        }
        if (versionPath.isEmpty())
            return failure<RevisionFile>(
                QStringLiteral("Path %1 is not represented in current version locations")
                    .arg(request.versionPath));
    } else if (locations.size() > 1) {
        for (const QString &id : std::as_const(parentIds)) {
            if (const Revision *parent = m_map.revision(id)) {
                versionPath = QFileInfo(parent->path).absolutePath();
                break;
            }
        }
        if (versionPath.isEmpty())
            return failure<RevisionFile>(QStringLiteral(
                "Multiple version locations present, please specify --version-path"));
    } else {
        versionPath = locations.isEmpty() ? m_layout.scriptLocation + QLatin1String("/versions")
                                          : locations.first();
    }

    if (!request.splice) {
        for (const QString &id : std::as_const(parentIds)) {
            if (!m_map.isHead(id))
                return failure<RevisionFile>(
                    QStringLiteral("Revision %1 is not a head revision; please specify --splice "
                                   "to create a new branch from this revision")
                        .arg(id));
        }
    }
    // Alembic writes the file and only then fails on a label in use; Retort checks first.
    if (!request.branchLabel.isEmpty()) {
        const QString owner = m_map.revisionForLabel(request.branchLabel);
        if (!owner.isEmpty())
            return failure<RevisionFile>(
                QStringLiteral("Branch name '%1' in revision %2 already used by revision %3")
                    .arg(request.branchLabel, file.id, owner));
    }

    // depends_on: labels stay labels, ids and prefixes become full ids.
    QStringList dependsOn;
    for (const QString &dependency : request.dependsOn) {
        const RevisionResult<RevisionRef> ref = m_map.getRevision(dependency);
        if (!ref)
            return failure<RevisionFile>(ref.errorString());
        if (!ref->isRevision())
            return failure<RevisionFile>(
                QStringLiteral("Can't locate revision identified by '%1'").arg(dependency));
        dependsOn.append(m_map.branchLabels(ref->id).contains(dependency) ? dependency : ref->id);
    }

    // The file name.
    QString fileTemplate = QStringLiteral("%(rev)s_%(slug)s");
    int truncateLength = 40;
    if (config) {
        const Result<QString> templ = config->fileTemplate();
        if (!templ)
            return failure<RevisionFile>(templ.error());
        fileTemplate = templ.value();
        const Result<int> length = config->truncateSlugLength();
        if (!length)
            return failure<RevisionFile>(length.error());
        truncateLength = length.value();
    }
    const QHash<QString, QVariant> tokens{
        {QStringLiteral("rev"), file.id},
        {QStringLiteral("slug"), slug(request.message.value_or(QString()), truncateLength)},
        {QStringLiteral("epoch"), createDate.toSecsSinceEpoch()},
        {QStringLiteral("year"), createDate.date().year()},
        {QStringLiteral("month"), createDate.date().month()},
        {QStringLiteral("day"), createDate.date().day()},
        {QStringLiteral("hour"), createDate.time().hour()},
        {QStringLiteral("minute"), createDate.time().minute()},
        {QStringLiteral("second"), createDate.time().second()},
    };
    const Result<QString> name = formatFileName(fileTemplate, tokens);
    if (!name)
        return failure<RevisionFile>(name.error());
    file.path = QDir(versionPath).filePath(name.value() + QLatin1String(".py"));

    // The contents.
    const QString templatePath = m_layout.scriptLocation + QLatin1String("/script.py.mako");
    QFile templateFile(templatePath);
    if (!templateFile.open(QIODevice::ReadOnly))
        return failure<RevisionFile>(QStringLiteral("cannot read the template %1: %2")
                                         .arg(templatePath, templateFile.errorString()));
    MakoVariables variables;
    variables.insert(QStringLiteral("up_revision"), MakoValue::string(file.id));
    variables.insert(QStringLiteral("down_revision"), parentIds.isEmpty() ? MakoValue::none()
                                                      : parentIds.size() == 1
                                                          ? MakoValue::string(parentIds.first())
                                                          : MakoValue::tuple(parentIds));
    variables.insert(QStringLiteral("branch_labels"),
                     request.branchLabel.isEmpty() ? MakoValue::none()
                                                   : MakoValue::tuple({request.branchLabel}));
    variables.insert(QStringLiteral("depends_on"), dependsOn.isEmpty() ? MakoValue::none()
                                                   : dependsOn.size() == 1
                                                       ? MakoValue::string(dependsOn.first())
                                                       : MakoValue::list(dependsOn));
    variables.insert(QStringLiteral("create_date"),
                     MakoValue::printable(formatCreateDate(createDate, zoneName.has_value())));
    variables.insert(QStringLiteral("message"),
                     MakoValue::string(request.message.value_or(QStringLiteral("empty message"))));
    const Result<QString> rendered =
        MakoTemplate::render(QString::fromUtf8(templateFile.readAll()), variables, templatePath);
    if (!rendered)
        return failure<RevisionFile>(rendered.error());
    file.bytes = rendered.value().toUtf8();
    return file;
}

Result<RevisionFile> RevisionWriter::write(const RevisionRequest &request) const
{
    Result<RevisionFile> file = prepare(request);
    if (!file)
        return file;
    const QString directory = QFileInfo(file->path).absolutePath();
    if (!QDir().mkpath(directory))
        return failure<RevisionFile>(
            QStringLiteral("cannot create the directory %1").arg(directory));
    QSaveFile out(file->path);
    if (!out.open(QIODevice::WriteOnly) || out.write(file->bytes) != file->bytes.size() ||
        !out.commit())
        return failure<RevisionFile>(
            QStringLiteral("cannot write %1: %2").arg(file->path, out.errorString()));
    return file;
}

} // namespace Retort
