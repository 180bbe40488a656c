// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/alembicconfig.h"

#include "util/pythonrepr.h"

#include <QDir>
#include <QFileInfo>

namespace Retort {

namespace {

QString noConfigMessage(const QString &configFile, const QString &section)
{
    return QStringLiteral("No config file %1 found, or file has no '[%2]' section")
        .arg(pythonRepr(configFile), section);
}

QString hereFor(const QString &configFile)
{
    if (configFile.isEmpty())
        return QString();
    return QDir::cleanPath(QFileInfo(configFile).absolutePath());
}

// Python's re.split(r", *| +", text): cut at a comma with the spaces after it, or at a
// run of spaces; empty pieces between two cuts are kept, as Python keeps them.
QStringList legacySplit(const QString &text)
{
    QStringList pieces;
    QString piece;
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (c == QLatin1Char(',') || c == QLatin1Char(' ')) {
            pieces.append(piece);
            piece.clear();
            ++i;
            while (i < text.size() && text.at(i) == QLatin1Char(' '))
                ++i;
            continue;
        }
        piece += c;
        ++i;
    }
    pieces.append(piece);
    return pieces;
}

// Python's int(text) for base 10: surrounding white space, an optional sign, decimal
// digits of any script with single underscores between them.
std::optional<qint64> pythonInt(const QString &text)
{
    const QString s = pythonStrip(text);
    qsizetype i = 0;
    bool negative = false;
    if (i < s.size() && (s.at(i) == QLatin1Char('+') || s.at(i) == QLatin1Char('-'))) {
        negative = s.at(i) == QLatin1Char('-');
        ++i;
    }
    if (i >= s.size())
        return std::nullopt;
    qint64 value = 0;
    bool lastWasDigit = false;
    for (; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('_')) {
            if (!lastWasDigit)
                return std::nullopt;
            lastWasDigit = false;
            continue;
        }
        const int digit = c.digitValue();
        if (c.category() != QChar::Number_DecimalDigit || digit < 0)
            return std::nullopt;
        value = value * 10 + digit;
        if (value > std::numeric_limits<int>::max())
            return std::nullopt;
        lastWasDigit = true;
    }
    if (!lastWasDigit)
        return std::nullopt;
    return negative ? -value : value;
}

} // namespace

QString AlembicConfig::defaultConfigFile()
{
    if (qEnvironmentVariableIsSet("ALEMBIC_CONFIG"))
        return qEnvironmentVariable("ALEMBIC_CONFIG");
    return QStringLiteral("alembic.ini");
}

Result<AlembicConfig> AlembicConfig::finish(AlembicConfig config, bool readOk)
{
    if (!readOk) {
        const IniFile::ErrorKind kind = config.m_ini.errorKind();
        // Python's ConfigParser.read() silently skips files it cannot open, so Alembic
        // then reports the section as missing.
        if (kind == IniFile::ErrorKind::FileNotFound || kind == IniFile::ErrorKind::FileUnreadable)
            return Result<AlembicConfig>::failure(
                noConfigMessage(config.m_configFile, config.m_section));
        return Result<AlembicConfig>::failure(config.m_ini.errorString());
    }
    if (!config.m_ini.hasSection(config.m_section))
        return Result<AlembicConfig>::failure(
            noConfigMessage(config.m_configFile, config.m_section));
    return config;
}

AlembicConfig AlembicConfig::prepare(const QString &configFile, const QString &section,
                                     const QStringList &xArguments)
{
    AlembicConfig config;
    config.m_configFile = configFile;
    config.m_section = section;
    config.m_xArguments = xArguments;
    // Fixed now: a later change of the working directory must not move the project.
    if (!configFile.isEmpty())
        config.m_configFilePath = QDir::cleanPath(QFileInfo(configFile).absoluteFilePath());
    config.m_here = hereFor(configFile);
    config.m_ini.setBuiltinDefault(QStringLiteral("here"), config.m_here);
    return config;
}

Result<AlembicConfig> AlembicConfig::load(const QString &configFile, const QString &section,
                                          const QStringList &xArguments)
{
    AlembicConfig config = prepare(configFile, section, xArguments);
    if (configFile.isEmpty()) {
        config.m_ini.addSection(section);
        return finish(std::move(config), true);
    }
    const bool ok = config.m_ini.readFile(configFile);
    return finish(std::move(config), ok);
}

