// SPDX-License-Identifier: GPL-3.0-or-later
#include "runconfirmationdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Retort {

RunConfirmationDialog::RunConfirmationDialog(const QString &title, const QString &summary,
                                             const QString &details, const QString &databaseDisplay,
                                             const QString &productionName, QWidget *parent)
    : QDialog(parent)
    , m_productionName(productionName)
{
    setWindowTitle(title);
    auto *icon = new QLabel(this);
    const bool production = !productionName.isEmpty();
    icon->setPixmap(style()->standardIcon(production ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxQuestion)
                        .pixmap(48, 48));
    auto *text = new QLabel(QStringLiteral("<p><b>%1</b></p><p>%2</p><p>%3</p>")
                                .arg(summary.toHtmlEscaped(), tr("Database: %1").arg(databaseDisplay.toHtmlEscaped()),
                                     details),
                            this);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setMinimumWidth(420);

    auto *row = new QHBoxLayout;
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addWidget(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *run = m_buttons->addButton(tr("&Run"), QDialogButtonBox::AcceptRole);
    m_buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (production) {
        auto *warning = new QLabel(tr("This is a <b>production</b> database. Type its name, "
                                      "<b>%1</b>, to run.")
                                       .arg(productionName.toHtmlEscaped()),
                                   this);
        warning->setWordWrap(true);
        m_confirmation = new QLineEdit(this);
        m_confirmation->setPlaceholderText(productionName);
        layout->addWidget(warning);
        layout->addWidget(m_confirmation);
        run->setEnabled(false);
        connect(m_confirmation, &QLineEdit::textChanged, this, [this, run] { run->setEnabled(canRun()); });
    }
    layout->addWidget(m_buttons);
}

bool RunConfirmationDialog::canRun() const
{
    return !m_confirmation || m_confirmation->text() == m_productionName;
}

} // namespace Retort
