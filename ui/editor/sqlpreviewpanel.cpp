// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/sqlpreviewpanel.h"
#include "icons.h"

#include "bridge/alembicinvocation.h"
#include "bridge/alembicprocess.h"
#include "bridge/interpreterchoice.h"
#include "commands/commandcontext.h"
#include "editor/codeeditor.h"

#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QSaveFile>
#include <QStackedWidget>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace Retort {

namespace {

enum ItemRole { PathRole = Qt::UserRole + 1, LineRole };

QString dialectTitle(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::Sqlite:
        return QStringLiteral("SQLite");
    case SqlDialect::PostgreSql:
        return QStringLiteral("PostgreSQL");
    case SqlDialect::MySql:
        return QStringLiteral("MySQL / MariaDB");
    }
    return QString();
}

QString location(const QString &path, int line)
{
    QString text = QDir::toNativeSeparators(path);
    if (line > 0)
        text += QLatin1Char(':') + QString::number(line);
    return text;
}

// The dialect of a SQLAlchemy URL ("postgresql+psycopg2://...") or a bare dialect name.
std::optional<SqlDialect> dialectOfUrl(const QString &url)
{
    const Result<QString> name = url.contains(QLatin1Char(':'))
                                     ? CommandContext::dialectFromUrl(url)
                                     : CommandContext::dialectFromName(url);
    return name ? sqlDialectFromName(name.value()) : std::nullopt;
}

} // namespace

SqlPreviewPanel::SqlPreviewPanel(QWidget *parent)
    : QWidget(parent)
{
    m_header = new QLabel(this);
    m_header->setTextFormat(Qt::PlainText);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QFont headerFont = m_header->font();
    headerFont.setWeight(QFont::DemiBold);
    m_header->setFont(headerFont);

    m_dialectBox = new QComboBox(this);
    for (SqlDialect d : {SqlDialect::Sqlite, SqlDialect::PostgreSql, SqlDialect::MySql})
        m_dialectBox->addItem(dialectTitle(d), int(d));
    m_dialectBox->setToolTip(tr("The SQL dialect to render for"));
    auto *dialectLabel = new QLabel(tr("&Dialect:"), this);
    dialectLabel->setBuddy(m_dialectBox);

    m_copyButton = new QToolButton(this);
    m_copyButton->setText(tr("Copy"));
    // Theme icons only: with no icon theme both buttons show text alone, alike.
    m_copyButton->setIcon(Icons::action(QStringLiteral("edit-copy")));
    m_copyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copyButton->setToolTip(tr("Copy the SQL to the clipboard"));
    m_saveButton = new QToolButton(this);
    m_saveButton->setText(tr("Save as .sql…"));
    m_saveButton->setIcon(Icons::action(QStringLiteral("document-save-as")));
    m_saveButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_saveButton->setToolTip(tr("Save the SQL to a file"));
    m_alembicButton = new QToolButton(this);
    m_alembicButton->setText(tr("Render with Alembic"));
    m_alembicButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_alembicButton->setToolTip(tr("Let the project's own Python and Alembic print this SQL "
                                   "(alembic upgrade FROM:TO --sql)"));
    m_alembicButton->hide();
    connect(m_alembicButton, &QToolButton::clicked, this, &SqlPreviewPanel::renderWithAlembic);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(8, 6, 8, 6);
    top->setSpacing(6);
    top->addWidget(m_header, 1);
    top->addSpacing(12);
    top->addWidget(dialectLabel);
    top->addWidget(m_dialectBox);
    top->addWidget(m_alembicButton);
    top->addWidget(m_copyButton);
    top->addWidget(m_saveButton);

    m_warnings = new QListWidget(this);
    m_warnings->setUniformItemSizes(true);
    m_warnings->setTextElideMode(Qt::ElideRight);
    m_warnings->setFrameShape(QFrame::NoFrame);
    m_warnings->setSizeAdjustPolicy(QAbstractScrollArea::AdjustIgnored);
    m_warnings->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_warnings->setIconSize(QSize(16, 16));
    m_warnings->setCursor(Qt::PointingHandCursor);
    m_warnings->hide();
    tintWarningList();
    m_warningSeparator = new QFrame(this);
    m_warningSeparator->setFrameShape(QFrame::HLine);
    m_warningSeparator->setFrameShadow(QFrame::Sunken);
    m_warningSeparator->hide();

    m_sqlView = new CodeEditor(this);
    m_sqlView->setReadOnly(true);
    m_sqlView->setFrameShape(QFrame::NoFrame);
    m_sqlView->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setMargin(24);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setForegroundRole(QPalette::PlaceholderText);

    m_body = new QStackedWidget(this);
    m_body->addWidget(m_message);
    m_body->addWidget(m_sqlView);

    auto *separator = new QFrame(this);
    separator->setFrameShape(QFrame::HLine);
    separator->setFrameShadow(QFrame::Sunken);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(separator);
    m_renderedBy = new QLabel(this);
    m_renderedBy->setWordWrap(true);
    m_renderedBy->setMargin(6);
    m_renderedBy->setAutoFillBackground(true);
    m_renderedBy->hide();
    layout->addWidget(m_renderedBy);
    layout->addWidget(m_warnings);
    layout->addWidget(m_warningSeparator);
    layout->addWidget(m_body, 1);

    connect(m_dialectBox, &QComboBox::currentIndexChanged, this, [this] {
        if (m_lastRequest) {
            SqlPreviewRequest again = *m_lastRequest;
            again.dialect = dialect();
            request(again);
        }
    });
    connect(m_copyButton, &QToolButton::clicked, this, &SqlPreviewPanel::copySql);
    connect(m_saveButton, &QToolButton::clicked, this, &SqlPreviewPanel::saveAs);
    connect(m_warnings, &QListWidget::itemActivated, this, &SqlPreviewPanel::onWarningActivated);
    connect(m_warnings, &QListWidget::itemClicked, this, &SqlPreviewPanel::onWarningActivated);
    connect(&m_watcher, &QFutureWatcher<SqlPreviewResult>::finished, this, &SqlPreviewPanel::deliver);

    clear();
}

