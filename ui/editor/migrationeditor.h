// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "util/diagnostic.h"

#include <QWidget>

class QAction;
class QFileSystemWatcher;
class QLabel;
class QPushButton;

namespace Retort {

class CodeEditor;

// Edits one migration script: loads the file into a CodeEditor (Python), saves it
// atomically (QSaveFile, Ctrl+S), and watches it on disk. When the file changes behind
// the editor's back a bar above the text offers "Reload" or "Keep my version"; it never
// blocks with a dialog. Read and write failures are shown in a bar too (what failed,
// the path, what to do) and returned as false + errorString(). GUI thread only; owns
// its editor and watcher.
class MigrationEditor : public QWidget
{
    Q_OBJECT
public:
    explicit MigrationEditor(QWidget *parent = nullptr);
    ~MigrationEditor() override;

    // Opens a file (replacing the current one, unsaved changes included: ask first with
    // isModified()). False when it cannot be read.
    bool openFile(const QString &path);
    // Writes the text back to filePath() atomically. False (and the file untouched) on failure.
    bool save();
    // Reads the file again, dropping unsaved changes.
    bool reload();
    // Closes the file; the editor is empty afterwards.
    void clear();

    QString filePath() const { return m_path; }
    bool isModified() const;
    QString errorString() const { return m_errorString; }
    CodeEditor *editor() const { return m_editor; }
    QAction *saveAction() const { return m_saveAction; }

    // Parser/interpreter diagnostics of this file, underlined in the text.
    void setDiagnostics(const Diagnostics &diagnostics);

    // The file changed on disk and the user has not answered yet.
    bool isExternalChangePending() const;
    // The answers of the change bar, also callable directly.
    void acceptExternalChange(); // reload from disk
    void keepLocalVersion();     // keep the text; the next save overwrites the file

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void fileOpened(const QString &path);
    void saved(const QString &path);
    void modificationChanged(bool modified);
    void externalChangeDetected(const QString &path);
    void revisionLinkActivated(const QString &revision);
    void errorOccurred(const QString &message);

private:
    bool readFile(const QString &path, QByteArray *bytes, QString *text);
    void setText(const QString &text, const QByteArray &bytes);
    QWidget *makeBar(QLabel **label, const QColor &tint, const QIcon &icon);
    void onFileChanged(const QString &path);
    void watch(const QString &path);
    void showError(const QString &message);
    void hideBars();

    CodeEditor *m_editor = nullptr;
    QFileSystemWatcher *m_watcher = nullptr;
    QWidget *m_changeBar = nullptr;
    QLabel *m_changeLabel = nullptr;
    QPushButton *m_reloadButton = nullptr;
    QPushButton *m_keepButton = nullptr;
    QWidget *m_errorBar = nullptr;
    QLabel *m_errorLabel = nullptr;
    QAction *m_saveAction = nullptr;
    QString m_path;
    QString m_errorString;
    QByteArray m_diskContents; // what the file held when last read or written
    bool m_byteOrderMark = false; // written back as it was found
    bool m_crlf = false;          // CR LF line ends, written back as they were found
};

} // namespace Retort