Result<AlembicConfig> AlembicConfig::fromString(const QString &iniText, const QString &configFile,
                                                const QString &section,
                                                const QStringList &xArguments)
{
    AlembicConfig config = prepare(configFile, section, xArguments);
    const bool ok = config.m_ini.readString(iniText, configFile);
    return finish(std::move(config), ok);
}

QMap<QString, QString> AlembicConfig::xArgumentMap() const
{
    QMap<QString, QString> map;
    for (const QString &argument : m_xArguments) {
        const qsizetype equals = argument.indexOf(QLatin1Char('='));
        if (equals < 0)
            map.insert(argument, QString());
        else
            map.insert(argument.left(equals), argument.mid(equals + 1));
    }
    return map;
}

bool AlembicConfig::hasMainOption(const QString &name) const
{
    return m_ini.hasOption(m_section, name);
}

Result<QString> AlembicConfig::mainOption(const QString &name, const QString &defaultValue) const
{
    return sectionOption(m_section, name, defaultValue);
}

Result<QString> AlembicConfig::sectionOption(const QString &section, const QString &name,
                                             const QString &defaultValue) const
{
    if (!m_ini.hasSection(section))
        return Result<QString>::failure(noConfigMessage(m_configFile, section));
    if (!m_ini.hasOption(section, name))
        return defaultValue;
    return m_ini.value(section, name);
}

Result<QList<std::pair<QString, QString>>> AlembicConfig::sectionItems(const QString &section) const
{
    if (!m_ini.hasSection(section))
        return QList<std::pair<QString, QString>>();
    return m_ini.items(section);
}

bool AlembicConfig::setMainOption(const QString &name, const QString &value, QString *errorMessage)
{
    return m_ini.setValue(m_section, name, value, errorMessage);
}

Result<std::optional<QString>> AlembicConfig::optionalOption(const QString &name) const
{
    using Value = std::optional<QString>;
    if (!hasMainOption(name))
        return Value();
    Result<QString> v = mainOption(name);
    if (!v)
        return Result<Value>::failure(v.error());
    return Value(v.value());
}

Result<bool> AlembicConfig::exactTrue(const QString &name) const
{
    Result<std::optional<QString>> v = optionalOption(name);
    if (!v)
        return Result<bool>::failure(v.error());
    return v.value() == QStringLiteral("true");
}

QString AlembicConfig::resolve(const QString &path) const
{
    const QDir base = m_here.isEmpty() ? QDir::current() : QDir(m_here);
    return QDir::cleanPath(base.absoluteFilePath(path));
}

Result<QString> AlembicConfig::scriptLocation() const
{
    Result<std::optional<QString>> v = optionalOption(QStringLiteral("script_location"));
    if (!v)
        return Result<QString>::failure(v.error());
    if (!v.value())
        return Result<QString>::failure(
            QStringLiteral("No 'script_location' key found in configuration."));
    return *v.value();
}

Result<QString> AlembicConfig::scriptDirectory() const
{
    Result<QString> location = scriptLocation();
    if (!location)
        return location;
    const QString configured = location.value();
    const QString path = resolve(configured);
    const QFileInfo info(path);
    if (!QDir::isAbsolutePath(configured) && configured.contains(QLatin1Char(':')) &&
        !info.exists()) {
        return Result<QString>::failure(
            QStringLiteral(
                "script_location %1 names a Python package resource (package:folder); Retort "
                "cannot import Python packages. Set script_location to the folder itself, "
                "e.g. %(here)s/migrations.")
                .arg(pythonRepr(configured)));
    }
    if (!info.exists()) {
        return Result<QString>::failure(
            QStringLiteral("Path doesn't exist: %1.  Please use the 'init' command "
                           "to create a new scripts folder.")
                .arg(pythonRepr(path)));
    }
    if (!info.isDir()) {
        return Result<QString>::failure(
            QStringLiteral("script_location %1 is a file; it must name the folder that holds "
                           "env.py and versions/.")
                .arg(pythonRepr(path)));
    }
    return path;
}

