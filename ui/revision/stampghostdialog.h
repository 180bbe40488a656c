// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loadedproject.h"
#include "revision/ghostclue.h"
#include "run/runresult.h"
#include "sql/sqldialect.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;

namespace Retort {

class CodeEditor;
class RunController;

// The guided fix for a "ghost": a row of the version table that names a revision no
// script of the project defines. Explains the situation in plain words, suggests where
// to stamp to (the missing revision's likely parent when a trace of it is found, the
// heads, base), keeps the table's other, known rows on request, and shows the exact SQL
// (GhostStampPlan: what the runner executes for `alembic stamp --purge …`, in the
// connection's dialect). Nothing runs before the user confirms in RunConfirmationDialog
// (which asks for the database's name on production profiles); the stamp then runs on
// RunController's worker thread and the dialog reports the outcome. GUI thread only.
class StampGhostDialog : public QDialog
{
    Q_OBJECT
public:
    struct Connection
    {
        QString url;            // SQLAlchemy URL, password included: never shown
        QString displayUrl;     // password masked
        QString productionName; // non-empty for a production profile: must be typed
    };

    StampGhostDialog(const LoadedProject &project, const QStringList &versionRows, const QString &ghost,
                     const Connection &connection, QWidget *parent = nullptr);
    ~StampGhostDialog() override;

    // The revisions the table will hold (ids; empty: base), or an error in problem().
    QStringList targets() const;
    QString problem() const { return m_problem; }
    // The statements shown, one per entry (no terminator).
    QStringList statements() const { return m_statements; }
    // The clue found about the missing revision, if any.
    const std::optional<GhostClue> &clue() const { return m_clue; }

    // Chooses where to stamp to by identifier ("head", an id, a prefix, "base").
    void setTarget(const QString &identifier);
    void setKeepOtherRows(bool keep);

    // Asks for confirmation, then starts; false when declined or impossible.
    bool confirmAndStamp();
    // Starts without asking (after the confirmation, and for tests).
    bool startStamp();
    bool isRunning() const { return m_running; }
    RunController *controller() const { return m_controller; }

    QComboBox *targetBox() const { return m_target; }
    QCheckBox *keepBox() const { return m_keep; }
    CodeEditor *sqlView() const { return m_sql; }
    QPushButton *stampButton() const { return m_stampButton; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    // The stamp ran; rows: the version table afterwards.
    void stamped(const QStringList &rows);
    void logMessage(const QString &message, bool error);

public Q_SLOTS:
    // Closing during the stamp cancels it.
    void reject() override;

private:
    void fillTargets();
    void update();
    void finished(const RunSummary &summary);
    void failed(const RunError &error);
    QString describeRevision(const QString &id) const;
    QString runUrl() const;

    LoadedProject m_project;
    QStringList m_rows;
    QStringList m_otherRows; // known revisions also in the table
    QString m_ghost;
    Connection m_connection;
    std::optional<SqlDialect> m_dialect;
    std::optional<GhostClue> m_clue;
    QString m_problem;
    QStringList m_statements;
    bool m_running = false;
    bool m_done = false;

    RunController *m_controller = nullptr;
    QComboBox *m_target = nullptr;
    QCheckBox *m_keep = nullptr;
    CodeEditor *m_sql = nullptr;
    QLabel *m_sqlCaption = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_stampButton = nullptr;
};

} // namespace Retort
