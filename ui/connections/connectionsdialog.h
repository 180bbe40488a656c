// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connections/connectionprofile.h"
#include "connections/databaseprobe.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Retort {

class PasswordStore;

// Edits the connection profiles: a list of names beside a form (name, SQLAlchemy URL,
// password, production flag) and "Test connection", which connects off the GUI thread
// (DatabaseProbe) and says what it found. On accept the profiles go to QSettings without
// their passwords and the passwords to the PasswordStore (keychain, or this session only
// — the dialog says which). GUI thread only.
class ConnectionsDialog : public QDialog
{
    Q_OBJECT
public:
    ConnectionsDialog(PasswordStore *passwords, QWidget *parent = nullptr);

    // The URL the project itself uses (password stripped), offered for new profiles.
    void setProjectDefault(const QString &url, const QString &source);
    void setProfiles(const QList<ConnectionProfile> &profiles);
    QList<ConnectionProfile> profiles() const { return m_profiles; }
    // Selects a profile by id in the list.
    void selectProfile(const QString &id);

    // The form's widgets, for tests.
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *urlField() const { return m_url; }
    QLineEdit *passwordField() const { return m_password; }
    QCheckBox *productionBox() const { return m_production; }
    QPushButton *testButton() const { return m_testButton; }
    QLabel *testResultLabel() const { return m_testResult; }

    void addProfile();
    void removeProfile();
    void testConnection();
    // Stores profiles and passwords (what OK does).
    void apply();

Q_SIGNALS:
    void testFinished(const Retort::DatabaseProbeResult &result);

private:
    void showProfile(int row);
    void formEdited();
    void showTestResult(const DatabaseProbeResult &result);
    int currentRow() const;

    PasswordStore *m_passwords = nullptr;
    DatabaseProbe *m_probe = nullptr;
    QList<ConnectionProfile> m_profiles;
    QHash<QString, QString> m_enteredPasswords; // id -> password typed in this dialog
    QString m_projectUrl;
    bool m_filling = false;

    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_production = nullptr;
    QLabel *m_passwordNote = nullptr;
    QPushButton *m_testButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QLabel *m_testResult = nullptr;
    QWidget *m_form = nullptr;
};

} // namespace Retort
