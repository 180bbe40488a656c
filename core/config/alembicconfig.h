// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/inifile.h"
#include "util/result.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Retort {

// Alembic's view of a configuration: the ini file given with -c, the section chosen
// with -n (default "alembic") and the -x arguments, with the typed options Alembic
// reads from that section. Reproduces Alembic 1.13's parsing of every option and its
// error messages; values are read (and interpolated) on demand, as Alembic does, so
// each accessor can fail on its own.
//
// Paths: `here` is the absolute directory of the ini file. Alembic resolves a relative
// script_location / version_locations entry against the working directory; Retort,
// like the conformance oracle, resolves them against the ini file's directory, so a
// project opens the same way from anywhere.
//
// Value type: copyable, const members reentrant (safe to share read-only between
// threads); never prints.
class AlembicConfig
{
public:
    // The -c default: $ALEMBIC_CONFIG if set, else "alembic.ini".
    static QString defaultConfigFile();
    static QString defaultSection() { return QStringLiteral("alembic"); }

    // Reads configFile (as given on the command line; relative to the working
    // directory). Fails with Alembic's message
    // "No config file '<configFile>' found, or file has no '[<section>]' section" when
    // the file is missing or unreadable or lacks the section; with configparser's
    // message when the file is malformed; with Retort's message when it is not UTF-8.
    // An empty configFile gives a configuration with an empty section (Alembic's
    // behaviour for a Config without a file).
    static Result<AlembicConfig> load(const QString &configFile,
                                      const QString &section = defaultSection(),
                                      const QStringList &xArguments = {});
    // The same from ini text held in memory; configFile is used for `here` and messages.
    static Result<AlembicConfig> fromString(const QString &iniText, const QString &configFile,
                                            const QString &section = defaultSection(),
                                            const QStringList &xArguments = {});

    AlembicConfig() = default;

    QString configFile() const { return m_configFile; } // as given
    // Absolute and cleaned, fixed when the file was read; empty if none.
    QString configFilePath() const { return m_configFilePath; }
    QString here() const { return m_here; } // absolute dir of the ini; empty if none
    QString section() const { return m_section; }
    const IniFile &ini() const { return m_ini; }

    // -x arguments in command-line order ("key=value" or "flag").
    QStringList xArguments() const { return m_xArguments; }
    // context.get_x_argument(as_dictionary=True) of Alembic >= 1.13.1: split at the
    // first '=', an argument without '=' maps to "", a later duplicate key wins.
    QMap<QString, QString> xArgumentMap() const;

    // Whether the active section (or [DEFAULT], or `here`) has the option.
    bool hasMainOption(const QString &name) const;
    // get_main_option(): the interpolated value, or defaultValue when absent. Fails
    // only on interpolation errors (Python's messages, see IniFile::value()).
    Result<QString> mainOption(const QString &name, const QString &defaultValue = QString()) const;
    // The same for any section; fails with the "No config file ..." message when the
    // section does not exist.
    Result<QString> sectionOption(const QString &section, const QString &name,
                                  const QString &defaultValue = QString()) const;
    // get_section(): every option of a section (defaults included), interpolated.
    Result<QList<std::pair<QString, QString>>> sectionItems(const QString &section) const;
    // set_main_option(): fails with "invalid interpolation syntax in '<v>' at position <n>".
    bool setMainOption(const QString &name, const QString &value, QString *errorMessage = nullptr);

    // script_location as configured (interpolated). Fails with
    // "No 'script_location' key found in configuration.".
    Result<QString> scriptLocation() const;
    // script_location as an absolute, cleaned directory (relative values resolved
    // against here()). Fails as scriptLocation(), for a package resource `pkg:dir`
    // (Retort cannot import Python packages), and when the directory does not exist:
    // "Path doesn't exist: '<abs>'.  Please use the 'init' command to create a new
    // scripts folder." (Alembic 1.13's text).
    Result<QString> scriptDirectory() const;

    // version_locations split as Alembic splits them, each entry as written (not
    // resolved); nullopt when the option is absent or empty (= the default
    // `<script_location>/versions`). Separator: `path_separator` (Alembic >= 1.16; values
    // space, newline, os, ':', ';'; entries trimmed) if present, else
    // `version_path_separator` (space, os, ':', ';'), else the legacy split on ", *| +".
    // Fails with "'<v>' is not a valid value for version_path_separator; expected
    // 'space', 'os', ':', ';'" (or the path_separator variant, which lists 'newline').
    Result<std::optional<QStringList>> versionLocationEntries() const;
    // The version directories as absolute, cleaned paths in configured order (relative
    // entries against here()), missing ones included; the default when not configured.
    // Fails as versionLocationEntries() and, for the default, as scriptDirectory().
    Result<QStringList> versionLocations() const;

    // Exactly "true" (case-sensitive) is true; anything else, or absent, is false.
    Result<bool> recursiveVersionLocations() const;
    Result<bool> sourceless() const;
    // Default "%(rev)s_%(slug)s" (the ini default "%%(rev)s_%%(slug)s", interpolated).
    Result<QString> fileTemplate() const;
    // int() of the value (Python's rules: blanks, sign, '_' between digits); 0 or
    // absent -> 40. Fails with "invalid literal for int() with base 10: '<v>'".
    Result<int> truncateSlugLength() const;
    // nullopt when absent (local time).
    Result<std::optional<QString>> timezone() const;
    // Default "utf-8".
    Result<QString> outputEncoding() const;
    // SQLAlchemy's asbool(): true yes on y t 1 / false no off n f 0, case-insensitive,
    // trimmed; absent -> false; anything else fails with
    // "String is not true/false: '<v>'".
    Result<bool> revisionEnvironment() const;
    // nullopt when absent.
    Result<std::optional<QString>> sqlalchemyUrl() const;

private:
    static AlembicConfig prepare(const QString &configFile, const QString &section,
                                 const QStringList &xArguments);
    static Result<AlembicConfig> finish(AlembicConfig config, bool readOk);
    QString resolve(const QString &path) const;
    Result<std::optional<QString>> optionalOption(const QString &name) const;
    Result<bool> exactTrue(const QString &name) const;

    QString m_configFile;
    QString m_configFilePath;
    QString m_here;
    QString m_section = defaultSection();
    QStringList m_xArguments;
    IniFile m_ini;
};

} // namespace Retort