SqlPreviewPanel::~SqlPreviewPanel() = default;

void SqlPreviewPanel::setProject(const LoadedProject &project)
{
    m_project = project;
    clear();
    if (m_defaultDialect) {
        setDialect(*m_defaultDialect);
    } else if (project.layout && project.layout->config) {
        // Without a connection, the ini's sqlalchemy.url decides, as for `alembic --sql`.
        const Result<std::optional<QString>> url = project.layout->config->sqlalchemyUrl();
        if (url && url.value()) {
            if (const std::optional<SqlDialect> d = dialectOfUrl(*url.value()))
                setDialect(*d);
        }
    }
}

void SqlPreviewPanel::setDefaultDialect(SqlDialect dialect)
{
    m_defaultDialect = dialect;
    setDialect(dialect);
}

bool SqlPreviewPanel::setDefaultDialectFromUrl(const QString &url)
{
    const std::optional<SqlDialect> dialect = dialectOfUrl(url);
    if (dialect)
        setDefaultDialect(*dialect);
    return dialect.has_value();
}

void SqlPreviewPanel::setDialect(SqlDialect dialect)
{
    m_dialectBox->setCurrentIndex(m_dialectBox->findData(int(dialect)));
}

SqlDialect SqlPreviewPanel::dialect() const
{
    return SqlDialect(m_dialectBox->currentData().toInt());
}

void SqlPreviewPanel::showMigration(const QString &revision, MigrationStep::Direction direction)
{
    request(SqlPreviewRequest::migration(m_project.map, revision, direction, dialect()));
}

void SqlPreviewPanel::showRange(const QStringList &currentRevisions, const QString &target,
                                MigrationStep::Direction direction)
{
    request(SqlPreviewRequest::range(m_project.map, currentRevisions, target, direction, dialect()));
}

void SqlPreviewPanel::clear()
{
    ++m_generation; // whatever is still computing is no longer wanted
    m_busy = false;
    m_lastRequest.reset();
    m_result = SqlPreviewResult();
    m_renderedByAlembic = false;
    m_renderedBy->hide();
    m_alembicButton->hide();
    m_sqlView->clear();
    m_warnings->clear();
    m_warnings->hide();
    setHeader(tr("SQL preview"));
    m_copyButton->setEnabled(false);
    m_saveButton->setEnabled(false);
    showMessage(tr("Select a migration to see the SQL it runs."));
}

void SqlPreviewPanel::request(SqlPreviewRequest request)
{
    request.generation = ++m_generation;
    m_lastRequest = request;
    m_busy = true;
    m_renderedByAlembic = false;
    m_renderedBy->hide();
    m_alembicButton->hide();
    setHeader(tr("Rendering SQL…"));
    // The map is copied into the request, so the worker shares nothing with the GUI.
    m_watcher.setFuture(QtConcurrent::run(&SqlPreview::render, request));
}

