// SPDX-License-Identifier: GPL-3.0-or-later
#include "stampghostdialog.h"
#include "icons.h"

#include "db/databaseurl.h"
#include "editor/codeeditor.h"
#include "icons.h"
#include "revision/ghoststampplan.h"
#include "run/runconfirmationdialog.h"
#include "run/runcontroller.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace Retort {

namespace {

QString shortId(const QString &id)
{
    return id.left(12);
}

QString idList(const QStringList &ids)
{
    QStringList shortIds;
    for (const QString &id : ids)
        shortIds << shortId(id);
    return shortIds.join(QLatin1String(", "));
}

} // namespace

StampGhostDialog::StampGhostDialog(const LoadedProject &project, const QStringList &versionRows,
                                   const QString &ghost, const Connection &connection, QWidget *parent)
    : QDialog(parent)
    , m_project(project)
    , m_rows(versionRows)
    , m_ghost(ghost)
    , m_connection(connection)
    , m_controller(new RunController(this))
{
    setWindowTitle(tr("Fix an Unknown Revision"));
    for (const QString &row : versionRows) {
        if (project.map.contains(row))
            m_otherRows << row;
    }
    if (const Result<DatabaseUrl> url = DatabaseUrl::parse(connection.url))
        m_dialect = url->dialect();
    if (project.layout)
        m_clue = GhostClue::find(*project.layout, project.map, ghost);

    const QString table = project.versionTable.schema.isEmpty()
                              ? project.versionTable.name
                              : project.versionTable.schema + QLatin1Char('.') + project.versionTable.name;
    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize, iconSize));
    auto *explanation = new QLabel(this);
    explanation->setObjectName(QStringLiteral("explanation"));
    explanation->setWordWrap(true);
    explanation->setTextFormat(Qt::RichText);
    explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QString text =
        tr("<p><b>The database says it is at revision %1, but no migration script of this project "
           "defines %1.</b></p>"
           "<p>Its <tt>%2</tt> table records which migrations were applied. Most likely the migration "
           "was deleted or renamed after it ran, or this checkout is on a different branch than the "
           "one that migrated the database. Until the table names a revision the scripts know, "
           "upgrade, downgrade and even a plain stamp refuse to run.</p>"
           "<p>If you know which revision the schema really matches, record it: this rewrites only "
           "the version table (<tt>alembic stamp --purge</tt>). No migration runs and no other table "
           "changes.</p>")
            .arg(m_ghost.toHtmlEscaped(), table.toHtmlEscaped());
    if (m_clue) {
        const QString where = QDir::toNativeSeparators(
            project.layout ? QDir(project.layout->projectPath).relativeFilePath(m_clue->path) : m_clue->path);
        if (m_clue->parents.isEmpty())
            text += tr("<p>A trace of the missing revision is in <tt>%1</tt>, but it does not say which "
                       "revision it was built on.</p>")
                        .arg(where.toHtmlEscaped());
        else if (m_clue->compiled)
            text += tr("<p>The compiled copy <tt>%1</tt> of the missing script is still there: it names "
                       "%2, probably the revision the missing one was built on.</p>")
                        .arg(where.toHtmlEscaped(), idList(m_clue->parents).toHtmlEscaped());
        else
            text += tr("<p><tt>%1</tt> defines the missing revision but Alembic does not read it (renamed or "
                       "broken); it was built on %2.</p>")
                        .arg(where.toHtmlEscaped(), idList(m_clue->parents).toHtmlEscaped());
    }
    explanation->setText(text);
    auto *top = new QHBoxLayout;
    top->setSpacing(12);
    top->addWidget(icon, 0, Qt::AlignTop);
    top->addWidget(explanation, 1);

    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("target"));
    m_target->setEditable(true);
    m_target->setInsertPolicy(QComboBox::NoInsert);
    m_target->setMinimumContentsLength(40);
    m_target->lineEdit()->setPlaceholderText(tr("A revision id, a prefix, “head” or “base”"));
    fillTargets();
    m_keep = new QCheckBox(this);
    m_keep->setObjectName(QStringLiteral("keepOtherRows"));
    m_keep->setText(tr("Keep %1, which the table also holds").arg(idList(m_otherRows)));
    m_keep->setChecked(true);
    m_keep->setVisible(!m_otherRows.isEmpty());

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->addRow(tr("&Stamp to:"), m_target);
    if (!m_otherRows.isEmpty())
        form->addRow(QString(), m_keep);

    m_sqlCaption = new QLabel(this);
    m_sql = new CodeEditor(this);
    m_sql->setObjectName(QStringLiteral("stampSql"));
    m_sql->setReadOnly(true);
    m_sql->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_sql->setLanguage(CodeEditor::Language::Sql, m_dialect.value_or(SqlDialect::Sqlite));
    // A stamp is a few statements: room for them, not a page.
    m_sql->setMinimumHeight(m_sql->fontMetrics().lineSpacing() * 5);
    m_sql->setMaximumHeight(m_sql->fontMetrics().lineSpacing() * 10);
    m_sqlCaption->setBuddy(m_sql);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_stampButton = m_buttons->addButton(tr("&Stamp…"), QDialogButtonBox::ActionRole);
    m_stampButton->setIcon(Icons::action(QStringLiteral("retort-stamp")));
    connect(m_stampButton, &QPushButton::clicked, this, &StampGhostDialog::confirmAndStamp);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &StampGhostDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(m_sqlCaption);
    layout->addWidget(m_sql);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(640);
    resize(720, 0); // as compact as the layout allows

    connect(m_target, &QComboBox::currentTextChanged, this, &StampGhostDialog::update);
    connect(m_keep, &QCheckBox::toggled, this, &StampGhostDialog::update);
    connect(m_controller, &RunController::finished, this, &StampGhostDialog::finished);
    connect(m_controller, &RunController::failed, this, &StampGhostDialog::failed);
    update();
}

