// SPDX-License-Identifier: GPL-3.0-or-later
#include "runpanel.h"
#include "icons.h"

#include "bridge/alembicinvocation.h"
#include "bridge/bridgeplan.h"
#include "bridge/bridgerunner.h"
#include "bridge/interpreterchoice.h"
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
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
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

} // namespace

RunPanel::RunPanel(QWidget *parent)
    : QWidget(parent)
    , m_controller(new RunController(this))
    , m_bridge(new BridgeRunner(this))
{
    m_upgradeAction = new QAction(Icons::action(QStringLiteral("retort-upgrade")), tr("&Upgrade to Selected…"), this);
    m_upgradeAction->setToolTip(tr("Run the migrations up to the selected revision"));
    m_downgradeAction = new QAction(Icons::action(QStringLiteral("retort-downgrade")), tr("&Downgrade to Selected…"), this);
    m_downgradeAction->setToolTip(tr("Undo the migrations above the selected revision"));
    m_stampAction = new QAction(Icons::action(QStringLiteral("retort-stamp")), tr("&Stamp Selected…"), this);
    m_stampAction->setToolTip(tr("Record the selected revision in the version table without running migrations"));
    m_cancelAction = new QAction(Icons::action(QStringLiteral("process-stop")),
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
    connect(m_bridge, &BridgeRunner::waitingForLock, this, [this](const QString &message) { m_status->setText(message); });
    connect(m_bridge, &BridgeRunner::processStarted, this, [this](const QString &command) {
        m_progress->setFormat(tr("Migration %v of %m"));
        m_status->setText(tr("Running <tt>%1</tt> with the project's Python…").arg(command.toHtmlEscaped()));
        // Alembic's lines before the first migration (its context) go under the command.
        auto *item = new QTreeWidgetItem(m_log, {QStringLiteral("$ ") + command});
        item->setFont(0, QFontDatabase::systemFont(QFontDatabase::FixedFont));
    });
    connect(m_bridge, &BridgeRunner::migrationStarted, this, &RunPanel::onBridgeMigrationStarted);
    connect(m_bridge, &BridgeRunner::lineReceived, this, &RunPanel::onBridgeLine);
    connect(m_bridge, &BridgeRunner::finished, this, &RunPanel::onBridgeFinished);
    connect(m_log, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString path = item->data(0, Qt::UserRole).toString();
        if (!path.isEmpty())
            Q_EMIT locationActivated(path, item->data(0, Qt::UserRole + 1).toInt());
    });
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
    const QString version = tr("version %1 → %2").arg(versionText(plan->startHeads), versionText(rows.heads()));
    if (kind == RunRequest::Kind::Stamp)
        return tr("No migration runs; %1").arg(version);
    if (scripts.isEmpty())
        return tr("Nothing to run; %1").arg(version);
    const QString count = scripts.size() == 1 ? tr("1 migration")
                                              : tr("%n migrations", nullptr, int(scripts.size()));
    return tr("%1: %2; %3").arg(count, scripts.join(QStringLiteral(" → ")), version);
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
        const QString cannot = kind == RunRequest::Kind::Upgrade
                                   ? tr("Cannot upgrade to %1: %2")
                                   : (kind == RunRequest::Kind::Downgrade ? tr("Cannot downgrade to %1: %2")
                                                                          : tr("Cannot stamp to %1: %2"));
        m_status->setText(cannot.arg(shortId(target), summary));
        Q_EMIT logMessage(m_status->text(), true);
        return false;
    }
    const QString command = alembicCommand(kind, target);
    Q_EMIT commandAboutToRun(command, tr("Run on %1: %2").arg(m_displayUrl, summary));
    const QString title = kind == RunRequest::Kind::Upgrade
                              ? tr("Upgrade the Database")
                              : (kind == RunRequest::Kind::Downgrade ? tr("Downgrade the Database") : tr("Stamp the Database"));
    QString details = tr("The same as <tt>%1</tt>.").arg(command.toHtmlEscaped());
    const QStringList nonNative = nonNativeMigrations(kind, target);
    if (!nonNative.isEmpty()) {
        QStringList ids;
        for (const QString &id : nonNative)
            ids << shortId(id);
        details += QStringLiteral("<br>") +
                   tr("%1 use Python that only Alembic can run: the whole run goes through "
                      "<tt>%2</tt> with the project's Python, under Retort's lock.")
                       .arg(ids.join(QLatin1String(", ")), command.toHtmlEscaped());
    }
    RunConfirmationDialog dialog(title, summary, details,
                                 m_displayUrl, m_production ? databaseName() : QString(), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    return startRun(kind, target);
}

