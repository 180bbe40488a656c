// SPDX-License-Identifier: GPL-3.0-or-later
#include "config/inifile.h"

#include "util/pythonrepr.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace Retort {

namespace {

const QString defaultSectionName()
{
    return QStringLiteral("DEFAULT");
}

// configparser's MAX_INTERPOLATION_DEPTH.
constexpr int maxInterpolationDepth = 10;

QString pythonRstrip(const QString &text)
{
    qsizetype end = text.size();
    while (end > 0 && pythonIsSpace(text.at(end - 1)))
        --end;
    return text.left(end);
}

// Python's "%2d".
QString lineNumber(int line)
{
    return QStringLiteral("%1").arg(line, 2);
}

// Length of a `%(name)s` reference starting at `at` (configparser's _KEYCRE:
// "%\(([^)]+)\)s"), or 0 when there is none.
qsizetype referenceLength(const QString &text, qsizetype at)
{
    if (text.mid(at, 2) != QLatin1String("%("))
        return 0;
    const qsizetype close = text.indexOf(QLatin1Char(')'), at + 2);
    if (close < at + 3 || close + 1 >= text.size() || text.at(close + 1) != QLatin1Char('s'))
        return 0;
    return close + 2 - at;
}

// Offset of the first byte that makes `bytes` invalid UTF-8 the way Python's strict
// decoder sees it (overlong forms, surrogates and code points above U+10FFFF are
// invalid), or -1 when the whole buffer is valid.
qsizetype firstInvalidUtf8(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype size = bytes.size();
    qsizetype i = 0;
    while (i < size) {
        const unsigned char b = data[i];
        if (b < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char min2 = 0x80;
        unsigned char max2 = 0xbf;
        if (b >= 0xc2 && b <= 0xdf) {
            length = 2;
        } else if (b >= 0xe0 && b <= 0xef) {
            length = 3;
            if (b == 0xe0)
                min2 = 0xa0;
            else if (b == 0xed)
                max2 = 0x9f;
        } else if (b >= 0xf0 && b <= 0xf4) {
            length = 4;
            if (b == 0xf0)
                min2 = 0x90;
            else if (b == 0xf4)
                max2 = 0x8f;
        } else {
            return i;
        }
        if (i + 1 >= size || data[i + 1] < min2 || data[i + 1] > max2)
            return i;
        for (int k = 2; k < length; ++k) {
            if (i + k >= size || data[i + k] < 0x80 || data[i + k] > 0xbf)
                return i;
        }
        i += length;
    }
    return -1;
}

// One physical line: its text without the line break, and whether it had one (Python
// reads in universal-newline mode: "\n", "\r\n" and "\r" all end a line and read as "\n").
struct PhysicalLine
{
    QString text;
    bool hasBreak = false;

    QString asPythonReadsIt() const { return hasBreak ? text + QLatin1Char('\n') : text; }
};

QList<PhysicalLine> splitLines(const QString &text)
{
    QList<PhysicalLine> lines;
    qsizetype start = 0;
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('\n') && c != QLatin1Char('\r'))
            continue;
        lines.append({text.mid(start, i - start), true});
        if (c == QLatin1Char('\r') && i + 1 < size && text.at(i + 1) == QLatin1Char('\n'))
            ++i;
        start = i + 1;
    }
    if (start < size)
        lines.append({text.mid(start), false});
    return lines;
}

} // namespace

const IniFile::Option *IniFile::Section::find(const QString &key) const
{
    const auto it = index.constFind(key);
    return it == index.cend() ? nullptr : &options.at(*it);
}

void IniFile::Section::set(const QString &key, const QString &value, int lineNo)
{
    const auto it = index.constFind(key);
    if (it != index.cend()) {
        options[*it].value = value;
        options[*it].line = lineNo;
        return;
    }
    index.insert(key, options.size());
    options.append({key, value, lineNo});
}

IniFile::IniFile()
{
    m_defaults.name = defaultSectionName();
}

void IniFile::setBuiltinDefault(const QString &key, const QString &value)
{
    m_defaults.set(key.toLower(), value, 0);
}

