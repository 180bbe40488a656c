// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/languagemenu.h"
#include "settings/languagesettings.h"

#include <QActionGroup>
#include <QMessageBox>

namespace Retort {

LanguageMenu::LanguageMenu(QWidget *parent)
    : QMenu(tr("&Language"), parent)
    , m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("languageMenu"));
    m_group->setExclusive(true);
    const QString saved = LanguageSettings::saved();

    QAction *system = addAction(tr("&System Default"));
    system->setData(QString());
    system->setCheckable(true);
    system->setChecked(saved.isEmpty());
    m_group->addAction(system);
    addSeparator();
    const QList<LanguageSettings::Language> languages = LanguageSettings::available();
    for (const LanguageSettings::Language &language : languages) {
        // Native names stay untranslated: a reader looks for their own language's name.
        QAction *entry = addAction(language.nativeName);
        entry->setData(language.code);
        entry->setCheckable(true);
        entry->setChecked(saved == language.code);
        m_group->addAction(entry);
    }
    addSeparator();
    QAction *note = addAction(tr("Applies when Retort starts again"));
    note->setEnabled(false);

    connect(m_group, &QActionGroup::triggered, this, &LanguageMenu::choose);
}

QAction *LanguageMenu::action(const QString &code) const
{
    const QList<QAction *> entries = m_group->actions();
    for (QAction *entry : entries) {
        if (entry->data().toString() == code)
            return entry;
    }
    return nullptr;
}

void LanguageMenu::choose(QAction *action)
{
    const QString code = action->data().toString();
    LanguageSettings::save(code);
    Q_EMIT languageChosen(code);

    const QString text = code.isEmpty()
                             ? tr("Retort follows the system's language from its next start.")
                             : tr("Retort uses %1 from its next start.").arg(action->text());
    auto *box = new QMessageBox(QMessageBox::Information, tr("Language"), text, QMessageBox::Ok, parentWidget());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace Retort
