// SPDX-License-Identifier: GPL-3.0-or-later
#include "newrevisiondialog.h"

#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QLineEdit>
#include <QRegularExpression>

namespace Retort {

namespace {

QString shortId(const QString &id)
{
    return id.left(12);
}

// "3f2a9c1b7d04 (shop) — add orders": how a revision reads in the parent chooser.
QString describe(const RevisionMap &map, const QString &id)
{
    const Revision *revision = map.revision(id);
    const QStringList labels = map.branchLabels(id);
    QString text = shortId(id);
    if (!labels.isEmpty())
        text += QStringLiteral(" (%1)").arg(labels.join(QLatin1String(", ")));
    if (revision && !revision->doc().isEmpty())
        text += QStringLiteral(" — ") + revision->doc();
    return text;
}

} // namespace

NewRevisionDialog::NewRevisionDialog(const LoadedProject &project, const QString &selected, QWidget *parent)
    : RevisionDialogBase(project, parent)
    , m_message(new QLineEdit(this))
    , m_parent(new QComboBox(this))
    , m_branchLabel(new QLineEdit(this))
    , m_dependsOn(new QLineEdit(this))
    , m_revisionId(new QLineEdit(this))
{
    setWindowTitle(tr("New Revision"));
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setPlaceholderText(tr("What the migration does, e.g. “add an index on orders.created_at”"));
    m_parent->setObjectName(QStringLiteral("parent"));
    m_parent->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_parent->setMinimumContentsLength(40);
    m_branchLabel->setObjectName(QStringLiteral("branchLabel"));
    m_branchLabel->setPlaceholderText(tr("Optional, e.g. “reporting”"));
    m_dependsOn->setObjectName(QStringLiteral("dependsOn"));
    m_dependsOn->setPlaceholderText(tr("Optional: revision ids or branch labels, separated by commas"));
    m_revisionId->setObjectName(QStringLiteral("revisionId"));
    m_revisionId->setPlaceholderText(tr("Random: %1").arg(generatedId()));

    auto *form = new QFormLayout;
    form->addRow(tr("&Message:"), m_message);
    form->addRow(tr("&Build on:"), m_parent);
    form->addRow(tr("Branch &label:"), m_branchLabel);
    form->addRow(tr("&Depends on:"), m_dependsOn);
    const QStringList locations = project.layout ? project.layout->configuredVersionLocations : QStringList();
    if (locations.size() > 1) {
        m_versionPath = new QComboBox(this);
        m_versionPath->setObjectName(QStringLiteral("versionPath"));
        m_versionPath->addItem(tr("Automatic (the folder of the revision it builds on)"), QString());
        for (const QString &location : locations)
            m_versionPath->addItem(QDir::toNativeSeparators(QDir(project.layout->projectPath).relativeFilePath(location)),
                                   location);
        form->addRow(tr("&Version folder:"), m_versionPath);
        connect(m_versionPath, &QComboBox::currentIndexChanged, this, &NewRevisionDialog::validate);
    }
    form->addRow(tr("Revision &id:"), m_revisionId);
    fillParents(selected);

    for (QLineEdit *field : {m_message, m_branchLabel, m_dependsOn, m_revisionId})
        connect(field, &QLineEdit::textChanged, this, &NewRevisionDialog::validate);
    connect(m_parent, &QComboBox::currentIndexChanged, this, &NewRevisionDialog::validate);
    finishLayout(form, tr("&Create Revision"));
    m_message->setFocus();
}

void NewRevisionDialog::fillParents(const QString &selected)
{
    const RevisionMap &map = project().map;
    const QStringList heads = map.heads();
    if (heads.size() == 1) {
        m_parent->addItem(tr("head: %1").arg(describe(map, heads.first())), QStringLiteral("head"));
    } else {
        for (const QString &head : heads)
            m_parent->addItem(tr("head: %1").arg(describe(map, head)), head);
    }
    const bool selectedIsHead = map.isHead(selected);
    if (map.contains(selected) && !selectedIsHead)
        m_parent->addItem(tr("new branch from %1").arg(describe(map, selected)), selected);
    m_parent->addItem(tr("base: a new, independent history"), QStringLiteral("base"));

    m_parent->setPlaceholderText(tr("Choose the head to build on"));
    if (heads.isEmpty()) // the first revision of the project
        m_parent->setCurrentIndex(m_parent->findData(QStringLiteral("base")));
    else if (heads.size() == 1)
        m_parent->setCurrentIndex(0);
    else if (selectedIsHead)
        m_parent->setCurrentIndex(m_parent->findData(selected));
    else
        m_parent->setCurrentIndex(-1); // several heads: the user must say which
}

QString NewRevisionDialog::parentArgument() const
{
    return m_parent->currentData().toString();
}

bool NewRevisionDialog::setParentArgument(const QString &argument)
{
    const int index = m_parent->findData(argument);
    if (index < 0)
        return false;
    m_parent->setCurrentIndex(index);
    return true;
}

bool NewRevisionDialog::splices() const
{
    const QString parent = parentArgument();
    return project().map.contains(parent) && !project().map.isHead(parent);
}

QStringList NewRevisionDialog::dependsOnList() const
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return m_dependsOn->text().split(separators, Qt::SkipEmptyParts);
}

