// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QString>
#include <QStringList>

namespace Retort {

// The icons of the GUI's actions, by freedesktop icon name ("document-open", "go-up"): the
// desktop's icon theme supplies the icon when it has one, so that Retort looks like the rest
// of the desktop; otherwise Retort's own SVG from :/icons/actions/<name>.svg. Names that start
// with "retort-" (upgrade, downgrade, stamp) are Retort's own actions and always use its
// icons. Retort's icons are drawn when they are painted, at the size and device pixel ratio
// asked for, with the application palette's text colour for their outlines, so they stay
// sharp on HiDPI screens and visible with light and dark palettes. GUI thread only. A name
// without a theme icon or a bundled SVG gives a null QIcon (the tst_icons test checks that
// every name used in ui/ has its SVG).
class Icons
{
public:
    static QIcon action(const QString &name);
    // Retort's own icon for name, whatever the theme has; null when there is none.
    static QIcon bundled(const QString &name);
    // The names of all bundled icons, sorted.
    static QStringList bundledNames();
};

} // namespace Retort