StampGhostDialog::~StampGhostDialog() = default;

QString StampGhostDialog::describeRevision(const QString &id) const
{
    const Revision *revision = m_project.map.revision(id);
    const QString doc = revision ? revision->doc() : QString();
    return doc.isEmpty() ? shortId(id) : tr("%1 — %2").arg(shortId(id), doc);
}

void StampGhostDialog::fillTargets()
{
    QStringList offered;
    const auto offer = [this, &offered](const QString &id, const QString &text) {
        if (offered.contains(id))
            return;
        offered << id;
        m_target->addItem(text, id);
    };
    if (m_clue) {
        for (const QString &parent : std::as_const(m_clue->parents))
            offer(parent, tr("%1 (the missing revision's parent)").arg(describeRevision(parent)));
    }
    const QStringList heads = m_project.map.heads();
    for (const QString &head : heads)
        offer(head, tr("%1 (head)").arg(describeRevision(head)));
    offer(QStringLiteral("base"), tr("base (no revision: empty the table)"));

    // Without a clue and with one head, the head; with several, the user chooses.
    if ((m_clue && !m_clue->parents.isEmpty()) || heads.size() == 1)
        m_target->setCurrentIndex(0);
    else
        m_target->setCurrentIndex(-1);
}

void StampGhostDialog::setTarget(const QString &identifier)
{
    const int index = m_target->findData(identifier);
    if (index >= 0)
        m_target->setCurrentIndex(index);
    else
        m_target->setEditText(identifier);
}

void StampGhostDialog::setKeepOtherRows(bool keep)
{
    m_keep->setChecked(keep);
}

QStringList StampGhostDialog::targets() const
{
    QString chosen;
    const int index = m_target->findText(m_target->currentText());
    if (index >= 0)
        chosen = m_target->itemData(index).toString();
    else
        chosen = m_target->currentText().trimmed();
    QStringList result;
    if (chosen.isEmpty() || chosen == QLatin1String("base")) {
        // nothing from the choice
    } else if (const RevisionResult<RevisionRef> ref = m_project.map.getRevision(chosen); ref && ref->isRevision()) {
        result << ref->id;
    } else {
        result << chosen; // left to the planner, which says why it is not a revision
    }
    if (m_keep->isChecked()) {
        for (const QString &row : m_otherRows) {
            if (!result.contains(row))
                result << row;
        }
    }
    return result;
}

