// SPDX-License-Identifier: GPL-3.0-or-later
#include "runpanel.h"

#include "db/databaseurl.h"
#include "learn/alembiccommand.h"
#include "revision/migrationplanner.h"
#include "revision/versiontablesteps.h"
#include "run/runconfirmationdialog.h"
#include "run/runcontroller.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QProgressBar>
#include <QStyle>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Retort {

namespace {

QString shortId(const QString &id)
{
    return id.left(12);
}

QString versionText(const QStringList &rows)
{
    if (rows.isEmpty())
        return QStringLiteral("base");
    QStringList ids;
    for (const QString &row : rows)
        ids << shortId(row);
    return ids.join(QLatin1String(", "));
}

// An arrow for upgrade (up) or downgrade (down): icon themes are not everywhere, and the
// styles' own arrows are too faint for a toolbar.
QIcon arrowIcon(bool up)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(up ? QColor(0x2e, 0x86, 0xc1) : QColor(0xd3, 0x6b, 0x1c));
    if (!up) {
        painter.translate(0, 32);
        painter.scale(1, -1);
    }
    const QPointF head[] = {{16, 3}, {29, 17}, {21, 17}, {21, 29}, {11, 29}, {11, 17}, {3, 17}};
    painter.drawPolygon(head, 7);
    return QIcon(pixmap);
}

QString kindVerb(RunRequest::Kind kind)
{
    switch (kind) {
    case RunRequest::Kind::Upgrade:
        return QStringLiteral("upgrade");
    case RunRequest::Kind::Downgrade:
        return QStringLiteral("downgrade");
    case RunRequest::Kind::Stamp:
        break;
    }
    return QStringLiteral("stamp");
}

} // namespace

RunPanel::RunPanel(QWidget *parent)
    : QWidget(parent)
    , m_controller(new RunController(this))
{
    m_upgradeAction = new QAction(QIcon::fromTheme(QStringLiteral("go-up"), arrowIcon(true)), tr("&Upgrade to Selected…"), this);
    m_upgradeAction->setToolTip(tr("Run the migrations up to the selected revision"));
    m_downgradeAction = new QAction(QIcon::fromTheme(QStringLiteral("go-down"), arrowIcon(false)), tr("&Downgrade to Selected…"), this);
    m_downgradeAction->setToolTip(tr("Undo the migrations above the selected revision"));
    m_stampAction = new QAction(QIcon::fromTheme(QStringLiteral("bookmark-new"), style()->standardIcon(QStyle::SP_DialogApplyButton)), tr("&Stamp Selected…"), this);
    m_stampAction->setToolTip(tr("Record the selected revision in the version table without running migrations"));
    m_cancelAction = new QAction(QIcon::fromTheme(QStringLiteral("process-stop"), style()->standardIcon(QStyle::SP_BrowserStop)),
                                 tr("&Cancel Run"), this);
    connect(m_upgradeAction, &QAction::triggered, this, [this] { requestRun(RunRequest::Kind::Upgrade, m_selected); });
    connect(m_downgradeAction, &QAction::triggered, this, [this] { requestRun(RunRequest::Kind::Downgrade, m_selected); });
    connect(m_stampAction, &QAction::triggered, this, [this] { requestRun(RunRequest::Kind::Stamp, m_selected); });
    connect(m_cancelAction, &QAction::triggered, this, &RunPanel::cancel);

    auto *buttons = new QHBoxLayout;
    for (QAction *action : {m_upgradeAction, m_downgradeAction, m_stampAction, m_cancelAction}) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(true);
        buttons->addWidget(button);
    }
    buttons->addStretch();
    m_status = new QLabel(tr("Select a revision, then upgrade, downgrade or stamp the database to it."), this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("Idle"));
    m_progress->setTextVisible(true);

    m_log = new QTreeWidget(this);
    m_log->setColumnCount(3);
    m_log->setHeaderLabels({tr("Migration / statement"), tr("Time"), tr("Rows")});
    m_log->setUniformRowHeights(true);
    m_log->setAlternatingRowColors(true);
    m_log->header()->setStretchLastSection(false);
    m_log->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_log->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_log->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_log, 1);

    connect(m_controller, &RunController::started, this, &RunPanel::onStarted);
    connect(m_controller, &RunController::migrationStarted, this, &RunPanel::onMigrationStarted);
    connect(m_controller, &RunController::statementFinished, this, &RunPanel::onStatementFinished);
    connect(m_controller, &RunController::migrationFinished, this, &RunPanel::onMigrationFinished);
    connect(m_controller, &RunController::finished, this, &RunPanel::onFinished);
    connect(m_controller, &RunController::failed, this, &RunPanel::onFailed);
    connect(m_controller, &RunController::waitingForLock, this,
            [this](const QString &message) { m_status->setText(message); });
    updateActions();
}

RunPanel::~RunPanel() = default;

void RunPanel::setProject(const LoadedProject &project)
{
    m_project = project;
    updateActions();
}

void RunPanel::setConnection(const QString &url, const QString &displayUrl, const QString &profileName,
                             bool production)
{
    m_url = url;
    m_displayUrl = displayUrl;
    m_profileName = profileName;
    m_production = production;
    updateActions();
}