void SqlPreviewPanel::deliver()
{
    const SqlPreviewResult result = m_watcher.result();
    if (result.generation != m_generation)
        return; // a newer request is on its way
    m_busy = false;
    showResult(result);
    Q_EMIT previewFinished();
}

bool SqlPreviewPanel::isBusy() const
{
    return m_busy;
}

QString SqlPreviewPanel::sql() const
{
    return m_result.ok ? m_result.sql : QString();
}

QString SqlPreviewPanel::headerText() const
{
    return m_headerText;
}

void SqlPreviewPanel::setHeader(const QString &text)
{
    m_headerText = text;
    elideHeader();
}

void SqlPreviewPanel::elideHeader()
{
    m_header->setText(m_header->fontMetrics().elidedText(m_headerText, Qt::ElideMiddle,
                                                         qMax(0, m_header->width())));
}

void SqlPreviewPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    elideHeader();
}

void SqlPreviewPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_warnings)
        tintWarningList();
}

void SqlPreviewPanel::tintWarningList()
{
    // A warm band above the SQL, so warnings read as warnings in light and dark palettes.
    QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    const QColor amber(0xf6, 0x9a, 0x00);
    constexpr qreal amount = 0.12;
    pal.setColor(QPalette::Base, QColor::fromRgbF(base.redF() * (1 - amount) + amber.redF() * amount,
                                                  base.greenF() * (1 - amount) + amber.greenF() * amount,
                                                  base.blueF() * (1 - amount) + amber.blueF() * amount));
    m_warnings->setPalette(pal);
}

QString SqlPreviewPanel::describe(const SqlPreviewResult &result) const
{
    const bool upgrade = m_lastRequest && m_lastRequest->direction == MigrationStep::Direction::Upgrade;
    const QStringList revisions = result.scriptRevisions();
    if (revisions.isEmpty()) {
        return upgrade ? tr("upgrade: nothing to run (%1)").arg(dialectTitle(result.dialect))
                       : tr("downgrade: nothing to run (%1)").arg(dialectTitle(result.dialect));
    }
    // Long ranges keep their ends: "a → b → … → y → z".
    QStringList shown = revisions;
    if (shown.size() > 6)
        shown = revisions.mid(0, 2) + QStringList{QStringLiteral("…")} + revisions.mid(revisions.size() - 2);
    const QString path = shown.join(QStringLiteral(" → "));
    // English plurals spelled out: the source strings are what users without a
    // translation read.
    const int n = int(revisions.size());
    if (n == 1)
        return upgrade ? tr("upgrade 1 migration: %1").arg(path)
                       : tr("downgrade 1 migration: %1").arg(path);
    return upgrade ? tr("upgrade %n migrations: %1", nullptr, n).arg(path)
                   : tr("downgrade %n migrations: %1", nullptr, n).arg(path);
}

void SqlPreviewPanel::showResult(const SqlPreviewResult &result)
{
    m_result = result;
    setHeader(result.plan.steps.isEmpty() && !result.ok ? tr("SQL preview") : describe(result));
    m_header->setToolTip(result.scriptRevisions().join(QStringLiteral(" → ")));

    m_warnings->clear();
    const QIcon warningIcon = QIcon::fromTheme(QStringLiteral("dialog-warning"),
                                               style()->standardIcon(QStyle::SP_MessageBoxWarning));
    const QIcon errorIcon = QIcon::fromTheme(QStringLiteral("dialog-error"),
                                             style()->standardIcon(QStyle::SP_MessageBoxCritical));
    for (const Diagnostic &d : result.diagnostics) {
        auto *item = new QListWidgetItem(errorIcon, tr("%1 — cannot be rendered natively: %2")
                                                        .arg(QFileInfo(d.file).fileName(), d.message),
                                         m_warnings);
        item->setToolTip(d.toString());
        item->setData(PathRole, d.file);
        item->setData(LineRole, d.line);
    }
    for (const SqlRisk &risk : result.risks) {
        auto *item = new QListWidgetItem(
            warningIcon,
            tr("%1  %2 — %3").arg(risk.revision.left(12), risk.summary, risk.reason), m_warnings);
        item->setToolTip((risk.direction == MigrationStep::Direction::Upgrade ? tr("%1\n%2 in the upgrade of %3")
                                                                               : tr("%1\n%2 in the downgrade of %3"))
                             .arg(location(risk.file, risk.line), risk.operation, risk.revision));
        item->setData(PathRole, risk.file);
        item->setData(LineRole, risk.line);
    }
    // Rows with some air, like a list of compiler messages in an IDE.
    const QSize rowSize(0, qMax(fontMetrics().height(), m_warnings->iconSize().height()) + 8);
    for (int i = 0; i < m_warnings->count(); ++i)
        m_warnings->item(i)->setSizeHint(rowSize);
    fitWarningList();

    m_copyButton->setEnabled(result.ok);
    m_saveButton->setEnabled(result.ok);
    if (result.ok) {
        m_sqlView->setLanguage(CodeEditor::Language::Sql, result.dialect);
        m_sqlView->setPlainText(result.sql);
        m_body->setCurrentWidget(m_sqlView);
        return;
    }
    m_sqlView->clear();
    if (!result.diagnostics.isEmpty()) {
        QStringList lines;
        for (const Diagnostic &d : result.diagnostics)
            lines << d.toString();
        showMessage(tr("Retort cannot render this SQL itself: a migration uses Python that only "
                       "Alembic can run.\n\n%1\n\nAlembic itself can still print the script "
                       "(`alembic upgrade FROM:TO --sql`): use “Render with Alembic”, or click "
                       "the problem above to open the file.")
                        .arg(lines.join(QLatin1Char('\n'))));
        m_alembicButton->setVisible(!alembicRange().isEmpty());
    } else {
        showMessage(tr("No SQL to show: %1").arg(result.errorString));
    }
}

