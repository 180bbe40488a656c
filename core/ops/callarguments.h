// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ops/pyvalue.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace Retort {

// The evaluated arguments of one call, bound to a Python-style signature such as
// "table_name, column_name, *, schema=, **kw" (a trailing '=' marks an optional
// parameter, "*name" collects extra positionals, "**name" extra keywords). Binding
// errors and wrong value types throw InterpretError with Python's wording.
// Internal to core/ops.
class CallArguments
{
public:
    struct Argument
    {
        PyValue value;
        SourceRange range;
    };

    CallArguments(QString callee, SourceRange callRange);

    void addPositional(const PyValue &value, const SourceRange &range);
    void addKeyword(const QString &name, const PyValue &value, const SourceRange &range);

    // Binds to signature; throws on too many/few arguments or unknown keywords.
    void bind(const QString &signature);

    const QString &callee() const { return m_callee; }
    const SourceRange &callRange() const { return m_callRange; }
    const QList<Argument> &positional() const { return m_positional; }
    const QList<QPair<QString, Argument>> &keywords() const { return m_keywords; }

    // After bind(): the bound parameter, or nullptr when not given.
    const Argument *get(const QString &name) const;
    bool has(const QString &name) const { return get(name) != nullptr; }
    // Given and not None.
    bool hasValue(const QString &name) const;
    const QList<Argument> &extraPositional() const { return m_extraPositional; }
    const QList<QPair<QString, Argument>> &extraKeywords() const { return m_extraKeywords; }

    // Typed accessors: throw "<callee>: <name> must be ..." on a wrong type.
    QString string(const QString &name, const QString &fallback = QString()) const;
    std::optional<QString> optionalString(const QString &name) const; // None -> nullopt
    std::optional<qint64> optionalInt(const QString &name) const;
    std::optional<bool> optionalBool(const QString &name) const;
    bool boolean(const QString &name, bool fallback) const;

    [[noreturn]] void fail(const QString &message) const;
    [[noreturn]] void fail(const Argument &argument, const QString &message) const;

private:
    QString m_callee;
    SourceRange m_callRange;
    QList<Argument> m_positional;
    QList<QPair<QString, Argument>> m_keywords;
    QList<QPair<QString, Argument>> m_bound;
    QList<Argument> m_extraPositional;
    QList<QPair<QString, Argument>> m_extraKeywords;
};

} // namespace Retort