void RunPanel::setCurrentRevisions(const QStringList &revisions)
{
    m_current = revisions;
}

void RunPanel::setSelectedRevision(const QString &revision)
{
    m_selected = revision;
    updateActions();
}

bool RunPanel::isRunning() const
{
    return m_running;
}

void RunPanel::updateActions()
{
    const bool ready = !m_running && m_project.isOpen() && !m_url.isEmpty();
    const bool selected = ready && !m_selected.isEmpty();
    m_upgradeAction->setEnabled(selected);
    m_downgradeAction->setEnabled(selected);
    m_stampAction->setEnabled(selected);
    m_cancelAction->setEnabled(m_running);
}

QString RunPanel::describePlan(const RevisionMap &map, RunRequest::Kind kind, const QStringList &current,
                               const QString &target, bool *ok)
{
    const MigrationPlanner planner(map);
    RevisionResult<MigrationPlan> plan = kind == RunRequest::Kind::Upgrade
                                             ? planner.upgrade(current, target)
                                             : (kind == RunRequest::Kind::Downgrade ? planner.downgrade(current, target)
                                                                                    : planner.stamp(current, {target}));
    if (ok)
        *ok = bool(plan);
    if (!plan)
        return plan.errorString();
    QStringList scripts;
    VersionTableSteps rows(map, plan->startHeads);
    for (const MigrationStep &step : plan->steps) {
        if (!step.stamp)
            scripts << shortId(step.revision);
        rows.apply(step);
    }
    const QString version = QStringLiteral("version %1 → %2").arg(versionText(plan->startHeads), versionText(rows.heads()));
    if (kind == RunRequest::Kind::Stamp)
        return QStringLiteral("No migration runs; %1").arg(version);
    if (scripts.isEmpty())
        return QStringLiteral("Nothing to run; %1").arg(version);
    const QString count = scripts.size() == 1 ? QStringLiteral("1 migration")
                                              : QStringLiteral("%1 migrations").arg(scripts.size());
    return QStringLiteral("%1: %2; %3").arg(count, scripts.join(QStringLiteral(" → ")), version);
}

QString RunPanel::alembicCommand(RunRequest::Kind kind, const QString &target) const
{
    const AlembicCommand command(QFileInfo(m_project.layout ? m_project.layout->iniPath : QString()).fileName());
    switch (kind) {
    case RunRequest::Kind::Upgrade:
        return command.run(MigrationStep::Direction::Upgrade, target);
    case RunRequest::Kind::Downgrade:
        return command.run(MigrationStep::Direction::Downgrade, target);
    case RunRequest::Kind::Stamp:
        break;
    }
    return command.stamp(target);
}

QString RunPanel::databaseName() const
{
    const Result<DatabaseUrl> url = DatabaseUrl::parse(m_url);
    if (!url)
        return m_profileName;
    if (url->dialect() == SqlDialect::Sqlite)
        return QFileInfo(url->sqliteFilePath()).fileName();
    return url->database().isEmpty() ? m_profileName : url->database();
}