void StampGhostDialog::update()
{
    m_problem.clear();
    m_statements.clear();
    QStringList rowsAfter;
    if (!m_dialect) {
        m_problem = tr("The connection's URL cannot be used: choose a database connection first.");
    } else if (m_target->currentText().trimmed().isEmpty()) {
        m_problem = tr("Choose the revision the database's schema really matches.");
    } else {
        const QStringList wanted = targets();
        const Result<QStringList> sql = GhostStampPlan::statements(m_project.map, m_project.versionTable, *m_dialect, wanted);
        const Result<QStringList> rows = GhostStampPlan::rowsAfter(m_project.map, wanted);
        if (!sql)
            m_problem = sql.error();
        else if (!rows)
            m_problem = rows.error();
        else {
            m_statements = sql.value();
            rowsAfter = rows.value();
        }
    }
    m_sql->setPlainText(m_statements.isEmpty() ? QString()
                                               : m_statements.join(QLatin1String(";\n")) + QLatin1Char(';'));
    m_sqlCaption->setText(m_dialect ? tr("SQL that will run on %1 (%2), in one transaction:")
                                          .arg(m_connection.displayUrl, sqlDialectName(*m_dialect))
                                    : tr("SQL that will run:"));
    if (!m_done && !m_running) {
        if (!m_problem.isEmpty())
            m_status->setText(QStringLiteral("<b>%1</b>").arg(m_problem.toHtmlEscaped()));
        else
            m_status->setText(tr("Afterwards the table holds: %1.")
                                  .arg(rowsAfter.isEmpty() ? tr("no row (base)") : idList(rowsAfter)));
    }
    m_stampButton->setEnabled(m_problem.isEmpty() && !m_running && !m_done);
}

QString StampGhostDialog::runUrl() const
{
    // A relative SQLite path is relative to the project (as env.py reads it).
    if (const Result<DatabaseUrl> url = DatabaseUrl::parse(m_connection.url);
        url && url->dialect() == SqlDialect::Sqlite && !url->isSqliteMemory() && m_project.layout)
        return DatabaseUrl::sqliteFile(url->sqliteFilePath(QDir(m_project.layout->projectPath))).toString();
    return m_connection.url;
}

bool StampGhostDialog::confirmAndStamp()
{
    if (!m_problem.isEmpty() || m_running || m_done)
        return false;
    const QStringList wanted = targets();
    const QString target = wanted.isEmpty() ? QStringLiteral("base") : idList(wanted);
    const QString command = QStringLiteral("alembic stamp --purge %1")
                                .arg(wanted.isEmpty() ? QStringLiteral("base") : wanted.join(QLatin1Char(' ')));
    RunConfirmationDialog confirmation(
        tr("Stamp the Database"),
        tr("No migration runs; version %1 → %2").arg(shortId(m_ghost), target),
        tr("Only the version table changes. The same as <tt>%1</tt>.").arg(command.toHtmlEscaped()),
        m_connection.displayUrl, m_connection.productionName, this);
    if (confirmation.exec() != QDialog::Accepted)
        return false;
    return startStamp();
}

bool StampGhostDialog::startStamp()
{
    if (!m_problem.isEmpty() || m_running || m_done)
        return false;
    RunRequest request;
    request.url = runUrl();
    request.kind = RunRequest::Kind::Stamp;
    request.targets = targets();
    if (request.targets.isEmpty())
        request.targets = {QStringLiteral("base")};
    request.purge = true;
    request.versionTable = m_project.versionTable;
    request.map = m_project.map;
    if (!m_controller->start(request))
        return false;
    m_running = true;
    m_target->setEnabled(false);
    m_keep->setEnabled(false);
    m_status->setText(tr("Stamping…"));
    update();
    return true;
}

void StampGhostDialog::finished(const RunSummary &summary)
{
    m_running = false;
    m_done = true;
    const QString text = tr("Done: the database is at %1.")
                             .arg(summary.versionRows.isEmpty() ? tr("base") : idList(summary.versionRows));
    m_status->setText(QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Close"));
    update();
    Q_EMIT logMessage(text, false);
    Q_EMIT stamped(summary.versionRows);
}

void StampGhostDialog::failed(const RunError &error)
{
    m_running = false;
    m_target->setEnabled(true);
    m_keep->setEnabled(true);
    QString text = tr("<b>The stamp failed.</b> %1").arg(error.message.toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>")));
    if (!error.serverMessage.isEmpty() && !error.message.contains(error.serverMessage))
        text += QLatin1String("<br>") + tr("The database said: %1").arg(error.serverMessage.toHtmlEscaped());
    text += QLatin1String("<br>") + (error.rolledBack ? tr("Nothing was changed (rolled back).")
                                                      : tr("Some changes are committed: check the database's revision."));
    update();
    m_status->setText(text);
    Q_EMIT logMessage(error.message, true);
}

void StampGhostDialog::reject()
{
    // Closing during the stamp cancels it: the runner stops between statements and rolls back.
    if (m_running)
        m_controller->cancel();
    QDialog::reject();
}

} // namespace Retort
