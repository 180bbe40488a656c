// SPDX-License-Identifier: GPL-3.0-or-later
#include "guidedtour.h"
#include "icons.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QVBoxLayout>

namespace Retort {

GuidedTour::GuidedTour(QWidget *parent)
    : QWidget(parent)
{
    m_steps = {
        {tr("A copy of the demo project"),
         tr("Retort copied the demo project, a small shop database, into a temporary folder "
            "and opened it. Its database is a SQLite file in that folder: nothing you do in "
            "this tour touches anything else, and the copy is deleted when the tour ends."),
         QString(), Action::OpenProject},
        {tr("The revision graph"),
         tr("Each row is a revision (a migration script), the newest at the top. Lines join a "
            "revision to the one it builds on (its <tt>down_revision</tt>). Look for the two "
            "<b>bases</b>, the <b>branch point</b> where the shop history forks, the <b>merge "
            "point</b> that joins it again and the dashed <b>depends_on</b> link. The Glossary "
            "tab explains each mark."),
         QStringLiteral("graph"), Action::None},
        {tr("Open a migration"),
         tr("Selecting a revision opens its script in the editor. This is the first one, which "
            "creates the <tt>users</tt> table: <tt>upgrade()</tt> says what it does, "
            "<tt>downgrade()</tt> how to undo it. Ctrl+S saves your changes."),
         QStringLiteral("editorDock"), Action::SelectBase},
        {tr("Preview the SQL"),
         tr("Retort reads the script and shows the SQL it runs, for the dialect you choose, "
            "without running Python. Warnings above the SQL point at destructive or locking "
            "statements. The Commands tab shows the <tt>alembic</tt> command that prints the "
            "same SQL."),
         QStringLiteral("previewDock"), Action::PreviewSql},
        {tr("Upgrade one step"),
         tr("Now apply that first migration to the throw-away database: Retort asks you to "
            "confirm, runs it and logs every statement. The equivalent is "
            "<tt>alembic upgrade 88653130d564</tt>: upgrade to that revision."),
         QStringLiteral("runDock"), Action::UpgradeOneStep},
        {tr("The current marker"),
         tr("The database's <b>current</b> revision is marked in the graph: it moved to the "
            "revision you just applied. Right-click any revision for “Upgrade to here” and see "
            "the exact path highlighted before anything runs."),
         QStringLiteral("graph"), Action::ShowCurrent},
    };

    m_progress = new QLabel(this);
    m_progress->setForegroundRole(QPalette::PlaceholderText);
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    m_startButton = new QPushButton(Icons::action(QStringLiteral("media-playback-start")),
                                    tr("&Start the Tour"), this);
    m_backButton = new QPushButton(Icons::action(QStringLiteral("go-previous")), tr("&Back"), this);
    m_nextButton = new QPushButton(Icons::action(QStringLiteral("go-next")), tr("&Next"), this);
    m_stopButton = new QPushButton(tr("&End Tour"), this);
    connect(m_startButton, &QPushButton::clicked, this, &GuidedTour::start);
    connect(m_backButton, &QPushButton::clicked, this, &GuidedTour::previous);
    connect(m_nextButton, &QPushButton::clicked, this, &GuidedTour::next);
    connect(m_stopButton, &QPushButton::clicked, this, &GuidedTour::stop);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_startButton);
    buttons->addWidget(m_stopButton);
    buttons->addStretch();
    buttons->addWidget(m_backButton);
    buttons->addWidget(m_nextButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_title);
    layout->addWidget(m_text, 1);
    layout->addLayout(buttons);
    showStep(-1);
}

GuidedTour::~GuidedTour() = default;

QString GuidedTour::projectPath() const
{
    return m_copy ? QDir(m_copy->path()).filePath(QStringLiteral("alembic.ini")) : QString();
}

bool GuidedTour::copyDemo(const QString &folder, QString *error)
{
    const QString root = QStringLiteral(":/demo");
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    int copied = 0;
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = QDir(folder).filePath(source.mid(root.size() + 1));
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile::remove(target);
        if (!QFile::copy(source, target)) {
            *error = tr("Could not copy %1 to %2.").arg(source, target);
            return false;
        }
        // Resource files are read-only; the copy is for editing.
        QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
        ++copied;
    }
    if (copied == 0) {
        *error = tr("This build of Retort has no demo project.");
        return false;
    }
    return true;
}

bool GuidedTour::start()
{
    m_copy = std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("retort-tour-XXXXXX")));
    if (!m_copy->isValid() || !copyDemo(m_copy->path(), &m_errorString)) {
        if (m_copy->isValid() && m_errorString.isEmpty())
            m_errorString = tr("Could not create a temporary folder for the demo project.");
        m_copy.reset();
        m_text->setText(m_errorString.toHtmlEscaped());
        return false;
    }
    Q_EMIT openProjectRequested(projectPath());
    showStep(0);
    return true;
}

void GuidedTour::next()
{
    if (m_step + 1 < m_steps.size())
        showStep(m_step + 1);
    else
        stop();
}

void GuidedTour::previous()
{
    if (m_step > 0)
        showStep(m_step - 1);
}

void GuidedTour::stop()
{
    if (m_step < 0)
        return;
    showStep(-1);
    m_copy.reset();
    Q_EMIT stopped();
}

void GuidedTour::showStep(int index)
{
    m_step = index;
    const bool running = index >= 0;
    m_startButton->setVisible(!running);
    m_stopButton->setVisible(running);
    m_backButton->setVisible(running);
    m_nextButton->setVisible(running);
    if (!running) {
        m_progress->setText(tr("Guided tour"));
        m_title->setText(tr("Learn Alembic on a demo project"));
        m_text->setText(tr("Six short steps through a real Alembic project: the revision graph, a "
                           "migration, its SQL, an upgrade and the database's current revision. "
                           "The tour works on a throw-away copy of the demo project and its own "
                           "SQLite database."));
        return;
    }
    const Step &step = m_steps.at(index);
    m_progress->setText(tr("Step %1 of %2").arg(index + 1).arg(m_steps.size()));
    m_title->setText(step.title);
    m_text->setText(step.text);
    m_backButton->setEnabled(index > 0);
    m_nextButton->setText(index + 1 < m_steps.size() ? tr("&Next") : tr("&Finish"));
    Q_EMIT stepShown(index, step.pane, step.action);
}

} // namespace Retort