bool IniFile::fail(ErrorKind kind, const QString &message, int line)
{
    m_errorKind = kind;
    m_error = Diagnostic{m_sourceName, line, 0, message, Diagnostic::Severity::Error};
    return false;
}

bool IniFile::readFile(const QString &path)
{
    m_sourceName = path;
    m_errorKind = ErrorKind::None;
    m_error = Diagnostic{};
    const QFileInfo info(path);
    if (!info.exists()) {
        return fail(ErrorKind::FileNotFound,
                    QStringLiteral("Cannot read %1: the file does not exist. Check the path.")
                        .arg(pythonRepr(path)),
                    0);
    }
    if (info.isDir()) {
        return fail(ErrorKind::FileUnreadable,
                    QStringLiteral("Cannot read %1: it is a directory, not an ini file.")
                        .arg(pythonRepr(path)),
                    0);
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(ErrorKind::FileUnreadable,
                    QStringLiteral("Cannot read %1: %2. Check that the file is readable by you.")
                        .arg(pythonRepr(path), file.errorString()),
                    0);
    }
    // An ini file is a few kilobytes; a huge one is a mistake (a log or a database named
    // alembic.ini) and must not be read into memory whole.
    constexpr qint64 sizeLimit = 16 * 1024 * 1024;
    if (file.size() > sizeLimit) {
        return fail(ErrorKind::FileUnreadable,
                    QStringLiteral("Cannot read %1: the file is %2 bytes, too large for an ini "
                                   "file (the limit is %3 bytes). Check that it is the right file.")
                        .arg(pythonRepr(path))
                        .arg(file.size())
                        .arg(sizeLimit),
                    0);
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        return fail(ErrorKind::FileUnreadable,
                    QStringLiteral("Cannot read %1: %2.").arg(pythonRepr(path), file.errorString()),
                    0);
    }
    const qsizetype bad = firstInvalidUtf8(bytes);
    if (bad >= 0) {
        const qsizetype lineStart = bytes.lastIndexOf('\n', bad) + 1;
        const int line = int(bytes.left(lineStart).count('\n')) + 1;
        const QString message =
            QStringLiteral(
                "%1 line %2: the file is not valid UTF-8 (byte 0x%3 at byte %4 of the line). "
                "Alembic reads its ini file as UTF-8: save the file in that encoding.")
                .arg(pythonRepr(path))
                .arg(line)
                .arg(uint(static_cast<unsigned char>(bytes.at(bad))), 2, 16, QLatin1Char('0'))
                .arg(bad - lineStart + 1);
        m_errorKind = ErrorKind::Encoding;
        m_error = Diagnostic{path, line, 0, message, Diagnostic::Severity::Error};
        return false;
    }
    // Python would read a NUL byte into a value and fail later with "embedded null byte"
    // when the value is used as a path; say where it is instead.
    const qsizetype nul = bytes.indexOf('\0');
    if (nul >= 0) {
        const qsizetype lineStart = bytes.lastIndexOf('\n', nul) + 1;
        const int line = int(bytes.left(lineStart).count('\n')) + 1;
        m_errorKind = ErrorKind::Encoding;
        m_error = Diagnostic{path, line, 0,
                             QStringLiteral("%1 line %2: the file contains a NUL byte (at byte %3 "
                                            "of the line): an ini file is text. Remove the byte, "
                                            "or check that this is the right file.")
                                 .arg(pythonRepr(path))
                                 .arg(line)
                                 .arg(nul - lineStart + 1),
                             Diagnostic::Severity::Error};
        return false;
    }
    return parse(QString::fromUtf8(bytes));
}

bool IniFile::readString(const QString &text, const QString &sourceName)
{
    m_sourceName = sourceName;
    m_errorKind = ErrorKind::None;
    m_error = Diagnostic{};
    return parse(text);
}

