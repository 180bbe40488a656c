// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Retort {

// The window's colours: the system's palette (the default, so that Retort follows the
// desktop), or a fixed light or dark one (screenshots, or a user's choice saved under
// "view/theme"). Applying one changes the application palette; every widget of
// Retort paints from the palette, so nothing else needs telling. GUI thread only.
class Theme
{
public:
    enum Kind { System, Light, Dark };

    static void apply(Kind kind);
    static Kind current() { return s_current; }

    // "system", "light", "dark" and back; unknown text gives nullopt-like System + false.
    static QString name(Kind kind);
    static bool fromName(const QString &name, Kind *kind);

    static Kind saved();
    static void save(Kind kind);

private:
    static Kind s_current;
};

} // namespace Retort
