// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionsdialog.h"
#include "icons.h"

#include "connections/connectionprofilestore.h"
#include "connections/passwordstore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace Retort {

ConnectionsDialog::ConnectionsDialog(PasswordStore *passwords, QWidget *parent)
    : QDialog(parent)
    , m_passwords(passwords)
    , m_probe(new DatabaseProbe(this))
{
    setWindowTitle(tr("Database Connections"));

    m_list = new QListWidget(this);
    m_list->setMinimumWidth(180);
    auto *addButton = new QPushButton(Icons::action(QStringLiteral("list-add")), tr("&Add"), this);
    m_removeButton = new QPushButton(Icons::action(QStringLiteral("list-remove")), tr("&Remove"), this);
    connect(addButton, &QPushButton::clicked, this, &ConnectionsDialog::addProfile);
    connect(m_removeButton, &QPushButton::clicked, this, &ConnectionsDialog::removeProfile);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(addButton);
    listButtons->addWidget(m_removeButton);
    auto *listColumn = new QVBoxLayout;
    listColumn->addWidget(m_list, 1);
    listColumn->addLayout(listButtons);

    m_form = new QWidget(this);
    m_name = new QLineEdit(m_form);
    m_url = new QLineEdit(m_form);
    m_url->setPlaceholderText(QStringLiteral("postgresql://user@host:5432/database"));
    m_url->setMinimumWidth(360);
    m_password = new QLineEdit(m_form);
    m_password->setEchoMode(QLineEdit::Password);
    m_production = new QCheckBox(tr("Production database: ask me to type its name before "
                                    "running migrations"),
                                 m_form);
    m_passwordNote = new QLabel(m_form);
    m_passwordNote->setWordWrap(true);
    m_passwordNote->setForegroundRole(QPalette::PlaceholderText);
    m_passwordNote->setText(
        PasswordStore::hasKeychain()
            ? tr("Passwords are kept in the system keychain, never in Retort's settings.")
            : tr("This build of Retort has no keychain support: passwords are kept in memory "
                 "until Retort quits and asked for again next time."));
    m_testButton = new QPushButton(Icons::action(QStringLiteral("network-connect")),
                                   tr("&Test Connection"), m_form);
    m_testResult = new QLabel(m_form);
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_testButton, &QPushButton::clicked, this, &ConnectionsDialog::testConnection);

    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_passwordNote);
    form->addRow(QString(), m_production);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_testButton);
    testRow->addStretch();
    form->addRow(QString(), testRow);
    form->addRow(QString(), m_testResult);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *columns = new QHBoxLayout;
    columns->addLayout(listColumn);
    columns->addWidget(m_form, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectionsDialog::showProfile);
    for (QLineEdit *field : {m_name, m_url, m_password})
        connect(field, &QLineEdit::textEdited, this, &ConnectionsDialog::formEdited);
    connect(m_production, &QCheckBox::toggled, this, &ConnectionsDialog::formEdited);
    connect(m_probe, &DatabaseProbe::finished, this, &ConnectionsDialog::showTestResult);

    setProfiles(ConnectionProfileStore::load());
}

void ConnectionsDialog::setProjectDefault(const QString &url, const QString &source)
{
    m_projectUrl = UrlPassword::strip(url);
    m_url->setToolTip(m_projectUrl.isEmpty() ? QString()
                                             : tr("The project's own URL comes %1.").arg(source));
}

void ConnectionsDialog::setProfiles(const QList<ConnectionProfile> &profiles)
{
    m_profiles = profiles;
    m_list->clear();
    for (const ConnectionProfile &profile : profiles)
        m_list->addItem(profile.name);
    m_list->setCurrentRow(profiles.isEmpty() ? -1 : 0);
    showProfile(currentRow());
}

void ConnectionsDialog::selectProfile(const QString &id)
{
    for (int row = 0; row < m_profiles.size(); ++row) {
        if (m_profiles.at(row).id == id)
            m_list->setCurrentRow(row);
    }
}

