// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loadedproject.h"
#include "script/revisionwriter.h"

#include <QDateTime>
#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace Retort {

// What the New Revision and Merge dialogs share: the project they write into, the
// check of the request as the user types (the form's own problems first, then
// RevisionWriter::prepare() — Alembic's rules and messages —, then what would go
// wrong on disk: a revision id in use, an existing file, a folder that cannot be
// written), the name of the file that will be written, the `alembic …` command that
// does the same, and the write itself through RevisionWriter::write() (QSaveFile:
// the same bytes as `retort-cli revision/merge`). A failed write keeps the dialog open
// with the error; accept() closes it only once the file exists. GUI thread only.
class RevisionDialogBase : public QDialog
{
    Q_OBJECT
public:
    ~RevisionDialogBase() override;

    // The request the form describes, as retort-cli would build it from its options
    // (the revision id: the one typed, else one drawn when the dialog opened).
    virtual RevisionRequest request() const = 0;

    // After validate(): empty when the file can be written, else why not.
    QString problem() const { return m_problem; }
    // A remark that does not block (e.g. a new base without a branch label).
    QString hint() const { return m_hint; }
    // The file that would be written (absolute), once the request is valid.
    QString plannedPath() const { return m_plannedPath; }
    bool isValid() const { return m_problem.isEmpty(); }
    // The `alembic …` command line that creates the same revision.
    virtual QString alembicCommand() const = 0;

    // Fixes the create date written into the file (tests compare bytes).
    void setCreateDate(const QDateTime &date);
    // The file written by accept(), when it succeeded.
    const std::optional<RevisionFile> &writtenFile() const { return m_written; }
    QString errorString() const { return m_errorString; }

    // Checks the form again and updates the message area; true when valid.
    bool validate();

public Q_SLOTS:
    // Writes the file; closes the dialog only when it was written.
    void accept() override;

protected:
    RevisionDialogBase(const LoadedProject &project, QWidget *parent);

    // What the form itself can tell is wrong or missing (empty when nothing), and a
    // non-blocking remark.
    virtual QString formProblem() const = 0;
    virtual QString formHint() const { return QString(); }

    // Adds the file name, the message area and the buttons below the form; the
    // subclass's form goes on top. Call once from the subclass constructor.
    void finishLayout(QFormLayout *form, const QString &okText);

    const LoadedProject &project() const { return m_project; }
    // Drawn once per dialog so that the file name shown stays what will be written.
    const QString &generatedId() const { return m_generatedId; }
    // Shell-quotes one argument of a command shown to the user.
    static QString shellQuote(const QString &argument);
    // "alembic" or "alembic -c other.ini".
    QString alembicPrefix() const;

private:
    void showState();
    QString relativePath(const QString &path) const;
    QString diskProblem(const RevisionFile &file) const;

    LoadedProject m_project;
    QString m_generatedId;
    std::optional<QDateTime> m_createDate;
    QString m_problem;
    QString m_hint;
    QString m_plannedPath;
    QString m_errorString;
    std::optional<RevisionFile> m_written;

    QLabel *m_fileLabel = nullptr;
    QLineEdit *m_command = nullptr;
    QLabel *m_messageIcon = nullptr;
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Retort
