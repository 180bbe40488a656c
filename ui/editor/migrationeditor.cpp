// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/migrationeditor.h"
#include "icons.h"

#include "editor/codeeditor.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSaveFile>
#include <QStyle>
#include <QVBoxLayout>

namespace Retort {

namespace {

const QByteArray utf8Bom("\xEF\xBB\xBF");

QColor tinted(const QColor &base, const QColor &tint)
{
    constexpr qreal amount = 0.18;
    return QColor::fromRgbF(base.redF() * (1 - amount) + tint.redF() * amount,
                            base.greenF() * (1 - amount) + tint.greenF() * amount,
                            base.blueF() * (1 - amount) + tint.blueF() * amount);
}

} // namespace

MigrationEditor::MigrationEditor(QWidget *parent)
    : QWidget(parent)
    , m_editor(new CodeEditor(this))
    , m_watcher(new QFileSystemWatcher(this))
{
    m_editor->setLanguage(CodeEditor::Language::Python);
    m_editor->installEventFilter(this);

    m_changeBar = makeBar(&m_changeLabel, QColor(0xf6, 0x74, 0x00),
                          style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_reloadButton = new QPushButton(tr("Reload"), m_changeBar);
    m_keepButton = new QPushButton(tr("Keep my version"), m_changeBar);
    m_changeBar->layout()->addWidget(m_reloadButton);
    m_changeBar->layout()->addWidget(m_keepButton);
    connect(m_reloadButton, &QPushButton::clicked, this, &MigrationEditor::acceptExternalChange);
    connect(m_keepButton, &QPushButton::clicked, this, &MigrationEditor::keepLocalVersion);

    m_errorBar = makeBar(&m_errorLabel, QColor(0xda, 0x44, 0x53),
                         style()->standardIcon(QStyle::SP_MessageBoxCritical));
    auto *dismiss = new QPushButton(tr("Dismiss"), m_errorBar);
    m_errorBar->layout()->addWidget(dismiss);
    connect(dismiss, &QPushButton::clicked, m_errorBar, &QWidget::hide);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_changeBar);
    layout->addWidget(m_errorBar);
    layout->addWidget(m_editor, 1);

    m_saveAction = new QAction(Icons::action(QStringLiteral("document-save")),
                               tr("&Save"), this);
    m_saveAction->setEnabled(false);
    connect(m_saveAction, &QAction::triggered, this, &MigrationEditor::save);

    connect(m_editor->document(), &QTextDocument::modificationChanged, this, [this](bool modified) {
        m_saveAction->setEnabled(modified && !m_path.isEmpty());
        Q_EMIT modificationChanged(modified);
    });
    connect(m_editor, &CodeEditor::revisionLinkActivated, this,
            &MigrationEditor::revisionLinkActivated);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &MigrationEditor::onFileChanged);
    setFocusProxy(m_editor);
}

MigrationEditor::~MigrationEditor() = default;

QWidget *MigrationEditor::makeBar(QLabel **label, const QColor &tint, const QIcon &icon)
{
    auto *bar = new QFrame(this);
    bar->setFrameShape(QFrame::NoFrame);
    bar->setAutoFillBackground(true);
    QPalette pal = bar->palette();
    pal.setColor(QPalette::Window, tinted(palette().color(QPalette::Base), tint));
    bar->setPalette(pal);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(8);
    auto *iconLabel = new QLabel(bar);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    iconLabel->setPixmap(icon.pixmap(size, size));
    layout->addWidget(iconLabel, 0, Qt::AlignTop);
    *label = new QLabel(bar);
    (*label)->setWordWrap(true);
    (*label)->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(*label, 1);
    bar->hide();
    return bar;
}

bool MigrationEditor::readFile(const QString &path, QByteArray *bytes, QString *text)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showError(tr("Could not open “%1”: %2. Check that the file exists and that you may "
                     "read it, then open it again.")
                      .arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    *bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        showError(tr("Could not read “%1”: %2. Check the file and open it again.")
                      .arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    QByteArray body = *bytes;
    if (body.startsWith(utf8Bom))
        body.remove(0, utf8Bom.size());
    QString decoded = QString::fromUtf8(body);
    // Saving a file that was not UTF-8 would replace bytes: refuse instead.
    if (decoded.toUtf8() != body) {
        showError(tr("“%1” is not valid UTF-8. Retort edits migration scripts as UTF-8 (as "
                     "Python 3 reads them); convert the file and open it again.")
                      .arg(QDir::toNativeSeparators(path)));
        return false;
    }
    *text = decoded;
    return true;
}

void MigrationEditor::setText(const QString &text, const QByteArray &bytes)
{
    m_byteOrderMark = bytes.startsWith(utf8Bom);
    m_crlf = text.contains(QLatin1String("\r\n"));
    QString plain = text;
    if (m_crlf)
        plain.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    m_diskContents = bytes;
    // Keep the view where it was when the same file is reloaded.
    const int line = m_editor->textCursor().blockNumber() + 1;
    const int scroll = m_editor->verticalScrollBar()->value();
    const bool sameFile = !m_editor->document()->isEmpty();
    m_editor->setPlainText(plain);
    if (sameFile) {
        m_editor->goToLine(line);
        m_editor->verticalScrollBar()->setValue(scroll);
    }
    m_editor->document()->setModified(false);
}

bool MigrationEditor::openFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QByteArray bytes;
    QString text;
    if (!readFile(absolute, &bytes, &text))
        return false;
    hideBars();
    m_editor->clear();
    m_editor->setDiagnostics({});
    m_path = absolute;
    setText(text, bytes);
    watch(absolute);
    Q_EMIT fileOpened(absolute);
    return true;
}

