// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <memory>

class QTranslator;

namespace Retort {

// Installs the translators of one language into the running application: Retort's own
// (the .qm files embedded under :/i18n) and Qt's qtbase catalogue (standard dialog buttons),
// when the system has it. Owns the translators and removes them again when it is destroyed
// or another language is installed; a QEvent::LanguageChange reaches every widget then.
// GUI thread only; the QCoreApplication must exist for as long as the loader does.
class TranslationLoader
{
public:
    TranslationLoader();
    ~TranslationLoader();
    TranslationLoader(const TranslationLoader &) = delete;
    TranslationLoader &operator=(const TranslationLoader &) = delete;

    // Installs the language with this code (LanguageSettings' codes); "en" installs none.
    // Returns false, leaving the source text, when Retort has no translation for it.
    bool install(const QString &code);
    // The installed language: "en" until install() succeeds with another.
    QString language() const;

private:
    void remove();

    std::unique_ptr<QTranslator> m_retort;
    std::unique_ptr<QTranslator> m_qt;
    QString m_language;
};

} // namespace Retort
