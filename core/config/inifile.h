// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/diagnostic.h"
#include "util/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace Retort {

// An ini file read with exactly the rules of Python's configparser.ConfigParser in its
// default configuration, which is how Alembic reads alembic.ini:
//
// * `[name]` starts a section (names are case-sensitive; `[DEFAULT]` is special: its
//   options are visible in every section, and it is not listed by sections());
// * `key = value` or `key: value` (first `=` or `:` splits); keys are case-insensitive
//   (stored lower-case), keys and values are trimmed;
// * lines whose first non-blank character is `#` or `;` are comments; there are no
//   inline comments (`a = b  # c` has the value `b  # c`);
// * a line indented deeper than its option line continues the value (joined with
//   "\n"; blank lines inside are kept, trailing ones dropped);
// * a duplicate section or a duplicate key within one section is an error, as is an
//   option before any section or a line that is neither;
// * values are interpolated when read (BasicInterpolation): `%(name)s` is replaced by
//   the option `name` of the same section, else of [DEFAULT], else of the built-in
//   defaults (e.g. Alembic's `here`), recursively up to 10 levels; `%%` is `%`.
//
// Error messages are Python's own text (e.g. "While reading from 'alembic.ini'
// [line  5]: section 'alembic' already exists"), so that a port reports what Alembic
// reports; reading a file that is missing, unreadable or not UTF-8 gives Retort's own
// explanation instead of a traceback.
//
// Value type: copyable; const member functions are reentrant and may be called from
// several threads at once; nothing is printed.
class IniFile
{
public:
    enum class ErrorKind {
        None,
        FileNotFound, // the path does not exist
        FileUnreadable, // exists but cannot be read (directory, permissions, I/O error)
        Encoding, // not valid UTF-8
        Syntax, // configparser rejected the content (duplicates, bad lines)
    };

    IniFile();

    // Adds a value to the built-in defaults (configparser's `defaults` argument; Alembic
    // passes `here`). Call before reading: a [DEFAULT] key of the file overrides it.
    // Stored raw: the value is not checked for `%` syntax (Python does not check either).
    void setBuiltinDefault(const QString &key, const QString &value);

    // Reads and parses a file. Messages name the file as `path` is written (Python
    // names the file as it was given). On failure returns false and sets errorString(),
    // errorKind() and errorDiagnostic(); sections read before a fatal error stay.
    bool readFile(const QString &path);
    // Parses text as if it were the content of a file called sourceName.
    bool readString(const QString &text, const QString &sourceName);

    QString errorString() const { return m_error.message; }
    ErrorKind errorKind() const { return m_errorKind; }
    // The failure with its file and line (line 0 when it has none).
    Diagnostic errorDiagnostic() const { return m_error; }
    // The name the last read used for the file (path or sourceName).
    QString sourceName() const { return m_sourceName; }

    // Section names in file order, without DEFAULT.
    QStringList sections() const;
    // Whether the file has this section; false for "DEFAULT" (as configparser).
    bool hasSection(const QString &section) const;
    // Line of the section's (first) header; 0 if unknown.
    int sectionLine(const QString &section) const;
    // Adds an empty section (no-op if it exists). Returns false for "DEFAULT".
    bool addSection(const QString &section);

    // Whether `key` (any case) is an option of the section or of the defaults. With
    // section "DEFAULT" only the defaults are consulted; an unknown section gives false.
    bool hasOption(const QString &section, const QString &key) const;
    // The options visible in a section in configparser's items() order: the defaults
    // (built-in, then [DEFAULT]) first, then the section's own keys in file order.
    // Empty for an unknown section.
    QStringList keys(const QString &section) const;
    // Only the keys written in the section itself (for "DEFAULT": the defaults).
    QStringList ownKeys(const QString &section) const;

    // The value as written, without interpolation; nullopt when the key is not visible
    // in the section (section, then defaults).
    std::optional<QString> rawValue(const QString &section, const QString &key) const;
    // The value with interpolation applied (configparser's get()). Fails with Python's
    // message: "No section: 'x'", "No option 'k' in section: 'x'",
    // "'%' must be followed by '%' or '(', found: '...'",
    // "bad interpolation variable reference '...'", "Bad value substitution: ...",
    // "Recursion limit exceeded in value substitution: ...".
    Result<QString> value(const QString &section, const QString &key) const;
    // Every visible option of a section, interpolated, in keys() order (what Alembic's
    // Config.get_section() returns). Fails like value() on the first bad value.
    Result<QList<std::pair<QString, QString>>> items(const QString &section) const;

    // Line where the key's value starts in the file: the section's own key, else the
    // [DEFAULT] key; 0 for built-in defaults, values set with setValue() and unknown keys.
    int line(const QString &section, const QString &key) const;
    // The same as a Diagnostic (file = sourceName(), line) with the given message.
    Diagnostic diagnostic(const QString &section, const QString &key, const QString &message) const;

    // configparser's set(): stores a raw value after checking its `%` syntax, failing
    // with "invalid interpolation syntax in '<value>' at position <n>" (or
    // "No section: 'x'"). Section "DEFAULT" sets a default.
    bool setValue(const QString &section, const QString &key, const QString &value,
                  QString *errorMessage = nullptr);

private:
    struct Option
    {
        QString key;
        QString value;
        int line = 0;
    };
    struct Section
    {
        QString name;
        int line = 0;
        QList<Option> options;
        QHash<QString, qsizetype> index; // lower-case key -> options position

        const Option *find(const QString &key) const;
        void set(const QString &key, const QString &value, int line);
    };

    const Section *findSection(const QString &section) const;
    Section *findSection(const QString &section);
    const Option *lookup(const Section *section, const QString &key) const;
    bool fail(ErrorKind kind, const QString &message, int line);
    bool parse(const QString &text);
    bool interpolate(const Section *section, const QString &option, const QString &rawValue,
                     const QString &text, int depth, QString &out, QString &error) const;

    Section m_defaults;
    QList<Section> m_sections;
    QHash<QString, qsizetype> m_sectionIndex;
    QString m_sourceName;
    Diagnostic m_error;
    ErrorKind m_errorKind = ErrorKind::None;
};

} // namespace Retort
