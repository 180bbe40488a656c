// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/translationloader.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace Retort {

TranslationLoader::TranslationLoader()
    : m_language(QStringLiteral("en"))
{
}

TranslationLoader::~TranslationLoader()
{
    remove();
}

bool TranslationLoader::install(const QString &code)
{
    remove();
    if (code.isEmpty() || code == QLatin1String("en"))
        return true;
    auto retort = std::make_unique<QTranslator>();
    // The exact file: QTranslator's fallback through shorter names could turn "zh_TW" into "zh".
    const QString file = QStringLiteral(":/i18n/retort_%1.qm").arg(code);
    if (!QFile::exists(file) || !retort->load(file))
        return false;
    QCoreApplication::installTranslator(retort.get());
    m_retort = std::move(retort);

    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        m_qt = std::move(qt);
    }
    m_language = code;
    return true;
}

QString TranslationLoader::language() const
{
    return m_language;
}

void TranslationLoader::remove()
{
    if (m_qt)
        QCoreApplication::removeTranslator(m_qt.get());
    if (m_retort)
        QCoreApplication::removeTranslator(m_retort.get());
    m_qt.reset();
    m_retort.reset();
    m_language = QStringLiteral("en");
}

} // namespace Retort
