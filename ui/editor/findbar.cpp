// SPDX-License-Identifier: GPL-3.0-or-later
#include "editor/findbar.h"
#include "icons.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QToolButton>

namespace Retort {

namespace {

QToolButton *toolButton(QWidget *parent, const QString &themeIcon, QStyle::StandardPixmap fallback,
                        const QString &toolTip)
{
    auto *button = new QToolButton(parent);
    const QIcon icon = Icons::action(themeIcon);
    button->setIcon(icon.isNull() ? parent->style()->standardIcon(fallback) : icon);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    return button;
}

} // namespace

FindBar::FindBar(QWidget *parent)
    : QWidget(parent)
{
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Window);

    m_field = new QLineEdit(this);
    m_field->setPlaceholderText(tr("Find"));
    m_field->setClearButtonEnabled(true);
    m_field->setMinimumWidth(fontMetrics().averageCharWidth() * 28);
    m_previous = toolButton(this, QStringLiteral("go-up"), QStyle::SP_ArrowUp,
                            tr("Previous match (Shift+F3)"));
    m_next = toolButton(this, QStringLiteral("go-down"), QStyle::SP_ArrowDown,
                        tr("Next match (F3)"));
    m_matchCase = new QCheckBox(tr("Match case"), this);
    m_highlightAll = new QCheckBox(tr("Highlight all"), this);
    m_highlightAll->setChecked(true);
    m_status = new QLabel(this);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_close = toolButton(this, QStringLiteral("window-close"), QStyle::SP_TitleBarCloseButton,
                         tr("Close (Escape)"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->setSpacing(4);
    layout->addWidget(m_field);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addSpacing(8);
    layout->addWidget(m_matchCase);
    layout->addWidget(m_highlightAll);
    layout->addSpacing(8);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(m_close);

    connect(m_field, &QLineEdit::textChanged, this, &FindBar::criteriaChanged);
    connect(m_field, &QLineEdit::returnPressed, this, [this] {
        if (QGuiApplication::keyboardModifiers() & Qt::ShiftModifier)
            Q_EMIT findPreviousRequested();
        else
            Q_EMIT findNextRequested();
    });
    connect(m_previous, &QToolButton::clicked, this, &FindBar::findPreviousRequested);
    connect(m_next, &QToolButton::clicked, this, &FindBar::findNextRequested);
    connect(m_matchCase, &QCheckBox::toggled, this, &FindBar::criteriaChanged);
    connect(m_highlightAll, &QCheckBox::toggled, this, &FindBar::criteriaChanged);
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });
}

QString FindBar::text() const
{
    return m_field->text();
}

void FindBar::setText(const QString &text)
{
    m_field->setText(text);
}

bool FindBar::matchCase() const
{
    return m_matchCase->isChecked();
}

void FindBar::setMatchCase(bool on)
{
    m_matchCase->setChecked(on);
}

bool FindBar::highlightAll() const
{
    return m_highlightAll->isChecked();
}

void FindBar::setHighlightAll(bool on)
{
    m_highlightAll->setChecked(on);
}

QTextDocument::FindFlags FindBar::flags() const
{
    QTextDocument::FindFlags flags;
    if (matchCase())
        flags |= QTextDocument::FindCaseSensitively;
    return flags;
}

void FindBar::setFound(bool found)
{
    // A soft red behind the text when nothing matches, as browsers and Kate do.
    QPalette palette = m_field->parentWidget()->palette();
    if (!found && !m_field->text().isEmpty()) {
        const QColor base = palette.color(QPalette::Base);
        const QColor red(0xda, 0x44, 0x53);
        palette.setColor(QPalette::Base, QColor::fromRgbF(base.redF() * 0.75 + red.redF() * 0.25,
                                                          base.greenF() * 0.75 + red.greenF() * 0.25,
                                                          base.blueF() * 0.75 + red.blueF() * 0.25));
    }
    m_field->setPalette(palette);
}

void FindBar::setMatchCount(int count)
{
    if (m_field->text().isEmpty())
        m_status->clear();
    else if (count == 0)
        m_status->setText(tr("No matches"));
    else
        m_status->setText(count == 1 ? tr("1 match") : tr("%n matches", nullptr, count));
}

void FindBar::activate()
{
    show();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        Q_EMIT closed();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_F3) {
        if (event->modifiers() & Qt::ShiftModifier)
            Q_EMIT findPreviousRequested();
        else
            Q_EMIT findNextRequested();
        event->accept();
        return;
    }
    // Keys the search field leaves alone (Return, Up, ...) must not reach the editor
    // below and change the text.
    event->accept();
}

} // namespace Retort
