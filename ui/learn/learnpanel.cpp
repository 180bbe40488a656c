// SPDX-License-Identifier: GPL-3.0-or-later
#include "learnpanel.h"

#include "learn/glossarywidget.h"
#include "learn/guidedtour.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QLabel>
#include <QListWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Retort {

namespace {

constexpr int MaxCommands = 200;
constexpr int CommandRole = Qt::UserRole + 1;

} // namespace

LearnPanel::LearnPanel(QWidget *parent)
    : QWidget(parent)
{
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);

    auto *commandsPage = new QWidget(m_tabs);
    auto *intro = new QLabel(tr("The <tt>alembic</tt> command that does what Retort does, "
                                "newest first. Select one and press Ctrl+C to copy it."),
                             commandsPage);
    intro->setWordWrap(true);
    m_commands = new QListWidget(commandsPage);
    m_commands->setAlternatingRowColors(true);
    m_commands->setSelectionMode(QAbstractItemView::SingleSelection);
    auto *copy = new QAction(tr("Copy Command"), m_commands);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] {
        if (QListWidgetItem *item = m_commands->currentItem())
            QApplication::clipboard()->setText(item->data(CommandRole).toString());
    });
    m_commands->addAction(copy);
    m_commands->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *commandsLayout = new QVBoxLayout(commandsPage);
    commandsLayout->addWidget(intro);
    commandsLayout->addWidget(m_commands, 1);

    m_glossary = new GlossaryWidget(m_tabs);
    m_tour = new GuidedTour(m_tabs);

    m_tabs->addTab(commandsPage, tr("Commands"));
    m_tabs->addTab(m_glossary, tr("Glossary"));
    m_tabs->addTab(m_tour, tr("Tour"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

void LearnPanel::showCommand(const QString &command, const QString &explanation)
{
    if (lastCommand() == command && m_commands->count() > 0 &&
        m_commands->item(0)->toolTip() == explanation)
        return;
    auto *item = new QListWidgetItem;
    item->setData(CommandRole, command);
    item->setData(Qt::AccessibleTextRole, QStringLiteral("$ %1\n%2").arg(command, explanation));
    item->setToolTip(explanation);
    // The command in the fixed font, what it does below it in the normal one.
    auto *label = new QLabel(m_commands);
    label->setTextFormat(Qt::RichText);
    label->setContentsMargins(4, 3, 4, 3);
    label->setAttribute(Qt::WA_TransparentForMouseEvents);
    const QString fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont).family();
    label->setText(QStringLiteral("<div style=\"font-family:'%1'\"><b>$ %2</b></div><div>%3</div>")
                       .arg(fixed, command.toHtmlEscaped(), explanation.toHtmlEscaped()));
    m_commands->insertItem(0, item);
    m_commands->setItemWidget(item, label);
    item->setSizeHint(label->sizeHint());
    while (m_commands->count() > MaxCommands)
        delete m_commands->takeItem(m_commands->count() - 1);
}

QString LearnPanel::lastCommand() const
{
    return m_commands->count() > 0 ? m_commands->item(0)->data(CommandRole).toString() : QString();
}

QStringList LearnPanel::commands() const
{
    QStringList list;
    for (int row = 0; row < m_commands->count(); ++row)
        list << m_commands->item(row)->data(CommandRole).toString();
    return list;
}

void LearnPanel::showGlossary()
{
    m_tabs->setCurrentWidget(m_glossary);
}

void LearnPanel::showTour()
{
    m_tabs->setCurrentWidget(m_tour);
}

} // namespace Retort
