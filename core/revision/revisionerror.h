// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace Retort {

// A failure of a revision-map question, carrying what Alembic's exception carries so
// that each command can word it the way `alembic` does (ScriptDirectory's error
// translation differs per command: history names the range, upgrade the destination).
// Value type.
struct RevisionError
{
    enum class Kind {
        Revision,         // plain RevisionError: message is printed as is
        Resolution,       // unknown/ambiguous identifier, bad label: printed as
                          // "Can't locate revision identified by '<argument>'"
        MultipleHeads,    // `head` matched several heads (argument = 'head' / 'label@head')
        RangeNotAncestor, // lower is not an ancestor of upper (lower/upper as given)
        Unsupported,      // a case where Alembic itself crashes (AssertionError, KeyError):
                          // Retort reports message instead
    };

    Kind kind = Kind::Revision;
    QString message;   // Alembic's internal exception text (what --raiseerr shows)
    QString argument;  // Resolution / MultipleHeads: the identifier Alembic names
    QStringList heads; // MultipleHeads: the heads that matched
    QString lower;     // RangeNotAncestor: the lower end as given ("" = base)
    QString upper;     // RangeNotAncestor: the upper end as given

    // How a command translates the error (ScriptDirectory._catch_revision_errors).
    // Empty fields = Alembic's defaults. Formats use Alembic's placeholders:
    // ancestorFormat "%(start)s" and "%(end)s"; multipleHeadsFormat "%(head_arg)s" and
    // "%(heads)s".
    struct Context
    {
        QString start; // null = take RangeNotAncestor's lower
        QString end;   // null = take RangeNotAncestor's upper / the argument
        QString ancestorFormat;
        QString multipleHeadsFormat;
    };

    // The text after "FAILED: " as the alembic command line prints it.
    QString commandMessage(const Context &context) const;
    QString commandMessage() const { return commandMessage(Context()); }

    static RevisionError revision(QString message)
    {
        RevisionError e;
        e.message = std::move(message);
        return e;
    }
    static RevisionError resolution(QString message, QString argument)
    {
        RevisionError e;
        e.kind = Kind::Resolution;
        e.message = std::move(message);
        e.argument = std::move(argument);
        return e;
    }
    static RevisionError unsupported(QString message)
    {
        RevisionError e;
        e.kind = Kind::Unsupported;
        e.message = std::move(message);
        return e;
    }
};

// Either a T or a RevisionError (the revision module's counterpart of Result<T>).
template<typename T>
class RevisionResult
{
public:
    RevisionResult(T value)
        : m_value(std::move(value))
    { }
    RevisionResult(RevisionError error)
        : m_error(std::move(error))
    { }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T &operator*() const & { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const RevisionError &error() const { return m_error; }
    // The message with Alembic's default command translation.
    QString errorString() const { return m_error.commandMessage(); }

private:
    std::optional<T> m_value;
    RevisionError m_error;
};

} // namespace Retort