void SqlPreviewPanel::fitWarningList()
{
    const int count = m_warnings->count();
    m_warnings->setVisible(count > 0);
    m_warningSeparator->setVisible(count > 0);
    if (count == 0)
        return;
    const int row = m_warnings->sizeHintForRow(0);
    const int rows = qMin(count, 5);
    m_warnings->setFixedHeight(row * rows + 2 * m_warnings->frameWidth() + 2 * m_warnings->spacing());
}

void SqlPreviewPanel::showMessage(const QString &text)
{
    m_message->setText(text);
    m_body->setCurrentWidget(m_message);
}

void SqlPreviewPanel::onWarningActivated(QListWidgetItem *item)
{
    const QString path = item->data(PathRole).toString();
    if (!path.isEmpty())
        Q_EMIT locationActivated(path, item->data(LineRole).toInt());
}

void SqlPreviewPanel::copySql()
{
    if (m_result.ok)
        QGuiApplication::clipboard()->setText(m_result.sql);
}

bool SqlPreviewPanel::saveSql(const QString &path)
{
    if (!m_result.ok) {
        m_errorString = tr("There is no SQL to save.");
        return false;
    }
    QSaveFile file(path);
    const QByteArray bytes = m_result.sql.toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_errorString = tr("Could not save “%1”: %2. Check that the folder is writable and the "
                           "disk is not full, then try again.")
                            .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    m_errorString.clear();
    return true;
}

void SqlPreviewPanel::saveAs()
{
    QString suggestion;
    if (m_lastRequest) {
        const QString what = m_lastRequest->kind == SqlPreviewRequest::Kind::Migration
                                 ? m_lastRequest->revision
                                 : m_lastRequest->target;
        suggestion = what + (m_lastRequest->direction == MigrationStep::Direction::Upgrade
                                 ? QStringLiteral("_upgrade.sql")
                                 : QStringLiteral("_downgrade.sql"));
    }
    const QString folder = m_project.layout ? m_project.layout->projectPath : QDir::homePath();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save SQL"), QDir(folder).filePath(suggestion), tr("SQL files (*.sql);;All files (*)"));
    if (path.isEmpty())
        return;
    if (!saveSql(path))
        QMessageBox::warning(this, tr("Save SQL"), m_errorString);
}

