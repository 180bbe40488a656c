// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QTime>

namespace Retort {

// A Python value that ends up in SQL as a literal: a bulk_insert cell, an
// op.inline_literal(), a default, an argument of sa.func.x(...).
//
// Value type, safe to copy across threads. Python ints are unbounded, so an Int
// keeps its decimal text as well as (when it fits) its qint64 value; a float keeps
// the text as written and the double; Decimal('1.50') keeps its text exactly, as
// Python's str(Decimal) would print it for the plain forms migrations use.
struct SqlValue
{
    enum class Kind {
        None,
        Bool,
        Int,
        Decimal,
        Float,
        String,
        Bytes,
        Date,     // datetime.date(y, m, d)
        Time,     // datetime.time(h, m, s[, us])
        DateTime, // datetime.datetime(y, m, d[, h, m, s, us]) (naive)
    };

    Kind kind = Kind::None;
    bool boolean = false;
    qint64 integer = 0;  // Int (when integerFits)
    bool integerFits = true;
    double real = 0;     // Float
    QString text;        // Int/Decimal/Float: decimal text; String: the string
    QByteArray bytes;    // Bytes
    QDate date;          // Date, DateTime
    QTime time;          // Time, DateTime (milliseconds only; microsecond below)
    int microsecond = 0; // Time, DateTime: the full sub-second part (0..999999)

    static SqlValue none() { return SqlValue(); }
    static SqlValue fromBool(bool b)
    {
        SqlValue v;
        v.kind = Kind::Bool;
        v.boolean = b;
        return v;
    }
    static SqlValue fromInt(qint64 i)
    {
        SqlValue v;
        v.kind = Kind::Int;
        v.integer = i;
        v.text = QString::number(i);
        return v;
    }
    static SqlValue fromString(const QString &s)
    {
        SqlValue v;
        v.kind = Kind::String;
        v.text = s;
        return v;
    }

    bool isNone() const { return kind == Kind::None; }

    // Python's repr() of the value ("None", "True", "1", "Decimal('1.5')", "'x'",
    // "b'x'", "datetime.date(2020, 1, 2)", ...), for dumps and messages.
    QString pythonRepr() const;

    friend bool operator==(const SqlValue &, const SqlValue &) = default;
};

} // namespace Retort