bool IniFile::parse(const QString &text)
{
    // Follows configparser's reader state machine: the current section, the current
    // option (target of continuation lines) and the indentation of the line that
    // started it. Values are joined and right-stripped once the whole text is read.
    Section *current = nullptr;
    qsizetype currentIndex = -2; // -1 = DEFAULT, >= 0 = m_sections index
    QString sectionName;
    QString optionName; // empty: no option to continue
    int indentLevel = 0;
    QSet<QString> sectionsAdded;
    QSet<std::pair<QString, QString>> optionsAdded;
    QList<std::pair<qsizetype, QString>> touched;
    QList<std::pair<int, QString>> badLines;

    const auto sectionAt = [this](qsizetype index) -> Section & {
        return index < 0 ? m_defaults : m_sections[index];
    };
    const auto finishValues = [&]() {
        for (const auto &[index, key] : std::as_const(touched)) {
            Section &section = sectionAt(index);
            const auto it = section.index.constFind(key);
            if (it != section.index.cend())
                section.options[*it].value = pythonRstrip(section.options[*it].value);
        }
    };

    const QList<PhysicalLine> lines = splitLines(text);
    for (qsizetype n = 0; n < lines.size(); ++n) {
        const int lineNo = int(n) + 1;
        const QString &raw = lines.at(n).text;
        const QString stripped = pythonStrip(raw);
        const bool isComment =
            stripped.startsWith(QLatin1Char('#')) || stripped.startsWith(QLatin1Char(';'));
        if (stripped.isEmpty() || isComment) {
            // A blank line belongs to a multi-line value; a comment line does not.
            if (!isComment && current && !optionName.isEmpty()) {
                Option &option = current->options[current->index.value(optionName)];
                option.value += QLatin1Char('\n');
            }
            continue;
        }
        int indent = 0;
        while (indent < raw.size() && pythonIsSpace(raw.at(indent)))
            ++indent;

        if (current && !optionName.isEmpty() && indent > indentLevel) {
            Option &option = current->options[current->index.value(optionName)];
            option.value += QLatin1Char('\n') + stripped;
            continue;
        }
        indentLevel = indent;

        const qsizetype closing = stripped.lastIndexOf(QLatin1Char(']'));
        if (stripped.startsWith(QLatin1Char('[')) && closing >= 2) {
            sectionName = stripped.mid(1, closing - 1);
            if (const auto it = m_sectionIndex.constFind(sectionName);
                it != m_sectionIndex.cend()) {
                if (sectionsAdded.contains(sectionName)) {
                    finishValues();
                    return fail(
                        ErrorKind::Syntax,
                        QStringLiteral("While reading from %1 [line %2]: section %3 already exists")
                            .arg(pythonRepr(m_sourceName), lineNumber(lineNo),
                                 pythonRepr(sectionName)),
                        lineNo);
                }
                currentIndex = *it;
                sectionsAdded.insert(sectionName);
            } else if (sectionName == defaultSectionName()) {
                currentIndex = -1;
            } else {
                Section section;
                section.name = sectionName;
                section.line = lineNo;
                m_sectionIndex.insert(sectionName, m_sections.size());
                currentIndex = m_sections.size();
                m_sections.append(section);
                sectionsAdded.insert(sectionName);
            }
            current = &sectionAt(currentIndex);
            optionName.clear();
            continue;
        }
        if (!current) {
            finishValues();
            return fail(ErrorKind::Syntax,
                        QStringLiteral("File contains no section headers.\nfile: %1, line: %2\n%3")
                            .arg(pythonRepr(m_sourceName))
                            .arg(lineNo)
                            .arg(pythonRepr(lines.at(n).asPythonReadsIt())),
                        lineNo);
        }
        qsizetype delimiter = -1;
        for (qsizetype i = 0; i < stripped.size(); ++i) {
            if (stripped.at(i) == QLatin1Char('=') || stripped.at(i) == QLatin1Char(':')) {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0) {
            // configparser keeps reading and reports every bad line at the end.
            badLines.append({lineNo, lines.at(n).asPythonReadsIt()});
            continue;
        }
        const QString key = pythonRstrip(stripped.left(delimiter)).toLower();
        if (key.isEmpty())
            badLines.append({lineNo, lines.at(n).asPythonReadsIt()});
        if (optionsAdded.contains({sectionName, key})) {
            finishValues();
            return fail(
                ErrorKind::Syntax,
                QStringLiteral(
                    "While reading from %1 [line %2]: option %3 in section %4 already exists")
                    .arg(pythonRepr(m_sourceName), lineNumber(lineNo), pythonRepr(key),
                         pythonRepr(sectionName)),
                lineNo);
        }
        optionsAdded.insert({sectionName, key});
        current->set(key, pythonStrip(stripped.mid(delimiter + 1)), lineNo);
        touched.append({currentIndex, key});
        optionName = key;
    }
    finishValues();

    if (!badLines.isEmpty()) {
        QString message =
            QStringLiteral("Source contains parsing errors: %1").arg(pythonRepr(m_sourceName));
        for (const auto &[lineNo, line] : std::as_const(badLines))
            message +=
                QStringLiteral("\n\t[line %1]: %2").arg(lineNumber(lineNo), pythonRepr(line));
        return fail(ErrorKind::Syntax, message, badLines.first().first);
    }
    return true;
}

QStringList IniFile::sections() const
{
    QStringList names;
    names.reserve(m_sections.size());
    for (const Section &section : m_sections)
        names.append(section.name);
    return names;
}

bool IniFile::hasSection(const QString &section) const
{
    return m_sectionIndex.contains(section);
}

int IniFile::sectionLine(const QString &section) const
{
    const Section *found = findSection(section);
    return found ? found->line : 0;
}

bool IniFile::addSection(const QString &section)
{
    if (section == defaultSectionName())
        return false;
    if (!hasSection(section)) {
        Section added;
        added.name = section;
        m_sectionIndex.insert(section, m_sections.size());
        m_sections.append(added);
    }
    return true;
}

const IniFile::Section *IniFile::findSection(const QString &section) const
{
    if (section == defaultSectionName())
        return &m_defaults;
    const auto it = m_sectionIndex.constFind(section);
    return it == m_sectionIndex.cend() ? nullptr : &m_sections.at(*it);
}

IniFile::Section *IniFile::findSection(const QString &section)
{
    return const_cast<Section *>(std::as_const(*this).findSection(section));
}

const IniFile::Option *IniFile::lookup(const Section *section, const QString &key) const
{
    if (section != &m_defaults) {
        if (const Option *option = section->find(key))
            return option;
    }
    return m_defaults.find(key);
}

bool IniFile::hasOption(const QString &section, const QString &key) const
{
    const Section *found = findSection(section);
    return found && lookup(found, key.toLower());
}

QStringList IniFile::keys(const QString &section) const
{
    const Section *found = findSection(section);
    if (!found)
        return {};
    QStringList result;
    for (const Option &option : m_defaults.options)
        result.append(option.key);
    if (found != &m_defaults) {
        for (const Option &option : found->options) {
            if (!m_defaults.find(option.key))
                result.append(option.key);
        }
    }
    return result;
}

QStringList IniFile::ownKeys(const QString &section) const
{
    const Section *found = findSection(section);
    QStringList result;
    if (found) {
        for (const Option &option : found->options)
            result.append(option.key);
    }
    return result;
}

std::optional<QString> IniFile::rawValue(const QString &section, const QString &key) const
{
    const Section *found = findSection(section);
    if (!found)
        return std::nullopt;
    const Option *option = lookup(found, key.toLower());
    if (!option)
        return std::nullopt;
    return option->value;
}

bool IniFile::interpolate(const Section *section, const QString &option, const QString &rawValue,
                          const QString &text, int depth, QString &out, QString &error) const
{
    if (depth > maxInterpolationDepth) {
        error = QStringLiteral(
                    "Recursion limit exceeded in value substitution: option %1 in section %2 "
                    "contains an interpolation key which cannot be substituted in %3 steps. "
                    "Raw value: %4")
                    .arg(pythonRepr(option), pythonRepr(section->name))
                    .arg(maxInterpolationDepth)
                    .arg(pythonRepr(rawValue));
        return false;
    }
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype percent = text.indexOf(QLatin1Char('%'), pos);
        if (percent < 0) {
            out += QStringView(text).mid(pos);
            return true;
        }
        out += QStringView(text).mid(pos, percent - pos);
        const QString rest = text.mid(percent);
        if (rest.size() > 1 && rest.at(1) == QLatin1Char('%')) {
            out += QLatin1Char('%');
            pos = percent + 2;
        } else if (rest.size() > 1 && rest.at(1) == QLatin1Char('(')) {
            const qsizetype length = referenceLength(rest, 0);
            if (length == 0) {
                error =
                    QStringLiteral("bad interpolation variable reference %1").arg(pythonRepr(rest));
                return false;
            }
            const QString name = rest.mid(2, length - 4).toLower();
            pos = percent + length;
            const Option *referenced = lookup(section, name);
            if (!referenced) {
                error = QStringLiteral(
                            "Bad value substitution: option %1 in section %2 contains an "
                            "interpolation key %3 which is not a valid option name. Raw value: %4")
                            .arg(pythonRepr(option), pythonRepr(section->name), pythonRepr(name),
                                 pythonRepr(rawValue));
                return false;
            }
            if (referenced->value.contains(QLatin1Char('%'))) {
                if (!interpolate(section, option, rawValue, referenced->value, depth + 1, out,
                                 error))
                    return false;
            } else {
                out += referenced->value;
            }
        } else {
            error = QStringLiteral("'%' must be followed by '%' or '(', found: %1")
                        .arg(pythonRepr(rest));
            return false;
        }
    }
    return true;
}

