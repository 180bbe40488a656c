// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/projectlocator.h"

#include "util/pythonrepr.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Retort {

namespace {

// How much of each file the revision-file sniffing looks at (characters).
constexpr qsizetype sniffLength = 20000;

bool isPythonSpace(const QString &text, qsizetype i)
{
    return i < text.size() && pythonIsSpace(text.at(i));
}

// Whether `text` has a line that starts (after blanks) with `revision` or
// `down_revision` followed by an assignment: `=`, or `:` (an annotation) with a `=`
// somewhere after it. The conformance oracle recognises revision files by this rule.
bool hasRevisionAssignment(const QString &text)
{
    static const QString names[] = {QStringLiteral("down_revision"), QStringLiteral("revision")};
    qsizetype lineStart = 0;
    while (lineStart <= text.size()) {
        qsizetype i = lineStart;
        while (isPythonSpace(text, i))
            ++i;
        for (const QString &name : names) {
            if (QStringView(text).mid(i).startsWith(name)) {
                qsizetype j = i + name.size();
                while (isPythonSpace(text, j))
                    ++j;
                if (j < text.size() && text.at(j) == QLatin1Char('='))
                    return true;
                if (j < text.size() && text.at(j) == QLatin1Char(':') &&
                    text.indexOf(QLatin1Char('='), j + 1) >= 0)
                    return true;
            }
        }
        const qsizetype next = text.indexOf(QLatin1Char('\n'), lineStart);
        if (next < 0)
            break;
        lineStart = next + 1;
    }
    return false;
}

QString absoluteClean(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

// The script directories directly inside `directory`, sorted by name.
QStringList childScriptDirectories(const QString &directory)
{
    QStringList found;
    const QStringList names =
        QDir(directory).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    for (const QString &name : names) {
        const QString child = QDir(directory).filePath(name);
        if (ProjectLocator::isScriptDirectory(child))
            found.append(child);
    }
    return found;
}

// Everything Alembic's ScriptDirectory.from_config() reads and checks, in its order, so
// that a bad option fails here with the message Alembic would give.
Result<ProjectLayout> layoutFromConfig(const AlembicConfig &config)
{
    Result<QString> location = config.scriptLocation();
    if (!location)
        return Result<ProjectLayout>::failure(location.error());
    Result<int> slugLength = config.truncateSlugLength();
    if (!slugLength)
        return Result<ProjectLayout>::failure(slugLength.error());
    Result<std::optional<QStringList>> entries = config.versionLocationEntries();
    if (!entries)
        return Result<ProjectLayout>::failure(entries.error());
    Result<QString> prependSysPath = config.mainOption(QStringLiteral("prepend_sys_path"));
    if (!prependSysPath)
        return Result<ProjectLayout>::failure(prependSysPath.error());
    Result<bool> recursive = config.recursiveVersionLocations();
    if (!recursive)
        return Result<ProjectLayout>::failure(recursive.error());
    Result<QString> fileTemplate = config.fileTemplate();
    if (!fileTemplate)
        return Result<ProjectLayout>::failure(fileTemplate.error());
    Result<bool> sourceless = config.sourceless();
    if (!sourceless)
        return Result<ProjectLayout>::failure(sourceless.error());
    Result<QString> encoding = config.outputEncoding();
    if (!encoding)
        return Result<ProjectLayout>::failure(encoding.error());
    Result<std::optional<QString>> timezone = config.timezone();
    if (!timezone)
        return Result<ProjectLayout>::failure(timezone.error());
    Result<QList<std::pair<QString, QString>>> hooks =
        config.sectionItems(QStringLiteral("post_write_hooks"));
    if (!hooks)
        return Result<ProjectLayout>::failure(hooks.error());
    Result<QString> scriptDirectory = config.scriptDirectory();
    if (!scriptDirectory)
        return Result<ProjectLayout>::failure(scriptDirectory.error());
    if (sourceless.value()) {
        const int line = config.ini().line(config.section(), QStringLiteral("sourceless"));
        const QString where = line > 0
                                  ? config.configFile() + QLatin1Char(':') + QString::number(line)
                                  : config.configFile();
        return Result<ProjectLayout>::failure(
            QStringLiteral(
                "%1: the option 'sourceless = true' asks for revisions compiled to Python "
                "bytecode (.pyc); Retort reads revision sources (.py) and cannot read "
                "bytecode. Remove the option or set it to false.")
                .arg(where));
    }
    Result<QStringList> locations = config.versionLocations();
    if (!locations)
        return Result<ProjectLayout>::failure(locations.error());

    ProjectLayout layout;
    layout.kind = ProjectLayout::Kind::IniFile;
    layout.iniPath = config.configFilePath();
    layout.projectPath = config.here();
    layout.config = config;
    layout.scriptLocation = scriptDirectory.value();
    layout.configuredVersionLocations = locations.value();
    for (const QString &path : locations.value()) {
        if (QFileInfo(path).isDir())
            layout.versionLocations.append(path);
    }
    layout.recursiveVersionLocations = recursive.value();
    layout.xArguments = config.xArguments();
    return layout;
}

} // namespace

bool ProjectLocator::isScriptDirectory(const QString &directory)
{
    const QDir dir(directory);
    return QFileInfo(dir.filePath(QStringLiteral("env.py"))).isFile() &&
           QFileInfo(dir.filePath(QStringLiteral("versions"))).isDir();
}

bool ProjectLocator::looksLikeVersionsFolder(const QString &directory)
{
    const QDir dir(directory);
    const QStringList names = dir.entryList(QDir::Files | QDir::Hidden, QDir::Name);
    for (const QString &name : names) {
        if (!name.endsWith(QLatin1String(".py")) || name.startsWith(QLatin1String("__init__")))
            continue;
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        // UTF-8 needs at most 4 bytes per character.
        const QString text = QString::fromUtf8(file.read(sniffLength * 4)).left(sniffLength);
        if (hasRevisionAssignment(text))
            return true;
    }
    return false;
}

Result<ProjectLayout> ProjectLocator::fromConfigFile(const QString &configFile,
                                                     const QString &section,
                                                     const QStringList &xArguments)
{
    Result<AlembicConfig> config = AlembicConfig::load(configFile, section, xArguments);
    if (!config)
        return Result<ProjectLayout>::failure(config.error());
    return layoutFromConfig(config.value());
}

Result<ProjectLayout> ProjectLocator::locate(const QString &path, const QString &section,
                                             const QStringList &xArguments)
{
    const QFileInfo info(path);
    if (path.isEmpty() || !info.exists()) {
        return Result<ProjectLayout>::failure(
            QStringLiteral("Cannot open the project %1: no such file or directory.")
                .arg(pythonRepr(path)));
    }
    if (!info.isDir())
        return fromConfigFile(path, section, xArguments);

    const QString directory = absoluteClean(path);
    if (QFileInfo(QDir(directory).filePath(QStringLiteral("alembic.ini"))).isFile())
        return fromConfigFile(QDir(path).filePath(QStringLiteral("alembic.ini")), section,
                              xArguments);

    ProjectLayout layout;
    layout.projectPath = directory;
    layout.xArguments = xArguments;
    const auto useScriptDirectory = [&layout](const QString &scriptDirectory) {
        layout.kind = ProjectLayout::Kind::ScriptDirectory;
        layout.scriptLocation = scriptDirectory;
        const QString versions = QDir(scriptDirectory).filePath(QStringLiteral("versions"));
        layout.configuredVersionLocations = {versions};
        layout.versionLocations = {versions};
        return layout;
    };
    if (isScriptDirectory(directory))
        return useScriptDirectory(directory);
    if (looksLikeVersionsFolder(directory) ||
        QFileInfo(directory).fileName() == QLatin1String("versions")) {
        layout.kind = ProjectLayout::Kind::VersionsFolder;
        layout.configuredVersionLocations = {directory};
        layout.versionLocations = {directory};
        return layout;
    }
    const QStringList children = childScriptDirectories(directory);
    if (children.size() == 1)
        return useScriptDirectory(children.first());
    if (children.size() > 1) {
        QStringList names;
        for (const QString &child : children)
            names.append(QFileInfo(child).fileName());
        return Result<ProjectLayout>::failure(
            QStringLiteral("%1 holds several script directories (%2): name the one to open, or the "
                           "alembic.ini that points to it.")
                .arg(pythonRepr(path), names.join(QLatin1String(", "))));
    }
    return Result<ProjectLayout>::failure(
        QStringLiteral(
            "%1 is not an Alembic project: looked for an alembic.ini in it, a script directory "
            "(env.py and a versions/ folder) in it or in one of its sub-folders, and revision "
            "files (*.py that assign `revision` or `down_revision`) directly in it, and found "
            "none of them.")
            .arg(pythonRepr(path)));
}

} // namespace Retort
