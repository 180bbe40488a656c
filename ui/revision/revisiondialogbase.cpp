// SPDX-License-Identifier: GPL-3.0-or-later
#include "revisiondialogbase.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Retort {

RevisionDialogBase::RevisionDialogBase(const LoadedProject &project, QWidget *parent)
    : QDialog(parent)
    , m_project(project)
    , m_generatedId(RevisionWriter::newRevisionId())
{
}

RevisionDialogBase::~RevisionDialogBase() = default;

void RevisionDialogBase::finishLayout(QFormLayout *form, const QString &okText)
{
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_fileLabel = new QLabel(this);
    m_fileLabel->setObjectName(QStringLiteral("fileLabel"));
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fileLabel->setWordWrap(true);
    // One line that scrolls rather than a label that wraps inside an option: the
    // command is there to be read and copied whole.
    m_command = new QLineEdit(this);
    m_command->setObjectName(QStringLiteral("command"));
    m_command->setReadOnly(true);
    m_command->setFrame(false);
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_command->setFocusPolicy(Qt::ClickFocus);
    m_command->setToolTip(tr("The alembic command that creates the same file"));
    QPalette commandPalette = m_command->palette();
    commandPalette.setColor(QPalette::Base, Qt::transparent);
    commandPalette.setColor(QPalette::Text, commandPalette.color(QPalette::PlaceholderText));
    m_command->setPalette(commandPalette);
    form->addRow(tr("File:"), m_fileLabel);
    form->addRow(tr("Same as:"), m_command);

    m_messageIcon = new QLabel(this);
    m_messageIcon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("validationMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Two lines are reserved so that the dialog does not jump while the user types.
    m_message->setMinimumHeight(m_message->fontMetrics().lineSpacing() * 2);
    auto *messageRow = new QHBoxLayout;
    messageRow->setSpacing(8);
    messageRow->addWidget(m_messageIcon, 0, Qt::AlignTop);
    messageRow->addWidget(m_message, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(okText);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RevisionDialogBase::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RevisionDialogBase::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(4);
    layout->addLayout(messageRow);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(560);
    validate();
}

void RevisionDialogBase::setCreateDate(const QDateTime &date)
{
    m_createDate = date;
    validate();
}

QString RevisionDialogBase::shellQuote(const QString &argument)
{
    static const QString safe = QStringLiteral(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@%+=:,./_-");
    bool plain = !argument.isEmpty();
    for (const QChar c : argument)
        plain = plain && safe.contains(c);
    if (plain)
        return argument;
    QString quoted = argument;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\"'\"'"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString RevisionDialogBase::alembicPrefix() const
{
    const QString ini = m_project.layout ? QFileInfo(m_project.layout->iniPath).fileName() : QString();
    if (ini.isEmpty() || ini == QLatin1String("alembic.ini"))
        return QStringLiteral("alembic");
    return QStringLiteral("alembic -c ") + shellQuote(ini);
}

QString RevisionDialogBase::relativePath(const QString &path) const
{
    if (!m_project.layout)
        return QDir::toNativeSeparators(path);
    return QDir::toNativeSeparators(QDir(m_project.layout->projectPath).relativeFilePath(path));
}

// What the file system would refuse, checked before anything is written.
QString RevisionDialogBase::diskProblem(const RevisionFile &file) const
{
    if (const Revision *existing = m_project.map.revision(file.id))
        return tr("Revision %1 already exists (%2). Leave the revision id empty to get a new one.")
            .arg(file.id, relativePath(existing->path));
    const QFileInfo target(file.path);
    if (target.exists())
        return tr("%1 already exists. Change the message or the revision id.").arg(relativePath(file.path));
    // The folder, or the nearest existing one above it when it is still to be created.
    QFileInfo folder(target.absolutePath());
    while (!folder.exists() && folder.absoluteFilePath() != folder.absolutePath())
        folder = QFileInfo(folder.absolutePath());
    if (folder.exists() && !folder.isDir())
        return tr("%1 is a file, not a folder: the revision cannot be written there.")
            .arg(QDir::toNativeSeparators(folder.absoluteFilePath()));
    if (!folder.isWritable())
        return tr("The folder %1 is not writable: check its permissions.")
            .arg(QDir::toNativeSeparators(folder.absoluteFilePath()));
    return QString();
}

bool RevisionDialogBase::validate()
{
    m_problem = formProblem();
    m_hint = formHint();
    m_plannedPath.clear();
    if (!m_project.isOpen()) {
        m_problem = tr("Open a project first.");
    } else if (m_problem.isEmpty()) {
        RevisionRequest wanted = request();
        wanted.createDate = m_createDate;
        const Result<RevisionFile> file = RevisionWriter(*m_project.layout, m_project.map).prepare(wanted);
        if (!file) {
            m_problem = file.error();
        } else {
            m_plannedPath = file->path;
            m_problem = diskProblem(file.value());
        }
    }
    if (m_fileLabel)
        showState();
    return m_problem.isEmpty();
}

void RevisionDialogBase::showState()
{
    m_fileLabel->setText(m_plannedPath.isEmpty() ? tr("—") : relativePath(m_plannedPath));
    m_fileLabel->setToolTip(QDir::toNativeSeparators(m_plannedPath));
    m_command->setText(alembicCommand());
    m_command->setCursorPosition(0);
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    QString text;
    if (!m_problem.isEmpty()) {
        icon = QStyle::SP_MessageBoxWarning;
        text = m_problem;
    } else if (!m_hint.isEmpty()) {
        text = m_hint;
    } else {
        text = tr("Ready: the file is written from the project's script.py.mako, then opened in the editor.");
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_messageIcon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
    m_message->setText(text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
}

void RevisionDialogBase::accept()
{
    m_errorString.clear();
    if (!validate())
        return;
    RevisionRequest wanted = request();
    wanted.createDate = m_createDate;
    const Result<RevisionFile> file = RevisionWriter(*m_project.layout, m_project.map).write(wanted);
    if (!file) {
        m_errorString = tr("The revision file could not be written: %1").arg(file.error());
        m_problem = m_errorString;
        showState();
        return;
    }
    m_written = file.value();
    QDialog::accept();
}

} // namespace Retort
