// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Retort {

// Which language the user interface speaks: the override the user chose (saved in the
// application's QSettings under "ui/language"; empty means "follow the system") and which of
// Retort's translations a list of preferred languages picks. Language codes are the suffixes
// of the translation files (de, fr, es, zh_CN), and "en" for the untranslated source text.
// Static functions without state; use them from the GUI thread, after the application's
// organization and name are set (they decide where QSettings writes).
class LanguageSettings
{
public:
    struct Language
    {
        QString code;
        QString nativeName; // as speakers of the language write it: "Deutsch", "简体中文"
    };

    // English first, then every language Retort has a translation for.
    static QList<Language> available();

    // The saved override, or an empty string when Retort follows the system.
    static QString saved();
    // Saves an override; an empty code (or one Retort does not know) returns to the system's.
    static void save(const QString &code);

    // The first of uiLanguages (BCP 47 names, as QLocale::uiLanguages() lists them) that Retort
    // speaks; "en" when English comes first or nothing matches. "zh-Hant-TW" does not pick
    // Simplified Chinese: a reader of traditional characters gets English instead.
    static QString pick(const QStringList &uiLanguages);

    // The language to use now: the saved override, else the system's preference.
    static QString effective();
};

} // namespace Retort