bool MigrationEditor::reload()
{
    if (m_path.isEmpty())
        return false;
    QByteArray bytes;
    QString text;
    if (!readFile(m_path, &bytes, &text))
        return false;
    hideBars();
    setText(text, bytes);
    watch(m_path);
    return true;
}

bool MigrationEditor::save()
{
    if (m_path.isEmpty())
        return false;
    QString text = m_editor->toPlainText();
    if (m_crlf)
        text.replace(QLatin1Char('\n'), QLatin1String("\r\n"));
    QByteArray bytes = text.toUtf8();
    if (m_byteOrderMark)
        bytes.prepend(utf8Bom);
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        showError(tr("Could not save “%1”: %2. The file on disk is unchanged; check that the "
                     "folder is writable and the disk is not full, then save again.")
                      .arg(QDir::toNativeSeparators(m_path), file.errorString()));
        return false;
    }
    m_diskContents = bytes;
    m_errorString.clear();
    hideBars();
    m_editor->document()->setModified(false);
    // QSaveFile replaces the file: watch the new one.
    watch(m_path);
    Q_EMIT saved(m_path);
    return true;
}

void MigrationEditor::clear()
{
    if (!m_path.isEmpty())
        m_watcher->removePath(m_path);
    m_path.clear();
    m_diskContents.clear();
    hideBars();
    m_editor->setDiagnostics({});
    m_editor->clear();
    m_editor->document()->setModified(false);
}

bool MigrationEditor::isModified() const
{
    return m_editor->document()->isModified();
}

void MigrationEditor::setDiagnostics(const Diagnostics &diagnostics)
{
    m_editor->setDiagnostics(diagnostics);
}

bool MigrationEditor::isExternalChangePending() const
{
    return !m_changeBar->isHidden();
}

void MigrationEditor::acceptExternalChange()
{
    reload();
}

void MigrationEditor::keepLocalVersion()
{
    m_changeBar->hide();
    // The text no longer matches the disk: saving must be possible even without edits.
    m_editor->document()->setModified(true);
}

void MigrationEditor::watch(const QString &path)
{
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (QFileInfo::exists(path))
        m_watcher->addPath(path);
}

void MigrationEditor::onFileChanged(const QString &path)
{
    if (path != m_path)
        return;
    const bool exists = QFileInfo::exists(path);
    // Editors that save by renaming replace the file: keep watching the new one.
    if (exists && !m_watcher->files().contains(path))
        m_watcher->addPath(path);
    if (exists) {
        QFile file(path);
        // Our own save, or a touch that left the bytes as they were: nothing changed.
        if (file.open(QIODevice::ReadOnly) && file.readAll() == m_diskContents)
            return;
    }
    const QString name = QFileInfo(path).fileName();
    if (!exists) {
        m_changeLabel->setText(tr("<b>%1</b> was deleted or renamed on disk. Save writes it again "
                                  "from the text below.")
                                   .arg(name.toHtmlEscaped()));
        m_reloadButton->hide();
    } else if (isModified()) {
        m_changeLabel->setText(tr("<b>%1</b> was changed on disk, and you have unsaved changes. "
                                  "Reload it (your changes are lost) or keep your version "
                                  "(saving overwrites the other change)?")
                                   .arg(name.toHtmlEscaped()));
        m_reloadButton->show();
    } else {
        m_changeLabel->setText(tr("<b>%1</b> was changed on disk. Reload it, or keep the text "
                                  "shown here?")
                                   .arg(name.toHtmlEscaped()));
        m_reloadButton->show();
    }
    m_changeBar->show();
    Q_EMIT externalChangeDetected(path);
}

void MigrationEditor::showError(const QString &message)
{
    m_errorString = message;
    m_errorLabel->setText(message.toHtmlEscaped());
    m_errorBar->show();
    Q_EMIT errorOccurred(message);
}

void MigrationEditor::hideBars()
{
    m_changeBar->hide();
    m_errorBar->hide();
}

bool MigrationEditor::eventFilter(QObject *watched, QEvent *event)
{
    // Ctrl+S while typing saves this file, even when the window has its own Save.
    if (watched == m_editor &&
        (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Save)) {
            event->accept();
            if (event->type() == QEvent::KeyPress)
                save();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Retort
