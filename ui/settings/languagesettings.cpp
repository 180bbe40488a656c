// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/languagesettings.h"

#include <QLocale>
#include <QSettings>

#include <algorithm>

namespace Retort {

namespace {

const QString settingsKey = QStringLiteral("ui/language");
const QString english = QStringLiteral("en");

bool isKnown(const QString &code)
{
    const QList<LanguageSettings::Language> languages = LanguageSettings::available();
    return std::any_of(languages.cbegin(), languages.cend(),
                       [&code](const LanguageSettings::Language &l) { return l.code == code; });
}

} // namespace

QList<LanguageSettings::Language> LanguageSettings::available()
{
    return {
        {english, QStringLiteral("English")},
        {QStringLiteral("de"), QStringLiteral("Deutsch")},
        {QStringLiteral("fr"), QStringLiteral("Français")},
        {QStringLiteral("es"), QStringLiteral("Español")},
        {QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
    };
}

QString LanguageSettings::saved()
{
    const QString code = QSettings().value(settingsKey).toString();
    return isKnown(code) ? code : QString();
}

void LanguageSettings::save(const QString &code)
{
    QSettings settings;
    if (isKnown(code))
        settings.setValue(settingsKey, code);
    else
        settings.remove(settingsKey);
}

QString LanguageSettings::pick(const QStringList &uiLanguages)
{
    for (const QString &name : uiLanguages) {
        const QLocale locale(name);
        switch (locale.language()) {
        case QLocale::English:
            return english;
        case QLocale::German:
            return QStringLiteral("de");
        case QLocale::French:
            return QStringLiteral("fr");
        case QLocale::Spanish:
            return QStringLiteral("es");
        case QLocale::Chinese:
            // QLocale fills in the script a name leaves out: "zh-TW" is traditional.
            if (locale.script() == QLocale::SimplifiedHanScript)
                return QStringLiteral("zh_CN");
            break;
        default:
            break;
        }
    }
    return english;
}

QString LanguageSettings::effective()
{
    const QString code = saved();
    return code.isEmpty() ? pick(QLocale::system().uiLanguages()) : code;
}

} // namespace Retort