bool RunPanel::startRun(RunRequest::Kind kind, const QString &target)
{
    if (m_running || !m_project.isOpen() || m_url.isEmpty())
        return false;
    if (const QStringList nonNative = nonNativeMigrations(kind, target); !nonNative.isEmpty())
        return startBridgeRun(kind, target, nonNative);
    m_bridgeRun = false;
    RunRequest request;
    request.url = runUrl();
    request.kind = kind;
    request.targets = {target};
    request.versionTable = m_project.versionTable;
    request.map = m_project.map;
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
    if (m_bridgeRun) {
        ++m_bridgeGeneration; // an interpreter lookup still under way starts nothing
        if (!m_bridge->isRunning()) {
            AlembicResult cancelled;
            cancelled.status = AlembicResult::Status::Cancelled;
            cancelled.errorString = tr("The run was cancelled before Alembic started; nothing was run.");
            onBridgeFinished(cancelled);
            return;
        }
        m_bridge->cancel();
        m_status->setText(tr("Stopping Alembic…"));
        return;
    }
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
                              : tr("%n migrations", nullptr, int(summary.migrations.size()));
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

QString RunPanel::runUrl() const
{
    // A relative SQLite path in the project's URL is relative to the project (as env.py reads it).
    if (const Result<DatabaseUrl> url = DatabaseUrl::parse(m_url);
        url && url->dialect() == SqlDialect::Sqlite && !url->isSqliteMemory() && m_project.layout) {
        return DatabaseUrl::sqliteFile(url->sqliteFilePath(QDir(m_project.layout->projectPath))).toString();
    }
    return m_url;
}

QStringList RunPanel::nonNativeMigrations(RunRequest::Kind kind, const QString &target) const
{
    if (kind == RunRequest::Kind::Stamp || !m_project.isOpen())
        return {};
    const Result<DatabaseUrl> url = DatabaseUrl::parse(m_url);
    if (!url)
        return {};
    const MigrationPlanner planner(m_project.map);
    const RevisionResult<MigrationPlan> plan = kind == RunRequest::Kind::Upgrade
                                                   ? planner.upgrade(m_current, target)
                                                   : planner.downgrade(m_current, target);
    if (!plan)
        return {};
    return BridgePlan::nonNativeRevisions(m_project.map, *plan, sqlDialectName(url->dialect()));
}

bool RunPanel::startBridgeRun(RunRequest::Kind kind, const QString &target, const QStringList &nonNative)
{
    if (!m_project.layout)
        return false;
    bool ok = false;
    const MigrationPlanner planner(m_project.map);
    const RevisionResult<MigrationPlan> plan = kind == RunRequest::Kind::Upgrade
                                                   ? planner.upgrade(m_current, target)
                                                   : planner.downgrade(m_current, target);
    QStringList revisions;
    if (plan) {
        ok = true;
        for (const MigrationStep &step : plan->steps) {
            if (!step.stamp)
                revisions << step.revision;
        }
    }
    if (!ok)
        return false;
    m_running = true;
    m_bridgeRun = true;
    m_log->clear();
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Looking for Python…"));
    QStringList ids;
    for (const QString &id : nonNative)
        ids << shortId(id);
    m_status->setText(tr("%1 need Python: running through Alembic.").arg(ids.join(QLatin1String(", "))));
    updateActions();

    BridgeRunRequest request;
    request.url = runUrl();
    const Result<DatabaseUrl> url = DatabaseUrl::parse(request.url);
    request.dialect = url ? url->dialect() : SqlDialect::Sqlite;
    request.versionTable = m_project.versionTable.schema.isEmpty()
                               ? m_project.versionTable.name
                               : m_project.versionTable.schema + QLatin1Char('.') + m_project.versionTable.name;
    request.revisions = revisions;
    const QStringList arguments{kind == RunRequest::Kind::Upgrade ? QStringLiteral("upgrade")
                                                                  : QStringLiteral("downgrade"),
                                target};
    const ProjectLayout layout = *m_project.layout;
    const int generation = ++m_bridgeGeneration;
    auto *lookup = new QFutureWatcher<InterpreterChoice::Lookup>(this);
    connect(lookup, &QFutureWatcher<InterpreterChoice::Lookup>::finished, this,
            [this, lookup, generation, request, layout, arguments]() mutable {
                lookup->deleteLater();
                if (generation != m_bridgeGeneration)
                    return;
                const InterpreterChoice::Lookup found = lookup->result();
                if (!found.ok) {
                    AlembicResult failed;
                    failed.status = AlembicResult::Status::FailedToStart;
                    failed.errorString = found.errorString;
                    onBridgeFinished(failed);
                    return;
                }
                request.invocation = AlembicInvocation::forProject(layout, found.interpreter.path, arguments,
                                                                   request.url);
                m_progress->setRange(0, qMax(1, int(request.revisions.size())));
                m_progress->setValue(0);
                m_progress->setFormat(tr("Waiting for the lock…"));
                m_bridge->start(request);
            });
    lookup->setFuture(InterpreterChoice::lookup(layout.projectPath));
    return true;
}

void RunPanel::onBridgeMigrationStarted(int index, int count, const QString &revision, const QString &message)
{
    m_progress->setRange(0, qMax(1, count));
    m_progress->setValue(index);
    auto *item = new QTreeWidgetItem(m_log, {tr("%1 — %2 (through Alembic)").arg(shortId(revision), message)});
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    m_log->scrollToItem(item);
}

void RunPanel::onBridgeLine(const QString &line, bool standardError)
{
    Q_UNUSED(standardError)
    QTreeWidgetItem *parent = m_log->topLevelItem(m_log->topLevelItemCount() - 1);
    auto *item = parent ? new QTreeWidgetItem(parent, {line}) : new QTreeWidgetItem(m_log, {line});
    item->setFont(0, QFontDatabase::systemFont(QFontDatabase::FixedFont));
    item->setForeground(0, palette().color(QPalette::PlaceholderText));
    if (parent)
        parent->setExpanded(true);
    m_log->scrollToItem(item);
}

void RunPanel::onBridgeFinished(const AlembicResult &result)
{
    m_running = false;
    m_progress->setRange(0, 1);
    if (result.ok()) {
        m_progress->setValue(1);
        m_progress->setFormat(tr("Done"));
        const QString text = tr("Done through Alembic: %n migration(s) ran.", nullptr, int(result.migrations.size()));
        m_status->setText(text);
        updateActions();
        Q_EMIT logMessage(text, false);
        Q_EMIT runFinished(true, {}, false);
        return;
    }
    const bool cancelled = result.status == AlembicResult::Status::Cancelled;
    m_progress->setValue(0);
    m_progress->setFormat(cancelled ? tr("Cancelled") : tr("Failed"));
    QStringList parts;
    parts << QStringLiteral("<b>%1</b>").arg(cancelled ? tr("Cancelled.") : tr("The run failed."));
    parts << result.errorString.toHtmlEscaped();
    if (!result.migrations.isEmpty())
        parts << tr("Alembic had started %1; what is committed depends on env.py's transactions: "
                    "read the database's revision.")
                     .arg(shortId(result.migrations.last().direction == QLatin1String("downgrade")
                                      ? result.migrations.last().from
                                      : result.migrations.last().to));
    m_status->setText(parts.join(QLatin1String("<br>")));
    auto *item = new QTreeWidgetItem(m_log, {result.errorString.section(QLatin1Char('\n'), 0, 0)});
    item->setForeground(0, QColor(0xc0, 0x39, 0x2b));
    item->setToolTip(0, result.errorString);
    for (const Diagnostic &d : result.diagnostics) {
        if (d.file.isEmpty())
            continue;
        auto *where = new QTreeWidgetItem(item, {tr("%1:%2 — double-click to open").arg(QDir::toNativeSeparators(d.file)).arg(d.line)});
        where->setData(0, Qt::UserRole, d.file);
        where->setData(0, Qt::UserRole + 1, d.line);
        item->setExpanded(true);
    }
    updateActions();
    Q_EMIT logMessage(result.errorString, !cancelled);
    Q_EMIT runFinished(false, {}, false);
}

} // namespace Retort
