// SPDX-License-Identifier: GPL-3.0-or-later
#include "mergedialog.h"

#include <QFormLayout>
#include <QLineEdit>
#include <QListWidget>

namespace Retort {

MergeDialog::MergeDialog(const LoadedProject &project, const QStringList &selected, QWidget *parent)
    : RevisionDialogBase(project, parent)
    , m_message(new QLineEdit(this))
    , m_heads(new QListWidget(this))
    , m_branchLabel(new QLineEdit(this))
    , m_revisionId(new QLineEdit(this))
{
    setWindowTitle(tr("Merge Heads"));
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setPlaceholderText(tr("e.g. “merge shop and audit”"));
    m_heads->setObjectName(QStringLiteral("heads"));
    m_branchLabel->setObjectName(QStringLiteral("branchLabel"));
    m_branchLabel->setPlaceholderText(tr("Optional"));
    m_revisionId->setObjectName(QStringLiteral("revisionId"));
    m_revisionId->setPlaceholderText(tr("Random: %1").arg(generatedId()));

    const RevisionMap &map = project.map;
    const QStringList heads = map.heads();
    QStringList preselected;
    for (const QString &id : selected) {
        if (map.isHead(id))
            preselected << id;
    }
    if (preselected.size() < 2)
        preselected = heads;
    for (const QString &head : heads) {
        const Revision *revision = map.revision(head);
        const QStringList labels = map.branchLabels(head);
        QString text = head.left(12);
        if (!labels.isEmpty())
            text += QStringLiteral(" (%1)").arg(labels.join(QLatin1String(", ")));
        if (revision && !revision->doc().isEmpty())
            text += QStringLiteral(" — ") + revision->doc();
        auto *item = new QListWidgetItem(text, m_heads);
        item->setData(Qt::UserRole, head);
        item->setToolTip(head);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(preselected.contains(head) ? Qt::Checked : Qt::Unchecked);
    }
    // Tall enough for the usual two to four heads without a scroll bar.
    const int rows = qBound(2, int(heads.size()), 6);
    m_heads->setFixedHeight(m_heads->sizeHintForRow(0) * rows + 2 * m_heads->frameWidth() + 4);

    auto *form = new QFormLayout;
    form->addRow(tr("&Message:"), m_message);
    form->addRow(tr("&Heads to merge:"), m_heads);
    form->addRow(tr("Branch &label:"), m_branchLabel);
    form->addRow(tr("Revision &id:"), m_revisionId);

    for (QLineEdit *field : {m_message, m_branchLabel, m_revisionId})
        connect(field, &QLineEdit::textChanged, this, &MergeDialog::validate);
    connect(m_heads, &QListWidget::itemChanged, this, &MergeDialog::validate);
    finishLayout(form, tr("&Merge"));
    m_message->setFocus();
}

QStringList MergeDialog::checkedHeads() const
{
    QStringList heads;
    for (int row = 0; row < m_heads->count(); ++row) {
        if (m_heads->item(row)->checkState() == Qt::Checked)
            heads << m_heads->item(row)->data(Qt::UserRole).toString();
    }
    return heads;
}

void MergeDialog::setCheckedHeads(const QStringList &heads)
{
    for (int row = 0; row < m_heads->count(); ++row) {
        QListWidgetItem *item = m_heads->item(row);
        item->setCheckState(heads.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
}

QStringList MergeDialog::revisionArguments() const
{
    const QStringList checked = checkedHeads();
    if (checked.size() == m_heads->count() && checked.size() > 1)
        return {QStringLiteral("heads")};
    return checked;
}

RevisionRequest MergeDialog::request() const
{
    RevisionRequest request;
    request.message = m_message->text().trimmed();
    request.merge = true;
    request.heads = revisionArguments();
    request.branchLabel = m_branchLabel->text().trimmed();
    request.revisionId = m_revisionId->text().trimmed().isEmpty() ? generatedId() : m_revisionId->text().trimmed();
    return request;
}

QString MergeDialog::alembicCommand() const
{
    const RevisionRequest wanted = request();
    QStringList parts{alembicPrefix(), QStringLiteral("merge"), QStringLiteral("-m"),
                      shellQuote(wanted.message.value_or(QString()))};
    if (!wanted.branchLabel.isEmpty())
        parts << QStringLiteral("--branch-label") << shellQuote(wanted.branchLabel);
    if (!m_revisionId->text().trimmed().isEmpty())
        parts << QStringLiteral("--rev-id") << shellQuote(wanted.revisionId);
    for (const QString &head : wanted.heads)
        parts << shellQuote(head);
    return parts.join(QLatin1Char(' '));
}

QString MergeDialog::formProblem() const
{
    if (m_heads->count() < 2)
        return tr("The project has only one head: there is nothing to merge.");
    if (m_message->text().trimmed().isEmpty())
        return tr("Enter a message: it becomes the merge's docstring and part of its file name.");
    if (checkedHeads().size() < 2)
        return tr("Check at least two heads to merge.");
    return QString();
}

} // namespace Retort