bool RunPanel::requestRun(RunRequest::Kind kind, const QString &target)
{
    if (m_running || target.isEmpty() || !m_project.isOpen())
        return false;
    if (m_url.isEmpty()) {
        Q_EMIT logMessage(tr("No database to run on: choose a connection first."), true);
        return false;
    }
    bool ok = false;
    const QString summary = describePlan(m_project.map, kind, m_current, target, &ok);
    if (!ok) {
        m_status->setText(tr("Cannot %1 to %2: %3").arg(kindVerb(kind), shortId(target), summary));
        Q_EMIT logMessage(m_status->text(), true);
        return false;
    }
    const QString command = alembicCommand(kind, target);
    Q_EMIT commandAboutToRun(command, tr("Run on %1: %2").arg(m_displayUrl, summary));
    const QString title = kind == RunRequest::Kind::Upgrade
                              ? tr("Upgrade the Database")
                              : (kind == RunRequest::Kind::Downgrade ? tr("Downgrade the Database") : tr("Stamp the Database"));
    RunConfirmationDialog dialog(title, summary, tr("The same as <tt>%1</tt>.").arg(command.toHtmlEscaped()),
                                 m_displayUrl, m_production ? databaseName() : QString(), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return startRun(kind, target);
}

bool RunPanel::startRun(RunRequest::Kind kind, const QString &target)
{
    if (m_running || !m_project.isOpen() || m_url.isEmpty())
        return false;
    RunRequest request;
    request.url = m_url;
    request.kind = kind;
    request.targets = {target};
    request.versionTable = m_project.versionTable;
    request.map = m_project.map;
    // A relative SQLite path in the project's URL is relative to the project (as env.py reads it).
    if (const Result<DatabaseUrl> url = DatabaseUrl::parse(m_url);
        url && url->dialect() == SqlDialect::Sqlite && !url->isSqliteMemory() && m_project.layout) {
        request.url = DatabaseUrl::sqliteFile(url->sqliteFilePath(QDir(m_project.layout->projectPath))).toString();
    }
    if (!m_controller->start(request))
        return false;
    m_running = true;
    m_log->clear();
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Connecting…"));
    m_status->setText(tr("Running <tt>%1</tt> on %2…").arg(alembicCommand(kind, target).toHtmlEscaped(),
                                                             m_displayUrl.toHtmlEscaped()));
    updateActions();
    return true;
}

void RunPanel::cancel()
{
    if (!m_running)
        return;
    m_controller->cancel();
    m_status->setText(tr("Cancelling after the current statement…"));
}

void RunPanel::onStarted(const MigrationPlan &plan)
{
    int scripts = 0;
    for (const MigrationStep &step : plan.steps)
        scripts += step.stamp ? 0 : 1;
    const int count = qMax(1, int(plan.steps.size()));
    m_progress->setRange(0, count);
    m_progress->setValue(0);
    m_progress->setFormat(tr("Migration %v of %m"));
    if (plan.steps.isEmpty())
        m_status->setText(tr("Nothing to run."));
    Q_UNUSED(scripts)
}

void RunPanel::onMigrationStarted(int index, int count, const QString &revision)
{
    m_progress->setRange(0, count);
    m_progress->setValue(index);
    auto *item = new QTreeWidgetItem(m_log, {revision.isEmpty() ? tr("version table") : revision});
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setExpanded(true);
    const Revision *script = m_project.map.revision(revision);
    if (script)
        item->setText(0, QStringLiteral("%1 — %2").arg(shortId(revision), script->doc()));
    m_log->scrollToItem(item);
}

void RunPanel::onStatementFinished(const QString &sql, qint64 milliseconds, int rows)
{
    QTreeWidgetItem *parent = m_log->topLevelItem(m_log->topLevelItemCount() - 1);
    const QString text = sql.simplified();
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_log);
    item->setText(0, text.size() > 300 ? text.left(300) + QStringLiteral("…") : text);
    item->setToolTip(0, sql);
    item->setFont(0, QFontDatabase::systemFont(QFontDatabase::FixedFont));
    item->setText(1, tr("%1 ms").arg(milliseconds));
    item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    item->setText(2, rows >= 0 ? QString::number(rows) : QString());
    item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    if (parent)
        parent->setExpanded(true);
    m_log->scrollToItem(item);
}

void RunPanel::onMigrationFinished(int index, int count, const QString &revision, qint64 milliseconds)
{
    m_progress->setRange(0, count);
    m_progress->setValue(index + 1);
    for (int i = m_log->topLevelItemCount() - 1; i >= 0; --i) {
        QTreeWidgetItem *item = m_log->topLevelItem(i);
        if (item->text(0).startsWith(shortId(revision))) {
            item->setText(1, tr("%1 ms").arg(milliseconds));
            item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
            break;
        }
    }
}

void RunPanel::onFinished(const RunSummary &summary)
{
    m_running = false;
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    m_progress->setFormat(tr("Done"));
    const QString count = summary.migrations.size() == 1
                              ? tr("1 migration")
                              : tr("%1 migrations").arg(summary.migrations.size());
    const QString text = tr("Done: %1 in %2 ms; the database is at %3.")
                             .arg(count)
                             .arg(summary.milliseconds)
                             .arg(versionText(summary.versionRows));
    m_status->setText(text);
    updateActions();
    Q_EMIT logMessage(text, false);
    Q_EMIT runFinished(true, summary.versionRows, true);
}

void RunPanel::onFailed(const RunError &error)
{
    m_running = false;
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(error.kind == RunError::Kind::Cancelled ? tr("Cancelled") : tr("Failed"));
    QStringList parts;
    parts << QStringLiteral("<b>%1</b>").arg(error.kind == RunError::Kind::Cancelled ? tr("Cancelled.")
                                                                                      : tr("The run failed."));
    if (!error.migration.isEmpty())
        parts << tr("Migration: %1").arg(error.migration.toHtmlEscaped());
    if (!error.location.isEmpty())
        parts << tr("At: %1").arg(error.location.toHtmlEscaped());
    if (!error.statement.isEmpty())
        parts << tr("Statement: <tt>%1</tt>").arg(error.statement.simplified().toHtmlEscaped());
    if (!error.serverMessage.isEmpty())
        parts << tr("The database said: %1").arg(error.serverMessage.toHtmlEscaped());
    else if (error.kind != RunError::Kind::Cancelled)
        parts << error.message.toHtmlEscaped();
    parts << (error.rolledBack ? tr("Nothing was changed (rolled back).")
                               : tr("Some changes are committed: check the database's revision."));
    m_status->setText(parts.join(QLatin1String("<br>")));
    auto *item = new QTreeWidgetItem(m_log, {error.message.section(QLatin1Char('\n'), 0, 0)});
    item->setForeground(0, QColor(0xc0, 0x39, 0x2b));
    item->setToolTip(0, error.message);
    updateActions();
    Q_EMIT logMessage(error.message, error.kind != RunError::Kind::Cancelled);
    Q_EMIT runFinished(false, error.versionRows, error.versionRowsKnown);
}

} // namespace Retort