RevisionRequest NewRevisionDialog::request() const
{
    RevisionRequest request;
    request.message = m_message->text().trimmed();
    if (!parentArgument().isEmpty())
        request.heads = {parentArgument()};
    request.splice = splices();
    request.branchLabel = m_branchLabel->text().trimmed();
    request.dependsOn = dependsOnList();
    request.revisionId = m_revisionId->text().trimmed().isEmpty() ? generatedId() : m_revisionId->text().trimmed();
    if (m_versionPath)
        request.versionPath = m_versionPath->currentData().toString();
    return request;
}

QString NewRevisionDialog::alembicCommand() const
{
    const RevisionRequest wanted = request();
    QStringList parts{alembicPrefix(), QStringLiteral("revision"), QStringLiteral("-m"),
                      shellQuote(wanted.message.value_or(QString()))};
    if (!parentArgument().isEmpty() && parentArgument() != QLatin1String("head"))
        parts << QStringLiteral("--head") << shellQuote(parentArgument());
    if (wanted.splice)
        parts << QStringLiteral("--splice");
    if (!wanted.branchLabel.isEmpty())
        parts << QStringLiteral("--branch-label") << shellQuote(wanted.branchLabel);
    for (const QString &dependency : wanted.dependsOn)
        parts << QStringLiteral("--depends-on") << shellQuote(dependency);
    if (!wanted.versionPath.isEmpty())
        parts << QStringLiteral("--version-path") << shellQuote(wanted.versionPath);
    if (!m_revisionId->text().trimmed().isEmpty())
        parts << QStringLiteral("--rev-id") << shellQuote(wanted.revisionId);
    return parts.join(QLatin1Char(' '));
}

QString NewRevisionDialog::formProblem() const
{
    if (m_message->text().trimmed().isEmpty())
        return tr("Enter a message: it becomes the migration's docstring and part of its file name.");
    if (parentArgument().isEmpty())
        return tr("The project has %1 heads: choose the one the new revision builds on, or merge them first.")
            .arg(project().map.heads().size());
    const QString label = m_branchLabel->text().trimmed();
    if (splices() && label.isEmpty())
        return tr("%1 is not a head, so the new revision starts a second branch from it. Give the branch a "
                  "label, so that it can be upgraded on its own (alembic upgrade LABEL@head).")
            .arg(shortId(parentArgument()));
    if (!label.isEmpty()) {
        static const QRegularExpression bad(QStringLiteral("[\\s@:+]"));
        if (label.contains(bad))
            return tr("A branch label cannot contain spaces, “@”, “:” or “+”: Alembic reads “%1” as a "
                      "revision expression.")
                .arg(label);
    }
    return QString();
}

QString NewRevisionDialog::formHint() const
{
    if (parentArgument() == QLatin1String("base") && !project().map.isEmpty() &&
        m_branchLabel->text().trimmed().isEmpty())
        return tr("A new base starts a history of its own, and the project gets one more head. A branch "
                  "label lets you upgrade it on its own (alembic upgrade LABEL@head).");
    if (splices())
        return tr("The new revision starts a branch from %1; the project will have one more head.")
            .arg(shortId(parentArgument()));
    return QString();
}

} // namespace Retort