Result<QString> IniFile::value(const QString &section, const QString &key) const
{
    const Section *found = findSection(section);
    if (!found)
        return Result<QString>::failure(QStringLiteral("No section: %1").arg(pythonRepr(section)));
    const QString name = key.toLower();
    const Option *option = lookup(found, name);
    if (!option) {
        return Result<QString>::failure(QStringLiteral("No option %1 in section: %2")
                                            .arg(pythonRepr(name), pythonRepr(section)));
    }
    QString out;
    QString error;
    if (!interpolate(found, name, option->value, option->value, 1, out, error))
        return Result<QString>::failure(error);
    return out;
}

Result<QList<std::pair<QString, QString>>> IniFile::items(const QString &section) const
{
    using Items = QList<std::pair<QString, QString>>;
    if (!findSection(section))
        return Result<Items>::failure(QStringLiteral("No section: %1").arg(pythonRepr(section)));
    Items result;
    const QStringList names = keys(section);
    for (const QString &name : names) {
        Result<QString> v = value(section, name);
        if (!v)
            return Result<Items>::failure(v.error());
        result.append({name, v.value()});
    }
    return result;
}

int IniFile::line(const QString &section, const QString &key) const
{
    const Section *found = findSection(section);
    if (!found)
        return 0;
    const Option *option = lookup(found, key.toLower());
    return option ? option->line : 0;
}