int ConnectionsDialog::currentRow() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_profiles.size() ? row : -1;
}

void ConnectionsDialog::addProfile()
{
    ConnectionProfile profile;
    profile.id = ConnectionProfileStore::newId();
    profile.name = tr("New connection");
    profile.url = m_projectUrl;
    m_profiles << profile;
    m_list->addItem(profile.name);
    m_list->setCurrentRow(int(m_profiles.size()) - 1);
    m_name->setFocus();
    m_name->selectAll();
}

void ConnectionsDialog::removeProfile()
{
    const int row = currentRow();
    if (row < 0)
        return;
    m_enteredPasswords.insert(m_profiles.at(row).id, QString());
    m_profiles.removeAt(row);
    delete m_list->takeItem(row);
    showProfile(currentRow());
}

void ConnectionsDialog::showProfile(int row)
{
    m_filling = true;
    const bool valid = row >= 0 && row < m_profiles.size();
    m_form->setEnabled(valid);
    m_removeButton->setEnabled(valid);
    const ConnectionProfile profile = valid ? m_profiles.at(row) : ConnectionProfile();
    m_name->setText(profile.name);
    m_url->setText(profile.url);
    m_production->setChecked(profile.production);
    m_testResult->clear();
    m_password->clear();
    if (valid) {
        if (m_enteredPasswords.contains(profile.id)) {
            m_password->setText(m_enteredPasswords.value(profile.id));
        } else {
            const QString id = profile.id;
            m_passwords->fetch(id, [this, id](const QString &password) {
                if (currentRow() >= 0 && m_profiles.at(currentRow()).id == id &&
                    !m_enteredPasswords.contains(id)) {
                    m_password->setText(password);
                }
            });
        }
    }
    m_filling = false;
}

void ConnectionsDialog::formEdited()
{
    const int row = currentRow();
    if (m_filling || row < 0)
        return;
    ConnectionProfile &profile = m_profiles[row];
    profile.name = m_name->text().trimmed();
    // A password typed into the URL moves to the password field: it must not be saved.
    QString password;
    const QString stripped = UrlPassword::strip(m_url->text().trimmed(), &password);
    if (!password.isEmpty()) {
        m_url->setText(stripped);
        m_password->setText(QUrl::fromPercentEncoding(password.toUtf8()));
    }
    profile.url = stripped;
    profile.production = m_production->isChecked();
    m_enteredPasswords.insert(profile.id, m_password->text());
    m_list->item(row)->setText(profile.name);
}

void ConnectionsDialog::testConnection()
{
    const QString url = UrlPassword::insert(
        m_url->text().trimmed(), QString::fromLatin1(QUrl::toPercentEncoding(m_password->text())));
    m_testButton->setEnabled(false);
    m_testResult->setText(tr("Connecting…"));
    m_probe->probe(url, VersionTableSql::Table());
}

void ConnectionsDialog::showTestResult(const DatabaseProbeResult &result)
{
    m_testButton->setEnabled(true);
    QString text;
    if (!result.ok) {
        text = tr("<b>Failed:</b> %1").arg(result.errorString.toHtmlEscaped());
    } else if (result.noDatabaseYet) {
        text = tr("The SQLite file does not exist yet; the first upgrade creates it.");
    } else {
        text = tr("<b>Connected</b> to %1 (server %2).")
                   .arg(result.displayUrl.toHtmlEscaped(), result.serverVersion.toHtmlEscaped());
        text += QLatin1Char(' ') +
                (result.revisions.isEmpty()
                     ? tr("No migration has been applied.")
                     : tr("Current revision: %1.")
                           .arg(result.revisions.join(QLatin1String(", ")).toHtmlEscaped()));
    }
    m_testResult->setText(text);
    Q_EMIT testFinished(result);
}

void ConnectionsDialog::apply()
{
    ConnectionProfileStore::save(m_profiles);
    for (auto it = m_enteredPasswords.cbegin(); it != m_enteredPasswords.cend(); ++it)
        m_passwords->store(it.key(), it.value());
}

} // namespace Retort
