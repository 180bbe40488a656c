// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;

namespace Retort {

// Asks before a run: states what will run ("3 migrations: a → b → c; version a → c"),
// on which database, and the alembic command. For a production profile the user must
// type the database's name before Run is enabled. GUI thread only.
class RunConfirmationDialog : public QDialog
{
    Q_OBJECT
public:
    RunConfirmationDialog(const QString &title, const QString &summary, const QString &details,
                          const QString &databaseDisplay, const QString &productionName,
                          QWidget *parent = nullptr);

    // The production name field (nullptr without one), and whether Run is enabled.
    QLineEdit *confirmationField() const { return m_confirmation; }
    bool canRun() const;

private:
    QLineEdit *m_confirmation = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QString m_productionName;
};

} // namespace Retort