Diagnostic IniFile::diagnostic(const QString &section, const QString &key,
                               const QString &message) const
{
    return Diagnostic{m_sourceName, line(section, key), 0, message, Diagnostic::Severity::Error};
}

bool IniFile::setValue(const QString &section, const QString &key, const QString &value,
                       QString *errorMessage)
{
    // configparser's BasicInterpolation.before_set(): after removing `%%` and valid
    // references, any `%` left is an error at its position in that reduced text.
    QString reduced = value;
    reduced.replace(QLatin1String("%%"), QString());
    QString checked;
    for (qsizetype i = 0; i < reduced.size();) {
        const qsizetype length = referenceLength(reduced, i);
        if (length > 0) {
            i += length;
        } else {
            checked += reduced.at(i);
            ++i;
        }
    }
    const qsizetype bad = checked.indexOf(QLatin1Char('%'));
    if (bad >= 0) {
        if (errorMessage) {
            *errorMessage = QStringLiteral("invalid interpolation syntax in %1 at position %2")
                                .arg(pythonRepr(value))
                                .arg(bad);
        }
        return false;
    }
    Section *target = section.isEmpty() ? &m_defaults : findSection(section);
    if (!target) {
        if (errorMessage)
            *errorMessage = QStringLiteral("No section: %1").arg(pythonRepr(section));
        return false;
    }
    target->set(key.toLower(), value, 0);
    return true;
}

} // namespace Retort
