// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loadedproject.h"
#include "bridge/alembicresult.h"
#include "preview/sqlpreview.h"

#include <QFutureWatcher>
#include <QWidget>

#include <optional>

class QComboBox;
class QFrame;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QStackedWidget;
class QToolButton;

namespace Retort {

class CodeEditor;

// The SQL a migration or a range of migrations would run, for a chosen dialect: a
// header ("upgrade 3 migrations: a → b → c"), the warnings of SqlRiskAnalyzer (click
// one to jump to its file:line: locationActivated()), and the script read-only in a
// highlighted CodeEditor, with Copy and "Save as .sql…". The script is exactly what
// `retort-cli upgrade/downgrade FROM:TO --sql` prints. Rendering runs on a worker
// thread (QtConcurrent); a result for an older request is dropped. A migration that
// cannot be rendered natively is reported with the interpreter's file:line message.
// GUI thread only.
class SqlPreviewPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SqlPreviewPanel(QWidget *parent = nullptr);
    ~SqlPreviewPanel() override;

    // The project whose migrations are previewed; clears the current preview. Unless
    // setDefaultDialect() was called, the dialect follows the ini's sqlalchemy.url.
    void setProject(const LoadedProject &project);
    // The connection's dialect: chosen now and whenever a project is set.
    void setDefaultDialect(SqlDialect dialect);
    // The same from a SQLAlchemy URL or dialect name; false when Retort does not render it.
    bool setDefaultDialectFromUrl(const QString &url);
    void setDialect(SqlDialect dialect);
    SqlDialect dialect() const;

    // One migration's upgrade() or downgrade().
    void showMigration(const QString &revision, MigrationStep::Direction direction);
    // What the database at currentRevisions would run to reach target.
    void showRange(const QStringList &currentRevisions, const QString &target,
                   MigrationStep::Direction direction);
    void clear();

    // The script shown (empty while none), the last result, and whether one is computing.
    QString sql() const;
    const SqlPreviewResult &result() const { return m_result; }
    bool isBusy() const;
    QString headerText() const;

    // Writes the script to a file atomically (QSaveFile); false + errorString() on failure.
    bool saveSql(const QString &path);
    QString errorString() const { return m_errorString; }
    void copySql();

    // For a migration the native interpreter cannot follow: asks the project's own Python to
    // print the script (`alembic upgrade FROM:TO --sql`, the range of the current preview)
    // and shows it marked "rendered by Alembic". false when the preview has no such range.
    bool renderWithAlembic();
    bool isRenderedByAlembic() const { return m_renderedByAlembic; }
    // Shown while the current preview could be rendered by Alembic instead.
    QToolButton *alembicButton() const { return m_alembicButton; }
    QLabel *renderedByLabel() const { return m_renderedBy; }

    CodeEditor *sqlView() const { return m_sqlView; }
    QListWidget *warningList() const { return m_warnings; }

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

Q_SIGNALS:
    // The user asked to see a place in a migration (a warning or a diagnostic).
    void locationActivated(const QString &path, int line);
    // A preview finished and is shown (successful or not).
    void previewFinished();

private:
    void request(SqlPreviewRequest request);
    void deliver();
    void showResult(const SqlPreviewResult &result);
    void showMessage(const QString &text);
    void saveAs();
    void onWarningActivated(QListWidgetItem *item);
    QString describe(const SqlPreviewResult &result) const;
    void fitWarningList();
    void setHeader(const QString &text);
    void elideHeader();
    void tintWarningList();
    // `upgrade FROM:TO` / `downgrade FROM:TO` for the current request; empty when Alembic's
    // offline mode has no single range for it (several current heads, a merge).
    QStringList alembicRange() const;
    void showAlembicResult(quint64 generation, const QString &interpreter, const QString &alembicVersion,
                           const AlembicResult &result);

    LoadedProject m_project;
    std::optional<SqlPreviewRequest> m_lastRequest;
    std::optional<SqlDialect> m_defaultDialect;
    SqlPreviewResult m_result;
    QFutureWatcher<SqlPreviewResult> m_watcher;
    quint64 m_generation = 0; // of the newest request; older results are dropped
    bool m_busy = false;

    QComboBox *m_dialectBox = nullptr;
    QLabel *m_header = nullptr;
    QString m_headerText; // m_header shows it elided in the middle when too long
    QToolButton *m_copyButton = nullptr;
    QToolButton *m_saveButton = nullptr;
    QListWidget *m_warnings = nullptr;
    QFrame *m_warningSeparator = nullptr;
    QStackedWidget *m_body = nullptr;
    QLabel *m_message = nullptr;
    CodeEditor *m_sqlView = nullptr;
    QString m_errorString;
    QToolButton *m_alembicButton = nullptr;
    QLabel *m_renderedBy = nullptr;
    bool m_renderedByAlembic = false;
};

} // namespace Retort
