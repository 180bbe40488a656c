// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <utility>

namespace Retort {

// A keyword argument that can be left out, given as None, or given a value.
// Alembic distinguishes all three in several places: alter_column(server_default=None)
// drops the default while leaving it out keeps it; comment=None drops a comment.
template<typename T>
struct Setting
{
    enum class State { Unset, None, Value };

    State state = State::Unset;
    T value{};

    static Setting none()
    {
        Setting s;
        s.state = State::None;
        return s;
    }
    static Setting of(T v)
    {
        Setting s;
        s.state = State::Value;
        s.value = std::move(v);
        return s;
    }

    bool isUnset() const { return state == State::Unset; }
    bool isSet() const { return state != State::Unset; }
    bool isNone() const { return state == State::None; }
    bool hasValue() const { return state == State::Value; }

    friend bool operator==(const Setting &, const Setting &) = default;
};

} // namespace Retort