Result<std::optional<QStringList>> AlembicConfig::versionLocationEntries() const
{
    using Entries = std::optional<QStringList>;
    Result<std::optional<QString>> locations = optionalOption(QStringLiteral("version_locations"));
    if (!locations)
        return Result<Entries>::failure(locations.error());
    if (!locations.value() || locations.value()->isEmpty())
        return Entries();
    const QString text = *locations.value();

    // Alembic >= 1.16 reads path_separator first (and trims each entry); 1.13 knows only
    // version_path_separator.
    const bool modern = hasMainOption(QStringLiteral("path_separator"));
    const QString optionName =
        modern ? QStringLiteral("path_separator") : QStringLiteral("version_path_separator");
    Result<std::optional<QString>> separator = optionalOption(optionName);
    if (!separator)
        return Result<Entries>::failure(separator.error());
    if (!separator.value())
        return Entries(legacySplit(text));

    const QString value = *separator.value();
    QString splitOn;
    if (value == QLatin1String("space"))
        splitOn = QStringLiteral(" ");
    else if (modern && value == QLatin1String("newline"))
        splitOn = QStringLiteral("\n");
    else if (value == QLatin1String("os"))
        splitOn = QDir::listSeparator();
    else if (value == QLatin1String(":") || value == QLatin1String(";"))
        splitOn = value;
    if (splitOn.isEmpty()) {
        const QString expected = modern ? QStringLiteral("'space', 'newline', 'os', ':', ';'")
                                        : QStringLiteral("'space', 'os', ':', ';'");
        return Result<Entries>::failure(
            QStringLiteral("'%1' is not a valid value for %2; expected %3")
                .arg(value, optionName, expected));
    }
    QStringList entries;
    const QStringList pieces = text.split(splitOn);
    for (const QString &piece : pieces) {
        const QString entry = modern ? pythonStrip(piece) : piece;
        if (!entry.isEmpty())
            entries.append(entry);
    }
    return Entries(entries);
}

Result<QStringList> AlembicConfig::versionLocations() const
{
    Result<std::optional<QStringList>> entries = versionLocationEntries();
    if (!entries)
        return Result<QStringList>::failure(entries.error());
    if (!entries.value()) {
        Result<QString> directory = scriptDirectory();
        if (!directory)
            return Result<QStringList>::failure(directory.error());
        return QStringList{QDir(directory.value()).filePath(QStringLiteral("versions"))};
    }
    QStringList paths;
    for (const QString &entry : *entries.value())
        paths.append(resolve(entry));
    return paths;
}

Result<bool> AlembicConfig::recursiveVersionLocations() const
{
    return exactTrue(QStringLiteral("recursive_version_locations"));
}

Result<bool> AlembicConfig::sourceless() const
{
    return exactTrue(QStringLiteral("sourceless"));
}

Result<QString> AlembicConfig::fileTemplate() const
{
    return mainOption(QStringLiteral("file_template"), QStringLiteral("%(rev)s_%(slug)s"));
}

Result<int> AlembicConfig::truncateSlugLength() const
{
    Result<std::optional<QString>> v = optionalOption(QStringLiteral("truncate_slug_length"));
    if (!v)
        return Result<int>::failure(v.error());
    if (!v.value())
        return 40;
    const std::optional<qint64> number = pythonInt(*v.value());
    if (!number) {
        return Result<int>::failure(QStringLiteral("invalid literal for int() with base 10: %1")
                                        .arg(pythonRepr(*v.value())));
    }
    // ScriptDirectory keeps `truncate_slug_length or 40`.
    return *number == 0 ? 40 : int(*number);
}

Result<std::optional<QString>> AlembicConfig::timezone() const
{
    return optionalOption(QStringLiteral("timezone"));
}

Result<QString> AlembicConfig::outputEncoding() const
{
    return mainOption(QStringLiteral("output_encoding"), QStringLiteral("utf-8"));
}

Result<bool> AlembicConfig::revisionEnvironment() const
{
    Result<std::optional<QString>> v = optionalOption(QStringLiteral("revision_environment"));
    if (!v)
        return Result<bool>::failure(v.error());
    if (!v.value())
        return false;
    const QString word = pythonStrip(*v.value()).toLower();
    static const QStringList yes{QStringLiteral("true"), QStringLiteral("yes"),
                                 QStringLiteral("on"),   QStringLiteral("y"),
                                 QStringLiteral("t"),    QStringLiteral("1")};
    static const QStringList no{QStringLiteral("false"), QStringLiteral("no"),
                                QStringLiteral("off"),   QStringLiteral("n"),
                                QStringLiteral("f"),     QStringLiteral("0")};
    if (yes.contains(word))
        return true;
    if (no.contains(word))
        return false;
    return Result<bool>::failure(
        QStringLiteral("String is not true/false: %1").arg(pythonRepr(word)));
}

Result<std::optional<QString>> AlembicConfig::sqlalchemyUrl() const
{
    return optionalOption(QStringLiteral("sqlalchemy.url"));
}

} // namespace Retort