QStringList SqlPreviewPanel::alembicRange() const
{
    if (!m_lastRequest || !m_project.layout)
        return {};
    const SqlPreviewRequest &r = *m_lastRequest;
    const bool upgrade = r.direction == MigrationStep::Direction::Upgrade;
    QString from;
    QString to;
    if (r.kind == SqlPreviewRequest::Kind::Migration) {
        const Revision *revision = m_project.map.revision(r.revision);
        if (!revision || revision->downRevisions.size() > 1)
            return {};
        const QString parent = revision->downRevisions.value(0);
        from = upgrade ? parent : r.revision;
        to = upgrade ? r.revision : (parent.isEmpty() ? QStringLiteral("base") : parent);
    } else {
        if (r.current.size() > 1)
            return {};
        from = r.current.value(0);
        to = r.target;
    }
    const QString range = from.isEmpty() ? to : from + QLatin1Char(':') + to;
    return {upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade"), range, QStringLiteral("--sql")};
}

bool SqlPreviewPanel::renderWithAlembic()
{
    const QStringList arguments = alembicRange();
    if (arguments.isEmpty())
        return false;
    const quint64 generation = ++m_generation;
    m_busy = true;
    m_alembicButton->hide();
    setHeader(tr("Rendering SQL with Alembic…"));
    showMessage(tr("Running %1 with the project's Python…").arg(arguments.join(QLatin1Char(' '))));
    const ProjectLayout layout = *m_project.layout;
    // Offline mode needs only the dialect: a URL without a server names it.
    QString url;
    switch (dialect()) {
    case SqlDialect::Sqlite:
        url = QStringLiteral("sqlite://");
        break;
    case SqlDialect::PostgreSql:
        url = QStringLiteral("postgresql://");
        break;
    case SqlDialect::MySql:
        url = QStringLiteral("mysql+pymysql://");
        break;
    }
    auto *lookup = new QFutureWatcher<InterpreterChoice::Lookup>(this);
    connect(lookup, &QFutureWatcher<InterpreterChoice::Lookup>::finished, this,
            [this, lookup, generation, layout, arguments, url] {
                lookup->deleteLater();
                const InterpreterChoice::Lookup found = lookup->result();
                if (generation != m_generation)
                    return;
                if (!found.ok) {
                    AlembicResult failed;
                    failed.status = AlembicResult::Status::FailedToStart;
                    failed.errorString = found.errorString;
                    showAlembicResult(generation, QString(), QString(), failed);
                    return;
                }
                auto *process = new AlembicProcess(this);
                const QString python = found.interpreter.path;
                const QString version = found.interpreter.alembicVersion;
                connect(process, &AlembicProcess::finished, this,
                        [this, process, generation, python, version](const AlembicResult &result) {
                            process->deleteLater();
                            showAlembicResult(generation, python, version, result);
                        });
                process->start(AlembicInvocation::forProject(layout, python, arguments, url));
            });
    lookup->setFuture(InterpreterChoice::lookup(layout.projectPath));
    return true;
}

void SqlPreviewPanel::showAlembicResult(quint64 generation, const QString &interpreter,
                                        const QString &alembicVersion, const AlembicResult &result)
{
    if (generation != m_generation)
        return; // the user has moved on
    m_busy = false;
    if (!result.ok()) {
        QString text = tr("Alembic could not render this SQL either:\n\n%1").arg(result.errorString);
        m_warnings->clear();
        for (const Diagnostic &d : result.diagnostics) {
            auto *item = new QListWidgetItem(
                QIcon::fromTheme(QStringLiteral("dialog-error"), style()->standardIcon(QStyle::SP_MessageBoxCritical)),
                tr("%1 — raised in Alembic: %2").arg(location(d.file, d.line), d.message), m_warnings);
            item->setData(PathRole, d.file);
            item->setData(LineRole, d.line);
        }
        fitWarningList();
        setHeader(tr("SQL preview"));
        showMessage(text);
        Q_EMIT previewFinished();
        return;
    }
    m_renderedByAlembic = true;
    m_result.ok = true;
    m_result.sql = result.standardOutput.join(QLatin1Char('\n')) + QLatin1Char('\n');
    m_result.risks.clear();
    m_warnings->clear();
    fitWarningList();
    setHeader(tr("%1 — rendered by Alembic").arg(describe(m_result)));
    m_renderedBy->setText(tr("Rendered by Alembic %1 (%2), not by Retort: Retort's risk warnings "
                             "are not available for this script.")
                              .arg(alembicVersion, QDir::toNativeSeparators(interpreter)));
    QPalette pal = m_renderedBy->palette();
    pal.setColor(QPalette::Window, QColor(0x2e, 0x86, 0xc1));
    pal.setColor(QPalette::WindowText, Qt::white);
    m_renderedBy->setPalette(pal);
    m_renderedBy->show();
    m_copyButton->setEnabled(true);
    m_saveButton->setEnabled(true);
    m_sqlView->setLanguage(CodeEditor::Language::Sql, dialect());
    m_sqlView->setPlainText(m_result.sql);
    m_body->setCurrentWidget(m_sqlView);
    Q_EMIT previewFinished();
}

} // namespace Retort
